import { sumDecimals } from "../core/decimal";
import { equivalentRecoveryRate, lineAmountV1, poolAmountV1 } from "../core/quoteV1";
import {
  DOCUMENT_PATH,
  describeValue,
  issuesFromZod,
  plainEnglish,
  type DocumentIssue,
} from "./issues";
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from "./schema";
import { partnershipSchemaV1, type PartnershipV1 } from "./schemaV1";

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

function upgradeV1ToV2(doc: PartnershipV1): Record<string, unknown> {
  const { costs, quoteDate, informationGovernance, ...rest } = doc;
  const costBase = sumDecimals(costs.lines.map((line) => lineAmountV1(doc, line)));
  const recoveryRate = (pool: { pool: number; share: number }): number =>
    equivalentRecoveryRate(poolAmountV1(pool), costBase).toNumber();
  return {
    ...rest,
    version: 2,
    // Version 1 did not record supplier due diligence; nothing recorded means not started.
    informationGovernance: { ...informationGovernance, supplierDueDiligence: "not-started" },
    quote: { stage: "draft", date: quoteDate },
    pricing: {
      staffOnCostRate: costs.onCostRate,
      overheadRate: costs.overheadRate,
      fixedCostRecoveryRate: recoveryRate(costs.fixedCosts),
      capitalCostRecoveryRate: recoveryRate(costs.capitalCosts),
      overrides: [],
    },
    // Each line's kind defaults by its category when the version-2 schema reads it.
    costs: { lines: costs.lines.map((line) => ({ ...line })), directAllocations: [] },
  };
}

export type MigrationResult =
  | {
      readonly ok: true;
      readonly document: Record<string, unknown>;
      readonly fromVersion: number;
      /** The document as it was written, when it was a version-1 document. */
      readonly original?: PartnershipV1;
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

  // Only version 1 is older than the current version 2.
  const original = partnershipSchemaV1.safeParse(json, { error: plainEnglish });
  if (!original.success) {
    return { ok: false, issues: issuesFromZod(original.error.issues) };
  }
  return {
    ok: true,
    document: upgradeV1ToV2(original.data),
    fromVersion: version,
    original: original.data,
  };
}
