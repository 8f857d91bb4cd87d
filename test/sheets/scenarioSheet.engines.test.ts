/**
 * The scenario sheet (scenarioSheet.test.ts) recalculated by two independent spreadsheet engines, HyperFormula in-process and
 * LibreOffice (forced to recalculate, so no cached value survives): its named present values, every
 * mechanism's present values and both sensitivity grids equal the scenario engine's figures to 1e-9
 * relative, for every example with value-sharing terms. The engine is checked against closed forms in
 * test/core/scenarios; here one closed form is also written out, so the sheet is held to arithmetic as
 * well as to the engine. The breakeven royalty is checked by typing it into the sheet as the royalty's
 * rate and recalculating: the royalty and the milestones are then worth the same.
 */
import * as ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { type ScenarioResult } from "../../src/core/scenarios";
import { parseCellAddress } from "../../src/workbook/spec/a1";
import {
  SCENARIO_NAMES,
  type ScenarioSheetLayout,
} from "../../src/workbook/layouts/scenario/scenarioSheet";
import { type SheetSpec } from "../../src/workbook/spec/spec";
import { readDefinedNames, writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import type { Partnership } from "../../src/document/schema";
import { NO_TARGET } from "../../src/workbook/layouts/scenario/sections/comparison";
import { example, readJson, valid } from "../document/fixtures";
import { buildHyperFormula } from "../support/hyperformula";
import { libreOfficeBatch } from "../support/libreoffice";
import { DOCUMENTS, TOLERANCE, build, subscriptionWithScenarios } from "./scenarioSheetCases";

/** Every document's scenario sheet, recalculated in one run of LibreOffice. */
const libreOffice = libreOfficeBatch();

type Read = (target: string) => unknown;

/** The engine's figures, each beside the sheet's, as [what, sheet, engine]. */
function comparisons(read: Read, result: ScenarioResult, layout: ScenarioSheetLayout) {
  const pairs: [string, unknown, number][] = [];
  result.mechanisms.forEach((value, i) => {
    const cells = layout.mechanisms[i] as ScenarioSheetLayout["mechanisms"][number];
    pairs.push([
      `${value.id} present value`,
      read(cells.presentValue),
      value.presentValue.toNumber(),
    ]);
    pairs.push([
      `${value.id} risk-adjusted`,
      read(cells.riskAdjusted),
      value.riskAdjustedPresentValue.toNumber(),
    ]);
  });
  for (const kind of ["fixed", "subscription", "milestones", "royalty"] as const) {
    const first = result.mechanisms.find((value) => value.kind === kind);
    if (first !== undefined)
      pairs.push([
        SCENARIO_NAMES[kind],
        read(SCENARIO_NAMES[kind]),
        first.riskAdjustedPresentValue.toNumber(),
      ]);
  }
  if (result.breakeven.rate !== null)
    pairs.push([
      SCENARIO_NAMES.breakeven,
      read(SCENARIO_NAMES.breakeven),
      result.breakeven.rate.toNumber(),
    ]);
  const grid = result.sensitivity.royaltyRateByDiscountRate;
  grid.cells.forEach((row, i) =>
    row.forEach((value, j) =>
      pairs.push([
        `royalty grid [${i}][${j}]`,
        read(layout.royaltyByDiscountRate[i]?.[j] as string),
        value.toNumber(),
      ])
    )
  );
  grid.milestones?.forEach((value, j) =>
    pairs.push([
      `milestones at discount rate ${j}`,
      read(layout.milestonesByDiscountRate?.[j] as string),
      value.toNumber(),
    ])
  );
  result.sensitivity.peakRevenueByProbability?.cells.forEach((row, i) =>
    row.forEach((value, j) =>
      pairs.push([
        `peak grid [${i}][${j}]`,
        read(layout.peakRevenueByProbability?.[i]?.[j] as string),
        value.toNumber(),
      ])
    )
  );
  return pairs;
}

/** Each comparison that is not a number within TOLERANCE of the engine's, for a readable failure. */
function mismatches(pairs: readonly [string, unknown, number][]) {
  return pairs.filter(
    ([, sheet, engine]) =>
      typeof sheet !== "number" || Math.abs(sheet - engine) > TOLERANCE * Math.abs(engine)
  );
}

async function hyperFormulaOf(spec: SheetSpec): Promise<{ hf: HyperFormula; sheet: number }> {
  const bytes = await writeWorkbook([spec]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const hf = buildHyperFormula(workbook, await readDefinedNames(bytes));
  return { hf, sheet: hf.getSheetId(workbook.worksheets[0]?.name as string) as number };
}

function hyperFormulaReader(hf: HyperFormula, sheet: number): Read {
  return (target) => {
    if (/^\$?[A-Z]+\$?\d+$/.test(target)) {
      const { row, col } = parseCellAddress(target);
      return hf.getCellValue({ sheet, row: row - 1, col: col - 1 });
    }
    return hf.getNamedExpressionValue(target, sheet);
  };
}

describe.each(DOCUMENTS)("the scenario sheet of %s", (name, load) => {
  const doc = load();
  const { result, spec, layout } = build(doc);
  const recalculated = libreOffice.add(
    `${name.replace(/\.json$/, "").replace(/\W+/g, "-")}.xlsx`,
    () => writeWorkbook([spec])
  );

  it("recalculated by HyperFormula, equals the engine to 1e-9", async () => {
    const { hf, sheet } = await hyperFormulaOf(spec);
    try {
      const pairs = comparisons(hyperFormulaReader(hf, sheet), result, layout);
      expect(pairs.length).toBeGreaterThan(20);
      expect(mismatches(pairs)).toEqual([]);
    } finally {
      hf.destroy();
    }
  });

  it("recalculated by LibreOffice, equals the engine to 1e-9", async () => {
    const { workbook, buffer } = await recalculated();
    const worksheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const names = await readDefinedNames(buffer);
    const read: Read = (target) => {
      const name = names.find((candidate) => candidate.name === target);
      const address = name === undefined ? target : (name.text.split("!").pop() as string);
      const cell = worksheet.getCell(address.replace(/\$/g, ""));
      const value = cell.value as unknown;
      if (value !== null && typeof value === "object" && "result" in value)
        return (value as { result: unknown }).result;
      return value;
    };
    const pairs = comparisons(read, result, layout);
    expect(mismatches(pairs)).toEqual([]);
    // The named cells really are the formulas LibreOffice recalculated, not values.
    const royalty = names.find((name) => name.name === SCENARIO_NAMES.royalty);
    expect(royalty?.sheetName).toBe(worksheet.name);
  });

  it("shows each payback as the engine has it, or that no target was given, in both engines", async () => {
    const expected = result.mechanisms.map((value) =>
      result.paybackTarget === null ? NO_TARGET : (value.paybackYear ?? "None")
    );
    const { hf, sheet } = await hyperFormulaOf(spec);
    try {
      const read = hyperFormulaReader(hf, sheet);
      expect(layout.mechanisms.map((cells) => read(cells.payback))).toEqual(expected);
    } finally {
      hf.destroy();
    }
    const { workbook } = await recalculated();
    const worksheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(layout.mechanisms.map((cells) => resultOf(worksheet, cells.payback))).toEqual(expected);
  });

  it("names #N/A for a kind the comparison does not have", async () => {
    const { hf, sheet } = await hyperFormulaOf(spec);
    try {
      const read = hyperFormulaReader(hf, sheet);
      for (const kind of ["fixed", "subscription", "milestones", "royalty"] as const) {
        const present = result.mechanisms.some((value) => value.kind === kind);
        const value = read(SCENARIO_NAMES[kind]);
        expect([kind, typeof value === "number"]).toEqual([kind, present]);
      }
    } finally {
      hf.destroy();
    }
  });

  if (!result.mechanisms.some((value) => value.kind === "milestones")) {
    it("has no milestone offer, so the milestones' value and the breakeven hold #N/A", async () => {
      const { hf, sheet } = await hyperFormulaOf(spec);
      try {
        const read = hyperFormulaReader(hf, sheet);
        for (const name of [SCENARIO_NAMES.milestones, SCENARIO_NAMES.breakeven])
          expect([name, (read(name) as { value?: unknown }).value]).toEqual([name, "#N/A"]);
      } finally {
        hf.destroy();
      }
    });
    return;
  }

  it("with the breakeven rate typed in as the royalty's only rate, the royalty is worth the milestones", async () => {
    expect(layout.royalty).not.toBeNull();
    const royalty = layout.royalty as NonNullable<ScenarioSheetLayout["royalty"]>;
    const { hf, sheet } = await hyperFormulaOf(spec);
    try {
      const read = hyperFormulaReader(hf, sheet);
      const breakeven = read(SCENARIO_NAMES.breakeven) as number;
      expect(breakeven).toBeGreaterThan(0);
      const at = (address: string) => {
        const { row, col } = parseCellAddress(address);
        return { sheet, row: row - 1, col: col - 1 };
      };
      // The same rate in every tier is a flat rate; no cap and no minimum, as the breakeven assumes.
      for (const rate of royalty.rates) hf.setCellContents(at(rate), breakeven);
      hf.setCellContents(at(royalty.cap), 1e15);
      hf.setCellContents(at(royalty.minimum), 0);
      const royaltyValue = read(SCENARIO_NAMES.royalty) as number;
      const milestonesValue = read(SCENARIO_NAMES.milestones) as number;
      expect(Math.abs(royaltyValue - milestonesValue)).toBeLessThanOrEqual(1e-9 * milestonesValue);
    } finally {
      hf.destroy();
    }
  });
});

/** A recalculated cell's value, from a formula's cached result or a plain value. */
function resultOf(worksheet: ExcelJS.Worksheet, address: string): unknown {
  const value = worksheet.getCell(address.replace(/\$/g, "")).value as unknown;
  if (value !== null && typeof value === "object" && "result" in value)
    return (value as { result: unknown }).result;
  return value;
}

/** The subscription example with a payback target of £30,000 in its scenarios block. */
function subscriptionWithTarget(): Partnership {
  const json = readJson("sme-subscription.json") as { scenarios: Record<string, unknown> };
  return valid({ ...json, scenarios: { ...json.scenarios, paybackTarget: 30000 } });
}

describe("the payback, against the target the document states and never the fee", () => {
  // Worked from the SME example's yearly cash flows at its flat 3.5%, against £30,000:
  //   subscription, 12,000 a year in advance rising 2%, certain: cumulative 12,000 (year 0),
  //     + 12,240 / 1.035 = 23,826.09 (year 1), + 12,484.80 / 1.035^2 = 35,480.78 (year 2): year 2
  //   royalty, 5% of revenue x 55%: nothing in year 1, 12,835.77 (year 2),
  //     + 27,500 / 1.035^3 = 37,639.20 (year 3): year 3
  const handWorked = [2, 3];
  const withTarget = build(subscriptionWithTarget());
  const recalculated = libreOffice.add("sme-subscription-with-payback-target.xlsx", () =>
    writeWorkbook([withTarget.spec])
  );

  it("recalculated by LibreOffice, pays back in the years worked by hand", async () => {
    expect(withTarget.result.mechanisms.map((value) => value.paybackYear)).toEqual(handWorked);
    const { workbook } = await recalculated();
    const worksheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(resultOf(worksheet, withTarget.layout.paybackTarget)).toBe(30000);
    expect(withTarget.layout.mechanisms.map((cells) => resultOf(worksheet, cells.payback))).toEqual(
      handWorked
    );
  });

  it("with no target, leaves the target empty and says so; a target typed in gives the same years", async () => {
    const { spec, layout } = build(example("sme-subscription.json"));
    const { hf, sheet } = await hyperFormulaOf(spec);
    try {
      const read = hyperFormulaReader(hf, sheet);
      expect(read(layout.paybackTarget)).toBeNull();
      expect(layout.mechanisms.map((cells) => read(cells.payback))).toEqual([NO_TARGET, NO_TARGET]);
      const { row, col } = parseCellAddress(layout.paybackTarget);
      hf.setCellContents({ sheet, row: row - 1, col: col - 1 }, 30000);
      expect(layout.mechanisms.map((cells) => read(cells.payback))).toEqual(handWorked);
    } finally {
      hf.destroy();
    }
  });
});

describe("the scenario sheet against arithmetic written out", () => {
  it("values the rwe example's milestones on the Green Book (3.5% a year to year 30), nominal at 2% inflation, from a large company (1% a year risk of not paying)", async () => {
    const { spec } = build(example("commercial-rwe-milestones.json"));
    const { hf, sheet } = await hyperFormulaOf(spec);
    try {
      const milestones = hyperFormulaReader(hf, sheet)(SCENARIO_NAMES.milestones) as number;
      // Paid at year t with the milestone's chance x 0.99^t, and worth 1 / (1.035 x 1.02)^t today.
      const worth = (t: number) => 0.99 ** t / (1.035 * 1.02) ** t;
      const expected =
        50000 * 0.63 * worth(2) +
        100000 * 0.1953 * worth(4) +
        250000 * 0.113274 * worth(7) +
        500000 * 0.0962829 * worth(8);
      expect(Math.abs(milestones - expected)).toBeLessThanOrEqual(TOLERANCE * expected);
    } finally {
      hf.destroy();
    }
  });

  it("caps, floors and tiers the royalty year by year, from the launch, for its term", async () => {
    const { spec } = build(subscriptionWithScenarios());
    const { hf, sheet } = await hyperFormulaOf(spec);
    try {
      const royalty = hyperFormulaReader(hf, sheet)(SCENARIO_NAMES.royalty) as number;
      // Launch in year 3; the term is years 3 to 7. 3% to £4M, 5% above; at most £300,000, at least £50,000.
      const due = (revenue: number) =>
        Math.max(
          50000,
          Math.min(300000, 0.03 * Math.min(revenue, 4e6) + 0.05 * Math.max(0, revenue - 4e6))
        );
      const byYear: [number, number][] = [
        [3, due(2e6)], // 60,000
        [4, due(5e6)], // 170,000
        [5, due(8e6)], // 320,000, capped at 300,000
        [6, due(8e6)],
        [7, due(0)], // no revenue, the minimum
      ];
      expect(byYear.map(([, amount]) => amount)).toEqual([60000, 170000, 300000, 300000, 50000]);
      const expected = byYear.reduce(
        (total, [year, amount]) => total + (0.4 * amount) / 1.035 ** year,
        0
      );
      expect(Math.abs(royalty - expected)).toBeLessThanOrEqual(TOLERANCE * expected);
    } finally {
      hf.destroy();
    }
  });
});
