/**
 * How a version-1 document's price changes when it is read as version 2 (src/core/pricing/priceChange.ts),
 * worked by hand on the original version-1 imaging document (examples/v1/commercial-imaging-ai.json).
 *
 * Version 1: every line x 1.25 on-cost x 1.2 overhead, rounded once; fixed and capital costs as
 * pool x share. Version 2: on-costs on staff time only (the two data-access-other lines are non-staff),
 * each step rounded, and fixed and capital costs recovered as a rate of the overall full cost, the rate
 * carried over as the share of the cost lines that version 1's pool x share was.
 */
import {
  describePriceChange,
  explainPriceChange,
  type PriceChange,
} from "../../src/core/pricing/priceChange";
import { Decimal } from "../../src/model/decimal";
import { priceQuote } from "../../src/core/pricing/quote";
import { parsePartnership } from "../../src/document/parse";
import type { Partnership, PartnershipV1 } from "../../src/document";
import { readJson } from "../document/fixtures";

const V1_FILE = "v1/commercial-imaging-ai.json";

/** A version-1 document, as written and as upgraded; `change` may edit a fresh copy of the JSON first. */
function readV1(change: (json: PartnershipV1) => void = () => undefined): {
  original: PartnershipV1;
  upgraded: Partnership;
} {
  const json = readJson(V1_FILE) as PartnershipV1;
  change(json);
  const parsed = parsePartnership(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const original = parsed.upgradedFrom?.original;
  if (parsed.upgradedFrom?.version !== 1 || original === undefined)
    throw new Error("expected a version-1 document");
  return { original, upgraded: parsed.document };
}

const money = (change: PriceChange) => ({
  before: [change.before.total, change.before.vat, change.before.totalIncVat].map((d) =>
    d.toFixed(2)
  ),
  after: [change.after.total, change.after.vat, change.after.totalIncVat].map((d) => d.toFixed(2)),
  change: change.change.toFixed(2),
});

describe("the version-1 imaging document", () => {
  const { original, upgraded } = readV1();
  const change = explainPriceChange(original, upgraded);

  test("the upgrade carries the recovery over as version 1's share of the cost lines", () => {
    // Version 1's lines: 8,100 + 6,750 + 3,780 + 1,260.53 + 4,650 + 675 + 25,488 + 24,975 = 75,678.53.
    // Fixed: 1,250,000 x 0.01 = 12,500 = 16.517...% of 75,678.53 -> 0.1652.
    // Capital: 3,000,000 x 0.0035 = 10,500 = 13.874...% of 75,678.53 -> 0.1387.
    expect(upgraded.version).toBe(3);
    expect(upgraded.pricing).toMatchObject({
      staffOnCostRate: 0.25,
      overheadRate: 0.2,
      fixedCostRecoveryRate: 0.1652,
      capitalCostRecoveryRate: 0.1387,
    });
    expect(upgraded.pricing.strategy).toBeUndefined();
    expect(upgraded.quote).toEqual({ stage: "draft", date: "2025-06-02" });
    expect(upgraded.informationGovernance.supplierDueDiligence).toBe("not-started");
    expect(upgraded.costs.lines.map((line) => [line.id, line.kind, line.passThrough])).toEqual([
      ["svc-deid", "staff", false],
      ["svc-labelling", "staff", false],
      ["svc-linkage", "staff", false],
      ["dap-legal", "staff", false],
      ["dap-pm", "staff", false],
      ["dap-review", "staff", false],
      ["dao-accounts", "non-staff", false],
      ["dao-compute", "non-staff", false],
    ]);
  });

  test("the totals before are version 1's arithmetic", () => {
    // 75,678.53 + 12,500 + 10,500 = 98,678.53; VAT 19,735.706 -> 19,735.71
    expect(money(change).before).toEqual(["98678.53", "19735.71", "118414.24"]);
  });

  test("the totals after are version 2's quote", () => {
    // Lines: 75,678.53 - 5,097.60 - 4,995.00 = 65,585.93 (all full cost: commercial).
    // Fixed: 65,585.93 x 0.1652 = 10,834.795636 -> 10,834.80.
    // Capital: 65,585.93 x 0.1387 = 9,096.768491 -> 9,096.77.
    // Total 65,585.93 + 10,834.80 + 9,096.77 = 85,517.50; VAT 17,103.50.
    expect(money(change).after).toEqual(["85517.50", "17103.50", "102621.00"]);
    const quote = priceQuote(upgraded);
    expect(quote.total.toFixed(2)).toBe("85517.50");
    expect(quote.fullCost.toFixed(2)).toBe("65585.93");
    // 85,517.50 - 98,678.53
    expect(money(change).change).toBe("-13161.03");
  });

  test("the two non-staff lines lose their on-costs: -£5,097.60 and -£4,995.00, -£10,092.60 together", () => {
    const lines = change.items.filter((item) => item.id.startsWith("dao-"));
    expect(
      lines.map((item) => [
        item.id,
        item.before.toFixed(2),
        item.after.toFixed(2),
        item.change.toFixed(2),
      ])
    ).toEqual([
      // 36 x 472 = 16,992 x 1.25 x 1.2 = 25,488 before; 16,992 x 1.2 = 20,390.40 after
      ["dao-accounts", "25488.00", "20390.40", "-5097.60"],
      // 9 x 1,850 = 16,650 x 1.25 x 1.2 = 24,975 before; 16,650 x 1.2 = 19,980 after
      ["dao-compute", "24975.00", "19980.00", "-4995.00"],
    ]);
    const together = lines.reduce((sum, item) => sum.plus(item.change), new Decimal(0));
    expect(together.toFixed(2)).toBe("-10092.60");
    for (const item of lines) {
      expect(item.reason).toBe(
        "a non-staff line: employer's on-costs (25%) belong to staff time only, so they no longer apply"
      );
    }
  });

  test("the staff lines do not change", () => {
    const staff = ["svc-deid", "svc-labelling", "svc-linkage", "dap-legal", "dap-pm", "dap-review"];
    expect(change.items.map((item) => item.id)).toEqual([
      "dao-accounts",
      "dao-compute",
      "fixed-cost-recovery",
      "capital-cost-recovery",
    ]);
    // Version 1 rounded once (7 x 120.05 x 1.5 = 1,260.525 -> 1,260.53), version 2 at each step
    // (840.35 x 1.25 = 1,050.4375 -> 1,050.44; x 1.2 = 1,260.528 -> 1,260.53): the same penny.
    const quote = priceQuote(upgraded);
    expect(
      quote.lines.filter((line) => staff.includes(line.id)).map((l) => [l.id, l.amount.toFixed(2)])
    ).toEqual([
      ["svc-deid", "8100.00"],
      ["svc-labelling", "6750.00"],
      ["svc-linkage", "3780.00"],
      ["dap-legal", "1260.53"],
      ["dap-pm", "4650.00"],
      ["dap-review", "675.00"],
    ]);
  });

  test("the fixed and capital recovery change, each with its reason", () => {
    const recoveries = change.items.filter((item) => item.id.endsWith("-recovery"));
    expect(
      recoveries.map((item) => [
        item.id,
        item.before.toFixed(2),
        item.after.toFixed(2),
        item.change.toFixed(2),
      ])
    ).toEqual([
      ["fixed-cost-recovery", "12500.00", "10834.80", "-1665.20"],
      ["capital-cost-recovery", "10500.00", "9096.77", "-1403.23"],
    ]);
    expect(recoveries[0]?.reason).toBe(
      "version 1 charged fixed costs as pool x share (£1,250,000.00 x 1% = £12,500.00, 16.52% of its cost lines, to 0.01%); version 2 recovers 16.52% of the overall full cost, £65,585.93"
    );
    expect(recoveries[1]?.reason).toBe(
      "version 1 charged capital costs as pool x share (£3,000,000.00 x 0.35% = £10,500.00, 13.87% of its cost lines, to 0.01%); version 2 recovers 13.87% of the overall full cost, £65,585.93"
    );
  });

  test("the items account for the whole change", () => {
    // -5,097.60 - 4,995.00 - 1,665.20 - 1,403.23 = -13,161.03
    const sum = change.items.reduce((total, item) => total.plus(item.change), new Decimal(0));
    expect(sum.toFixed(2)).toBe("-13161.03");
    expect(change.reference).toBe("DP-2025-011");
    expect(change.fromVersion).toBe(1);
  });

  test("describePriceChange says the new price and names every changed line", () => {
    const text = describePriceChange(change);
    expect(text[0]).toBe(
      "DP-2025-011 is a version-1 document, read as version 2. Its price changes from £98,678.53 to £85,517.50 ex VAT (-£13,161.03):"
    );
    expect(text.slice(1, 5)).toEqual([
      "  dao-accounts: £25,488.00 -> £20,390.40 (-£5,097.60): a non-staff line: employer's on-costs (25%) belong to staff time only, so they no longer apply",
      "  dao-compute: £24,975.00 -> £19,980.00 (-£4,995.00): a non-staff line: employer's on-costs (25%) belong to staff time only, so they no longer apply",
      expect.stringMatching(
        /^ {2}fixed-cost-recovery: £12,500\.00 -> £10,834\.80 \(-£1,665\.20\): version 1/
      ),
      expect.stringMatching(
        /^ {2}capital-cost-recovery: £10,500\.00 -> £9,096\.77 \(-£1,403\.23\): version 1/
      ),
    ]);
    expect(text.slice(5)).toHaveLength(3);
    for (const note of text.slice(5)) expect(note).toMatch(/^ {2}Note: /);
    expect(text.join("\n")).toMatch(/stage is draft/);
    expect(text.join("\n")).toMatch(/Supplier due diligence is recorded as not started/);
    // Only what changed is listed: no staff line appears.
    expect(text.join("\n")).not.toMatch(/svc-|dap-/);
  });
});

describe("other version-1 documents", () => {
  test("non-commercial: the recovery is a rate of the overall marginal cost", () => {
    const { original, upgraded } = readV1((json) => (json.use = "non-commercial"));
    const change = explainPriceChange(original, upgraded);
    // Version 1, x 1.25 only: 6,750 + 5,625 + 3,150 + 1,050.44 (840.35 x 1.25 = 1,050.4375)
    //   + 3,875 + 562.50 + 21,240 + 20,812.50 = 63,065.44, plus 12,500 + 10,500 = 86,065.44.
    expect(change.before.total.toFixed(2)).toBe("86065.44");
    // Rates: 12,500 / 63,065.44 = 0.19820... -> 0.1982; 10,500 / 63,065.44 = 0.16649... -> 0.1665.
    expect(upgraded.pricing.fixedCostRecoveryRate).toBe(0.1982);
    expect(upgraded.pricing.capitalCostRecoveryRate).toBe(0.1665);
    // Version 2: non-staff lines lose the on-cost: 21,240 -> 16,992 and 20,812.50 -> 16,650.
    // Marginal cost 63,065.44 - 4,248 - 4,162.50 = 54,654.94;
    // fixed 54,654.94 x 0.1982 = 10,832.609108 -> 10,832.61; capital x 0.1665 = 9,100.04751 -> 9,100.05.
    expect(change.items.map((item) => [item.id, item.change.toFixed(2)])).toEqual([
      ["dao-accounts", "-4248.00"],
      ["dao-compute", "-4162.50"],
      ["fixed-cost-recovery", "-1667.39"],
      ["capital-cost-recovery", "-1399.95"],
    ]);
    expect(change.after.total.toFixed(2)).toBe("74587.60"); // 54,654.94 + 10,832.61 + 9,100.05
    expect(change.items[2]?.reason).toMatch(
      /version 2 recovers 19\.82% of the overall marginal cost, £54,654\.94$/
    );
  });

  test("a line whose price moves only because each step is now rounded says so", () => {
    // One staff line, 1 x £0.333, commercial at 25% and 20%, no pools.
    // Version 1: 0.333 x 1.25 x 1.2 = 0.4995 -> 0.50.
    // Version 2: cost 0.333 -> 0.33; x 1.25 = 0.4125 -> 0.41; x 1.2 = 0.492 -> 0.49.
    const { original, upgraded } = readV1((json) => {
      json.costs.lines = [
        {
          id: "svc-deid",
          category: "services",
          description: "Image de-identification",
          quantity: 1,
          unit: "item",
          unitCost: 0.333,
        },
      ];
      json.costs.fixedCosts = { pool: 0, share: 0 };
      json.costs.capitalCosts = { pool: 0, share: 0 };
    });
    const change = explainPriceChange(original, upgraded);
    expect(change.items).toHaveLength(1);
    expect(change.items[0]).toMatchObject({ id: "svc-deid" });
    expect(change.items[0]?.change.toFixed(2)).toBe("-0.01");
    expect(change.items[0]?.reason).toBe(
      "rounded to the penny at each printed step (cost, marginal cost, full cost) instead of once: £0.50 becomes £0.49"
    );
  });

  test("a document whose price does not change says so", () => {
    // Staff lines only with whole-penny costs, and no pools: nothing moves.
    const { original, upgraded } = readV1((json) => {
      json.costs.lines = json.costs.lines.slice(0, 3);
      json.costs.fixedCosts = { pool: 0, share: 0 };
      json.costs.capitalCosts = { pool: 0, share: 0 };
    });
    const change = explainPriceChange(original, upgraded);
    expect(change.items).toEqual([]);
    // 8,100 + 6,750 + 3,780 = 18,630
    expect(change.change.toFixed(2)).toBe("0.00");
    expect(describePriceChange(change)[0]).toBe(
      "DP-2025-011 is a version-1 document, read as version 2. Its price does not change (£18,630.00 ex VAT)."
    );
  });

  test("with no cost lines, the pools cannot be carried over as a share, and the reason says so", () => {
    const { original, upgraded } = readV1((json) => (json.costs.lines = []));
    const change = explainPriceChange(original, upgraded);
    expect(upgraded.pricing.fixedCostRecoveryRate).toBe(0);
    expect(upgraded.pricing.capitalCostRecoveryRate).toBe(0);
    expect(change.items.map((item) => [item.id, item.change.toFixed(2)])).toEqual([
      ["fixed-cost-recovery", "-12500.00"],
      ["capital-cost-recovery", "-10500.00"],
    ]);
    expect(change.items[0]?.reason).toMatch(/there are none$/);
  });
});
