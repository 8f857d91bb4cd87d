/*
 * Quote workbooks audited per second by the built `nhsdp audit`, end to end in one process: 200
 * workbooks (every example, internal workbook and partner copy, repeated) written by `nhsdp quote`,
 * then read, checked and reported as JSON. Wall time of the whole command, best of 3 runs.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const WORKBOOKS = 200;

export function measureAudit(root) {
  const cli = path.join(root, "dist", "cli", "nhsdp.js");
  if (!fs.existsSync(cli))
    // Build output goes to stderr so that stdout stays one JSON object.
    execFileSync("npx", ["webpack", "--mode", "production", "--config-name", "cli"], {
      cwd: root,
      stdio: ["ignore", process.stderr, process.stderr],
    });
  const help = execFileSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
  if (!/\baudit\b/.test(help)) return { skipped: "the built nhsdp has no audit command" };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-bench-audit-"));
  try {
    const examples = fs
      .readdirSync(path.join(root, "examples"))
      .filter((file) => file.endsWith(".json"))
      .map((file) => path.join(root, "examples", file));
    const generated = examples.flatMap((example) =>
      ["", "--partner"].map((partner) => {
        const output = path.join(work, `${path.basename(example, ".json")}${partner}.xlsx`);
        // Exit 1 only marks a quote with principle errors; the workbook is still written.
        try {
          execFileSync(
            process.execPath,
            [
              cli,
              "quote",
              example,
              "-o",
              output,
              // Priced as of the example's own quote date, so that a validity date now past does
              // not refuse the partner copy (--partner is refused while an error finding stands).
              "--as-of",
              JSON.parse(fs.readFileSync(example, "utf8")).quote.date,
              ...(partner ? [partner, "--allow-errors"] : []),
            ],
            {
              stdio: "ignore",
            }
          );
        } catch (error) {
          if (error.status !== 1) throw error;
        }
        return output;
      })
    );
    const files = Array.from({ length: WORKBOOKS }, (_, i) => {
      const copy = path.join(work, `audit-${i + 1}.xlsx`);
      fs.copyFileSync(generated[i % generated.length], copy);
      return copy;
    });
    let best = Infinity;
    let report;
    for (let round = 0; round < 3; round++) {
      const started = process.hrtime.bigint();
      let stdout;
      try {
        stdout = execFileSync(process.execPath, [cli, "audit", "--json", ...files], {
          encoding: "utf8",
          maxBuffer: 1 << 28,
        });
      } catch (error) {
        // Exit 1: a principle error in an example; the report is still complete.
        if (error.status !== 1) throw error;
        stdout = error.stdout;
      }
      best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
      report = JSON.parse(stdout);
    }
    const audited = report.workbooks.filter((workbook) => workbook.readable).length;
    if (audited !== WORKBOOKS)
      throw new Error(`only ${audited} of ${WORKBOOKS} workbooks were audited`);
    return {
      workbooks: WORKBOOKS,
      seconds: +best.toFixed(2),
      workbooksPerSecond: +(WORKBOOKS / best).toFixed(1),
      target: "200 workbooks in under 60 seconds",
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
