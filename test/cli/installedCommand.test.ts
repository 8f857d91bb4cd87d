/**
 * `nhsdp` as a user gets it: `npx nhsdp` inside the clone after `npm install` (npm links the command to
 * the built file, which must be executable: npm links it before `prepare` builds it, so the build marks
 * it), and, for use anywhere, the packed package installed as the README says. `npm test` builds
 * first, so dist/ is this checkout's.
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { VERSION } from "../../src/model/version";
import { installPackedCommand, ROOT, type Installed } from "../support/installedNhsdp";

const COMMAND = path.join(ROOT, "dist", "cli", "nhsdp.js");

it("the built command is executable by its owner, group and others", () => {
  expect((fs.statSync(COMMAND).mode & 0o111).toString(8)).toBe("111");
});

it("runs as `npx nhsdp`, and a quote works", () => {
  const version = execFileSync("npx", ["--no-install", "nhsdp", "--version"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(version.trim()).toBe(VERSION);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-npx-"));
  try {
    const stdout = execFileSync(
      "npx",
      [
        "--no-install",
        "nhsdp",
        "quote",
        // A draft: the command checks as of today, and an issued example's validity has passed.
        "examples/academic-sde-study.json",
        "-o",
        path.join(out, "q.xlsx"),
      ],
      { cwd: ROOT, encoding: "utf8" }
    );
    expect(stdout).toMatch(/q\.xlsx/);
    expect(fs.statSync(path.join(out, "q.xlsx")).size).toBeGreaterThan(1000);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 60_000);

it("the built command is self-contained: copied alone to a folder with no node_modules, it prices a quote", () => {
  const alone = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-alone-"));
  try {
    fs.copyFileSync(COMMAND, path.join(alone, "nhsdp.js"));
    fs.copyFileSync(
      path.join(ROOT, "examples", "academic-sde-study.json"),
      path.join(alone, "study.json")
    );
    const result = spawnSync(
      process.execPath,
      ["nhsdp.js", "quote", "study.json", "-o", "q.xlsx"],
      {
        cwd: alone,
        encoding: "utf8",
        // Nothing to find modules in but the folder itself.
        env: { PATH: process.env.PATH, NODE_PATH: "" },
      }
    );
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/^Wrote q\.xlsx: total £/);
  } finally {
    fs.rmSync(alone, { recursive: true, force: true });
  }
}, 60_000);

describe("installed from the packed package, as the README says", () => {
  let installed: Installed;
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-elsewhere-"));
  beforeAll(() => {
    installed = installPackedCommand();
  }, 120_000);
  afterAll(() => {
    installed?.remove();
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  it("packs the command alone, with no dependency to install", () => {
    expect(installed.packed).toEqual(["README.md", "dist/cli/nhsdp.js", "package.json"]);
    const manifest = JSON.parse(
      execFileSync("tar", ["-xOzf", installed.tarball, "package/package.json"], {
        encoding: "utf8",
      })
    ) as { bin: Record<string, string>; dependencies?: Record<string, string> };
    expect(manifest.bin).toEqual({ nhsdp: "dist/cli/nhsdp.js" });
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it("runs from another folder: --version, and a quote of a document there", () => {
    const run = (...args: string[]) =>
      spawnSync(installed.command, args, {
        cwd: elsewhere,
        encoding: "utf8",
        env: { ...process.env, PATH: `${installed.bin}${path.delimiter}${process.env.PATH}` },
      });
    const version = run("--version");
    expect([version.status, version.stdout, version.stderr]).toEqual([0, `${VERSION}\n`, ""]);
    fs.copyFileSync(
      path.join(ROOT, "examples", "academic-sde-study.json"),
      path.join(elsewhere, "study.json")
    );
    const quote = run("quote", "study.json", "-o", "study.xlsx");
    expect([quote.status, quote.stderr]).toEqual([0, ""]);
    expect(quote.stdout).toMatch(/^Wrote study\.xlsx: total £[\d,]+\.\d\d \+ VAT £/);
    expect(fs.statSync(path.join(elsewhere, "study.xlsx")).size).toBeGreaterThan(1000);
  });
});
