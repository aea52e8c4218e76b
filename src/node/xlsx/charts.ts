/**
 * Native charts: one drawing part per sheet with a two-cell anchor per chart, and one chart
 * part (DrawingML `c:chartSpace`) per chart — column, bar, line, pie, or columns with some
 * series drawn as lines (a target over actuals). Each series refers to the written block by
 * formula (sheet name quoted) and carries cached values, so Excel, WPS and LibreOffice draw
 * it on opening and the user can edit it like any chart.
 */
import { formatIsoDate } from "../../core/dates";
import { isDateCell, type Cell, type ChartSpec } from "../../ports";
import { letterOf } from "./cellXml";
import type { XlsxPackage } from "./package";
import { CONTENT_TYPE, type ContentTypes, REL, Relationships } from "./parts";
import { escapeText, quoteSheet, XML_DECLARATION } from "./xml";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const EMU_PER_PIXEL = 9525;
const ROW_PIXELS = 20;
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];
const LINE_COLORS = ["C00000", "7F7F7F", "000000"];

export interface ChartContext {
  readonly sheetName: string;
  readonly values: readonly (readonly Cell[])[];
  /** Column → width in Excel characters, where the writer set one (others default). */
  readonly columnWidths: ReadonlyMap<number, number>;
  /** Column → number format of its values, where the tool gave one. */
  readonly formats: ReadonlyMap<number, string>;
}

/** Writes the drawing and chart parts of a sheet's charts; returns the drawing's relationship id, or null. */
export function writeCharts(
  pkg: XlsxPackage,
  types: ContentTypes,
  rels: Relationships,
  charts: readonly ChartSpec[],
  context: ChartContext,
): string | null {
  if (charts.length === 0) return null;
  const drawingPart = freeName(pkg, "xl/drawings/drawing", ".xml");
  const drawingRels = new Relationships(pkg, drawingPart);
  const anchors: string[] = [];
  let chartNumber = 1;
  charts.forEach((spec, i) => {
    while (pkg.has(`xl/charts/chart${chartNumber}.xml`)) chartNumber++;
    const chartPart = `xl/charts/chart${chartNumber}.xml`;
    pkg.set(chartPart, chartXml(spec, context));
    types.setOverride(chartPart, CONTENT_TYPE.chart);
    const id = drawingRels.add(REL.chart, chartPart);
    anchors.push(anchorXml(spec, context, id, i + 2));
  });
  pkg.set(
    drawingPart,
    `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors.join("")}</xdr:wsDr>`,
  );
  types.setOverride(drawingPart, CONTENT_TYPE.drawing);
  drawingRels.save(pkg);
  return rels.add(REL.drawing, drawingPart);
}

function freeName(pkg: XlsxPackage, stem: string, extension: string): string {
  let n = 1;
  while (pkg.has(`${stem}${n}${extension}`)) n++;
  return `${stem}${n}${extension}`;
}

/** Pixels of a column: Excel shows a width of w characters in about 7w + 5 pixels. */
function columnPixels(context: ChartContext, column: number): number {
  const width = context.columnWidths.get(column) ?? 8.43;
  return Math.round(width * 7 + 5);
}

/** Where the chart ends: the cell and offset reached from its anchor by its size in pixels. */
function anchorXml(spec: ChartSpec, context: ChartContext, relId: string, shapeId: number): string {
  const width = spec.width ?? 520;
  const height = spec.height ?? 300;
  let column = spec.anchorColumn;
  let left = width;
  while (left > columnPixels(context, column)) {
    left -= columnPixels(context, column);
    column++;
  }
  const rows = Math.floor(height / ROW_PIXELS);
  const marker = (tag: string, col: number, colOff: number, row: number, rowOff: number): string =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>${colOff}</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${rowOff}</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    marker("from", spec.anchorColumn - 1, 0, spec.anchorRow - 1, 0) +
    marker(
      "to",
      column - 1,
      left * EMU_PER_PIXEL,
      spec.anchorRow - 1 + rows,
      (height - rows * ROW_PIXELS) * EMU_PER_PIXEL,
    ) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeText(
      spec.title,
    ).replace(/"/g, "&quot;")}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
  );
}

/** `'Sheet'!$B$2:$B$9`. */
function reference(sheet: string, column: number, fromRow: number, toRow: number): string {
  const quoted = quoteSheet(sheet);
  const letter = letterOf(column);
  return fromRow === toRow
    ? `${quoted}!$${letter}$${fromRow}`
    : `${quoted}!$${letter}$${fromRow}:$${letter}$${toRow}`;
}

function label(value: Cell | undefined): string {
  if (value === undefined || value === null) return "";
  if (isDateCell(value)) return formatIsoDate(value.date);
  return String(value);
}

function strRef(f: string, labels: readonly string[]): string {
  const points = labels.map((text, i) => `<c:pt idx="${i}"><c:v>${escapeText(text)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${escapeText(f)}</c:f><c:strCache><c:ptCount val="${labels.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(f: string, values: readonly Cell[], format: string): string {
  const points = values
    .map((value, i) =>
      typeof value === "number" && Number.isFinite(value)
        ? `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`
        : "",
    )
    .join("");
  return `<c:numRef><c:f>${escapeText(f)}</c:f><c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

interface Series {
  readonly index: number;
  readonly column: number;
  readonly line: boolean;
}

function seriesXml(
  spec: ChartSpec,
  context: ChartContext,
  series: Series,
  kind: "bar" | "line" | "pie",
): string {
  const first = spec.row + 1;
  const last = spec.row + spec.rows - 1;
  const rows = context.values.slice(first - 1, last);
  const name = label(context.values[spec.row - 1]?.[series.column - 1]);
  const categories = rows.map((line) => label(line[spec.column - 1]));
  const values = rows.map((line) => line[series.column - 1] ?? "");
  const format = context.formats.get(series.column) ?? "General";
  const color = series.line
    ? LINE_COLORS[series.index % LINE_COLORS.length]
    : PALETTE[series.index % PALETTE.length];
  const fill = `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
  const spPr =
    kind === "line"
      ? `<c:spPr><a:ln w="28575" cap="rnd">${fill}<a:round/></a:ln></c:spPr>`
      : kind === "bar"
        ? `<c:spPr>${fill}</c:spPr>`
        : "";
  const head =
    `<c:idx val="${series.index}"/><c:order val="${series.index}"/>` +
    `<c:tx>${strRef(reference(context.sheetName, series.column, spec.row, spec.row), [name])}</c:tx>${spPr}`;
  const body =
    `<c:cat>${strRef(reference(context.sheetName, spec.column, first, last), categories)}</c:cat>` +
    `<c:val>${numRef(reference(context.sheetName, series.column, first, last), values, format)}</c:val>`;
  if (kind === "bar") return `<c:ser>${head}<c:invertIfNegative val="0"/>${body}</c:ser>`;
  if (kind === "line")
    return `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${body}<c:smooth val="0"/></c:ser>`;
  const points = categories
    .map(
      (_, i) =>
        `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${PALETTE[i % PALETTE.length]}"/></a:solidFill></c:spPr></c:dPt>`,
    )
    .join("");
  return `<c:ser>${head}${points}${body}</c:ser>`;
}

const AXES = { category: 500100, value: 500200 };

function axesXml(horizontal: boolean, valueFormat: string): string {
  return (
    `<c:catAx><c:axId val="${AXES.category}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${AXES.value}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${AXES.value}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escapeText(valueFormat).replace(/"/g, "&quot;")}" sourceLinked="0"/>` +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${AXES.category}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

export function chartXml(spec: ChartSpec, context: ChartContext): string {
  const seriesCount = Math.max(0, spec.columns - 1);
  const lines = new Set(spec.lineSeries ?? []);
  const all: Series[] = Array.from({ length: seriesCount }, (_, i) => ({
    index: i,
    column: spec.column + 1 + i,
    line: spec.kind === "line" || lines.has(i),
  }));
  const axisIds = `<c:axId val="${AXES.category}"/><c:axId val="${AXES.value}"/>`;
  const valueFormat = context.formats.get(spec.column + 1) ?? "General";
  let plot: string;
  if (spec.kind === "pie") {
    const first = all[0];
    plot = `<c:pieChart><c:varyColors val="1"/>${first ? seriesXml(spec, context, first, "pie") : ""}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else {
    const bars = all.filter((s) => !s.line);
    const lineSeries = all.filter((s) => s.line);
    const horizontal = spec.kind === "bar";
    const barXml =
      bars.length > 0
        ? `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
          bars.map((s) => seriesXml(spec, context, s, "bar")).join("") +
          `<c:gapWidth val="80"/><c:overlap val="-10"/>${axisIds}</c:barChart>`
        : "";
    const lineXml =
      lineSeries.length > 0
        ? '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
          lineSeries.map((s) => seriesXml(spec, context, s, "line")).join("") +
          `<c:marker val="1"/>${axisIds}</c:lineChart>`
        : "";
    plot = barXml + lineXml + axesXml(horizontal && lineSeries.length === 0, valueFormat);
  }
  const title =
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${escapeText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    title +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${spec.kind === "pie" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>' +
    "</c:chartSpace>"
  );
}
