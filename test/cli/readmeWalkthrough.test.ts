/**
 * The README's command-line walkthrough, run exactly as written: each line of the block between
 * `<!-- walkthrough:start -->` and `<!-- walkthrough:end -->`, by the shell, in a new empty folder, with
 * `nhsdp` on the PATH as the README's install makes it (the packed package installed into a scratch
 * prefix). A line's exit code is 0 unless the line says `# exit N`. The walkthrough's one step for the
 * user, editing the two files (its comment lines), is done here: each placeholder replaced by the value
 * test/fixtures/walkthrough/filled-in.json gives for its path, and `check` must have named exactly those.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { installPackedCommand, ROOT, type Installed } from "../support/installedNhsdp";

const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const block =
  /<!-- walkthrough:start -->\n```sh\n([\s\S]*?)```\n<!-- walkthrough:end -->/.exec(readme)?.[1] ??
  "";
const lines = block.split("\n").filter((line) => line.trim() !== "");
/** The first comment line is where the user edits the files. */
const editAt = lines.findIndex((line) => line.startsWith("#"));
const before = lines.slice(0, editAt);
const after = lines.slice(editAt).filter((line) => !line.startsWith("#"));

const FILLED = JSON.parse(
  fs.readFileSync(path.join(ROOT, "test", "fixtures", "walkthrough", "filled-in.json"), "utf8")
) as Record<string, Record<string, unknown>>;

/** Sets the value at a path written as `check` names it: `costs.lines[0].quantity`. */
function setAt(document: Record<string, unknown>, at: string, value: unknown): void {
  const keys = at.split(/\.|\[(\d+)\]\.?/).filter((key) => key !== undefined && key !== "");
  const last = keys.pop() as string;
  let parent: Record<string, unknown> = document;
  for (const key of keys) parent = parent[key] as Record<string, unknown>;
  expect(parent[last]).toMatch(/^REPLACE: /);
  parent[last] = value;
}

let installed: Installed;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-walkthrough-"));
beforeAll(() => {
  installed = installPackedCommand();
}, 120_000);
afterAll(() => {
  installed?.remove();
  fs.rmSync(folder, { recursive: true, force: true });
});

function shell(line: string) {
  const result = spawnSync("sh", ["-c", line], {
    cwd: folder,
    encoding: "utf8",
    env: { ...process.env, PATH: `${installed.bin}${path.delimiter}${process.env.PATH}` },
  });
  const expected = Number(/#\s*exit (\d+)/.exec(line)?.[1] ?? 0);
  expect({ line, status: result.status, ...(result.status === expected ? {} : result) }).toEqual({
    line,
    status: expected,
  });
  return result;
}

it("the README has the walkthrough: init and check, the edit, then check and quote", () => {
  expect(before.map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual([
    "nhsdp init",
    "nhsdp check",
  ]);
  expect(after.map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual([
    "nhsdp check",
    "nhsdp check",
    "nhsdp quote",
  ]);
});

it("runs as written in a new folder, and check names every placeholder until the user has replaced it", () => {
  const outputs = before.map(shell);
  // init made the folder it was given, and named the files where it put them.
  const made = /--dir (\S+)/.exec(before[0]!)![1]!;
  expect(outputs[0]!.stdout.split("\n")[0]).toBe(`Made the folder ${made}.`);
  const checked = /^nhsdp check (\S+)/.exec(before[1]!)![1]!;
  expect(outputs[0]!.stdout).toContain(`nhsdp check ${checked}\n`);
  // The check before editing names each placeholder of the strategy by its path, with what goes there.
  const named = outputs[1]!.stderr
    .split("\n")
    .filter((line) => line.startsWith("  "))
    .map((line) => line.trim().split(":")[0]);
  expect(named).toEqual(Object.keys(FILLED[path.basename(checked)]!));
  expect(outputs[1]!.stderr).toMatch(
    new RegExp(
      `^nhsdp: ${checked} still has ${named.length} placeholders for your own figures and text`
    )
  );

  // The user's step: both files filled in.
  for (const [name, values] of Object.entries(FILLED)) {
    const file = path.join(folder, made, name);
    const document = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    for (const [at, value] of Object.entries(values)) setAt(document, at, value);
    expect(JSON.stringify(document)).not.toMatch(/REPLACE/);
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
  }

  const [strategy, partnership, quote] = after.map(shell);
  expect(strategy!.stdout).toMatch(
    /^RQ9-DATA-PRICING revision 1: the pricing strategy of Harbourside NHS Foundation Trust/
  );
  expect(strategy!.stdout).toContain("fixed-cost recovery rate: 10% = £120,000.00 / £1,200,000.00");
  expect(partnership!.stdout).not.toMatch(/^ERROR/m);
  const workbook = /-o (\S+\.xlsx)/.exec(after[2]!)![1]!;
  expect(quote!.stdout).toMatch(
    new RegExp(`^Wrote ${workbook.replace(/\./g, "\\.")}: total £[\\d,]+\\.\\d\\d \\+ VAT £`)
  );
  expect(fs.statSync(path.join(folder, workbook)).size).toBeGreaterThan(1000);
}, 120_000);
