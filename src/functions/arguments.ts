import { InputError, invalidNumber, invalidValue } from "../model/errors";

/**
 * The one place where values arriving from Excel cells become typed arguments. Every NHSDP function
 * declares its parameters with the constructors below and is wrapped by `excelFunction`, which coerces
 * and checks the arguments, runs the body, checks the result, and turns every failure into an Excel
 * error value whose message names the argument. Excel passes:
 *   - numbers, strings and booleans for single cells; `null` for an omitted optional argument;
 *   - 2-D arrays (rows of cells) for ranges, with "" or null for empty cells.
 */

export interface Parameter<T> {
  readonly name: string;
  coerce(raw: unknown): T;
}

/** How a rejected value is named back to the user. */
const describe = (raw: unknown): string => {
  if (typeof raw === "string")
    return raw === ""
      ? "an empty cell"
      : `text "${raw.length > 40 ? raw.slice(0, 40) + "..." : raw}"`;
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (Array.isArray(raw)) return "a range";
  if (typeof raw === "number") return String(raw);
  return raw === null || raw === undefined ? "nothing" : "an unsupported value";
};

const isBlank = (raw: unknown): boolean => raw === null || raw === undefined || raw === "";

function numberFrom(raw: unknown, where: string): number {
  if (typeof raw === "number") {
    if (Number.isFinite(raw)) return raw;
    throw invalidNumber(where, "must be a finite number");
  }
  throw invalidValue(where, `expects a number, got ${describe(raw)}`);
}

/** A single cell given where one value is expected: Excel passes a 1x1 range as [[value]]. */
function singleValue(raw: unknown, name: string): unknown {
  if (!Array.isArray(raw)) return raw;
  const cells = raw.flat();
  if (cells.length !== 1)
    throw invalidValue(name, `expects a single value, got a range of ${cells.length} cells`);
  return cells[0];
}

export function requiredNumber(name: string): Parameter<number> {
  return {
    name,
    coerce(raw) {
      const value = singleValue(raw, name);
      if (isBlank(value)) throw invalidValue(name, "is required");
      return numberFrom(value, name);
    },
  };
}

/** `whenOmitted` may be null for an argument whose absence means "no such term" (no cap, no minimum). */
export function optionalNumber<D extends number | null>(
  name: string,
  whenOmitted: D
): Parameter<number | D> {
  return {
    name,
    coerce(raw) {
      const value = singleValue(raw, name);
      return isBlank(value) ? whenOmitted : numberFrom(value, name);
    },
  };
}

export function requiredText(name: string): Parameter<string> {
  return {
    name,
    coerce(raw) {
      const value = singleValue(raw, name);
      if (isBlank(value)) throw invalidValue(name, "is required");
      if (typeof value !== "string")
        throw invalidValue(name, `expects text, got ${describe(value)}`);
      return value;
    },
  };
}

export function optionalFlag(name: string, whenOmitted: boolean): Parameter<boolean> {
  return {
    name,
    coerce(raw) {
      const value = singleValue(raw, name);
      if (isBlank(value)) return whenOmitted;
      if (typeof value === "boolean") return value;
      if (value === 1 || value === 0) return value === 1;
      throw invalidValue(name, `expects TRUE or FALSE, got ${describe(value)}`);
    },
  };
}

/**
 * What an empty cell inside a range means. Money lists (quantities, costs, revenues) read it as 0, as
 * SUMPRODUCT does; lists where a gap is almost certainly a mistake (rates, thresholds, periods,
 * probabilities) reject it.
 */
export type BlankCells = "zero" | "reject";

/** A range as rows; Excel's ranges are rectangular, so a ragged array is refused rather than trimmed. */
function rowsOf(raw: unknown, name: string): unknown[][] {
  if (!Array.isArray(raw)) return [[raw]];
  const rows = raw.map((row) => (Array.isArray(row) ? row : [row]));
  const width = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== width))
    throw invalidValue(name, "must be a rectangular range");
  return rows;
}

function cellNumber(cell: unknown, name: string, index: number, blanks: BlankCells): number {
  if (isBlank(cell)) {
    if (blanks === "zero") return 0;
    throw invalidValue(name, `value ${index} is empty`);
  }
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return cell;
    throw invalidNumber(name, `value ${index} must be a finite number`);
  }
  throw invalidValue(name, `value ${index} expects a number, got ${describe(cell)}`);
}

/** A list of numbers from a single cell, a row or a column. */
function numberList(
  name: string,
  blanks: BlankCells,
  required: boolean
): Parameter<number[] | null> {
  return {
    name,
    coerce(raw) {
      if (isBlank(raw)) {
        if (required) throw invalidValue(name, "is required");
        return null;
      }
      // Read straight from Excel's rows without copying them: lists are coerced on every recalculation.
      if (!Array.isArray(raw)) return [cellNumber(raw, name, 1, blanks)];
      const height = raw.length;
      const first: unknown = raw[0];
      const width = Array.isArray(first) ? first.length : 1;
      if (height > 1 && width > 1) {
        throw invalidValue(
          name,
          `must be a single row or column, got ${height} rows by ${width} columns`
        );
      }
      const count = height === 1 ? width : height;
      if (count === 0) throw invalidValue(name, "is empty");
      const values = new Array<number>(count);
      for (let i = 0; i < count; i++) {
        const row: unknown = height === 1 ? first : raw[i];
        const rowWidth = Array.isArray(row) ? row.length : 1;
        if (rowWidth !== width) throw invalidValue(name, "must be a rectangular range");
        const cell = Array.isArray(row) ? row[height === 1 ? i : 0] : row;
        values[i] = cellNumber(cell, name, i + 1, blanks);
      }
      return values;
    },
  };
}

export function requiredList(name: string, blanks: BlankCells): Parameter<number[]> {
  return numberList(name, blanks, true) as Parameter<number[]>;
}

export function optionalList(name: string, blanks: BlankCells): Parameter<number[] | null> {
  return numberList(name, blanks, false);
}

/** A block of numbers of any shape, kept in its shape so that a result can spill the same way. */
export function requiredGrid(name: string, blanks: BlankCells): Parameter<number[][]> {
  return {
    name,
    coerce(raw) {
      if (isBlank(raw)) throw invalidValue(name, "is required");
      const rows = rowsOf(raw, name);
      const width = rows[0]?.length ?? 0;
      if (width === 0) throw invalidValue(name, "is empty");
      let index = 0;
      return rows.map((row) => row.map((cell) => cellNumber(cell, name, ++index, blanks)));
    },
  };
}

type ValuesOf<P extends readonly Parameter<unknown>[]> = {
  [K in keyof P]: P[K] extends Parameter<infer T> ? T : never;
};

export type ExcelResult = number | string | number[][];

/** Builds the Excel error for a failure; the global `CustomFunctions` exists wherever Excel loads us. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof InputError) {
    const code =
      error.kind === "number"
        ? CustomFunctions.ErrorCode.invalidNumber
        : error.kind === "divisionByZero"
          ? CustomFunctions.ErrorCode.divisionByZero
          : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  // Not an input problem: still never let an exception reach Excel, but say it was ours.
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `Could not calculate: ${detail}`
  );
}

function checkResult(result: ExcelResult): ExcelResult {
  if (typeof result === "number") {
    if (!Number.isFinite(result)) throw invalidNumber("result", "is too large for Excel");
    return result === 0 ? 0 : result; // never hand Excel a -0
  }
  if (Array.isArray(result)) {
    for (const row of result) {
      for (let i = 0; i < row.length; i++) {
        const value = row[i] as number;
        if (!Number.isFinite(value)) throw invalidNumber("result", "is too large for Excel");
        if (value === 0) row[i] = 0;
      }
    }
  }
  return result;
}

/**
 * Wraps a function body so that Excel only ever sees a finite result or an Excel error value.
 * Arguments beyond those declared are ignored, as Excel never passes them.
 */
export function excelFunction<P extends readonly Parameter<unknown>[], R extends ExcelResult>(
  parameters: P,
  body: (...args: ValuesOf<P>) => R
): (...raw: unknown[]) => R {
  return (...raw: unknown[]): R => {
    try {
      const args = new Array(parameters.length);
      for (let i = 0; i < parameters.length; i++)
        args[i] = (parameters[i] as Parameter<unknown>).coerce(raw[i]);
      return checkResult(body(...(args as ValuesOf<P>))) as R;
    } catch (error) {
      throw toExcelError(error);
    }
  };
}
