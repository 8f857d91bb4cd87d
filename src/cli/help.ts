/*
 * The examples `--help` ends with, for the program and each command: commands a user can copy, on the
 * files `nhsdp init` writes (run in the folder above my-trust) or on quote workbooks.
 */
import type { Command } from "commander";
import { EXIT } from "./exitCodes";

const STRATEGY = "my-trust/pricing-strategy.json";
const PARTNERSHIP = "my-trust/partnership.json";

/** Each command's examples: the command line, then what it does. */
const EXAMPLES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  quote: [
    [`nhsdp quote ${PARTNERSHIP} --strategy ${STRATEGY} -o quote.xlsx`, "the internal workbook"],
    [`nhsdp quote ${PARTNERSHIP} -o partner.xlsx --partner`, "the copy to send the partner"],
    [`nhsdp quote ${PARTNERSHIP} --json`, "the figures as JSON"],
  ],
  check: [
    [`nhsdp check ${STRATEGY}`, "a pricing strategy, and the rates it sets"],
    [`nhsdp check ${PARTNERSHIP} --strategy ${STRATEGY}`, "a partnership, against the strategy"],
    [`nhsdp check ${PARTNERSHIP} --as-of 2026-09-01`, "as of the day you mean to send it"],
  ],
  init: [["nhsdp init --dir my-trust", "make my-trust and write the starters there"]],
  schema: [
    ["nhsdp schema partnership > partnership.schema.json", "the partnership's JSON Schema"],
    ["nhsdp schema strategy > pricing-strategy.schema.json", "the strategy's"],
  ],
  upgrade: [
    [
      "nhsdp upgrade old-partnership.json -o partnership-v3.json",
      "an older document, as this version",
    ],
  ],
  audit: [
    ["nhsdp audit quote.xlsx", "a quote workbook as it was received"],
    [`nhsdp audit *.xlsx --strategy ${STRATEGY}`, "several, against the strategy's rates"],
  ],
  scenario: [
    [`nhsdp scenario ${PARTNERSHIP}`, "each value-sharing term's value to the NHS"],
    [`nhsdp scenario ${PARTNERSHIP} -o scenario.xlsx --trials 50000`, "the scenario sheet"],
  ],
  review: [
    [`nhsdp review ${STRATEGY} partnerships/*.json`, "the strategy's year, in short"],
    [
      `nhsdp review ${STRATEGY} partnerships/*.json -o review.xlsx --year 2026/27`,
      "the review sheet",
    ],
  ],
};

/** Each example as a shell comment saying what it does, then the command line, ready to copy. */
function examplesText(examples: readonly (readonly [string, string])[]): string {
  return `\nExamples:\n${examples.map(([line, what]) => `  # ${what}\n  ${line}`).join("\n")}\n`;
}

/** Ends the program's help, and each command's, with examples. */
export function addExamples(program: Command): void {
  program.addHelpText(
    "after",
    examplesText([
      ["nhsdp init --dir my-trust", "start: a strategy and a partnership to fill in"],
      ...(["check", "quote"] as const).map((name) => EXAMPLES[name]![0]!),
      ["nhsdp <command> --help", "a command's options, and examples"],
    ]) +
      `\nExit codes: ${EXIT.ok} success; ${EXIT.findings} findings at error severity; ${EXIT.invalid} invalid input, usage or a refusal; ${EXIT.internal} an internal error (the README has the table).\n`
  );
  for (const command of program.commands) {
    const examples = EXAMPLES[command.name()];
    if (examples === undefined) throw new Error(`the command ${command.name()} has no examples`);
    command.addHelpText("after", examplesText(examples));
  }
}
