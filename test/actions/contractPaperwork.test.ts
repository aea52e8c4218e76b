/**
 * Contract paperwork: a signed or active contract needs legal's and finance's approval and an
 * archive link. The rule in core, the cells (`legal, finance`, `法务、财务`, a URL) as read, and
 * the block of the Renewals & receivables sheet and the contracts JSON.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { reviewContractsAction } from "../../src/actions/contracts";
import { paperworkGaps, type PaperworkContract } from "../../src/core/contractPaperwork";
import { calDate } from "../../src/core/dates";
import { render } from "../../src/i18n";
import type { Cell } from "../../src/ports";
import { parseCodeSet, parseUrl } from "../../src/workbook/cells";
import { APPROVAL_PARTIES } from "../../src/workbook/codes";
import { COLORS } from "../../src/workbook/write";
import { d, testEnv } from "../helpers/env";

const ASOF = calDate(2026, 11, 27);

const contract = (extra: Partial<PaperworkContract>): PaperworkContract => ({
  contractId: "K1",
  clientId: "C1",
  owner: null,
  status: "signed",
  signedOn: 100,
  approvals: ["legal", "finance"],
  archiveLink: "https://drive.example.com/K1",
  ...extra,
});

describe("the paperwork rule", () => {
  it("lists signed and active contracts missing an approval or the link, earliest signed first", () => {
    const gaps = paperworkGaps({
      contracts: [
        contract({ contractId: "K1" }),
        contract({ contractId: "K2", approvals: ["legal"], signedOn: 300 }),
        contract({ contractId: "K3", status: "active", archiveLink: null, signedOn: 200 }),
        contract({ contractId: "K4", status: "draft", approvals: null, archiveLink: null }),
        contract({ contractId: "K5", status: "expired", approvals: null }),
        contract({
          contractId: "K6",
          approvals: null,
          archiveLink: null,
          signedOn: null,
          owner: "x@example.com",
        }),
      ],
      clients: [{ clientId: "C1", name: "Acme", owner: "li@example.com" }],
      checkApprovals: true,
      checkLinks: true,
    });
    expect(gaps.map((g) => [g.contractId, g.missing, g.owner])).toEqual([
      ["K3", ["archiveLink"], "li@example.com"],
      ["K2", ["finance"], "li@example.com"],
      ["K6", ["legal", "finance", "archiveLink"], "x@example.com"],
    ]);
  });

  it("checks only the columns the sheet has", () => {
    const contracts = [contract({ approvals: null, archiveLink: null })];
    const input = { contracts, clients: [] };
    expect(paperworkGaps({ ...input, checkApprovals: false, checkLinks: false })).toEqual([]);
    expect(paperworkGaps({ ...input, checkApprovals: false, checkLinks: true })[0].missing).toEqual([
      "archiveLink",
    ]);
    expect(paperworkGaps({ ...input, checkApprovals: true, checkLinks: false })[0].missing).toEqual([
      "legal",
      "finance",
    ]);
  });

  it("property: a signed or active contract is listed exactly when something is missing", () => {
    const arb = fc.record({
      status: fc.constantFrom("draft", "review", "signed", "active", "expired", null),
      approvals: fc.option(fc.subarray(["legal", "finance"])),
      archiveLink: fc.option(fc.constant("https://x.example.com/k")),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 20 }), (rows) => {
        const contracts = rows.map((r, i) => contract({ ...r, contractId: `K${i}` }));
        const listed = new Set(
          paperworkGaps({ contracts, clients: [], checkApprovals: true, checkLinks: true }).map(
            (g) => g.contractId,
          ),
        );
        for (const k of contracts) {
          const needs = k.status === "signed" || k.status === "active";
          const complete = (k.approvals ?? []).length === 2 && k.archiveLink !== null;
          expect(listed.has(k.contractId)).toBe(needs && !complete);
        }
      }),
    );
  });
});

describe("the Approval and Archive link cells", () => {
  it("read approvals in either language and separator, and web addresses", () => {
    expect(parseCodeSet("legal, finance", APPROVAL_PARTIES)).toEqual({
      ok: true,
      value: ["legal", "finance"],
    });
    expect(parseCodeSet("财务、法务", APPROVAL_PARTIES)).toEqual({ ok: true, value: ["legal", "finance"] });
    expect(parseCodeSet(" 法务 ", APPROVAL_PARTIES)).toEqual({ ok: true, value: ["legal"] });
    expect(parseCodeSet("Finance；Finance", APPROVAL_PARTIES)).toEqual({ ok: true, value: ["finance"] });
    expect(parseCodeSet("legal, sales", APPROVAL_PARTIES).ok).toBe(false);
    expect(parseCodeSet(1, APPROVAL_PARTIES).ok).toBe(false);
    expect(parseUrl(" https://drive.example.com/a?b=1 ")).toEqual({
      ok: true,
      value: "https://drive.example.com/a?b=1",
    });
    expect(parseUrl("drive.example.com/a").ok).toBe(false);
    expect(parseUrl("javascript:alert(1)").ok).toBe(false);
    expect(parseUrl("https://").ok).toBe(false);
  });
});

/** A small English workbook with the two new columns. */
function workbook(withColumns = true): Record<string, Cell[][]> {
  const extra = (cells: Cell[]) => (withColumns ? cells : []);
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner"],
      ["C1", "Acme", "li@example.com"],
    ],
    Deals: [["Deal ID", "Client ID", "Stage", "Amount", "Closed on"]],
    Contracts: [
      [
        "Contract ID",
        "Client ID",
        "Status",
        "Signed on",
        "Start",
        "End",
        ...extra(["Approval", "Archive link"]),
      ],
      [
        "K1",
        "C1",
        "signed",
        d("2026-10-01"),
        d("2026-10-01"),
        d("2027-09-30"),
        ...extra(["legal, finance", "https://drive.example.com/K1"]),
      ],
      [
        "K2",
        "C1",
        "active",
        d("2026-03-01"),
        d("2026-03-01"),
        d("2027-02-28"),
        ...extra(["法务", "https://drive.example.com/K2"]),
      ],
      [
        "K3",
        "C1",
        "signed",
        d("2026-11-01"),
        d("2026-11-01"),
        d("2027-10-31"),
        ...extra(["legal, finance", ""]),
      ],
      ["K4", "C1", "draft", "", "", "", ...extra(["", ""])],
    ],
    Payments: [["Contract ID", "Due", "Amount due"]],
  };
}

describe("the contracts review", () => {
  it("lists the signed contracts missing an approval or the link in its sheet, summary and JSON", () => {
    const env = testEnv(workbook());
    const result = reviewContractsAction(env, { asOf: ASOF });
    const values = env.workbook.values("Renewals & receivables") ?? [];
    const title = values.findIndex((r) => String(r[0]).startsWith("Signed or active contracts missing"));
    expect(values[title][0]).toBe("Signed or active contracts missing an approval or the archive link: 2");
    const seven = (r: number) => values[r].slice(0, 7);
    expect(seven(title + 1)).toEqual([
      "Contract ID",
      "Client ID",
      "Client name",
      "Owner",
      "Status",
      "Signed on",
      "Missing",
    ]);
    expect(seven(title + 2)).toEqual([
      "K2",
      "C1",
      "Acme",
      "li@example.com",
      "Active",
      d("2026-03-01"),
      "finance approval",
    ]);
    expect(seven(title + 3)).toEqual([
      "K3",
      "C1",
      "Acme",
      "li@example.com",
      "Signed",
      d("2026-11-01"),
      "archive link",
    ]);
    expect(values).toHaveLength(title + 4);
    // Still one format call for the whole sheet, the rows coloured as the other blocks.
    const formats = env.workbook.sheet("Renewals & receivables")?.formats ?? [];
    expect(formats).toHaveLength(1);
    expect(formats[0].backgrounds?.colors[title + 2]?.[0]).toBe(COLORS.due);
    expect(formats[0].boldRows).toContain(title + 1);
    expect(result.summary.map((m) => render("en", m))).toContain(
      "2 signed contracts lack legal or finance approval or their archive link; see Renewals & receivables.",
    );
    expect(result.data.paperwork).toEqual([
      {
        contractId: "K2",
        clientId: "C1",
        owner: "li@example.com",
        status: "active",
        signedOn: "2026-03-01",
        missing: ["finance"],
      },
      {
        contractId: "K3",
        clientId: "C1",
        owner: "li@example.com",
        status: "signed",
        signedOn: "2026-11-01",
        missing: ["archiveLink"],
      },
    ]);
  });

  it("without the two columns, the sheet and the JSON are as before", () => {
    const env = testEnv(workbook(false));
    const result = reviewContractsAction(env, { asOf: ASOF });
    const values = env.workbook.values("Renewals & receivables") ?? [];
    expect(values.some((r) => String(r[0]).startsWith("Signed or active"))).toBe(false);
    expect(Object.keys(result.data)).not.toContain("paperwork");
  });

  it("a bad approval or link is a located issue of Check data", () => {
    const sheets = workbook();
    sheets.Contracts[4] = ["K4", "C1", "draft", "", "", "", "legal, sales", "drive/K4"];
    const result = checkData(testEnv(sheets), { asOf: ASOF });
    expect(result.issues.map((i) => [i.sheet, i.row, i.column, i.value])).toEqual([
      ["Contracts", 5, "Approval", "legal, sales"],
      ["Contracts", 5, "Archive link", "drive/K4"],
    ]);
  });
});
