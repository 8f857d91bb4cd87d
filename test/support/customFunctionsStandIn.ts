/**
 * A stand-in for the `CustomFunctions` global that Excel provides to custom functions: the Error class
 * and ErrorCode values as documented for the CustomFunctionsRuntime API, plus an `associate` that
 * records registrations so tests can call functions by id, as Excel does.
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

export interface CustomFunctionsStandIn {
  Error: typeof CustomFunctionsError;
  ErrorCode: typeof ERROR_CODES;
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown): void;
  registered: Map<string, (...args: unknown[]) => unknown>;
}

export function createCustomFunctionsStandIn(): CustomFunctionsStandIn {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: CustomFunctionsError,
    ErrorCode: ERROR_CODES,
    registered,
    associate(id, fn) {
      if (typeof id === "string") {
        if (typeof fn !== "function") throw new TypeError(`associate(${id}) needs a function`);
        registered.set(id.toUpperCase(), fn);
      } else {
        for (const [key, value] of Object.entries(id)) registered.set(key.toUpperCase(), value);
      }
    },
  };
}
