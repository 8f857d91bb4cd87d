/*
 * The partnership being edited, as the user has typed it so far: a plain JSON value in the shape of the
 * Partnership document, which may be incomplete or wrong anywhere. The pane never holds a second model
 * of the document: what it saves, exports and prices is this value, and every message about it comes
 * from the document's own schema, at the same paths (`costs.lines[2].unitCost`) the CLI reports.
 */
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, formatPath } from "../../document";
import { isoDay } from "../../model/format";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Draft = { [key: string]: Json };
export type Path = readonly (string | number)[];

/** A path as the schema's issues write it: `costs.lines[2].unitCost`. */
export const pathKey = (path: Path): string => formatPath(path);

/** The value at `path`, or undefined where the draft has nothing. */
export function getAt(draft: Json | undefined, path: Path): Json | undefined {
  let at: Json | undefined = draft;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = Array.isArray(at) ? at[key as number] : (at as Record<string, Json>)[key as string];
  }
  return at;
}

/**
 * A copy of `draft` with `value` at `path` (undefined removes the field), copying only the objects on
 * the way, so React sees what changed and everything else keeps its identity.
 */
export function setAt<T extends Json>(draft: T, path: Path, value: Json | undefined): T {
  if (path.length === 0) return (value ?? null) as T;
  const [key, ...rest] = path;
  const container: Json =
    draft !== null && typeof draft === "object" ? draft : typeof key === "number" ? [] : {};
  if (Array.isArray(container)) {
    const copy = [...container];
    const index = key as number;
    const next = setAt((copy[index] ?? null) as Json, rest, value);
    if (value === undefined && rest.length === 0) copy.splice(index, 1);
    else copy[index] = next;
    return copy as T;
  }
  const copy: Record<string, Json> = { ...(container as Record<string, Json>) };
  const name = key as string;
  if (value === undefined && rest.length === 0) delete copy[name];
  else copy[name] = setAt((copy[name] ?? null) as Json, rest, value);
  return copy as T;
}

/** An id not yet used by the list's items: `line-4` after line-1..line-3. */
export function nextId(items: Json | undefined, prefix: string): string {
  const used = new Set(
    (Array.isArray(items) ? items : []).map((item) =>
      item !== null && typeof item === "object" && !Array.isArray(item) ? String(item.id) : ""
    )
  );
  let n = used.size + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export interface NewDraftOptions {
  today: Date;
  reference: string;
  /** The trust and the rates to start from: the trust's pricing strategy, when the pane has one. */
  trust?: Draft;
  pricing?: Draft;
}

/**
 * A new partnership: the fields with one right starting value filled in (format, a draft quote dated
 * today, no value-sharing terms yet), everything the user must decide left empty so the schema asks
 * for it. VAT in particular is never assumed: it depends on the supply.
 */
export function newPartnershipDraft(options: NewDraftOptions): Draft {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    reference: options.reference,
    trust: options.trust ?? { name: "" },
    partner: { name: "" },
    purpose: "",
    dataAssets: [],
    exclusivityRequested: false,
    consentToCommercialise: false,
    informationGovernance: {
      dpia: "not-started",
      dataProcessingAgreement: "not-started",
      dataSharingAgreement: "not-started",
      supplierDueDiligence: "not-started",
    },
    quote: { stage: "draft", date: isoDay(options.today) },
    pricing: options.pricing ?? { overrides: [] },
    costs: { lines: [], directAllocations: [] },
    valueSharing: {},
  };
}
