/*
 * The scenario sheet: the value-sharing mechanisms of a partnership set side by side, as a SheetSpec.
 * Every present value, the breakeven royalty and both sensitivity grids are native Excel formulas over
 * the shaded inputs on the sheet, so an analyst can change an assumption and watch the comparison move
 * in Excel, LibreOffice or any spreadsheet, without the add-in. The simulation's results are values:
 * a spreadsheet cannot redraw the same seeded sample.
 *
 * Native charts are drawn from ranges on the sheet, so they move with their cells: the cumulative
 * risk-adjusted value of every mechanism by whole year (a table of SUMIF formulas over each mechanism's
 * own table, since their payments fall in different years), each mechanism's tornado and the
 * simulation's histogram. The tornado's values at each assumption's low and high are the add-in's,
 * written as values like the simulation's; its swings are formulas over them.
 *
 * Formulas use plain ranges in SUMPRODUCT and never array arithmetic (A1:A9*B1 inside a function),
 * which HyperFormula and older Excel do not evaluate; the sensitivity grids therefore read workings laid
 * out below the printed area, one scalar formula a cell.
 */
import {
  type Candidate,
  type ScenarioInputs,
  type ScenarioResult,
  type SimulationResult,
  type SimulationSettings,
  type FairShare,
  type Tornado,
} from "../../../core/scenarios";
import { isoMinute } from "../../../model/format";
import type { Partnership } from "../../../document/schema";
import { absoluteAddress, cellAddress } from "../../spec/a1";
import { SheetSpecBuilder } from "../../spec/builder";
import { Cursor } from "../../spec/cursor";
import type { SheetSpec } from "../../spec/spec";
import { printSetup, setColumnWidths, withPageBreaks } from "./print";
import { assumptionsSection } from "./sections/assumptions";
import { breakevenSection } from "./sections/breakeven";
import { fairShareSection } from "./sections/fairShare";
import { cumulativeChart, fairShareChart, histogramChart } from "./sections/charts";
import {
  breakevenName,
  comparisonFigures,
  comparisonSection,
  titleSection,
} from "./sections/comparison";
import { cumulativeSection } from "./sections/cumulative";
import { firstOffers, mechanismSection, type FirstOffers } from "./sections/mechanism";
import { gridFormulas, sensitivitySection } from "./sections/sensitivity";
import { paymentLabels } from "./sections/payments";
import { simulationSection } from "./sections/simulation";
import { offerTermsSection } from "./sections/terms";
import { tornadoSection, type TornadoTableAnchors } from "./sections/tornado";
import { workingsSection } from "./sections/workings";
import { COL, LAST_COLUMN, sheetWidth } from "./style";
import { mechanismNames } from "./words";

export { SCENARIO_NAMES } from "./names";

export interface ScenarioSheetOptions {
  generatedAt: Date;
  /** The fair share of the product's value (fairShareOf); null when the scenarios give no fairShare. */
  fairShare: FairShare | null;
  /** Whether the fair share's weights are the trust's value-sharing policy's. */
  fairSharePolicy?: boolean;
}

/** Where a test or a caller finds the inputs of the first royalty offer and the grids' cells. */
export interface ScenarioSheetLayout {
  readonly royalty: {
    readonly rates: readonly string[];
    readonly cap: string;
    readonly minimum: string;
  } | null;
  /** Grid cells by [row][column], as the engine's grids. */
  readonly royaltyByDiscountRate: readonly (readonly string[])[];
  readonly milestonesByDiscountRate: readonly string[] | null;
  readonly peakRevenueByProbability: readonly (readonly string[])[] | null;
  /** The payback target's input cell: empty when the document gives none. */
  readonly paybackTarget: string;
  /** Each mechanism's present values and payback year (or words), in candidate order. */
  readonly mechanisms: readonly {
    readonly id: string;
    readonly presentValue: string;
    readonly riskAdjusted: string;
    readonly payback: string;
  }[];
  /** The fair share's figures by name ("valueLow", "offer", ...); null when there is none. */
  readonly fairShare: Readonly<Record<string, string>> | null;
  /** Each mechanism's tornado table: its bars' values and formulas, in the table's order. */
  readonly tornado: readonly TornadoTableAnchors[];
}

/**
 * The milestones a simulated late launch moves, by their descriptions (with the offer's id where there
 * are two offers of milestones); null when nothing is compared that has milestones.
 */
function tiedToLaunch(doc: Partnership, candidates: readonly Candidate[]): string[] | null {
  const offers = candidates.filter((candidate) => candidate.mechanism.kind === "milestones");
  if (offers.length === 0) return null;
  return offers.flatMap((candidate) => {
    const { mechanism } = candidate;
    if (mechanism.kind !== "milestones") return [];
    const labels = paymentLabels(doc, candidate);
    return mechanism.milestones.flatMap((milestone, i) => {
      if (milestone.tiedToLaunch !== true) return [];
      const described = labels[i] ?? `milestone ${i + 1}`;
      return [offers.length > 1 ? `${described} (${candidate.id})` : described];
    });
  });
}

export function buildScenarioSheet(
  doc: Partnership,
  inputs: ScenarioInputs,
  result: ScenarioResult,
  settings: SimulationSettings,
  simulation: SimulationResult,
  tornado: Tornado,
  options: ScenarioSheetOptions
): SheetSpec {
  return buildScenarioSheetWithLayout(doc, inputs, result, settings, simulation, tornado, options)
    .spec;
}

export function buildScenarioSheetWithLayout(
  doc: Partnership,
  inputs: ScenarioInputs,
  result: ScenarioResult,
  settings: SimulationSettings,
  simulation: SimulationResult,
  tornado: Tornado,
  options: ScenarioSheetOptions
): { spec: SheetSpec; layout: ScenarioSheetLayout } {
  const sheet = new SheetSpecBuilder(`Scenarios ${doc.reference}`);
  const width = sheetWidth(inputs);
  // Before any row is fitted to its text: a row's height follows the widths of the columns it spans.
  setColumnWidths(sheet, width);
  // Right of the print area: the defined names beside the comparison, and their cells.
  sheet.columnWidth(width + 2, 26).columnWidth(width + 3, 14);
  const at = new Cursor(sheet, LAST_COLUMN);
  const generated = isoMinute(options.generatedAt).replace("T", " ");
  const { candidates } = inputs;

  titleSection(at, doc, inputs, generated);
  // The comparison comes first, for the reader; its figures point at the tables further down.
  // Each section on a page of its own when it fits on one; a longer one keeps its tables whole.
  const comparison = at.together(() =>
    comparisonSection(at, candidates, inputs.paybackTarget, width)
  );
  const names = mechanismNames(candidates);
  const assumptions = at.together(() => assumptionsSection(at, doc, inputs));
  // Every input in one block: the assumptions, then the royalty and subscription offers' terms.
  const terms = at.together(() => offerTermsSection(at, candidates, names));
  const mechanisms = candidates.map((candidate, i) =>
    at.together(() =>
      mechanismSection(
        at,
        doc,
        assumptions,
        inputs,
        candidate,
        result.mechanisms[i],
        terms[i] ?? null
      )
    )
  );
  comparisonFigures(sheet, comparison, candidates, mechanisms, result);

  // The breakeven, the grids and their workings use the first offer of each kind.
  const offers = firstOffers(candidates, mechanisms);
  const breakeven = at.together(() => breakevenSection(at, assumptions, offers, inputs, result));
  breakevenName(sheet, comparison, breakeven, offers.milestones?.candidate, result);
  const share = options.fairShare;
  const fairShare =
    share === null
      ? null
      : at.together(() => {
          const anchors = fairShareSection(at, share, {
            assumptions,
            offers,
            documentTerms: inputs.candidates.some((candidate) => candidate.fromDocument)
              ? candidates.flatMap((candidate, i) =>
                  candidate.fromDocument
                    ? [absoluteAddress(cellAddress(comparison.rows[i] as number, COL.riskAdjusted))]
                    : []
                )
              : null,
            byPolicy: options.fairSharePolicy === true,
          });
          fairShareChart(at, anchors);
          return anchors;
        });
  at.together(() =>
    cumulativeChart(at, names, cumulativeSection(at, inputs, mechanisms, result.mechanisms, names))
  );
  const grids = sensitivitySection(at, { inputs, result, assumptions, offers, width });
  const tornadoTables = tornadoSection(at, tornado, names, width);
  at.together(() => {
    const { histogram } = simulationSection(at, settings, simulation, names, width, {
      tiedToLaunch: tiedToLaunch(doc, candidates),
    });
    if (histogram !== null) histogramChart(at, histogram.names, histogram);
  });
  const lastPrinted = at.row - 1;

  // Below the print area: the grids' workings, one scalar formula a cell.
  at.skip(2);
  const workings = workingsSection(at, {
    forecast: assumptions.forecast,
    bands: assumptions.bands,
    inputs,
    royalty: offers.royalty,
    milestones: offers.milestones?.payments ?? null,
  });
  gridFormulas(sheet, grids.formulas, workings);

  printSetup(sheet, { reference: doc.reference, generated, width, lastPrinted });
  const layout: ScenarioSheetLayout = {
    paybackTarget: assumptions.paybackTarget,
    royalty: royaltyInputs(offers),
    royaltyByDiscountRate: grids.royaltyByDiscountRate,
    milestonesByDiscountRate: grids.milestonesByDiscountRate,
    peakRevenueByProbability: grids.peakRevenueByProbability,
    mechanisms: candidates.map((candidate, i) => {
      const row = comparison.rows[i] as number;
      return {
        id: candidate.id,
        presentValue: cellAddress(row, COL.presentValue),
        riskAdjusted: cellAddress(row, COL.riskAdjusted),
        payback: cellAddress(row, COL.cumulative),
      };
    }),
    tornado: tornadoTables,
    fairShare: fairShare?.cells ?? null,
  };
  return { spec: withPageBreaks(sheet.build(), at.keepWithNext), layout };
}

/** The first royalty offer's rates, cap and minimum, where a test types in the breakeven. */
function royaltyInputs(offers: FirstOffers): ScenarioSheetLayout["royalty"] {
  if (offers.royalty === null) return null;
  const { terms } = offers.royalty.payments;
  return { rates: terms.rates, cap: terms.capCell, minimum: terms.minimumCell };
}
