/*
 * Native charts in an .xlsx package. ExcelJS cannot write charts, so once it has written the package
 * the chart parts are added here: for each sheet with charts, one DrawingML drawing holding a
 * two-cell anchor per chart, each chart part a c:chartSpace whose series refer to the sheet's ranges
 * by formula. Each reference carries its data cache (ECMA-376 Part 1 §21.2.2: c:numCache or
 * c:strCache, with ptCount and a c:pt per cell with a value), taken from the values the written
 * worksheet part holds for those cells, its formulas' cached values included: Excel recalculates on
 * load, but Protected View, previewers and readers of cached values draw the chart from the cache.
 */
import type JSZip from "jszip";
import { cellAddress, parseRangeAddress, quoteSheetName, rangeAddress } from "../spec/a1";
import type { ChartSpec } from "../spec/spec";
import { escapeXmlAttribute, escapeXmlText } from "../xml/escape";
import { childElements, parseXml, type XmlElement } from "../xml/parse";
import { workbookSheets } from "./workbookXml";

const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingml: "http://schemas.openxmlformats.org/drawingml/2006/main",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
};
const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};
/** The charts' text size in hundredths of a point: 11 points, the cells' own. */
const TEXT_SIZE = 1100;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** "C10:C30" on sheet "Scenarios DP-1" → "'Scenarios DP-1'!$C$10:$C$30". */
export function chartReference(sheetName: string, range: string): string {
  return `${quoteSheetName(sheetName)}!${rangeAddress(parseRangeAddress(range), true)}`;
}

/** A cell's value as a worksheet part holds it: a number as written in its <v>, or text. */
type CellContent = { readonly number: string } | { readonly text: string };

/** The values of a sheet's cells by address ("C10"); a cell without one (blank, an error) is absent. */
type CellContents = ReadonlyMap<string, CellContent>;

/** The text of a shared string or an inline string: its own <t>, or its runs' (phonetic runs left out). */
function stringText(element: XmlElement): string {
  const own = childElements(element, "t")
    .map((t) => t.text)
    .join("");
  return own + childElements(element, "r").map(stringText).join("");
}

/** The shared strings of a package, in order. */
async function sharedStrings(zip: JSZip): Promise<string[]> {
  const xml = await zip.file("xl/sharedStrings.xml")?.async("string");
  return xml === undefined ? [] : childElements(parseXml(xml), "si").map(stringText);
}

/** Each cell's value in a worksheet part: numbers (and booleans) as written, text and shared strings as text. */
function cellContents(sheetXml: string, strings: readonly string[]): CellContents {
  const contents = new Map<string, CellContent>();
  const sheetData = childElements(parseXml(sheetXml), "sheetData")[0];
  for (const row of sheetData === undefined ? [] : childElements(sheetData, "row"))
    for (const c of childElements(row, "c")) {
      const ref = c.attributes["r"];
      if (ref === undefined) continue;
      const type = c.attributes["t"] ?? "n";
      const v = childElements(c, "v")[0]?.text;
      if (type === "inlineStr") {
        const is = childElements(c, "is")[0];
        if (is !== undefined) contents.set(ref, { text: stringText(is) });
      } else if (v === undefined || type === "e") continue;
      else if (type === "s") contents.set(ref, { text: strings[Number(v)] ?? "" });
      else if (type === "str") contents.set(ref, { text: v });
      else contents.set(ref, { number: v.trim() });
    }
  return contents;
}

/** The cells of a one-row or one-column range, in order. */
function rangeCells(range: string): string[] {
  const r = parseRangeAddress(range);
  const cells: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) cells.push(cellAddress(row, col));
  return cells;
}

/**
 * A reference to a range with its cache: for categories, c:strRef and c:strCache when any of its cells
 * holds text (a category axis of labels); otherwise, and always for a series' values (the schema's
 * c:val takes only c:numRef or c:numLit), c:numRef and c:numCache in `format`. A cell without a number
 * there has no c:pt, as a blank or text cell in Excel's own caches.
 */
function dataReference(
  reference: string,
  range: string,
  contents: CellContents,
  format: string | undefined,
  role: "categories" | "values"
): string {
  const cells = rangeCells(range).map((address) => contents.get(address));
  const f = `<c:f>${escapeXmlText(reference)}</c:f>`;
  const count = `<c:ptCount val="${cells.length}"/>`;
  const points = (value: (content: CellContent) => string | undefined) =>
    cells
      .map((content, idx) => {
        const v = content === undefined ? undefined : value(content);
        return v === undefined ? "" : `<c:pt idx="${idx}"><c:v>${escapeXmlText(v)}</c:v></c:pt>`;
      })
      .join("");
  if (role === "categories" && cells.some((content) => content !== undefined && "text" in content))
    return `<c:strRef>${f}<c:strCache>${count}${points((c) => ("text" in c ? c.text : c.number))}</c:strCache></c:strRef>`;
  const formatCode = `<c:formatCode>${escapeXmlText(format ?? "General")}</c:formatCode>`;
  return `<c:numRef>${f}<c:numCache>${formatCode}${count}${points((c) => ("number" in c ? c.number : undefined))}</c:numCache></c:numRef>`;
}

/** The c:chartSpace of one chart on `sheetName`, its caches from `contents`, the sheet's cells. */
function chartXml(sheetName: string, chart: ChartSpec, contents: CellContents): string {
  const categories = dataReference(
    chartReference(sheetName, chart.categories),
    chart.categories,
    contents,
    chart.categoryFormat,
    "categories"
  );
  const series = chart.series
    .map((s, i) => {
      const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXmlText(s.name)}</c:v></c:tx>`;
      const values = dataReference(
        chartReference(sheetName, s.values),
        s.values,
        contents,
        chart.valueFormat,
        "values"
      );
      const data = `<c:cat>${categories}</c:cat><c:val>${values}</c:val>`;
      // The schema fixes each element's place in a series: marker before cat, smooth after val.
      return chart.kind === "line"
        ? `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker>${data}<c:smooth val="0"/></c:ser>`
        : `<c:ser>${head}<c:invertIfNegative val="0"/>${data}</c:ser>`;
    })
    .join("");
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot =
    chart.kind === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="${chart.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="50"/>${axes}</c:barChart>`;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${escapeXmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  const axisTitle = (value: string | undefined) =>
    value === undefined
      ? ""
      : `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${TEXT_SIZE}" b="1"/></a:pPr>` +
        `<a:r><a:rPr lang="en-GB" sz="${TEXT_SIZE}" b="1"/><a:t>${escapeXmlText(value)}</a:t></a:r></a:p></c:rich></c:tx>` +
        `<c:overlay val="0"/></c:title>`;
  const numberFormat = (format: string | undefined) =>
    format === undefined
      ? '<c:numFmt formatCode="General" sourceLinked="1"/>'
      : `<c:numFmt formatCode="${escapeXmlAttribute(format)}" sourceLinked="0"/>`;
  // Horizontal bars put the categories down the left and the values along the bottom.
  const horizontal = chart.kind === "bar";
  // Top down: the categories in reverse order (the first at the top), and the value axis crossing them
  // at their last, which is then at the bottom.
  const topDown = horizontal && chart.topDown === true;
  const categoryAxis =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${topDown ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/>${axisTitle(chart.categoryAxisTitle)}${numberFormat(chart.categoryFormat)}<c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueAxis =
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>${axisTitle(chart.valueAxisTitle)}${numberFormat(chart.valueFormat)}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="${topDown ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.relationships}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${categoryAxis}${valueAxis}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    // Every label, the legend and the axes' numbers at the sheet's body size, so they print as large.
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${TEXT_SIZE}"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** The drawing part: one two-cell anchor per chart, the chart's part named by r:id rId<i+1>. */
function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts
    .map((chart, i) => {
      const r = parseRangeAddress(chart.anchor);
      // Zero-based markers; "to" is the cell just past the anchor's bottom-right corner.
      const marker = (tag: string, col: number, row: number) =>
        `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${marker("from", r.left - 1, r.top - 1)}${marker("to", r.right, r.bottom)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXmlAttribute(`Chart ${i + 1}`)}" descr="${escapeXmlAttribute(chart.title)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="rId${i + 1}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return (
    XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.relationships}">${anchors}</xdr:wsDr>`
  );
}

function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS.packageRelationships}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

/** The Id and Target of each <Relationship> of a relationships part. */
function relationships(relsXml: string): { id?: string; target?: string }[] {
  return childElements(parseXml(relsXml), "Relationship").map((r) => ({
    id: r.attributes["Id"],
    target: r.attributes["Target"],
  }));
}

/** The worksheet part of each sheet, by name: xl/workbook.xml's r:id through its relationships. */
async function worksheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (workbook === undefined || rels === undefined)
    throw new Error("The package has no xl/workbook.xml or its relationships");
  const targets = new Map<string, string>();
  for (const { id, target } of relationships(rels)) {
    if (id && target)
      targets.set(
        id,
        target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`
      );
  }
  const parts = new Map<string, string>();
  for (const { name, relationshipId } of workbookSheets(workbook)) {
    const part = relationshipId === undefined ? undefined : targets.get(relationshipId);
    if (part !== undefined) parts.set(name, part);
  }
  return parts;
}

/** The first number not used by a part named like `pattern` (xl/charts/chart7.xml → 7). */
function nextNumber(zip: JSZip, pattern: RegExp): () => number {
  let n = 0;
  for (const name of Object.keys(zip.files)) {
    const m = pattern.exec(name);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return () => ++n;
}

/** Worksheet children that must follow <drawing> (ECMA-376 CT_Worksheet's sequence). */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function insertDrawingElement(sheetXml: string, relationshipId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("The worksheet already has a drawing");
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml))
    xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.relationships}"`);
  const element = `<drawing r:id="${relationshipId}"/>`;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const found = new RegExp(`<${tag}\\b`).exec(xml);
    if (found && (at < 0 || found.index < at)) at = found.index;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("The worksheet part has no </worksheet>");
  return xml.slice(0, at) + element + xml.slice(at);
}

/**
 * Adds each sheet's charts to a package ExcelJS has written: chart parts, a drawing per sheet, their
 * relationships, the sheet's <drawing> and the content types.
 */
export async function addChartsToPackage(
  zip: JSZip,
  sheets: readonly { sheetName: string; charts: readonly ChartSpec[] }[]
): Promise<void> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return;
  const parts = await worksheetParts(zip);
  const nextChart = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const nextDrawing = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const strings = await sharedStrings(zip);
  const overrides: string[] = [];
  for (const { sheetName, charts } of withCharts) {
    const sheetPart = parts.get(sheetName);
    if (sheetPart === undefined) throw new Error(`No worksheet part for sheet "${sheetName}"`);
    const sheetXml = await zip.file(sheetPart)?.async("string");
    if (sheetXml === undefined) throw new Error(`The package has no ${sheetPart}`);
    const contents = cellContents(sheetXml, strings);
    const drawingNumber = nextDrawing();
    const drawingPart = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartRels = charts.map((chart, i) => {
      const chartPart = `xl/charts/chart${nextChart()}.xml`;
      zip.file(chartPart, chartXml(sheetName, chart, contents));
      overrides.push(`<Override PartName="/${chartPart}" ContentType="${CONTENT_TYPE.chart}"/>`);
      return {
        id: `rId${i + 1}`,
        type: REL.chart,
        target: `../charts/${chartPart.split("/").pop()}`,
      };
    });
    zip.file(drawingPart, drawingXml(charts));
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationshipsXml(chartRels));
    overrides.push(`<Override PartName="/${drawingPart}" ContentType="${CONTENT_TYPE.drawing}"/>`);

    const slash = sheetPart.lastIndexOf("/");
    const relsPart = `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`;
    const existingRels = await zip.file(relsPart)?.async("string");
    const used = new Set(
      (existingRels === undefined ? [] : relationships(existingRels)).flatMap((r) =>
        r.id === undefined ? [] : [r.id]
      )
    );
    let k = used.size + 1;
    while (used.has(`rId${k}`)) k++;
    const drawingRel = `<Relationship Id="rId${k}" Type="${REL.drawing}" Target="../drawings/drawing${drawingNumber}.xml"/>`;
    zip.file(
      relsPart,
      existingRels === undefined
        ? relationshipsXml([
            { id: `rId${k}`, type: REL.drawing, target: `../drawings/drawing${drawingNumber}.xml` },
          ])
        : existingRels.replace(/<\/Relationships>\s*$/, `${drawingRel}</Relationships>`)
    );
    zip.file(sheetPart, insertDrawingElement(sheetXml, `rId${k}`));
  }
  const typesFile = zip.file("[Content_Types].xml");
  const types = await typesFile?.async("string");
  if (types === undefined) throw new Error("The package has no [Content_Types].xml");
  zip.file("[Content_Types].xml", types.replace(/<\/Types>\s*$/, `${overrides.join("")}</Types>`));
}
