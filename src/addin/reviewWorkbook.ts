/*
 * The strategy review from the pane: the same sheet `nhsdp review -o` writes (reviewStrategy, then
 * buildReviewSheet), over the workspace's partnerships and, in Excel, the partnerships whose quote
 * sheets are in the open workbook. Loaded on first use, with ExcelJS or the Office.js writer, so
 * neither weighs on the pane's first load.
 *
 * Where the documents come from:
 *   - the workspace: each partnership draft read with parsePartnership (so an older version is
 *     upgraded as anywhere else). A draft that is not a valid document is left out and named; two
 *     valid copies of one reference (a file imported twice) count once, the one edited last;
 *   - in Excel, the open workbook: each quote sheet the generator wrote (read only, in an Excel.run of
 *     its own, see audit/officeReader.ts) rebuilt as the document it now states (audit/rebuild.ts).
 *     A sheet kept as "<name> (previous)" is an earlier quote of a partnership whose current sheet is
 *     also there, and gives way to it; a sheet that cannot be read or rebuilt is left out and named.
 * By reference, the workspace's document wins over a quote sheet's: it is the latest edit.
 *
 * Never throws: a failure is an outcome with a plain message, and nothing is written.
 */
import { readOpenWorkbook } from "../audit/officeReader";
import type { AuditWorkbook } from "../audit/model";
import { isPartnerCopy, isPartnerRecord } from "../audit/partnerCopy";
import { isQuoteSheet, readQuoteSheet } from "../audit/quoteSheetReader";
import { rebuildPartnership } from "../audit/rebuild";
import { reviewStrategy, type StrategyReview } from "../core/pricing/strategyReview";
import { parsePartnership, type Partnership, type PricingStrategy } from "../document";
import { formatPercent, formatPounds, isoDay, workbookFileName } from "../model/format";
import { buildReviewSheet } from "../workbook/layouts/review/reviewSheet";
import type { SheetSpec } from "../workbook/spec/spec";
import { writeWorkbook } from "../workbook/xlsx/xlsxWriter";
import type { ExcelRun } from "./excelRun";
import { PREVIOUS_SUFFIX } from "./supersede";
import { writeSheets } from "./writeSheets";

/** A partnership as the workspace holds it: the document as edited (valid or not), and when. */
export interface WorkspaceDraft {
  readonly document: unknown;
  /** ISO 8601; the later of two copies of one reference is the one reviewed. */
  readonly updatedAt?: string;
}

export interface ReviewRequest {
  readonly strategy: PricingStrategy;
  readonly partnerships: readonly WorkspaceDraft[];
  /** "2025/26"; undefined: the year the strategy took effect. */
  readonly year?: string;
  /** When the sheet is made; its day is the day reviews are due by, as nhsdp review's default. */
  readonly generatedAt: Date;
}

/** The documents found in one source, and what of it was left out (each named, with why). */
export interface FoundDocuments {
  readonly docs: readonly Partnership[];
  readonly leftOut: readonly string[];
}

export interface ReviewSources {
  /** Documents reviewed from the workspace. */
  readonly workspace: number;
  /** Documents reviewed from the workbook's quote sheets (those not also in the workspace). */
  readonly workbook: number;
  /** References in both: reviewed as the workspace has them. */
  readonly both: number;
}

export interface ReviewSummary {
  readonly review: StrategyReview;
  /** "2 quotes of 2025/26; fixed costs £7,773.44 recovered of £150,000.00, capital costs ...". */
  readonly headline: string;
  readonly sources: ReviewSources;
  readonly leftOut: readonly string[];
  /** The sentences after the headline: where the documents came from, and what was left out. */
  readonly detail: string;
}

export type ReviewSheetOutcome =
  | (ReviewSummary & {
      readonly ok: true;
      /** As named in the workbook: "Strategy review (2)" when "Strategy review" existed. */
      readonly sheetName: string;
      /** context.sync() calls: reading the workbook, then writing the sheet. */
      readonly syncs: { readonly read: number; readonly write: number };
    })
  | { readonly ok: false; readonly message: string };

/** The .xlsx bytes in the shape the pane's exportWorkbook delivers, with the review's summary. */
export type ReviewWorkbookOutcome =
  | (ReviewSummary & {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly fileName: string;
      /** The review is the trust's own working, never an offer: nothing marks it DRAFT. */
      readonly errors: 0;
    })
  | { readonly ok: false; readonly message: string };

/** What went wrong, without a closing full stop: the messages put it inside a sentence of their own. */
function reason(error: unknown): string {
  const text = error instanceof Error && error.message ? error.message : String(error);
  const plain = text.trim().replace(/\.+$/, "");
  return plain === "" || plain === "[object Object]" ? "an unknown error" : plain;
}

const problems = (n: number) => `${n} ${n === 1 ? "problem" : "problems"}`;

/** The draft's reference as typed, or where it is in the list when it has none. */
function draftName(document: unknown, index: number): string {
  const reference =
    document !== null && typeof document === "object" && !Array.isArray(document)
      ? (document as Record<string, unknown>)["reference"]
      : undefined;
  const text = typeof reference === "string" ? reference.trim() : "";
  return text || `partnership ${index + 1} (no reference)`;
}

/**
 * The workspace's drafts as Partnership documents: each invalid draft left out and named with its
 * number of problems; of two valid copies of one reference, the one updated last (the later in the
 * list on a tie), the other named.
 */
export function workspaceDocuments(partnerships: readonly WorkspaceDraft[]): FoundDocuments {
  const leftOut: string[] = [];
  const chosen = new Map<string, { doc: Partnership; updatedAt: string }>();
  partnerships.forEach((partnership, index) => {
    const parsed = parsePartnership(partnership.document);
    if (!parsed.ok) {
      leftOut.push(
        `${draftName(partnership.document, index)}, not a valid document (${problems(parsed.issues.length)})`
      );
      return;
    }
    const doc = parsed.document;
    const updatedAt = partnership.updatedAt ?? "";
    const earlier = chosen.get(doc.reference);
    if (earlier !== undefined && earlier.updatedAt > updatedAt) {
      leftOut.push(`${doc.reference}, an earlier copy in the workspace`);
      return;
    }
    if (earlier !== undefined) leftOut.push(`${doc.reference}, an earlier copy in the workspace`);
    // Deleted first, so the reference moves to where the copy kept is in the list.
    chosen.delete(doc.reference);
    chosen.set(doc.reference, { doc, updatedAt });
  });
  return { docs: [...chosen.values()].map((entry) => entry.doc), leftOut };
}

/**
 * The documents the workbook's quote sheets state now, one per reference: a sheet kept as
 * "<name> (previous)" gives way to another sheet of the same reference; otherwise the first in the
 * tab order is taken and any other named. Partner copies are not the trust's quotes and are passed by.
 */
export function workbookDocuments(workbook: AuditWorkbook): FoundDocuments {
  const leftOut: string[] = [];
  const found: { sheet: string; doc: Partnership; previous: boolean }[] = [];
  for (const sheet of workbook.sheets) {
    if (isPartnerCopy(sheet) || isPartnerRecord(sheet) || !isQuoteSheet(sheet)) continue;
    const read = readQuoteSheet(sheet);
    if (!read.ok) {
      const which = read.reference ? ` (${read.reference})` : "";
      leftOut.push(
        `sheet “${sheet.name}”${which}, a quote sheet that cannot be read (${problems(read.problems.length)})`
      );
      continue;
    }
    const rebuilt = rebuildPartnership(read.layout);
    if (!rebuilt.ok) {
      leftOut.push(
        `sheet “${sheet.name}” (${read.layout.record.reference}), not a valid document as it now stands (${problems(rebuilt.issues.length)})`
      );
      continue;
    }
    found.push({
      sheet: sheet.name,
      doc: rebuilt.doc,
      previous: sheet.name.endsWith(PREVIOUS_SUFFIX),
    });
  }
  const docs: Partnership[] = [];
  for (const entry of found) {
    const reference = entry.doc.reference;
    const same = found.filter((other) => other.doc.reference === reference);
    const current = same.find((other) => !other.previous) ?? same[0];
    if (current === entry) docs.push(entry.doc);
    else if (!entry.previous)
      leftOut.push(`sheet “${entry.sheet}”, a second quote sheet of ${reference}`);
  }
  return { docs, leftOut };
}

/** The workspace's documents, then the workbook's whose reference the workspace does not have. */
export function mergeByReference(
  workspace: readonly Partnership[],
  workbook: readonly Partnership[]
): { docs: Partnership[]; sources: ReviewSources } {
  const references = new Set(workspace.map((doc) => doc.reference));
  const added = workbook.filter((doc) => !references.has(doc.reference));
  return {
    docs: [...workspace, ...added],
    sources: {
      workspace: workspace.length,
      workbook: added.length,
      both: workbook.length - added.length,
    },
  };
}

/** "2 quotes of 2025/26; fixed costs £X recovered of £Y, capital costs £X recovered of £Y". */
export function reviewHeadline(review: StrategyReview): string {
  const count = review.quotes.length;
  const pools = review.pools.map((pool) => {
    const name = pool.pool === "fixed" ? "fixed costs" : "capital costs";
    return pool.poolAmount === null
      ? `${name} ${formatPounds(pool.recovered)} recovered at the stated rate ${formatPercent(pool.rate)}`
      : `${name} ${formatPounds(pool.recovered)} recovered of ${formatPounds(pool.poolAmount)}`;
  });
  return [
    `${count} ${count === 1 ? "quote" : "quotes"} of ${review.year.label}`,
    pools.join(", "),
  ].join("; ");
}

function detailOf(
  review: StrategyReview,
  sources: ReviewSources,
  leftOut: readonly string[],
  inExcel: boolean
): string {
  const n = (count: number) => `${count} ${count === 1 ? "partnership" : "partnerships"}`;
  const sentences: string[] = [];
  if (inExcel) {
    const both =
      sources.both === 0
        ? ""
        : ` (${sources.both} also on a quote sheet, reviewed as the workspace has ${sources.both === 1 ? "it" : "them"})`;
    sentences.push(
      `Reviewed ${n(sources.workspace)} from the workspace${both} and ${n(sources.workbook)} from the workbook's quote sheets.`
    );
  } else sentences.push(`Reviewed ${n(sources.workspace)} from the workspace.`);
  const apart: string[] = [];
  if (review.otherStrategy.length > 0)
    apart.push(`${review.otherStrategy.length} under another strategy`);
  if (review.outsideYear.length > 0)
    apart.push(`${review.outsideYear.length} dated outside ${review.year.label}`);
  if (apart.length > 0) sentences.push(`Not in the year's review: ${apart.join(", ")}.`);
  if (leftOut.length > 0) sentences.push(`Left out: ${leftOut.join("; ")}.`);
  return sentences.join(" ");
}

type Reviewed =
  { ok: true; summary: ReviewSummary; spec: SheetSpec } | { ok: false; message: string };

function reviewOf(
  request: ReviewRequest,
  workspace: FoundDocuments,
  workbook: FoundDocuments | undefined
): Reviewed {
  const merged = mergeByReference(workspace.docs, workbook?.docs ?? []);
  const leftOut = [...workspace.leftOut, ...(workbook?.leftOut ?? [])];
  try {
    const review = reviewStrategy(request.strategy, merged.docs, {
      ...(request.year === undefined ? {} : { year: request.year }),
      asOf: isoDay(request.generatedAt),
    });
    const spec = buildReviewSheet(review, { generatedAt: request.generatedAt });
    return {
      ok: true,
      spec,
      summary: {
        review,
        headline: reviewHeadline(review),
        sources: merged.sources,
        leftOut,
        detail: detailOf(review, merged.sources, leftOut, workbook !== undefined),
      },
    };
  } catch (error) {
    return { ok: false, message: `The strategy review could not be made: ${reason(error)}.` };
  }
}

/** "Strategy review R9X-DATA-PRICING 2025-26.xlsx". */
export function reviewFileName(review: StrategyReview): string {
  return workbookFileName("Strategy review", `${review.strategy.id} ${review.year.label}`);
}

/** The review over the workspace's partnerships, as .xlsx bytes (outside Excel). */
export async function reviewWorkbookFromWorkspace(
  request: ReviewRequest
): Promise<ReviewWorkbookOutcome> {
  const reviewed = reviewOf(request, workspaceDocuments(request.partnerships), undefined);
  if (!reviewed.ok) return reviewed;
  try {
    return {
      ok: true,
      ...reviewed.summary,
      bytes: await writeWorkbook([reviewed.spec]),
      fileName: reviewFileName(reviewed.summary.review),
      errors: 0,
    };
  } catch (error) {
    return {
      ok: false,
      message: `The strategy review workbook could not be written: ${reason(error)}.`,
    };
  }
}

/**
 * The review over the workspace's partnerships and the open workbook's quote sheets, added to the
 * workbook as a new sheet (beside any earlier one: "Strategy review (2)"). Two Excel.run batches, the
 * first only reading: a failure leaves the workbook as it was.
 */
export async function createReviewSheetInExcel(
  run: ExcelRun,
  request: ReviewRequest
): Promise<ReviewSheetOutcome> {
  const workspace = workspaceDocuments(request.partnerships);
  let read: Awaited<ReturnType<typeof readOpenWorkbook>>;
  try {
    read = await run((context) => readOpenWorkbook(context));
  } catch (error) {
    return {
      ok: false,
      message: `The strategy review could not read the workbook, and nothing was changed: ${reason(error)}. If a cell is being edited, press Enter or Esc and try again.`,
    };
  }
  let workbook: FoundDocuments;
  try {
    workbook = workbookDocuments(read.workbook);
  } catch (error) {
    return {
      ok: false,
      message: `The strategy review stopped reading the workbook's quote sheets on an unexpected problem, and nothing was changed: ${reason(error)}.`,
    };
  }
  const reviewed = reviewOf(request, workspace, workbook);
  if (!reviewed.ok) return reviewed;
  try {
    const written = await writeSheets(run, [reviewed.spec]);
    return {
      ok: true,
      ...reviewed.summary,
      sheetName: written.sheets[0]?.name ?? reviewed.spec.name,
      syncs: { read: read.syncs, write: written.syncs },
    };
  } catch (error) {
    return {
      ok: false,
      message: `The strategy review sheet could not be added: ${reason(error)}. The workbook's other sheets were only read.`,
    };
  }
}
