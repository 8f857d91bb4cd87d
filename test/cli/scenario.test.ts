/**
 * nhsdp scenario, run through its own registration on a Commander program as nhsdp's main() runs it
 * (the same reader, usage errors and exit codes), and the present values the quote's --json reports
 * for the document's own terms. Expected values are written out from the examples' figures.
 * scenario.engines.test.ts recalculates the workbooks it writes with LibreOffice.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { valueSharingFigures } from "../../src/cli/figures";
import { runScenario as run } from "../support/scenarioCommand";
import { SCENARIO_NAMES } from "../../src/workbook/layouts/scenario/scenarioSheet";
import { readDefinedNames } from "../../src/workbook/xlsx/xlsxWriter";
import { expectRelativelyClose } from "../support/assertions";
import { example } from "../document/fixtures";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const RWE = path.join(EXAMPLES, "commercial-rwe-milestones.json");
const IMAGING = path.join(EXAMPLES, "commercial-imaging-ai.json");
const ACADEMIC = path.join(EXAMPLES, "academic-sde-study.json");
const SME = path.join(EXAMPLES, "sme-subscription.json");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-scenario-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The rwe example's curve: launch in year 9, linear to a £40M peak in year 12, then 10% a year less. */
function rweRevenue(year: number): number {
  if (year < 9) return 0;
  if (year <= 12) return (40e6 * (year - 8)) / 4;
  return 40e6 * 0.9 ** (year - 12);
}

describe("nhsdp scenario --json", () => {
  it("values each mechanism on the Green Book schedule (3.5% a year to year 30), nominal amounts deflated by 2% a year, and the large company's 1% a year risk of not paying", async () => {
    const { code, stdout, stderr } = await run(RWE, "--json", "--trials", "2000");
    expect([code, stderr]).toEqual([0, ""]);
    const figures = JSON.parse(stdout);
    expect(figures.mechanisms.map((m: { id: string }) => m.id)).toEqual([
      "document-fixed",
      "document-milestones",
      "royalty-2pc",
      "subscription-5y",
    ]);
    // The Green Book's rates decline after year 30, so no one nominal rate matches every year.
    expect(figures.priceBasis).toMatchObject({
      kind: "nominal",
      inflation: [0.02],
      equivalentNominalRate: null,
    });
    expect(figures.counterparty).toMatchObject({ defaultRate: 0.01, stated: false });
    // A nominal pound at year t is worth 1 / (1.035 x 1.02)^t today; the partner (a large company,
    // 1% a year by default) is still paying at year t with probability 0.99^t.
    const factor = (t: number) => 1 / (1.035 * 1.02) ** t;
    const [fixed, milestones, royalty, subscription] = figures.mechanisms;
    expect(fixed.presentValue).toBe(30000);
    expect(fixed.riskAdjustedPresentValue).toBe(30000);
    const milestoneValue =
      50000 * 0.63 * 0.99 ** 2 * factor(2) +
      100000 * 0.1953 * 0.99 ** 4 * factor(4) +
      250000 * 0.113274 * 0.99 ** 7 * factor(7) +
      500000 * 0.0962829 * 0.99 ** 8 * factor(8);
    expectRelativelyClose(milestones.riskAdjustedPresentValue, milestoneValue);
    // 2% of revenue for 10 years from launch (years 9 to 18), paid only if the product reaches market;
    // a royalty is paid on sales, whatever the partner's own finances
    let revenueValue = 0;
    for (let year = 9; year <= 18; year++) revenueValue += rweRevenue(year) * factor(year);
    expectRelativelyClose(royalty.presentValue, 0.02 * revenueValue);
    expectRelativelyClose(royalty.riskAdjustedPresentValue, 0.0962829 * 0.02 * revenueValue);
    // 25,000 a year for 5 years in advance, rising 2% a year: the indexation matches the inflation,
    // so in today's prices each fee is 25,000, discounted at the real 3.5%
    let subscriptionValue = 0;
    let subscriptionRiskAdjusted = 0;
    for (let k = 0; k < 5; k++) {
      subscriptionValue += 25000 / 1.035 ** k;
      subscriptionRiskAdjusted += (25000 * 0.99 ** k) / 1.035 ** k;
    }
    expectRelativelyClose(subscription.presentValue, subscriptionValue);
    expectRelativelyClose(subscription.riskAdjustedPresentValue, subscriptionRiskAdjusted);
    expect(figures.breakevenRoyalty.againstMilestones).toBe("document-milestones");
    expectRelativelyClose(
      figures.breakevenRoyalty.rate,
      milestoneValue / (0.0962829 * revenueValue)
    );
    expect(figures.simulation).toMatchObject({
      trials: 2000,
      seed: 2025,
      milestoneDependence: "pipeline",
    });
    expect(figures.simulation.royaltyBeatsMilestones).toMatchObject({
      royaltyId: "royalty-2pc",
      milestonesId: "document-milestones",
    });
  });

  it("values the SME's subscription against the royalty it was offered instead, at a flat 3.5%", async () => {
    const { code, stdout, stderr } = await run(SME, "--json", "--trials", "1000");
    expect([code, stderr]).toEqual([0, ""]);
    const figures = JSON.parse(stdout);
    expect(figures.mechanisms.map((m: { id: string }) => m.id)).toEqual([
      "document-subscription",
      "royalty-5pc",
    ]);
    const [subscription, royalty] = figures.mechanisms;
    // 12,000 a year for 3 years in advance, rising 2% a year, in today's prices (real)
    expect(figures.priceBasis).toEqual({ kind: "real", stated: true });
    expectRelativelyClose(subscription.presentValue, 12000 + 12240 / 1.035 + 12484.8 / 1.035 ** 2);
    // an SME: by default a 10% a year chance of not paying, so fee k is paid with probability 0.9^k
    expect(figures.counterparty).toMatchObject({ defaultRate: 0.1, stated: false });
    expectRelativelyClose(
      subscription.riskAdjustedPresentValue,
      12000 + (12240 * 0.9) / 1.035 + (12484.8 * 0.81) / 1.035 ** 2
    );
    // launch in year 2, a third of the £1.5M peak a year until year 4, then 5% a year less; 5% of it
    // for the 5 years from the launch (years 2 to 6), paid only if the product reaches market (55%)
    const revenue = [0, 500000, 1000000, 1500000, 1425000, 1353750];
    let royaltyValue = 0;
    revenue.forEach((r, i) => (royaltyValue += (0.05 * r) / 1.035 ** (i + 1)));
    expectRelativelyClose(royalty.presentValue, royaltyValue);
    expectRelativelyClose(royalty.riskAdjustedPresentValue, 0.55 * royaltyValue);
    expect(figures.breakevenRoyalty.rate).toBeNull();
    expect(figures.simulation).toMatchObject({ trials: 1000, seed: 19 });
  });

  it("gives no payback when the document states no target, and says so", async () => {
    const json = await run(RWE, "--json", "--trials", "1000");
    expect([json.code, json.stderr]).toEqual([0, ""]);
    const figures = JSON.parse(json.stdout);
    expect(figures.paybackTarget).toBeNull();
    for (const mechanism of figures.mechanisms) expect(mechanism).not.toHaveProperty("paybackYear");
    const { stdout } = await run(RWE, "--trials", "1000");
    expect(stdout).toMatch(
      /^Payback: no target given \(scenarios.paybackTarget\), so none is worked out$/m
    );
    expect(stdout).not.toMatch(/pays back|does not pay back/);
  });

  it("pays back in the year the cumulative risk-adjusted value reaches the stated target", async () => {
    // The SME example with a target of £30,000. Worked from its yearly cash flows at a flat 3.5%:
    //   subscription, 12,000 a year in advance rising 2%, each paid while the SME is (0.9 a year):
    //     year 0: 12,000; year 1: 12,240 x 0.9 / 1.035 = 10,643.48 (cumulative 22,643.48, short);
    //     year 2: 12,484.80 x 0.81 / 1.035^2 = 9,440.22 (cumulative 32,083.70): pays back in year 2
    //   royalty, 5% of revenue x 55% chance of reaching market:
    //     year 1: nothing; year 2: 0.55 x 0.05 x 500,000 / 1.035^2 = 12,835.77 (short);
    //     year 3: 0.55 x 0.05 x 1,000,000 / 1.035^3 = 24,803.42 (cumulative 37,639.20): year 3
    const doc = JSON.parse(fs.readFileSync(SME, "utf8"));
    doc.scenarios.paybackTarget = 30000;
    const file = path.join(work, "sme-target.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const json = await run(file, "--json", "--trials", "1000");
    expect([json.code, json.stderr]).toEqual([0, ""]);
    const figures = JSON.parse(json.stdout);
    expect(figures.paybackTarget).toBe(30000);
    const [subscription, royalty] = figures.mechanisms;
    const cumulative = (m: { years: { cumulativeDiscountedExpectedCash: number }[] }) =>
      m.years.map((y) => y.cumulativeDiscountedExpectedCash);
    expectRelativelyClose(cumulative(subscription)[1]!, 12000 + (12240 * 0.9) / 1.035);
    expectRelativelyClose(
      cumulative(subscription)[2]!,
      12000 + (12240 * 0.9) / 1.035 + (12484.8 * 0.81) / 1.035 ** 2
    );
    expectRelativelyClose(cumulative(royalty)[3]!, 13750 / 1.035 ** 2 + 27500 / 1.035 ** 3);
    expect(subscription.paybackYear).toBe(2);
    expect(royalty.paybackYear).toBe(3);
    const { stdout } = await run(file, "--trials", "1000");
    expect(stdout).toMatch(/^Payback target: £30,000\.00 \(scenarios.paybackTarget\)/m);
    expect(stdout).toMatch(/document-subscription .* pays back in year 2$/m);
    expect(stdout).toMatch(/royalty-5pc .* pays back in year 3$/m);
    // Above anything the royalty can reach in the forecast: it never pays back.
    doc.scenarios.paybackTarget = 1e9;
    fs.writeFileSync(file, JSON.stringify(doc));
    const never = JSON.parse((await run(file, "--json", "--trials", "1000")).stdout);
    expect(never.mechanisms.map((m: { paybackYear: unknown }) => m.paybackYear)).toEqual([
      null,
      null,
    ]);
  });

  it("prints the same bytes for the same seed, and other figures for another seed", async () => {
    const first = await run(IMAGING, "--json", "--trials", "3000", "--seed", "11");
    const second = await run(IMAGING, "--json", "--trials", "3000", "--seed", "11");
    const other = await run(IMAGING, "--json", "--trials", "3000", "--seed", "12");
    expect(second.stdout).toBe(first.stdout);
    expect(JSON.parse(other.stdout).simulation).not.toEqual(JSON.parse(first.stdout).simulation);
    expect(JSON.parse(other.stdout).mechanisms).toEqual(JSON.parse(first.stdout).mechanisms);
  });
});

describe("nhsdp scenario", () => {
  it("prints each mechanism's value, the breakeven royalty and the simulation's percentiles", async () => {
    const { code, stdout } = await run(IMAGING, "--trials", "1000");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^DP-.*: value to the NHS of each mechanism/);
    expect(stdout).toMatch(/document-fixed +£49,/);
    expect(stdout).toMatch(/Breakeven royalty against milestones-offer: \d+\.\d\d% of revenue/);
    expect(stdout).toMatch(/Simulation: 1,000 trials, seed 7/);
  });

  it.each([
    [["--trials", "0"], /--trials must be a whole number from 1 to 10,000,000 \(got 0\)/],
    [["--trials", "1.5"], /--trials must be a whole number/],
    [["--seed", "minus"], /--seed must be a whole number from 0 to 2,147,483,647 \(got minus\)/],
  ])("refuses %j, naming the option", async (options, message) => {
    const { code, stderr } = await run(IMAGING, "--json", ...(options as string[]));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("says the document needs a scenarios block", async () => {
    const { code, stderr } = await run(ACADEMIC, "--json");
    expect(code).toBe(2);
    expect(stderr).toMatch(/nhsdp: scenarios: the document has no scenarios block/);
  });

  it("writes the scenario sheet with -o and refuses to replace it without --force", async () => {
    const target = path.join(work, "imaging-scenario.xlsx");
    const written = await run(IMAGING, "-o", target, "--trials", "500");
    expect(written.code).toBe(0);
    const bytes = fs.readFileSync(target);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const names = (await readDefinedNames(bytes)).map((name) => name.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(SCENARIO_NAMES)));

    fs.writeFileSync(target, "keep me");
    const refused = await run(IMAGING, "-o", target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /imaging-scenario\.xlsx already exists; choose another name or pass --force to replace it/
    );
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");

    const forced = await run(IMAGING, "-o", target, "--force", "--trials", "500");
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses an output that is not an .xlsx, writing nothing", async () => {
    const target = path.join(work, "scenario.csv");
    const { code, stderr } = await run(IMAGING, "-o", target);
    expect(code).toBe(2);
    expect(stderr).toMatch(/scenario\.csv: must end in \.xlsx/);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe("the present value of the document's own terms, for the quote's --json", () => {
  it("discounts the fixed instalments by days from the quote date at the scenarios' 3.5%", () => {
    const figures = valueSharingFigures(example("commercial-imaging-ai.json"));
    expect(figures.discount).toEqual({ kind: "flat", rate: 0.035 });
    const fixed = figures.terms[0]!;
    // quote 2025-06-02; 25,000 on 2025-07-01 (29 days) and on 2026-03-31 (302 days)
    expectRelativelyClose(
      fixed.presentValue!,
      25000 / 1.035 ** (29 / 365) + 25000 / 1.035 ** (302 / 365)
    );
    // the royalty: 4% to £5M, 6% above, capped at £750,000, on the forecast, 60% likely
    const revenue = [0, 1.5e6, 4e6, 7.5e6, 9e6, 9.5e6, 9.5e6, 9e6, 8e6, 7e6];
    let royalty = 0;
    revenue.forEach((r, i) => {
      const due = Math.min(750000, 0.04 * Math.min(r, 5e6) + 0.06 * Math.max(0, r - 5e6));
      // launch in year 2, so the 10-year term covers years 2 to 10
      if (i >= 1) royalty += due / 1.035 ** (i + 1);
    });
    expectRelativelyClose(figures.terms[1]!.riskAdjustedPresentValue!, 0.6 * royalty);
    expectRelativelyClose(
      figures.totalRiskAdjustedPresentValue!,
      fixed.riskAdjustedPresentValue! + 0.6 * royalty
    );
  });

  it("uses the Green Book schedule when the document has no scenarios block", () => {
    const figures = valueSharingFigures({
      ...example("sme-subscription.json"),
      scenarios: undefined,
    });
    expect(figures.discount).toEqual({ kind: "green-book" });
    // 12,000 a year for 3 years in advance, rising 2% a year
    expectRelativelyClose(
      figures.terms[0]!.presentValue!,
      12000 + 12240 / 1.035 + 12484.8 / 1.035 ** 2
    );
  });

  it("lists a royalty it cannot value without a revenue forecast, with the reason", () => {
    const doc = example("commercial-imaging-ai.json");
    const figures = valueSharingFigures({ ...doc, scenarios: undefined });
    expect(figures.terms[1]).toMatchObject({
      id: "document-royalty",
      presentValue: null,
      reason: expect.stringContaining("revenue forecast"),
    });
    expect(figures.totalRiskAdjustedPresentValue).toBeNull();
  });

  it("has nothing to value when the document shares no value", () => {
    expect(valueSharingFigures(example("academic-sde-study.json")).terms).toEqual([]);
  });
});

describe("nhsdp scenario over several partnerships", () => {
  it("sets their agreed terms side by side, each worth what its own comparison says", async () => {
    const { code, stdout, stderr } = await run(RWE, IMAGING, SME, "--json");
    expect([code, stderr]).toEqual([0, ""]);
    const { partnerships } = JSON.parse(stdout);
    expect(partnerships.map((p: { reference: string }) => p.reference)).toEqual([
      "DP-2025-015",
      "DP-2025-011",
      "DP-2025-019",
    ]);
    // Each is the sum of its own terms' risk-adjusted values, as one document's comparison gives them
    // (worked by hand for the rwe and sme examples above).
    for (const [file, index] of [
      [RWE, 0],
      [IMAGING, 1],
      [SME, 2],
    ] as const) {
      const one = JSON.parse((await run(file, "--json", "--trials", "100")).stdout);
      const agreed = one.mechanisms
        .filter((m: { fromDocument: boolean }) => m.fromDocument)
        .reduce(
          (sum: number, m: { riskAdjustedPresentValue: number }) =>
            sum + m.riskAdjustedPresentValue,
          0
        );
      expectRelativelyClose(partnerships[index].riskAdjustedPresentValue, agreed, 1e-12);
      expect(partnerships[index].fairShare?.position ?? null).toBe(
        one.fairShare?.offer.position ?? null
      );
    }
    expect(partnerships[0].terms).toEqual(["fixed", "milestones"]);
    expect(partnerships[0].fairShare.position).toBe("below");
    expect(partnerships[2].fairShare).toBeNull();
  });

  it("says in words where each partnership's terms fall, and refuses a sheet for several", async () => {
    const { code, stdout } = await run(RWE, IMAGING);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ {2}DP-2025-015 \(Helix Therapeutics plc, commercial\): fixed payment, milestones; worth £119,658; 3\.50% of the product's profit; a fair share is £270,895 to £677,237: below the range$/m
    );
    const refused = await run(RWE, IMAGING, "-o", path.join(work, "both.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /-o is for one document's scenario sheet and simulation: give one document/
    );
    expect(fs.existsSync(path.join(work, "both.xlsx"))).toBe(false);
  });
});
