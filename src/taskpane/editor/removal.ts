/*
 * Removing something so that Undo can put it back exactly: a list's item at the place it had (a cost
 * line, an alternative, a partnership), or an object's field with everything it held (a royalty with
 * its tiers, cap and term). Pure, so the components only decide when to call it; UndoMessage.tsx
 * keeps what was removed until the user undoes it or removes something else.
 */
import { getAt, setAt, type Json, type Path } from "./draft";

/** An item taken out of a list, and where it was. */
export interface RemovedItem<T> {
  readonly index: number;
  readonly item: T;
}

/** The list without the item at `index`, and what was removed; undefined when there is no such item. */
export function removeItem<T>(
  list: readonly T[],
  index: number
): { list: T[]; removed: RemovedItem<T> } | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) return undefined;
  return {
    list: [...list.slice(0, index), ...list.slice(index + 1)],
    removed: { index, item: list[index] as T },
  };
}

/**
 * The list with the removed item back at its place, and that place: at the end when the list has since
 * become shorter than it, since the item must come back somewhere the user can see it.
 */
export function restoreItem<T>(
  list: readonly T[],
  removed: RemovedItem<T>
): { list: T[]; index: number } {
  const index = Math.min(removed.index, list.length);
  return { list: [...list.slice(0, index), removed.item, ...list.slice(index)], index };
}

/** A part taken out of the draft: an object's field, or a list's item (the path ends in its index). */
export interface RemovedPart {
  readonly path: Path;
  readonly value: Json;
}

const inList = (path: Path) => typeof path[path.length - 1] === "number";

/** The draft without the part at `path`, and what was removed; undefined when nothing is there. */
export function removeAt<T extends Json>(
  draft: T,
  path: Path
): { draft: T; removed: RemovedPart } | undefined {
  if (path.length === 0) return undefined;
  if (inList(path)) {
    const list = getAt(draft, path.slice(0, -1));
    const taken = Array.isArray(list)
      ? removeItem(list, path[path.length - 1] as number)
      : undefined;
    if (!taken) return undefined;
    return {
      draft: setAt(draft, path.slice(0, -1), taken.list),
      removed: { path, value: taken.removed.item },
    };
  }
  const value = getAt(draft, path);
  if (value === undefined) return undefined;
  return { draft: setAt(draft, path, undefined), removed: { path, value } };
}

/**
 * The draft with a removed part put back, and the path it is back at: a list's item at its place (the
 * later items move down one), a field with the value it had.
 */
export function restoreAt<T extends Json>(
  draft: T,
  removed: RemovedPart
): { draft: T; path: Path } {
  if (!inList(removed.path)) {
    return { draft: setAt(draft, removed.path, removed.value), path: removed.path };
  }
  const listPath = removed.path.slice(0, -1);
  const list = getAt(draft, listPath);
  const restored = restoreItem(Array.isArray(list) ? list : [], {
    index: removed.path[removed.path.length - 1] as number,
    item: removed.value,
  });
  return { draft: setAt(draft, listPath, restored.list), path: [...listPath, restored.index] };
}
