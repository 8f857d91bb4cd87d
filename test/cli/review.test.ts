/**
 * nhsdp review: the strategy's year over the examples (figures worked by hand in
 * test/core/strategyReview.test.ts), its text, its --json and its refusals.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { runReview as run } from "../support/reviewCommand";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const NORTHVALE = path.join(EXAMPLES, "strategies", "northvale-pricing-strategy.json");
const DOCS = [
  "academic-sde-study.json",
  "commercial-imaging-ai.json",
  "commercial-rwe-milestones.json",
  "sme-subscription.json",
].map((file) => path.join(EXAMPLES, file));

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-review-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("nhsdp review", () => {
  test("a short summary: each pool recovered against its amount, the base, the share", async () => {
    const { code, stdout, stderr } = await run(NORTHVALE, ...DOCS);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("R9X-DATA-PRICING revision 3, 2025/26: 2 quote(s)");
    expect(stdout).toContain(
      "Fixed costs: £7,773.44 recovered of £150,000.00, (£142,226.56) under; drafts £3,639.00; next revision needs 241.21% (now 12.5%)"
    );
    expect(stdout).toContain(
      "Capital costs: £3,731.25 recovered of £72,000.00, (£68,268.75) under"
    );
    expect(stdout).toContain("£62,187.53 realised against £1,200,000.00 forecast");
    expect(stdout).toContain("£16,992.00 of £62,187.53 charged (27.32%)");
    // today is 2026-12-02: the academic study's review (2026-12-01) is overdue
    expect(stdout).toContain("DP-2025-007: review was due on 2026-12-01");
    expect(stdout).toContain("Not under this strategy, left out: DP-2025-015, DP-2025-019");
  });

  test("--json: pounds with two decimals, rates as decimals, null where there is no figure", async () => {
    const { code, stdout } = await run(NORTHVALE, ...DOCS, "--json", "--year", "2025/26");
    expect(code).toBe(0);
    const figures = JSON.parse(stdout);
    expect(figures.pools.fixed).toMatchObject({
      poolAmount: 150000,
      recovered: 7773.44,
      overUnder: -142226.56,
      nextRate: 2.4121,
      byStage: { accepted: 0, issued: 7773.44, draft: 3639, declined: 0, withdrawn: 0 },
    });
    expect(figures.pools.capital).toMatchObject({
      annualPool: 61500,
      costOfCapital: 10500,
      poolAmount: 72000,
      nextRate: 1.1578,
    });
    expect(figures.recoveryBase.realised.total).toBe(62187.53);
    expect(figures.passThrough.share).toBe(0.2732);
    const westbridge = path.join(EXAMPLES, "strategies", "westbridge-pricing-strategy.json");
    const stated = JSON.parse((await run(westbridge, ...DOCS, "--json")).stdout);
    expect(stated.pools.fixed).toMatchObject({
      basis: "stated rate",
      poolAmount: null,
      nextRate: null,
    });
  });

  test("-o writes the sheet 'Strategy review', and never over a file without --force", async () => {
    const target = path.join(work, "review.xlsx");
    expect((await run(NORTHVALE, ...DOCS, "-o", target)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Strategy review"]);
    const again = await run(NORTHVALE, ...DOCS, "-o", target);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; choose another name or pass --force/);
  });

  test("a bad file names the file and the field; a bad year or option exits 2", async () => {
    const broken = path.join(work, "broken-strategy.json");
    const json = JSON.parse(fs.readFileSync(NORTHVALE, "utf8"));
    delete json.recoveryBase.description;
    fs.writeFileSync(broken, JSON.stringify(json));
    const bad = await run(broken, ...DOCS);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${broken} is not a valid pricing strategy`);
    expect(bad.stderr).toContain("recoveryBase.description");
    const year = await run(NORTHVALE, ...DOCS, "--year", "2025");
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/--year 2025: must be a financial year written like 2025\/26/);
    expect((await run(NORTHVALE, ...DOCS, "-o", "review.pdf")).code).toBe(2);
    expect((await run(NORTHVALE)).code).toBe(2);
    const swapped = await run(DOCS[0] as string, NORTHVALE);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toMatch(
      /is a partnership document; nhsdp review takes the trust's pricing strategy first/
    );
    const missing = await run(NORTHVALE, path.join(work, "none.json"));
    expect(missing.stderr).toMatch(/cannot read .*none\.json: there is no such file/);
  });
});
