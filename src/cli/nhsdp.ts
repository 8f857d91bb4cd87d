/*
 * nhsdp: the command-line face of the calculation core.
 *   nhsdp quote <document.json> -o <quote.xlsx> [--json] [--force]
 *   nhsdp check <document.json> [--json]
 * Exit codes: 0 success; 1 findings at error severity (check); 2 invalid document or usage;
 * 3 an internal error (a bug: please report it with the document).
 */
import { Command, CommanderError } from "commander";
import fs from "fs";
import path from "path";
import { InputError } from "../core/errors";
import { checkPrinciples, hasErrors, type Finding } from "../core/principles";
import { priceQuote } from "../core/quote";
import { VERSION } from "../core/version";
import { parsePartnershipJson, type Partnership } from "../document";
import { writeQuoteWorkbook } from "../sheets/quoteWorkbook";
import { quoteFigures } from "./figures";

export const EXIT = { ok: 0, findings: 1, invalid: 2, internal: 3 } as const;

/** A failure the user can act on: printed on stderr with no stack trace, then exit 2. */
class UsageError extends Error {}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
}

function readDocument(file: string): Partnership {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
    );
  }
  const parsed = parsePartnershipJson(text);
  if (!parsed.ok) {
    const lines = parsed.issues.map((issue) => `  ${issue.path}: ${issue.message}`);
    throw new UsageError(
      `${file} is not a valid partnership document (${parsed.issues.length} problem(s)):\n${lines.join("\n")}`
    );
  }
  return parsed.document;
}

/** Writes beside the target and renames, so a failure never leaves half a workbook behind. */
function writeWholeFile(target: string, bytes: Buffer, shownAs: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EISDIR"
        ? "it is a folder"
        : code === "ENOENT"
          ? "its folder does not exist"
          : (code ?? String(error));
    throw new UsageError(`cannot write ${shownAs}: ${reason}`);
  }
}

function formatFinding(finding: Finding): string {
  const where = finding.field ? ` [${finding.field}]` : "";
  return `${finding.severity.toUpperCase()} ${finding.principle} (${finding.guideSection})${where}: ${finding.message}`;
}

async function quoteCommand(
  file: string,
  options: { output?: string; json?: boolean; force?: boolean },
  io: Io
) {
  if (options.output === undefined && !options.json) {
    throw new UsageError(
      "nothing to do: give -o <quote.xlsx> to write the workbook, --json to print the figures, or both"
    );
  }
  const doc = readDocument(file);
  const quote = priceQuote(doc);
  if (options.output !== undefined) {
    const target = path.resolve(options.output);
    if (fs.existsSync(target) && !options.force) {
      throw new UsageError(
        `${options.output} already exists; choose another name or pass --force to replace it`
      );
    }
    const findings = checkPrinciples(doc, quote);
    const workbook = await writeQuoteWorkbook(doc, quote, findings, { generatedAt: io.now() });
    writeWholeFile(target, workbook, options.output);
  }
  if (options.json) io.stdout(JSON.stringify(quoteFigures(doc.reference, quote), null, 2) + "\n");
  else
    io.stdout(
      `Wrote ${options.output}: total £${quote.total.toFixed(2)} + VAT £${quote.vat.toFixed(2)} = £${quote.totalIncVat.toFixed(2)}\n`
    );
  return EXIT.ok;
}

function checkCommand(file: string, options: { json?: boolean }, io: Io) {
  const doc = readDocument(file);
  const findings = checkPrinciples(doc, priceQuote(doc));
  if (options.json)
    io.stdout(JSON.stringify({ reference: doc.reference, findings }, null, 2) + "\n");
  else if (findings.length === 0) io.stdout(`${doc.reference}: no findings\n`);
  else io.stdout(findings.map(formatFinding).join("\n") + "\n");
  return hasErrors(findings) ? EXIT.findings : EXIT.ok;
}

/** Runs the CLI on `argv` (without node and the script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name("nhsdp")
    .description(
      "Price NHS data partnerships by the CIDC guide and check them against the NHS principles."
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command("quote")
    .description("price a partnership document and write the quote workbook")
    .argument("<document>", "partnership document (JSON)")
    .option("-o, --output <file>", "write the quote workbook (.xlsx) here")
    .option("--json", "print the figures as JSON: total, vat, totalIncVat, subtotals, lines")
    .option("--force", "replace the output file if it exists")
    .action(async (file: string, options) => {
      exitCode = await quoteCommand(file, options, io);
    });

  program
    .command("check")
    .description("check a partnership document against the DHSC and commercial principles")
    .argument("<document>", "partnership document (JSON)")
    .option("--json", "print the findings as JSON")
    .action((file: string, options) => {
      exitCode = checkCommand(file, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse failure is a usage error.
      return error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.exitCode === 0
        ? EXIT.ok
        : EXIT.invalid;
    }
    if (error instanceof UsageError || error instanceof InputError) {
      io.stderr(`nhsdp: ${error.message}\n`);
      return EXIT.invalid;
    }
    io.stderr(
      `nhsdp: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    return EXIT.internal;
  }
}
