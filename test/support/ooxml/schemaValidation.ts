/*
 * Validates XML parts against the ECMA-376 transitional schemas vendored in test/fixtures/ecma-376
 * (see its NOTICE.md and README.md) with Debian's xmllint (libxml2-utils), one run of xmllint per
 * schema for a whole batch of parts, however many packages they come from. Each part is first put
 * through Markup Compatibility processing (markupCompatibility.ts), as a consumer of the ECMA schemas
 * reads it.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { XmlElement } from "../../../src/workbook/xml/parse";
import { applyMarkupCompatibility } from "./markupCompatibility";
import { NS, type XlsxPackage } from "./package";

export const SCHEMA_DIR = path.join(__dirname, "..", "..", "fixtures", "ecma-376");

/** The entry schema (test/fixtures/ecma-376/entry/) for a part, by its root element's namespace. */
const ENTRY_FOR_NAMESPACE: Readonly<Record<string, string>> = {
  [NS.sml]: "sml.xsd",
  [NS.chart]: "chart.xsd",
  [NS.drawing]: "drawing.xsd",
  [NS.main]: "main.xsd",
  [NS.extended]: "extended.xsd",
  [NS.core]: "core.xsd",
  [NS.contentTypes]: "content-types.xsd",
  [NS.packageRels]: "relationships.xsd",
};

export interface PartToValidate {
  /** Which package: a caller's key ("internal: commercial-imaging-ai.json"). */
  readonly owner: string;
  readonly part: string;
}

export interface SchemaProblem extends PartToValidate {
  readonly message: string;
}

function rootNamespace(root: XmlElement): string | undefined {
  const colon = root.name.indexOf(":");
  const prefix = colon < 0 ? "" : root.name.slice(0, colon);
  return root.attributes[prefix === "" ? "xmlns" : `xmlns:${prefix}`];
}

/** xmllint, or the program $XMLLINT names. */
function xmllintBinary(): string {
  return process.env["XMLLINT"] ?? "xmllint";
}

export function xmllintAvailable(): boolean {
  const bin = xmllintBinary();
  if (bin.includes("/")) return fs.existsSync(bin);
  return (process.env["PATH"] ?? "")
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, bin)));
}

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(xmllintBinary(), args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/**
 * Every schema problem of every XML part of the packages (an empty list when all are valid): MCE
 * violations, parts no schema covers, and xmllint's validity errors, each with the offending line.
 */
export async function validatePackages(
  packages: readonly { owner: string; pkg: XlsxPackage }[]
): Promise<SchemaProblem[]> {
  if (!xmllintAvailable())
    throw new Error(
      "xmllint is not installed: the conformance test validates every part with it. Install Debian's libxml2-utils (apt-get install --no-install-recommends libxml2-utils) or set XMLLINT."
    );
  const problems: SchemaProblem[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ooxml-parts-"));
  try {
    const byEntry = new Map<
      string,
      { file: string; owner: string; part: string; lines: string[] }[]
    >();
    packages.forEach(({ owner, pkg }, p) => {
      for (const part of pkg.parts.keys()) {
        const root = pkg.parse(part);
        const entry = ENTRY_FOR_NAMESPACE[rootNamespace(root) ?? ""];
        if (entry === undefined) {
          problems.push({ owner, part, message: `no ECMA-376 schema for its root <${root.name}>` });
          continue;
        }
        const processed = applyMarkupCompatibility(root);
        for (const message of processed.violations) problems.push({ owner, part, message });
        const file = path.join(dir, String(p), part.replace(/[^A-Za-z0-9._-]/g, "_"));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, processed.xml);
        const list = byEntry.get(entry) ?? [];
        list.push({ file, owner, part, lines: processed.xml.split("\n") });
        byEntry.set(entry, list);
      }
    });
    for (const [entry, files] of byEntry) {
      const schema = path.join(SCHEMA_DIR, "entry", entry);
      const { output } = await run([
        "--nonet",
        "--noout",
        "--schema",
        schema,
        ...files.map((f) => f.file),
      ]);
      const byFile = new Map(files.map((f) => [f.file, f]));
      const validated = new Set<string>();
      for (const line of output.split("\n")) {
        if (line.trim() === "" || /Schemas parser warning/.test(line)) continue;
        const status = /^(.*) (validates|fails to validate)$/.exec(line);
        if (status && byFile.has(status[1] as string)) {
          validated.add(status[1] as string);
          continue;
        }
        const error = /^(.*?):(\d+): (.*)$/.exec(line);
        const file = error ? byFile.get(error[1] as string) : undefined;
        if (error && file) {
          const at = Number(error[2]);
          const source = (file.lines[at - 1] ?? "").trim();
          problems.push({
            owner: file.owner,
            part: file.part,
            message: `${(error[3] as string).replace(/^element \S+: Schemas validity error : /, "")} [at: ${source.length > 160 ? source.slice(0, 160) + "…" : source}]`,
          });
        } else {
          problems.push({ owner: "(xmllint)", part: entry, message: line });
        }
      }
      // xmllint names every file it validated; one it did not name was never checked.
      for (const file of files)
        if (!validated.has(file.file))
          problems.push({
            owner: file.owner,
            part: file.part,
            message: `xmllint did not validate it (schema ${entry})`,
          });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}
