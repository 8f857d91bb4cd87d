import { decimalArithmetic, scaledArithmetic, type Arithmetic } from "../../src/core/arithmetic";
import type { Decimal } from "../../src/model/decimal";

/** A formula over any exact arithmetic that returns a value of that arithmetic, as the core writes them. */
export type ValueFormula = <T>(A: Arithmetic<T>) => T;
/** A formula over any exact arithmetic that returns a plain result (a boolean, a comparison...). */
export type PlainFormula<R> = <T>(A: Arithmetic<T>) => R;

export interface ArithmeticRunner {
  readonly name: string;
  /** Runs `formula` on this arithmetic only (no fallback) and converts the result to a double. */
  number(formula: ValueFormula): number;
  /** Runs `formula` on this arithmetic only and returns the result as an exact Decimal. */
  decimal(formula: ValueFormula): Decimal;
  /** Runs a formula returning a plain value. */
  run<R>(formula: PlainFormula<R>): R;
}

function runner<T>(name: string, A: Arithmetic<T>): ArithmeticRunner {
  return {
    name,
    number: (formula) => A.toNumber(formula(A)),
    decimal: (formula) => A.toDecimal(formula(A)),
    run: (formula) => formula(A),
  };
}

/**
 * Both arithmetics, so each core test runs on the fast scaled form and on decimal.js. A test on the
 * scaled form fails if that form cannot handle a typical value (there is no fallback here).
 */
export const ARITHMETICS: readonly ArithmeticRunner[] = [
  runner("scaledArithmetic", scaledArithmetic),
  runner("decimalArithmetic", decimalArithmetic),
];
