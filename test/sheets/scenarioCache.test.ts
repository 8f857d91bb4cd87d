/**
 * The cheap guard for scenarioCache.engines.test.ts: every formula cell of every scenario sheet the tests
 * build carries a cached value, so a workbook opened without recalculating (Protected View, a previewer)
 * shows figures rather than blanks; and a chart's series carry their data caches, from the cells.
 */
import { cellAddress } from "../../src/workbook/spec/a1";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { blank, formula, num, text } from "../../src/workbook/spec/spec";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { chartReferences } from "./chartCaches";
import { chartSheet } from "./chartSheet";
import { DOCUMENTS, build } from "./scenarioSheetCases";

describe.each(DOCUMENTS)("the scenario sheet of %s", (_name, load) => {
  it("caches a value in every formula cell", () => {
    const { spec } = build(load());
    const formulas = spec.cells.filter((cell) => cell.value.kind === "formula");
    expect(formulas.length).toBeGreaterThan(0);
    const uncached = formulas
      .filter((cell) => cell.value.kind === "formula" && cell.value.cachedValue === undefined)
      .map((cell) => {
        const where = cell.address ?? cellAddress(cell.row, cell.col);
        return `${where}: ${cell.value.kind === "formula" ? cell.value.formula : ""}`;
      });
    expect(uncached).toEqual([]);
  });
});

describe("the charts' data caches", () => {
  it("hold the referenced cells' values, formulas' cached values included", async () => {
    const refs = await chartReferences(await writeWorkbook([chartSheet()]));
    // Two series in the line chart, one in the column chart: a category and a value reference each.
    expect(refs).toHaveLength(6);
    const expected: Record<string, string[]> = {
      A: ["1", "2", "3", "4", "5"],
      B: ["10", "20", "30", "40", "50"],
      C: ["20", "40", "60", "80", "100"],
    };
    for (const ref of refs) {
      expect([ref.where, ref.kind, ref.ptCount]).toEqual([ref.where, "num", 5]);
      const column = (ref.cells[0] as string).charAt(0);
      expect([ref.where, [...(ref.points ?? new Map<number, string>()).entries()]]).toEqual([
        ref.where,
        (expected[column] as string[]).map((v, i) => [i, v]),
      ]);
    }
    // The column chart's own formats; the line chart's are General.
    expect(refs.map((ref) => ref.formatCode)).toEqual([
      "General",
      "General",
      "General",
      "General",
      "0.0",
      "[$£-809]#,##0",
    ]);
  });

  it("are text caches where the categories are text", async () => {
    const b = new SheetSpecBuilder("Labels");
    b.row(1, "A", [text("North & South"), num(3)]);
    b.row(2, "A", [text("East"), formula("B1*2", 6)]);
    b.row(3, "A", [blank(), num(1)]);
    b.chart({
      kind: "column",
      title: "By region",
      categories: "A1:A3",
      series: [{ name: "Count", values: "B1:B3" }],
      anchor: "D1:J12",
    });
    const [categories, values] = await chartReferences(await writeWorkbook([b.build()]));
    expect(categories?.kind).toBe("str");
    expect(categories?.ptCount).toBe(3);
    expect([...(categories?.points ?? new Map<number, string>()).entries()]).toEqual([
      [0, "North & South"],
      [1, "East"],
    ]);
    expect(values?.kind).toBe("num");
    expect([...(values?.points ?? new Map<number, string>()).entries()]).toEqual([
      [0, "3"],
      [1, "6"],
      [2, "1"],
    ]);
  });
});
