/*
 * xl/workbook.xml: its sheets and defined names, read with the XML parser (../xml/parse.ts), and its
 * <definedNames> element rewritten. See xlsxWriter.ts for why this writer owns that element.
 */
import { escapeXmlAttribute, escapeXmlText } from "../xml/escape";
import { childElements, parseXml, type XmlElement } from "../xml/parse";

/** A `<definedName>` of xl/workbook.xml. */
export interface RawDefinedName {
  name: string;
  /** The sheet the name is scoped to; undefined for a workbook-level name. */
  sheetName?: string;
  /** The formula text, e.g. "'Quote (2)'!$F$30". */
  text: string;
  /** Other attributes (hidden, comment...). */
  attributes?: Record<string, string>;
}

/** A `<sheet>` of `<sheets>`: its name and the relationship id of its part. */
export interface WorkbookSheet {
  name: string;
  /** The r:id attribute (any prefix), undefined when missing. */
  relationshipId?: string;
}

function sheetsOf(workbook: XmlElement): WorkbookSheet[] {
  return childElements(workbook, "sheets")
    .flatMap((sheets) => childElements(sheets, "sheet"))
    .map((sheet) => {
      const id = Object.entries(sheet.attributes).find(([key]) => /^[^:]+:id$/.test(key))?.[1];
      const out: WorkbookSheet = { name: sheet.attributes["name"] ?? "" };
      if (id !== undefined) out.relationshipId = id;
      return out;
    });
}

/** The sheets of a workbook.xml in `<sheets>` order (the order localSheetId refers to). */
export function workbookSheets(workbookXml: string): WorkbookSheet[] {
  return sheetsOf(parseXml(workbookXml));
}

/** Sheet names in `<sheets>` order (the order localSheetId refers to). */
export function workbookSheetNames(workbookXml: string): string[] {
  return workbookSheets(workbookXml).map((sheet) => sheet.name);
}

/** The defined names of a workbook.xml, with scope resolved to sheet names. */
export function parseDefinedNames(workbookXml: string): RawDefinedName[] {
  const workbook = parseXml(workbookXml);
  const sheets = sheetsOf(workbook).map((sheet) => sheet.name);
  const out: RawDefinedName[] = [];
  for (const element of childElements(workbook, "definedNames").flatMap((names) =>
    childElements(names, "definedName")
  )) {
    const { name, localSheetId, ...rest } = element.attributes;
    if (!name) continue;
    const entry: RawDefinedName = { name, text: element.text };
    if (localSheetId !== undefined) {
      const sheetName = sheets[Number(localSheetId)];
      if (sheetName === undefined) continue;
      entry.sheetName = sheetName;
    }
    if (Object.keys(rest).length) entry.attributes = { ...rest };
    out.push(entry);
  }
  return out;
}

/** Children of CT_Workbook that come before <definedNames> (ECMA-376 Part 1, 18.2.27). */
const BEFORE_DEFINED_NAMES = new Set([
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
]);

/** Replaces the `<definedNames>` of a workbook.xml with `names` (scopes resolved against `<sheets>`). */
export function rewriteDefinedNames(workbookXml: string, names: readonly RawDefinedName[]): string {
  const workbook = parseXml(workbookXml);
  const sheets = sheetsOf(workbook).map((sheet) => sheet.name.toUpperCase());
  // The new elements take the root's prefix, so they land in the workbook's namespace.
  const prefix = workbook.name.slice(0, workbook.name.indexOf(":") + 1);
  const seen = new Set<string>();
  const rendered: string[] = [];
  for (const n of names) {
    let local = "";
    if (n.sheetName !== undefined) {
      const index = sheets.indexOf(n.sheetName.toUpperCase());
      if (index < 0) continue; // the sheet is gone
      local = ` localSheetId="${index}"`;
    }
    const key = `${n.name.toUpperCase()}|${local}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const extra = Object.entries(n.attributes ?? {})
      .map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`)
      .join("");
    rendered.push(
      `<${prefix}definedName name="${escapeXmlAttribute(n.name)}"${local}${extra}>${escapeXmlText(n.text)}</${prefix}definedName>`
    );
  }
  const block = rendered.length
    ? `<${prefix}definedNames>${rendered.join("")}</${prefix}definedNames>`
    : "";
  // Spliced into the text rather than rebuilding the document, so everything else ExcelJS (or Excel)
  // wrote stays byte for byte; where to splice comes from the parser's positions, never a pattern.
  const existing = childElements(workbook, "definedNames")[0];
  if (existing !== undefined)
    return workbookXml.slice(0, existing.start) + block + workbookXml.slice(existing.end);
  if (!block) return workbookXml;
  const before = workbook.children.filter((child) => BEFORE_DEFINED_NAMES.has(child.localName));
  const after = before[before.length - 1];
  if (after === undefined || !before.some((child) => child.localName === "sheets"))
    throw new Error("workbook.xml has no <sheets> element");
  return workbookXml.slice(0, after.end) + block + workbookXml.slice(after.end);
}
