import type { Arithmetic } from "./arithmetic";
import { invalidNumber } from "../model/errors";

/** Range checks shared by every formula, written once so each names its argument the same way. */
export function requireNonNegative<T>(A: Arithmetic<T>, value: T, argument: string): T {
  if (A.compare(value, A.zero) < 0) throw invalidNumber(argument, "must not be negative");
  return value;
}

/** A share or probability: a decimal fraction from 0 to 1 inclusive (0.25 = 25%). */
export function requireFraction<T>(A: Arithmetic<T>, value: T, argument: string): T {
  if (A.compare(value, A.zero) < 0 || A.compare(value, A.one) > 0) {
    throw invalidNumber(argument, "must be between 0 and 1 (a decimal fraction, 0.25 = 25%)");
  }
  return value;
}
