import type { z } from "zod";

/** One problem with a document: where it is (`costs.lines[2].unitCost`) and what is wrong, in plain English. */
export interface DocumentIssue {
  readonly path: string;
  readonly message: string;
}

/** The path of the whole document, for a problem that is not about any one field. */
export const DOCUMENT_PATH = "(document)";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Writes a path as a reader would type it: `costs.lines[2].unitCost`; an odd key as `notes["my key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === "" ? DOCUMENT_PATH : out;
}

/** Describes a value a reader typed, for "must be X (got Y)". */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return value.length > 40 ? `the text "${value.slice(0, 40)}..."` : `the text "${value}"`;
    case "number":
      return Number.isNaN(value) ? "NaN" : String(value);
    case "boolean":
      return String(value);
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

/**
 * Plain-English messages for the problems a schema finds by itself (wrong type, unknown option...).
 * Messages written on a particular check in the schema take precedence over these.
 */
export const plainEnglish: z.core.$ZodErrorMap = (issue) =>
  plainEnglishFor("a partnership document", issue);

/** The same messages for the pricing strategy document. */
export const plainEnglishForStrategy: z.core.$ZodErrorMap = (issue) =>
  plainEnglishFor("a pricing strategy", issue);

function plainEnglishFor(
  documentName: string,
  issue: Parameters<z.core.$ZodErrorMap>[0]
): string | undefined {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "is required";
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (issue.expected === "number" && typeof issue.input === "number") {
        return `must be a finite number (got ${describeValue(issue.input)})`;
      }
      return `must be ${expected} (got ${describeValue(issue.input)})`;
    }
    case "invalid_value": {
      // A missing option (an enum or literal field left out) is missing, like any other field.
      if (issue.input === undefined) return "is required";
      const options = issue.values.map((value) => JSON.stringify(value));
      if (options.length === 1) return `must be ${options[0]} (got ${describeValue(issue.input)})`;
      return `must be one of ${options.join(", ")} (got ${describeValue(issue.input)})`;
    }
    case "unrecognized_keys":
      return `is not a field of ${documentName} (check the spelling)`;
    case "too_small":
      return issue.origin === "array"
        ? `needs at least ${issue.minimum} item(s)`
        : `must be at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "array"
        ? `has more than ${issue.maximum} item(s)`
        : `must be at most ${issue.maximum}`;
    case "invalid_format":
      return `is not in the expected format (${issue.format})`;
    default:
      return undefined;
  }
}

/**
 * Turns the schema's findings into document issues. An unrecognised-field finding names the object
 * and lists the keys; it becomes one issue per key, at the key's own path.
 */
export function issuesFromZod(issues: readonly z.core.$ZodIssue[]): DocumentIssue[] {
  const out: DocumentIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({ path: formatPath([...issue.path, key]), message: issue.message });
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return out;
}
