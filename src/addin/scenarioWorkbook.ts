/*
 * The scenario sheet from the pane: the same SheetSpec `nhsdp scenario -o` writes, with the simulation
 * the pane ran in its worker (a spreadsheet cannot redraw a seeded sample, so the sheet holds the
 * figures the user saw). Loaded on first use, with ExcelJS or the Office.js writer, so neither weighs
 * on the pane's first load.
 */
import {
  evaluateScenarios,
  scenarioInputs,
  tornado,
  tornadoRangesOf,
  fairShareOf,
  type SimulationResult,
  type SimulationSettings,
} from "../core/scenarios";
import type { DocumentIssue } from "../document";
import type { ValueSharingPolicy } from "../document/valueSharingPolicy";
import { priceDocument } from "../core/pricing/pricedDocument";
import { buildScenarioSheet } from "../workbook/layouts/scenario/scenarioSheet";
import type { SheetSpec } from "../workbook/spec/spec";
import { writeWorkbook } from "../workbook/xlsx/xlsxWriter";
import { workbookFileName } from "../model/format";
import type { ExcelRun } from "./excelRun";
import { writeSheets } from "./writeSheets";

/** The trust's value-sharing policy's contribution weights, when the pane holds its strategy. */
export type FairSharePolicy = NonNullable<ValueSharingPolicy["contribution"]> | undefined;

export interface Simulated {
  readonly result: SimulationResult;
  readonly settings: SimulationSettings;
}

export type ScenarioSpecResult =
  { ok: true; spec: SheetSpec; reference: string } | { ok: false; issues: DocumentIssue[] };

export function scenarioSheetSpec(
  json: unknown,
  simulated: Simulated,
  generatedAt: Date,
  policy?: FairSharePolicy
): ScenarioSpecResult {
  const priced = priceDocument(json);
  if (!priced.ok) return priced;
  const inputs = scenarioInputs(priced.doc);
  const spec = buildScenarioSheet(
    priced.doc,
    inputs,
    evaluateScenarios(inputs),
    simulated.settings,
    simulated.result,
    tornado(inputs, tornadoRangesOf(priced.doc)),
    {
      generatedAt,
      fairShare: fairShareOf(priced.doc, inputs, policy),
      fairSharePolicy: policy !== undefined,
    }
  );
  return { ok: true, spec, reference: priced.doc.reference };
}

export type ScenarioInExcelResult =
  { ok: true; sheetName: string } | { ok: false; issues: DocumentIssue[] };

/** Adds the scenario sheet to the open workbook (beside any earlier one: "Scenarios X (2)"). */
export async function createScenarioSheetInExcel(
  run: ExcelRun,
  json: unknown,
  simulated: Simulated,
  generatedAt: Date,
  policy?: FairSharePolicy
): Promise<ScenarioInExcelResult> {
  const built = scenarioSheetSpec(json, simulated, generatedAt, policy);
  if (!built.ok) return built;
  const written = await writeSheets(run, [built.spec]);
  return { ok: true, sheetName: written.sheets[0]?.name ?? built.spec.name };
}

/** "Scenarios DP-2025-011.xlsx". */
export function scenarioFileName(reference: string): string {
  return workbookFileName("Scenarios", reference);
}

/** The scenario sheet as .xlsx bytes, in the shape exportWorkbook delivers. */
export async function scenarioWorkbookFromDocument(
  json: unknown,
  simulated: Simulated,
  generatedAt: Date,
  policy?: FairSharePolicy
): Promise<
  | { ok: true; bytes: Uint8Array; fileName: string; errors: number }
  | { ok: false; issues: DocumentIssue[] }
> {
  const built = scenarioSheetSpec(json, simulated, generatedAt, policy);
  if (!built.ok) return built;
  return {
    ok: true,
    bytes: await writeWorkbook([built.spec]),
    fileName: scenarioFileName(built.reference),
    // The scenario sheet is a valuation for the trust, never sent as an offer: nothing marks it DRAFT.
    errors: 0,
  };
}
