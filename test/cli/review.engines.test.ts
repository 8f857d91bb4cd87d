/**
 * The workbook `nhsdp review -o` writes, recalculated by LibreOffice: every total on the sheet (each a
 * named SUMIFS formula over the quotes table) equals the figure --json prints, to the penny; rates to
 * 0.01%. Every cached formula result is replaced by a sentinel before LibreOffice opens the file, so a
 * number read back can only be LibreOffice's. And the package as written is valid against the ECMA-376
 * schemas and Excel's rules for names, number formats and chart caches (the conformance test's checks).
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { REVIEW_NAMES } from "../../src/workbook/layouts/review/reviewSheet";
import { readDefinedNames } from "../../src/workbook/xlsx/xlsxWriter";
import { libreOfficeBatch } from "../support/libreoffice";
import {
  chartProblems,
  definedNameProblems,
  numberFormatProblems,
  sheetNameProblems,
} from "../support/ooxml/excelRules";
import { readPackage } from "../support/ooxml/package";
import { validatePackages } from "../support/ooxml/schemaValidation";
import { runReview as run } from "../support/reviewCommand";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const strategy = (name: string) =>
  path.join(EXAMPLES, "strategies", `${name}-pricing-strategy.json`);
const DOCS = [
  "academic-sde-study.json",
  "commercial-imaging-ai.json",
  "commercial-rwe-milestones.json",
  "sme-subscription.json",
].map((file) => path.join(EXAMPLES, file));

/** Written over every cached formula result: no figure on the review is this. */
const SENTINEL = "-424242.42";

/** The workbook with every formula's cached result replaced by the sentinel, as a number. */
async function withSentinels(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  let replaced = 0;
  const changed = xml.replace(
    /<c ([^>]*)>(<f>[^<]*<\/f>)(?:<v>[^<]*<\/v>)?<\/c>/g,
    (_match, attributes: string, f: string) => {
      replaced += 1;
      return `<c ${attributes.replace(/\s*t="[^"]*"/, "")}>${f}<v>${SENTINEL}</v></c>`;
    }
  );
  if (replaced < 40) throw new Error(`only ${replaced} formula cells found to blank`);
  zip.file(part, changed);
  return zip.generateAsync({ type: "nodebuffer" });
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-review-engines-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Northvale's examples at every stage: the imaging quote accepted and declined, the study withdrawn. */
function stagedCopies(): string[] {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), "utf8"));
  const copies: [string, (doc: { quote: Record<string, unknown> }) => void][] = [
    [
      "accepted.json",
      (doc) => Object.assign(doc.quote, { stage: "accepted", acceptedOn: "2025-06-20" }),
    ],
    [
      "declined.json",
      (doc) => Object.assign(doc.quote, { stage: "declined", declinedOn: "2025-07-01" }),
    ],
  ];
  const files = copies.map(([name, change]) => {
    const doc = read("commercial-imaging-ai.json");
    doc.reference = name.replace(".json", "").toUpperCase();
    change(doc);
    const file = path.join(work, name);
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
  });
  const withdrawn = read("academic-sde-study.json");
  withdrawn.reference = "WITHDRAWN";
  Object.assign(withdrawn.quote, { stage: "withdrawn", withdrawnOn: "2025-06-01" });
  const file = path.join(work, "withdrawn.json");
  fs.writeFileSync(file, JSON.stringify(withdrawn));
  return [...files, file];
}

const CASES: [string, string[]][] = [
  ["northvale", [strategy("northvale"), ...DOCS]],
  ["northvale-staged", [strategy("northvale"), ...DOCS, ...stagedCopies()]],
  ["westbridge", [strategy("westbridge"), ...DOCS]],
  ["eastmere", [strategy("eastmere"), ...DOCS]],
];
const target = (name: string) => path.join(work, `review-${name}.xlsx`);

const libreOffice = libreOfficeBatch();
const recalculated = new Map(
  CASES.map(([name, args]) => [
    name,
    libreOffice.add(path.basename(target(name)), async () => {
      const written = await run(...args, "-o", target(name));
      if (written.code !== 0) throw new Error(written.stderr);
      return withSentinels(fs.readFileSync(target(name)));
    }),
  ])
);

/** The --json figure each named cell shows. */
/* eslint-disable @typescript-eslint/no-explicit-any -- the parsed --json */
function expected(figures: any): Record<keyof typeof REVIEW_NAMES, number | null> {
  const pool = (p: any) => ({
    Pool: p.poolAmount,
    Accepted: p.byStage.accepted,
    Issued: p.byStage.issued,
    Draft: p.byStage.draft,
    Declined: p.byStage.declined,
    Withdrawn: p.byStage.withdrawn,
    Recovered: p.recovered,
    Commercial: p.byUse.commercial,
    NonCommercial: p.byUse.nonCommercial,
    OverUnder: p.overUnder,
    NextRate: p.nextRate,
  });
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(pool(figures.pools.fixed))) out[`fixed${key}`] = value;
  for (const [key, value] of Object.entries(pool(figures.pools.capital)))
    out[`capital${key}`] = value;
  const base = figures.recoveryBase;
  Object.assign(out, {
    forecastCommercial: base.forecast.commercialFullCost,
    forecastNonCommercial: base.forecast.nonCommercialMarginalCost,
    forecast: base.forecast.total,
    realisedCommercial: base.realised.commercialFullCost,
    realisedNonCommercial: base.realised.nonCommercialMarginalCost,
    realised: base.realised.total,
    baseDifference: base.difference,
    passThroughCharged: figures.passThrough.charged,
    linesCharged: figures.passThrough.linesCharged,
    passThroughShare: figures.passThrough.share,
  });
  return out as Record<keyof typeof REVIEW_NAMES, number | null>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

describe("nhsdp review -o, recalculated by LibreOffice", () => {
  it.each(CASES.map(([name]) => [name]))(
    "%s: every total equals --json's to the penny, and the package is valid",
    async (name) => {
      const args = (CASES.find(([candidate]) => candidate === name) as [string, string[]])[1];
      const figures = JSON.parse((await run(...args, "--json")).stdout);
      const { workbook, buffer } = await recalculated.get(name)!();
      const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
      expect(sheet.name).toBe("Strategy review");
      const names = await readDefinedNames(buffer);
      // The cached values as LibreOffice wrote them: ExcelJS reads a formula's result of 0 as no result.
      const xml = await (
        await JSZip.loadAsync(buffer)
      )
        .file("xl/worksheets/sheet1.xml")!
        .async("string");
      const cell = (name: string): unknown => {
        const reference = names.find((candidate) => candidate.name === name)?.text;
        if (reference === undefined) throw new Error(`no defined name ${name}`);
        const address = reference.split("!").pop()!.replace(/\$/g, "");
        const match = new RegExp(
          `<c r="${address}"([^>]*)>(?:<f[^>]*>[^<]*</f>)?<v>([^<]*)</v>`
        ).exec(xml);
        if (match === null) return undefined;
        return /t="(str|s|e)"/.test(match[1] as string) ? match[2] : Number(match[2]);
      };
      expect(sheet.getCell("A1").value).toMatch(/^Strategy review: /);
      const wants = expected(figures);
      const off: [string, unknown, unknown][] = [];
      for (const [key, name] of Object.entries(REVIEW_NAMES)) {
        const want = wants[key as keyof typeof REVIEW_NAMES];
        const got = cell(name);
        const rate = /Rate|Share/.test(key);
        if (want === null) {
          if (typeof got === "number") off.push([key, want, got]);
        } else if (typeof got !== "number" || Math.abs(got - want) > (rate ? 5e-9 : 0.004))
          off.push([key, want, got]);
      }
      expect(off).toEqual([]);

      const pkg = await readPackage(fs.readFileSync(target(name)));
      const schema = await validatePackages([{ owner: name, pkg }]);
      expect(schema.map((p) => `${p.part}: ${p.message}`)).toEqual([]);
      expect([
        ...sheetNameProblems(pkg),
        ...definedNameProblems(pkg),
        ...numberFormatProblems(pkg),
        ...chartProblems(pkg),
      ]).toEqual([]);
    }
  );

  it("the staged case counts accepted, declined and withdrawn quotes apart", async () => {
    const args = (CASES[1] as [string, string[]])[1];
    const figures = JSON.parse((await run(...args, "--json")).stdout);
    // accepted copy of the imaging quote: 7,773.44; declined: 7,773.44; withdrawn study: 3,639.00
    expect(figures.pools.fixed.byStage).toEqual({
      accepted: 7773.44,
      issued: 7773.44,
      draft: 3639,
      declined: 7773.44,
      withdrawn: 3639,
    });
    // 7,773.44 + 7,773.44 = 15,546.88
    expect(figures.pools.fixed.recovered).toBe(15546.88);
  });
});
