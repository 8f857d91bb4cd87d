/*
 * The source layout's rules, checked by `npm run verify` (and `npm run check:layers`):
 *  - src's top-level folders form layers, and a file imports only from its own folder or a layer below
 *    it, so no two folders import each other, directly or through a cycle;
 *  - the layers below the writers (model, document, core) never reach Office.js, the DOM or ExcelJS;
 *  - no source file is longer than MAX_LINES, so each stays readable as one job.
 * Exit 0 when all hold, 1 with one line per breach otherwise.
 */
const fs = require("node:fs");
const path = require("node:path");

const src = path.join(__dirname, "..", "src");

/** Bottom first. Folders on the same layer may not import each other either. */
const LAYERS = [
  ["model"],
  ["document"],
  ["core"],
  ["workbook"],
  ["audit"],
  ["addin"],
  ["cli", "functions"],
  ["taskpane"],
];
const PURE_LAYERS = new Set(["model", "document", "core"]);
const HOST_PACKAGES = /^(exceljs|react|react-dom|@fluentui\/|office-addin-)/;
const HOST_GLOBALS =
  /\b(Excel|Office|OfficeRuntime|CustomFunctions)\.\w|\bwindow\.|\bdocument\.(getElementById|createElement|body)\b/;
const MAX_LINES = 800;

const layerOf = new Map(LAYERS.flatMap((folders, rank) => folders.map((folder) => [folder, rank])));

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']/g;

function importsOf(text) {
  return [...text.matchAll(SPECIFIER)].map((match) => match[1]);
}

/** Strips comments so that a comment naming Excel.run or window.x is not a use of it. */
function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

function breaches(srcRoot = src) {
  const found = [];
  for (const file of sourceFiles(srcRoot)) {
    const relative = path.relative(srcRoot, file);
    const folder = relative.split(path.sep)[0];
    const text = fs.readFileSync(file, "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > MAX_LINES)
      found.push(`src/${relative}: ${lines} lines; split it (at most ${MAX_LINES})`);
    if (!layerOf.has(folder)) {
      if (relative.includes(path.sep))
        found.push(
          `src/${relative}: src/${folder} is not a layer; add it to LAYERS in scripts/check-layers.cjs`
        );
      continue;
    }
    for (const specifier of importsOf(text)) {
      if (specifier.startsWith(".")) {
        const target = path.relative(srcRoot, path.resolve(path.dirname(file), specifier));
        const targetFolder = target.split(path.sep)[0];
        if (targetFolder === folder || target.startsWith("..")) continue;
        if (!layerOf.has(targetFolder)) continue;
        if (layerOf.get(targetFolder) >= layerOf.get(folder))
          found.push(
            `src/${relative} imports src/${target}: src/${folder} may import only folders below it (${LAYERS.map((folders) => folders.join(" and ")).join(" < ")})`
          );
      } else if (PURE_LAYERS.has(folder) && HOST_PACKAGES.test(specifier)) {
        found.push(
          `src/${relative} imports ${specifier}: src/${folder} stays free of Office, the DOM and ExcelJS`
        );
      }
    }
    if (PURE_LAYERS.has(folder)) {
      const use = HOST_GLOBALS.exec(withoutComments(text));
      if (use)
        found.push(
          `src/${relative} uses ${use[0]}: src/${folder} stays free of Office and the DOM`
        );
    }
  }
  return found;
}

module.exports = { LAYERS, breaches };

if (require.main === module) {
  const found = breaches();
  for (const line of found) console.error(line);
  if (found.length > 0) {
    console.error(
      `${found.length} breach(es) of the source layout (see scripts/check-layers.cjs).`
    );
    process.exit(1);
  }
  console.log("Source layout: every import points down the layers; no file over 800 lines.");
}
