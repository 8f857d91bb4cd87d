/**
 * The quote sheet's formulas, recalculated by a real spreadsheet, must give exactly the core's pennies
 * for every amount the product accepts, up to the £50,000,000 a quote may carry. A previous formula,
 * ROUND(ROUND(x*100,6),0)/100, printed £37,286,996.94 in LibreOffice for a full cost of exactly
 * £37,286,996.945 (the core says .95), and such failures started around 2^30 pence.
 *
 * Every case is written here as decimal text and its pennies are derived by hand-written BigInt
 * arithmetic (test/support/exactDecimal.ts, which uses nothing from src/), never by the core: the
 * core must reproduce them, and so must the workbook the product writes, recalculated once per
 * workbook by LibreOffice (the judge) and evaluated in-process by HyperFormula (a fast check).
 *
 *  - edges: the £37,286,996.945 line; exact half pennies just below and just above every power of two
 *    from 2^20 to 2^32 pence at each rounding step (cost, marginal, full, fixed-cost recovery); amounts
 *    at the £50M limit; a VAT rate chosen per quote so that VAT is a half penny where one exists.
 *  - realistic: a 60-line quote of mixed lines, charged for commercial and for non-commercial use.
 *  - random: a seeded generator's few hundred lines from a penny to the limit, most of them built so
 *    that one rounding step meets an exact half penny.
 *
 * Every numeric cached value in the written sheets is replaced by a sentinel before LibreOffice opens
 * them, so a figure that comes back right was recalculated, not echoed.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { priceQuote, type Quote } from "../../src/core/pricing/quote";
import { parsePartnership, type Partnership } from "../../src/document";
import { cellAddress } from "../../src/workbook/spec/a1";
import { QUOTE_NAMES } from "../../src/workbook/layouts/quote/contract";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import type { SheetSpec } from "../../src/workbook/spec/spec";
import {
  readDefinedNames,
  writeWorkbook,
  type RawDefinedName,
} from "../../src/workbook/xlsx/xlsxWriter";
import { cleanInput } from "../document/fixtures";
import {
  exactAdd,
  exactCompare,
  exactMultiply,
  exactRoundToPence,
  exactToString,
  parseExact,
  type Exact,
} from "../support/exactDecimal";
import { buildHyperFormula } from "../support/hyperformula";
import { libreOfficeBatch } from "../support/libreoffice";

// ---------------------------------------------------------------------------------------------
// Hand arithmetic: pence as BigInt, exact products as Exact
// ---------------------------------------------------------------------------------------------

/** £50,000,000.00 in pence, written out rather than read from src/model/decimal.ts. */
const LIMIT_PENCE = 5_000_000_000n;
const TEN_THOUSAND = 10_000n;
const ONE: Exact = parseExact("1");

/** An exact value with at most two decimal places, in pence. */
function pence(value: Exact): bigint {
  if (value.scale > 2) throw new Error(`${exactToString(value)} has fractions of a penny`);
  return value.units * 10n ** BigInt(2 - value.scale);
}

const fromPence = (p: bigint): Exact => ({ units: p, scale: 2 });

/** Half away from zero to the penny (the schoolbook rule of exactDecimal.ts), in pence. */
const roundPence = (value: Exact): bigint => pence(exactRoundToPence(value));

/** Whether an exact amount in pounds ends in exactly half a penny. */
function isHalfPenny(value: Exact): boolean {
  if (value.scale <= 2) return false;
  const divisor = 10n ** BigInt(value.scale - 2);
  const rest = ((value.units % divisor) + divisor) % divisor;
  return 2n * rest === divisor;
}

/** 123456789 pence as "1234567.89". */
function poundsText(p: bigint): string {
  const negative = p < 0n;
  const digits = (negative ? -p : p).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Decimal text of units x 10^-scale, as a document would hold it ("0.0125", "431530"). */
const decimalText = (units: bigint, scale: number): string => exactToString({ units, scale });

/** 1 + rate, exactly. */
const uplift = (rate: string): Exact => exactAdd(ONE, parseExact(rate));

/** A rate's text as units of 0.0001 (the documents' four decimal places). */
function rateUnits(rate: string): bigint {
  const value = parseExact(rate);
  if (value.scale > 4) throw new Error(`rate ${rate} has more than 4 decimal places`);
  return value.units * 10n ** BigInt(4 - value.scale);
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

type Kind = "staff" | "non-staff" | "pass-through";
type Step = "cost" | "marginal" | "full";
type Figure = Step | "fixed" | "capital" | "vat";
type Use = "commercial" | "non-commercial";

interface LineCase {
  id: string;
  kind: Kind;
  quantity: string;
  unitCost: string;
  category?: "services" | "data-access-people" | "data-access-other";
  description?: string;
  unit?: string;
  /** The step built to meet an exact half penny; checked before any engine runs. */
  tie?: Step;
  /** Pennies worked out by hand, in pounds ("37286996.95"). */
  listed?: Partial<Record<Step, string>>;
}

interface Rates {
  staffOnCost: string;
  overhead: string;
  fixed: string;
  capital: string;
  vat: string;
}

interface DocCase {
  reference: string;
  use: Use;
  rates: Rates;
  lines: LineCase[];
  /** Directly allocated capital, pounds and pence. */
  allocations?: string[];
  /** Figures of the quote built to meet an exact half penny. */
  ties?: ("fixed" | "capital" | "vat")[];
  listed?: Partial<Record<"fixed" | "capital" | "total" | "vat" | "totalIncVat", string>>;
}

interface LineFigures {
  cost: bigint;
  marginal: bigint;
  full: bigint;
  /** The exact value each step rounds (undefined where the step only copies). */
  exact: Record<Step, Exact | undefined>;
}

interface Figures {
  lines: LineFigures[];
  marginalCost: bigint;
  fullCost: bigint;
  fixed: bigint;
  capital: bigint;
  total: bigint;
  vat: bigint;
  totalIncVat: bigint;
  exact: Record<"fixed" | "capital" | "vat", Exact>;
}

/** The rule of the arithmetic, worked by hand from the decimal text of the case. */
function priceByHand(doc: DocCase): Figures {
  const lines = doc.lines.map((line): LineFigures => {
    const costExact = exactMultiply(parseExact(line.quantity), parseExact(line.unitCost));
    const cost = roundPence(costExact);
    const marginalExact =
      line.kind === "staff"
        ? exactMultiply(fromPence(cost), uplift(doc.rates.staffOnCost))
        : undefined;
    const marginal = marginalExact === undefined ? cost : roundPence(marginalExact);
    const fullExact =
      line.kind === "pass-through"
        ? undefined
        : exactMultiply(fromPence(marginal), uplift(doc.rates.overhead));
    const full = fullExact === undefined ? marginal : roundPence(fullExact);
    return {
      cost,
      marginal,
      full,
      exact: { cost: costExact, marginal: marginalExact, full: fullExact },
    };
  });
  const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
  const marginalCost = sum(lines.map((l) => l.marginal));
  const fullCost = sum(lines.map((l) => l.full));
  const commercial = doc.use === "commercial";
  const base = commercial ? fullCost : marginalCost;
  const fixedExact = exactMultiply(fromPence(base), parseExact(doc.rates.fixed));
  const capitalExact = exactMultiply(fromPence(base), parseExact(doc.rates.capital));
  const fixed = roundPence(fixedExact);
  const capital = roundPence(capitalExact);
  const allocations = sum((doc.allocations ?? []).map((a) => pence(parseExact(a))));
  const total = (commercial ? fullCost : marginalCost) + fixed + capital + allocations;
  const vatExact = exactMultiply(fromPence(total), parseExact(doc.rates.vat));
  const vat = roundPence(vatExact);
  return {
    lines,
    marginalCost,
    fullCost,
    fixed,
    capital,
    total,
    vat,
    totalIncVat: total + vat,
    exact: { fixed: fixedExact, capital: capitalExact, vat: vatExact },
  };
}

/**
 * The figures the core limits to £50M: every line figure, both overall costs, recoveries, the total
 * and the total including VAT.
 */
function limitedFigures(f: Figures): bigint[] {
  return [
    ...f.lines.flatMap((l) => [l.cost, l.marginal, l.full]),
    f.marginalCost,
    f.fullCost,
    f.fixed,
    f.capital,
    f.total,
    f.totalIncVat,
  ];
}

const withinLimit = (f: Figures): boolean => limitedFigures(f).every((p) => p <= LIMIT_PENCE);

/**
 * The integer p (pence of the step's input) nearest `target` pence on `side` at which the step's exact
 * value meets a half penny. `value` must not decrease as p grows; `start` is a guess near the target.
 */
function tieNear(
  target: bigint,
  side: "below" | "above",
  start: bigint,
  value: (p: bigint) => Exact
): bigint {
  const goal = fromPence(target);
  let p = start < 0n ? 0n : start;
  let guard = 0;
  const step = () => {
    if (++guard > 400_000) throw new Error(`no half penny near ${target} pence`);
  };
  if (side === "below") {
    while (exactCompare(value(p), goal) < 0) ((p += 1n), step());
    while (p > 0n) {
      p -= 1n;
      step();
      const v = value(p);
      if (exactCompare(v, goal) < 0 && isHalfPenny(v)) return p;
    }
    throw new Error(`no half penny below ${target} pence`);
  }
  while (p > 0n && exactCompare(value(p), goal) > 0) ((p -= 1n), step());
  for (;;) {
    p += 1n;
    step();
    const v = value(p);
    if (exactCompare(v, goal) > 0 && isHalfPenny(v)) return p;
  }
}

/** Quantities (in hundredths) tried in turn for a line whose cost is exactly `exactCostMicros`. */
const QUANTITY_UNITS = [100n, 250n, 1n, 1250n, 25n, 625n, 5000n, 8n, 400n, 50n, 40n, 3750n];

/**
 * Writes an exact cost (in millionths of a pound) as quantity x unit cost with at most 2 and 4
 * decimal places, taking the `turn`-th quantity that divides it (quantity 1 when `turn` is -1).
 */
function asQuantityTimesUnitCost(
  exactCostMicros: bigint,
  turn: number
): { quantity: string; unitCost: string } {
  const order =
    turn < 0 ? [100n] : [...QUANTITY_UNITS.slice(turn % QUANTITY_UNITS.length), ...QUANTITY_UNITS];
  for (const q of order) {
    if (exactCostMicros % q === 0n)
      return { quantity: decimalText(q, 2), unitCost: decimalText(exactCostMicros / q, 4) };
  }
  throw new Error(`cannot write ${exactCostMicros} micro-pounds as quantity x unit cost`);
}

/** Micro-pounds (10^-6) of a cost of p pence. */
const micros = (p: bigint): bigint => p * TEN_THOUSAND;

// --- edges ------------------------------------------------------------------------------------

const POWERS = Array.from({ length: 13 }, (_, i) => 20 + i); // 2^20 .. 2^32 pence
const SIDES = ["below", "above"] as const;

interface EdgeLine extends LineCase {
  /** The power of two (in pence) the tie sits next to, and on which side. */
  near?: { k: number; side: "below" | "above" };
}

/** Rate profiles for quotes of edge lines; no recovery, so the total is the sum of the lines. */
const PROFILE_A: Rates = {
  staffOnCost: "0.25",
  overhead: "0.15",
  fixed: "0",
  capital: "0",
  vat: "0.2",
};
const PROFILE_B: Rates = { ...PROFILE_A, overhead: "0.22" };
const PROFILE_C: Rates = { ...PROFILE_A, staffOnCost: "0.2834", overhead: "0.1375" };

/** Lines whose cost is exactly 2^k pence +/- half a penny: once with quantity 1, once with another. */
function costTies(): EdgeLine[] {
  const lines: EdgeLine[] = [];
  POWERS.forEach((k, i) =>
    SIDES.forEach((side) => {
      const exact = micros(2n ** BigInt(k)) + (side === "below" ? -5000n : 5000n);
      lines.push({
        id: `k${k}-cost-${side}-q1`,
        kind: "pass-through",
        ...asQuantityTimesUnitCost(exact, -1),
        tie: "cost",
        near: { k, side },
      });
      lines.push({
        id: `k${k}-cost-${side}-q`,
        kind: "non-staff",
        ...asQuantityTimesUnitCost(exact, i + 1),
        tie: "cost",
        near: { k, side },
      });
    })
  );
  return lines;
}

/** Staff lines whose marginal cost (cost x (1 + on-cost rate)) is a half penny next to 2^k. */
function marginalTies(rates: Rates, tag: string): EdgeLine[] {
  const u = uplift(rates.staffOnCost);
  const perCost = (cost: bigint) => exactMultiply(fromPence(cost), u);
  const m = rateUnits(rates.staffOnCost) + TEN_THOUSAND;
  return POWERS.flatMap((k, i) =>
    SIDES.map((side): EdgeLine => {
      const target = 2n ** BigInt(k);
      const cost = tieNear(target, side, (target * TEN_THOUSAND) / m, perCost);
      return {
        id: `k${k}-marg${tag}-${side}`,
        kind: "staff",
        ...asQuantityTimesUnitCost(micros(cost), i),
        tie: "marginal",
        near: { k, side },
      };
    })
  );
}

/** Lines whose full cost (marginal x (1 + overhead rate)) is a half penny next to 2^k. */
function fullTies(rates: Rates, tag: string): EdgeLine[] {
  const u = uplift(rates.staffOnCost);
  const h = uplift(rates.overhead);
  const mh = rateUnits(rates.overhead) + TEN_THOUSAND;
  const mu = rateUnits(rates.staffOnCost) + TEN_THOUSAND;
  return POWERS.flatMap((k, i) =>
    SIDES.map((side): EdgeLine => {
      const target = 2n ** BigInt(k);
      const staff = (k + (side === "below" ? 0 : 1)) % 2 === 0;
      const value = staff
        ? (cost: bigint) =>
            exactMultiply(fromPence(roundPence(exactMultiply(fromPence(cost), u))), h)
        : (marginal: bigint) => exactMultiply(fromPence(marginal), h);
      const guess = staff
        ? (target * TEN_THOUSAND * TEN_THOUSAND) / (mh * mu)
        : (target * TEN_THOUSAND) / mh;
      const cost = tieNear(target, side, guess, value);
      return {
        id: `k${k}-full${tag}-${side}`,
        kind: staff ? "staff" : "non-staff",
        ...asQuantityTimesUnitCost(micros(cost), i + 3),
        tie: "full",
        near: { k, side },
      };
    })
  );
}

/** First-fit decreasing: quotes of lines whose total stays within the limit. */
function pack(reference: string, rates: Rates, lines: EdgeLine[]): DocCase[] {
  const sized = lines
    .map((line) => ({
      line,
      full: priceByHand({ reference, use: "commercial", rates, lines: [line] }).fullCost,
    }))
    .sort((a, b) => (a.full > b.full ? -1 : a.full < b.full ? 1 : 0));
  const bins: { lines: EdgeLine[]; full: bigint }[] = [];
  for (const { line, full } of sized) {
    const bin = bins.find((b) => b.full + full <= LIMIT_PENCE);
    if (bin) {
      bin.lines.push(line);
      bin.full += full;
    } else bins.push({ lines: [line], full });
  }
  return bins.map((bin, i) => ({
    reference: `${reference}${String(i + 1).padStart(2, "0")}`,
    use: "commercial",
    rates: { ...rates },
    lines: bin.lines,
  }));
}

/** The rate in [lo, hi] units of 0.0001, nearest `prefer`, at which base x rate is a half penny. */
function tieRate(basePence: bigint, prefer: bigint, lo: bigint, hi: bigint): bigint[] {
  const found: bigint[] = [];
  for (let r = lo; r <= hi; r++) if ((basePence * r) % TEN_THOUSAND === 5000n) found.push(r);
  const distance = (r: bigint) => (r > prefer ? r - prefer : prefer - r);
  return found.sort((a, b) => (distance(a) < distance(b) ? -1 : distance(a) > distance(b) ? 1 : 0));
}

const withVatRate = (doc: DocCase, rate: bigint): DocCase => ({
  ...doc,
  rates: { ...doc.rates, vat: decimalText(rate, 4) },
});

/**
 * Sets the VAT rate nearest 20% at which VAT is a half penny (the VAT rate is a fraction to 0.01%) and
 * the total including VAT stays within the limit. Where no such rate exists, the highest rate within
 * the limit, down to 0% (an exempt supply), is used instead.
 */
function withVatTie(doc: DocCase): DocCase {
  const total = priceByHand(doc).total;
  const tied = tieRate(total, 2000n, 1n, TEN_THOUSAND)
    .map((rate) => withVatRate(doc, rate))
    .find((candidate) => withinLimit(priceByHand(candidate)));
  if (tied) return { ...tied, ties: [...(doc.ties ?? []), "vat"] };
  if (withinLimit(priceByHand(doc))) return doc;
  let rate = total === 0n ? 0n : ((LIMIT_PENCE - total) * TEN_THOUSAND) / total;
  while (rate > 0n && !withinLimit(priceByHand(withVatRate(doc, rate)))) rate--;
  return withVatRate(doc, rate < 0n ? 0n : rate);
}

/** Quotes whose fixed-cost recovery is a half penny next to 2^k pence. */
function recoveryTies(): DocCase[] {
  return POWERS.flatMap((k) =>
    SIDES.map((side, s): DocCase => {
      const target = 2n ** BigInt(k);
      // base x 0.5 = 2^k +/- 0.5 exactly while the total (about 1.5 x base) fits; beyond that a rate
      // that keeps the base small enough and still meets half pennies every few pence.
      const rate = k <= 30 ? "0.5" : k === 31 ? "0.95" : "8.5";
      const f = parseExact(rate);
      const base =
        k <= 30
          ? 2n * target + (side === "below" ? -1n : 1n)
          : tieNear(target, side, (target * TEN_THOUSAND) / rateUnits(rate), (b) =>
              exactMultiply(fromPence(b), f)
            );
      const doc: DocCase = {
        reference: `E-R${k}${side === "below" ? "b" : "a"}`,
        use: s === 0 ? "commercial" : "non-commercial",
        rates: { ...PROFILE_A, fixed: rate },
        lines: [
          {
            id: `k${k}-fixed-${side}`,
            kind: "pass-through",
            ...asQuantityTimesUnitCost(micros(base), k),
          },
        ],
        ties: ["fixed"],
      };
      return withVatTie(doc);
    })
  );
}

/**
 * Amounts at the £50M limit, each quote on its own. The limit covers the total including VAT, so a
 * quote whose total before VAT is at the limit is an exempt supply (VAT 0%).
 */
function limitQuotes(): DocCase[] {
  const EXEMPT: Rates = { ...PROFILE_A, vat: "0" };
  const alone = (
    reference: string,
    rates: Partial<Rates>,
    line: LineCase,
    listed: DocCase["listed"] = {}
  ): DocCase => ({
    reference,
    use: "commercial",
    rates: { ...EXEMPT, ...rates },
    lines: [line],
    listed,
  });
  return [
    // 400,000 hours at £80: cost £32M, marginal £40M, full exactly £50,000,000.00; no VAT.
    alone(
      "E-L1",
      { staffOnCost: "0.25", overhead: "0.25" },
      {
        id: "limit-exact-full",
        kind: "staff",
        quantity: "400000",
        unitCost: "80",
        listed: { cost: "32000000.00", marginal: "40000000.00", full: "50000000.00" },
      },
      { total: "50000000.00", vat: "0.00", totalIncVat: "50000000.00" }
    ),
    // 3 x £11,111,111.11 = £33,333,333.33; x 1.5 = £49,999,999.995 -> £50,000,000.00.
    alone(
      "E-L2",
      { overhead: "0.5" },
      {
        id: "limit-full-995",
        kind: "non-staff",
        quantity: "3",
        unitCost: "11111111.11",
        tie: "full",
        listed: { cost: "33333333.33", marginal: "33333333.33", full: "50000000.00" },
      },
      { total: "50000000.00", vat: "0.00" }
    ),
    // 0.25 x £30,769,230.76 = £7,692,307.69; x 6.5 = £49,999,999.985 -> £49,999,999.99.
    alone(
      "E-L3",
      { overhead: "5.5" },
      {
        id: "limit-full-985",
        kind: "non-staff",
        quantity: "0.25",
        unitCost: "30769230.76",
        tie: "full",
        listed: { cost: "7692307.69", marginal: "7692307.69", full: "49999999.99" },
      },
      { total: "49999999.99" }
    ),
    // £33,333,333.33 of staff time x 1.5 = £49,999,999.995 -> £50,000,000.00; no overhead.
    alone(
      "E-L4",
      { staffOnCost: "0.5", overhead: "0" },
      {
        id: "limit-marginal-995",
        kind: "staff",
        quantity: "1",
        unitCost: "33333333.33",
        tie: "marginal",
        listed: { cost: "33333333.33", marginal: "50000000.00", full: "50000000.00" },
      }
    ),
    // £7,692,307.69 of staff time x 6.5 = £49,999,999.985 -> £49,999,999.99.
    alone(
      "E-L5",
      { staffOnCost: "5.5", overhead: "0" },
      {
        id: "limit-marginal-985",
        kind: "staff",
        quantity: "0.01",
        unitCost: "769230769",
        tie: "marginal",
        listed: { cost: "7692307.69", marginal: "49999999.99", full: "49999999.99" },
      }
    ),
    // Costs of £49,999,999.995 and £49,999,999.985 and £50,000,000.004, each a product of its own.
    alone(
      "E-L6",
      {},
      {
        id: "limit-cost-995",
        kind: "pass-through",
        quantity: "1",
        unitCost: "49999999.995",
        tie: "cost",
        listed: { cost: "50000000.00", full: "50000000.00" },
      }
    ),
    alone(
      "E-L7",
      {},
      {
        id: "limit-cost-995-q",
        kind: "pass-through",
        quantity: "2.5",
        unitCost: "19999999.998",
        tie: "cost",
        listed: { cost: "50000000.00" },
      }
    ),
    alone(
      "E-L8",
      {},
      {
        id: "limit-cost-985",
        kind: "pass-through",
        quantity: "0.5",
        unitCost: "99999999.97",
        tie: "cost",
        listed: { cost: "49999999.99" },
      }
    ),
    alone(
      "E-L9",
      {},
      {
        id: "limit-cost-004",
        kind: "pass-through",
        quantity: "0.01",
        unitCost: "5000000000.4",
        listed: { cost: "50000000.00" },
      }
    ),
    // A total of exactly £50M made of lines and both recoveries: 43,478,260.87 + 4,347,826.09 + 2,173,913.04.
    {
      reference: "E-L10",
      use: "commercial",
      rates: { ...EXEMPT, overhead: "0.22", fixed: "0.1", capital: "0.05" },
      lines: [
        {
          id: "limit-total-staff",
          kind: "staff",
          quantity: "431530",
          unitCost: "56.66",
          listed: { cost: "24450489.80", marginal: "30563112.25", full: "37286996.95" },
        },
        {
          id: "limit-total-pass",
          kind: "pass-through",
          quantity: "1",
          unitCost: "6191263.92",
        },
      ],
      listed: {
        fixed: "4347826.09",
        capital: "2173913.04",
        total: "50000000.00",
        vat: "0.00",
        totalIncVat: "50000000.00",
      },
    },
    // The total including VAT exactly at the limit: £41,666,666.67 + 20% VAT of £8,333,333.334
    // (-> £8,333,333.33) = £50,000,000.00.
    alone(
      "E-L11",
      { vat: "0.2" },
      {
        id: "limit-inc-vat",
        kind: "pass-through",
        quantity: "1",
        unitCost: "41666666.67",
        listed: { cost: "41666666.67", full: "41666666.67" },
      },
      { total: "41666666.67", vat: "8333333.33", totalIncVat: "50000000.00" }
    ),
  ];
}

function edgeQuotes(): DocCase[] {
  const famous: EdgeLine = {
    id: "famous-37m",
    kind: "staff",
    category: "data-access-people",
    description: "Staff time: 431,530 hours at £56.66",
    unit: "hour",
    quantity: "431530",
    unitCost: "56.66",
    tie: "full",
    listed: { cost: "24450489.80", marginal: "30563112.25", full: "37286996.95" },
  };
  return [
    ...pack("E-A", PROFILE_A, [
      ...costTies(),
      ...marginalTies(PROFILE_A, ""),
      ...fullTies(PROFILE_A, ""),
    ]),
    ...pack("E-B", PROFILE_B, [famous, ...fullTies(PROFILE_B, "")]),
    ...pack("E-C", PROFILE_C, [...marginalTies(PROFILE_C, "c"), ...fullTies(PROFILE_C, "c")]),
  ]
    .map(withVatTie)
    .concat(recoveryTies(), limitQuotes());
}

// --- a realistic quote ------------------------------------------------------------------------

const REALISTIC_ITEMS: [string, Kind, string, string, [string, string, string]][] = [
  [
    "Band 6 information analyst: cohort extraction",
    "staff",
    "hour",
    "56.66",
    ["7.25", "37.5", "431.5"],
  ],
  ["Band 7 data engineer: linkage pipeline", "staff", "day", "412.3456", ["3.5", "12", "0.75"]],
  [
    "Band 8a principal analyst: disclosure control",
    "staff",
    "hour",
    "71.0833",
    ["2.25", "16.5", "45"],
  ],
  [
    "Clinical coder: validation of diagnosis codes",
    "staff",
    "hour",
    "31.2475",
    ["120.25", "8", "64.75"],
  ],
  ["Information governance officer: DPIA review", "staff", "hour", "38.9", ["6.5", "14.25", "3"]],
  ["Project manager", "staff", "day", "310", ["3", "11.5", "0.5"]],
  [
    "Consultant radiologist: image annotation",
    "staff",
    "hour",
    "118.7425",
    ["40", "12.25", "96.5"],
  ],
  ["Data scientist: de-identification", "staff", "day", "449.995", ["2", "5.75", "9.25"]],
  [
    "Per-record extraction charge",
    "non-staff",
    "record",
    "0.0125",
    ["250000.5", "1234567", "48000"],
  ],
  ["SDE compute", "non-staff", "GPU-hour", "2.8734", ["1500.25", "730", "96"]],
  ["Encrypted storage", "non-staff", "GB-month", "0.0231", ["12000.75", "51200", "2048.5"]],
  ["Imaging archive retrieval", "non-staff", "study", "1.6667", ["35000", "1200.5", "8750"]],
  ["Pseudonymisation service", "non-staff", "batch", "845.5555", ["1", "4", "12"]],
  ["Secure courier of encrypted media", "non-staff", "delivery", "125.005", ["1", "3", "7"]],
  ["Statistical software licence", "non-staff", "licence-month", "99.9999", ["6", "12", "18.5"]],
  [
    "NHS England data access request service charge",
    "pass-through",
    "application",
    "1476.5",
    ["1", "2", "0.5"],
  ],
  [
    "SDE user account at the published price",
    "pass-through",
    "user-month",
    "472",
    ["6", "24", "3.5"],
  ],
  [
    "Third-party linkage to death registrations",
    "pass-through",
    "record",
    "0.0042",
    ["500000", "125000.25", "1000000"],
  ],
  [
    "Cloud egress at the published rate",
    "pass-through",
    "GB",
    "0.0825",
    ["4096.5", "128", "10240"],
  ],
  ["Research ethics committee fee", "pass-through", "application", "250.125", ["1", "2", "3"]],
];

function realisticQuotes(): DocCase[] {
  const lines: LineCase[] = REALISTIC_ITEMS.flatMap(
    ([description, kind, unit, unitCost, quantities], i) =>
      quantities.map((quantity, j): LineCase => ({
        id: `R${String(i * 3 + j + 1).padStart(2, "0")}`,
        kind,
        category:
          kind === "staff"
            ? j === 1
              ? "data-access-people"
              : "services"
            : j === 2
              ? "services"
              : "data-access-other",
        description,
        unit,
        quantity,
        unitCost,
      }))
  );
  const rates: Rates = {
    staffOnCost: "0.2834",
    overhead: "0.2215",
    fixed: "0.0875",
    capital: "0.0425",
    vat: "0.2",
  };
  return (["commercial", "non-commercial"] as const).map((use) => ({
    reference: `REAL-${use === "commercial" ? "C" : "NC"}`,
    use,
    rates,
    lines,
    allocations: ["18250.00", "0.01"],
  }));
}

// --- random -----------------------------------------------------------------------------------

const SEED = 20_261_122;

/** mulberry32: a small seeded generator, so the set is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Draw {
  unit(): number;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
}

function draws(seed: number): Draw {
  const unit = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(unit() * (hi - lo + 1));
  return { unit, int, pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number] };
}

/**
 * A line whose full cost is drawn from `low` pence to `room` pence, evenly over the orders of
 * magnitude, with a quantity of 0 to 5,000,000 (2 decimal places) and a unit cost to 4 decimal places;
 * most lines are then moved to the nearest amount at which one rounding step meets a half penny.
 */
function randomLine(
  draw: Draw,
  id: string,
  rates: Rates,
  low: number,
  room: bigint
): LineCase | undefined {
  const roll = draw.unit();
  const kind: Kind = roll < 0.45 ? "staff" : roll < 0.8 ? "non-staff" : "pass-through";
  const high = Number(room);
  if (high <= low) return undefined;
  const targetFull = Math.exp(Math.log(low) + draw.unit() * (Math.log(high) - Math.log(low)));
  const mu = rateUnits(rates.staffOnCost) + TEN_THOUSAND;
  const mh = rateUnits(rates.overhead) + TEN_THOUSAND;
  const targetCost =
    targetFull /
    (kind === "staff" ? Number(mu) / 10_000 : 1) /
    (kind === "pass-through" ? 1 : Number(mh) / 10_000);
  const shape = draw.unit();
  const quantityUnits = BigInt(
    shape < 0.3
      ? draw.int(1, 500) * 100 // whole hours or days
      : shape < 0.55
        ? draw.int(1, 10_000) // 0.01 to 100.00
        : shape < 0.7
          ? draw.int(1, 99) // a fraction of a unit
          : shape < 0.9
            ? draw.int(1_000, 5_000_000) * draw.pick([100, 100, 1]) + draw.pick([0, 50]) // records
            : shape < 0.97
              ? 100
              : 0
  );
  let unitCostUnits =
    quantityUnits === 0n
      ? BigInt(draw.int(0, 10_000_000))
      : BigInt(Math.max(0, Math.round((targetCost * 10_000) / Number(quantityUnits))));
  if (unitCostUnits > 10n ** 16n) return undefined; // the documents' £1,000,000,000,000
  const steps: (Step | undefined)[] = [undefined, "cost"];
  if (kind === "staff") steps.push("marginal", "marginal");
  if (kind !== "pass-through") steps.push("full", "full");
  const tie = quantityUnits === 0n ? undefined : draw.pick(steps);
  const line: LineCase = {
    id,
    kind,
    category: draw.pick(["services", "data-access-people", "data-access-other"] as const),
    quantity: decimalText(quantityUnits, 2),
    unitCost: decimalText(unitCostUnits, 4),
  };
  if (tie === undefined) return line;
  if (tie === "cost") {
    // The smallest unit cost from here at which quantity x unit cost is a half penny.
    for (let i = 0; i < 20_000; i++, unitCostUnits++)
      if ((quantityUnits * unitCostUnits) % TEN_THOUSAND === 5000n)
        return { ...line, unitCost: decimalText(unitCostUnits, 4), tie };
    return undefined;
  }
  // The smallest cost in pence from here at which the marginal or full step meets a half penny.
  const u: Exact = { units: mu, scale: 4 };
  const h: Exact = { units: mh, scale: 4 };
  const stepValue = (cost: bigint): Exact => {
    if (tie === "marginal") return exactMultiply(fromPence(cost), u);
    const marginal = kind === "staff" ? roundPence(exactMultiply(fromPence(cost), u)) : cost;
    return exactMultiply(fromPence(marginal), h);
  };
  let cost = BigInt(Math.max(1, Math.round(targetCost)));
  for (let i = 0; i < 20_000; i++, cost++)
    if (isHalfPenny(stepValue(cost)))
      return { ...line, ...asQuantityTimesUnitCost(micros(cost), draw.int(0, 11)), tie };
  return undefined;
}

/** Moves the recovery and VAT rates, most of the time, to the nearest rate giving a half penny. */
function randomRecoveryAndVatTies(doc: DocCase, draw: Draw): DocCase {
  let current = doc;
  for (const which of ["fixed", "capital"] as const) {
    if (draw.unit() < 0.25) continue;
    const figures = priceByHand(current);
    const base = current.use === "commercial" ? figures.fullCost : figures.marginalCost;
    for (const rate of tieRate(base, rateUnits(current.rates[which]), 0n, 5000n).slice(0, 40)) {
      const candidate: DocCase = {
        ...current,
        rates: { ...current.rates, [which]: decimalText(rate, 4) },
        ties: [...(current.ties ?? []), which],
      };
      if (withinLimit(priceByHand(candidate))) {
        current = candidate;
        break;
      }
    }
  }
  if (draw.unit() < 0.75) {
    const tied = tieRate(priceByHand(current).total, rateUnits(current.rates.vat), 0n, TEN_THOUSAND)
      .map((rate) => withVatRate(current, rate))
      .find((candidate) => withinLimit(priceByHand(candidate)));
    if (tied) current = { ...tied, ties: [...(current.ties ?? []), "vat"] };
  }
  return current;
}

function randomQuotes(count: number, linesPerQuote: number): DocCase[] {
  const draw = draws(SEED);
  const rate4 = (lo: number, hi: number) =>
    decimalText(BigInt(draw.int(lo * 10_000, hi * 10_000)), 4);
  const docs: DocCase[] = [];
  for (let d = 0; d < count; d++) {
    const rates: Rates = {
      staffOnCost: draw.pick([rate4(0, 0.5), rate4(0, 0.5), "0.25", "0.2834", rate4(0, 3)]),
      overhead: draw.pick([rate4(0, 0.6), rate4(0, 0.6), "0.2", "0.22", "0", rate4(0, 5)]),
      fixed: draw.pick([rate4(0, 0.2), rate4(0, 0.2), "0"]),
      capital: draw.pick([rate4(0, 0.2), rate4(0, 0.1), "0"]),
      vat: draw.pick(["0.2", "0.05", "0", rate4(0, 1)]),
    };
    const doc: DocCase = {
      reference: `RND-${String(d + 1).padStart(2, "0")}`,
      use: d % 3 === 2 ? "non-commercial" : "commercial",
      rates,
      lines: [],
      ties: [],
    };
    // Leave room for the recoveries, in every other quote for moving their rates up to 0.5 (for an
    // odd number of pence, only a rate of 0.5 or 1.5... gives a half penny), and for VAT.
    const growth =
      (1 + Number(rates.fixed) + Number(rates.capital) + (d % 2 ? 1 : 0.001)) *
      (1 + Number(rates.vat));
    const budget = BigInt(Math.floor(Number(LIMIT_PENCE) / growth));
    let fullSoFar = 0n;
    for (let n = 0; n < linesPerQuote && budget - fullSoFar > 1n; n++) {
      // Every other quote opens with a line of at least 2^28 pence (£2.7M).
      const low = n === 0 && d % 2 === 0 ? 2 ** 28 : 1;
      for (let attempt = 0; attempt < 8; attempt++) {
        const line = randomLine(draw, `X${n + 1}`, rates, low, budget - fullSoFar);
        if (line === undefined) continue;
        const priced = priceByHand({ ...doc, lines: [line] });
        if (!withinLimit(priced) || fullSoFar + priced.fullCost > budget) continue;
        doc.lines.push(line);
        fullSoFar += priced.fullCost;
        break;
      }
    }
    docs.push(randomRecoveryAndVatTies(doc, draw));
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------
// Documents, sheets and workbooks
// ---------------------------------------------------------------------------------------------

const GENERATED_AT = new Date("2026-11-22T10:00:00Z");
/** Written over every numeric cached value: no correct figure on a quote is negative. */
const SENTINEL = -424242.42;

/** The number a document holds for decimal text; it must read back as the same decimal. */
function numberOf(decimal: string): number {
  const value = Number(decimal);
  if (exactToString(parseExact(String(value))) !== exactToString(parseExact(decimal)))
    throw new Error(`${decimal} does not survive as a JSON number (${String(value)})`);
  return value;
}

function partnershipFrom(doc: DocCase): Partnership {
  const base = cleanInput();
  const input = {
    ...base,
    reference: doc.reference,
    use: doc.use,
    vatRate: numberOf(doc.rates.vat),
    pricing: {
      ...base.pricing,
      staffOnCostRate: numberOf(doc.rates.staffOnCost),
      overheadRate: numberOf(doc.rates.overhead),
      fixedCostRecoveryRate: numberOf(doc.rates.fixed),
      capitalCostRecoveryRate: numberOf(doc.rates.capital),
    },
    costs: {
      lines: doc.lines.map((line, i) => ({
        id: line.id,
        category:
          line.category ??
          (line.kind === "staff"
            ? i % 2
              ? "data-access-people"
              : "services"
            : "data-access-other"),
        description: line.description ?? `Line ${line.id}`,
        quantity: numberOf(line.quantity),
        unit: line.unit ?? "unit",
        unitCost: numberOf(line.unitCost),
        kind: line.kind === "staff" ? "staff" : "non-staff",
        passThrough: line.kind === "pass-through",
      })),
      directAllocations: (doc.allocations ?? []).map((amount, i) => ({
        id: `alloc-${i + 1}`,
        description: "Infrastructure for this partnership alone",
        amount: numberOf(amount),
      })),
    },
  };
  const parsed = parsePartnership(input);
  if (!parsed.ok)
    throw new Error(
      `${doc.reference} is not a valid document:\n${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`
    );
  return parsed.document;
}

interface Priced {
  doc: DocCase;
  quote: Quote;
  figures: Figures;
  sheetName: string;
  /** Line ids and recovery ids to their row on the sheet. */
  rows: Map<string, number>;
}

interface Book {
  name: string;
  file: string;
  buffer: Uint8Array;
  quotes: Priced[];
  /** Cells whose cached value was replaced by the sentinel, by sheet. */
  corrupted: Map<string, string[]>;
}

const RECOVERY_IDS = ["fixed-cost-recovery", "capital-cost-recovery"] as const;

/** Column A text to row, for the sheet's lines and recoveries. */
const addressOf = (cell: SheetSpec["cells"][number]): string =>
  cell.address ?? cellAddress(cell.row, cell.col);

function rowsOf(spec: SheetSpec, ids: readonly string[]): Map<string, number> {
  const wanted = new Set(ids);
  const rows = new Map<string, number>();
  for (const cell of spec.cells) {
    const match = /^A(\d+)$/.exec(addressOf(cell));
    if (match && cell.value.kind === "text" && wanted.has(cell.value.text)) {
      if (rows.has(cell.value.text)) throw new Error(`${cell.value.text} is in column A twice`);
      rows.set(cell.value.text, Number(match[1]));
    }
  }
  for (const id of ids)
    if (!rows.has(id)) throw new Error(`${id} is not in column A of ${spec.name}`);
  return rows;
}

/** Replaces every numeric cached value of the sheet's formulas with the sentinel. */
function corruptCachedValues(spec: SheetSpec): string[] {
  const addresses: string[] = [];
  for (const cell of spec.cells) {
    if (cell.value.kind !== "formula" || typeof cell.value.cachedValue !== "number") continue;
    cell.value = { ...cell.value, cachedValue: SENTINEL };
    addresses.push(addressOf(cell));
  }
  return addresses;
}

async function buildBook(name: string, docs: DocCase[], dir: string): Promise<Book> {
  const specs: SheetSpec[] = [];
  const corrupted = new Map<string, string[]>();
  const quotes = docs.map((doc): Priced => {
    const partnership = partnershipFrom(doc);
    let quote: Quote;
    try {
      quote = priceQuote(partnership);
    } catch (error) {
      throw new Error(`the core refuses ${doc.reference}: ${String(error)}`);
    }
    const spec = buildQuoteSheet(partnership, quote, [], { generatedAt: GENERATED_AT });
    specs.push(spec);
    corrupted.set(spec.name, corruptCachedValues(spec));
    const rows = rowsOf(spec, [...doc.lines.map((line) => line.id), ...RECOVERY_IDS]);
    return { doc, quote, figures: priceByHand(doc), sheetName: spec.name, rows };
  });
  const buffer = await writeWorkbook(specs);
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, buffer);
  return { name, file, buffer, quotes, corrupted };
}

// ---------------------------------------------------------------------------------------------
// Reading engines' values and comparing them with the hand arithmetic
// ---------------------------------------------------------------------------------------------

/** A value on a sheet, by A1 address or by one of the sheet's defined names. */
type Reader = (sheetName: string, target: string) => unknown;

const A1 = /^[A-Z]{1,3}\d+$/;

function excelJsReader(workbook: ExcelJS.Workbook, names: readonly RawDefinedName[]): Reader {
  return (sheetName, target) => {
    let sheet = sheetName;
    let address = target;
    if (!A1.test(target)) {
      const defined = names.find((n) => n.name === target && n.sheetName === sheetName);
      if (!defined) return `(${target} is not defined on ${sheetName})`;
      const match = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(defined.text);
      if (!match) return `(${target} refers to ${defined.text})`;
      sheet = (match[1] as string).replace(/''/g, "'");
      address = `${match[2]}${match[3]}`;
    }
    const ws = workbook.getWorksheet(sheet);
    if (!ws) return `(no sheet ${sheet})`;
    const cell = ws.getCell(address);
    return cell.formula ? cell.result : cell.value;
  };
}

function hyperFormulaReader(hf: ReturnType<typeof buildHyperFormula>): Reader {
  return (sheetName, target) => {
    const sheet = hf.getSheetId(sheetName);
    if (sheet === undefined) return `(no sheet ${sheetName})`;
    if (!A1.test(target)) return hf.getNamedExpressionValue(target, sheet);
    const address = hf.simpleCellAddressFromString(target, sheet);
    return address === undefined ? `(bad address ${target})` : hf.getCellValue(address);
  };
}

function shown(value: unknown): string {
  return typeof value === "number"
    ? `${String(value)} (${value.toPrecision(17)})`
    : (JSON.stringify(value) ?? String(value));
}

/** Every line's G, H and I, both recoveries and the three named totals, against the hand arithmetic. */
function compare(
  engine: string,
  book: Book,
  read: Reader
): { mismatches: string[]; compared: number } {
  const mismatches: string[] = [];
  let compared = 0;
  for (const { doc, figures, sheetName, rows } of book.quotes) {
    const check = (target: string, label: string, expected: bigint, exact?: Exact) => {
      compared += 1;
      const seen = read(sheetName, target);
      if (typeof seen === "number" && BigInt(Math.round(seen * 100)) === expected) return;
      mismatches.push(
        `${engine}: ${sheetName} ${label} (${target}): expected ${poundsText(expected)}` +
          `${exact === undefined ? "" : ` (exactly ${exactToString(exact)})`}, got ${shown(seen)}`
      );
    };
    doc.lines.forEach((line, i) => {
      const f = figures.lines[i] as LineFigures;
      const row = rows.get(line.id) as number;
      check(`G${row}`, `${line.id} cost`, f.cost, f.exact.cost);
      check(`H${row}`, `${line.id} marginal`, f.marginal, f.exact.marginal);
      check(`I${row}`, `${line.id} full`, f.full, f.exact.full);
    });
    check(
      `I${rows.get("fixed-cost-recovery") as number}`,
      "fixed-cost recovery",
      figures.fixed,
      figures.exact.fixed
    );
    check(
      `I${rows.get("capital-cost-recovery") as number}`,
      "capital-cost recovery",
      figures.capital,
      figures.exact.capital
    );
    check(QUOTE_NAMES.total, "total", figures.total);
    check(QUOTE_NAMES.vat, "VAT", figures.vat, figures.exact.vat);
    check(QUOTE_NAMES.totalIncVat, "total including VAT", figures.totalIncVat);
  }
  return { mismatches, compared };
}

const comparisonsIn = (book: Book): number =>
  book.quotes.reduce((n, q) => n + 3 * q.doc.lines.length + 5, 0);

/** The core's figure in pence; a figure with fractions of a penny shows as a mismatch. */
function corePence(value: { toFixed(): string }): bigint | string {
  try {
    return pence(parseExact(value.toFixed()));
  } catch {
    return value.toFixed();
  }
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

const EDGE_QUOTES = edgeQuotes();
const REALISTIC_QUOTES = realisticQuotes();
const RANDOM_QUOTES = randomQuotes(12, 40);
const ALL_QUOTES = [...EDGE_QUOTES, ...REALISTIC_QUOTES, ...RANDOM_QUOTES];

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-rounding-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const books: Record<"edges" | "realistic" | "random", Book | undefined> = {
  edges: undefined,
  realistic: undefined,
  random: undefined,
};
const bookOf = (name: keyof typeof books): Book => {
  const book = books[name];
  if (!book) throw new Error(`workbook ${name} was not built`);
  return book;
};

beforeAll(async () => {
  books.edges = await buildBook("edges", EDGE_QUOTES, work);
  books.realistic = await buildBook("realistic", REALISTIC_QUOTES, work);
  books.random = await buildBook("random", RANDOM_QUOTES, work);
});

/** The three workbooks as written, recalculated in one run of LibreOffice. */
const libreOffice = libreOfficeBatch();
const recalculated = {
  edges: libreOffice.add("edges.xlsx", () => bookOf("edges").buffer),
  realistic: libreOffice.add("realistic.xlsx", () => bookOf("realistic").buffer),
  random: libreOffice.add("random.xlsx", () => bookOf("random").buffer),
};

describe("the cases are what they claim to be (hand arithmetic only)", () => {
  test("every quote is a valid document whose printed figures are all within £50,000,000.00", () => {
    const over = ALL_QUOTES.filter((doc) => !withinLimit(priceByHand(doc))).map((d) => d.reference);
    expect(over).toEqual([]);
    for (const doc of ALL_QUOTES) expect(() => partnershipFrom(doc)).not.toThrow();
  });

  test("the pennies worked out by hand in the cases are what the arithmetic gives", () => {
    const famous = EDGE_QUOTES.flatMap((d) => d.lines).find((l) => l.id === "famous-37m");
    const famousFigures = priceByHand({
      ...(EDGE_QUOTES[0] as DocCase),
      rates: PROFILE_B,
      lines: [famous as LineCase],
    });
    expect(exactToString(famousFigures.lines[0]?.exact.full as Exact)).toBe("37286996.945");
    const seen: string[] = [];
    const listed: string[] = [];
    for (const doc of ALL_QUOTES) {
      const figures = priceByHand(doc);
      doc.lines.forEach((line, i) => {
        const f = figures.lines[i] as LineFigures;
        for (const [step, text] of Object.entries(line.listed ?? {})) {
          listed.push(`${doc.reference} ${line.id} ${step} ${text}`);
          seen.push(`${doc.reference} ${line.id} ${step} ${poundsText(f[step as Step])}`);
        }
      });
      for (const [figure, text] of Object.entries(doc.listed ?? {})) {
        listed.push(`${doc.reference} ${figure} ${text}`);
        seen.push(`${doc.reference} ${figure} ${poundsText(figures[figure as "total"])}`);
      }
    }
    expect(seen).toEqual(listed);
    expect(listed.length).toBeGreaterThanOrEqual(35);
  });

  test("every line or figure built to meet a half penny does, and the edges sit next to every power of two", () => {
    const notHalf: string[] = [];
    const near = new Set<string>();
    for (const doc of ALL_QUOTES) {
      const figures = priceByHand(doc);
      doc.lines.forEach((line, i) => {
        if (line.tie === undefined) return;
        const exact = figures.lines[i]?.exact[line.tie] as Exact;
        if (!isHalfPenny(exact))
          notHalf.push(`${doc.reference} ${line.id} ${line.tie} ${exactToString(exact)}`);
        const edge = (line as EdgeLine).near;
        if (edge) near.add(nearKey(line.tie, edge.k, edge.side, exact));
      });
      for (const figure of doc.ties ?? []) {
        const exact = figures.exact[figure];
        if (!isHalfPenny(exact)) notHalf.push(`${doc.reference} ${figure} ${exactToString(exact)}`);
        if (figure === "fixed" && doc.reference.startsWith("E-R")) {
          const k = Number(/^E-R(\d+)/.exec(doc.reference)?.[1]);
          near.add(nearKey("fixed", k, doc.reference.endsWith("b") ? "below" : "above", exact));
        }
      }
    }
    expect(notHalf).toEqual([]);
    const wanted = (["cost", "marginal", "full", "fixed"] as const).flatMap((figure) =>
      POWERS.flatMap((k) => SIDES.map((side) => `${figure} 2^${k} ${side}`))
    );
    expect([...near].filter((key) => !key.includes("far")).sort()).toEqual(
      expect.arrayContaining(wanted.sort())
    );
    expect([...near].filter((key) => key.includes("far"))).toEqual([]);
    // The cost step's half pennies are exactly 2^k - 0.5 and 2^k + 0.5 pence.
    const costTies = EDGE_QUOTES.flatMap((doc) => {
      const figures = priceByHand(doc);
      return doc.lines.flatMap((line, i) => {
        const edge = (line as EdgeLine).near;
        if (line.tie !== "cost" || !edge) return [];
        const exact = figures.lines[i]?.exact.cost as Exact;
        const twicePence = (exact.units * 200n) / 10n ** BigInt(exact.scale);
        const wantedTwice = 2n ** BigInt(edge.k + 1) + (edge.side === "below" ? -1n : 1n);
        return [[line.id, twicePence === wantedTwice ? "2^k +/- 0.5 pence" : exactToString(exact)]];
      });
    });
    expect(costTies).toHaveLength(POWERS.length * 2 * 2);
    expect(costTies.filter(([, what]) => what !== "2^k +/- 0.5 pence")).toEqual([]);
  });

  test("the random set spans pennies to millions, with half pennies at every step", () => {
    const lines = RANDOM_QUOTES.flatMap((doc) => {
      const figures = priceByHand(doc);
      return doc.lines.map((line, i) => ({ line, full: (figures.lines[i] as LineFigures).full }));
    });
    const count = (keep: (x: (typeof lines)[number]) => boolean) => lines.filter(keep).length;
    expect(lines.length).toBeGreaterThanOrEqual(300);
    expect(count((x) => x.full < 100n)).toBeGreaterThanOrEqual(5);
    expect(count((x) => x.full >= 100_000n && x.full < 10_000_000n)).toBeGreaterThanOrEqual(20);
    expect(count((x) => x.full >= 2n ** 28n)).toBeGreaterThanOrEqual(5);
    expect(count((x) => x.full >= 2n ** 30n)).toBeGreaterThanOrEqual(2);
    for (const step of ["cost", "marginal", "full"] as const)
      expect([step, count((x) => x.line.tie === step) >= 30]).toEqual([step, true]);
    const figureTies = RANDOM_QUOTES.flatMap((doc) => doc.ties ?? []);
    for (const figure of ["fixed", "capital", "vat"] as const)
      expect([figure, figureTies.filter((t) => t === figure).length >= 3]).toEqual([figure, true]);
  });

  test("the core's pennies equal the hand arithmetic for every figure of every quote", () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const doc of ALL_QUOTES) {
      const quote = priceQuote(partnershipFrom(doc));
      const figures = priceByHand(doc);
      const check = (label: string, core: { toFixed(): string }, expected: bigint) => {
        compared += 1;
        const seen = corePence(core);
        if (seen !== expected)
          mismatches.push(
            `core: ${doc.reference} ${label}: expected ${poundsText(expected)}, got ${String(seen)}`
          );
      };
      doc.lines.forEach((line, i) => {
        const core = quote.lines[i];
        const f = figures.lines[i] as LineFigures;
        if (core?.id !== line.id) {
          mismatches.push(
            `core: ${doc.reference} line ${i} is ${String(core?.id)}, not ${line.id}`
          );
          return;
        }
        check(`${line.id} cost`, core.cost, f.cost);
        check(`${line.id} marginal`, core.marginal, f.marginal);
        check(`${line.id} full`, core.full, f.full);
      });
      check(
        "fixed-cost recovery",
        quote.recoveries[0]?.amount ?? { toFixed: () => "none" },
        figures.fixed
      );
      check(
        "capital-cost recovery",
        quote.recoveries[1]?.amount ?? { toFixed: () => "none" },
        figures.capital
      );
      check("total", quote.total, figures.total);
      check("VAT", quote.vat, figures.vat);
      check("total including VAT", quote.totalIncVat, figures.totalIncVat);
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(ALL_QUOTES.reduce((n, d) => n + 3 * d.lines.length + 5, 0));
  });

  test("one penny over the limit is refused by the core, so the limit is where the claim stops", () => {
    const over: DocCase = {
      reference: "E-OVER",
      use: "commercial",
      rates: PROFILE_A,
      lines: [{ id: "over", kind: "pass-through", quantity: "1", unitCost: "50000000.005" }],
    };
    expect(poundsText(priceByHand(over).fullCost)).toBe("50000000.01");
    expect(() => priceQuote(partnershipFrom(over))).toThrow(/50,000,000/);
    // E-L11 plus a penny: £41,666,666.68 + 20% VAT of £8,333,333.336 (-> .34) = £50,000,000.02.
    const overWithVat: DocCase = {
      reference: "E-OVER-VAT",
      use: "commercial",
      rates: PROFILE_A,
      lines: [{ id: "over-vat", kind: "pass-through", quantity: "1", unitCost: "41666666.68" }],
    };
    expect(poundsText(priceByHand(overWithVat).totalIncVat)).toBe("50000000.02");
    expect(() => priceQuote(partnershipFrom(overWithVat))).toThrow(
      /total including VAT comes to £50,000,000\.02/
    );
  });
});

/** "full 2^24 below", or "... far" when the tie is not just beside the power of two. */
function nearKey(figure: Figure, k: number, side: "below" | "above", exact: Exact): string {
  const power = fromPence(2n ** BigInt(k));
  const order = exactCompare(exact, power);
  const gap = exactAdd(exact, { units: -power.units, scale: power.scale });
  const distance = gap.units < 0n ? { ...gap, units: -gap.units } : gap;
  const beside =
    (side === "below" ? order < 0 : order > 0) && exactCompare(distance, parseExact("100")) < 0;
  return `${figure} 2^${k} ${side}${beside ? "" : " far"}`;
}

describe.each(["edges", "realistic", "random"] as const)("workbook %s", (name) => {
  test("LibreOffice, recalculating the written file, gives the hand-derived pennies for every line, recovery and total", async () => {
    const book = bookOf(name);
    const result = await recalculated[name]();
    const read = excelJsReader(result.workbook, await readDefinedNames(result.buffer));
    const { mismatches, compared } = compare("LibreOffice", book, read);
    expect(mismatches).toEqual([]);
    expect(compared).toBe(comparisonsIn(book));
    // The file went in with the sentinel in every numeric cached value (check one as written) ...
    const written = new ExcelJS.Workbook();
    await written.xlsx.load(book.buffer as unknown as ArrayBuffer);
    const [firstSheet, firstCells] = [...book.corrupted.entries()][0] as [string, string[]];
    expect(excelJsReader(written, [])(firstSheet, firstCells[0] as string)).toBe(SENTINEL);
    // ... and LibreOffice replaced every one of them with a number of its own.
    const stale: string[] = [];
    let corrupted = 0;
    for (const [sheet, cells] of book.corrupted)
      for (const address of cells) {
        corrupted += 1;
        const value = read(sheet, address);
        // A date-formatted result (the summary box's valid-until date) is read back as a Date: a
        // recalculated one is in this century, the sentinel (a negative serial) long before it.
        if (value instanceof Date && value.getUTCFullYear() >= 2000) continue;
        if (typeof value !== "number" || value === SENTINEL)
          stale.push(`${sheet}!${address}: ${shown(value)}`);
      }
    expect(stale).toEqual([]);
    expect(corrupted).toBeGreaterThan(comparisonsIn(book));
  });

  test("HyperFormula, evaluating the written file, gives the same pennies", async () => {
    const book = bookOf(name);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book.buffer as unknown as ArrayBuffer);
    const hf = buildHyperFormula(workbook, await readDefinedNames(book.buffer));
    try {
      const { mismatches, compared } = compare("HyperFormula", book, hyperFormulaReader(hf));
      expect(mismatches).toEqual([]);
      expect(compared).toBe(comparisonsIn(book));
    } finally {
      hf.destroy();
    }
  });
});
