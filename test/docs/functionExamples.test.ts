/**
 * The function reference (docs/functions.md) promises a result for each example formula. This evaluates
 * every one through the built bundle, with arguments shaped as Excel would pass them, so the documentation
 * cannot drift from the add-in.
 */
import fs from "fs";
import path from "path";
import { loadFunctionsBundle, type FunctionMetadata } from "../support/functionsBundle.cjs";

const reference = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "functions.md"), "utf8");
const section =
  reference.split("<!-- examples:start -->")[1]?.split("<!-- examples:end -->")[0] ?? "";
const rows = section
  .split("\n")
  .map((line) => /^\| `=NHSDP\.(\w+)\((.*)\)` \| ([^|]+) \|/.exec(line))
  .filter((match): match is RegExpExecArray => match !== null)
  .map(([, id, args, result]) => ({
    id: id as string,
    args: args as string,
    result: (result as string).trim(),
  }));

const { registered, metadata } = loadFunctionsBundle();
const parameters = new Map<string, FunctionMetadata["parameters"]>(
  metadata.functions.map((f) => [f.id, f.parameters])
);

/** Splits on commas outside braces and quotes. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "{") depth++;
    if (!quoted && ch === "}") depth--;
    if (!quoted && depth === 0 && ch === separator) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** An Excel literal: number, "text", TRUE/FALSE, an omitted argument (null) or an array constant. */
function literal(text: string): unknown {
  const t = text.trim();
  if (t === "") return null;
  if (t === "TRUE" || t === "FALSE") return t === "TRUE";
  if (t.startsWith('"')) return t.slice(1, -1);
  if (t.startsWith("{"))
    return t
      .slice(1, -1)
      .split(";")
      .map((row) => row.split(",").map((cell) => literal(cell)));
  const value = Number(t);
  if (Number.isNaN(value)) throw new Error(`cannot read ${t}`);
  return value;
}

function excelArguments(id: string, argText: string): unknown[] {
  const declared = parameters.get(id) ?? [];
  const given = argText.trim() === "" ? [] : splitTopLevel(argText, ",").map(literal);
  // Excel passes a single value to a range parameter as a 1x1 range, and null for each omitted argument.
  return declared.map((p, i) => {
    const value = i < given.length ? given[i] : null;
    return p.dimensionality === "matrix" && value !== null && !Array.isArray(value)
      ? [[value]]
      : value;
  });
}

function expected(result: string): unknown {
  if (result.startsWith("#")) return { error: result };
  if (result.startsWith("{")) return literal(result);
  return /^-?\d+(\.\d+)?(e-?\d+)?$/.test(result) ? Number(result) : result;
}

/** Excel shows 15 significant digits; the reference prints results the same way. */
const shown = (value: unknown): unknown =>
  typeof value === "number"
    ? Number(value.toPrecision(15))
    : Array.isArray(value)
      ? value.map(shown)
      : value;

describe("the function reference's examples (docs/functions.md)", () => {
  it("lists an example for every function", () => {
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(metadata.functions.map((f) => f.id)));
  });

  it.each(rows)("=NHSDP.$id($args) gives $result", ({ id, args, result }) => {
    const fn = registered.get(id);
    if (fn === undefined) throw new Error(`${id} is not registered`);
    let actual: unknown;
    try {
      actual = fn(...excelArguments(id, args));
    } catch (error) {
      actual = { error: (error as { code: string }).code };
    }
    const want = expected(result);
    // A spilled single cell is still one value.
    const single =
      Array.isArray(actual) &&
      actual.length === 1 &&
      actual[0].length === 1 &&
      !Array.isArray(want);
    expect(shown(single ? (actual as number[][])[0]?.[0] : actual)).toEqual(shown(want));
  });
});
