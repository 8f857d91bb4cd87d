/*
 * Reading and writing the files the commands use, the same way for every command: text in whichever
 * encoding Windows tools save it, never over an existing file unless the user says --force, never half
 * a file (written beside the target, then renamed), and every failure said as a sentence.
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

/** Why a file cannot be read, as the end of a sentence rather than an error code. */
export function readProblem(error: unknown, what = "a document"): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "there is no such file";
  if (code === "EISDIR") return `it is a folder, not ${what}`;
  if (code === "EACCES" || code === "EPERM") return "permission to read it was refused";
  return code ?? String(error);
}

/**
 * A text file's contents, decoded by its byte-order mark: UTF-16 little-endian (what Windows
 * PowerShell 5's `>` and Notepad's "Unicode" write), UTF-16 big-endian, or UTF-8 with or without one.
 */
export function readTextFile(file: string, shownAs: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${shownAs}: ${readProblem(error)}`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Node decodes little-endian only: swap each pair of bytes.
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return swapped.swap16().toString("utf16le");
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return bytes.subarray(3).toString("utf8");
  return bytes.toString("utf8");
}

/** Why a file cannot be written, as the end of a sentence. */
function writeProblem(error: unknown, option: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EISDIR":
      return "it is a folder";
    case "ENOENT":
      return "its folder does not exist";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `the folder is read-only or you lack permission to write there; choose another folder with ${option}`;
    case "ENOSPC":
      return "the disk is full";
    default:
      return code ?? String(error);
  }
}

/**
 * Writes beside the target and renames, so a failure never leaves half a workbook behind. `option` is
 * the one that chooses where the file goes, for the message when it cannot be written there.
 */
export function writeWholeFile(
  target: string,
  bytes: Uint8Array,
  shownAs: string,
  option = "-o"
): void {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${shownAs}: ${writeProblem(error, option)}`);
  }
}

/**
 * Makes a folder (and those above it) if it does not exist; says whether it made it. A file in its
 * place, or a folder that cannot be made, is said as a sentence.
 */
export function makeFolder(folder: string, shownAs: string): boolean {
  if (fs.existsSync(folder)) {
    if (!fs.statSync(folder).isDirectory())
      throw new UsageError(`cannot write in ${shownAs}: it is a file, not a folder`);
    return false;
  }
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "the folder it goes in is read-only or you lack permission to write there; choose another with --dir"
        : code === "ENOTDIR"
          ? "part of its path is a file, not a folder"
          : (code ?? String(error));
    throw new UsageError(`cannot make the folder ${shownAs}: ${reason}`);
  }
  return true;
}
