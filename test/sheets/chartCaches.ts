/*
 * A package's chart series read back with their data caches (c:numCache / c:strCache) and the cells
 * each reference names, for the cache tests (scenarioCache*.test.ts).
 */
import JSZip from "jszip";
import { cellAddress, parseRangeAddress } from "../../src/workbook/spec/a1";
import { childElements, parseXml, type XmlElement } from "../../src/workbook/xml/parse";

export interface CachedReference {
  /** The chart part and where in it: "xl/charts/chart1.xml series 0 values". */
  readonly where: string;
  /** The reference's formula, as written: "'Sheet'!$C$10:$C$20". */
  readonly formula: string;
  /** The referenced cells in order, without the sheet: ["C10", "C11", ...]. */
  readonly cells: readonly string[];
  readonly kind: "num" | "str";
  /** The cache's ptCount; null when it has no cache or no ptCount. */
  readonly ptCount: number | null;
  /** The cache's points by idx; null when the reference has no cache. */
  readonly points: ReadonlyMap<number, string> | null;
  /** The numeric cache's formatCode. */
  readonly formatCode: string | null;
}

const descendants = (element: XmlElement, name: string): XmlElement[] =>
  element.children.flatMap((child) => [
    ...(child.localName === name ? [child] : []),
    ...descendants(child, name),
  ]);

function reference(where: string, ref: XmlElement): CachedReference {
  const formula = childElements(ref, "f")[0]?.text ?? "";
  const range = parseRangeAddress((formula.split("!").pop() as string).replace(/\$/g, ""));
  const cells: string[] = [];
  for (let row = range.top; row <= range.bottom; row++)
    for (let col = range.left; col <= range.right; col++) cells.push(cellAddress(row, col));
  const kind = ref.localName === "strRef" ? "str" : "num";
  const cache = childElements(ref, kind === "str" ? "strCache" : "numCache")[0];
  const ptCount = cache && childElements(cache, "ptCount")[0]?.attributes["val"];
  return {
    where,
    formula,
    cells,
    kind,
    ptCount: ptCount === undefined ? null : Number(ptCount),
    points:
      cache === undefined
        ? null
        : new Map(
            childElements(cache, "pt").map((pt) => [
              Number(pt.attributes["idx"]),
              childElements(pt, "v")[0]?.text ?? "",
            ])
          ),
    formatCode: cache === undefined ? null : (childElements(cache, "formatCode")[0]?.text ?? null),
  };
}

/** Every category and value reference of every chart series in the package. */
export async function chartReferences(xlsx: Uint8Array | Buffer): Promise<CachedReference[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const charts = Object.keys(zip.files)
    .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
    .sort();
  const references: CachedReference[] = [];
  for (const part of charts) {
    const xml = await (zip.file(part) as JSZip.JSZipObject).async("string");
    descendants(parseXml(xml), "ser").forEach((ser, i) => {
      for (const role of ["cat", "val"] as const) {
        const holder = childElements(ser, role)[0];
        const ref = holder?.children.find(
          (c) => c.localName === "numRef" || c.localName === "strRef"
        );
        if (ref === undefined) throw new Error(`${part} series ${i} has no ${role} reference`);
        references.push(reference(`${part} series ${i} ${role}`, ref));
      }
    });
  }
  return references;
}

/** A cell as the worksheet part holds it: whether it has a formula, and its value (a formula's cached one). */
export interface RawCell {
  readonly formula: string | null;
  /** A number, text, a boolean or an error ({ error: "#N/A" }); undefined when there is no <v>. */
  readonly value: number | string | boolean | { error: string } | undefined;
}

/**
 * The cells of a one-sheet package's worksheet by address, read from its XML (ExcelJS reads a formula's
 * cached 0 as no result, so it cannot tell a cached nought from a missing cache).
 */
export async function sheetCells(xlsx: Uint8Array | Buffer): Promise<Map<string, RawCell>> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  if (parts.length !== 1) throw new Error(`expected one worksheet, found ${parts.join(", ")}`);
  const sst = await zip.file("xl/sharedStrings.xml")?.async("string");
  const text = (element: XmlElement): string =>
    childElements(element, "t")
      .map((t) => t.text)
      .join("") + childElements(element, "r").map(text).join("");
  const strings = sst === undefined ? [] : childElements(parseXml(sst), "si").map(text);
  const xml = await (zip.file(parts[0] as string) as JSZip.JSZipObject).async("string");
  const cells = new Map<string, RawCell>();
  for (const c of descendants(parseXml(xml), "c")) {
    const ref = c.attributes["r"] as string;
    const f = childElements(c, "f")[0];
    const v = childElements(c, "v")[0]?.text;
    const t = c.attributes["t"] ?? "n";
    let value: RawCell["value"];
    if (t === "inlineStr") {
      const is = childElements(c, "is")[0];
      value = is === undefined ? undefined : text(is);
    } else if (v === undefined) value = undefined;
    else if (t === "s") value = strings[Number(v)];
    else if (t === "str") value = v;
    else if (t === "e") value = { error: v };
    else if (t === "b") value = v.trim() !== "0";
    else value = Number(v);
    cells.set(ref, { formula: f === undefined ? null : f.text, value });
  }
  return cells;
}
