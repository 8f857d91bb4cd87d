/** The scenario sheet's two formulas that the tables, the breakeven and the workings all write. */

/** The discount schedule's bands on the sheet: each band's "from year" cell and rate cell. */
export interface DiscountBands {
  readonly from: readonly string[];
  readonly rate: readonly string[];
}

/** 1 / the product of each band's growth over the part of [0, t] inside it: flat is one band from 0. */
export function factorFormula(bands: DiscountBands, t: string): string {
  const parts = bands.from.map((from, k) => {
    const next = bands.from[k + 1];
    const span = next === undefined ? `${t}-${from}` : `MIN(${t},${next})-${from}`;
    return `(1+${bands.rate[k]})^MAX(0,${span})`;
  });
  return `1/(${parts.join("*")})`;
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
