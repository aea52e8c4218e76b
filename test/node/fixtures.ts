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
  file(name: string, data: string | Buffer): JSZipArchive;
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

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PIVOT_CACHE_TYPE = `${REL_NS}/pivotCacheDefinition`;

/** The parts `addUserParts` adds: what a user made in Excel that the tool must carry over unchanged. */
export const USER_PARTS = [
  "xl/worksheets/sheet99.xml",
  "xl/worksheets/_rels/sheet99.xml.rels",
  "xl/drawings/drawing99.xml",
  "xl/drawings/_rels/drawing99.xml.rels",
  "xl/charts/chart99.xml",
  "xl/media/image99.png",
  "xl/pivotTables/pivotTable99.xml",
  "xl/pivotTables/_rels/pivotTable99.xml.rels",
  "xl/pivotCache/pivotCacheDefinition99.xml",
  "xl/pivotCache/_rels/pivotCacheDefinition99.xml.rels",
  "xl/pivotCache/pivotCacheRecords99.xml",
];

/**
 * Adds to a workbook what a user makes in Excel and exceljs could not keep: a sheet of their
 * own with a picture, a chart over Clients and a pivot table, and defined names (one of them
 * print titles). Written by hand as minimal valid parts.
 */
export async function addUserParts(file: string, clientsSheet: string): Promise<void> {
  await editZip(file, async (zip) => {
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    zip.file(
      "xl/worksheets/sheet99.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:B3"/>` +
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></c><c r="B1" t="inlineStr"><is><t>Qty</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>pens</t></is></c><c r="B2"><v>1</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>ink</t></is></c><c r="B3"><v>2</v></c></row></sheetData>' +
        '<mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells><drawing r:id="rId1"/></worksheet>',
    );
    zip.file(
      "xl/worksheets/_rels/sheet99.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/drawing" Target="../drawings/drawing99.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_NS}/pivotTable" Target="../pivotTables/pivotTable99.xml"/></Relationships>`,
    );
    const picture =
      '<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
      "<xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
      '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Picture 1" descr="Our logo"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
      '<xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rIdImage"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
      '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>';
    zip.file(
      "xl/drawings/drawing99.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
        picture +
        CHART_FRAME +
        "</xdr:wsDr>",
    );
    zip.file(
      "xl/drawings/_rels/drawing99.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">` +
        `<Relationship Id="rIdImage" Type="${REL_NS}/image" Target="../media/image99.png"/>` +
        `<Relationship Id="rIdChart1" Type="${REL_NS}/chart" Target="../charts/chart99.xml"/></Relationships>`,
    );
    zip.file("xl/charts/chart99.xml", CHART_XML.replace("Clients!$A$2:$A$2", `'${clientsSheet}'!$A$2:$A$2`));
    zip.file("xl/media/image99.png", PNG);
    zip.file(
      "xl/pivotCache/pivotCacheDefinition99.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" r:id="rId1" refreshOnLoad="1" recordCount="2">` +
        '<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="My sheet"/></cacheSource><cacheFields count="2">' +
        '<cacheField name="Item" numFmtId="0"><sharedItems count="2"><s v="pens"/><s v="ink"/></sharedItems></cacheField>' +
        '<cacheField name="Qty" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="2"/></cacheField>' +
        "</cacheFields></pivotCacheDefinition>",
    );
    zip.file(
      "xl/pivotCache/_rels/pivotCacheDefinition99.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${REL_NS}/pivotCacheRecords" Target="pivotCacheRecords99.xml"/></Relationships>`,
    );
    zip.file(
      "xl/pivotCache/pivotCacheRecords99.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${MAIN_NS}" count="2"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r></pivotCacheRecords>`,
    );
    zip.file(
      "xl/pivotTables/pivotTable99.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN_NS}" name="PivotTable1" cacheId="99" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" outline="1" outlineData="1">` +
        '<location ref="E1:F4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2">' +
        '<pivotField axis="axisRow" showAll="0"><items count="3"><item x="1"/><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>' +
        '<rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems>' +
        '<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Qty" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>',
    );
    zip.file(
      "xl/pivotTables/_rels/pivotTable99.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${PIVOT_CACHE_TYPE}" Target="../pivotCache/pivotCacheDefinition99.xml"/></Relationships>`,
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdUser" Type="${REL_NS}/worksheet" Target="worksheets/sheet99.xml"/>` +
          `<Relationship Id="rIdPivot" Type="${PIVOT_CACHE_TYPE}" Target="pivotCache/pivotCacheDefinition99.xml"/></Relationships>`,
      ),
    );
    zip.file(
      "xl/workbook.xml",
      workbook
        .replace("</sheets>", '<sheet name="My sheet" sheetId="99" r:id="rIdUser"/></sheets>')
        .replace(/<sheets\/>/, '<sheets><sheet name="My sheet" sheetId="99" r:id="rIdUser"/></sheets>')
        .replace(
          /(<calcPr\b|<\/workbook>)/,
          (next) =>
            `<definedNames><definedName name="MyRange">'My sheet'!$A$2:$A$3</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'${clientsSheet}'!$1:$1</definedName></definedNames>${next}`,
        )
        .replace(
          "</workbook>",
          '<pivotCaches><pivotCache cacheId="99" r:id="rIdPivot"/></pivotCaches></workbook>',
        ),
    );
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Default Extension="png" ContentType="image/png"/>' +
          '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/drawings/drawing99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
          '<Override PartName="/xl/charts/chart99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
          '<Override PartName="/xl/pivotTables/pivotTable99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>' +
          '<Override PartName="/xl/pivotCache/pivotCacheDefinition99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
          '<Override PartName="/xl/pivotCache/pivotCacheRecords99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/></Types>',
      ),
    );
  });
}

/** Every part of an .xlsx file, uncompressed, by name. */
export async function zipParts(file: string): Promise<Map<string, Buffer>> {
  const zip = (await JSZip.loadAsync(await readFile(file))) as unknown as {
    files: Record<string, { dir: boolean; async(type: "nodebuffer"): Promise<Buffer> }>;
  };
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, await entry.async("nodebuffer"));
  return out;
}
