/**
 * The partner copy as its recipient opens it: one visible sheet that shows what is bought, its price
 * and terms, and none of the trust's internal figures or words; the trust's priced inputs only on a
 * very hidden sheet, which the audit reads. Every internal item is looked for by its own value, taken
 * from the example document and the core's priced quote.
 */
import * as ExcelJS from "exceljs";
import { allFindings, auditXlsx } from "../../src/audit";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { formatPercent, formatPounds } from "../../src/model/format";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { readDefinedNames } from "../../src/workbook/xlsx/xlsxWriter";
import { EXAMPLE_FILES, example } from "../document/fixtures";
import { tamper } from "../audit/tamper";

const GENERATED_AT = new Date("2026-11-23T10:00:00Z");

async function partnerCopy(file: (typeof EXAMPLE_FILES)[number]) {
  const doc = example(file);
  const quote = priceQuote(doc);
  const bytes = Buffer.from(
    await writeQuoteWorkbook(doc, quote, checkPrinciples(doc, quote), {
      generatedAt: GENERATED_AT,
      partner: true,
    })
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { doc, quote, bytes, workbook };
}

/** Every cell of a sheet as the reader sees it: its text, and each number as it is stored. */
function contents(sheet: ExcelJS.Worksheet): {
  texts: string;
  cells: Set<string>;
  numbers: number[];
} {
  const texts: string[] = [];
  const numbers: number[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value;
      if (typeof value === "number") numbers.push(value);
      else if (value !== null && typeof value === "object" && "result" in value) {
        if (typeof value.result === "number") numbers.push(value.result);
      } else texts.push(String(cell.text));
    })
  );
  return { texts: texts.join("\n"), cells: new Set(texts.map((t) => t.trim())), numbers };
}

describe.each(EXAMPLE_FILES.map((file) => [file]))("the partner copy of %s", (file) => {
  let copy: Awaited<ReturnType<typeof partnerCopy>>;
  let shown: ReturnType<typeof contents>;
  beforeAll(async () => {
    copy = await partnerCopy(file);
    shown = contents(copy.workbook.worksheets.find((sheet) => sheet.state === "visible")!);
  });

  it("has one visible sheet, the quote; the priced inputs are on a very hidden sheet", () => {
    expect(copy.workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      [`Quote ${copy.doc.reference}`, "visible"],
      ["NHSDP record", "veryHidden"],
    ]);
  });

  it("shows none of the trust's cost build-up: no marginal or full cost, rates or bases", () => {
    const { doc, quote } = copy;
    // What the partner is shown by right: each line's quantity, unit price and amount, the other
    // charges, the totals, VAT rate and value-sharing payments. An internal figure equal to one of
    // these by coincidence is not a leak.
    const charged = new Set<number>(
      [
        ...quote.lines.flatMap((line) => [line.quantity, line.unitPrice, line.amount]),
        ...quote.recoveries.map((recovery) => recovery.amount),
        ...quote.directAllocations.map((allocation) => allocation.amount),
        quote.total,
        quote.vat,
        quote.totalIncVat,
        quote.vatRate,
      ].map((figure) => figure.toNumber())
    );
    for (const payment of doc.valueSharing.fixedPayment?.instalments ?? [])
      charged.add(payment.amount);
    const internal = [
      ...quote.lines.flatMap((line) => [line.unitCost, line.cost, line.marginal, line.full]),
      quote.rates.staffOnCostRate,
      quote.rates.overheadRate,
      ...quote.recoveries.flatMap((recovery) => [recovery.rate, recovery.base]),
      quote.marginalCost,
      quote.fullCost,
    ]
      .map((figure) => figure.toNumber())
      .filter((figure) => figure !== 0 && !charged.has(figure));
    for (const figure of internal) expect(shown.numbers).not.toContain(figure);
    for (const line of quote.lines) expect(shown.cells).not.toContain(line.id);
    expect(shown.texts).not.toMatch(
      /marginal|full cost|overhead|on-cost|recovery rate|staff time|pass-through|non-staff/i
    );
  });

  it("shows nothing else internal: data rating, governance, probabilities, owner, notes, record", () => {
    const { doc } = copy;
    expect(shown.texts).not.toMatch(
      /High value|Data asset|Intended use|Rarity of the data|Quantity and quality/
    );
    expect(shown.texts).not.toMatch(/due diligence|DPIA|data sharing agreement|in progress/i);
    expect(shown.texts).not.toMatch(/probability|expected year|Inputs as generated|"format"/i);
    for (const milestone of doc.valueSharing.milestones ?? [])
      if (milestone.probability !== 1) {
        expect(shown.numbers).not.toContain(milestone.probability);
        // Nor written out in words: 0.1953 is "19.53%", not preceded by another digit or point.
        const percent = formatPercent(milestone.probability).replace(".", "\\.");
        expect(shown.texts).not.toMatch(new RegExp(`(?<![\\d.])${percent}`));
      }
    for (const internal of [doc.owner, doc.notes, doc.reviewDate, doc.pricing.strategy?.id])
      if (internal !== undefined) expect(shown.texts).not.toContain(internal);
    for (const line of doc.costs.lines)
      for (const id of [line.staffGrade, line.standardItem])
        if (id !== undefined) expect(shown.cells).not.toContain(id);
  });

  it("shows what a quote sent to a partner needs: both parties, the price, terms and acceptance", () => {
    const { doc, quote } = copy;
    for (const expected of [
      doc.trust.name,
      doc.partner.name,
      doc.trust.contact?.name,
      doc.partner.contact?.name,
      doc.trust.vatNumber,
      doc.reference,
      "Total including VAT",
      "Purchase order",
      "Acceptance",
      "Signature",
    ])
      if (expected !== undefined) expect(shown.texts).toContain(expected);
    expect(shown.numbers).toContain(quote.totalIncVat.toNumber());
    for (const line of quote.lines) {
      expect(shown.texts).toContain(line.description);
      expect(shown.numbers).toContain(line.amount.toNumber());
    }
  });
});

describe("the partner copy's figures", () => {
  it("prints each line's unit price as charged: 7 hours of legal advice at £120.05 + 25% + 20%", async () => {
    const { quote } = await partnerCopy("commercial-imaging-ai.json");
    // 120.05 x 1.25 = 150.0625; x 1.2 = 180.075 a hour. The amount is rounded at each step of the
    // trust's quote: 7 x 120.05 = 840.35; x 1.25 = 1,050.4375 -> 1,050.44; x 1.2 = 1,260.528 -> 1,260.53.
    const line = quote.lines.find((each) => each.unitCost.equals(120.05))!;
    expect(line.unitPrice.toString()).toBe("180.075");
    expect(formatPounds(line.amount)).toBe("£1,260.53");
  });

  it("an amount changed on the partner copy is found, with what the trust's inputs give", async () => {
    const { bytes, doc, quote } = await partnerCopy("commercial-imaging-ai.json");
    const names = new Map(
      (await readDefinedNames(bytes)).map((name) => [name.name, name.text.replace(/^.*!|\$/g, "")])
    );
    const [first] = (names.get("NHSDP_PartnerLines") as string).split(":");
    const firstRow = Number(/\d+/.exec(first as string)![0]);
    // The first block row is the category heading; the first line is the row below it.
    const lineRow = firstRow + 1;
    const line = quote.lines[0]!;
    const tampered = await tamper(bytes, {
      edit: (sheet) => (sheet.getCell(`E${lineRow}`).value = line.amount.toNumber() - 100),
    });
    const report = await auditXlsx(tampered);
    const figures = allFindings(report).filter((finding) => finding.check !== "principle");
    expect(figures).toEqual([
      expect.objectContaining({
        check: "input-changed",
        sheet: `Quote ${doc.reference}`,
        cell: `E${lineRow}`,
        expected: formatPounds(line.amount),
        found: formatPounds(line.amount.minus(100)),
      }),
    ]);
  });

  it("a total typed over is reported as a replaced formula", async () => {
    const { bytes } = await partnerCopy("sme-subscription.json");
    const names = new Map(
      (await readDefinedNames(bytes)).map((name) => [name.name, name.text.replace(/^.*!|\$/g, "")])
    );
    const total = names.get("NHSDP_PartnerTotal") as string;
    const tampered = await tamper(bytes, { edit: (sheet) => (sheet.getCell(total).value = 1) });
    const figures = allFindings(await auditXlsx(tampered)).filter(
      (finding) => finding.check !== "principle"
    );
    expect(figures).toEqual([expect.objectContaining({ check: "formula-replaced", cell: total })]);
  });

  it("a unit price finer than a double holds (18 significant digits) still audits clean", async () => {
    const doc = example("commercial-imaging-ai.json");
    // 999,999.9999 x 1.2534 = 1,253,399.99987466; x 1.2345 = 1,547,322.29984526777: 18 significant
    // digits, more than a double keeps; the cell holds the nearest double and the audit must accept it.
    doc.pricing.staffOnCostRate = 0.2534;
    doc.pricing.overheadRate = 0.2345;
    doc.costs.lines = [{ ...doc.costs.lines[0]!, quantity: 1, unitCost: 999999.9999 }];
    const quote = priceQuote(doc);
    expect(quote.lines[0]!.unitPrice.toString()).toBe("1547322.29984526777");
    const bytes = Buffer.from(
      await writeQuoteWorkbook(doc, quote, checkPrinciples(doc, quote), {
        generatedAt: GENERATED_AT,
        partner: true,
      })
    );
    const figures = allFindings(await auditXlsx(bytes)).filter(
      (finding) => finding.check !== "principle"
    );
    expect(figures.map((finding) => finding.check)).toEqual(["partner-copy"]);
  });
});
