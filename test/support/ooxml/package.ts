/*
 * An .xlsx package read for the conformance checks: its parts, relationships, sheets and cells, parsed
 * with the product's own XML module (src/workbook/xml/parse.ts, fast-xml-parser underneath) but
 * interpreted here, independently of the writer's code.
 */
import JSZip from "jszip";
import { parseXml, type XmlElement } from "../../../src/workbook/xml/parse";

export const NS = {
  sml: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  main: "http://schemas.openxmlformats.org/drawingml/2006/main",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  officeRels: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  core: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
  extended: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  xml: "http://www.w3.org/XML/1998/namespace",
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name ("xl/worksheets/sheet1.xml"), or the target as written when external. */
  readonly target: string;
  readonly external: boolean;
}

export interface CellXml {
  /** "B12". */
  readonly ref: string;
  /** The t attribute ("n" when absent). */
  readonly type: string;
  /** The formula's text, when the cell has a formula element (shared formulas: its text, maybe ""). */
  readonly formula?: string;
  /** The <v> element's text; undefined when the cell has no <v>. */
  readonly value?: string;
  /** The cell's value read as its type says: number, text (shared strings resolved), boolean, error. */
  readonly read: number | string | boolean | { error: string } | undefined;
}

export interface SheetXml {
  readonly name: string;
  readonly index: number;
  readonly part: string;
  readonly root: XmlElement;
  readonly cells: ReadonlyMap<string, CellXml>;
}

export interface XlsxPackage {
  /** Every part's text, by part name (no leading slash). */
  readonly parts: ReadonlyMap<string, string>;
  rels(part: string): Relationship[];
  parse(part: string): XmlElement;
  readonly workbookPart: string;
  readonly sheets: readonly SheetXml[];
}

export function child(element: XmlElement, localName: string): XmlElement | undefined {
  return element.children.find((c) => c.localName === localName);
}

export function children(element: XmlElement, localName: string): XmlElement[] {
  return element.children.filter((c) => c.localName === localName);
}

/** Every descendant (depth first) whose local name is `localName`. */
export function descendants(element: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.localName === localName) out.push(c);
      walk(c);
    }
  };
  walk(element);
  return out;
}

/** The attribute whose local name is `localName`, whatever its prefix (r:id, id). */
export function attr(element: XmlElement, localName: string): string | undefined {
  for (const [key, value] of Object.entries(element.attributes))
    if (key === localName || key.endsWith(`:${localName}`)) return value;
  return undefined;
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

function sharedStrings(sst: XmlElement | undefined): string[] {
  if (sst === undefined) return [];
  return children(sst, "si").map((si) => {
    // Plain text (<t>) or rich text runs (<r><t>); phonetic runs (<rPh>) are not the cell's text.
    const direct = child(si, "t");
    if (direct !== undefined) return direct.text;
    return children(si, "r")
      .map((r) => child(r, "t")?.text ?? "")
      .join("");
  });
}

function readCell(c: XmlElement, strings: readonly string[]): CellXml {
  const type = c.attributes["t"] ?? "n";
  const f = child(c, "f");
  const v = child(c, "v");
  const value = v?.text;
  let read: CellXml["read"];
  if (type === "inlineStr")
    read = descendants(c, "t")
      .map((t) => t.text)
      .join("");
  else if (value === undefined) read = undefined;
  else if (type === "s") read = strings[Number(value)];
  else if (type === "str") read = value;
  else if (type === "b") read = value === "1" || value === "true";
  else if (type === "e") read = { error: value };
  else read = Number(value);
  return {
    ref: c.attributes["r"] ?? "",
    type,
    ...(f === undefined ? {} : { formula: f.text }),
    ...(value === undefined ? {} : { value }),
    read,
  };
}

export async function readPackage(bytes: Uint8Array | Buffer): Promise<XlsxPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    if (/\.(xml|rels)$/.test(file.name)) parts.set(file.name, await file.async("string"));
  }
  const parsed = new Map<string, XmlElement>();
  const parse = (part: string): XmlElement => {
    let root = parsed.get(part);
    if (root === undefined) {
      const text = parts.get(part);
      if (text === undefined) throw new Error(`the package has no part ${part}`);
      root = parseXml(text);
      parsed.set(part, root);
    }
    return root;
  };
  const rels = (part: string): Relationship[] => {
    const relsPart = part === "" ? "_rels/.rels" : relsPartOf(part);
    if (!parts.has(relsPart)) return [];
    return children(parse(relsPart), "Relationship").map((r) => {
      const external = r.attributes["TargetMode"] === "External";
      const target = r.attributes["Target"] ?? "";
      return {
        id: r.attributes["Id"] ?? "",
        type: r.attributes["Type"] ?? "",
        target: external ? target : resolveTarget(part, target),
        external,
      };
    });
  };
  const office = rels("").find((r) => r.type.endsWith("/officeDocument"));
  if (office === undefined) throw new Error("the package has no officeDocument relationship");
  const workbookPart = office.target;
  const workbookRels = rels(workbookPart);
  const sstPart = workbookRels.find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const strings = sharedStrings(sstPart === undefined ? undefined : parse(sstPart));
  const sheetsElement = child(parse(workbookPart), "sheets");
  const sheets = (sheetsElement === undefined ? [] : children(sheetsElement, "sheet")).map(
    (sheet, index) => {
      const rid = attr(sheet, "id") ?? "";
      const part = workbookRels.find((r) => r.id === rid)?.target ?? "";
      const root = parse(part);
      const cells = new Map<string, CellXml>();
      const data = child(root, "sheetData");
      for (const row of data === undefined ? [] : children(data, "row"))
        for (const c of children(row, "c")) {
          const cell = readCell(c, strings);
          cells.set(cell.ref, cell);
        }
      return { name: sheet.attributes["name"] ?? "", index, part, root, cells };
    }
  );
  return { parts, rels, parse, workbookPart, sheets };
}
