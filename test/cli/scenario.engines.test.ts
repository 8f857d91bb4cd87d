/**
 * The workbook `nhsdp scenario -o` writes (run as in scenario.test.ts), recalculated by LibreOffice:
 * its named values, and every figure of its tornado, equal the figures --json prints.
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

interface TornadoBarFigures {
  assumption: string;
  valueAtLow: number;
  valueAtHigh: number;
  swing: number;
}

describe("the tornado on the sheet, recalculated by LibreOffice", () => {
  it.each([[IMAGING], [RWE], [SME]])(
    "%s: each bar's values, swing (a formula) and changes equal --json's to 1e-9, in its order",
    async (file) => {
      expect((await write(file)).code).toBe(0);
      const figures = JSON.parse((await run(file, "--json", "--trials", "500")).stdout);
      const { workbook } = await recalculated.get(file)!();
      const worksheet = workbook.worksheets[0] as ExcelJS.Worksheet;
      // The table's rows are those whose swing column (G) holds ABS(value at high - value at low).
      const rows: { valueAtLow: unknown; valueAtHigh: unknown; swing: unknown; formula: string }[] =
        [];
      const changes: [unknown, unknown][] = [];
      worksheet.eachRow((row) => {
        const swing = row.getCell(7).value as { formula?: string; result?: unknown } | null;
        if (typeof swing?.formula !== "string" || !swing.formula.startsWith("ABS(")) return;
        const result = (col: number) =>
          (row.getCell(col).value as { result?: unknown } | null)?.result;
        rows.push({
          valueAtLow: row.getCell(5).value,
          valueAtHigh: row.getCell(6).value,
          swing: swing.result,
          formula: swing.formula,
        });
        changes.push([result(8), result(9)]);
      });
      const expected = (
        figures.tornado.mechanisms as {
          riskAdjustedPresentValue: number;
          bars: TornadoBarFigures[];
        }[]
      ).flatMap((mechanism) => mechanism.bars.map((bar) => ({ ...bar, mechanism })));
      expect(rows.length).toBe(expected.length);
      expect(expected.length).toBeGreaterThanOrEqual(10);
      const close = (actual: unknown, value: number) =>
        typeof actual === "number" &&
        Math.abs(actual - value) <= 1e-9 * Math.max(Math.abs(value), 1e-300);
      const off = expected.flatMap((bar, i) => {
        const row = rows[i]!;
        const [changeAtLow, changeAtHigh] = changes[i]!;
        const base = bar.mechanism.riskAdjustedPresentValue;
        const pairs: [string, unknown, number][] = [
          ["value at low", row.valueAtLow, bar.valueAtLow],
          ["value at high", row.valueAtHigh, bar.valueAtHigh],
          ["swing", row.swing, bar.swing],
          ["change at low", changeAtLow, bar.valueAtLow - base],
          ["change at high", changeAtHigh, bar.valueAtHigh - base],
        ];
        return (
          pairs
            // ExcelJS reads a formula's cached 0 (<v>0</v>) as no result at all.
            .filter(([, actual, value]) =>
              value === 0 ? (actual ?? 0) !== 0 : !close(actual, value)
            )
            .map(
              ([what, actual, value]) => `${bar.assumption} ${what}: ${String(actual)} != ${value}`
            )
        );
      });
      expect(off).toEqual([]);
      // Sorted as --json sorts them: each mechanism's swings never grow down its table.
      for (const mechanism of figures.tornado.mechanisms as { bars: TornadoBarFigures[] }[])
        mechanism.bars.forEach((bar, i) => {
          if (i > 0) expect(bar.swing).toBeLessThanOrEqual(mechanism.bars[i - 1]!.swing);
        });
    }
  );
});

describe("the fair share on the sheet, recalculated by LibreOffice", () => {
  it.each([[IMAGING], [RWE]])(
    "%s: the contribution, the product's value, the range in each form and the offer equal --json's to 1e-9",
    async (file) => {
      expect((await write(file)).code).toBe(0);
      const { fairShare } = JSON.parse((await run(file, "--json", "--trials", "500")).stdout);
      const { workbook } = await recalculated.get(file)!();
      const worksheet = workbook.worksheets[0] as ExcelJS.Worksheet;
      // Each figure's row by its label in column A, as a reader finds it.
      const rowOf = (label: RegExp) => {
        let found: ExcelJS.Row | undefined;
        worksheet.eachRow((row) => {
          const text = row.getCell(1).value;
          if (found === undefined && typeof text === "string" && label.test(text)) found = row;
        });
        if (found === undefined) throw new Error(`no row labelled ${String(label)}`);
        return (col: number) => {
          const value = found!.getCell(col).value as { formula?: string; result?: unknown } | null;
          // Every figure but the inputs is a formula LibreOffice recalculated.
          expect(typeof value?.formula).toBe("string");
          return value?.result;
        };
      };
      const pairs: [string, unknown, number][] = [
        ["contribution", rowOf(/^Contribution$/)(5), fairShare.contribution],
        ["product", rowOf(/^The product's risk-adjusted profit/)(5), fairShare.productValue],
        ["share low", rowOf(/^Share of the product's profit/)(4), fairShare.share.low],
        ["share high", rowOf(/^Share of the product's profit/)(5), fairShare.share.high],
        ["value low", rowOf(/^Worth to the NHS today/)(4), fairShare.value.low],
        ["value high", rowOf(/^Worth to the NHS today/)(5), fairShare.value.high],
        ["royalty low", rowOf(/^As a flat royalty rate/)(4), fairShare.royaltyRate.low],
        ["royalty high", rowOf(/^As a flat royalty rate/)(5), fairShare.royaltyRate.high],
        ["milestones low", rowOf(/^As milestones like/)(4), fairShare.milestones.total.low],
        ["milestones high", rowOf(/^As milestones like/)(5), fairShare.milestones.total.high],
        ["fixed low", rowOf(/^As a fixed sum/)(4), fairShare.fixedSum.low],
        ["offer", rowOf(/^The terms on the table$/)(3), fairShare.offer.value],
        ["offer share", rowOf(/^The terms' share/)(3), fairShare.offer.share],
      ];
      const off = pairs.filter(
        ([, actual, value]) =>
          typeof actual !== "number" || Math.abs(actual - value) > 1e-9 * Math.abs(value)
      );
      expect(off).toEqual([]);
      expect(rowOf(/^Where the terms fall$/)(3)).toBe(`${fairShare.offer.position} the range`);
    }
  );
});
