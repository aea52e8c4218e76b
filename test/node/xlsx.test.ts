import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import { main } from "../../src/node/cli";
import { applyChanges, loadXlsx, openXlsx, saveXlsx } from "../../src/node/xlsx";
import {
  addAltText,
  addChart,
  addPicture,
  cellSnapshot,
  readWorkbook,
  tempDir,
  userWorkbook,
  writeWorkbook,
  zipPart,
} from "./fixtures";

function quietIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe("loading a user's workbook", () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = tempDir();
    file = path.join(dir, "user.xlsx");
    await writeWorkbook(userWorkbook(), file);
  });

  it("reads values as the actions see them, sheets in workbook order, merged cells once", async () => {
    const { memory } = await loadXlsx(file);
    expect(memory.sheetNames()).toEqual(["Settings", "Clients", "Deals", "My sheet"]);
    expect(memory.values("Clients")).toEqual([
      ["My notes", "Client ID", "Name", "Owner"],
      [4, "C1", "Acme", "ann@example.com"],
      ["#N/A", "C2", "Beta", "bob@example.com"],
      [{ date: calDate(2026, 10, 5) }, "C3", "Gamma", "ann@example.com"],
    ]);
    const mine = memory.values("My sheet") ?? [];
    expect(mine[0]).toEqual(["Quarter plan", "", ""]);
    expect(mine[1]).toEqual(["bold plain", "site", "=not a formula"]);
  });
});

describe("saving writes back only what the actions changed", () => {
  it("changes only the written cells: every other cell, style, note, formula and merge stays", async () => {
    const dir = tempDir();
    const file = path.join(dir, "user.xlsx");
    const out = path.join(dir, "out.xlsx");
    await writeWorkbook(userWorkbook(), file);
    const original = await readWorkbook(file);
    const loaded = await loadXlsx(file);
    loaded.memory.writeBlock("Clients", 2, 5, [["=1+1"], [{ date: calDate(2026, 11, 27) }], [7]]);
    const report = await saveXlsx(loaded, out);
    expect(report).toEqual({ sheetsRewritten: [], sheetsPatched: ["Clients"], cellsWritten: 3, charts: 0 });

    const saved = await readWorkbook(out);
    expect(saved.worksheets.map((ws) => ws.name)).toEqual(["Settings", "Clients", "Deals", "My sheet"]);
    for (const ws of original.worksheets) {
      const before = cellSnapshot(ws);
      const after = cellSnapshot(saved.getWorksheet(ws.name) as ExcelJS.Worksheet);
      for (const written of ws.name === "Clients" ? ["E2", "E3", "E4"] : []) after.delete(written);
      expect([...after.entries()].filter(([address]) => !before.has(address))).toEqual([]);
      expect(after).toEqual(before);
    }
    const clients = saved.getWorksheet("Clients") as ExcelJS.Worksheet;
    expect(clients.getCell("E2").type).toBe(ExcelJS.ValueType.String);
    expect(clients.getCell("E2").value).toBe("=1+1");
    expect(clients.getCell("E3").value).toEqual(new Date(Date.UTC(2026, 10, 27)));
    expect(clients.getCell("E3").numFmt).toBe("yyyy-mm-dd");
    expect(clients.getCell("E4").value).toBe(7);
    expect(clients.getCell("A2").value).toEqual({ formula: "LEN(C2)", result: 4 });
    expect(clients.getColumn(1).width).toBe(30);
    expect((saved.getWorksheet("My sheet") as ExcelJS.Worksheet).getCell("B1").isMerged).toBe(true);
  });

  it("after Set up and Check data, every cell of the user's columns and sheets is unchanged", async () => {
    const dir = tempDir();
    const file = path.join(dir, "user.xlsx");
    const afterSetup = path.join(dir, "setup.xlsx");
    const afterCheck = path.join(dir, "check.xlsx");
    await writeWorkbook(userWorkbook(), file);
    const original = await readWorkbook(file);
    const run = quietIo();
    expect(await main(["setup", file, "--out", afterSetup], run.io)).toBe(0);
    // Other features' checks may report on this data (exit 1); what is checked here is what got written.
    expect([0, 1]).toContain(
      await main(["check", afterSetup, "--out", afterCheck, "--as-of", "2026-11-27"], run.io),
    );
    const saved = await readWorkbook(afterCheck);

    // Data rows of the input tables: every cell as it was (values, formulas, styles, notes).
    for (const name of ["Clients", "Deals"]) {
      const before = cellSnapshot(original.getWorksheet(name) as ExcelJS.Worksheet);
      const after = cellSnapshot(saved.getWorksheet(name) as ExcelJS.Worksheet);
      for (const [address, cell] of before) {
        if (/^[A-Z]+1$/.test(address)) continue; // the header row is formatted by Set up
        expect(after.get(address), `${name}!${address}`).toBe(cell);
      }
    }
    // Header texts are the user's, new columns come after them.
    const clients = saved.getWorksheet("Clients") as ExcelJS.Worksheet;
    expect([1, 2, 3, 4, 5].map((c) => clients.getCell(1, c).value)).toEqual([
      "My notes",
      "Client ID",
      "Name",
      "Owner",
      "Industry",
    ]);
    // The user's own sheet: every cell, the merge and the drop-down.
    expect(cellSnapshot(saved.getWorksheet("My sheet") as ExcelJS.Worksheet)).toEqual(
      cellSnapshot(original.getWorksheet("My sheet") as ExcelJS.Worksheet),
    );
    expect((saved.getWorksheet("My sheet") as ExcelJS.Worksheet).getCell("C1").isMerged).toBe(true);
    // Set up's formats reached the file: frozen header and a drop-down on Deals' Stage column.
    const deals = saved.getWorksheet("Deals") as ExcelJS.Worksheet;
    expect(deals.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(deals.getCell("C500").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Lead,Qualified,Proposal,Negotiation,Won,Lost"'],
    });
    // New sheets in the workbook language, and the Data issues sheet of the last action.
    expect(saved.worksheets.map((ws) => ws.name)).toEqual([
      "Settings",
      "Clients",
      "Deals",
      "My sheet",
      "Contracts",
      "Payments",
      "Interactions",
      "Targets",
      "Industries",
      "Team",
      "Partners",
      "Templates",
      "Tier history",
      "Data issues",
      "Send log",
    ]);
  });

  it("writes each drop-down once, so no two validations overlap (exceljs alone would split them)", async () => {
    const dir = tempDir();
    const file = path.join(dir, "user.xlsx");
    const out = path.join(dir, "out.xlsx");
    await writeWorkbook(userWorkbook(), file);
    const loaded = await loadXlsx(file);
    await saveXlsx(loaded, out);
    let mine: string | null = null;
    for (let i = 1; i <= 4 && mine === null; i++) {
      const xml = await zipPart(out, `xl/worksheets/sheet${i}.xml`);
      if (xml?.includes('<mergeCell ref="A1:C1"/>')) mine = xml;
    }
    expect(mine?.match(/sqref="[^"]*"/g)).toEqual(['sqref="D2:D100"']);
  });

  it("rewrites a replaced sheet in its place with its formats", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["First", "Data issues", "Last"])
      wb.addWorksheet(name).getCell("A1").value = `old ${name}`;
    (wb.getWorksheet("Data issues") as ExcelJS.Worksheet).getCell("Z9").value = "stale";
    const dir = tempDir();
    const file = path.join(dir, "in.xlsx");
    await writeWorkbook(wb, file);
    const loaded = await loadXlsx(file);
    loaded.memory.replaceSheet(
      "Data issues",
      [
        ["Sheet", "Row", "When"],
        ["Clients", 2, { date: calDate(2026, 11, 27) }],
      ],
      {
        frozenRows: 1,
        headerNotes: ["note", null, null],
        headerBackgrounds: ["#d2e3fc", null, null],
        boldHeaderColumns: 3,
        columnWidths: [70, 140],
        validations: [{ column: 1, fromRow: 2, toRow: 5, values: ["a", "b"] }],
        numberFormats: [{ column: 2, fromRow: 2, toRow: null, kind: "integer" }],
      },
    );
    loaded.memory.addCharts("Data issues", [
      { kind: "column", title: "t", row: 1, column: 1, rows: 2, columns: 2, anchorRow: 1, anchorColumn: 5 },
    ]);
    const out = path.join(dir, "out.xlsx");
    const report = await saveXlsx(loaded, out);
    expect(report).toEqual({
      sheetsRewritten: ["Data issues"],
      sheetsPatched: [],
      cellsWritten: 6,
      charts: 1,
    });
    const saved = await readWorkbook(out);
    expect(saved.worksheets.map((ws) => ws.name)).toEqual(["First", "Data issues", "Last"]);
    const ws = saved.getWorksheet("Data issues") as ExcelJS.Worksheet;
    expect(ws.getCell("Z9").value).toBe(null);
    expect(ws.getCell("A1").value).toBe("Sheet");
    const note = ws.getCell("A1").note as unknown as { texts: { text: string }[] };
    expect(note.texts.map((t) => t.text).join("")).toBe("note");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFD2E3FC" },
    });
    expect(ws.getCell("C2").value).toEqual(new Date(Date.UTC(2026, 10, 27)));
    expect(ws.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B2").numFmt).toBe("0");
    expect(ws.getCell("A5").dataValidation).toMatchObject({ type: "list", formulae: ['"a,b"'] });
    expect(ws.getCell("A6").dataValidation).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(10);
    expect((saved.getWorksheet("First") as ExcelJS.Worksheet).getCell("A1").value).toBe("old First");
  });

  it("adds created sheets at the end, as applyChanges does for a new file", async () => {
    const loaded = await loadXlsx(
      await (async () => {
        const dir = tempDir();
        const file = path.join(dir, "in.xlsx");
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Only").getCell("A1").value = 1;
        await writeWorkbook(wb, file);
        return file;
      })(),
    );
    loaded.memory.addSheet("New");
    loaded.memory.appendRows("New", [["x", 2]]);
    const report = applyChanges(loaded);
    expect(report.sheetsRewritten).toEqual(["New"]);
    const dir = tempDir();
    loaded.pkg.writeFile(path.join(dir, "out.xlsx"));
    const saved = await readWorkbook(path.join(dir, "out.xlsx"));
    expect(saved.worksheets.map((ws) => [ws.name, ws.getCell("A1").value])).toEqual([
      ["Only", 1],
      ["New", "x"],
    ]);
    expect((await openXlsx(readFileSync(path.join(dir, "out.xlsx")))).memory.values("New")).toEqual([
      ["x", 2],
    ]);
  });
});

describe("what exceljs could not keep", () => {
  let dir: string;
  let chartFile: string;

  beforeAll(async () => {
    dir = tempDir();
    const wb = userWorkbook();
    addPicture(wb, "My sheet");
    chartFile = path.join(dir, "chart.xlsx");
    await writeWorkbook(wb, chartFile);
    await addChart(chartFile);
    await addAltText(chartFile);
  });

  it("--in-place keeps the chart, the picture and its alt text, and a .bak copy", async () => {
    const bytes = readFileSync(chartFile);
    const drawing = await zipPart(chartFile, "xl/drawings/drawing1.xml");
    const chart = await zipPart(chartFile, "xl/charts/chart1.xml");
    const run = quietIo();
    expect(await main(["setup", chartFile, "--in-place"], run.io)).toBe(0);
    expect(run.err).toEqual([]);
    expect(readFileSync(`${chartFile}.bak`).equals(bytes)).toBe(true);
    expect(await zipPart(chartFile, "xl/drawings/drawing1.xml")).toBe(drawing);
    expect(await zipPart(chartFile, "xl/charts/chart1.xml")).toBe(chart);
    expect(drawing).toContain('descr="Our logo"');
    const saved = await readWorkbook(chartFile);
    expect((saved.getWorksheet("My sheet") as ExcelJS.Worksheet).getImages()).toHaveLength(1);
  });
});

describe("print setup and widths of a sheet the tool writes", () => {
  it("prints on A4, one page wide, with print titles, page numbers and the header text", async () => {
    const dir = tempDir();
    const file = path.join(dir, "in.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("First").getCell("A1").value = "mine";
    await writeWorkbook(wb, file);
    const loaded = await loadXlsx(file);
    const name = "Report 2026-10 & Q'4";
    loaded.memory.replaceSheet(
      name,
      [
        ["Owner", "Won", "Since"],
        ["王伟", 1234567.5, { date: calDate(2026, 10, 5) }],
        ["Ann", -20, { date: calDate(2026, 11, 1) }],
      ],
      {
        frozenRows: 1,
        numberFormats: [{ column: 2, fromRow: 2, toRow: 3, kind: "amount" }],
        print: {
          paper: "A4",
          orientation: "portrait",
          fitToWidth: true,
          repeatRows: { from: 1, to: 1 },
          pageNumbers: true,
          headerText: "Monthly report & notes",
        },
        alignments: [{ range: { row: 1, column: 2, rows: 3, columns: 1 }, align: "right" }],
        wraps: [{ row: 1, column: 1, rows: 3, columns: 1 }],
        merges: [{ row: 5, column: 1, rows: 1, columns: 3 }],
      },
    );
    const out = path.join(dir, "out.xlsx");
    await saveXlsx(loaded, out);
    const sheet = (await zipPart(out, "xl/worksheets/sheet2.xml")) ?? "";
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain(
      '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>',
    );
    expect(sheet).toContain(
      "<headerFooter><oddHeader>&amp;LMonthly report &amp;&amp; notes</oddHeader><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>",
    );
    expect(sheet).toContain('<mergeCell ref="A5:C5"/>');
    const workbook = (await zipPart(out, "xl/workbook.xml")) ?? "";
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Report 2026-10 &amp; Q''4'!$1:$1</definedName>`,
    );
    // Widths: "¥1,234,567.50" is 13 characters, a date 10; a CJK name counts double.
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) =>
      Number(m[2]),
    );
    expect(widths[1]).toBeGreaterThanOrEqual(13);
    expect(widths[2]).toBeGreaterThanOrEqual(10);
    const saved = await readWorkbook(out);
    const ws = saved.getWorksheet(name) as ExcelJS.Worksheet;
    expect(ws.getCell("B2").numFmt).toBe('"¥"#,##0.00');
    expect(ws.getCell("B1").alignment).toMatchObject({ horizontal: "right" });
    expect(ws.getCell("A2").alignment).toMatchObject({ wrapText: true });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect((await openXlsx(readFileSync(out))).memory.values(name)?.[1]).toEqual([
      "王伟",
      1234567.5,
      { date: calDate(2026, 10, 5) },
    ]);
  });
});
