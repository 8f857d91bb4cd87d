/*
 * The summary box near the top of page 1: the total including VAT, the value-sharing payments beside
 * it and the date the quote is valid until. Every figure in it is a formula over the cell below that
 * holds it (the total, the value-sharing inputs, the date in the header), so the box cannot disagree
 * with the quote. Its rows are laid out where the box stands, before the cells it refers to exist;
 * `fill` writes its formulas once they do.
 */
import type { Quote } from "../../../../core/pricing/quote";
import type { Partnership } from "../../../../document";
import { Decimal } from "../../../../model/decimal";
import { formatPercent, formatPounds, formatWholePounds } from "../../../../model/format";
import type { Cursor } from "../../../spec/cursor";
import { isoToSerial } from "../../../spec/dates";
import { formula, text } from "../../../spec/spec";
import { LABEL, LONG_DATE_FORMAT, POUNDS_FORMAT, WRAPPED } from "../../../spec/styles";
import { QUOTE_FORMULAS, poundsText } from "../contract";
import { LARGE_TEXT_HEIGHT, LAST_COLUMN_NUMBER, across } from "../layout";
import type { ValueSharingAnchors } from "./valueSharing";

/** What the box's formulas refer to, known once the sections below it are written. */
export interface SummaryTargets {
  readonly totalIncVat: string;
  readonly validUntil: string | undefined;
  readonly valueSharing: ValueSharingAnchors;
}

export interface SummaryBox {
  /** Writes the box's formulas over `targets`; returns the address of its total including VAT. */
  fill(targets: SummaryTargets): string;
}

/** The box's figures: bold, a point larger than the text. */
const FIGURE = { bold: true, size: 12, horizontal: "left", vertical: "top" } as const;

const pounds = poundsText;
const wholePounds = (cell: string) => `"£"&TEXT(${cell},"#,##0")`;
const percent = (cell: string) => `TEXT(${cell},"0.00%")`;

/** One sentence of the box: its formula over the anchors, and the text it shows for this document. */
interface Sentence {
  readonly formula: (anchors: ValueSharingAnchors) => string;
  readonly shows: string;
}

/** A sentence for each value-sharing term the document has, in the order the terms are printed. */
function valueSharingSentences(doc: Partnership): Sentence[] {
  const terms = doc.valueSharing;
  const sentences: Sentence[] = [];
  const fixed = terms.fixedPayment;
  if (fixed) {
    const count = fixed.instalments.length;
    const when = count > 0 ? ` in ${count} instalment${count === 1 ? "" : "s"}` : "";
    sentences.push({
      formula: (a) => `"Plus a fixed payment of "&${pounds(a.fixedPayment ?? "0")}&"${when}"`,
      shows: `Plus a fixed payment of ${formatPounds(new Decimal(fixed.amount))}${when}`,
    });
  }
  const s = terms.subscription;
  if (s) {
    const head = `Plus a subscription of ${s.years} yearly payment${s.years === 1 ? "" : "s"}, the first `;
    sentences.push({
      formula: (a) =>
        `"${head}"&${pounds(a.subscription?.fee ?? "0")}&", indexed at "&${percent(a.subscription?.indexation ?? "0")}&" a year"`,
      shows: `${head}${formatPounds(new Decimal(s.annualFee))}, indexed at ${formatPercent(s.indexation, 2)} a year`,
    });
  }
  const milestones = terms.milestones ?? [];
  if (milestones.length > 0) {
    const count = `${milestones.length} milestone payment${milestones.length === 1 ? "" : "s"}`;
    const tail = ", each due only if its milestone is reached";
    sentences.push({
      formula: (a) =>
        `"Plus up to ${count} totalling "&${pounds(`SUM(${(a.milestones ?? []).join(",") || "0"})`)}&"${tail}"`,
      shows: `Plus up to ${count} totalling ${formatPounds(
        milestones.reduce((sum, m) => sum.plus(m.amount), new Decimal(0))
      )}${tail}`,
    });
  }
  const r = terms.royalty;
  if (r) {
    const head = `Plus a royalty on revenue for ${r.termYears} year${r.termYears === 1 ? "" : "s"}: `;
    sentences.push({
      formula: (a) => {
        const royalty = a.royalty;
        const tiers = (royalty?.tiers ?? []).map(
          (tier) => `${percent(tier.rate)}&" from "&${wholePounds(tier.threshold)}`
        );
        const parts = [`"${head}"`, tiers.join(`&", "&`)];
        if (royalty?.annualCap) parts.push(`", capped at "&${pounds(royalty.annualCap)}&" a year"`);
        if (royalty?.annualMinimum)
          parts.push(`", at least "&${pounds(royalty.annualMinimum)}&" a year"`);
        return parts.join("&");
      },
      shows:
        head +
        r.tiers
          .map((tier) => `${formatPercent(tier.rate, 2)} from ${formatWholePounds(tier.threshold)}`)
          .join(", ") +
        (r.annualCap === undefined
          ? ""
          : `, capped at ${formatPounds(new Decimal(r.annualCap))} a year`) +
        (r.annualMinimum === undefined
          ? ""
          : `, at least ${formatPounds(new Decimal(r.annualMinimum))} a year`),
    });
  }
  return sentences;
}

/** Lays the box out from the cursor down: a heading, the total, the value sharing, the validity. */
export function summaryBox(at: Cursor, doc: Partnership, quote: Quote): SummaryBox {
  const { sheet } = at;
  at.heading("Summary", LAST_COLUMN_NUMBER, 4);
  sheet.setAt(at.row, 1, text("Total including VAT"), { style: { ...LABEL, size: 12 } });
  const totalRow = at.row;
  sheet.rowHeight(at.row, LARGE_TEXT_HEIGHT);
  at.skip();

  const sentences = valueSharingSentences(doc);
  sheet.setAt(at.row, 1, text("Value sharing"), { style: LABEL });
  const sentenceRows = sentences.map((sentence) => {
    const row = at.row;
    // Sized now for the text it shows; the formula is written by fill.
    at.fitText(sentence.shows, 2, LAST_COLUMN_NUMBER);
    at.skip();
    return row;
  });
  if (sentences.length === 0) {
    across(at, text("None: the access fee is the whole charge."), 2, LAST_COLUMN_NUMBER, WRAPPED);
    at.skip();
  }

  sheet.setAt(at.row, 1, text("Valid until"), { style: LABEL });
  const validRow = at.row;
  at.skip();

  return {
    fill({ totalIncVat, validUntil, valueSharing }) {
      const below = at.row;
      const total = sheet.setAt(
        totalRow,
        2,
        formula(QUOTE_FORMULAS.summaryTotalIncVat(totalIncVat), quote.totalIncVat.toNumber()),
        { numberFormat: POUNDS_FORMAT, style: FIGURE }
      );
      sentences.forEach((sentence, i) => {
        at.row = sentenceRows[i] as number;
        across(
          at,
          formula(sentence.formula(valueSharing), sentence.shows),
          2,
          LAST_COLUMN_NUMBER,
          WRAPPED
        );
      });
      at.row = validRow;
      if (validUntil === undefined || doc.quote.validUntil === undefined)
        across(at, text("No date stated"), 2, LAST_COLUMN_NUMBER, { vertical: "top" });
      else
        // The date's serial number, shown written out ("29 August 2025").
        sheet.setAt(validRow, 2, formula(validUntil, isoToSerial(doc.quote.validUntil)), {
          numberFormat: LONG_DATE_FORMAT,
          style: { bold: true, horizontal: "left", vertical: "top" },
        });
      at.row = below;
      return total;
    },
  };
}
