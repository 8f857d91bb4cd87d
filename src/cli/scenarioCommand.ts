/*
 * nhsdp scenario DOCUMENT [--json] [--trials N] [--seed S] [-o scenario.xlsx]: compares the document's
 * value-sharing terms with the alternatives in its scenarios block: each mechanism's present value and
 * risk-adjusted present value, the breakeven royalty against the milestone offer, the sensitivity
 * grids, the tornado and a seeded simulation; -o writes them as the scenario sheet, and never replaces a file
 * unless --force says so. Exit 0 on success, 2 when the document or an option is invalid.
 */
import { InvalidArgumentError, type Command } from "commander";
import path from "path";
import { formatPercent, formatPounds, formatWholePounds } from "../model/format";
import { InputError } from "../model/errors";
import {
  counterpartySentence,
  evaluateScenarios,
  priceBasisSentence,
  fairShareOf,
  fairShareSentences,
  scenarioInputs,
  simulate,
  simulationSettings,
  tornado,
  tornadoRangesOf,
  type Tornado,
} from "../core/scenarios";
import { MAX_TRIALS } from "../document/scenarios";
import type { Partnership } from "../document/schema";
import { buildScenarioSheet } from "../workbook/layouts/scenario/scenarioSheet";
import { writeWorkbook } from "../workbook/xlsx/xlsxWriter";
import { EXIT } from "./exitCodes";
import { refuseToReplace, UsageError, writeWholeFile } from "./files";
import { acrossFigures, acrossLines, partnershipValues } from "./acrossCommand";
import { readStrategy } from "./documents";
import { scenarioFigures } from "./scenarioFigures";

export interface ScenarioIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** When the workbook is generated, as the sheet says. */
  now?: () => Date;
}

/** Reads and checks a partnership document, failing with the CLI's usual messages. */
export type ReadPartnership = (file: string) => { doc: Partnership };

function wholeNumber(option: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max)
      throw new InvalidArgumentError(
        `${option} must be a whole number from ${min.toLocaleString("en-GB")} to ${max.toLocaleString("en-GB")} (got ${text})`
      );
    return value;
  };
}

export interface ScenarioOptions {
  json?: boolean;
  trials?: number;
  seed?: number;
  output?: string;
  force?: boolean;
  strategy?: string;
}

export async function runScenario(
  file: string,
  options: ScenarioOptions,
  io: ScenarioIo,
  read: ReadPartnership
): Promise<number> {
  const output = options.output;
  if (output !== undefined && !/\.xlsx$/i.test(output))
    throw new InputError(
      "value",
      output,
      "must end in .xlsx: the scenario sheet is written as an Excel workbook"
    );
  const { doc } = read(file);
  const target = output === undefined ? undefined : path.resolve(output);
  // Checked before the simulation runs, so a refusal costs nothing.
  if (target !== undefined) refuseToReplace(target, output as string, options.force);
  const inputs = scenarioInputs(doc);
  const result = evaluateScenarios(inputs);
  const settings = simulationSettings(doc, { trials: options.trials, seed: options.seed });
  const simulation = simulate(inputs, settings);
  const bars = tornado(inputs, tornadoRangesOf(doc));
  const policy =
    options.strategy === undefined
      ? undefined
      : readStrategy(options.strategy, io.stderr).valueSharingPolicy?.contribution;
  const share = fairShareOf(doc, inputs, policy);
  if (target !== undefined) {
    const sheet = buildScenarioSheet(doc, inputs, result, settings, simulation, bars, {
      generatedAt: (io.now ?? (() => new Date()))(),
      fairShare: share,
      fairSharePolicy: policy !== undefined,
    });
    writeWholeFile(target, await writeWorkbook([sheet]), output as string);
  }
  if (options.json) {
    io.stdout(
      JSON.stringify(
        scenarioFigures(doc, inputs, result, settings, simulation, bars, share),
        null,
        2
      ) + "\n"
    );
    return EXIT.ok;
  }
  const paybackTarget = result.paybackTarget;
  const lines = [
    `${doc.reference}: value to the NHS of each mechanism (present value; risk-adjusted${paybackTarget === null ? "" : "; payback year"})`,
  ];
  for (const value of result.mechanisms) {
    const payback =
      paybackTarget === null
        ? ""
        : value.paybackYear === null
          ? "  does not pay back"
          : `  pays back in year ${value.paybackYear}`;
    lines.push(
      `  ${value.id.padEnd(24)} ${formatPounds(value.presentValue).padStart(16)}  ${formatPounds(value.riskAdjustedPresentValue).padStart(16)}${payback}`
    );
  }
  const flatRate = inputs.discount.kind === "flat" ? inputs.discount.rate : null;
  lines.push(`${priceBasisSentence(inputs.discount.priceBasis, flatRate)}.`);
  lines.push(`${counterpartySentence(inputs.counterparty)}.`);
  if (share !== null) lines.push(...fairShareSentences(share).map((sentence) => `${sentence}.`));
  lines.push(
    paybackTarget === null
      ? "Payback: no target given (scenarios.paybackTarget), so none is worked out"
      : `Payback target: ${formatPounds(paybackTarget)} (scenarios.paybackTarget), the risk-adjusted present value each mechanism must reach`
  );
  lines.push(
    result.breakeven.rate === null
      ? `Breakeven royalty: none (${result.breakeven.reason})`
      : `Breakeven royalty against ${result.breakeven.milestonesId}: ${formatPercent(result.breakeven.rate, 2)} of revenue`
  );
  lines.push(...tornadoLines(bars));
  lines.push(
    `Simulation: ${simulation.trials.toLocaleString("en-GB")} trials, seed ${simulation.seed} (P10 / P50 / P90 of present value)`
  );
  for (const summary of simulation.mechanisms)
    lines.push(
      `  ${summary.id.padEnd(24)} ${[summary.p10, summary.p50, summary.p90].map(formatWholePounds).join(" / ")}`
    );
  if (simulation.royaltyBeatsMilestones !== null)
    lines.push(
      `  ${simulation.royaltyBeatsMilestones.royaltyId} pays more than ${simulation.royaltyBeatsMilestones.milestonesId} in ${formatPercent(simulation.royaltyBeatsMilestones.probability, 2)} of trials`
    );
  if (output !== undefined) lines.push(`Wrote ${output}: the scenario sheet of ${doc.reference}`);
  io.stdout(lines.join("\n") + "\n");
  return EXIT.ok;
}

/** Several partnerships side by side; the options that concern one document's sheet are refused. */
function runAcross(
  files: readonly string[],
  options: ScenarioOptions,
  io: ScenarioIo,
  read: ReadPartnership
): number {
  for (const [given, option] of [
    [options.output, "-o"],
    [options.trials, "--trials"],
    [options.seed, "--seed"],
  ] as const)
    if (given !== undefined)
      throw new UsageError(
        `${option} is for one document's scenario sheet and simulation: give one document, or leave ${option} out to compare ${files.length} partnerships side by side`
      );
  const policy =
    options.strategy === undefined
      ? undefined
      : readStrategy(options.strategy, io.stderr).valueSharingPolicy?.contribution;
  const values = partnershipValues(
    files.map((file) => read(file).doc),
    policy
  );
  io.stdout(
    options.json
      ? JSON.stringify(acrossFigures(values), null, 2) + "\n"
      : acrossLines(values).join("\n") + "\n"
  );
  return EXIT.ok;
}

/** The tornado in brief: each mechanism's three largest swings, the assumption and the swing. */
function tornadoLines(bars: Tornado): string[] {
  return [
    "Tornado: what moves each risk-adjusted value most, one assumption at a time (largest swings; --json for all)",
    ...bars.mechanisms.map((mechanism) => {
      const moving = mechanism.bars.filter((bar) => !bar.swing.isZero()).slice(0, 3);
      const described =
        moving.length === 0
          ? "no assumption moves it"
          : moving.map((bar) => `${bar.label} ${formatWholePounds(bar.swing)}`).join("; ");
      return `  ${mechanism.id.padEnd(24)} ${described}`;
    }),
  ];
}

/** Adds `scenario` to the nhsdp program; `setExit` receives the command's exit code. */
export function registerScenarioCommand(
  program: Command,
  io: ScenarioIo,
  read: ReadPartnership,
  setExit: (code: number) => void
): void {
  program
    .command("scenario")
    .description(
      "compare the document's value-sharing terms with the alternatives in its scenarios block: present values, breakeven royalty, sensitivity and a seeded simulation"
    )
    .argument(
      "<documents...>",
      "partnership document (JSON) with a scenarios block; several to compare the partnerships side by side"
    )
    .option("--json", "print every figure as JSON (the same seed prints the same bytes)")
    .option(
      "--trials <n>",
      "simulation trials, instead of the document's (default 10,000)",
      wholeNumber("--trials", 1, MAX_TRIALS)
    )
    .option(
      "--seed <s>",
      "simulation seed, instead of the document's (default 1)",
      wholeNumber("--seed", 0, 2147483647)
    )
    .option("-o, --output <file>", "write the scenario sheet as a workbook (.xlsx)")
    .option("--force", "replace the output file if it exists")
    .option(
      "--strategy <file>",
      "the trust's pricing strategy, whose value-sharing policy weighs the fair share (default weights without it)"
    )
    .action(async (files: string[], options: ScenarioOptions) => {
      setExit(
        files.length === 1
          ? await runScenario(files[0] as string, options, io, read)
          : runAcross(files, options, io, read)
      );
    });
}
