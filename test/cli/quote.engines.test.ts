/**
 * For every example document, the built `nhsdp` command writes a quote workbook and prints the core's
 * figures (--json). The workbook is then recalculated by two real spreadsheet engines, LibreOffice
 * (headless) and HyperFormula (in-process), and every figure they compute from the sheet's own
 * formulas must equal the core's to the penny: each line's cost, marginal and full cost (columns G, H,
 * I of the row whose column A holds the line's id), each category's subtotals, the overall marginal
 * and full cost, the cost lines charged, each recovery's rate, base and amount, the direct
 * allocations, the fixed and capital subtotals, and the named totals.
 *
 * Then the use cell of each example is flipped in the .xlsx (commercial to non-commercial and back)
 * and LibreOffice recalculates it: the recovery must follow the rule by hand from the sheet's own
 * figures, a rate of the overall marginal cost for non-commercial use and of the full cost for
 * commercial use.
 */
import { spawnSync } from "child_process";
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { COST_CATEGORY_LABELS } from "../../src/document/labels";
import { readDefinedNames } from "../../src/workbook/xlsx/xlsxWriter";
import { evaluateXlsxWithHyperFormula } from "../support/hyperformula";
import { libreOfficeBatch } from "../support/libreoffice";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "nhsdp.js");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-quotes-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * The academic study priced under a strategy that leaves pass-through charges out of the recovery
 * base: its sheet carries two more rows (the pass-through charges, the recovery base) that the
 * engines must recalculate too.
 */
const EXCLUDING_PASS_THROUGH = "academic-sde-study-excluding-pass-through.json";
function excludingPassThrough(): string {
  const file = path.join(work, EXCLUDING_PASS_THROUGH);
  const doc = JSON.parse(
    fs.readFileSync(path.join(ROOT, "examples", "academic-sde-study.json"), "utf8")
  ) as { pricing: Record<string, unknown> };
  doc.pricing["passThroughInRecoveryBase"] = false;
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

const EXAMPLES = [
  ...fs
    .readdirSync(path.join(ROOT, "examples"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => path.join(ROOT, "examples", file)),
  excludingPassThrough(),
];

interface Figures {
  use: "commercial" | "non-commercial";
  marginalCost: number;
  fullCost: number;
  linesCharged: number;
  passThroughInRecoveryBase: boolean;
  passThroughCharged: number;
  recoveryBase: number;
  total: number;
  vat: number;
  totalIncVat: number;
  subtotals: Record<string, number>;
  lines: {
    id: string;
    category: string;
    passThrough: boolean;
    cost: number;
    marginal: number;
    full: number;
    amount: number;
  }[];
  recoveries: { id: string; category: string; rate: number; base: number; amount: number }[];
  directAllocations: { id: string; amount: number }[];
}

const CATEGORIES = ["services", "data-access-people", "data-access-other"] as const;
const NAMES = ["NHSDP_Total", "NHSDP_VAT", "NHSDP_TotalIncVAT"] as const;

const pence = (value: unknown): number => {
  if (typeof value !== "number") return NaN;
  return Math.round(value * 100);
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Where the quote's figures are on the sheet, found by the labels and ids in columns A and B. */
interface Layout {
  /** Column C of the "Use of the data" row. */
  useCell: string;
  /** Column D of that row, which names the basis, and column B of the "Why" row below it. */
  basisCell: string;
  whyCell: string;
  /** The cost table's header row, whose H and I say which column is charged. */
  headerRow: number;
  lineRows: Map<string, number>;
  categoryRows: Map<string, number>;
  overallRow: number;
  chargedRow: number;
  /** The pass-through charges and the recovery base under it, when pass-through charges are out of the base. */
  baseRows?: { passThrough: number; base: number };
  recoveryRows: Map<string, number>;
  allocationRows: Map<string, number>;
  poolRows: { fixed: number; capital: number };
  totalRow: number;
}

function text(cell: ExcelJS.Cell): string | undefined {
  return typeof cell.value === "string" ? cell.value : undefined;
}

function locate(sheet: ExcelJS.Worksheet, figures: Figures): Layout {
  const byA = new Map<string, number>();
  const byB = new Map<string, number>();
  sheet.eachRow((row, r) => {
    const a = text(row.getCell(1));
    const b = text(row.getCell(2));
    if (a !== undefined && !byA.has(a)) byA.set(a, r);
    if (b !== undefined && !byB.has(b)) byB.set(b, r);
  });
  const row = (map: Map<string, number>, label: string): number => {
    const found = map.get(label);
    if (found === undefined) throw new Error(`no row labelled "${label}" on ${sheet.name}`);
    return found;
  };
  let headerRow = 0;
  sheet.eachRow((r, n) => {
    if (text(r.getCell(1)) === "Line" && text(r.getCell(3)) === "Kind") headerRow = n;
  });
  const chargedRow = [...byB.entries()].find(([label]) =>
    label.startsWith("Cost lines charged")
  )?.[1];
  if (chargedRow === undefined || headerRow === 0)
    throw new Error("the cost table is not on the sheet");
  const categoryRows = new Map<string, number>();
  for (const category of CATEGORIES) {
    if (figures.lines.some((line) => line.category === category))
      categoryRows.set(category, row(byB, `Subtotal: ${COST_CATEGORY_LABELS[category]}`));
  }
  return {
    useCell: `C${row(byA, "Use of the data")}`,
    basisCell: `D${row(byA, "Use of the data")}`,
    whyCell: `B${row(byA, "Why")}`,
    headerRow,
    lineRows: new Map(figures.lines.map((line) => [line.id, row(byA, line.id)])),
    categoryRows,
    overallRow: row(byB, "Overall marginal cost and overall full cost"),
    chargedRow,
    ...(figures.passThroughInRecoveryBase
      ? {}
      : { baseRows: { passThrough: chargedRow + 1, base: chargedRow + 2 } }),
    recoveryRows: new Map(figures.recoveries.map((r) => [r.id, row(byA, r.id)])),
    allocationRows: new Map(figures.directAllocations.map((a) => [a.id, row(byA, a.id)])),
    poolRows: {
      fixed: row(byB, `Subtotal: ${COST_CATEGORY_LABELS.fixed}`),
      capital: row(byB, `Subtotal: ${COST_CATEGORY_LABELS.capital}`),
    },
    totalRow: row(byB, "Total before VAT"),
  };
}

/** Every money figure the sheet computes, with its address and the core's value in pence. */
function expectedMoney(layout: Layout, figures: Figures): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (const line of figures.lines) {
    const r = layout.lineRows.get(line.id) as number;
    out.push([`${line.id} cost`, `G${r}`, pence(line.cost)]);
    out.push([`${line.id} marginal`, `H${r}`, pence(line.marginal)]);
    out.push([`${line.id} full`, `I${r}`, pence(line.full)]);
  }
  for (const [category, r] of layout.categoryRows) {
    const lines = figures.lines.filter((line) => line.category === category);
    out.push([`${category} marginal subtotal`, `H${r}`, sum(lines.map((l) => pence(l.marginal)))]);
    out.push([`${category} full subtotal`, `I${r}`, sum(lines.map((l) => pence(l.full)))]);
  }
  out.push(["overall marginal cost", `H${layout.overallRow}`, pence(figures.marginalCost)]);
  out.push(["overall full cost", `I${layout.overallRow}`, pence(figures.fullCost)]);
  out.push(["cost lines charged", `I${layout.chargedRow}`, pence(figures.linesCharged)]);
  if (layout.baseRows !== undefined) {
    out.push([
      "pass-through charges",
      `I${layout.baseRows.passThrough}`,
      pence(figures.passThroughCharged),
    ]);
    out.push(["recovery base", `I${layout.baseRows.base}`, pence(figures.recoveryBase)]);
  }
  for (const recovery of figures.recoveries) {
    const r = layout.recoveryRows.get(recovery.id) as number;
    out.push([`${recovery.id} base`, `F${r}`, pence(recovery.base)]);
    out.push([`${recovery.id} amount`, `I${r}`, pence(recovery.amount)]);
  }
  for (const allocation of figures.directAllocations) {
    const r = layout.allocationRows.get(allocation.id) as number;
    out.push([`${allocation.id} allocation`, `I${r}`, pence(allocation.amount)]);
  }
  out.push(["fixed subtotal", `I${layout.poolRows.fixed}`, pence(figures.subtotals.fixed)]);
  out.push(["capital subtotal", `I${layout.poolRows.capital}`, pence(figures.subtotals.capital)]);
  return out;
}

function expectedRates(layout: Layout, figures: Figures): [string, string, number][] {
  return figures.recoveries.map((recovery) => [
    `${recovery.id} rate`,
    `D${layout.recoveryRows.get(recovery.id) as number}`,
    Math.round(recovery.rate * 10_000),
  ]);
}

/** The core's figures agree among themselves as the sheet lays them out (what the subtotals hold). */
function expectCoreConsistent(figures: Figures): void {
  const commercial = figures.use === "commercial";
  for (const category of CATEGORIES) {
    const lines = figures.lines.filter((line) => line.category === category);
    const charged = sum(lines.map((l) => pence(commercial ? l.full : l.marginal)));
    expect([category, pence(figures.subtotals[category] ?? 0)]).toEqual([category, charged]);
  }
  expect(pence(figures.linesCharged)).toBe(
    pence(commercial ? figures.fullCost : figures.marginalCost)
  );
  const passThrough = sum(figures.lines.filter((l) => l.passThrough).map((l) => pence(l.amount)));
  expect(pence(figures.passThroughCharged)).toBe(passThrough);
  expect(pence(figures.recoveryBase)).toBe(
    pence(figures.linesCharged) - (figures.passThroughInRecoveryBase ? 0 : passThrough)
  );
}

function cellResult(sheet: ExcelJS.Worksheet, address: string): unknown {
  const cell = sheet.getCell(address);
  return cell.formula ? cell.result : cell.value;
}

/** Reads a defined name's cell from a workbook LibreOffice wrote. */
async function namedValues(
  workbook: ExcelJS.Workbook,
  buffer: Buffer
): Promise<Record<string, unknown>> {
  const names = await readDefinedNames(buffer);
  const out: Record<string, unknown> = {};
  for (const name of NAMES) {
    const defined = names.find((n) => n.name === name);
    if (!defined) throw new Error(`${name} is not defined after LibreOffice's round trip`);
    const match = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(defined.text);
    if (!match) throw new Error(`${name} refers to ${defined.text}`);
    const sheet = workbook.getWorksheet(
      (match[1] as string).replace(/''/g, "'")
    ) as ExcelJS.Worksheet;
    out[name] = cellResult(sheet, `${match[2]}${match[3]}`);
  }
  return out;
}

/** The column headers over H and I, which say which cost is charged. */
const HEADERS = {
  commercial: ["Marginal cost", "Full cost (charged)"],
  "non-commercial": ["Marginal cost (charged)", "Full cost"],
} as const;

/** The basis the sheet names for each use, and how its reason begins (the guide's chapter 5 approach). */
const BASIS_TEXT = {
  commercial: ["Commercial: charged at full cost", /^Commercial use is charged at full cost/],
  "non-commercial": [
    "Non-commercial: charged at marginal cost",
    /^Non-commercial use is charged at marginal cost/,
  ],
} as const;

/**
 * Every formula cell has a result computed by the engine: a number, except the two column headers
 * over H and I and the basis and its reason, whose result is their text.
 */
function expectEveryFormulaCalculated(
  sheet: ExcelJS.Worksheet,
  layout: Layout,
  use: Figures["use"]
) {
  const headers = new Set([
    `H${layout.headerRow}`,
    `I${layout.headerRow}`,
    layout.basisCell,
    layout.whyCell,
  ]);
  let formulas = 0;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (!cell.formula || headers.has(cell.address)) return;
      formulas += 1;
      // A date is a number in Excel; ExcelJS reads a date-formatted result (valid until) as a Date.
      const result = cell.result instanceof Date ? cell.result.getTime() : cell.result;
      // A figure recalculates to a number; the summary's and reconciliation's sentences to their text.
      const kind = typeof result === "string" && !result.startsWith("#") ? "text" : typeof result;
      expect([cell.address, cell.formula, kind]).toEqual([
        cell.address,
        cell.formula,
        // Only a formula that writes text (it has a string literal) may give text; never an error.
        kind === "text" && cell.formula.includes('"') ? "text" : "number",
      ]);
    })
  );
  expect(formulas).toBeGreaterThan(10);
  expect([
    cellResult(sheet, `H${layout.headerRow}`),
    cellResult(sheet, `I${layout.headerRow}`),
  ]).toEqual(HEADERS[use]);
  const [basis, why] = BASIS_TEXT[use];
  expect(cellResult(sheet, layout.basisCell)).toBe(basis);
  expect(String(cellResult(sheet, layout.whyCell))).toMatch(why);
}

/** Each example with its use flipped, worked by hand in pence from its lines' overall costs. */
const FLIPPED_BY_HAND: Record<
  string,
  { base: number; fixed: number; capital: number; total: number }
> = {
  // commercial -> non-commercial: overall marginal cost 54,654.94; x 0.125 = 6,831.8675 -> 6,831.87
  // (commercial: 7,773.44); x 0.06 = 3,279.2964 -> 3,279.30 (commercial: 3,731.25); total 64,766.11
  "commercial-imaging-ai.json": { base: 5465494, fixed: 683187, capital: 327930, total: 6476611 },
  // commercial -> non-commercial: 40,572 x 0.1 = 4,057.20; x 0.08 = 3,245.76; total 47,874.96
  "commercial-rwe-milestones.json": {
    base: 4057200,
    fixed: 405720,
    capital: 324576,
    total: 4787496,
  },
  // commercial -> non-commercial: 7,724 x 0.05 = 386.20; capital 0%; total 8,110.20
  "sme-subscription.json": { base: 772400, fixed: 38620, capital: 0, total: 811020 },
  // non-commercial -> commercial: overall full cost 31,254 x 0.125 = 3,906.75; x 0.06 = 1,875.24;
  // total 37,035.99
  "academic-sde-study.json": { base: 3125400, fixed: 390675, capital: 187524, total: 3703599 },
  // non-commercial -> commercial, pass-through charges out of the base: 31,254 - 18,402 = 12,852;
  // x 0.125 = 1,606.50; x 0.06 = 771.12; total 31,254 + 1,606.50 + 771.12 = 33,631.62
  [EXCLUDING_PASS_THROUGH]: { base: 1285200, fixed: 160650, capital: 77112, total: 3363162 },
};

/** Each example's quote as the built command writes it, with the figures it prints, and where they are. */
interface Quoted {
  output: string;
  figures: Figures;
  layout: Layout;
  sheetName: string;
}

const quoted = new Map<string, Promise<Quoted>>();

/** The day the quotes are checked on: while every example is within its validity (the imaging one until 29 August 2025). */
const AS_OF = "2025-07-15";

/** Runs `nhsdp quote` on the example once, for the tests and the LibreOffice batch alike. */
function quote(name: string, file: string): Promise<Quoted> {
  if (!quoted.has(name))
    quoted.set(
      name,
      (async () => {
        const output = path.join(work, name.replace(/\.json$/, ".xlsx"));
        const run = spawnSync(
          process.execPath,
          [CLI, "quote", file, "-o", output, "--json", "--as-of", AS_OF],
          {
            encoding: "utf8",
          }
        );
        if (run.status !== 0) throw new Error(`nhsdp quote failed (${run.status}): ${run.stderr}`);
        const figures = JSON.parse(run.stdout) as Figures;
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(fs.readFileSync(output) as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
        return { output, figures, layout: locate(sheet, figures), sheetName: sheet.name };
      })()
    );
  return quoted.get(name) as Promise<Quoted>;
}

/** The quote with its use flipped: column C of the "Use of the data" row, every cached result dropped. */
async function flippedWorkbook(name: string, file: string): Promise<Buffer> {
  const { output, figures, layout, sheetName } = await quote(name, file);
  const flipped: Figures["use"] = figures.use === "commercial" ? "non-commercial" : "commercial";
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(output) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
  sheet.getCell(layout.useCell).value = flipped;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    })
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every example's quote and its flipped copy, recalculated in one run of LibreOffice. */
const libreOffice = libreOfficeBatch();

describe.each(EXAMPLES.map((file) => [path.basename(file), file]))("%s", (name, file) => {
  let output: string;
  let figures: Figures;
  let layout: Layout;
  let sheetName: string;
  const recalculated = libreOffice.add(name.replace(/\.json$/, ".xlsx"), async () =>
    fs.readFileSync((await quote(name, file)).output)
  );
  const flippedRecalculated = libreOffice.add(name.replace(/\.json$/, "-flipped.xlsx"), () =>
    flippedWorkbook(name, file)
  );

  beforeAll(async () => {
    ({ output, figures, layout, sheetName } = await quote(name, file));
  });

  it("the core's figures are the sheet's layout: charged subtotals and the recovery base", () => {
    expectCoreConsistent(figures);
  });

  it("LibreOffice recalculates every line, subtotal, recovery and total to the core's penny", async () => {
    const { workbook, buffer } = await recalculated();
    const sheet = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
    expectEveryFormulaCalculated(sheet, layout, figures.use);

    const money = expectedMoney(layout, figures);
    expect(money.map(([label, address]) => [label, pence(cellResult(sheet, address))])).toEqual(
      money.map(([label, , expected]) => [label, expected])
    );
    const rates = expectedRates(layout, figures);
    expect(
      rates.map(([label, address]) => [
        label,
        Math.round(Number(cellResult(sheet, address)) * 10_000),
      ])
    ).toEqual(rates.map(([label, , expected]) => [label, expected]));

    const named = await namedValues(workbook, buffer);
    expect(NAMES.map((n) => [n, pence(named[n])])).toEqual([
      ["NHSDP_Total", pence(figures.total)],
      ["NHSDP_VAT", pence(figures.vat)],
      ["NHSDP_TotalIncVAT", pence(figures.totalIncVat)],
    ]);
  });

  it("HyperFormula computes the same figures from the sheet's formulas", async () => {
    const money = expectedMoney(layout, figures);
    const rates = expectedRates(layout, figures);
    const values = await evaluateXlsxWithHyperFormula(fs.readFileSync(output), sheetName, [
      ...NAMES,
      ...money.map(([, address]) => address),
      ...rates.map(([, address]) => address),
    ]);
    expect(money.map(([label, address]) => [label, pence(values[address])])).toEqual(
      money.map(([label, , expected]) => [label, expected])
    );
    expect(
      rates.map(([label, address]) => [label, Math.round(Number(values[address]) * 10_000)])
    ).toEqual(rates.map(([label, , expected]) => [label, expected]));
    expect(NAMES.map((n) => [n, pence(values[n])])).toEqual([
      ["NHSDP_Total", pence(figures.total)],
      ["NHSDP_VAT", pence(figures.vat)],
      ["NHSDP_TotalIncVAT", pence(figures.totalIncVat)],
    ]);
  });

  it("uses native formulas only: no NHSDP functions in the workbook a partner receives", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(output) as unknown as ArrayBuffer);
    const formulas: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula)))
    );
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.filter((f) => /NHSDP\./i.test(f))).toEqual([]);
  });

  it("flipping the use cell in the workbook moves the recovery onto the other base", async () => {
    const flipped: Figures["use"] = figures.use === "commercial" ? "non-commercial" : "commercial";
    // flippedWorkbook changes column C of the "Use of the data" row with ExcelJS, and drops every
    // cached formula result, so that every figure read back can only have come from LibreOffice.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(output) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
    expect(sheet.getCell(layout.useCell).value).toBe(figures.use);

    const { workbook: flippedBook } = await flippedRecalculated();
    const after = flippedBook.getWorksheet(sheetName) as ExcelJS.Worksheet;
    expectEveryFormulaCalculated(after, layout, flipped);
    const at = (address: string) => pence(cellResult(after, address));

    // The lines and the overall costs do not depend on the use.
    const overallMarginal = at(`H${layout.overallRow}`);
    const overallFull = at(`I${layout.overallRow}`);
    expect([overallMarginal, overallFull]).toEqual([
      pence(figures.marginalCost),
      pence(figures.fullCost),
    ]);
    const charged = flipped === "non-commercial" ? overallMarginal : overallFull;
    expect(at(`I${layout.chargedRow}`)).toBe(charged);
    // Pass-through lines are charged at marginal cost whatever the use, so their charge is unchanged.
    const base =
      layout.baseRows === undefined
        ? charged
        : charged - sum(figures.lines.filter((l) => l.passThrough).map((l) => pence(l.marginal)));
    if (layout.baseRows !== undefined) expect(at(`I${layout.baseRows.base}`)).toBe(base);

    // Each recovery = ROUND(base x rate), by hand in whole pence: the rate has at most four places,
    // so base (pence) x rate (ten-thousandths) / 10,000 is exact, and half rounds up.
    const amounts: number[] = [];
    for (const recovery of figures.recoveries) {
      const r = layout.recoveryRows.get(recovery.id) as number;
      const rateUnits = Math.round(Number(cellResult(after, `D${r}`)) * 10_000);
      expect(rateUnits).toBe(Math.round(recovery.rate * 10_000));
      expect(at(`F${r}`)).toBe(base);
      const byHand = Number((2n * BigInt(base) * BigInt(rateUnits) + 10_000n) / 20_000n);
      expect([recovery.id, at(`I${r}`)]).toEqual([recovery.id, byHand]);
      amounts.push(byHand);
      // The recovery moved with the base, unless its rate is 0.
      if (rateUnits > 0)
        expect([recovery.id, byHand]).not.toEqual([recovery.id, pence(recovery.amount)]);
    }
    const allocations = sum(figures.directAllocations.map((a) => pence(a.amount)));
    const total = charged + sum(amounts) + allocations;
    expect(at(`I${layout.poolRows.fixed}`) + at(`I${layout.poolRows.capital}`)).toBe(
      sum(amounts) + allocations
    );
    expect(at(`I${layout.totalRow}`)).toBe(total);
    if (flipped === "non-commercial") expect(total).toBeLessThan(pence(figures.total));
    else expect(total).toBeGreaterThan(pence(figures.total));

    // And the same figures worked out on paper from the example's lines (test/core/quote.test.ts).
    const paper = FLIPPED_BY_HAND[name];
    if (paper === undefined) throw new Error(`work out ${name} with its use flipped by hand above`);
    expect({
      base: at(`I${layout.baseRows?.base ?? layout.chargedRow}`),
      fixed: at(`I${layout.recoveryRows.get("fixed-cost-recovery") as number}`),
      capital: at(`I${layout.recoveryRows.get("capital-cost-recovery") as number}`),
      total: at(`I${layout.totalRow}`),
    }).toEqual(paper);
  });
});
