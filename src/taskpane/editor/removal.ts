/*
 * Removing an item from a list so that it can be put back exactly: what was removed and where it was,
 * kept by the control that removed it until the user undoes it or removes something else. Pure, so the
 * components only decide when to call it.
 */

/** What a removal took out: the item itself, its position, and how the pane names it. */
export interface Removed<T> {
  readonly index: number;
  readonly item: T;
  readonly name: string;
}

/** The list without the item at `index`, and what was removed; undefined when there is no such item. */
export function removeAt<T>(
  list: readonly T[],
  index: number,
  name: string
): { list: T[]; removed: Removed<T> } | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) return undefined;
  return {
    list: [...list.slice(0, index), ...list.slice(index + 1)],
    removed: { index, item: list[index] as T, name },
  };
}

/**
 * The list with the removed item back where it was; at the end if the list has since become shorter
 * than its old position. Returns the position it went back to.
 */
export function restoreAt<T>(
  list: readonly T[],
  removed: Removed<T>
): { list: T[]; index: number } {
  const index = Math.min(removed.index, list.length);
  return { list: [...list.slice(0, index), removed.item, ...list.slice(index)], index };
}
