/* A sheet with two charts, and how its .xlsx parts are read back: for charts.test.ts and charts.engines.test.ts. */
import JSZip from "jszip";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { formula, num, text, type SheetSpec } from "../../src/workbook/spec/spec";

export const SHEET = "Chart's test";

export function chartSheet(): SheetSpec {
  const b = new SheetSpecBuilder(SHEET);
  b.row(1, "A", [text("Year"), text("Alpha"), text("Beta")]);
  for (let year = 1; year <= 5; year++)
    b.row(1 + year, "A", [num(year), num(year * 10), formula(`B${1 + year}*2`, year * 20)]);
  b.chart({
    kind: "line",
    title: "Cumulative value & more",
    categories: "A2:A6",
    series: [
      { name: "Alpha", values: "B2:B6" },
      { name: "Beta <2x>", values: "C2:C6" },
    ],
    anchor: "E1:L15",
  });
  b.chart({
    kind: "column",
    title: "Counts",
    categories: "A2:A6",
    series: [{ name: "Alpha", values: "B2:B6" }],
    anchor: "E17:L30",
    categoryFormat: "0.0",
    valueFormat: "[$£-809]#,##0",
    categoryAxisTitle: "Year & half",
    valueAxisTitle: "Value (£)",
  });
  return b.build();
}

export async function parts(buffer: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name]?.dir)
      out.set(name, await (zip.file(name) as JSZip.JSZipObject).async("string"));
  return out;
}

export const formulas = (xml: string) =>
  [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) =>
    (m[1] as string)
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
  );
