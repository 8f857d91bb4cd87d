/*
 * Recalculates an xlsx file with LibreOffice (headless, xlsx → xlsx) and reads the result back with
 * ExcelJS, so tests can check the values a real spreadsheet engine computes from our formulas.
 *
 * LibreOffice does not recalculate xlsx files on load by default ("never recalculate" for Excel 2007+
 * files): it keeps the cached <v> values. Each process therefore gets its own user profile, created
 * with OOXMLRecalcMode = 0 ("always recalculate") in registrymodifications.xcu before the first
 * launch; the profile is private to the process, so parallel Jest workers never share one, and calls
 * within a process are serialised. test/sheets/xlsxWriter.test.ts proves the recalculation happens
 * (a formula written with a wrong cached value comes back corrected).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";

export const LIBREOFFICE_TIMEOUT_MS = 120_000;

const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let profileDir: string | undefined;
let queue: Promise<unknown> = Promise.resolve();

function sofficeBinary(): string {
  return process.env["SOFFICE"] ?? "soffice";
}

/** Whether `soffice` can be run here. */
export function libreOfficeAvailable(): boolean {
  const bin = sofficeBinary();
  if (bin.includes("/")) return fs.existsSync(bin);
  return (process.env["PATH"] ?? "")
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, bin)));
}

/** Removes profiles left by earlier processes (Jest workers are killed without an exit event). */
function removeStaleProfiles(): void {
  for (const entry of fs.readdirSync(os.tmpdir())) {
    const m = /^lo-profile-(\d+)-/.exec(entry);
    if (!m) continue;
    try {
      process.kill(Number(m[1]), 0); // still running: leave it
    } catch {
      fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
    }
  }
}

function profile(): string {
  if (!profileDir) {
    removeStaleProfiles();
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), `lo-profile-${process.pid}-`));
    fs.mkdirSync(path.join(profileDir, "user"), { recursive: true });
    fs.writeFileSync(path.join(profileDir, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU);
    const dir = profileDir;
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return profileDir;
}

function run(
  args: string[],
  timeoutMs: number
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(sofficeBinary(), args, {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      // Kill the process group we started (soffice spawns soffice.bin).
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
      reject(new Error(`LibreOffice timed out after ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface LibreOfficeResult {
  workbook: ExcelJS.Workbook;
  /** The recalculated xlsx as written by LibreOffice. */
  buffer: Buffer;
  /** Wall time of the soffice conversion. */
  ms: number;
}

/** Converts (and so recalculates) an xlsx file with LibreOffice; returns the result and timing. */
export function recalculateFileWithLibreOffice(
  xlsxPath: string,
  timeoutMs = LIBREOFFICE_TIMEOUT_MS
): Promise<LibreOfficeResult> {
  const job = queue.then(async () => {
    if (!libreOfficeAvailable()) {
      throw new Error(
        "LibreOffice (soffice) is not installed: these tests recalculate workbooks with it. " +
          "Install Debian's libreoffice-calc (apt-get install --no-install-recommends libreoffice-calc) or set SOFFICE."
      );
    }
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-out-"));
    try {
      const started = Date.now();
      const userInstallation = `file://${profile()}`;
      const res = await run(
        [
          `-env:UserInstallation=${userInstallation}`,
          "--headless",
          "--norestore",
          "--calc",
          "--convert-to",
          "xlsx",
          "--outdir",
          outDir,
          xlsxPath,
        ],
        timeoutMs
      );
      const ms = Date.now() - started;
      const out = path.join(outDir, path.basename(xlsxPath).replace(/\.[^.]+$/, "") + ".xlsx");
      if (!fs.existsSync(out))
        throw new Error(
          `LibreOffice produced no output (exit ${res.code}):\n${res.stdout}\n${res.stderr}`
        );
      const buffer = fs.readFileSync(out);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      return { workbook, buffer, ms };
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

/** Recalculates an xlsx file with LibreOffice and returns the recalculated workbook. */
export async function recalculateWithLibreOffice(xlsxPath: string): Promise<ExcelJS.Workbook> {
  return (await recalculateFileWithLibreOffice(xlsxPath)).workbook;
}

/** Same, from bytes (written to a temporary file first). */
export async function recalculateBufferWithLibreOffice(
  xlsx: Buffer | Uint8Array,
  name = "workbook.xlsx"
): Promise<LibreOfficeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-in-"));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, xlsx);
    return await recalculateFileWithLibreOffice(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Prints an xlsx file to PDF with LibreOffice (recalculating it first) and returns the PDF's path in a
 * fresh temporary folder, which the caller removes. Needs the Carlito font (Debian's
 * fonts-crosextra-carlito), metrically the same as Calibri, or LibreOffice lays the sheet out with a
 * wider substitute and the pages are not the ones Excel prints.
 */
export function printToPdfWithLibreOffice(
  xlsxPath: string,
  timeoutMs = LIBREOFFICE_TIMEOUT_MS
): Promise<string> {
  const job = queue.then(async () => {
    if (!libreOfficeAvailable()) {
      throw new Error(
        "LibreOffice (soffice) is not installed: install Debian's libreoffice-calc or set SOFFICE."
      );
    }
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-pdf-"));
    const res = await run(
      [
        `-env:UserInstallation=file://${profile()}`,
        "--headless",
        "--norestore",
        "--calc",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        xlsxPath,
      ],
      timeoutMs
    );
    const out = path.join(outDir, path.basename(xlsxPath).replace(/\.[^.]+$/, "") + ".pdf");
    if (!fs.existsSync(out))
      throw new Error(
        `LibreOffice produced no PDF (exit ${res.code}):\n${res.stdout}\n${res.stderr}`
      );
    return out;
  });
  queue = job.catch(() => undefined);
  return job;
}
