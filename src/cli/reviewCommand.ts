/*
 * nhsdp review STRATEGY PARTNERSHIP... [--year 2025/26] [--as-of DATE] [-o review.xlsx] [--json]:
 * the strategy's year reviewed (CIDC guide, chapter 6): what the quotes dated in the year recovered
 * against each pool, the realised recovery base against the forecast, the pass-through share, quotes
 * outside the strategy's revision or dates, overdue reviews, and the rates the next revision would
 * need. -o writes the review sheet, never over a file unless --force. Exit 0 on success, 2 when a
 * document or an option is invalid.
 */
import type { Command } from "commander";
import path from "path";
import { reviewStrategy, type StrategyReview } from "../core/pricing/strategyReview";
import type { Partnership } from "../document/schema";
import type { PricingStrategy } from "../document/strategy";
import { Decimal } from "../model/decimal";
import { formatPercent, formatPounds, isoDay } from "../model/format";
import { buildReviewSheet } from "../workbook/layouts/review/reviewSheet";
import { writeWorkbook } from "../workbook/xlsx/xlsxWriter";
import { EXIT } from "./exitCodes";
import { UsageError, refuseToReplace, writeWholeFile } from "./files";
import { reviewFigures } from "./reviewFigures";

export interface ReviewIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
}

export interface ReviewReaders {
  strategy: (file: string) => PricingStrategy;
  partnership: (file: string) => { doc: Partnership };
}

export interface ReviewOptions {
  year?: string;
  asOf?: string;
  output?: string;
  json?: boolean;
  force?: boolean;
}

const signed = (value: Decimal) =>
  value.isNegative() ? `(${formatPounds(value.abs())}) under` : `${formatPounds(value)} over`;

/** A short summary a head of finance reads on the terminal. */
function summary(review: StrategyReview): string[] {
  const { strategy, year, base } = review;
  const lines = [
    `${strategy.id} revision ${strategy.revision}, ${year.label}: ${review.quotes.length} quote(s) (recovered = accepted + issued)`,
  ];
  for (const pool of review.pools) {
    const name = pool.pool === "fixed" ? "Fixed costs" : "Capital costs";
    if (pool.poolAmount === null || pool.overUnder === null) {
      lines.push(
        `  ${name}: ${formatPounds(pool.recovered)} recovered at the stated rate ${formatPercent(pool.rate)}; no pool to recover against`
      );
      continue;
    }
    const next =
      pool.nextRate === null
        ? "no realised base for a next rate"
        : `next revision needs ${formatPercent(pool.nextRate)} (now ${formatPercent(pool.rate)})`;
    lines.push(
      `  ${name}: ${formatPounds(pool.recovered)} recovered of ${formatPounds(pool.poolAmount)}, ${signed(pool.overUnder)}; drafts ${formatPounds(pool.byStage.draft)}; ${next}`
    );
  }
  lines.push(
    `  Recovery base: ${formatPounds(base.realised)} realised against ${formatPounds(base.forecast)} forecast (commercial full cost ${formatPounds(base.realisedCommercialFullCost)} of ${formatPounds(base.forecastCommercialFullCost)}, non-commercial marginal cost ${formatPounds(base.realisedNonCommercialMarginalCost)} of ${formatPounds(base.forecastNonCommercialMarginalCost)})`
  );
  if (base.shortfallNote !== undefined) lines.push(`  Note: ${base.shortfallNote}`);
  if (review.passThrough.share !== null)
    lines.push(
      `  Pass-through charges: ${formatPounds(review.passThrough.charged)} of ${formatPounds(review.passThrough.linesCharged)} charged (${formatPercent(review.passThrough.share)})`
    );
  for (const exception of review.exceptions)
    lines.push(`  ${exception.reference}: ${exception.message}`);
  for (const overdue of review.overdueReviews)
    lines.push(`  ${overdue.reference}: review was due on ${overdue.reviewDate}`);
  if (review.otherStrategy.length > 0)
    lines.push(`  Not under this strategy, left out: ${review.otherStrategy.join(", ")}`);
  if (review.outsideYear.length > 0)
    lines.push(`  Dated outside ${year.label}, left out: ${review.outsideYear.join(", ")}`);
  return lines;
}

export async function runReview(
  strategyFile: string,
  partnershipFiles: readonly string[],
  options: ReviewOptions,
  io: ReviewIo,
  read: ReviewReaders
): Promise<number> {
  const output = options.output;
  if (output !== undefined && !/\.xlsx$/i.test(output))
    throw new UsageError(`${output} must end in .xlsx: the review is written as an Excel workbook`);
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
    throw new UsageError(
      `--as-of ${options.asOf} is not a date: give the day to review on as YYYY-MM-DD (for example 2026-04-30)`
    );
  const strategy = read.strategy(strategyFile);
  const docs = partnershipFiles.map((file) => read.partnership(file).doc);
  const review = reviewStrategy(strategy, docs, {
    ...(options.year === undefined ? {} : { year: options.year }),
    asOf: options.asOf ?? isoDay(io.now()),
  });
  if (output !== undefined) {
    const target = path.resolve(output);
    refuseToReplace(target, output, options.force);
    const sheet = buildReviewSheet(review, { generatedAt: io.now() });
    writeWholeFile(target, await writeWorkbook([sheet]), output);
  }
  if (options.json) io.stdout(JSON.stringify(reviewFigures(review), null, 2) + "\n");
  else
    io.stdout(
      [...summary(review), ...(output === undefined ? [] : [`Wrote ${output}`])].join("\n") + "\n"
    );
  return EXIT.ok;
}

/** Adds `review` to the nhsdp program; `setExit` receives the command's exit code. */
export function registerReviewCommand(
  program: Command,
  io: ReviewIo,
  read: ReviewReaders,
  setExit: (code: number) => void
): void {
  program
    .command("review")
    .description(
      "review a pricing strategy's year (CIDC guide, chapter 6): recovery against each pool, the realised base against the forecast, and the rates the next revision would need"
    )
    .argument("<strategy>", "the trust's pricing strategy (JSON)")
    .argument("<partnerships...>", "the partnership documents of the year (JSON)")
    .option(
      "--year <year>",
      "the financial year, e.g. 2025/26 (default: the year the strategy took effect)"
    )
    .option("--as-of <date>", "the day reviews are due by (YYYY-MM-DD), instead of today")
    .option("-o, --output <file>", "write the review sheet as a workbook (.xlsx)")
    .option("--json", "print every figure as JSON: pounds to two decimals, rates as decimals")
    .option("--force", "replace the output file if it exists")
    .action(async (strategy: string, partnerships: string[], options: ReviewOptions) => {
      setExit(await runReview(strategy, partnerships, options, io, read));
    });
}
