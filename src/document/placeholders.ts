/*
 * Placeholders: where a starter document (what `nhsdp init` writes) leaves a figure or text for the
 * trust to set. Each is a text value that begins "REPLACE:" and says what goes there, in place of the
 * value, so a document that still holds one is not the trust's yet: it is neither checked nor priced.
 * The schemas say what a valid value is; this says only whether the starter's words are still there.
 */
import { formatPath, type DocumentIssue } from "./issues";

/** How every placeholder begins. */
export const PLACEHOLDER = "REPLACE:";

/** Whether a value is a placeholder still to replace. */
export function isPlaceholder(value: unknown): value is string {
  return typeof value === "string" && value.trimStart().startsWith(PLACEHOLDER);
}

/**
 * Every placeholder in a document, in the order it is written: its path, and what to write there
 * (the placeholder's own words).
 */
export function placeholders(json: unknown): DocumentIssue[] {
  const found: DocumentIssue[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (isPlaceholder(value))
      found.push({
        path: formatPath(path),
        message: value.trim().slice(PLACEHOLDER.length).trim(),
      });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (value !== null && typeof value === "object")
      for (const [key, field] of Object.entries(value)) walk(field, [...path, key]);
  };
  walk(json, []);
  return found;
}
