/*
 * The value-sharing terms beside the access fee: a fixed payment and its instalments, a subscription
 * and its yearly payments, milestone payments, and a tiered revenue royalty. Every amount, rate and
 * date typed in is an input, shaded as such; the cells the summary box refers to are returned.
 */
import type { Partnership } from "../../../../document";
import { Decimal, toPence } from "../../../../model/decimal";
import { subscriptionFee } from "../../../../core/valuation/valuation";
import { absoluteAddress } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { date, formula, num, text } from "../../../spec/spec";
import {
  INPUT,
  LABEL,
  LONG_DATE_FORMAT,
  POUNDS_FORMAT,
  TABLE_HEADER,
  WRAPPED,
} from "../../../spec/styles";
import { toPenceFormula } from "../contract";
import { LAST_COLUMN_NUMBER, RATE_FORMAT, across } from "../layout";

const AMOUNT_COLUMN = LAST_COLUMN_NUMBER;

/** The input cells of the value-sharing terms the summary box refers to, as absolute addresses. */
export interface ValueSharingAnchors {
  readonly fixedPayment?: string;
  readonly subscription?: { readonly fee: string; readonly indexation: string };
  readonly milestones?: readonly string[];
  readonly royalty?: {
    readonly tiers: readonly { readonly threshold: string; readonly rate: string }[];
    readonly annualCap?: string;
    readonly annualMinimum?: string;
  };
}

export function valueSharingSection(at: Cursor, doc: Partnership): ValueSharingAnchors {
  const { sheet } = at;
  const terms = doc.valueSharing;
  const hasTerms =
    terms.fixedPayment || terms.subscription || terms.milestones?.length || terms.royalty;
  at.heading("Value-sharing terms");
  if (!hasTerms) {
    sheet.setAt(at.row, 1, text("None: the access fee above is the whole charge."));
    at.skip();
    return {};
  }
  const anchors: {
    -readonly [K in keyof ValueSharingAnchors]: ValueSharingAnchors[K];
  } = {};
  // Numeric columns have their header over the right edge, where their figures end.
  const table = (headers: string[], numericColumns: readonly number[]): void => {
    headers.forEach((header, i) => {
      const column = i + 1;
      sheet.setAt(at.row, column, text(header), {
        style: numericColumns.includes(column)
          ? { ...TABLE_HEADER, horizontal: "right" }
          : TABLE_HEADER,
      });
    });
    at.skip();
  };
  // Every figure of a table row sits on the row's first line, level with a wrapped description.
  const index = (row: number, n: number) =>
    sheet.setAt(row, 1, num(n), { style: { horizontal: "left", vertical: "top" } });
  // Every typed figure is an input, shaded; returned as an absolute address.
  const figure = (row: number, column: number, value: number, numberFormat?: string) =>
    absoluteAddress(
      sheet.setAt(row, column, num(value), {
        style: INPUT,
        ...(numberFormat ? { numberFormat } : {}),
      })
    );
  if (terms.fixedPayment) {
    at.keep(3);
    sheet.setAt(at.row, 1, text("Fixed payment"), { style: LABEL });
    anchors.fixedPayment = figure(at.row, AMOUNT_COLUMN, terms.fixedPayment.amount, POUNDS_FORMAT);
    at.skip();
    if (terms.fixedPayment.instalments.length > 0) {
      table(["Instalment", "Due", "", "", "", "", "", "", "Amount"], [AMOUNT_COLUMN]);
      terms.fixedPayment.instalments.forEach((instalment, i) => {
        index(at.row, i + 1);
        sheet.setAt(at.row, 2, date(instalment.due), {
          style: { ...INPUT, horizontal: "left" },
          numberFormat: LONG_DATE_FORMAT,
        });
        figure(at.row, AMOUNT_COLUMN, instalment.amount, POUNDS_FORMAT);
        at.skip();
      });
    }
    at.skip();
  }
  if (terms.subscription) {
    const s = terms.subscription;
    at.keep(3);
    sheet.setAt(at.row, 1, text("Subscription"), { style: LABEL });
    sheet.setAt(
      at.row,
      2,
      text(
        `${s.years} annual payments, paid ${s.inAdvance ? "at the start" : "at the end"} of each year`
      )
    );
    at.skip();
    sheet.setAt(at.row, 2, text("First year's fee"));
    const fee = figure(at.row, AMOUNT_COLUMN, s.annualFee, POUNDS_FORMAT);
    at.skip();
    sheet.setAt(at.row, 2, text("Yearly indexation"));
    const indexation = figure(at.row, AMOUNT_COLUMN, s.indexation, RATE_FORMAT);
    anchors.subscription = { fee, indexation };
    at.skip();
    table(["Payment", "Year", "", "", "", "", "", "", "Amount"], [AMOUNT_COLUMN]);
    for (let k = 0; k < s.years; k++) {
      index(at.row, k + 1);
      sheet.setAt(at.row, 2, num(s.inAdvance ? k : k + 1), { style: { horizontal: "left" } });
      sheet.setAt(
        at.row,
        AMOUNT_COLUMN,
        formula(
          toPenceFormula(`${fee}*(1+${indexation})^${k}`),
          toPence(
            subscriptionFee(new Decimal(s.annualFee), new Decimal(s.indexation), k)
          ).toNumber()
        ),
        { numberFormat: POUNDS_FORMAT }
      );
      at.skip();
    }
    at.skip();
  }
  if (terms.milestones?.length) {
    at.keep(3);
    sheet.setAt(at.row, 1, text("Milestone payments"), { style: LABEL });
    at.skip();
    table(
      ["Milestone", "Description", "Year", "Probability", "", "", "", "", "Amount"],
      [3, 4, AMOUNT_COLUMN]
    );
    anchors.milestones = terms.milestones.map((milestone, i) => {
      index(at.row, i + 1);
      sheet.setAt(at.row, 2, text(milestone.description), { style: WRAPPED });
      at.fitText(milestone.description, 2);
      figure(at.row, 3, milestone.year);
      figure(at.row, 4, milestone.probability, RATE_FORMAT);
      const amount = figure(at.row, AMOUNT_COLUMN, milestone.amount, POUNDS_FORMAT);
      at.skip();
      return amount;
    });
    at.skip();
  }
  if (terms.royalty) {
    const r = terms.royalty;
    at.keep(3);
    sheet.setAt(at.row, 1, text("Revenue royalty"), { style: LABEL });
    across(
      at,
      text(
        `On the partner's annual revenue from products built with the data, for ${r.termYears} years; tiers are incremental, like tax bands.`
      ),
      2,
      LAST_COLUMN_NUMBER,
      WRAPPED
    );
    at.skip();
    table(["Tier", "Revenue from", "", "Rate", "", "", "", "", ""], [2, 4]);
    const tiers = r.tiers.map((tier, i) => {
      index(at.row, i + 1);
      const threshold = figure(at.row, 2, tier.threshold, POUNDS_FORMAT);
      const rate = figure(at.row, 4, tier.rate, RATE_FORMAT);
      at.skip();
      return { threshold, rate };
    });
    let annualCap: string | undefined;
    let annualMinimum: string | undefined;
    if (r.annualCap !== undefined) {
      sheet.setAt(at.row, 2, text("Annual cap"));
      annualCap = figure(at.row, AMOUNT_COLUMN, r.annualCap, POUNDS_FORMAT);
      at.skip();
    }
    if (r.annualMinimum !== undefined) {
      sheet.setAt(at.row, 2, text("Annual minimum"));
      annualMinimum = figure(at.row, AMOUNT_COLUMN, r.annualMinimum, POUNDS_FORMAT);
      at.skip();
    }
    anchors.royalty = {
      tiers,
      ...(annualCap === undefined ? {} : { annualCap }),
      ...(annualMinimum === undefined ? {} : { annualMinimum }),
    };
    at.skip();
  }
  return anchors;
}
