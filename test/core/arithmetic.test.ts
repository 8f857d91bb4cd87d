import fc from "fast-check";
import {
  decimalArithmetic as D,
  exactDecimal,
  exactNumber,
  scaledArithmetic as S,
  type Arithmetic,
  type Scaled,
} from "../../src/core/arithmetic";
import { Decimal } from "../../src/model/decimal";
import { InputError } from "../../src/model/errors";
import { ARITHMETICS } from "../support/arithmetics";
import { thrownFrom } from "../support/assertions";
import {
  exactAdd,
  exactCompare,
  exactFromNumber,
  exactMultiply,
  exactRoundToPence,
  exactSubtract,
  exactToNumber,
  exactToString,
  type Exact,
} from "../support/exactDecimal";

/**
 * A realistic cell value: an integer divided by 10^k (k = 0..6 decimal places), of magnitude up to
 * about `maxMagnitude`, read the way Excel hands it over (the double nearest the typed decimal).
 */
function cellValue(maxMagnitude: bigint, maxDecimals = 6): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: maxDecimals }).chain((k) => {
    const bound = maxMagnitude * 10n ** BigInt(k);
    return fc.bigInt({ min: -bound, max: bound }).map((units) => Number(`${units}e-${k}`));
  });
}

const anyCell = fc.oneof(
  cellValue(10n ** 3n),
  cellValue(10n ** 6n),
  cellValue(10n ** 9n),
  cellValue(10n ** 12n),
  fc.constantFrom(
    0,
    1,
    -1,
    0.5,
    -0.5,
    0.005,
    -0.005,
    2.675,
    1.005,
    0.07,
    1.1,
    0.1,
    0.2,
    0.3,
    9007199254740991,
    1e15
  )
);

/** Values every realistic pricing sheet is full of: amounts up to a billion with up to 6 decimal places... */
const smallCell = cellValue(10n ** 9n);
/** ...money to the penny up to 10 million, and rates or quantities up to 10 with up to 4 decimal places. */
const money = cellValue(10n ** 7n, 2);
const rate = cellValue(10n, 4);
const TYPICAL_PAIRS: Record<BinaryName, [fc.Arbitrary<number>, fc.Arbitrary<number>]> = {
  add: [smallCell, smallCell],
  subtract: [smallCell, smallCell],
  multiply: [money, rate],
};

/** Compares doubles treating -0 as 0 (decimal.js and BigInt do not keep the sign of zero the same way). */
const plain = (x: number): number => (x === 0 ? 0 : x);

type BinaryName = "add" | "subtract" | "multiply";
const ORACLES: Record<BinaryName, (a: Exact, b: Exact) => Exact> = {
  add: exactAdd,
  subtract: exactSubtract,
  multiply: exactMultiply,
};
const BINARY: readonly BinaryName[] = ["add", "subtract", "multiply"];

/** Runs an operation on the scaled form; returns the thrown value (not an Error) when it leaves the exact range. */
function tryScaled(op: () => Scaled): { ok: true; value: Scaled } | { ok: false; thrown: unknown } {
  try {
    return { ok: true, value: op() };
  } catch (thrown) {
    return { ok: false, thrown };
  }
}

describe("scaledArithmetic agrees exactly with decimal.js (and with a BigInt oracle)", () => {
  it.each(BINARY)("%s: random realistic cell values", (name) => {
    let fastPathCount = 0;
    fc.assert(
      fc.property(anyCell, anyCell, (a, b) => {
        const expected = ORACLES[name](exactFromNumber(a), exactFromNumber(b));
        const expectedText = exactToString(expected);

        // decimal.js is exact on these (40 significant digits is ample).
        const viaDecimal = D[name](D.fromNumber(a), D.fromNumber(b));
        expect(viaDecimal.eq(expectedText)).toBe(true);
        expect(plain(D.toNumber(viaDecimal))).toBe(plain(exactToNumber(expected)));

        const viaScaled = tryScaled(() => S[name](S.fromNumber(a), S.fromNumber(b)));
        if (viaScaled.ok) {
          fastPathCount++;
          expect(S.toDecimal(viaScaled.value).eq(viaDecimal)).toBe(true);
          expect(plain(S.toNumber(viaScaled.value))).toBe(plain(D.toNumber(viaDecimal)));
        } else {
          // Leaving the exact range is signalled internally, never as an ordinary error.
          expect(typeof viaScaled.thrown).toBe("symbol");
        }

        const fast = exactNumber((A) => A[name](A.fromNumber(a), A.fromNumber(b)));
        expect(plain(fast)).toBe(plain(exactToNumber(expected)));
        expect(
          exactDecimal((A) => A[name](A.fromNumber(a), A.fromNumber(b))).eq(expectedText)
        ).toBe(true);
      }),
      { numRuns: 2000 }
    );
    // The property is not vacuous: the fast path answered a good share of the draws.
    expect(fastPathCount).toBeGreaterThan(200);
  });

  it.each(BINARY)("%s: typical values never leave the fast path", (name) => {
    fc.assert(
      fc.property(...TYPICAL_PAIRS[name], (a, b) => {
        const result = S[name](S.fromNumber(a), S.fromNumber(b)); // must not throw
        const expected = ORACLES[name](exactFromNumber(a), exactFromNumber(b));
        expect(S.toDecimal(result).eq(exactToString(expected))).toBe(true);
      }),
      { numRuns: 1000 }
    );
  });

  it("fromNumber reads a number's shortest round-trip digits, as decimal.js does, or declines", () => {
    const nearTheLimits = fc
      .integer({ min: 0, max: 17 })
      .chain((k) =>
        fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }).map((units) => Number(`${units}e-${k}`))
      );
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(nearTheLimits, fc.double({ noNaN: true, noDefaultInfinity: true }), anyCell),
        (x) => {
          const expectedText = exactToString(exactFromNumber(x));
          expect(D.fromNumber(x).eq(expectedText)).toBe(true);
          const read = tryScaled(() => S.fromNumber(x));
          if (read.ok) {
            accepted++;
            expect(Number.isSafeInteger(read.value.units)).toBe(true);
            expect(S.toDecimal(read.value).eq(expectedText)).toBe(true);
            expect(plain(S.toNumber(read.value))).toBe(plain(x));
          } else {
            expect(typeof read.thrown).toBe("symbol");
          }
        }
      ),
      { numRuns: 5000 }
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it("compare agrees with decimal.js and the oracle", () => {
    fc.assert(
      fc.property(anyCell, anyCell, (a, b) => {
        const expected = exactCompare(exactFromNumber(a), exactFromNumber(b));
        expect(D.compare(D.fromNumber(a), D.fromNumber(b))).toBe(expected);
        const viaScaled = (() => {
          try {
            return S.compare(S.fromNumber(a), S.fromNumber(b));
          } catch (thrown) {
            expect(typeof thrown).toBe("symbol");
            return expected;
          }
        })();
        expect(viaScaled === 0 ? 0 : viaScaled).toBe(expected);
      }),
      { numRuns: 1000 }
    );
  });

  it("roundToPence agrees with decimal.js and half-away-from-zero rounding, on values and on products", () => {
    fc.assert(
      fc.property(anyCell, anyCell, (a, b) => {
        const rounded = exactRoundToPence(exactFromNumber(a));
        const product = exactRoundToPence(exactMultiply(exactFromNumber(a), exactFromNumber(b)));

        expect(D.roundToPence(D.fromNumber(a)).eq(exactToString(rounded))).toBe(true);
        expect(
          D.roundToPence(D.multiply(D.fromNumber(a), D.fromNumber(b))).eq(exactToString(product))
        ).toBe(true);

        expect(plain(exactNumber((A) => A.roundToPence(A.fromNumber(a))))).toBe(
          plain(exactToNumber(rounded))
        );
        expect(
          plain(exactNumber((A) => A.roundToPence(A.multiply(A.fromNumber(a), A.fromNumber(b)))))
        ).toBe(plain(exactToNumber(product)));

        const scaledPlain = tryScaled(() => S.roundToPence(S.fromNumber(a)));
        if (scaledPlain.ok)
          expect(S.toDecimal(scaledPlain.value).eq(exactToString(rounded))).toBe(true);
        const scaledProduct = tryScaled(() =>
          S.roundToPence(S.multiply(S.fromNumber(a), S.fromNumber(b)))
        );
        if (scaledProduct.ok)
          expect(S.toDecimal(scaledProduct.value).eq(exactToString(product))).toBe(true);
      }),
      { numRuns: 2000 }
    );
  });
});

describe.each(ARITHMETICS)("$name", (A) => {
  it("rounds to pence half away from zero", () => {
    const round = (x: number): number => A.number((M) => M.roundToPence(M.fromNumber(x)));
    expect(round(2.345)).toBe(2.35);
    expect(round(-2.345)).toBe(-2.35);
    expect(round(2.344999)).toBe(2.34);
    expect(round(-2.344999)).toBe(-2.34);
    expect(round(0.005)).toBe(0.01);
    expect(round(-0.005)).toBe(-0.01);
    expect(round(0.004999)).toBe(0);
    // 2.675 and 1.005 are just below the half in binary (2.67499999999999982236431605997495353221893310546875),
    // but a typed 2.675 is a tie and rounds up, as Excel's ROUND(2.675, 2) = 2.68.
    expect(round(2.675)).toBe(2.68);
    expect(round(1.005)).toBe(1.01);
    // Already whole pence: unchanged.
    expect(round(2.5)).toBe(2.5);
    expect(round(7)).toBe(7);
    expect(round(-19.99)).toBe(-19.99);
    // 1234567.8951 -> 1234567.90
    expect(round(1234567.8951)).toBe(1234567.9);
  });

  it("0.07 x 1.1 is exactly 0.077, where doubles give 0.07700000000000001", () => {
    expect(0.07 * 1.1).toBe(0.07700000000000001); // what plain JavaScript does
    expect(A.number((M) => M.multiply(M.fromNumber(0.07), M.fromNumber(1.1)))).toBe(0.077);
    expect(A.decimal((M) => M.multiply(M.fromNumber(0.07), M.fromNumber(1.1))).toString()).toBe(
      "0.077"
    );
  });

  it("adds and subtracts decimals exactly", () => {
    expect(0.1 + 0.2).toBe(0.30000000000000004);
    expect(A.number((M) => M.add(M.fromNumber(0.1), M.fromNumber(0.2)))).toBe(0.3);
    expect(A.number((M) => M.subtract(M.fromNumber(0.3), M.fromNumber(0.1)))).toBe(0.2);
    // 1000 x 1.2 + 5000 x 0.1 = 1200 + 500 = 1700
    expect(
      A.number((M) =>
        M.add(
          M.multiply(M.fromNumber(1000), M.fromNumber(1.2)),
          M.multiply(M.fromNumber(5000), M.fromNumber(0.1))
        )
      )
    ).toBe(1700);
    // -2.5 - 0.75 = -3.25
    expect(A.number((M) => M.subtract(M.fromNumber(-2.5), M.fromNumber(0.75)))).toBe(-3.25);
  });

  it("compares", () => {
    expect(A.run((M) => M.compare(M.fromNumber(0.1), M.fromNumber(0.2)))).toBe(-1);
    expect(A.run((M) => M.compare(M.fromNumber(0.3), M.fromNumber(0.3)))).toBe(0);
    expect(A.run((M) => M.compare(M.fromNumber(-0.1), M.fromNumber(-0.2)))).toBe(1);
    expect(A.run((M) => M.compare(M.fromNumber(1), M.one))).toBe(0);
    expect(A.run((M) => M.compare(M.zero, M.fromNumber(0.000001)))).toBe(-1);
  });
});

describe("the scaled form", () => {
  it("holds a typed decimal as units and a power-of-ten scale", () => {
    expect(S.fromNumber(0.07)).toEqual({ units: 7, scale: 2 });
    expect(S.fromNumber(1.1)).toEqual({ units: 11, scale: 1 });
    expect(S.fromNumber(-2.345)).toEqual({ units: -2345, scale: 3 });
    expect(S.fromNumber(1200)).toEqual({ units: 1200, scale: 0 });
    expect(S.multiply(S.fromNumber(0.07), S.fromNumber(1.1))).toEqual({ units: 77, scale: 3 });
  });
});

describe("exactNumber falls back to decimal.js when the scaled form would overflow", () => {
  it("1e300 x 1e-290 = 1e10", () => {
    // The scaled form cannot hold either factor.
    expect(tryScaled(() => S.multiply(S.fromNumber(1e300), S.fromNumber(1e-290))).ok).toBe(false);
    expect(exactNumber((A) => A.multiply(A.fromNumber(1e300), A.fromNumber(1e-290)))).toBe(1e10);
    expect(
      exactDecimal((A) => A.multiply(A.fromNumber(1e300), A.fromNumber(1e-290))).eq("1e10")
    ).toBe(true);
  });

  it("123456789.123456 x 987654321.987654, whose 30-digit product is beyond 2^53", () => {
    // By BigInt: 123456789123456 x 987654321987654 = 121932631356499712458313812224, then 12 decimal places.
    const units = 123456789123456n * 987654321987654n;
    expect(units).toBe(121932631356499712458313812224n);
    const digits = units.toString();
    const expectedText = `${digits.slice(0, -12)}.${digits.slice(-12)}`;
    expect(expectedText).toBe("121932631356499712.458313812224");

    const scaledTry = tryScaled(() =>
      S.multiply(S.fromNumber(123456789.123456), S.fromNumber(987654321.987654))
    );
    expect(scaledTry.ok).toBe(false);
    expect(typeof (scaledTry as { thrown: unknown }).thrown).toBe("symbol");

    const formula = <T>(A: Arithmetic<T>): T =>
      A.multiply(A.fromNumber(123456789.123456), A.fromNumber(987654321.987654));
    expect(exactDecimal(formula).eq(new Decimal(expectedText))).toBe(true);
    expect(exactNumber(formula)).toBe(Number(expectedText));
  });

  it("an intermediate overflow in a longer formula still gives the exact answer", () => {
    // 1e300 x 1e-290 - 9999999999.75 = 10000000000 - 9999999999.75 = 0.25
    const result = exactNumber((A) =>
      A.subtract(A.multiply(A.fromNumber(1e300), A.fromNumber(1e-290)), A.fromNumber(9999999999.75))
    );
    expect(result).toBe(0.25);
    // 9007199254740991 x 3 overflows 2^53; minus 27021597764222970 leaves 3, plus 0.07 is 3.07
    const wide = exactNumber((A) =>
      A.add(
        A.subtract(
          A.multiply(A.fromNumber(9007199254740991), A.fromNumber(3)),
          A.fromNumber(27021597764222970)
        ),
        A.fromNumber(0.07)
      )
    );
    expect(wide).toBe(3.07);
  });

  it("keeps the fast answer when nothing overflows", () => {
    expect(exactNumber((A) => A.multiply(A.fromNumber(0.07), A.fromNumber(1.1)))).toBe(0.077);
  });

  it("passes other errors through untouched", () => {
    const problem = new InputError("number", "quantities", "value 1 is negative");
    expect(() =>
      exactNumber(() => {
        throw problem;
      })
    ).toThrow(problem);
    expect(
      thrownFrom(() =>
        exactNumber(() => {
          throw problem;
        })
      )
    ).toBe(problem);
  });
});
