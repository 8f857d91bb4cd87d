import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from "./schema";
import { DOCUMENT_PATH, describeValue, type DocumentIssue } from "./issues";

/**
 * Version upgrades. A document names its version; an older one is upgraded step by step (n to n+1)
 * to the current version before it is validated, so the rest of the add-in only ever sees the current
 * shape. Today there is only version 1, so there are no steps yet.
 *
 * To add version 2: write its schema, set DOCUMENT_VERSION to 2, and add `1: upgradeV1ToV2` below,
 * a pure function from a version-1 object (already valid against the version-1 schema) to a
 * version-2 object. Keep the old schema so a step can rely on its input being valid.
 */
type Upgrade = (document: Record<string, unknown>) => Record<string, unknown>;

/** UPGRADES[n] turns a version-n document into a version-(n+1) one. */
const UPGRADES: Readonly<Record<number, Upgrade>> = {};

/** The versions this build can read: 1 up to the current one. */
export const SUPPORTED_VERSIONS: readonly number[] = Array.from(
  { length: DOCUMENT_VERSION },
  (_, i) => i + 1
);

export type MigrationResult =
  | { readonly ok: true; readonly document: Record<string, unknown>; readonly fromVersion: number }
  | { readonly ok: false; readonly issues: DocumentIssue[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Brings a document to the current version, or says why it cannot: the input is not an object, or
 * its version is missing, unknown or newer than this build understands (issue at path `version`).
 * A wrong `format` is left for the schema to report alongside any other problems.
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
  let document = json;
  for (let from = version; from < DOCUMENT_VERSION; from++) {
    const upgrade = UPGRADES[from];
    if (upgrade === undefined) {
      return {
        ok: false,
        issues: [
          {
            path: "version",
            message: `version ${from} cannot be upgraded: no upgrade step is defined`,
          },
        ],
      };
    }
    document = upgrade(document);
  }
  return { ok: true, document, fromVersion: version };
}
