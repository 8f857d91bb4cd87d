/**
 * The scenario sheet's formulas and print layout, for every example with value-sharing terms and one
 * scenarios block written here. scenarioSheet.engines.test.ts recalculates it with HyperFormula and
 * LibreOffice.
 */
import { parseCellAddress } from "../../src/workbook/spec/a1";
import { NATIVE_FUNCTIONS, formulaFunctions } from "../../src/workbook/spec/formulas";
import { example, readJson, valid } from "../document/fixtures";
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

describe("the scenario sheet's dated instalments", () => {
  it("reads each due date as a UK date, its years from the quote date to two places", () => {
    // The imaging example is quoted on 2 June 2025 with instalments due 1 July 2025 and 31 March 2026:
    // 29 and 302 days later, 29 / 365 = 0.0795 and 302 / 365 = 0.8274 years.
    const { spec } = build(example("commercial-imaging-ai.json"));
    const cellAt = (row: number, col: number) =>
      spec.cells.find((cell) => {
        const at = cell.address === undefined ? cell : parseCellAddress(cell.address);
        return at.row === row && at.col === col;
      });
    const due = [
      ["Due 1 July 2025", 29 / 365],
      ["Due 31 March 2026", 302 / 365],
    ] as const;
    for (const [label, years] of due) {
      const cell = spec.cells.find((c) => c.value.kind === "text" && c.value.text === label);
      expect(cell).toBeDefined();
      const row = parseCellAddress(cell!.address!).row;
      const year = cellAt(row, 1);
      expect(year?.numberFormat).toBe("0.00");
      expect(year?.value).toEqual({ kind: "number", value: expect.closeTo(years, 12) });
    }
    expect(spec.cells.some((c) => c.value.kind === "text" && /Due 2025-/.test(c.value.text))).toBe(
      false
    );
  });
});

describe("the scenario sheet's words on the simulation and the payback", () => {
  const texts = (doc: ReturnType<typeof example>) =>
    build(doc).spec.cells.flatMap((cell) => (cell.value.kind === "text" ? [cell.value.text] : []));

  it("names the milestones a late launch moves, or says none does", () => {
    expect(texts(example("commercial-rwe-milestones.json"))).toContain(
      "First marketing authorisation for that product: each moves by the delay drawn, discounted at its new year"
    );
    expect(texts(example("commercial-imaging-ai.json"))).toContain(
      "None: every milestone stays at its year"
    );
    // No milestone offer, nothing to say.
    expect(
      texts(example("sme-subscription.json")).filter((t) => t.includes("stays at its year"))
    ).toEqual([]);
  });

  it("says no payback target was given, never measuring against the fee", () => {
    const words = texts(example("commercial-imaging-ai.json")).join("\n");
    expect(words).toMatch(/Payback: no payback target was given, so the column says "no target"/);
    expect(words).not.toMatch(/full cost/);
  });

  it("says what the payback target is when the document gives one", () => {
    const json = readJson("sme-subscription.json") as { scenarios: Record<string, unknown> };
    const doc = valid({ ...json, scenarios: { ...json.scenarios, paybackTarget: 30000 } });
    expect(texts(doc).join("\n")).toMatch(
      /reaches the payback target in the inputs below, £30,000\.00 as the scenarios block states it/
    );
  });
});
