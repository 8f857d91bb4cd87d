/**
 * The audit of generated and tampered quote workbooks (as in audit.test.ts) that a spreadsheet has
 * recalculated: LibreOffice opens and saves each one before it is audited. Generated workbooks still
 * audit clean; a changed input, rate or use, a deleted or an inserted line is reported, and the
 * figures that follow it are not. Every workbook is recalculated in one run of LibreOffice.
 */
import { allFindings, auditXlsx } from "../../src/audit";
import { EXAMPLE_FILES, example, exampleStrategy } from "../document/fixtures";
import { libreOfficeBatch } from "../support/libreoffice";
import {
  SHEET,
  base,
  expectedRules,
  generate,
  locate,
  notPrinciples,
  principleRules,
} from "./generated";
import { tamper, type Tampering } from "./tamper";

/** The workbooks below, recalculated in one run of LibreOffice when the first test asks for one. */
const libreOffice = libreOfficeBatch();

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** The internal workbook of the base example, which the tests tamper with, and where its rows and names are. */
const original = once(() => generate(base));
const located = once(async () => locate(await original()));

/** The base example's internal workbook tampered with (knowing where things are), then recalculated. */
function tamperedAndRecalculated(
  name: string,
  tampering: (at: Awaited<ReturnType<typeof locate>>) => Tampering
): () => Promise<Buffer> {
  const result = libreOffice.add(`${name}.xlsx`, async () =>
    tamper(await original(), tampering(await located()))
  );
  return async () => (await result()).buffer;
}

describe("generated workbooks audit clean", () => {
  describe.each(EXAMPLE_FILES.map((file) => [file]))("%s", (file) => {
    const doc = example(file);
    const stem = file.replace(/\.json$/, "");
    const recalculated = {
      internal: libreOffice.add(`${stem}-internal.xlsx`, () => generate(doc, false)),
      partner: libreOffice.add(`${stem}-partner.xlsx`, () => generate(doc, true)),
    };

    it("after a LibreOffice round trip, internal workbook and partner copy alike", async () => {
      for (const partner of [false, true]) {
        const report = await auditXlsx(
          (await recalculated[partner ? "partner" : "internal"]()).buffer
        );
        // A partner copy says it was verified against the trust's priced inputs.
        expect(notPrinciples(report).map((finding) => finding.check)).toEqual(
          partner ? ["partner-copy"] : []
        );
        expect(principleRules(report)).toEqual(expectedRules(doc));
      }
    });
  });
});

describe("tampered workbooks", () => {
  let at: Awaited<ReturnType<typeof locate>>;
  beforeAll(async () => {
    at = await located();
  });

  const changedInput = tamperedAndRecalculated("changed-input", (at) => {
    const row = at.row("svc-deid");
    return { edit: (sheet) => (sheet.getCell(`D${row}`).value = 15) };
  });
  it("a changed input, recalculated: the input is reported before and after, the figures follow it", async () => {
    const row = at.row("svc-deid");
    const xlsx = await changedInput();
    expect(notPrinciples(await auditXlsx(xlsx))).toEqual([
      { check: "input-changed", sheet: SHEET, cell: `D${row}`, expected: "12", found: "15" },
    ]);
  });

  const typedOver = tamperedAndRecalculated("typed-over-formula", (at) => {
    const row = at.row("svc-deid");
    return { edit: (sheet) => (sheet.getCell(`G${row}`).value = 5500) };
  });
  it("a number typed over a line's cost, recalculated: the figures it feeds are marked as following from it", async () => {
    const row = at.row("svc-deid");
    // The services are the first category: svc-deid, svc-labelling, svc-linkage, then their subtotal.
    const subtotal = at.row("svc-linkage") + 1;
    const cell = (name: string) => at.names.get(name)!;
    // Fixed and capital cost recovery, then the fixed and capital subtotals.
    const recoveries = Number(/\d+/.exec(cell("NHSDP_Recoveries"))![0]);
    const report = await auditXlsx(await typedOver());
    const findings = notPrinciples(report).map((f) => f.cell);
    expect(findings.slice(0, 2)).toEqual([`G${row}`, `G${row}`]);
    const marked = report.quotes[0]!.findings.filter((f) => f.causedBy !== undefined);
    expect(marked.every((f) => f.causedBy === `G${row}` && f.check === "arithmetic")).toBe(true);
    expect(marked.map((f) => f.cell)).toEqual([
      `H${row}`,
      `I${row}`,
      `H${subtotal}`,
      `I${subtotal}`,
      cell("NHSDP_MarginalCost"),
      cell("NHSDP_FullCost"),
      cell("NHSDP_LinesCharged"),
      `F${recoveries}`,
      `I${recoveries}`,
      `F${recoveries + 1}`,
      `I${recoveries + 1}`,
      `I${recoveries + 2}`,
      `I${recoveries + 3}`,
      cell("NHSDP_Total"),
      cell("NHSDP_VAT"),
      cell("NHSDP_TotalIncVAT"),
      // The summary box on page 1 repeats the total including VAT.
      cell("NHSDP_SummaryTotalIncVAT"),
    ]);
    // The typed-over cell itself: £5,400.00 by its inputs (12 x £450.00), £5,500.00 typed.
    expect(
      report.quotes[0]!.findings.filter((f) => f.cell === `G${row}`).map((f) => [
        f.check,
        f.expected,
        f.found,
      ])
    ).toEqual([
      ["formula-replaced", "£5,400.00", "£5,500.00"],
      ["arithmetic", "£5,400.00", "£5,500.00"],
    ]);
  });

  const changedRate = tamperedAndRecalculated("changed-rate", (at) => {
    const overhead = at.names.get("NHSDP_OverheadRate")!;
    return { edit: (sheet) => (sheet.getCell(overhead).value = 0.25) };
  });
  it("a changed rate: reported as a changed input, and against the strategy the quote names", async () => {
    const overhead = at.names.get("NHSDP_OverheadRate")!;
    expect(base.pricing.overheadRate).toBe(0.2);
    const xlsx = await changedRate();
    expect(notPrinciples(await auditXlsx(xlsx))).toEqual([
      { check: "input-changed", sheet: SHEET, cell: overhead, expected: "20%", found: "25%" },
    ]);
    const strategy = exampleStrategy("R9X");
    expect(strategy.id).toBe(base.pricing.strategy?.id);
    const checked = allFindings(await auditXlsx(xlsx, { strategy }));
    expect(
      checked
        .filter((finding) => finding.ruleId === "rates-consistent")
        .map((finding) => [finding.severity, finding.cell])
    ).toEqual([["error", overhead]]);
  });

  const deletedLine = tamperedAndRecalculated("deleted-line", (at) => ({
    rows: { row: at.row("svc-labelling"), change: "delete" },
  }));
  it("a deleted line, recalculated: the line is reported missing, the totals follow the sheet", async () => {
    // svc-labelling is one of three services lines, so the category keeps a subtotal over two rows.
    const xlsx = await deletedLine();
    const lines = at.names.get("NHSDP_Lines")!.split(":");
    const shrunk = `${lines[0]}:${lines[1]!.replace(/\d+$/, (n) => String(Number(n) - 1))}`;
    expect(notPrinciples(await auditXlsx(xlsx))).toEqual([
      {
        check: "line-missing",
        sheet: SHEET,
        cell: shrunk,
        expected: "svc-labelling",
        found: "no such line",
      },
    ]);
  });

  const insertedLine = tamperedAndRecalculated("inserted-line", (at) => {
    // Inserted above the services' last line, inside the range their subtotals add up.
    const row = at.row("svc-linkage");
    return {
      rows: { row, change: "insert" },
      edit: (sheet) => {
        const below = row + 1;
        sheet.getCell(`A${row}`).value = "svc-extra";
        sheet.getCell(`B${row}`).value = "Extra analysis";
        sheet.getCell(`C${row}`).value = "Non-staff";
        sheet.getCell(`D${row}`).value = 2;
        sheet.getCell(`E${row}`).value = "day";
        sheet.getCell(`F${row}`).value = 300;
        for (const column of ["G", "H", "I"]) {
          const formula = (sheet.getCell(`${column}${below}`).value as { formula: string }).formula;
          sheet.getCell(`${column}${row}`).value = {
            formula: formula.replace(new RegExp(`([A-I])${below}\\b`, "g"), `$1${row}`),
          };
        }
      },
    };
  });
  it("an inserted line, recalculated: the new line is reported as added", async () => {
    const row = at.row("svc-linkage");
    const xlsx = await insertedLine();
    expect(notPrinciples(await auditXlsx(xlsx))).toEqual([
      {
        check: "line-extra",
        sheet: SHEET,
        cell: `A${row}`,
        expected: "no such line",
        found: "svc-extra",
      },
    ]);
  });

  const changedUse = tamperedAndRecalculated("changed-use", (at) => {
    const use = at.names.get("NHSDP_Use")!;
    const basis = use.replace(/^C/, "D");
    return {
      edit: (sheet) => {
        sheet.getCell(use).value = "non-commercial";
        sheet.getCell(basis).value = "Non-commercial: charged at full cost";
      },
    };
  });
  it("a use changed to non-commercial with the basis text typed over: both reported", async () => {
    const use = at.names.get("NHSDP_Use")!;
    const basis = use.replace(/^C/, "D");
    const xlsx = await changedUse();
    expect(notPrinciples(await auditXlsx(xlsx))).toEqual([
      {
        check: "input-changed",
        sheet: SHEET,
        cell: use,
        expected: '"commercial"',
        found: '"non-commercial"',
      },
      {
        check: "pricing-basis",
        sheet: SHEET,
        cell: basis,
        expected: "Non-commercial: charged at marginal cost",
        found: "Non-commercial: charged at full cost",
      },
      expect.objectContaining({ check: "formula-replaced", cell: basis }),
    ]);
  });
});
