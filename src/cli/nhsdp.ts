/*
 * nhsdp: the command-line face of the calculation core.
 *   nhsdp quote <document.json> -o <quote.xlsx> [--partner [--allow-errors]] [--json] [--force] [--strategy <strategy.json>] [--as-of <date>]
 *   nhsdp check <document.json> [--json] [--strategy <strategy.json>] [--as-of <date>]   (a partnership or a pricing strategy)
 *   nhsdp upgrade <document.json> -o <upgraded.json> [--force]   (a partnership or a pricing strategy)
 *   nhsdp init [--dir <folder>] [--force]       (a starter strategy and partnership)
 *   nhsdp schema partnership|strategy            (the JSON Schema, for editors)
 *   nhsdp review <strategy.json> <partnership.json>... [--year 2025/26] [--as-of <date>] [-o <review.xlsx>] [--json]
 *   nhsdp audit, nhsdp scenario: auditCommand.ts, scenarioCommand.ts
 * Exit codes: exitCodes.ts (the README's table is checked against it). Every failure the user can act
 * on is a sentence on stderr, "nhsdp: ...", and exit 2.
 */
import { Command, CommanderError } from "commander";
import path from "path";
import { InputError } from "../model/errors";
import { describePriceChange, type PriceChange } from "../core/pricing/priceChange";
import { checkPrinciples, hasErrors, type CheckContext, type Finding } from "../core/principles";
import { priceQuote } from "../core/pricing/quote";
import { formatLongDate, formatPounds, isoDay } from "../model/format";
import { describeStrategy } from "../core/pricing/strategy";
import { checkStrategy } from "../core/pricing/strategyChecks";
import { VERSION } from "../model/version";
import { severityWord } from "../model/labels";
import { documentKind, STRATEGY_VERSION, type PricingStrategy } from "../document";
import { writeQuoteWorkbook } from "../workbook/xlsx/quoteWorkbook";
import { EXIT } from "./exitCodes";
import { addExamples } from "./help";
import { JSON_SCHEMAS, initCommand, withSchema, writeSchemaBeside } from "./initCommand";
import { registerAuditCommand } from "./auditCommand";
import { UsageError, refuseToReplace, writeWholeFile } from "./files";
import { quoteFigures, upgradeFigures, valueSharingFigures } from "./figures";
import { registerReviewCommand } from "./reviewCommand";
import { registerScenarioCommand } from "./scenarioCommand";
import {
  partnershipFrom,
  parsedStrategyFrom,
  readJsonFile,
  readPartnership,
  readStrategy,
  reportStrategyUpgrade,
} from "./documents";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
}

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    formatLongDate(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The strategy to check against, if given, and the day to check the quote's validity on: `--as-of`,
 * or today (the machine's calendar day).
 */
function checkContext(
  strategy: PricingStrategy | undefined,
  asOfOption: string | undefined,
  io: Io
): CheckContext {
  if (asOfOption !== undefined && !isCalendarDay(asOfOption))
    throw new UsageError(
      `--as-of ${asOfOption} is not a date: give the day to check on as YYYY-MM-DD (for example 2025-08-29)`
    );
  const asOf = asOfOption ?? isoDay(io.now());
  return strategy === undefined ? { asOf } : { strategy, asOf };
}

/** A finding on one line: what is wrong and which field to change first, then where the guide says so. */
function formatFinding(finding: Finding): string {
  const where = finding.field ? `${finding.field}: ` : "";
  return `${severityWord(finding.severity)} ${where}${finding.message} (${finding.principle}: ${finding.guideSection})`;
}

/** Tells the user, on stderr, how an older document's price changed on reading it. */
function reportUpgrade(upgrade: PriceChange | undefined, io: Io): void {
  if (upgrade !== undefined) io.stderr(describePriceChange(upgrade).join("\n") + "\n");
}

async function quoteCommand(
  file: string,
  options: {
    output?: string;
    json?: boolean;
    force?: boolean;
    strategy?: string;
    partner?: boolean;
    allowErrors?: boolean;
    asOf?: string;
  },
  io: Io
) {
  // The document first: a file that is missing or unreadable is the first thing to say.
  const json = readJsonFile(file);
  if (options.output === undefined && !options.json) {
    throw new UsageError(
      "nothing to do: give -o <quote.xlsx> to write the workbook, --json to print the figures, or both"
    );
  }
  if (options.output !== undefined && !/\.xlsx$/i.test(options.output)) {
    throw new UsageError(
      `${options.output} must end in .xlsx: the quote is written as an Excel workbook`
    );
  }
  if (options.partner && options.output === undefined)
    throw new UsageError("--partner says which workbook to write: give -o <quote.xlsx> too");
  if (options.allowErrors && !options.partner)
    throw new UsageError(
      "--allow-errors is for the partner copy: give --partner too (the internal workbook is always written)"
    );
  const { doc, upgrade } = partnershipFrom(
    file,
    json,
    `nhsdp quote prices a partnership document, and takes the strategy beside it as --strategy ${file} (nhsdp quote <partnership.json> --strategy ${file} -o quote.xlsx); to check the strategy itself, run nhsdp check ${file}`
  );
  const strategy =
    options.strategy === undefined ? undefined : readStrategy(options.strategy, io.stderr);
  const quote = priceQuote(doc);
  const findings = checkPrinciples(doc, quote, checkContext(strategy, options.asOf, io));
  reportUpgrade(upgrade, io);
  const errorCount = findings.filter((finding) => finding.severity === "error").length;
  if (options.partner && errorCount > 0 && !options.allowErrors)
    throw new UsageError(
      `the partner copy is not written: ${doc.reference} has ${errorCount} error finding${errorCount === 1 ? "" : "s"} against the NHS principles; see ${errorCount === 1 ? "it" : "them"} with nhsdp check ${file}${options.strategy === undefined ? "" : ` --strategy ${options.strategy}`}, fix ${errorCount === 1 ? "it" : "them"}, or give --allow-errors to write it marked DRAFT`
    );
  if (options.output !== undefined) {
    const target = path.resolve(options.output);
    refuseToReplace(target, options.output, options.force);
    const workbook = await writeQuoteWorkbook(doc, quote, findings, {
      generatedAt: io.now(),
      partner: options.partner === true,
    });
    writeWholeFile(target, workbook, options.output);
  }
  if (hasErrors(findings)) {
    // The quote is still written, marked DRAFT, so the officer can see what needs fixing.
    const errors = findings.filter((finding) => finding.severity === "error");
    io.stderr(
      `${doc.reference} has ${errors.length} error(s) against the NHS principles${options.output === undefined ? "" : `; ${options.output} is marked DRAFT, not for sending`}:\n${errors.map(formatFinding).join("\n")}\n`
    );
  }
  if (options.json)
    io.stdout(
      JSON.stringify(
        quoteFigures(
          doc.reference,
          doc.quote.stage,
          doc.pricing.strategy,
          quote,
          upgrade,
          valueSharingFigures(doc)
        ),
        null,
        2
      ) + "\n"
    );
  else
    io.stdout(
      `Wrote ${options.output}${options.partner ? " (the partner copy)" : ""}: total ${formatPounds(quote.total)} + VAT ${formatPounds(quote.vat)} = ${formatPounds(quote.totalIncVat)}\n`
    );
  return hasErrors(findings) ? EXIT.findings : EXIT.ok;
}

function checkCommand(
  file: string,
  options: { json?: boolean; strategy?: string; asOf?: string },
  io: Io
) {
  const json = readJsonFile(file);
  if (documentKind(json) === "strategy") {
    if (options.strategy !== undefined)
      throw new UsageError(
        `${file} is a pricing strategy; --strategy is for checking a partnership against one`
      );
    const parsed = parsedStrategyFrom(file, json);
    reportStrategyUpgrade(file, parsed.upgradedFrom, io.stderr);
    const summary = describeStrategy(parsed.document);
    const findings = checkStrategy(parsed.document);
    if (options.json)
      io.stdout(
        JSON.stringify(
          {
            id: parsed.document.id,
            revision: parsed.document.revision,
            valid: true,
            summary,
            findings,
            ...(parsed.upgradedFrom === undefined
              ? {}
              : {
                  upgrade: {
                    fromVersion: parsed.upgradedFrom.version,
                    toVersion: STRATEGY_VERSION,
                    notes: parsed.upgradedFrom.notes,
                  },
                }),
          },
          null,
          2
        ) + "\n"
      );
    else io.stdout([...summary, ...findings.map(formatFinding)].join("\n") + "\n");
    return hasErrors(findings) ? EXIT.findings : EXIT.ok;
  }
  const { doc, upgrade } = partnershipFrom(file, json);
  const strategy =
    options.strategy === undefined ? undefined : readStrategy(options.strategy, io.stderr);
  reportUpgrade(upgrade, io);
  const findings = checkPrinciples(doc, priceQuote(doc), checkContext(strategy, options.asOf, io));
  if (options.json)
    io.stdout(
      JSON.stringify(
        {
          reference: doc.reference,
          stage: doc.quote.stage,
          findings,
          ...(upgrade === undefined ? {} : { upgrade: upgradeFigures(upgrade) }),
        },
        null,
        2
      ) + "\n"
    );
  else if (findings.length === 0) io.stdout(`${doc.reference}: no findings\n`);
  else io.stdout(findings.map(formatFinding).join("\n") + "\n");
  return hasErrors(findings) ? EXIT.findings : EXIT.ok;
}

/**
 * Writes an older document, a partnership or a pricing strategy, as the current version, telling the
 * user how a partnership's price changes or what a strategy's reading assumed.
 */
function upgradeCommand(file: string, options: { output: string; force?: boolean }, io: Io) {
  const json = readJsonFile(file);
  const write = (
    document: object,
    kind: "partnership" | "strategy",
    what: string,
    version: number
  ) => {
    const target = path.resolve(options.output);
    if (target === path.resolve(file))
      throw new UsageError(
        "write the upgraded document to a new file: the original is kept as it is"
      );
    refuseToReplace(target, options.output, options.force);
    writeWholeFile(
      target,
      Buffer.from(JSON.stringify(withSchema(document, kind), null, 2) + "\n", "utf8"),
      options.output
    );
    const schema = writeSchemaBeside(target, options.output, kind, options.force);
    io.stdout(`Wrote ${options.output}: version ${version} of ${what}; ${schema}\n`);
  };
  if (documentKind(json) === "strategy") {
    const parsed = parsedStrategyFrom(file, json);
    if (parsed.upgradedFrom === undefined) {
      io.stdout(`${file} is already a version-${STRATEGY_VERSION} strategy; nothing to upgrade\n`);
      return EXIT.ok;
    }
    write(
      parsed.document,
      "strategy",
      `${parsed.document.id} revision ${parsed.document.revision}`,
      STRATEGY_VERSION
    );
    reportStrategyUpgrade(file, parsed.upgradedFrom, io.stderr, false);
    return EXIT.ok;
  }
  const { doc, upgrade } = partnershipFrom(file, json);
  if (upgrade === undefined) {
    io.stdout(`${file} is already a version-${doc.version} document; nothing to upgrade\n`);
    return EXIT.ok;
  }
  write(doc, "partnership", doc.reference, doc.version);
  reportUpgrade(upgrade, io);
  return EXIT.ok;
}

function schemaCommand(kind: string, io: Io) {
  const schema = JSON_SCHEMAS[kind as keyof typeof JSON_SCHEMAS];
  if (schema === undefined)
    throw new UsageError(
      `there is a JSON Schema for "partnership" and for "strategy", not for "${kind}"`
    );
  io.stdout(JSON.stringify(schema(), null, 2) + "\n");
  return EXIT.ok;
}

/** Runs the CLI on `argv` (without node and the script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name("nhsdp")
    .description(
      "Price NHS data partnerships by the CIDC guide and check them against the NHS principles."
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command("quote")
    .description("price a partnership document and write the quote workbook")
    .argument("<document>", "partnership document (JSON)")
    .option("-o, --output <file>", "write the quote workbook (.xlsx) here")
    .option(
      "--json",
      "print the figures as JSON: rates, lines, marginal and full cost, recoveries, total, vat, totalIncVat"
    )
    .option("--force", "replace the output file if it exists")
    .option("--strategy <file>", "the trust's pricing strategy, to check the quote's rates against")
    .option(
      "--partner",
      "write the partner copy: the quote sheet alone, with no findings or register; refused while any finding is an ERROR"
    )
    .option(
      "--as-of <date>",
      "check the quote's validity as of this day (YYYY-MM-DD) instead of today, e.g. the day it will be sent"
    )
    .option(
      "--allow-errors",
      "with --partner: write the partner copy even with ERROR findings, marked DRAFT (not --force, which only replaces the output file)"
    )
    .action(async (file: string, options) => {
      exitCode = await quoteCommand(file, options, io);
    });

  program
    .command("check")
    .description(
      "check a partnership document against the DHSC and commercial principles, or check a pricing strategy"
    )
    .argument("<document>", "partnership document or pricing strategy (JSON)")
    .option(
      "--strategy <file>",
      "the trust's pricing strategy: check the partnership's rates and lines against it"
    )
    .option("--json", "print the findings as JSON")
    .option(
      "--as-of <date>",
      "check the quote's validity as of this day (YYYY-MM-DD) instead of today, e.g. the day it will be sent"
    )
    .action((file: string, options) => {
      exitCode = checkCommand(file, options, io);
    });

  program
    .command("init")
    .description(
      "write a starter pricing strategy and partnership document, every field present, to fill in"
    )
    .option("--dir <folder>", "the folder to write them in", ".")
    .option("--force", "replace the files if they exist")
    .action((options) => {
      exitCode = initCommand(options, io);
    });

  program
    .command("schema")
    .description("print the JSON Schema of a document, for editors to validate and complete it")
    .argument("<document>", '"partnership" or "strategy"')
    .action((kind: string) => {
      exitCode = schemaCommand(kind, io);
    });

  program
    .command("upgrade")
    .description(
      "write an older partnership or pricing strategy as the current version, saying how a partnership's price changes and what a strategy's upgrade assumed"
    )
    .argument("<document>", "partnership or pricing strategy document (JSON)")
    .requiredOption(
      "-o, --output <file>",
      "where to write the upgraded document (never the original)"
    )
    .option("--force", "replace the output file if it exists")
    .action((file: string, options) => {
      exitCode = upgradeCommand(file, options, io);
    });

  registerAuditCommand(program, io, (code) => (exitCode = code));
  registerScenarioCommand(
    program,
    io,
    (file) =>
      readPartnership(
        file,
        `nhsdp scenario values a partnership's terms; to check the strategy itself, run nhsdp check ${file}`
      ),
    (code) => (exitCode = code)
  );
  registerReviewCommand(
    program,
    io,
    {
      strategy: (file) =>
        readStrategy(
          file,
          io.stderr,
          "nhsdp review takes the trust's pricing strategy first, then the partnership documents"
        ),
      partnership: (file) =>
        readPartnership(
          file,
          "nhsdp review takes the pricing strategy first, then the partnership documents (nhsdp review <strategy.json> <partnership.json>...)"
        ),
    },
    (code) => (exitCode = code)
  );
  addExamples(program);

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse failure is a usage error.
      return error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.exitCode === 0
        ? EXIT.ok
        : EXIT.invalid;
    }
    if (error instanceof UsageError || error instanceof InputError) {
      io.stderr(`nhsdp: ${error.message}\n`);
      return EXIT.invalid;
    }
    io.stderr(
      `nhsdp: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    return EXIT.internal;
  }
}
