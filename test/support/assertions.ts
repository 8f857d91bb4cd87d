/** Assertions shared by the core, function and document tests. */
import { InputError } from "../../src/model/errors";

/** An Excel error as the custom functions throw it (a CustomFunctions.Error). */
export interface ExcelErrorLike {
  code: string;
  message: string;
}

/** The error codes the custom functions report. */
export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!";

/** Calls `f` and returns what it threw, failing the test with `failure` if it did not throw. */
export function thrownFrom(
  f: () => unknown,
  failure = "expected an error, but nothing was thrown"
): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error(failure);
}

/** Calls `f` and returns the InputError it threw, failing the test if it did not throw one. */
export function thrownBy(f: () => unknown): InputError {
  const error = thrownFrom(f, "expected an InputError, but nothing was thrown");
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

/** Calls `call`, which must throw an Excel error, and returns that error. */
export function excelError(call: () => unknown): ExcelErrorLike {
  const error = thrownFrom(call, "expected an Excel error, but the function returned a result");
  expect(error).toBeInstanceOf(CustomFunctions.Error);
  return error as ExcelErrorLike;
}

/** The error has the code, and its message starts by naming the argument ("rates: ..."). */
export function expectExcelError(
  call: () => unknown,
  code: ExcelErrorCode,
  argument: string
): ExcelErrorLike {
  const error = excelError(call);
  expect(error.code).toBe(code);
  expect(error.message.startsWith(`${argument}: `)).toBe(true);
  expect(error.message.length).toBeGreaterThan(argument.length + 2);
  return error;
}

/** |actual - expected| <= tolerance x |expected|, and actual is finite. */
export function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-13): void {
  expect(Number.isFinite(actual)).toBe(true);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}
