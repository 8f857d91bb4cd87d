/**
 * The workbook `nhsdp scenario -o` writes (run as in scenario.test.ts), recalculated by LibreOffice:
 * its named values equal the figures --json prints.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { runScenario as run } from "../support/scenarioCommand";
import { SCENARIO_NAMES } from "../../src/workbook/layouts/scenario/scenarioSheet";
import { readDefinedNames } from "../../src/workbook/xlsx/xlsxWriter";
import { libreOfficeBatch } from "../support/libreoffice";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const RWE = path.join(EXAMPLES, "commercial-rwe-milestones.json");
const IMAGING = path.join(EXAMPLES, "commercial-imaging-ai.json");
const SME = path.join(EXAMPLES, "sme-subscription.json");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-scenario-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const target = (file: string) =>
  path.join(work, `${path.basename(file, ".json")}-recalculated.xlsx`);

/** `nhsdp scenario -o` of each document, run once: by the LibreOffice batch, or by its test. */
const written = new Map<string, Promise<{ code: number }>>();
const write = (file: string) => {
  if (!written.has(file)) written.set(file, run(file, "-o", target(file), "--trials", "500"));
  return written.get(file) as Promise<{ code: number }>;
};

/** The three workbooks, recalculated in one run of LibreOffice. */
const libreOffice = libreOfficeBatch();
const recalculated = new Map(
  [IMAGING, RWE, SME].map((file) => [
    file,
    libreOffice.add(path.basename(target(file)), async () => {
      await write(file);
      return fs.readFileSync(target(file));
    }),
  ])
);

describe("nhsdp scenario -o, recalculated by LibreOffice", () => {
  it.each([[IMAGING], [RWE], [SME]])(
    "%s: the named values equal --json's figures to 1e-9",
    async (file) => {
      expect((await write(file)).code).toBe(0);
      const figures = JSON.parse((await run(file, "--json", "--trials", "500")).stdout);
      const { workbook, buffer } = await recalculated.get(file)!();
      const worksheet = workbook.worksheets[0] as ExcelJS.Worksheet;
      const definedNames = await readDefinedNames(buffer);
      const named = (name: string): unknown => {
        const reference = definedNames.find((candidate) => candidate.name === name)?.text;
        const value = worksheet.getCell((reference?.split("!").pop() ?? "A1").replace(/\$/g, ""))
          .value as { result?: unknown } | null;
        return value?.result;
      };
      // A kind the comparison has no offer of, and a breakeven with no milestones, hold #N/A.
      const expected: [string, number | null][] = [];
      for (const kind of ["fixed", "subscription", "milestones", "royalty"] as const) {
        const first = figures.mechanisms.find((m: { mechanism: string }) => m.mechanism === kind);
        expected.push([SCENARIO_NAMES[kind], first?.riskAdjustedPresentValue ?? null]);
      }
      expected.push([SCENARIO_NAMES.breakeven, figures.breakevenRoyalty.rate]);
      expect(expected.filter(([, value]) => value !== null).length).toBeGreaterThanOrEqual(2);
      const off = expected.filter(([name, value]) => {
        const actual = named(name);
        if (value === null) return JSON.stringify(actual) !== JSON.stringify({ error: "#N/A" });
        return typeof actual !== "number" || Math.abs(actual - value) > 1e-9 * Math.abs(value);
      });
      expect(off).toEqual([]);
    }
  );
});
