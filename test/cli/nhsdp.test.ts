/**
 * The nhsdp command's contract: what it writes, what it prints, and its exit codes
 * (0 success, 1 findings at error severity, 2 invalid document or usage, 3 an internal error).
 */
import { spawnSync } from "child_process";
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/nhsdp";
import type { PartnershipInput, PricingStrategyInput } from "../../src/document";
import { parsePartnership } from "../../src/document/parse";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");
const EXAMPLE = path.join(EXAMPLES, "commercial-imaging-ai.json");
const V1 = path.join(EXAMPLES, "v1", "commercial-imaging-ai.json");
const INVALID = path.join(EXAMPLES, "invalid", "bad-costs.json");
const STRATEGIES = path.join(EXAMPLES, "strategies");
const NORTHVALE = path.join(STRATEGIES, "northvale-pricing-strategy.json");
const WESTBRIDGE = path.join(STRATEGIES, "westbridge-pricing-strategy.json");
const EASTMERE = path.join(STRATEGIES, "eastmere-pricing-strategy.json");

/**
 * The day the commands run on: while the imaging example (issued 2 June 2025) is still valid, until
 * 29 August 2025, so that the validity check finds nothing unless a test says otherwise.
 */
const TODAY = "2025-07-15T10:30:00Z";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-cli-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    now: () => new Date(TODAY),
  });
  return { code, stdout, stderr };
}

async function runWith(io: Io, ...argv: string[]): Promise<number> {
  return main(argv, { ...io, now: () => new Date(TODAY) });
}

/** A copy of `source` (a partnership unless said otherwise), changed, in the work folder. */
function writeDocument<T = PartnershipInput>(
  name: string,
  change: (doc: T) => void,
  source = EXAMPLE
): string {
  const doc = JSON.parse(fs.readFileSync(source, "utf8")) as T;
  change(doc);
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

function lineOf(doc: PartnershipInput, index: number) {
  const line = doc.costs.lines?.[index];
  if (line === undefined) throw new Error(`the example has no costs.lines[${index}]`);
  return line;
}

function copyOf(source: string, name: string): string {
  const file = path.join(work, name);
  fs.copyFileSync(source, file);
  return file;
}

describe("nhsdp quote --json", () => {
  it("prints the imaging example's figures, worked by hand", async () => {
    const { code, stdout, stderr } = await run("quote", EXAMPLE, "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const figures = JSON.parse(stdout);
    expect(figures).toMatchObject({
      reference: "DP-2025-011",
      use: "commercial",
      basis: "full cost",
      stage: "issued",
      strategy: { id: "R9X-DATA-PRICING", revision: 3 },
      rates: {
        staffOnCostRate: 0.25,
        overheadRate: 0.2,
        fixedCostRecoveryRate: 0.125,
        capitalCostRecoveryRate: 0.06,
      },
      // 6,750 + 5,625 + 3,150 + 1,050.44 + 3,875 + 562.50 + 16,992 + 16,650
      marginalCost: 54654.94,
      // 8,100 + 6,750 + 3,780 + 1,260.53 + 4,650 + 675 + 16,992 + 19,980
      fullCost: 62187.53,
      recoveryBase: 62187.53,
      // 62,187.53 + 7,773.44 + 3,731.25; VAT 14,738.444 -> 14,738.44
      total: 73692.22,
      vat: 14738.44,
      totalIncVat: 88430.66,
      vatRate: 0.2,
      subtotals: {
        services: 18630,
        "data-access-people": 6585.53,
        "data-access-other": 36972,
        fixed: 7773.44,
        capital: 3731.25,
      },
      recoveries: [
        // 62,187.53 x 0.125 = 7,773.44125
        {
          id: "fixed-cost-recovery",
          category: "fixed",
          rate: 0.125,
          base: 62187.53,
          amount: 7773.44,
        },
        // 62,187.53 x 0.06 = 3,731.2518
        {
          id: "capital-cost-recovery",
          category: "capital",
          rate: 0.06,
          base: 62187.53,
          amount: 3731.25,
        },
      ],
      directAllocations: [],
    });
    expect(
      figures.lines.map((l: Record<string, unknown>) => [
        l.id,
        l.kind,
        l.passThrough,
        l.cost,
        l.marginal,
        l.full,
        l.amount,
      ])
    ).toEqual([
      ["svc-deid", "staff", false, 5400, 6750, 8100, 8100], //            12 x 450, x 1.25, x 1.2
      ["svc-labelling", "staff", false, 4500, 5625, 6750, 6750], //       40 x 112.50
      ["svc-linkage", "staff", false, 2520, 3150, 3780, 3780], //         6 x 420
      ["dap-legal", "staff", false, 840.35, 1050.44, 1260.53, 1260.53], // 7 x 120.05; 1,050.4375; 1,260.528
      ["dap-pm", "staff", false, 3100, 3875, 4650, 4650], //              10 x 310
      ["dap-review", "staff", false, 450, 562.5, 675, 675], //            1 x 450
      ["dao-accounts", "non-staff", true, 16992, 16992, 16992, 16992], // 36 x 472, pass-through
      ["dao-compute", "non-staff", false, 16650, 16650, 19980, 19980], // 9 x 1,850, x 1.2
    ]);
    expect(figures.upgrade).toBeUndefined();
  });
});

describe("nhsdp quote -o", () => {
  it("writes the workbook and refuses to overwrite an existing file unless told to", async () => {
    const output = path.join(work, "quote.xlsx");
    const first = await run("quote", EXAMPLE, "-o", output);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`Wrote ${output}: total £73,692.22 + VAT £14,738.44 = £88,430.66\n`);
    expect(fs.readFileSync(output).subarray(0, 2).toString()).toBe("PK");

    fs.writeFileSync(output, "the officer's own work");
    const again = await run("quote", EXAMPLE, "-o", output);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(fs.readFileSync(output, "utf8")).toBe("the officer's own work");

    expect((await run("quote", EXAMPLE, "-o", output, "--force")).code).toBe(0);
    expect(fs.readFileSync(output).subarray(0, 2).toString()).toBe("PK");
  });

  it("takes the trust's strategy to check the quote against", async () => {
    const output = path.join(work, "with-strategy.xlsx");
    const { code } = await run("quote", EXAMPLE, "-o", output, "--strategy", NORTHVALE);
    expect(code).toBe(0);
    expect(fs.existsSync(output)).toBe(true);
  });

  it("reports every invalid field, exits 2 and writes nothing", async () => {
    const output = path.join(work, "invalid.xlsx");
    const { code, stderr, stdout } = await run("quote", INVALID, "-o", output, "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/is not a valid partnership document \(15 problem\(s\)\)/);
    expect(stderr).toMatch(
      /costs\.lines\[1\]\.unitCost: must be a number \(got the text "112\.50"\)/
    );
    expect(stderr).toMatch(/vatRate: is required/);
    expect(stderr.split("\n").filter((line) => line.startsWith("  ")).length).toBe(15);
    expect(fs.existsSync(output)).toBe(false);
  });

  it("says there is nothing to do without -o or --json", async () => {
    const nothing = await run("quote", EXAMPLE);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/nothing to do: give -o <quote.xlsx>.*--json/);
  });
});

describe("nhsdp quote: the internal workbook and the partner copy", () => {
  /** Every text in every cell of every sheet, by sheet name, and the workbook's table names. */
  async function contents(file: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const texts = new Map<string, string[]>();
    const tables: string[] = [];
    workbook.eachSheet((sheet) => {
      const found: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => found.push(String(cell.text))));
      texts.set(sheet.name, found);
      tables.push(...Object.keys((sheet as unknown as { tables: object }).tables ?? {}));
    });
    return { texts, tables };
  }

  it("writes the quote, the findings on their own sheet and the register for the trust", async () => {
    const output = path.join(work, "internal.xlsx");
    expect((await run("quote", EXAMPLE, "-o", output)).code).toBe(0);
    const { texts, tables } = await contents(output);
    expect([...texts.keys()]).toEqual(["Quote DP-2025-011", "Findings DP-2025-011", "Register"]);
    expect(tables).toEqual(["NHSDP_Register"]);
    // The imaging example's one finding (its royalty has no minimum) and where the guide says so.
    const findings = texts.get("Findings DP-2025-011") ?? [];
    expect(findings).toEqual(
      // The field named as the task pane labels it.
      expect.arrayContaining(["WARNING", "Value sharing > Revenue royalty > Annual minimum"])
    );
    expect(findings.join("\n")).toMatch(/CIDC guide, chapter 4: Principle 4/);
    expect((texts.get("Quote DP-2025-011") ?? []).join("\n")).not.toMatch(/WARNING|annual minimum/);
  });

  it("--partner writes the partner's quote and its very hidden record: no findings, no register", async () => {
    const output = path.join(work, "partner.xlsx");
    const result = await run("quote", EXAMPLE, "-o", output, "--partner");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/the partner copy/);
    const { texts, tables } = await contents(output);
    expect([...texts.keys()]).toEqual(["Quote DP-2025-011", "NHSDP record"]);
    expect(tables).toEqual([]);
    const all = (texts.get("Quote DP-2025-011") ?? []).join("\n");
    expect(all).not.toMatch(/WARNING|principle 4|annualMinimum|Findings|Register/);
    expect(all).toMatch(/Total before VAT[^]*73692\.22/);
  });

  it("exits 1 for a quote with an ERROR finding, still writes it marked DRAFT, and prints the errors", async () => {
    const file = writeDocument("exclusive-quote.json", (doc) => (doc.exclusivityRequested = true));
    const output = path.join(work, "exclusive.xlsx");
    const result = await run("quote", file, "-o", output);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /DP-2025-011 has 1 error\(s\) against the NHS principles; .*exclusive\.xlsx is marked DRAFT/
    );
    expect(result.stderr).toMatch(
      /^ERROR exclusivityRequested: .*exclusivity.* \(DHSC principle 3: /m
    );
    const { texts } = await contents(output);
    const quote = (texts.get("Quote DP-2025-011") ?? []).join("\n");
    expect(quote).toMatch(
      /DRAFT, NOT FOR SENDING: the partnership has 1 error against the NHS principles/
    );
    // The clean example carries no such mark.
    const clean = path.join(work, "clean.xlsx");
    await run("quote", EXAMPLE, "-o", clean);
    expect(((await contents(clean)).texts.get("Quote DP-2025-011") ?? []).join("\n")).not.toMatch(
      /DRAFT/
    );
  });

  it("refuses --partner while any finding is an ERROR, naming the count and how to see them, and writes nothing", async () => {
    const file = writeDocument(
      "exclusive-partner.json",
      (doc) => (doc.exclusivityRequested = true)
    );
    const output = path.join(work, "exclusive-partner.xlsx");
    const result = await run("quote", file, "-o", output, "--partner");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `nhsdp: the partner copy is not written: DP-2025-011 has 1 error finding against the NHS principles; see it with nhsdp check ${file}, fix it, or give --allow-errors to write it marked DRAFT\n`
    );
    expect(fs.existsSync(output)).toBe(false);
    // With the strategy given, the way to see them says so too.
    const withStrategy = await run(
      "quote",
      file,
      "-o",
      output,
      "--partner",
      "--strategy",
      NORTHVALE
    );
    expect(withStrategy.code).toBe(2);
    expect(withStrategy.stderr).toMatch(
      new RegExp(
        `see it with nhsdp check .*exclusive-partner\\.json --strategy .*northvale-pricing-strategy\\.json,`
      )
    );
  });

  it("--allow-errors writes the partner copy anyway, marked DRAFT, and still exits 1", async () => {
    const file = writeDocument(
      "exclusive-allowed.json",
      (doc) => (doc.exclusivityRequested = true)
    );
    const output = path.join(work, "exclusive-allowed.xlsx");
    const result = await run("quote", file, "-o", output, "--partner", "--allow-errors");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/has 1 error\(s\) against the NHS principles; .*is marked DRAFT/);
    const { texts } = await contents(output);
    expect([...texts.keys()]).toEqual(["Quote DP-2025-011", "NHSDP record"]);
    expect((texts.get("Quote DP-2025-011") ?? []).join("\n")).toMatch(/DRAFT: not an offer/);
    // --force only replaces the file: it does not let errors through.
    const forced = await run("quote", file, "-o", output, "--partner", "--force");
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/the partner copy is not written/);
    // Without --partner there is nothing for it to allow.
    const alone = await run("quote", file, "-o", path.join(work, "x.xlsx"), "--allow-errors");
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--allow-errors is for the partner copy: give --partner too/);
  });

  it("checks the quote's validity as of the day it runs, and writes dates out in the sheets", async () => {
    const late = async (...argv: string[]) => {
      let stderr = "";
      let stdout = "";
      const code = await main(argv, {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        now: () => new Date("2025-08-30T09:00:00Z"),
      });
      return { code, stdout, stderr };
    };
    const check = await late("check", EXAMPLE);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /^ERROR quote\.validUntil: The quote was valid until 29 August 2025, which has passed, and the partner has not accepted it.* \(DHSC principle 2: /m
    );
    // While it is still valid, it is clean: on its last valid day, and on the day given by --as-of.
    expect((await run("check", EXAMPLE)).code).toBe(0);
    expect((await late("check", EXAMPLE, "--as-of", "2025-08-29")).code).toBe(0);
    const later = await run("check", EXAMPLE, "--as-of", "2025-08-30", "--json");
    expect(later.code).toBe(1);
    // The JSON keeps the finding's message as written, with the date in words.
    expect(JSON.parse(later.stdout).findings).toEqual([
      expect.objectContaining({
        ruleId: "quote-still-valid",
        severity: "error",
        field: "quote.validUntil",
        message: expect.stringMatching(
          /^The quote was valid until 29 August 2025, which has passed/
        ),
      }),
      expect.objectContaining({ ruleId: "per-meeting-fee", severity: "warning" }),
      expect.objectContaining({ ruleId: "royalty-minimum", severity: "warning" }),
    ]);
    for (const bad of ["2025-02-29", "29/08/2025", "2025-08-29T10:00"]) {
      const refused = await run("check", EXAMPLE, "--as-of", bad);
      expect([refused.code, refused.stderr]).toEqual([
        2,
        `nhsdp: --as-of ${bad} is not a date: give the day to check on as YYYY-MM-DD (for example 2025-08-29)\n`,
      ]);
    }
    const partner = await late("quote", EXAMPLE, "-o", path.join(work, "late.xlsx"), "--partner");
    expect(partner.code).toBe(2);
    expect(partner.stderr).toMatch(/DP-2025-011 has 1 error finding against the NHS principles/);

    const output = path.join(work, "dates.xlsx");
    expect((await run("quote", EXAMPLE, "-o", output)).code).toBe(0);
    const { texts } = await contents(output);
    const quote = (texts.get("Quote DP-2025-011") ?? []).join("\n");
    expect(quote).toMatch(/Generated 15 July 2025 at 10:30 UTC by NHS Data Partnership Pricing/);
    expect(quote).toMatch(/Issued 2 June 2025/);
    const findings = (texts.get("Findings DP-2025-011") ?? []).join("\n");
    expect(findings).toMatch(/generated 15 July 2025 at 10:30 UTC by NHS Data Partnership Pricing/);
    // The quote date and validity are date cells (a serial number), shown written out.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.getWorksheet("Quote DP-2025-011");
    const dated: [string, unknown, string][] = [];
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        if (
          Number(cell.col) === 6 &&
          (cell.value === "Quote date" || cell.value === "Valid until")
        ) {
          const value = row.getCell(8);
          dated.push([String(cell.value), value.value, value.numFmt]);
        }
      })
    );
    expect(dated).toEqual([
      ["Quote date", new Date("2025-06-02T00:00:00Z"), "[$-809]d mmmm yyyy"],
      ["Valid until", new Date("2025-08-29T00:00:00Z"), "[$-809]d mmmm yyyy"],
    ]);
  });

  it("refuses an output that is not an .xlsx file, or --partner with nothing to write", async () => {
    const pdf = path.join(work, "quote.pdf");
    const wrong = await run("quote", EXAMPLE, "-o", pdf);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/quote\.pdf must end in \.xlsx/);
    expect(fs.existsSync(pdf)).toBe(false);
    const partner = await run("quote", EXAMPLE, "--partner", "--json");
    expect(partner.code).toBe(2);
    expect(partner.stderr).toMatch(/--partner .* give -o/);
  });
});

describe("reading documents", () => {
  it("reads a file saved with a UTF-8 byte order mark", async () => {
    const file = path.join(work, "bom.json");
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(EXAMPLE, "utf8")}`);
    const { code, stdout } = await run("quote", file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).total).toBe(73692.22);
    expect((await run("check", file)).code).toBe(0);
  });

  it("reports malformed JSON with its line and column", async () => {
    const file = path.join(work, "malformed.json");
    // A comma is missing at the end of line 2, so line 3's field name is where it goes wrong.
    fs.writeFileSync(file, '{\n  "format": "nhsdp.partnership"\n  "version": 2\n}\n');
    const { code, stderr, stdout } = await run("quote", file, "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/is not valid JSON: a comma was expected at line 3, column 3/);
    const trailing = path.join(work, "trailing.json");
    fs.writeFileSync(trailing, '{\n  "format": "nhsdp.partnership",\n}\n');
    expect((await run("check", trailing)).stderr).toMatch(/at line 3, column 1/);
  });

  it("says when there is no such file, in words rather than an error code", async () => {
    const missing = path.join(work, "missing.json");
    const { code, stderr } = await run("quote", missing, "--json");
    expect(code).toBe(2);
    expect(stderr).toBe(`nhsdp: cannot read ${missing}: there is no such file\n`);
    expect(stderr).not.toMatch(/ENOENT/);
  });

  it("says when the document is a folder", async () => {
    const folder = path.join(work, "a-folder.json");
    fs.mkdirSync(folder);
    const { code, stderr } = await run("check", folder);
    expect(code).toBe(2);
    expect(stderr).toBe(`nhsdp: cannot read ${folder}: it is a folder, not a document\n`);
    expect(stderr).not.toMatch(/EISDIR/);
  });
});

describe("nhsdp quote, awkward but valid input", () => {
  it("quotes a document with very long text and the longest reference", async () => {
    const file = writeDocument("long-text.json", (doc) => {
      doc.reference = "R".repeat(64);
      doc.purpose = "A purpose described at great length. ".repeat(100);
      lineOf(doc, 0).description = "x".repeat(2000);
    });
    const output = path.join(work, "long-text.xlsx");
    const { code, stderr } = await run("quote", file, "-o", output);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(fs.existsSync(output)).toBe(true);
  });

  it("refuses a quote line above the limit with exit 2 and the line's path", async () => {
    const file = writeDocument("huge.json", (doc) => {
      // 1,000,000 days x £1,000 = £1,000,000,000
      Object.assign(lineOf(doc, 2), { quantity: 1_000_000, unitCost: 1_000 });
    });
    const { code, stderr, stdout } = await run("quote", file, "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^nhsdp: costs\.lines\[2\]: comes to £1,000,000,000\.00, above the £50,000,000\.00/
    );
  });

  it("says why it cannot write, exits 2 and leaves nothing behind", async () => {
    const folder = path.join(work, "a-folder.xlsx");
    fs.mkdirSync(folder);
    const intoFolder = await run("quote", EXAMPLE, "-o", folder, "--force");
    expect(intoFolder.code).toBe(2);
    expect(intoFolder.stderr).toMatch(/cannot write .*a-folder\.xlsx/);
    const missing = await run("quote", EXAMPLE, "-o", path.join(work, "no-such-folder", "q.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/folder does not exist/);
    expect(fs.readdirSync(work).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("nhsdp check", () => {
  const TRUSTS: [string, string][] = [
    ["academic-sde-study.json", NORTHVALE],
    ["commercial-imaging-ai.json", NORTHVALE],
    ["commercial-rwe-milestones.json", WESTBRIDGE],
    ["sme-subscription.json", EASTMERE],
  ];

  it.each(TRUSTS)("exits 0 for %s, alone and with its trust's strategy", async (file, strategy) => {
    const document = path.join(EXAMPLES, file);
    const alone = await run("check", document);
    expect([alone.code, alone.stderr]).toEqual([0, ""]);
    const withStrategy = await run("check", document, "--strategy", strategy, "--json");
    expect([withStrategy.code, withStrategy.stderr]).toEqual([0, ""]);
    const { findings } = JSON.parse(withStrategy.stdout) as { findings: { severity: string }[] };
    expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("exits 1 when the quote was priced with another trust's strategy, and says so", async () => {
    const { code, stdout } = await run("check", EXAMPLE, "--strategy", WESTBRIDGE);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^ERROR pricing\.strategy\.id: The quote was priced with the pricing strategy "R9X-DATA-PRICING", but the trust's strategy is "RWB-DATA-2025"/m
    );
  });

  it("exits 1 when a principle is broken, and says which", async () => {
    const file = writeDocument("exclusive.json", (doc) => (doc.exclusivityRequested = true));
    const { code, stdout } = await run("check", file, "--json");
    expect(code).toBe(1);
    const { findings } = JSON.parse(stdout) as {
      findings: { severity: string; principle: string }[];
    };
    expect(findings).toContainEqual(
      expect.objectContaining({ severity: "error", principle: "DHSC principle 3" })
    );
  });

  it("exits 2 for an invalid document", async () => {
    const { code, stderr } = await run("check", INVALID);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a valid partnership document/);
  });

  it("checks a strategy file: prints its summary and exits 0", async () => {
    const text = await run("check", NORTHVALE);
    expect([text.code, text.stderr]).toEqual([0, ""]);
    expect(text.stdout.split("\n")).toEqual([
      expect.stringMatching(/^R9X-DATA-PRICING revision 3: the pricing strategy of Northvale/),
      "  staff on-cost rate: 25% on staff time only, 6 staff grade(s)",
      expect.stringMatching(/^ {2}overhead rate: 20% on commercial use/),
      expect.stringMatching(
        /^ {2}recovery base: £1,200,000\.00 = commercial full cost £840,000\.00 \+ non-commercial marginal cost £360,000\.00 /
      ),
      expect.stringMatching(
        /^ {2}fixed-cost recovery rate: 12\.5% = £150,000\.00 \/ £1,200,000\.00/
      ),
      expect.stringMatching(
        /^ {2}capital-cost recovery rate: 6% = \(£61,500\.00 \+ 3\.5% cost of capital x £300,000\.00 = £10,500\.00\) \/ £1,200,000\.00/
      ),
      "  standard items: 6 (5 passed on at a published price)",
      "",
    ]);
    const json = await run("check", WESTBRIDGE, "--json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: "RWB-DATA-2025",
      revision: 1,
      valid: true,
      summary: expect.arrayContaining([
        expect.stringMatching(/fixed-cost recovery rate: 10%, as stated/),
      ]),
    });
  });

  it("warns of a strategy rate typed as a percentage, naming its field, and still exits 0", async () => {
    const file = writeDocument<PricingStrategyInput>(
      "percent-strategy.json",
      (strategy) => (strategy.overhead.rate = 22),
      NORTHVALE
    );
    const text = await run("check", file);
    expect([text.code, text.stderr]).toEqual([0, ""]);
    expect(text.stdout).toMatch(/^ {2}overhead rate: 2200% on commercial use/m);
    expect(text.stdout).toMatch(
      /^WARNING overhead\.rate: The overhead rate is 2200%; if you meant 22%, enter 0\.22 in overhead\.rate\. .* \(Commercial principle 1: CIDC guide, chapter 4: Principle 1 .*\)$/m
    );
    const json = await run("check", file, "--json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).findings).toEqual([
      expect.objectContaining({
        ruleId: "rate-as-decimal",
        severity: "warning",
        field: "overhead.rate",
      }),
    ]);
    // A plausible strategy has no findings, and prints none.
    expect(JSON.parse((await run("check", NORTHVALE, "--json")).stdout).findings).toEqual([]);
  });

  it("exits 2 for an invalid strategy, naming every problem by its path", async () => {
    const file = writeDocument<PricingStrategyInput>(
      "bad-strategy.json",
      (strategy) => {
        strategy.staffTime.onCostRate = -0.25;
        strategy.approvedOn = "2025-05-01"; // after it took effect on 2025-04-01
        Reflect.deleteProperty(strategy.overhead, "covers");
      },
      NORTHVALE
    );
    const { code, stderr, stdout } = await run("check", file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/is not a valid pricing strategy \(3 problem\(s\)\)/);
    expect(stderr).toMatch(/^ {2}staffTime\.onCostRate: must not be negative/m);
    expect(stderr).toMatch(/^ {2}overhead\.covers: is required/m);
    expect(stderr).toMatch(
      /^ {2}approvedOn: is 2025-05-01, after the strategy took effect \(2025-04-01\)/m
    );
    // The same strategy given to check a partnership is refused the same way.
    const against = await run("check", EXAMPLE, "--strategy", file);
    expect(against.code).toBe(2);
    expect(against.stderr).toMatch(/staffTime\.onCostRate/);
  });

  it("exits 2 when a partnership is given as the strategy", async () => {
    const { code, stderr } = await run("check", EXAMPLE, "--strategy", EXAMPLE);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /is a partnership document; --strategy takes the trust's pricing strategy/
    );
    const quote = await run("quote", EXAMPLE, "--json", "--strategy", EXAMPLE);
    expect(quote.code).toBe(2);
    expect(quote.stdout).toBe("");
  });

  it("exits 2 when a strategy is checked against a strategy", async () => {
    const { code, stderr } = await run("check", NORTHVALE, "--strategy", WESTBRIDGE);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is a pricing strategy; --strategy is for checking a partnership/);
  });
});

describe("a version-1 document", () => {
  const PRICE_CHANGE = [
    "DP-2025-011 is a version-1 document, read as version 2. Its price changes from £98,678.53 to £85,517.50 ex VAT (-£13,161.03):",
    // 36 x 472 = 16,992 x 1.25 x 1.2 = 25,488 before; 16,992 x 1.2 = 20,390.40 after
    expect.stringMatching(
      /^ {2}dao-accounts: £25,488\.00 -> £20,390\.40 \(-£5,097\.60\): a non-staff line/
    ),
    // 9 x 1,850 = 16,650 x 1.5 = 24,975 before; 16,650 x 1.2 = 19,980 after
    expect.stringMatching(
      /^ {2}dao-compute: £24,975\.00 -> £19,980\.00 \(-£4,995\.00\): a non-staff line/
    ),
    // 12,500 before; 65,585.93 x 0.1652 = 10,834.795636 -> 10,834.80 after
    expect.stringMatching(/^ {2}fixed-cost-recovery: £12,500\.00 -> £10,834\.80 \(-£1,665\.20\): /),
    // 10,500 before; 65,585.93 x 0.1387 = 9,096.768491 -> 9,096.77 after
    expect.stringMatching(
      /^ {2}capital-cost-recovery: £10,500\.00 -> £9,096\.77 \(-£1,403\.23\): /
    ),
    expect.stringMatching(/^ {2}Note: /),
    expect.stringMatching(/^ {2}Note: /),
    expect.stringMatching(/^ {2}Note: /),
    "",
  ];

  it("quote prints the price change on stderr, line by line, and --json carries it", async () => {
    const { code, stdout, stderr } = await run("quote", V1, "--json");
    expect(code).toBe(0);
    expect(stderr.split("\n")).toEqual(PRICE_CHANGE);
    // The non-staff lines' -£10,092.60 between them is not a line of its own: each line is reported.
    expect(stderr).not.toMatch(/10,092\.60/);
    const figures = JSON.parse(stdout);
    expect(figures).toMatchObject({
      total: 85517.5,
      vat: 17103.5,
      totalIncVat: 102621,
      stage: "draft",
      strategy: null,
      rates: { fixedCostRecoveryRate: 0.1652, capitalCostRecoveryRate: 0.1387 },
      upgrade: {
        fromVersion: 1,
        // version 1: 75,678.53 of lines + 12,500 + 10,500; VAT 19,735.706 -> 19,735.71
        before: { total: 98678.53, vat: 19735.71, totalIncVat: 118414.24 },
        change: -13161.03,
      },
    });
    expect(
      figures.upgrade.items.map((item: Record<string, unknown>) => [
        item.id,
        item.before,
        item.after,
        item.change,
      ])
    ).toEqual([
      ["dao-accounts", 25488, 20390.4, -5097.6],
      ["dao-compute", 24975, 19980, -4995],
      ["fixed-cost-recovery", 12500, 10834.8, -1665.2],
      ["capital-cost-recovery", 10500, 9096.77, -1403.23],
    ]);
    for (const item of figures.upgrade.items) expect(item.reason).toEqual(expect.any(String));
  });

  it("check prints the price change on stderr too", async () => {
    const { code, stderr } = await run("check", V1);
    expect(code).toBe(0);
    expect(stderr.split("\n")).toEqual(PRICE_CHANGE);
  });

  it("check --json carries the price change too", async () => {
    const { code, stdout } = await run("check", V1, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    // Version 1's £98,678.53 becomes £85,517.50: a change of -£13,161.03.
    expect(report.upgrade).toMatchObject({ fromVersion: 1, change: -13161.03 });
    expect(report.upgrade.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining(["dao-accounts", "dao-compute"])
    );
  });

  it("upgrade writes a version-3 document that prices to the same total", async () => {
    const output = path.join(work, "upgraded.json");
    const { code, stdout, stderr } = await run("upgrade", V1, "-o", output);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `Wrote ${output}: version 3 of DP-2025-011; wrote its JSON Schema beside it, ${path.join(work, "partnership.schema.json")}\n`
    );
    expect(JSON.parse(fs.readFileSync(output, "utf8")).$schema).toBe("./partnership.schema.json");
    expect(fs.readFileSync(path.join(work, "partnership.schema.json"), "utf8")).toBe(
      fs.readFileSync(path.join(ROOT, "schemas", "partnership.schema.json"), "utf8")
    );
    expect(stderr.split("\n")).toEqual(PRICE_CHANGE);
    const written = JSON.parse(fs.readFileSync(output, "utf8"));
    expect(written.version).toBe(3);
    const parsed = parsePartnership(written);
    expect(parsed.ok && parsed.upgradedFrom).toBe(undefined);
    expect(parsed.ok).toBe(true);
    const requoted = await run("quote", output, "--json");
    expect([requoted.code, requoted.stderr]).toEqual([0, ""]);
    expect(JSON.parse(requoted.stdout)).toMatchObject({ total: 85517.5, vat: 17103.5 });
    expect(JSON.parse(requoted.stdout).upgrade).toBeUndefined();
  });

  it("upgrade refuses to overwrite without --force", async () => {
    const output = path.join(work, "taken.json");
    fs.writeFileSync(output, "someone's notes");
    const refused = await run("upgrade", V1, "-o", output);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /taken\.json already exists; choose another name or pass --force/
    );
    expect(fs.readFileSync(output, "utf8")).toBe("someone's notes");
    expect((await run("upgrade", V1, "-o", output, "--force")).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(output, "utf8")).version).toBe(3);
  });

  it("upgrade never writes over the document it reads, even with --force", async () => {
    const input = copyOf(V1, "v1-in-place.json");
    const before = fs.readFileSync(input, "utf8");
    const { code, stderr } = await run("upgrade", input, "-o", input, "--force");
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /write the upgraded document to a new file: the original is kept as it is/
    );
    expect(fs.readFileSync(input, "utf8")).toBe(before);
  });

  it("upgrade of a version-3 document has nothing to do and writes nothing", async () => {
    const output = path.join(work, "not-needed.json");
    const { code, stdout } = await run("upgrade", EXAMPLE, "-o", output);
    expect(code).toBe(0);
    expect(stdout).toBe(`${EXAMPLE} is already a version-3 document; nothing to upgrade\n`);
    expect(fs.existsSync(output)).toBe(false);
  });

  it("upgrade needs -o", async () => {
    expect((await run("upgrade", V1)).code).toBe(2);
  });
});

describe("an older pricing strategy", () => {
  const V1_STRATEGY = path.join(EXAMPLES, "v1", "northvale-pricing-strategy.json");
  // The version-1 strategy spreads both pools over one £10,000,000 base: 1,250,000 / 10,000,000 =
  // 12.5% and 600,000 / 10,000,000 = 6%, the rates version 3 must keep.
  const ASSUMED = [
    `${V1_STRATEGY} is a version-1 pricing strategy, read as version 3; every rate is kept:`,
    expect.stringMatching(
      /^ {2}- The recovery base was one figure, £10,000,000\.00; it is read as the forecast full cost of commercial work/
    ),
    expect.stringMatching(/^ {2}- Pass-through charges stay in the recovery base/),
  ];

  it("check says what reading it assumed, and how to write it as version 3", async () => {
    const { code, stdout, stderr } = await run("check", V1_STRATEGY);
    expect(code).toBe(0);
    expect(stderr.split("\n")).toEqual([
      ...ASSUMED,
      `  Write it as version 3 with: nhsdp upgrade ${V1_STRATEGY} -o <new file>`,
      "",
    ]);
    expect(stdout).toMatch(/fixed-cost recovery rate: 12\.5% = £1,250,000\.00 \/ £10,000,000\.00/);
    expect(stdout).toMatch(/capital-cost recovery rate: 6% = £600,000\.00 \/ £10,000,000\.00/);
  });

  it("check --json carries the notes", async () => {
    const report = JSON.parse((await run("check", V1_STRATEGY, "--json")).stdout);
    expect(report.upgrade).toEqual({
      fromVersion: 1,
      toVersion: 3,
      notes: [
        expect.stringMatching(/^The recovery base was one figure/),
        expect.stringMatching(/^Pass-through charges stay/),
      ],
    });
    const current = JSON.parse((await run("check", NORTHVALE, "--json")).stdout);
    expect(current.upgrade).toBeUndefined();
  });

  it("a partnership checked against it says so too; against a current strategy, nothing", async () => {
    const older = await run("check", EXAMPLE, "--strategy", V1_STRATEGY, "--as-of", "2025-07-01");
    expect(older.stderr.split("\n").slice(0, 3)).toEqual(ASSUMED);
    const current = await run("check", EXAMPLE, "--strategy", NORTHVALE, "--as-of", "2025-07-01");
    expect(current.stderr).toBe("");
  });

  it("upgrade writes it as version 3 with the same rates, then has nothing to do", async () => {
    const output = path.join(work, "strategy-v3.json");
    const { code, stdout, stderr } = await run("upgrade", V1_STRATEGY, "-o", output);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `Wrote ${output}: version 3 of R9X-DATA-PRICING revision 3; wrote its JSON Schema beside it, ${path.join(work, "pricing-strategy.schema.json")}\n`
    );
    expect(JSON.parse(fs.readFileSync(output, "utf8")).$schema).toBe(
      "./pricing-strategy.schema.json"
    );
    expect(stderr.split("\n")).toEqual([...ASSUMED, ""]);
    const written = JSON.parse(fs.readFileSync(output, "utf8"));
    expect(written.version).toBe(3);
    expect(written.recoveryBase).toMatchObject({
      commercialFullCost: 10000000,
      nonCommercialMarginalCost: 0,
      passThrough: "included",
    });
    const rechecked = await run("check", output);
    expect([rechecked.code, rechecked.stderr]).toEqual([0, ""]);
    expect(rechecked.stdout).toMatch(/fixed-cost recovery rate: 12\.5%/);
    const again = await run("upgrade", output, "-o", path.join(work, "strategy-v3-again.json"));
    expect(again.stdout).toBe(`${output} is already a version-3 strategy; nothing to upgrade\n`);
    expect(fs.existsSync(path.join(work, "strategy-v3-again.json"))).toBe(false);
  });
});

describe("nhsdp init and nhsdp schema", () => {
  it("writes a starter strategy and partnership, every field present, each naming its schema written beside it", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(work, "init-")), "new-folder");
    const result = await run("init", "--dir", dir);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout.split("\n")[0]).toBe(`Made the folder ${dir}.`);
    const partnership = JSON.parse(fs.readFileSync(path.join(dir, "partnership.json"), "utf8"));
    const strategy = JSON.parse(fs.readFileSync(path.join(dir, "pricing-strategy.json"), "utf8"));
    // Every field the formats define is there to fill in, the optional ones included, "$schema" first.
    const { partnershipSchema } = await import("../../src/document/schema");
    const { strategySchema } = await import("../../src/document/strategy");
    const fields = (shape: object) => Object.keys(shape).sort();
    expect(Object.keys(partnership).sort()).toEqual(fields(partnershipSchema.shape));
    expect(Object.keys(strategy).sort()).toEqual(fields(strategySchema.shape));
    expect([Object.keys(partnership)[0], partnership.$schema]).toEqual([
      "$schema",
      "./partnership.schema.json",
    ]);
    expect(strategy.$schema).toBe("./pricing-strategy.schema.json");
    for (const name of ["partnership.schema.json", "pricing-strategy.schema.json"])
      expect(fs.readFileSync(path.join(dir, name), "utf8")).toBe(
        fs.readFileSync(path.join(ROOT, "schemas", name), "utf8")
      );
    // Neither is checked or priced while it holds the starter's placeholders.
    const check = await run("check", path.join(dir, "pricing-strategy.json"));
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/still has \d+ placeholders/);
    // A second init replaces nothing.
    fs.writeFileSync(path.join(dir, "partnership.json"), "the officer's own work");
    const again = await run("init", "--dir", dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/pricing-strategy\.json already exists/);
    expect(fs.readFileSync(path.join(dir, "partnership.json"), "utf8")).toBe(
      "the officer's own work"
    );
  });

  it("prints each document's JSON Schema, and names the two it knows", async () => {
    const partnership = await run("schema", "partnership");
    expect(partnership.code).toBe(0);
    expect(JSON.parse(partnership.stdout)).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      required: expect.arrayContaining(["format", "version", "pricing", "costs"]),
    });
    expect(fs.readFileSync(path.join(ROOT, "schemas", "partnership.schema.json"), "utf8")).toBe(
      partnership.stdout
    );
    const unknown = await run("schema", "quote");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"partnership" and for "strategy", not for "quote"/);
  });
});

describe("exit codes", () => {
  it("2 for an unknown command or a missing argument, 0 for --help and --version", async () => {
    expect((await run("price", EXAMPLE)).code).toBe(2);
    expect((await run("quote")).code).toBe(2);
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/quote/);
    expect(help.stdout).toMatch(/upgrade/);
    const version = await run("--version");
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("3 for an internal error, with the stack on stderr", async () => {
    let stderr = "";
    const code = await runWith(
      {
        stdout: () => {
          throw new Error("stdout is gone");
        },
        stderr: (text) => (stderr += text),
      },
      "quote",
      EXAMPLE,
      "--json"
    );
    expect(code).toBe(3);
    expect(stderr).toMatch(/^nhsdp: internal error: Error: stdout is gone/);
  });

  it("the built command returns the same exit codes to the shell", () => {
    const cli = path.join(ROOT, "dist", "cli", "nhsdp.js");
    const shell = (...args: string[]) =>
      spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
    // The built command checks as of the machine's today unless told the day.
    const ok = shell("check", EXAMPLE, "--as-of", "2025-07-15");
    const exclusive = writeDocument(
      "exclusive-shell.json",
      (doc) => (doc.exclusivityRequested = true)
    );
    const findings = shell("check", exclusive);
    const invalid = shell("check", INVALID);
    expect([ok.status, findings.status, invalid.status]).toEqual([0, 1, 2]);
    expect(invalid.stderr).toMatch(/not a valid partnership document/);
    const json = shell("quote", EXAMPLE, "--json", "--as-of", "2025-07-15");
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).total).toBe(73692.22);
  });
});
