/*
 * Every kind of workbook the product writes through the .xlsx writer, for every example and for
 * partnerships with hostile names, generated in-process by the functions the CLI and the pane use:
 *
 *   internal   writeQuoteWorkbook (nhsdp quote -o): the quote, its findings, the register
 *   partner    writeQuoteWorkbook with partner (nhsdp quote -o --partner): the quote sheet alone
 *   register   the register alone, one row per partnership (writeWorkbook's register), then updated in
 *              place in that file for two of them (a quote generated again)
 *   scenario   buildScenarioSheet + writeWorkbook, as `nhsdp scenario -o` does (documents with scenarios)
 *   audit      the internal workbook audited (auditXlsx, as `nhsdp audit`) with the report sheet
 *              (buildAuditSheet, as the add-in's Audit workbook) added to it by the .xlsx writer
 *   two-quotes the internal workbook of one partnership with a second partnership's quote, findings and
 *              register row added by the .xlsx writer (two references whose sheet names collide at 31
 *              characters), and that workbook audited with its report sheet
 *   review     buildReviewSheet + writeWorkbook, as `nhsdp review -o` does, for each example strategy
 *              over every example partnership
 * The academic study is also written with pass-through charges left out of its recovery base, the
 * quote sheet's extra rows.
 */
import { auditXlsx } from "../../src/audit";
import { buildAuditSheet } from "../../src/audit/reportSheet";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import {
  evaluateScenarios,
  scenarioInputs,
  simulate,
  simulationSettings,
  tornado,
  tornadoRangesOf,
  fairShareOf,
} from "../../src/core/scenarios";
import type { Partnership } from "../../src/document/schema";
import { buildFindingsSheet } from "../../src/workbook/layouts/findingsSheet";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { quoteRegisterEntry } from "../../src/workbook/layouts/register/registerEntry";
import { buildScenarioSheet } from "../../src/workbook/layouts/scenario/scenarioSheet";
import { buildReviewSheet } from "../../src/workbook/layouts/review/reviewSheet";
import { reviewStrategy } from "../../src/core/pricing/strategyReview";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import {
  EXAMPLE_FILES,
  STRATEGY_FILES,
  exampleStrategy,
  readJson,
  valid,
} from "../document/fixtures";

export const GENERATED_AT = new Date("2026-03-02T09:30:00Z");
export const AUDITED_AT = new Date("2026-03-03T16:45:00Z");

export type WorkbookKind =
  "internal" | "partner" | "register" | "scenario" | "audit" | "two-quotes" | "review";

export interface ConformanceCase {
  /** "internal: commercial-imaging-ai.json", "audit: hostile St George's DP-07". */
  readonly label: string;
  readonly kind: WorkbookKind;
  /** The example file, or the hostile reference. */
  readonly source: string;
  /** A file name distinct from every other case's (for LibreOffice's batch). */
  readonly fileName: string;
  readonly write: () => Promise<Uint8Array>;
}

/** References (and trust and partner names) that a writer could quote, escape or truncate wrongly. */
export const HOSTILE_NAMES: readonly { reference: string; trust: string; partner: string }[] = [
  {
    reference: "St George's DP-07",
    trust: "St George's University Hospitals NHS Foundation Trust",
    partner: "O'Brien & Daughters' Analytics Ltd",
  },
  {
    reference: "DP-2025-011 (King's)",
    trust: "King's College Hospital NHS Foundation Trust",
    partner: "'Quoted' Partner Ltd'",
  },
  {
    reference: "DP [2025] R&D <draft>",
    trust: "Trust [Acute] & Community <NHS>",
    partner: "A&B <Data> [UK] Ltd",
  },
  {
    reference: "DP–2025–012 – Guy’s",
    trust: "Guy’s and St Thomas’ NHS Foundation Trust – Research",
    partner: "Ångström – Data GmbH",
  },
  { reference: "DP-😀-2025 🏥", trust: "Emoji 🏥 Trust", partner: "Partner 🚀 Ltd" },
  {
    // "Quote " + 25 characters: a 31-character sheet name, with an apostrophe to double.
    reference: "O'Neil-DP-2025-0000000001",
    trust: "O'Neil Community Trust",
    partner: "Partner Ltd",
  },
  {
    // This and the next share their first 25 characters: "Quote DP-2025-COLLIDING-REFERENC" twice.
    reference: "DP-2025-COLLIDING-REFERENCE-A",
    trust: "Colliding Trust",
    partner: "Partner A Ltd",
  },
  {
    reference: "DP-2025-COLLIDING-REFERENCE-B",
    trust: "Colliding Trust",
    partner: "Partner B Ltd",
  },
];

/** The example with scenarios, renamed: reference, trust and partner. */
export function hostileDocument(names: (typeof HOSTILE_NAMES)[number]): Partnership {
  const json = readJson("commercial-rwe-milestones.json") as Record<string, unknown>;
  return valid({
    ...json,
    reference: names.reference,
    trust: { ...(json["trust"] as object), name: names.trust },
    partner: { ...(json["partner"] as object), name: names.partner },
  });
}

function priced(doc: Partnership) {
  const quote = priceQuote(doc);
  return { doc, quote, findings: checkPrinciples(doc, quote) };
}

async function internalWorkbook(doc: Partnership): Promise<Uint8Array> {
  const { quote, findings } = priced(doc);
  return writeQuoteWorkbook(doc, quote, findings, { generatedAt: GENERATED_AT });
}

async function partnerCopy(doc: Partnership): Promise<Uint8Array> {
  const { quote, findings } = priced(doc);
  return writeQuoteWorkbook(doc, quote, findings, { generatedAt: GENERATED_AT, partner: true });
}

/** As `nhsdp scenario DOC -o FILE` writes it (the document's own trials and seed). */
async function scenarioWorkbook(doc: Partnership): Promise<Uint8Array> {
  const inputs = scenarioInputs(doc);
  const result = evaluateScenarios(inputs);
  const settings = simulationSettings(doc, {});
  const simulation = simulate(inputs, settings);
  const bars = tornado(inputs, tornadoRangesOf(doc));
  const sheet = buildScenarioSheet(doc, inputs, result, settings, simulation, bars, {
    generatedAt: GENERATED_AT,
    fairShare: fairShareOf(doc, inputs),
  });
  return writeWorkbook([sheet]);
}

/** The workbook audited, with the audit's report sheet added beside its sheets. */
async function auditedWorkbook(bytes: Uint8Array, source: string): Promise<Uint8Array> {
  const report = await auditXlsx(bytes);
  const sheet = buildAuditSheet(report, { auditedAt: AUDITED_AT, source });
  return writeWorkbook([sheet], { base: bytes });
}

/** A second partnership's quote, findings and register row added to `base`. */
async function addQuote(base: Uint8Array, doc: Partnership): Promise<Uint8Array> {
  const { quote, findings } = priced(doc);
  const options = { generatedAt: GENERATED_AT };
  return writeWorkbook(
    [buildQuoteSheet(doc, quote, findings, options), buildFindingsSheet(doc, findings, options)],
    { base, register: [quoteRegisterEntry(doc, quote, GENERATED_AT)] }
  );
}

async function registerWorkbook(docs: readonly Partnership[]): Promise<Uint8Array> {
  const entries = docs.map((doc) => quoteRegisterEntry(doc, priced(doc).quote, GENERATED_AT));
  const first = await writeWorkbook([], { register: entries });
  // Generated again a day later: two rows updated in place.
  const later = new Date(GENERATED_AT.getTime() + 86_400_000);
  const again = docs.slice(0, 2).map((doc) => quoteRegisterEntry(doc, priced(doc).quote, later));
  return writeWorkbook([], { base: first, register: again });
}

const hasScenarios = (doc: Partnership) => doc.scenarios !== undefined;

/** A file-name-safe form of a source, distinct per source. */
function slug(source: string, index: number): string {
  return `${index}-${source.replace(/\.json$/, "").replace(/[^A-Za-z0-9-]+/g, "_")}`;
}

export function conformanceCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const sources: { source: string; label: string; doc: () => Partnership }[] = [
    ...EXAMPLE_FILES.map((file) => ({
      source: file,
      label: file,
      doc: () => valid(readJson(file)),
    })),
    {
      source: "academic-sde-study.json, pass-through out of the base",
      label: "academic-sde-study.json with pass-through charges out of the recovery base",
      doc: () => {
        const json = readJson("academic-sde-study.json") as Record<string, unknown>;
        const pricing = json["pricing"] as Record<string, unknown>;
        // Its own reference, for the register's one row per partnership.
        return valid({
          ...json,
          reference: "DP-2025-007-EXCL",
          pricing: { ...pricing, passThroughInRecoveryBase: false },
        });
      },
    },
    ...HOSTILE_NAMES.map((names) => ({
      source: names.reference,
      label: `hostile ${JSON.stringify(names.reference)}`,
      doc: () => hostileDocument(names),
    })),
  ];
  sources.forEach(({ source, label, doc }, i) => {
    const add = (kind: WorkbookKind, write: () => Promise<Uint8Array>) =>
      cases.push({
        label: `${kind}: ${label}`,
        kind,
        source,
        fileName: `${kind}-${slug(source, i)}.xlsx`,
        write,
      });
    add("internal", () => internalWorkbook(doc()));
    add("partner", () => partnerCopy(doc()));
    if (hasScenarios(doc())) add("scenario", () => scenarioWorkbook(doc()));
    add("audit", async () => auditedWorkbook(await internalWorkbook(doc()), `${source}.xlsx`));
  });
  const all = () => sources.map(({ doc }) => doc());
  cases.push({
    label: "register: every example and hostile name, two rows updated",
    kind: "register",
    source: "(all)",
    fileName: "register-all.xlsx",
    write: () => registerWorkbook(all()),
  });
  const [a, b] = HOSTILE_NAMES.filter((n) => n.reference.includes("COLLIDING"));
  const twoQuotes = async () =>
    addQuote(await internalWorkbook(hostileDocument(a!)), hostileDocument(b!));
  cases.push({
    label: `two-quotes: ${a!.reference} + ${b!.reference}`,
    kind: "two-quotes",
    source: `${a!.reference} + ${b!.reference}`,
    fileName: "two-quotes-colliding.xlsx",
    write: twoQuotes,
  });
  cases.push({
    label: `audit: two-quotes ${a!.reference} + ${b!.reference}`,
    kind: "audit",
    source: `${a!.reference} + ${b!.reference}`,
    fileName: "audit-two-quotes-colliding.xlsx",
    write: async () => auditedWorkbook(await twoQuotes(), "two-quotes.xlsx"),
  });
  for (const [odsCode, file] of Object.entries(STRATEGY_FILES))
    cases.push({
      label: `review: ${file} over every example`,
      kind: "review",
      source: file,
      fileName: `review-${slug(file, 0)}.xlsx`,
      write: () => reviewWorkbook(odsCode as keyof typeof STRATEGY_FILES),
    });
  return cases;
}

/** As `nhsdp review STRATEGY examples/*.json -o FILE` writes it. */
async function reviewWorkbook(odsCode: keyof typeof STRATEGY_FILES): Promise<Uint8Array> {
  const docs = EXAMPLE_FILES.map((file) => valid(readJson(file)));
  const review = reviewStrategy(exampleStrategy(odsCode), docs, { asOf: "2026-04-30" });
  return writeWorkbook([buildReviewSheet(review, { generatedAt: GENERATED_AT })]);
}
