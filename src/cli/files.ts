/*
 * Writing the files the commands produce, the same way for every command: never over an existing file
 * unless the user says --force, and never half a file (written beside the target, then renamed).
 */
import fs from "fs";

/** A problem with what the user asked for: printed as "nhsdp: <message>", exit 2. */
export class UsageError extends Error {}

export function refuseToReplace(target: string, shownAs: string, force: boolean | undefined): void {
  if (fs.existsSync(target) && !force) {
    throw new UsageError(
      `${shownAs} already exists; choose another name or pass --force to replace it`
    );
  }
}

/** Writes beside the target and renames, so a failure never leaves half a workbook behind. */
export function writeWholeFile(target: string, bytes: Uint8Array, shownAs: string): void {
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
