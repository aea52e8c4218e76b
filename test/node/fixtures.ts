/**
 * .xlsx files for the command-line tests: a user's workbook written by exceljs (extra column,
 * formula, #N/A, date, note, style, merged range, validation), and a way to add a native chart
 * to a file (exceljs cannot write one) by editing the zip with JSZip, resolved through exceljs,
 * whose dependency it is.
 */
import { mkdtempSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/node/cli";

interface JSZipFile {
  async(type: "string"): Promise<string>;
}
interface JSZipArchive {
  file(name: string): JSZipFile | null;
  file(name: string, data: string): JSZipArchive;
  generateAsync(options: { type: "nodebuffer"; compression: "DEFLATE" }): Promise<Buffer>;
}
interface JSZipStatic {
  loadAsync(data: Buffer | ArrayBuffer): Promise<JSZipArchive>;
}

const requireHere = createRequire(import.meta.url);
const JSZip = createRequire(requireHere.resolve("exceljs"))("jszip") as JSZipStatic;

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "account-desk-"));
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * An English workbook as a user might keep it: Settings, Clients with a column of their own
 * (formula, #N/A, date, note, bold and filled cells), Deals, and a sheet of their own with a
 * merged range and a drop-down.
 */
export function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const settings = wb.addWorksheet("Settings");
  settings.addRow(["Key", "Value", "Description"]);
  settings.addRow(["language", "en", "mine"]);
  const clients = wb.addWorksheet("Clients");
  clients.addRow(["My notes", "Client ID", "Name", "Owner"]);
  clients.addRow([null, "C1", "Acme", "ann@example.com"]);
  clients.addRow([null, "C2", "Beta", "bob@example.com"]);
  clients.addRow([null, "C3", "Gamma", "ann@example.com"]);
  clients.getCell("A2").value = { formula: "LEN(C2)", result: 4 };
  clients.getCell("A3").value = { formula: "NA()", result: { error: "#N/A" } };
  clients.getCell("A4").value = new Date(Date.UTC(2026, 9, 5));
  clients.getCell("A4").numFmt = "yyyy/mm/dd";
  clients.getCell("A2").note = "checked by hand";
  clients.getCell("A3").font = { bold: true, color: { argb: "FFCC0000" } };
  clients.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  clients.getColumn(1).width = 30;
  const deals = wb.addWorksheet("Deals");
  deals.addRow(["Deal ID", "Client ID", "Stage", "Amount", "Closed on"]);
  deals.addRow(["D1", "C1", "won", 120000, new Date(Date.UTC(2026, 9, 1))]);
  const mine = wb.addWorksheet("My sheet");
  mine.getCell("A1").value = "Quarter plan";
  mine.mergeCells("A1:C1");
  mine.getCell("A2").value = { richText: [{ text: "bold ", font: { bold: true } }, { text: "plain" }] };
  mine.getCell("B2").value = { text: "site", hyperlink: "https://example.com" };
  mine.getCell("C2").value = "=not a formula";
  for (let r = 3; r <= 12; r++) mine.getCell(r, 1).value = r;
  (
    mine as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add("D2:D100", { type: "list", allowBlank: true, formulae: ['"yes,no"'] });
  return wb;
}

export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await writeFile(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** The text of one part of an .xlsx file. */
export async function zipPart(file: string, part: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return (await zip.file(part)?.async("string")) ?? null;
}

/** Rewrites parts of an .xlsx file in place. */
async function editZip(file: string, edit: (zip: JSZipArchive) => Promise<void>): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(file));
  await edit(zip);
  await writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

const CHART_FRAME =
  "<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
  "<xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChart1"/>' +
  "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>";

const CHART_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>' +
  '<c:val><c:numRef><c:f>Clients!$A$2:$A$2</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>' +
  '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>' +
  "</c:plotArea></c:chart></c:chartSpace>";

/**
 * Adds a column chart next to the picture of a workbook that has one in its first drawing
 * (exceljs writes the drawing for the picture; the chart goes into the same drawing).
 */
export async function addChart(file: string): Promise<void> {
  await editZip(file, async (zip) => {
    const drawing = await zip.file("xl/drawings/drawing1.xml")?.async("string");
    const rels = await zip.file("xl/drawings/_rels/drawing1.xml.rels")?.async("string");
    const types = await zip.file("[Content_Types].xml")?.async("string");
    if (!drawing || !rels || !types) throw new Error("addChart needs a workbook with a picture");
    zip.file("xl/drawings/drawing1.xml", drawing.replace("</xdr:wsDr>", `${CHART_FRAME}</xdr:wsDr>`));
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
      ),
    );
    zip.file("xl/charts/chart1.xml", CHART_XML);
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
      ),
    );
  });
}

/** Gives the first picture of a file alt text (which exceljs does not write back). */
export async function addAltText(file: string): Promise<void> {
  await editZip(file, async (zip) => {
    const drawing = await zip.file("xl/drawings/drawing1.xml")?.async("string");
    if (!drawing) throw new Error("addAltText needs a workbook with a picture");
    zip.file(
      "xl/drawings/drawing1.xml",
      drawing.replace('name="Picture 1"', 'name="Picture 1" descr="Our logo"'),
    );
  });
}

/** A picture on a sheet. */
export function addPicture(wb: ExcelJS.Workbook, sheet: string): void {
  const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  ws.addImage(id, "H2:I4");
}

/** Every cell of a worksheet as comparable text: address → value, style and note. */
export function cellSnapshot(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(
        cell.address,
        JSON.stringify({ value: cell.value, type: cell.type, style: cell.style, note: cell.note ?? null }),
      );
    });
  });
  return out;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Removes a sheet from a file (exceljs rewrites the whole file; fine for a test's input). */
export async function removeSheet(file: string, name: string): Promise<void> {
  const wb = await readWorkbook(file);
  wb.removeWorksheet(wb.getWorksheet(name)?.id ?? -1);
  await writeWorkbook(wb, file);
}

/** Runs the command line in-process and collects what it printed. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join(""), err: err.join("") };
}
