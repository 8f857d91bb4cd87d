/**
 * The quote sheet's formulas and the core must agree on every figure to the penny, not only for the
 * examples: random version-2 partnerships with realistic decimals (quantities to 0.01, unit costs to
 * 0.0001 of a pound, rates to 0.01%), staff and non-staff lines, pass-throughs and direct allocations,
 * commercial and non-commercial, are priced by the core and evaluated from the sheet by HyperFormula,
 * whose ROUND is the literal-minded kind that a naive ROUND(x,2) formula would trip over. Each line's
 * cost, marginal and full cost (columns G, H, I), the category subtotals, the overall costs, the
 * recoveries, the pool subtotals and the named totals are compared.
 */
import fc from "fast-check";
import fs from "fs";
import path from "path";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote, type Quote } from "../../src/core/pricing/quote";
import { COST_CATEGORY_LABELS, parsePartnership, type Partnership } from "../../src/document";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import type { SheetSpec } from "../../src/workbook/spec/spec";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
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
// At most 500 units of about £1,000, with rates up to 100%, 8 lines and two allocations stay under
// the £50,000,000 a quote can carry (500 x 1,000 x 2 x 2 x 8 x 3 + 200,000 < 50,000,000).
const halfPenny = fc.integer({ min: 0, max: 100_000 }).map((pence) => (pence * 10 + 5) / 1000);
const line = fc.record({
  category: fc.constantFrom("services", "data-access-people", "data-access-other"),
  kind: fc.constantFrom(undefined, "staff", "non-staff"),
  passThrough: fc.boolean(),
  quantity: fc.oneof(decimals(500, 2), fc.constantFrom(1, 3, 7)),
  unitCost: fc.oneof(decimals(1000, 4), halfPenny),
});
const rate = fc.oneof(decimals(1, 4), fc.constantFrom(0, 0.25, 0.2, 0.22, 0.125, 0.06));

const partnership = fc.record({
  use: fc.constantFrom("commercial", "non-commercial"),
  lines: fc.array(line, { minLength: 1, maxLength: 8 }),
  staffOnCostRate: rate,
  overheadRate: rate,
  fixedCostRecoveryRate: rate,
  capitalCostRecoveryRate: rate,
  vatRate: fc.constantFrom(0, 0.05, 0.2),
  allocations: fc.array(decimals(100_000, 2), { maxLength: 2 }),
});

type RandomPartnership = typeof partnership extends fc.Arbitrary<infer T> ? T : never;

const STAFF_BY_DEFAULT = new Set(["services", "data-access-people"]);

function documentFrom(p: RandomPartnership): Partnership {
  const doc = structuredClone(BASE);
  doc.use = p.use;
  doc.vatRate = p.vatRate;
  doc.pricing = {
    staffOnCostRate: p.staffOnCostRate,
    overheadRate: p.overheadRate,
    fixedCostRecoveryRate: p.fixedCostRecoveryRate,
    capitalCostRecoveryRate: p.capitalCostRecoveryRate,
  };
  doc.costs = {
    lines: p.lines.map((l, i) => {
      const staff = l.kind === undefined ? STAFF_BY_DEFAULT.has(l.category) : l.kind === "staff";
      return {
        id: `L${i + 1}`,
        category: l.category,
        description: `Line ${i + 1}`,
        quantity: l.quantity,
        unit: "unit",
        unitCost: l.unitCost,
        ...(l.kind === undefined ? {} : { kind: l.kind }),
        // a pass-through is a published charge: non-staff only
        passThrough: l.passThrough && !staff,
      };
    }),
    directAllocations: p.allocations.map((amount, i) => ({
      id: `A${i + 1}`,
      description: `Allocation ${i + 1}`,
      amount,
    })),
  };
  const parsed = parsePartnership(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.document;
}

const pence = (value: unknown): number => Math.round(Number(value) * 100);

/** Row numbers of the cells in column A (ids) and B (labels) of the sheet spec. */
function rowsByText(sheet: SheetSpec): { a: Map<string, number>; b: Map<string, number> } {
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  for (const cell of sheet.cells) {
    if (cell.value.kind !== "text") continue;
    const [column, row] =
      cell.address === undefined
        ? [cell.col, cell.row]
        : [cell.address.charCodeAt(0) - 64, Number(cell.address.slice(1))];
    if (column === 1 && !a.has(cell.value.text)) a.set(cell.value.text, row);
    if (column === 2 && !b.has(cell.value.text)) b.set(cell.value.text, row);
  }
  return { a, b };
}

/** [what, address, the core's pence] for every money figure of the quote. */
function targets(sheet: SheetSpec, quote: Quote): [string, string, number][] {
  const { a, b } = rowsByText(sheet);
  const row = (map: Map<string, number>, key: string) => {
    const found = map.get(key);
    if (found === undefined) throw new Error(`${key} is not on the sheet`);
    return found;
  };
  const out: [string, string, number][] = [];
  for (const l of quote.lines) {
    const r = row(a, l.id);
    out.push([`${l.id} cost`, `G${r}`, pence(l.cost.toNumber())]);
    out.push([`${l.id} marginal`, `H${r}`, pence(l.marginal.toNumber())]);
    out.push([`${l.id} full`, `I${r}`, pence(l.full.toNumber())]);
  }
  for (const category of ["services", "data-access-people", "data-access-other"] as const) {
    const lines = quote.lines.filter((l) => l.category === category);
    if (lines.length === 0) continue;
    const r = row(b, `Subtotal: ${COST_CATEGORY_LABELS[category]}`);
    out.push([
      `${category} marginal`,
      `H${r}`,
      lines.reduce((s, l) => s + pence(l.marginal.toNumber()), 0),
    ]);
    out.push([
      `${category} full`,
      `I${r}`,
      lines.reduce((s, l) => s + pence(l.full.toNumber()), 0),
    ]);
  }
  const overall = row(b, "Overall marginal cost and overall full cost");
  out.push(["overall marginal", `H${overall}`, pence(quote.marginalCost.toNumber())]);
  out.push(["overall full", `I${overall}`, pence(quote.fullCost.toNumber())]);
  for (const r of quote.recoveries)
    out.push([r.id, `I${row(a, r.id)}`, pence(r.amount.toNumber())]);
  for (const d of quote.directAllocations)
    out.push([d.id, `I${row(a, d.id)}`, pence(d.amount.toNumber())]);
  for (const pool of ["fixed", "capital"] as const)
    out.push([
      `${pool} subtotal`,
      `I${row(b, `Subtotal: ${COST_CATEGORY_LABELS[pool]}`)}`,
      pence(quote.subtotals[pool].toNumber()),
    ]);
  return out;
}

it("HyperFormula computes every figure of random quotes exactly as the core does", async () => {
  await fc.assert(
    fc.asyncProperty(partnership, async (p) => {
      const doc = documentFrom(p);
      const quote = priceQuote(doc);
      const sheet = buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), {
        generatedAt: new Date("2026-11-22T10:00:00Z"),
      });
      const buffer = await writeWorkbook([sheet]);
      const figures = targets(sheet, quote);
      const values = await evaluateXlsxWithHyperFormula(buffer, sheet.name, [
        "NHSDP_Total",
        "NHSDP_VAT",
        "NHSDP_TotalIncVAT",
        ...figures.map(([, address]) => address),
      ]);
      expect(figures.map(([what, address]) => [what, pence(values[address])])).toEqual(
        figures.map(([what, , core]) => [what, core])
      );
      expect(pence(values.NHSDP_Total)).toBe(pence(quote.total.toNumber()));
      expect(pence(values.NHSDP_VAT)).toBe(pence(quote.vat.toNumber()));
      expect(pence(values.NHSDP_TotalIncVAT)).toBe(pence(quote.totalIncVat.toNumber()));
    }),
    {
      numRuns: 40,
      examples: [
        // £1.005 is stored as 1.00499999999999989 in binary; exact rounding gives £1.01.
        [
          {
            use: "non-commercial",
            lines: [
              {
                category: "data-access-other",
                kind: undefined,
                passThrough: true,
                quantity: 1,
                unitCost: 1.005,
              },
            ],
            staffOnCostRate: 0,
            overheadRate: 0,
            fixedCostRecoveryRate: 0,
            capitalCostRecoveryRate: 0,
            vatRate: 0,
            allocations: [],
          },
        ],
        // 431,530 hours x £56.66 = 24,450,489.80; x 1.25 = 30,563,112.25; x 1.22 = 37,286,996.945
        // exactly, 37,286,996.944999993 in binary: the sheet must print 37,286,996.95.
        [
          {
            use: "commercial",
            lines: [
              {
                category: "services",
                kind: "staff",
                passThrough: false,
                quantity: 431530,
                unitCost: 56.66,
              },
            ],
            staffOnCostRate: 0.25,
            overheadRate: 0.22,
            fixedCostRecoveryRate: 0,
            capitalCostRecoveryRate: 0,
            vatRate: 0,
            allocations: [],
          },
        ],
        // A pass-through next to a staff line at the half-penny, with recovery on the marginal cost.
        [
          {
            use: "non-commercial",
            lines: [
              {
                category: "data-access-people",
                kind: undefined,
                passThrough: false,
                quantity: 7,
                unitCost: 120.05,
              },
              {
                category: "data-access-other",
                kind: "non-staff",
                passThrough: true,
                quantity: 36,
                unitCost: 472,
              },
            ],
            staffOnCostRate: 0.25,
            overheadRate: 0.2,
            fixedCostRecoveryRate: 0.125,
            capitalCostRecoveryRate: 0.06,
            vatRate: 0.2,
            allocations: [12345.67],
          },
        ],
      ],
    }
  );
});
