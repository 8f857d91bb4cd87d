/**
 * The quote sheet's formulas and the core must agree on every figure to the penny, not only for the
 * examples: random partnerships with realistic decimals (quantities to 0.01, unit costs to 0.0001 of a
 * pound, rates to 0.001) are priced by the core and evaluated from the sheet by HyperFormula, whose
 * ROUND is the literal-minded kind that a naive ROUND(x,2) formula would trip over.
 */
import fc from "fast-check";
import fs from "fs";
import path from "path";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/quote";
import { parsePartnership, type Partnership } from "../../src/document";
import { buildQuoteSheet } from "../../src/sheets/quoteSheet";
import { writeWorkbook } from "../../src/sheets/xlsxWriter";
import { evaluateXlsxWithHyperFormula } from "../support/hyperformula";

const BASE = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, "..", "..", "examples", "commercial-imaging-ai.json"),
    "utf8"
  )
) as Record<string, unknown>;

const decimals = (max: number, places: number) =>
  fc.integer({ min: 0, max: max * 10 ** places }).map((units) => units / 10 ** places);

// Half a penny exactly (x.xx5) is where naive binary rounding goes wrong, so it is drawn often.
const halfPenny = fc.integer({ min: 0, max: 500_000 }).map((pence) => (pence * 10 + 5) / 1000);
const line = fc.record({
  category: fc.constantFrom("services", "data-access-people", "data-access-other"),
  quantity: fc.oneof(decimals(500, 2), fc.constantFrom(1, 3, 7)),
  unitCost: fc.oneof(decimals(5000, 4), halfPenny),
});
const rate = fc.oneof(decimals(1, 3), fc.constantFrom(0, 0.25, 0.2));

const partnership = fc.record({
  use: fc.constantFrom("commercial", "non-commercial"),
  lines: fc.array(line, { minLength: 1, maxLength: 8 }),
  onCostRate: rate,
  overheadRate: rate,
  vatRate: fc.constantFrom(0, 0.05, 0.2),
  fixedShare: decimals(1, 4),
  capitalShare: decimals(1, 4),
});

type RandomPartnership = typeof partnership extends fc.Arbitrary<infer T> ? T : never;

function documentFrom(p: RandomPartnership): Partnership {
  const doc = structuredClone(BASE) as Record<string, unknown> & { costs: Record<string, unknown> };
  doc.use = p.use;
  doc.vatRate = p.vatRate;
  doc.costs = {
    lines: p.lines.map((l, i) => ({
      id: `L${i + 1}`,
      description: `Line ${i + 1}`,
      unit: "unit",
      ...l,
    })),
    onCostRate: p.onCostRate,
    overheadRate: p.overheadRate,
    fixedCosts: { pool: 1_250_000, share: p.fixedShare },
    capitalCosts: { pool: 3_000_000.5, share: p.capitalShare },
  };
  const parsed = parsePartnership(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.document;
}

const pence = (value: unknown): number => Math.round(Number(value) * 100);

it("HyperFormula computes every line, the total and VAT of random quotes exactly as the core does", async () => {
  await fc.assert(
    fc.asyncProperty(partnership, async (p) => {
      const doc = documentFrom(p);
      const quote = priceQuote(doc);
      const sheet = buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), {
        generatedAt: new Date("2026-11-22T10:00:00Z"),
      });
      const buffer = await writeWorkbook([sheet]);
      // Each line's amount is in column F of the row whose column A holds its id.
      const amountCells = new Map<string, string>();
      for (const cell of sheet.cells) {
        if (cell.address?.startsWith("A") && cell.value.kind === "text")
          amountCells.set(cell.value.text, `F${cell.address.slice(1)}`);
      }
      const ids = [...quote.lines.map((l) => l.id), ...quote.poolLines.map((l) => l.id)];
      const targets = ids.map((id) => amountCells.get(id) as string);
      const values = await evaluateXlsxWithHyperFormula(buffer, sheet.name, [
        "NHSDP_Total",
        "NHSDP_VAT",
        "NHSDP_TotalIncVAT",
        ...targets,
      ]);
      const core = [...quote.lines, ...quote.poolLines].map((l) => pence(l.amount.toNumber()));
      expect(targets.map((t) => pence(values[t]))).toEqual(core);
      expect(pence(values.NHSDP_Total)).toBe(pence(quote.total.toNumber()));
      expect(pence(values.NHSDP_VAT)).toBe(pence(quote.vat.toNumber()));
      expect(pence(values.NHSDP_TotalIncVAT)).toBe(pence(quote.totalIncVat.toNumber()));
    }),
    {
      numRuns: 40,
      // 7 hours at £120.05 with 25% on-cost and 20% overhead: exactly 1260.525, 1260.5249999999999 in binary.
      examples: [
        // £1.005 is stored as 1.00499999999999989 in binary; exact rounding gives £1.01.
        [
          {
            use: "non-commercial",
            lines: [{ category: "services", quantity: 1, unitCost: 1.005 }],
            onCostRate: 0,
            overheadRate: 0,
            vatRate: 0,
            fixedShare: 0,
            capitalShare: 0,
          },
        ],
        [
          {
            use: "commercial",
            lines: [{ category: "services", quantity: 7, unitCost: 120.05 }],
            onCostRate: 0.25,
            overheadRate: 0.2,
            vatRate: 0.05,
            fixedShare: 0,
            capitalShare: 0,
          },
        ],
      ],
    }
  );
});
