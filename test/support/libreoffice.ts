/*
 * Recalculates xlsx files with LibreOffice (headless, xlsx → xlsx) and reads the results back with
 * ExcelJS, so tests can check the values a real spreadsheet engine computes from our formulas; and
 * prints them to PDF.
 *
 * Starting LibreOffice costs a second or more (many more on a loaded machine), converting a small file
 * much less, so a test file that converts several files converts them in one run: `soffice
 * --convert-to xlsx --outdir DIR a.xlsx b.xlsx ...`. recalculateFilesWithLibreOffice and
 * printFilesToPdfWithLibreOffice take a list; libreOfficeBatch() collects the workbooks a test file
 * declares and converts them all in one run the first time a test asks for any of them.
 *
 * LibreOffice does not recalculate xlsx files on load by default ("never recalculate" for Excel 2007+
 * files): it keeps the cached <v> values. Each test file therefore gets its own user profile
 * (-env:UserInstallation=file:///tmp/lo-profile-PID-...), created with OOXMLRecalcMode = 0 ("always
 * recalculate") in registrymodifications.xcu before the first launch; the profile is private to the
 * process, so parallel Jest workers never share one, and a test file's runs are serialised.
 * test/sheets/xlsxWriter.engines.test.ts proves the recalculation happens (a formula written with a
 * wrong cached value comes back corrected).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import * as ExcelJS from "exceljs";
import { assertPrintedWithCarlito } from "./fonts";

/** How long one run of LibreOffice may take for its first file... */
export const LIBREOFFICE_TIMEOUT_MS = 120_000;
/** ... and for each further file of a batch. */
const TIMEOUT_PER_FURTHER_FILE_MS = 30_000;

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
    } catch (error) {
      // Only a process that is gone (not one we may not signal) leaves its profile to be removed.
      if ((error as NodeJS.ErrnoException).code === "ESRCH")
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
      // This test file's environment (Jest gives each its own copy): FONTCONFIG_FILE, for one.
      env: process.env,
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

const stem = (file: string) => path.basename(file).replace(/\.[^.]+$/, "");

/**
 * Converts every file to `format` in one run of LibreOffice, into a fresh folder the caller removes.
 * The outputs are named after the inputs, so no two inputs may share a name.
 */
function convert(
  files: readonly string[],
  format: "xlsx" | "pdf",
  timeoutMs: number
): Promise<{ outDir: string; outputs: string[]; ms: number }> {
  const stems = files.map(stem);
  const repeated = stems.filter((name, i) => stems.indexOf(name) !== i);
  if (repeated.length > 0)
    return Promise.reject(
      new Error(`LibreOffice would write ${repeated[0]}.${format} twice: name the inputs apart`)
    );
  const job = queue.then(async () => {
    if (!libreOfficeAvailable()) {
      throw new Error(
        "LibreOffice (soffice) is not installed: these tests recalculate workbooks with it. " +
          "Install Debian's libreoffice-calc (apt-get install --no-install-recommends libreoffice-calc) or set SOFFICE."
      );
    }
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `lo-${format}-`));
    try {
      const started = Date.now();
      const res =
        files.length === 0
          ? { code: 0, stdout: "", stderr: "" }
          : await run(
              [
                `-env:UserInstallation=${pathToFileURL(profile()).href}`,
                "--headless",
                "--norestore",
                "--calc",
                "--convert-to",
                format,
                "--outdir",
                outDir,
                ...files,
              ],
              timeoutMs
            );
      const ms = Date.now() - started;
      const outputs = stems.map((name) => path.join(outDir, `${name}.${format}`));
      const missing = files.filter((_, i) => !fs.existsSync(outputs[i] as string));
      if (missing.length > 0)
        throw new Error(
          `LibreOffice produced no ${format} for ${missing.join(", ")} (exit ${res.code}):\n${res.stdout}\n${res.stderr}`
        );
      return { outDir, outputs, ms };
    } catch (error) {
      fs.rmSync(outDir, { recursive: true, force: true });
      throw error;
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

const batchTimeout = (files: number) =>
  LIBREOFFICE_TIMEOUT_MS + Math.max(0, files - 1) * TIMEOUT_PER_FURTHER_FILE_MS;

export interface LibreOfficeResult {
  workbook: ExcelJS.Workbook;
  /** The recalculated xlsx as written by LibreOffice. */
  buffer: Buffer;
  /** Wall time of the run of LibreOffice that converted it (and the rest of its batch). */
  ms: number;
}

/** Converts (and so recalculates) xlsx files with one run of LibreOffice; the results in order. */
export async function recalculateFilesWithLibreOffice(
  xlsxPaths: readonly string[],
  timeoutMs = batchTimeout(xlsxPaths.length)
): Promise<LibreOfficeResult[]> {
  const { outDir, outputs, ms } = await convert(xlsxPaths, "xlsx", timeoutMs);
  try {
    return await Promise.all(
      outputs.map(async (out) => {
        const buffer = fs.readFileSync(out);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
        return { workbook, buffer, ms };
      })
    );
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** Same, from bytes, each written to a temporary file of its name first (the names must differ). */
export async function recalculateBuffersWithLibreOffice(
  inputs: readonly { name: string; xlsx: Buffer | Uint8Array }[]
): Promise<LibreOfficeResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-in-"));
  try {
    const files = inputs.map(({ name, xlsx }) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, xlsx);
      return file;
    });
    return await recalculateFilesWithLibreOffice(files);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One workbook, from bytes. */
export async function recalculateBufferWithLibreOffice(
  xlsx: Buffer | Uint8Array,
  name = "workbook.xlsx"
): Promise<LibreOfficeResult> {
  return (await recalculateBuffersWithLibreOffice([{ name, xlsx }]))[0] as LibreOfficeResult;
}

/** Registers a workbook with a batch; the function returned gives its recalculation. */
export type AddToBatch = (
  name: string,
  xlsx: () => Buffer | Uint8Array | Promise<Buffer | Uint8Array>
) => () => Promise<LibreOfficeResult>;

/**
 * The workbooks of a test file, recalculated in one run of LibreOffice. A test file adds each workbook
 * while Jest collects its tests, with a function that writes it (called later, so it may use what a
 * beforeAll prepared); the first time a test asks for any of them, every workbook added so far is
 * written and converted in one run, and each test then gets its own result (or its own writer's
 * error). Names must be distinct .xlsx file names.
 *
 *   const batch = libreOfficeBatch();
 *   const partnerCopy = batch.add("partner.xlsx", () => generate(doc, true));
 *   it("...", async () => { const { workbook } = await partnerCopy(); ... });
 */
export function libreOfficeBatch(): { add: AddToBatch } {
  interface Entry {
    name: string;
    write: () => Buffer | Uint8Array | Promise<Buffer | Uint8Array>;
    result: Promise<LibreOfficeResult>;
    resolve: (result: LibreOfficeResult) => void;
    reject: (error: unknown) => void;
  }
  const names = new Set<string>();
  let waiting: Entry[] = [];

  async function convertWaiting(): Promise<void> {
    const entries = waiting;
    waiting = [];
    const written = await Promise.allSettled(entries.map(async (entry) => entry.write()));
    const ready: { entry: Entry; xlsx: Buffer | Uint8Array }[] = [];
    written.forEach((outcome, i) => {
      const entry = entries[i] as Entry;
      if (outcome.status === "fulfilled") ready.push({ entry, xlsx: outcome.value });
      else entry.reject(outcome.reason);
    });
    try {
      const results = await recalculateBuffersWithLibreOffice(
        ready.map(({ entry, xlsx }) => ({ name: entry.name, xlsx }))
      );
      ready.forEach(({ entry }, i) => entry.resolve(results[i] as LibreOfficeResult));
    } catch (error) {
      for (const { entry } of ready) entry.reject(error);
    }
  }

  return {
    add(name, write) {
      if (!/\.xlsx$/.test(name) || names.has(name))
        throw new Error(`${name}: a batch needs distinct .xlsx file names`);
      names.add(name);
      const entry = { name, write } as Entry;
      entry.result = new Promise<LibreOfficeResult>((resolve, reject) => {
        entry.resolve = resolve;
        entry.reject = reject;
      });
      // A workbook no test asks for (a test filtered out) must not be an unhandled rejection.
      entry.result.catch(() => undefined);
      waiting.push(entry);
      return () => {
        if (waiting.includes(entry)) void convertWaiting();
        return entry.result;
      };
    },
  };
}

/**
 * Prints xlsx files to PDF with one run of LibreOffice (recalculating them first) and returns the
 * PDFs' paths, in order, in one fresh temporary folder, which the caller removes. Needs the Carlito
 * font (Debian's fonts-crosextra-carlito), metrically the same as Calibri, or LibreOffice lays the
 * sheet out with a wider substitute and the pages are not the ones Excel prints: so every PDF is read
 * back, and the print fails, saying which font LibreOffice used, unless it printed with Carlito only.
 */
export async function printFilesToPdfWithLibreOffice(
  xlsxPaths: readonly string[],
  timeoutMs = batchTimeout(xlsxPaths.length)
): Promise<string[]> {
  const { outDir, outputs } = await convert(xlsxPaths, "pdf", timeoutMs);
  const problems = outputs.flatMap((pdf) => {
    try {
      assertPrintedWithCarlito(pdf);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  });
  if (problems.length > 0) {
    fs.rmSync(outDir, { recursive: true, force: true });
    throw new Error(problems.join("\n"));
  }
  return outputs;
}
