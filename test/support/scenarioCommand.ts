/**
 * `nhsdp scenario` run through its own registration on a Commander program, as nhsdp's main() runs it:
 * the same document reader, and a usage or input error printed as "nhsdp: ..." with exit code 2.
 */
import { Command, CommanderError } from "commander";
import fs from "fs";
import { UsageError } from "../../src/cli/files";
import { registerScenarioCommand } from "../../src/cli/scenarioCommand";
import { InputError } from "../../src/model/errors";
import { parsePartnership } from "../../src/document/parse";

function read(file: string) {
  const parsed = parsePartnership(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.ok) throw new InputError("value", file, "is not a valid partnership document");
  return { doc: parsed.document };
}

export async function runScenario(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  let code = 0;
  const io = {
    stdout: (text: string) => (stdout += text),
    stderr: (text: string) => (stderr += text),
  };
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerScenarioCommand(program, io, read, (exit) => (code = exit));
  try {
    await program.parseAsync(["scenario", ...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return { code: 2, stdout, stderr };
    if (error instanceof InputError || error instanceof UsageError)
      return { code: 2, stdout, stderr: stderr + `nhsdp: ${error.message}\n` };
    throw error;
  }
  return { code, stdout, stderr };
}
