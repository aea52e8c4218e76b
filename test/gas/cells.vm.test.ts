/**
 * Cells Sheets cannot misread: every string an action writes lands as that text, whatever it
 * looks like (`May 5`, `Jan 2026`, `5月5日`, `00123`, `TRUE`, `=1+1`, `'quoted`), and the
 * tool's own date columns hold date cells. Driven through dist/Code.js in the vm harness, whose
 * fakes coerce typed text as Sheets does unless the cell is plain text (run `npm run build` first).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBundle, type GasHandle, type SeedCell } from "./harness";

const NOW = "2026-11-27T02:00:00Z";

/** Text that Sheets, typed into an Automatic cell, would turn into something else. */
const AWKWARD = [
  "May 5",
  "Jan 2026",
  "5月5日",
  "2026年10月",
  "2026-10-05",
  "16/06/2025",
  "3/4/2026",
  "10:30",
  "TRUE",
  "false",
  "00123",
  "1,234",
  "12%",
  "1e5",
  "$5",
  "¥1,200",
  "(5)",
  "=1+1",
  '=HYPERLINK("http://x","y")',
  "+5",
  "-5",
  "@mention",
  "'quoted",
  "''",
  "#hashtag",
  "=",
  "-",
];

/** Text a seed stores as an error cell (the fakes' seeds read `#N/A` as the error), not as text. */
const ERROR_LITERAL =
  /^\s*#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)\s*$/i;

const awkwardText = fc.oneof(
  fc.constantFrom(...AWKWARD),
  fc
    .tuple(
      fc.constantFrom("", "=", "+", "-", "@", "'", "#", "0", "1", "May ", "5月"),
      fc.string({ maxLength: 8 }),
    )
    .map(([head, tail]) => head + tail)
    .filter((text) => !ERROR_LITERAL.test(text)),
);

/** Clients with awkward IDs, names and notes; inactive ones with an awkward Tier reason kept as read. */
function workbook(ids: string[], names: string[], locale: "en" | "zh-CN"): Record<string, SeedCell[][]> {
  const clients: SeedCell[][] = [
    [
      "Client ID",
      "Name",
      "Owner",
      "Status",
      "Tier",
      "Tier reason",
      "12-month purchase",
      "Tier since",
      "My notes",
    ],
  ];
  const interactions: SeedCell[][] = [["Date", "Client ID", "Channel", "Responded"]];
  ids.forEach((id, i) => {
    const inactive = i % 3 === 2;
    clients.push([
      id,
      names[i],
      "li@example.com",
      inactive ? "inactive" : "active",
      inactive ? "B" : "",
      inactive ? names[(i + 1) % names.length] : "",
      "",
      "",
      names[(i + 2) % names.length],
    ]);
    interactions.push([{ date: "2026-11-20" }, id, "phone", "yes"]);
  });
  // A status that is no code: Data issues quotes the cell as it is.
  clients.push(["Z-bad", "Bad", "li@example.com", names[0], "", "", "", "", ""]);
  return {
    Settings: [
      ["Key", "Value"],
      ["language", locale],
      ["timeZone", "Asia/Shanghai"],
    ],
    Clients: clients,
    Deals: [
      ["Deal ID", "Client ID", "Stage", "Amount", "Closed on"],
      ["D1", ids[0], "won", 500_000, { date: "2026-06-01" }],
    ],
    Interactions: interactions,
  };
}

function strings(gas: GasHandle, sheet: string): Set<string> {
  const out = new Set<string>();
  for (const row of gas.fake.sheetValues(sheet)) for (const v of row) if (typeof v === "string") out.add(v);
  return out;
}

describe("no string an action writes changes type", () => {
  it("holds for awkward client IDs, names, notes and kept cells through Tiers, Contact plan and Check (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          awkwardText.filter((t) => t.trim() !== "" && t === t.trim()),
          {
            minLength: 3,
            maxLength: 6,
          },
        ),
        fc.array(
          awkwardText.filter((t) => t.trim() !== ""),
          { minLength: 6, maxLength: 6 },
        ),
        fc.constantFrom("en" as const, "zh-CN" as const),
        (ids, names, language) => {
          const gas = loadBundle({
            seed: {
              timeZone: "Asia/Shanghai",
              locale: language === "en" ? "en_US" : "zh_CN",
              now: NOW,
              sheets: workbook(ids, names, language),
            },
          });
          gas.call("menuTiers");
          gas.call("menuContactPlan");
          gas.call("menuCheck");
          expect(gas.fake.coercions).toEqual([]);
          const plan = strings(gas, language === "en" ? "Contact plan" : "沟通计划");
          ids.forEach((id, i) => {
            if (i % 3 === 2) return;
            expect(plan).toContain(id);
          });
          const clients = gas.fake.sheetValues("Clients");
          ids.forEach((id, i) => {
            expect(clients[i + 1][0]).toBe(id);
            expect(clients[i + 1][8]).toBe(
              names[(i + 2) % names.length].trim() === "" ? null : names[(i + 2) % names.length],
            );
            if (i % 3 === 2) expect(clients[i + 1][5]).toBe(names[(i + 1) % names.length]);
          });
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("the tool's date columns hold date cells", () => {
  it("Recalculate tiers rewrites a Tier since typed as text (16/06/2025 in a DMY workbook) as a date", () => {
    const gas = loadBundle({
      seed: {
        timeZone: "Europe/London",
        locale: "en_GB",
        now: NOW,
        sheets: {
          Settings: [
            ["Key", "Value"],
            ["language", "en"],
            ["timeZone", "Europe/London"],
            ["dateOrder", "DMY"],
          ],
          Clients: [
            [
              "Client ID",
              "Name",
              "Owner",
              "Status",
              "Tier",
              "Tier reason",
              "12-month purchase",
              "Tier since",
            ],
            ["C1", "Acme", "li@example.com", "active", "C", "", "", "16/06/2025"],
            ["C2", "Beta", "li@example.com", "inactive", "B", "", "", "01/02/2024"],
            ["C3", "Gamma", "li@example.com", "inactive", "B", "", "", "not a date"],
          ],
          Deals: [["Deal ID", "Client ID", "Stage", "Amount", "Closed on"]],
        },
      },
    });
    gas.call("menuTiers");
    const clients = gas.fake.sheetValues("Clients");
    expect(clients[1][4]).toBe("C");
    expect(clients[1][7]).toEqual({ date: "2025-06-16" });
    expect(clients[2][7]).toEqual({ date: "2024-02-01" });
    expect(clients[3][7]).toBe("not a date");
    expect(gas.fake.coercions).toEqual([]);
  });
});
