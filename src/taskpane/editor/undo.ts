/*
 * Removing a part of the draft so that it can be put back: what was removed, where from, and the draft
 * with it restored exactly (a list's item back at its place, a mechanism back with every field it had).
 */
import { getAt, setAt, type Json, type Path } from "./draft";

export interface Removed {
  /** Where the value was: an object's field, or a list's item (the path ends in its index). */
  path: Path;
  value: Json;
}

/** The draft without the value at `path`, and what was removed (undefined when nothing was there). */
export function removeAt<T extends Json>(
  draft: T,
  path: Path
): { draft: T; removed: Removed | undefined } {
  const value = getAt(draft, path);
  if (value === undefined) return { draft, removed: undefined };
  return { draft: setAt(draft, path, undefined), removed: { path, value } };
}

/** The draft with a removed value put back where it was; a list's later items move down one. */
export function restore<T extends Json>(draft: T, removed: Removed): T {
  const index = removed.path[removed.path.length - 1];
  if (typeof index === "number") {
    const listPath = removed.path.slice(0, -1);
    const list = getAt(draft, listPath);
    const items = Array.isArray(list) ? [...list] : [];
    items.splice(Math.min(index, items.length), 0, removed.value);
    return setAt(draft, listPath, items);
  }
  return setAt(draft, removed.path, removed.value);
}
