/**
 * The nhsdp command's contract: what it writes, what it prints, and its exit codes
 * (0 success, 1 findings at error severity, 2 invalid document or usage).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/nhsdp";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "commercial-imaging-ai.json");
const INVALID = path.join(ROOT, "examples", "invalid", "bad-costs.json");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-cli-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    now: () => new Date("2026-11-22T10:30:00Z"),
  });
  return { code, stdout, stderr };
}

function writeDocument(name: string, change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(fs.readFileSync(EXAMPLE, "utf8")) as Record<string, unknown>;
  change(doc);
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe("nhsdp quote", () => {
  it("prints the figures as one JSON object, to the penny", async () => {
    const { code, stdout } = await run("quote", EXAMPLE, "--json");
    expect(code).toBe(0);
    const figures = JSON.parse(stdout);
    // The example's figures, worked by hand in test/core/quote.test.ts: 98,678.53 + 20% VAT 19,735.706 -> 19,735.71.
    expect(figures).toMatchObject({ total: 98678.53, vat: 19735.71, totalIncVat: 118414.24 });
    expect(Object.keys(figures.subtotals).sort()).toEqual(
      ["capital", "data-access-other", "data-access-people", "fixed", "services"].sort()
    );
    const sumOfLines = figures.lines.reduce(
      (sum: number, line: { amount: number }) => sum + Math.round(line.amount * 100),
      0
    );
    expect(sumOfLines).toBe(9867853);
  });

  it("writes the workbook and refuses to overwrite an existing file unless told to", async () => {
    const output = path.join(work, "quote.xlsx");
    expect((await run("quote", EXAMPLE, "-o", output)).code).toBe(0);
    const first = fs.readFileSync(output);
    expect(first.subarray(0, 2).toString()).toBe("PK");

    fs.writeFileSync(output, "the officer's own work");
    const again = await run("quote", EXAMPLE, "-o", output);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(fs.readFileSync(output, "utf8")).toBe("the officer's own work");

    expect((await run("quote", EXAMPLE, "-o", output, "--force")).code).toBe(0);
    expect(fs.readFileSync(output).subarray(0, 2).toString()).toBe("PK");
  });

  it("reports every invalid field, exits 2 and writes nothing", async () => {
    const output = path.join(work, "invalid.xlsx");
    const { code, stderr, stdout } = await run("quote", INVALID, "-o", output, "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/costs\.lines\[1\]\.unitCost/);
    expect(stderr).toMatch(/vatRate: is required/);
    expect(stderr.split("\n").filter((line) => line.startsWith("  ")).length).toBe(15);
    expect(fs.existsSync(output)).toBe(false);
  });

  it("exits 2 for a missing file, malformed JSON, or nothing to do", async () => {
    expect((await run("quote", path.join(work, "missing.json"), "--json")).code).toBe(2);
    const malformed = path.join(work, "malformed.json");
    fs.writeFileSync(malformed, "{ not json");
    expect((await run("quote", malformed, "--json")).code).toBe(2);
    const nothing = await run("quote", EXAMPLE);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/-o <quote.xlsx>.*--json/);
  });
});

describe("nhsdp quote, awkward but valid input", () => {
  it("quotes a document with very long text and the longest reference", async () => {
    const file = writeDocument("long-text.json", (doc) => {
      doc.reference = "R".repeat(64);
      doc.purpose = "A purpose described at great length. ".repeat(100);
      const costs = doc.costs as { lines: { description: string }[] };
      (costs.lines[0] as { description: string }).description = "x".repeat(2000);
    });
    const output = path.join(work, "long-text.xlsx");
    const { code, stderr } = await run("quote", file, "-o", output);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(fs.existsSync(output)).toBe(true);
  });

  it("refuses a quote line above the limit with exit 2 and the line's path", async () => {
    const file = writeDocument("huge.json", (doc) => {
      const costs = doc.costs as { lines: { quantity: number; unitCost: number }[] };
      Object.assign(costs.lines[0] as object, { quantity: 1_000_000, unitCost: 1_000 });
    });
    const { code, stderr, stdout } = await run("quote", file, "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/costs\.lines\[0\]: comes to £/);
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
  it("exits 0 with no findings at error severity", async () => {
    const { code, stdout } = await run("check", EXAMPLE);
    expect(code).toBe(0);
    expect(stdout).toMatch(/DP-2025-011/);
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
    expect((await run("check", INVALID)).code).toBe(2);
  });
});

describe("usage", () => {
  it("exits 2 for an unknown command or a missing argument, 0 for --help", async () => {
    expect((await run("price", EXAMPLE)).code).toBe(2);
    expect((await run("quote")).code).toBe(2);
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/quote/);
  });

  it("the built command returns the same exit codes to the shell", () => {
    const cli = path.join(ROOT, "dist", "cli", "nhsdp.js");
    const ok = spawnSync(process.execPath, [cli, "check", EXAMPLE], { encoding: "utf8" });
    const invalid = spawnSync(process.execPath, [cli, "check", INVALID], { encoding: "utf8" });
    const exclusive = writeDocument(
      "exclusive-shell.json",
      (doc) => (doc.exclusivityRequested = true)
    );
    const findings = spawnSync(process.execPath, [cli, "check", exclusive], { encoding: "utf8" });
    expect([ok.status, findings.status, invalid.status]).toEqual([0, 1, 2]);
    expect(invalid.stderr).toMatch(/not a valid partnership document/);
  });
});
