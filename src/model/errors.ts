/**
 * The kinds of failure a calculation can report. They map one-to-one onto Excel's error values at the
 * custom-function boundary (value -> #VALUE!, number -> #NUM!, divisionByZero -> #DIV/0!), and onto
 * exit codes and messages in the CLI, so the core never needs to know which surface called it.
 */
export type InputErrorKind = "value" | "number" | "divisionByZero";

/** A problem with what the caller supplied, naming the argument (or field) and what is wrong with it. */
export class InputError extends Error {
  override readonly name = "InputError";

  constructor(
    readonly kind: InputErrorKind,
    readonly argument: string,
    readonly problem: string
  ) {
    super(`${argument}: ${problem}`);
  }
}

export const invalidValue = (argument: string, problem: string): InputError =>
  new InputError("value", argument, problem);

export const invalidNumber = (argument: string, problem: string): InputError =>
  new InputError("number", argument, problem);

export const divisionByZero = (argument: string, problem: string): InputError =>
  new InputError("divisionByZero", argument, problem);
