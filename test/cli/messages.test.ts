/**
 * What the built command says when something is wrong, and where: each message a sentence that says
 * what is wrong and what to do, with its exit code (2 for input the command cannot use). Run as a user
 * runs it: node dist/cli/nhsdp.js, in a folder of its own.
 */
import { spawnSync } from "child_process";
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/nhsdp";

const ROOT = path.join(__dirname, "..", "..");
const COMMAND = path.join(ROOT, "dist", "cli", "nhsdp.js");
const EXAMPLE = path.join(ROOT, "examples", "commercial-imaging-ai.json");
const STRATEGY = path.join(ROOT, "examples", "strategies", "northvale-pricing-strategy.json");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-messages-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function nhsdp(...args: string[]) {
  const result = spawnSync(process.execPath, [COMMAND, ...args], { cwd: work, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("init", () => {
  it("makes the folder it is given, says so, and names the files where it put them", () => {
    const result = nhsdp("init", "--dir", "trusts/north");
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Made the folder trusts/north.",
        "Wrote trusts/north/pricing-strategy.json and trusts/north/partnership.json, and the JSON Schemas they name (trusts/north/pricing-strategy.schema.json, trusts/north/partnership.schema.json), with which an editor checks and completes them.",
        "Next:",
        '  1. In both files, write your own figures and text in place of every "REPLACE: ..." value. To list those left:',
        "       nhsdp check trusts/north/pricing-strategy.json",
        "       nhsdp check trusts/north/partnership.json --strategy trusts/north/pricing-strategy.json",
        "  2. Price the partnership and write its quote workbook:",
        "       nhsdp quote trusts/north/partnership.json --strategy trusts/north/pricing-strategy.json -o trusts/north/quote.xlsx",
        "",
      ].join("\n"),
    });
    expect(fs.readdirSync(path.join(work, "trusts", "north")).sort()).toEqual([
      "partnership.json",
      "partnership.schema.json",
      "pricing-strategy.json",
      "pricing-strategy.schema.json",
    ]);
  });

  it("in a folder that exists, says nothing of making it, and refuses to replace a file, naming it", () => {
    fs.mkdirSync(path.join(work, "ours"));
    expect(nhsdp("init", "--dir", "ours").stdout).toMatch(/^Wrote ours\/pricing-strategy\.json/);
    fs.writeFileSync(path.join(work, "ours", "partnership.schema.json"), "edited");
    fs.rmSync(path.join(work, "ours", "pricing-strategy.json"));
    fs.rmSync(path.join(work, "ours", "partnership.json"));
    fs.rmSync(path.join(work, "ours", "pricing-strategy.schema.json"));
    expect(nhsdp("init", "--dir", "ours")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "nhsdp: ours/partnership.schema.json already exists; choose another name or pass --force to replace it\n",
    });
    // Nothing was written: the refusal comes before any file.
    expect(fs.readdirSync(path.join(work, "ours"))).toEqual(["partnership.schema.json"]);
  });

  it("says plainly when --dir names a file", () => {
    fs.writeFileSync(path.join(work, "a-file"), "");
    expect(nhsdp("init", "--dir", "a-file")).toEqual({
      code: 2,
      stdout: "",
      stderr: "nhsdp: cannot write in a-file: it is a file, not a folder\n",
    });
  });
});

describe("placeholders", () => {
  it("quote refuses the starter partnership, naming each placeholder by its path with what goes there", () => {
    nhsdp("init", "--dir", "starter");
    const result = nhsdp("quote", "starter/partnership.json", "-o", "starter/q.xlsx");
    expect([result.code, result.stdout]).toEqual([2, ""]);
    const lines = result.stderr.split("\n");
    expect(lines[0]).toMatch(
      /^nhsdp: starter\/partnership\.json still has \d+ placeholders for your own figures and text\. Write your own in place of each "REPLACE: \.\.\." \(a figure as a number, without the quotes\), or remove an optional part you do not use, then run this again:$/
    );
    expect(lines).toContain(
      "  pricing.staffOnCostRate: the strategy's staff on-cost rate, as nhsdp check prints it for your pricing strategy, a number"
    );
    expect(lines).toContain("  costs.lines[0].quantity: days of analyst time, a number");
    expect(lines).toContain("  trust.name: the trust's name, as its quotes give it");
    expect(fs.existsSync(path.join(work, "starter", "q.xlsx"))).toBe(false);
    // check says the same.
    const check = nhsdp("check", "starter/partnership.json");
    expect([check.code, check.stderr]).toEqual([2, result.stderr]);
  });

  it("a placeholder left in a document the trust has filled in is still refused, alone", () => {
    const doc = JSON.parse(fs.readFileSync(EXAMPLE, "utf8"));
    doc.costs.lines[1].unitCost = "REPLACE: the cost per month";
    fs.writeFileSync(path.join(work, "one-left.json"), JSON.stringify(doc));
    expect(nhsdp("check", "one-left.json")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'nhsdp: one-left.json still has 1 placeholder for your own figures and text. Write your own in place of each "REPLACE: ..." (a figure as a number, without the quotes), or remove an optional part you do not use, then run this again:\n  costs.lines[1].unitCost: the cost per month\n',
    });
  });
});

describe("reading files", () => {
  it("quote of a missing file says the file is missing, before asking for -o", () => {
    expect(nhsdp("quote", "missing.json")).toEqual({
      code: 2,
      stdout: "",
      stderr: "nhsdp: cannot read missing.json: there is no such file\n",
    });
  });

  it("reads UTF-16 (little- and big-endian, as PowerShell 5 writes) and UTF-8 with a byte-order mark", () => {
    const text = fs.readFileSync(EXAMPLE, "utf8");
    const expected = nhsdp("quote", EXAMPLE, "--json", "--as-of", "2025-07-15");
    expect(expected.code).toBe(0);
    const encodings: Record<string, Buffer> = {
      "utf16le.json": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      "utf16be.json": Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        Buffer.from(text, "utf16le").swap16(),
      ]),
      "utf8bom.json": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]),
    };
    for (const [name, bytes] of Object.entries(encodings)) {
      fs.writeFileSync(path.join(work, name), bytes);
      const result = nhsdp("quote", name, "--json", "--as-of", "2025-07-15");
      expect([name, result.code, result.stderr]).toEqual([name, 0, ""]);
      expect(result.stdout).toBe(expected.stdout);
    }
  });

  it("quote given a pricing strategy says which document it is, and where the strategy goes", () => {
    expect(nhsdp("quote", STRATEGY, "-o", "q.xlsx")).toEqual({
      code: 2,
      stdout: "",
      stderr: `nhsdp: ${STRATEGY} is a pricing strategy, not a partnership document: nhsdp quote prices a partnership document, and takes the strategy beside it as --strategy ${STRATEGY} (nhsdp quote <partnership.json> --strategy ${STRATEGY} -o quote.xlsx); to check the strategy itself, run nhsdp check ${STRATEGY}\n`,
    });
  });
});

describe("writing files", () => {
  it("a folder it may not write in: a sentence saying so, and to choose another with -o", async () => {
    // Run as root (as in CI containers) a read-only folder is still writable, so the refusal the
    // system gives an ordinary user is given here.
    const refused = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    const write = jest.spyOn(fs, "writeFileSync").mockImplementation(() => {
      throw refused;
    });
    let stderr = "";
    try {
      const code = await main(["quote", EXAMPLE, "-o", "ro/q.xlsx"], {
        stdout: () => undefined,
        stderr: (text) => (stderr += text),
        now: () => new Date("2025-07-15T10:00:00Z"),
      });
      expect(code).toBe(2);
    } finally {
      write.mockRestore();
    }
    expect(stderr).toBe(
      "nhsdp: cannot write ro/q.xlsx: the folder is read-only or you lack permission to write there; choose another folder with -o\n"
    );
  });

  it("scenario -o says what it wrote, as the other commands do", () => {
    const result = nhsdp("scenario", EXAMPLE, "--trials", "200", "-o", "scenario.xlsx");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe(
      "Wrote scenario.xlsx: the scenario sheet of DP-2025-011"
    );
    expect(fs.statSync(path.join(work, "scenario.xlsx")).size).toBeGreaterThan(1000);
  });
});

describe("check", () => {
  it("leads each finding with what is wrong and where, the guide after it", () => {
    const result = nhsdp("check", EXAMPLE, "--as-of", "2025-07-15");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^WARNING valueSharing\.royalty\.annualMinimum: The royalty has no annual minimum, .* \(Commercial principle 4: CIDC guide, chapter 4: Principle 4; .*\)$/m
    );
  });
});

describe("audit", () => {
  it("a file that is not a workbook: a sentence, no library's words", () => {
    fs.writeFileSync(path.join(work, "notes.xlsx"), "these are my notes");
    expect(nhsdp("audit", "notes.xlsx")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "nhsdp: cannot audit notes.xlsx: it is not an Excel workbook (.xlsx), or it is damaged or cut short: give the quote workbook as nhsdp or the add-in wrote it\n",
    });
  });

  it("a workbook with no quote is not audited, and says why", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Budget").getCell("A1").value = "Budget 2026/27";
    await workbook.xlsx.writeFile(path.join(work, "budget.xlsx"));
    expect(nhsdp("audit", "budget.xlsx")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "nhsdp: cannot audit budget.xlsx: it holds no quote: none of its sheets is a quote sheet nhsdp or the add-in wrote (their names are gone, or it is another workbook); ask the trust for the workbook as generated\n",
    });
  });

  it("an information-governance finding points at the quote sheet's Information governance row", async () => {
    const doc = JSON.parse(fs.readFileSync(EXAMPLE, "utf8"));
    doc.informationGovernance.dataSharingAgreement = "not-started";
    fs.writeFileSync(path.join(work, "ig.json"), JSON.stringify(doc));
    expect(nhsdp("quote", "ig.json", "-o", "ig.xlsx", "--as-of", "2025-07-15").code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(work, "ig.xlsx"));
    const sheet = workbook.getWorksheet("Quote DP-2025-011")!;
    let igRow = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(1).value === "Information governance") igRow = number;
    });
    expect(igRow).toBeGreaterThan(0);
    const audit = nhsdp("audit", "ig.xlsx", "--json");
    const report = JSON.parse(audit.stdout) as {
      workbooks: { quotes: { findings: { cell: string; message: string }[] }[] }[];
    };
    const findings = report.workbooks[0]!.quotes[0]!.findings.filter((finding) =>
      /Data Sharing Agreement/.test(finding.message)
    );
    expect(findings.map((finding) => finding.cell)).toEqual([`B${igRow}`]);
  });
});

describe("--help", () => {
  const COMMANDS = ["quote", "check", "init", "schema", "upgrade", "audit", "scenario", "review"];

  it("ends with examples for the program and for each command, each an nhsdp command line", () => {
    const all = nhsdp("--help");
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(
      /\nExamples:\n {2}# start: a strategy and a partnership to fill in\n {2}nhsdp init --dir my-trust\n/
    );
    for (const command of COMMANDS) {
      const help = nhsdp(command, "--help");
      expect([command, help.code]).toEqual([command, 0]);
      const examples = help.stdout.split("\nExamples:\n")[1] ?? "";
      const lines = examples.trimEnd().split("\n");
      // Each example: a comment saying what it does, then the command line.
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.length % 2).toBe(0);
      lines.forEach((line, i) =>
        expect(line).toMatch(i % 2 === 0 ? /^ {2}# \S/ : new RegExp(`^ {2}nhsdp ${command} \\S`))
      );
    }
  });
});
