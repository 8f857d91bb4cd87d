/**
 * The scenario sheet's formulas and print layout, for every example with value-sharing terms and one
 * scenarios block written here. scenarioSheet.engines.test.ts recalculates it with HyperFormula and
 * LibreOffice.
 */
import { parseCellAddress } from "../../src/workbook/spec/a1";
import { NATIVE_FUNCTIONS, formulaFunctions } from "../../src/workbook/spec/formulas";
import { example } from "../document/fixtures";
import { DOCUMENTS, build } from "./scenarioSheetCases";

describe.each(DOCUMENTS)("the scenario sheet of %s", (_, load) => {
  const doc = load();
  const { spec } = build(doc);

  it("uses only native functions", () => {
    const used = new Set(
      spec.cells.flatMap((cell) =>
        cell.value.kind === "formula" ? formulaFunctions(cell.value.formula) : []
      )
    );
    expect([...used].filter((fn) => !NATIVE_FUNCTIONS.has(fn))).toEqual([]);
    expect(used.has("SUMPRODUCT")).toBe(true);
  });
});

describe("the scenario sheet printed", () => {
  it("keeps its named values, grids and results inside the print area and its workings below", () => {
    const { spec, layout } = build(example("commercial-imaging-ai.json"));
    const printArea = spec.print.printArea as string;
    const lastRow = Number(/\$(\d+)$/.exec(printArea)?.[1]);
    const rows = [
      ...layout.royaltyByDiscountRate.flat(),
      ...(layout.peakRevenueByProbability ?? []).flat(),
    ].map((address) => parseCellAddress(address).row);
    expect(Math.max(...rows)).toBeLessThanOrEqual(lastRow);
    expect(spec.cells.some((cell) => parseCellAddress(cell.address as string).row > lastRow)).toBe(
      true
    );
  });
});
