/**
 * The nhsdp command installed as the README says: `npm pack`, then `npm install -g` of the tarball,
 * here into a scratch prefix, offline (the package needs nothing from the registry). The tests build
 * dist/ first (npm test), so the pack skips the package's build script.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

export const ROOT = path.join(__dirname, "..", "..");

export interface Installed {
  /** The packed tarball's path, and the files in it. */
  readonly tarball: string;
  readonly packed: readonly string[];
  /** The folder `nhsdp` is installed in (put it on the PATH), and the command itself. */
  readonly bin: string;
  readonly command: string;
  readonly remove: () => void;
}

export function installPackedCommand(): Installed {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-install-"));
  const [pack] = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], {
      cwd: ROOT,
      encoding: "utf8",
    })
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = path.join(scratch, pack!.filename);
  const prefix = path.join(scratch, "prefix");
  execFileSync(
    "npm",
    [
      "install",
      "-g",
      "--prefix",
      prefix,
      "--offline",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      tarball,
    ],
    { cwd: scratch, encoding: "utf8" }
  );
  const bin = path.join(prefix, "bin");
  return {
    tarball,
    packed: pack!.files.map((file) => file.path).sort(),
    bin,
    command: path.join(bin, "nhsdp"),
    remove: () => fs.rmSync(scratch, { recursive: true, force: true }),
  };
}
