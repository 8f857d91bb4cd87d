/**
 * The README's table of exit codes (between `<!-- exit-codes:start -->` and `<!-- exit-codes:end -->`)
 * against the codes the command defines: each constant the table names has the table's code, and the
 * table names every constant once.
 */
import fs from "fs";
import path from "path";
import { AUDIT_EXIT, EXIT } from "../../src/cli/exitCodes";

const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const table =
  readme.split("<!-- exit-codes:start -->")[1]?.split("<!-- exit-codes:end -->")[0] ?? "";
const rows = table
  .split("\n")
  .map((line) => /^\| (\d+) \| ([^|]+) \| ([^|]+) \|$/.exec(line))
  .filter((match): match is RegExpExecArray => match !== null)
  .map(([, code, names, when]) => ({
    code: Number(code),
    names: [...names!.matchAll(/`([A-Z_]+\.\w+)`/g)].map((name) => name[1]!),
    when: when!.trim(),
  }));

const DEFINED: Record<string, number> = Object.fromEntries([
  ...Object.entries(EXIT).map(([name, code]) => [`EXIT.${name}`, code]),
  ...Object.entries(AUDIT_EXIT).map(([name, code]) => [`AUDIT_EXIT.${name}`, code]),
]);

it("the README's table gives 0, 1, 2 and 3, each saying when", () => {
  expect(rows.map((row) => row.code)).toEqual([0, 1, 2, 3]);
  for (const row of rows) expect(row.when.length).toBeGreaterThan(10);
});

it("every constant the table names has the table's code, and every constant is named once", () => {
  const named = rows.flatMap((row) => row.names.map((name) => [name, row.code] as const));
  expect(Object.fromEntries(named)).toEqual(DEFINED);
  expect(named.map(([name]) => name).sort()).toEqual(Object.keys(DEFINED).sort());
});
