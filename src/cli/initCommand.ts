/*
 * nhsdp init: the starter strategy and partnership, to fill in, and the JSON Schemas they name.
 *
 * Every document the command generates (init's, upgrade's) names its JSON Schema as a file beside it
 * ("$schema": "./partnership.schema.json"), and the command writes that file there. A path into this
 * clone or into the installed package would break once the folder is moved, shared or the command
 * installed elsewhere; the project publishes no schema address on the web; a schema beside the
 * document goes wherever the folder goes and works offline, in any editor that reads "$schema".
 */
import fs from "fs";
import path from "path";
import { partnershipJsonSchema, strategyJsonSchema } from "../document/jsonSchema";
import { EXIT } from "./exitCodes";
import { makeFolder, refuseToReplace, UsageError, writeWholeFile } from "./files";
import { initPartnership, initStrategy } from "./starters";

export const JSON_SCHEMAS = { partnership: partnershipJsonSchema, strategy: strategyJsonSchema };

type DocumentKind = keyof typeof JSON_SCHEMAS;

/** The file name of each document's schema, as in this project's schemas/ folder. */
const SCHEMA_FILES: Readonly<Record<DocumentKind, string>> = {
  partnership: "partnership.schema.json",
  strategy: "pricing-strategy.schema.json",
};

function jsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, null, 2) + "\n", "utf8");
}

/** The document with "$schema" first, naming its schema file beside it. */
export function withSchema(document: object, kind: DocumentKind): object {
  // Keys keep the place they were first set in: "$schema" first, the document's own (if any) replaced.
  return { ...{ $schema: "" }, ...document, $schema: `./${SCHEMA_FILES[kind]}` };
}

/**
 * Writes the schema a generated document names beside it: when there is none, or `force` says so.
 * Says (for the user) what it did, or why it left the one there as it was.
 */
export function writeSchemaBeside(
  documentTarget: string,
  documentShownAs: string,
  kind: DocumentKind,
  force: boolean | undefined
): string {
  const name = SCHEMA_FILES[kind];
  const target = path.join(path.dirname(documentTarget), name);
  const shownAs = path.join(path.dirname(documentShownAs), name);
  const bytes = jsonBytes(JSON_SCHEMAS[kind]());
  if (fs.existsSync(target) && !force) {
    if (fs.readFileSync(target).equals(bytes))
      return `its JSON Schema, ${shownAs}, is already there`;
    return `${shownAs}, which it names as its JSON Schema, is left as it was, though it is not this version's; write this version's with --force, or nhsdp schema ${kind} > ${shownAs}`;
  }
  writeWholeFile(target, bytes, shownAs);
  return `wrote its JSON Schema beside it, ${shownAs}`;
}

/** A path as the user would type it in a shell: quoted when it holds a space. */
function typed(file: string): string {
  return /[\s"'$&|;<>()]/.test(file) ? `"${file.replace(/"/g, '\\"')}"` : file;
}

/** Writes the starter strategy and partnership into a folder, making it, replacing nothing unless forced. */
export function initCommand(
  options: { dir: string; force?: boolean },
  io: { stdout: (text: string) => void }
): number {
  const shown = (name: string) => path.join(options.dir, name);
  const documents = [
    { name: "pricing-strategy.json", kind: "strategy" as const, document: initStrategy() },
    { name: "partnership.json", kind: "partnership" as const, document: initPartnership() },
  ];
  const files = [
    ...documents.map((file) => ({
      name: file.name,
      bytes: jsonBytes(withSchema(file.document, file.kind)),
    })),
    ...documents.map((file) => ({
      name: SCHEMA_FILES[file.kind],
      bytes: jsonBytes(JSON_SCHEMAS[file.kind]()),
    })),
  ];
  const folder = path.resolve(options.dir);
  // Check every file before writing any, so a refusal leaves nothing half done.
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory())
    throw new UsageError(`cannot write in ${options.dir}: it is a file, not a folder`);
  for (const file of files)
    refuseToReplace(path.join(folder, file.name), shown(file.name), options.force);
  const made = makeFolder(folder, options.dir);
  for (const file of files)
    writeWholeFile(path.join(folder, file.name), file.bytes, shown(file.name), "--dir");
  const strategy = typed(shown("pricing-strategy.json"));
  const partnership = typed(shown("partnership.json"));
  io.stdout(
    [
      ...(made ? [`Made the folder ${options.dir}.`] : []),
      `Wrote ${strategy} and ${partnership}, and the JSON Schemas they name (${shown(SCHEMA_FILES.strategy)}, ${shown(SCHEMA_FILES.partnership)}), with which an editor checks and completes them.`,
      "Next:",
      `  1. In both files, write your own figures and text in place of every "REPLACE: ..." value. To list those left:`,
      `       nhsdp check ${strategy}`,
      `       nhsdp check ${partnership} --strategy ${strategy}`,
      "  2. Price the partnership and write its quote workbook:",
      `       nhsdp quote ${partnership} --strategy ${strategy} -o ${typed(shown("quote.xlsx"))}`,
    ].join("\n") + "\n"
  );
  return EXIT.ok;
}
