/** The scenario sheet's two formulas that the tables, the breakeven and the workings all write. */

/** Rates that compound band after band: each band's "from year" cell and rate cell. */
export interface Bands {
  readonly from: readonly string[];
  readonly rate: readonly string[];
}

/**
 * The discount schedule's bands on the sheet and, for nominal amounts, the inflation's (null for real
 * amounts), which deflates each amount to today's prices before the real rates discount it.
 */
export interface DiscountBands extends Bands {
  readonly inflation: Bands | null;
}

/** Each band's growth over the part of [0, t] inside it: a flat rate is one band from 0. */
function growthParts(bands: Bands, t: string): string[] {
  return bands.from.map((from, k) => {
    const next = bands.from[k + 1];
    const span = next === undefined ? `${t}-${from}` : `MIN(${t},${next})-${from}`;
    return `(1+${bands.rate[k]})^MAX(0,${span})`;
  });
}

/** 1 / (the discount bands' growth to t x the inflation's): what a pound at t is worth today. */
export function factorFormula(bands: DiscountBands, t: string): string {
  const inflation = bands.inflation === null ? [] : growthParts(bands.inflation, t);
  return `1/(${[...growthParts(bands, t), ...inflation].join("*")})`;
}

/** The factor at one flat real `rate` cell, deflating as `bands` do: a sensitivity grid's column. */
export function flatFactorFormula(rate: string, bands: DiscountBands, t: string): string {
  return factorFormula({ from: ["0"], rate: [rate], inflation: bands.inflation }, t);
}

/** A royalty's terms as cells: each tier's lower bound and rate; the cap and minimum, when it has them. */
export interface RoyaltyFormulaTerms {
  readonly thresholds: readonly string[];
  readonly rates: readonly string[];
  readonly cap: string | null;
  readonly minimum: string | null;
}

/** The royalty on revenue `x` under tiered terms, then the cap, then the minimum (royalty.ts's rule). */
export function royaltyFormula(x: string, terms: RoyaltyFormulaTerms): string {
  const { thresholds, rates } = terms;
  let due = thresholds
    .map((lower, k) => {
      const upper = thresholds[k + 1];
      const slice = upper === undefined ? `${x}-${lower}` : `MIN(${x},${upper})-${lower}`;
      return `MAX(0,${slice})*${rates[k]}`;
    })
    .join("+");
  if (terms.cap !== null) due = `MIN(${terms.cap},${due})`;
  if (terms.minimum !== null) due = `MAX(${terms.minimum},${due})`;
  return due;
}
