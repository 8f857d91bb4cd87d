import { ORGANISATION_TYPE_LABELS } from "../../document/labels";
import type { ORGANISATION_TYPES } from "../../document/schema";
import { Decimal, ONE, ZERO } from "../../model/decimal";
import { formatPercent } from "../../model/format";
import { discountFactor } from "../valuation/discounting";

type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * The partner's risk of not paying what it has contracted to (CIDC guide: "Do they have enough funding
 * to cover the partnership's duration?"): a yearly default rate d, so that a payment due at year t is
 * paid with probability (1 - d)^t. It weights fixed payments, subscription fees and milestones; a
 * royalty is paid on the product's sales, already weighted by the chance of reaching market. It values
 * terms; it never changes a price, which depends on the use of the data alone.
 */
export interface Counterparty {
  readonly defaultRate: Decimal;
  readonly source: string;
  /** True when the document states the rate; false for the starting point by organisation type. */
  readonly stated: boolean;
}

const ALL_BUSINESSES =
  "ONS, Business demography, UK: 2024: 9.8% of active UK businesses, most of them small, ceased trading in 2024 (10.8% in 2023)";

/**
 * Where to start when the document states no rate: a documented starting point by the kind of
 * partner, to be replaced by what the partner's accounts, rating or funding show. Not a standard.
 */
export const STARTING_DEFAULT_RATES: Readonly<
  Record<OrganisationType, { readonly rate: string; readonly source: string }>
> = {
  sme: { rate: "0.1", source: ALL_BUSINESSES },
  "large-company": {
    rate: "0.01",
    source:
      "S&P Global Ratings' annual global corporate default studies: the yearly default rate of all the companies it rates has mostly been between 0.5% and 2% since 1981",
  },
  charity: {
    rate: "0.1",
    source: `no published default rate for charities; taken as for all businesses, a cautious start (${ALL_BUSINESSES})`,
  },
  other: {
    rate: "0.1",
    source: `an organisation of unknown kind; taken as for all businesses, a cautious start (${ALL_BUSINESSES})`,
  },
  university: {
    rate: "0",
    source:
      "a university, publicly funded: no default assumed; state a rate if its finances give reason",
  },
  "public-body": { rate: "0", source: "a public body: no default assumed" },
  "nhs-organisation": { rate: "0", source: "an NHS organisation: no default assumed" },
};

export function startingCounterparty(organisationType: OrganisationType): Counterparty {
  const { rate, source } = STARTING_DEFAULT_RATES[organisationType];
  return {
    defaultRate: new Decimal(rate),
    source: `starting point for a partner of its kind (${ORGANISATION_TYPE_LABELS[organisationType].toLowerCase()}): ${source}`,
    stated: false,
  };
}

export const NO_COUNTERPARTY_RISK: Counterparty = {
  defaultRate: ZERO,
  source: "no default assumed",
  stated: true,
};

/** (1 - d)^year: the chance the partner is still paying at `year` (fractions allowed). */
export function stillPaying(defaultRate: Decimal, year: Decimal): Decimal {
  if (defaultRate.isZero() || year.isZero()) return ONE;
  const whole = year.floor();
  const wholeYears = ONE.minus(defaultRate).pow(whole);
  if (whole.equals(year)) return wholeYears;
  // The part of a year left: (1 - d)^f = 1 / (1 + d / (1 - d))^f.
  return wholeYears.times(
    discountFactor(defaultRate.div(ONE.minus(defaultRate)), year.minus(whole))
  );
}

/** The partner's risk in one sentence, as the sheet, the command line and the task pane say it. */
export function counterpartySentence(counterparty: Counterparty): string {
  const rate = `${formatPercent(counterparty.defaultRate, 2)} a year`;
  const why = counterparty.stated
    ? counterparty.source
    : `not stated, so the ${counterparty.source}`;
  return counterparty.defaultRate.isZero()
    ? `The partner is taken to pay all it contracts to (${why})`
    : `The partner's risk of not paying is ${rate} (${why}): it weights fixed payments, fees and milestones, not a royalty, which is paid on sales`;
}
