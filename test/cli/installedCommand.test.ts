/**
 * `npx nhsdp` as a user runs it after `npm install`: npm links the command to the built file, which must
 * be executable (npm links it before `prepare` builds it, so the build marks it). `npm test` builds
 * first, so dist/ is this checkout's.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { VERSION } from "../../src/model/version";

const ROOT = path.join(__dirname, "..", "..");
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
