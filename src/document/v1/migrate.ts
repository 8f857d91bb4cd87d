import { Decimal, sumDecimals } from "../../model/decimal";
import { DECIMAL_PLACES } from "../../model/vocabulary";
import { equivalentRecoveryRate, lineAmountV1, poolAmountV1 } from "./arithmetic";
import {
  DOCUMENT_PATH,
  describeValue,
  issuesFromZod,
  plainEnglish,
  type DocumentIssue,
} from "../issues";
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from "../schema";
import { partnershipSchemaV1, type PartnershipV1 } from "./schema";

/**
 * Version upgrades. A document names its version; an older one is first checked against its own
 * version's schema (so its problems are reported at the paths it was written with), then upgraded
 * step by step (n to n+1) to the current version, which the caller validates. The rest of the add-in
 * only ever sees the current shape.
 *
 * To add version n+1: write its schema, keep version n's (schemaVn.ts), set DOCUMENT_VERSION, and add
 * a step below: a pure function from a valid version-n document to a version-(n+1) object.
 */

/** The versions this build can read: 1 up to the current one. */
export const SUPPORTED_VERSIONS: readonly number[] = Array.from(
  { length: DOCUMENT_VERSION },
  (_, i) => i + 1
);

/** Version 2's largest rate (10,000%), and the longest id it prints. */
const MAX_RATE = 100;
const MAX_ID_LENGTH = 64;

/**
 * Upgrades a valid version-1 document. Version 1 had no limits on decimal places, rates or id lengths;
 * a figure version 2 cannot hold exactly is rounded half away from zero to version 2's precision (or a
 * rate capped, an id shortened), and each such change is described in `notes`, so that nothing about
 * the document changes without the user being told.
 */
function upgradeV1ToV2(doc: PartnershipV1): { document: Record<string, unknown>; notes: string[] } {
  const { costs, quoteDate, informationGovernance, ...rest } = doc;
  const notes: string[] = [];
  const fit = (value: number, places: number, path: string, max = Infinity): number => {
    const exact = new Decimal(value);
    let fitted = exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    if (fitted.greaterThan(max)) fitted = new Decimal(max);
    if (!fitted.equals(exact))
      notes.push(
        fitted.equals(max)
          ? `${path} of ${exact.toString()} is capped at ${max}, the largest version 2 accepts.`
          : `${path} of ${exact.toString()} is rounded to ${fitted.toString()}: version 2 keeps ${places} decimal places.`
      );
    return fitted.toNumber();
  };
  const costBase = sumDecimals(costs.lines.map((line) => lineAmountV1(doc, line)));
  const recoveryRate = (pool: { pool: number; share: number }, path: string): number =>
    fit(
      equivalentRecoveryRate(poolAmountV1(pool), costBase).toNumber(),
      DECIMAL_PLACES.rate,
      path,
      MAX_RATE
    );
  const lines = costs.lines.map((line, index) => {
    const path = `costs.lines[${index}]`;
    const id =
      line.id.length <= MAX_ID_LENGTH
        ? line.id
        : `${line.id.slice(0, MAX_ID_LENGTH - 6)}~${index + 1}`;
    if (id !== line.id)
      notes.push(`${path}.id is shortened to "${id}": version 2 ids have at most 64 characters.`);
    return {
      ...line,
      id,
      quantity: fit(line.quantity, DECIMAL_PLACES.quantity, `${path}.quantity`),
      unitCost: fit(line.unitCost, DECIMAL_PLACES.unitCost, `${path}.unitCost`),
    };
  });
  const document = {
    ...rest,
    version: 2,
    // Version 1 did not record supplier due diligence; nothing recorded means not started.
    informationGovernance: { ...informationGovernance, supplierDueDiligence: "not-started" },
    quote: { stage: "draft", date: quoteDate },
    pricing: {
      staffOnCostRate: fit(costs.onCostRate, DECIMAL_PLACES.rate, "costs.onCostRate", MAX_RATE),
      overheadRate: fit(costs.overheadRate, DECIMAL_PLACES.rate, "costs.overheadRate", MAX_RATE),
      fixedCostRecoveryRate: recoveryRate(
        costs.fixedCosts,
        "The fixed-cost recovery rate carried over"
      ),
      capitalCostRecoveryRate: recoveryRate(
        costs.capitalCosts,
        "The capital-cost recovery rate carried over"
      ),
      overrides: [],
    },
    // Each line's kind defaults by its category when the version-2 schema reads it.
    costs: { lines, directAllocations: [] },
    vatRate: fit(doc.vatRate, DECIMAL_PLACES.rate, "vatRate"),
  };
  return { document, notes };
}

export type MigrationResult =
  | {
      readonly ok: true;
      readonly document: Record<string, unknown>;
      readonly fromVersion: number;
      /** The document as it was written, when it was a version-1 document. */
      readonly original?: PartnershipV1;
      /** What the upgrade had to change beyond the format (a figure rounded, a rate capped). */
      readonly notes?: readonly string[];
    }
  | { readonly ok: false; readonly issues: DocumentIssue[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Brings a document to the current version, or says why it cannot: the input is not an object, its
 * version is missing, unknown or newer than this build understands (issue at path `version`), or it
 * is an invalid older document (issues at its own paths). A wrong `format` is left for the schema
 * to report alongside any other problems.
 */
export function migrateToCurrent(json: unknown): MigrationResult {
  if (!isRecord(json)) {
    return {
      ok: false,
      issues: [
        {
          path: DOCUMENT_PATH,
          message: `must be a JSON object with "format": "${DOCUMENT_FORMAT}" (got ${describeValue(json)})`,
        },
      ],
    };
  }
  const version = json["version"];
  if (version === undefined) {
    return {
      ok: false,
      issues: [
        {
          path: "version",
          message: `is required: a partnership document says which version of the format it uses ("version": ${DOCUMENT_VERSION})`,
        },
      ],
    };
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      issues: [
        {
          path: "version",
          message: `must be a whole number from 1 to ${DOCUMENT_VERSION} (got ${describeValue(version)}); this is not a version of the partnership format`,
        },
      ],
    };
  }
  if (version > DOCUMENT_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: "version",
          message: `is ${version}, a newer version of the partnership format than this add-in reads (up to version ${DOCUMENT_VERSION}); update the add-in to open this document`,
        },
      ],
    };
  }
  if (version === DOCUMENT_VERSION) return { ok: true, document: json, fromVersion: version };
  if (version === 2) return { ok: true, document: upgradeV2ToV3(json), fromVersion: version };

  const original = partnershipSchemaV1.safeParse(json, { error: plainEnglish });
  if (!original.success) {
    return { ok: false, issues: issuesFromZod(original.error.issues) };
  }
  const upgraded = upgradeV1ToV2(original.data);
  return {
    ok: true,
    document: upgradeV2ToV3(upgraded.document),
    fromVersion: version,
    original: original.data,
    notes: upgraded.notes,
  };
}

/**
 * Version 3 only added optional fields (the parties' contacts and address, the trust's VAT number,
 * payment instructions and terms), so a version-2 document is a version-3 document without them.
 */
function upgradeV2ToV3(doc: Record<string, unknown>): Record<string, unknown> {
  return { ...doc, version: 3 };
}
