/*
 * The manifest says what the add-in needs, and the code needs no more.
 *
 * Every Office.js member the sources in src/ use is resolved by the TypeScript compiler to its
 * declaration in @types/office-js (or custom-functions-runtime, office-runtime), whose comment names the
 * requirement set it belongs to ("[Api set: ExcelApi 1.9]"). A use passes when the manifest declares that
 * set at that version or later, or when it sits behind an `isSetSupported("Set", "x.y")` check of one of
 * the forms test/support/requirementSets.ts lists (an `if`, `?:` or `&&` whose condition makes the call,
 * directly, through a `const` or a one-line helper; or an early `if (!…) return`). The manifest's
 * minimum for ExcelApi and CustomFunctionsRuntime must also be exactly the highest version the unguarded
 * code needs, so it says the least it can. The probes at the end show the check fails when it should.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type * as ts from "typescript";
import {
  type ApiUse,
  type RequirementSet,
  breaches,
  manifestRequirementSets,
  officeApiUses,
  projectProgram,
  setsInComment,
  unguardedMaxima,
} from "./support/requirementSets";

const ROOT = resolve(__dirname, "..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The sets whose minimum the code decides (SharedRuntime is also what the manifest's runtime needs). */
const API_SETS = ["ExcelApi", "CustomFunctionsRuntime"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
    });
}

// ---------- probes: small sources the checker must judge right ----------

const PROBE_DIR = join(ROOT, ".requirement-probes");
const probe = (name: string) => join(PROBE_DIR, `${name}.ts`);
const isSet = (version: string) =>
  `Office.context.requirements.isSetSupported("ExcelApi", "${version}")`;

const PROBES: Record<string, string> = {
  unguarded: `export function f(sheet: Excel.Worksheet) { return sheet.getRanges("A1:B2"); }`,
  ifGuard: `export function f(sheet: Excel.Worksheet) {
    if (${isSet("1.9")}) return sheet.getRanges("A1:B2");
    return undefined;
  }`,
  lowGuard: `export function f(sheet: Excel.Worksheet) {
    if (${isSet("1.8")}) return sheet.getRanges("A1:B2");
    return undefined;
  }`,
  constAndTernary: `export function f(sheet: Excel.Worksheet, inExcel: boolean) {
    const canPrint = inExcel && Office.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true;
    return canPrint ? () => { sheet.pageLayout.orientation = "Portrait"; } : undefined;
  }`,
  earlyExit: `export function f(sheet: Excel.Worksheet) {
    if (!${isSet("1.9")}) return;
    sheet.pageLayout.orientation = "Portrait";
  }`,
  helper: `function canPrint() { return ${isSet("1.9")}; }
  export function f(sheet: Excel.Worksheet) { if (canPrint()) sheet.pageLayout.zoom = { scale: 90 }; }`,
  elseBranch: `export function f(sheet: Excel.Worksheet) {
    if (!${isSet("1.9")}) { /* nothing */ } else { sheet.getRanges("A1"); }
  }`,
  objectLiteral: `export function f(range: Excel.Range) { range.set({ format: { indentLevel: 2 } }); }`,
  readAndWrite: `export function read(app: Excel.Application) { return app.calculationMode; }
  export function write(app: Excel.Application) { app.calculationMode = "Manual"; }`,
  typesOnly: `export let areas: Excel.RangeAreas | undefined;
  export function f(x: Excel.PageLayout | undefined) { return x === undefined; }`,
  customFunctions: `export function f() {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero, "no");
  }`,
};

// ---------- one program for src/ and the probes ----------

let program: ts.Program;
let uses: ApiUse[];
let probeUses: Record<string, ApiUse[]>;

beforeAll(() => {
  const files = sourceFiles(join(ROOT, "src"));
  const extra = Object.fromEntries(
    Object.entries(PROBES).map(([name, text]) => [probe(name), text])
  );
  program = projectProgram(ROOT, files, extra);
  uses = officeApiUses(program, files, ROOT);
  probeUses = Object.fromEntries(
    Object.keys(PROBES).map((name) => [name, officeApiUses(program, [probe(name)], ROOT)])
  );
}, 120_000);

const describeUse = (u: ApiUse) =>
  `${u.file}:${u.line} ${u.member} needs ${u.needs.map((n) => `${n.name} ${n.version}`).join(" and ")}`;
const set = (name: string, version: string): RequirementSet => ({ name, version });

describe("manifest.xml's requirement sets", () => {
  const declared = manifestRequirementSets(MANIFEST);

  test("are declared at the top level and, the same, in VersionOverrides", () => {
    expect(declared.top.length).toBeGreaterThanOrEqual(3);
    const sorted = (sets: RequirementSet[]) =>
      [...sets].sort((a, b) => a.name.localeCompare(b.name));
    expect(sorted(declared.versionOverrides)).toEqual(sorted(declared.top));
    for (const name of [...API_SETS, "SharedRuntime"])
      expect(declared.top.map((s) => s.name)).toContain(name);
  });

  test("the checker sees the code's Office.js calls (a check that sees nothing passes nothing)", () => {
    expect(uses.length).toBeGreaterThan(100);
    const members = new Set(uses.map((u) => u.member));
    for (const member of [
      "Excel.Worksheet.getRanges",
      "Excel.Worksheet.pageLayout",
      "Excel.RangeFormat.indentLevel",
      "Excel.Application.suspendScreenUpdatingUntilNextSync",
      "Excel.Workbook.customXmlParts",
      "CustomFunctions.ErrorCode.divisionByZero",
      "Office.Addin.showAsTaskpane",
    ])
      expect(members).toContain(member);
    // The one guarded call: the partner copy opens as a new workbook only where ExcelApi 1.8 is there.
    const createWorkbook = uses.filter((u) => u.member === "Excel.createWorkbook");
    expect(createWorkbook.length).toBeGreaterThan(0);
    for (const u of createWorkbook) expect(u.guardedBy).toContainEqual(set("ExcelApi", "1.8"));
  });

  test.each([
    ["top level", () => declared.top],
    ["VersionOverrides", () => declared.versionOverrides],
  ])("cover every Office.js member src/ uses without a guard (%s)", (_where, sets) => {
    expect(breaches(uses, sets()).map(describeUse)).toEqual([]);
  });

  test.each(API_SETS)("%s is declared at exactly the highest version the code needs", (name) => {
    const needed = unguardedMaxima(uses).get(name);
    expect(needed).toBeDefined();
    const declaredSet = declared.top.find((s) => s.name === name);
    expect({ name, declared: declaredSet?.version, forcedBy: describeUse(needed!.by) }).toEqual({
      name,
      declared: needed!.version,
      forcedBy: expect.any(String),
    });
  });

  test("a manifest lowered below what the code uses fails the check", () => {
    const lowered = manifestRequirementSets(
      MANIFEST.replace(/(Name="ExcelApi" MinVersion=")1\.9"/g, '$11.8"').replace(
        /(Name="CustomFunctionsRuntime" MinVersion=")1\.3"/g,
        '$11.2"'
      )
    );
    expect(lowered.top).toContainEqual(set("ExcelApi", "1.8"));
    const failing = breaches(uses, lowered.top).map((u) => u.member);
    expect(failing).toContain("Excel.Worksheet.getRanges");
    expect(failing).toContain("Excel.PageLayout.orientation");
    expect(failing).toContain("CustomFunctions.ErrorCode.divisionByZero");
    // ExcelApi 1.8 members stay covered, and so does the guarded createWorkbook.
    expect(failing).not.toContain("Excel.Worksheet.showGridlines");
    expect(failing).not.toContain("Excel.createWorkbook");
  });

  test("README states the same minimum sets", () => {
    const stated = (s: RequirementSet) => README.includes(`${s.name} ${s.version}`);
    expect(declared.top.filter((s) => !stated(s))).toEqual([]);
  });
});

describe("the requirement-set checker on probes", () => {
  const excel11 = [set("ExcelApi", "1.1")];
  const failing = (name: string, declared: RequirementSet[] = excel11) =>
    breaches(probeUses[name] ?? [], declared).map((u) => u.member);

  test("the probes type-check, so every name in them resolves", () => {
    for (const name of Object.keys(PROBES)) {
      const source = program.getSourceFile(probe(name));
      expect({ name, diagnostics: program.getSemanticDiagnostics(source).length }).toEqual({
        name,
        diagnostics: 0,
      });
    }
  });

  test("an ExcelApi 1.9 call fails against ExcelApi 1.1 and passes against 1.9", () => {
    expect(probeUses.unguarded?.map((u) => u.needs)).toEqual([[set("ExcelApi", "1.9")]]);
    expect(failing("unguarded")).toEqual(["Excel.Worksheet.getRanges"]);
    expect(failing("unguarded", [set("ExcelApi", "1.9")])).toEqual([]);
    expect(failing("unguarded", [set("ExcelApi", "1.10")])).toEqual([]);
    expect(failing("unguarded", [set("SharedRuntime", "1.9")])).toEqual([
      "Excel.Worksheet.getRanges",
    ]);
  });

  test("a guard for the member's set passes; a guard for a lower version does not", () => {
    expect(failing("ifGuard")).toEqual([]);
    expect(failing("lowGuard")).toEqual(["Excel.Worksheet.getRanges"]);
  });

  test("guards through a const and ?:, an early return and a one-line helper are seen", () => {
    expect(failing("constAndTernary")).toEqual([]);
    expect(probeUses.constAndTernary?.map((u) => u.member)).toEqual([
      "Excel.Worksheet.pageLayout",
      "Excel.PageLayout.orientation",
    ]);
    expect(failing("earlyExit")).toEqual([]);
    expect(failing("helper")).toEqual([]);
  });

  test("a use in the else branch of a negated check is not seen as guarded", () => {
    expect(failing("elseBranch")).toEqual(["Excel.Worksheet.getRanges"]);
  });

  test("an object literal handed to set() is checked by what it sets", () => {
    expect(failing("objectLiteral")).toEqual([
      "Excel.Interfaces.RangeFormatUpdateData.indentLevel",
    ]);
  });

  test("a member with one version for reading and another for writing is checked by use", () => {
    const byLine = (probeUses.readAndWrite ?? []).map((u) => [u.line, u.needs]);
    expect(byLine).toEqual([
      [1, [set("ExcelApi", "1.1")]],
      [2, [set("ExcelApi", "1.8")]],
    ]);
  });

  test("types alone need nothing", () => {
    expect(probeUses.typesOnly).toEqual([]);
  });

  test("custom functions' error codes need CustomFunctionsRuntime 1.3", () => {
    const cf12 = [set("CustomFunctionsRuntime", "1.2")];
    expect(failing("customFunctions", cf12)).toEqual(["CustomFunctions.ErrorCode.divisionByZero"]);
    expect(failing("customFunctions", [set("CustomFunctionsRuntime", "1.3")])).toEqual([]);
  });
});

describe("reading requirement sets from declaration comments", () => {
  test.each([
    ["* [Api set: ExcelApi 1.9]", false, [set("ExcelApi", "1.9")]],
    ["* [Api set: ExcelApi 1.1 for get, 1.8 for set]", false, [set("ExcelApi", "1.1")]],
    ["* [Api set: ExcelApi 1.1 for get, 1.8 for set]", true, [set("ExcelApi", "1.8")]],
    [
      "* [Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]",
      true,
      [set("ExcelApi", "1.2")],
    ],
    [
      "* [Api set: ExcelApi 1.9, ExcelApi Preview for null `destinationRange`]",
      false,
      [set("ExcelApi", "1.9")],
    ],
    ["* [Api set: SharedRuntime 1.1, Mailbox 1.10]", false, [set("SharedRuntime", "1.1")]],
    [
      "* **Requirement set**: {@link https://learn.microsoft.com/x | SharedRuntime 1.1}",
      false,
      [set("SharedRuntime", "1.1")],
    ],
    [
      "* **Requirement sets**:\n * - {@link https://x | KeyboardShortcuts 1.1}\n * - {@link https://y | SharedRuntime 1.1}\n * @param x",
      false,
      [set("KeyboardShortcuts", "1.1"), set("SharedRuntime", "1.1")],
    ],
    [
      "* The following outlines support information for Outlook.\n * [Api set: Mailbox 1.3]",
      false,
      [],
    ],
    ["* Associates the function with its id.", false, []],
  ])("%j (write: %s)", (comment, write, expected) => {
    expect(setsInComment(comment, write)).toEqual(expected);
  });
});
