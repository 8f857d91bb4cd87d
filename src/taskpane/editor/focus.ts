/*
 * Where the keyboard goes when a part of the editor appears (added, or put back by Undo): to its first
 * control, in the middle of the pane, so the user can go on from there.
 */

/** Focuses a control in the middle of the pane, never behind the footer that stays in view. */
export function focusInView(control: HTMLElement | null | undefined): void {
  control?.focus({ preventScroll: true });
  control?.scrollIntoView({ block: "center" });
}

/** Focuses the first control inside `element` (an input, a select, a button); false when there is none. */
export function focusFirstControl(element: Element | null | undefined): boolean {
  const control = element?.querySelector<HTMLElement>("input, select, textarea, button");
  focusInView(control);
  return control !== null && control !== undefined;
}

/**
 * Focuses the first control of the part of the document at `key` (a group with data-part); false while
 * the part is not on the page yet. The editor's controls read the draft through a context that updates
 * them after their own state, so a render may come before the part does: callers try again on the next.
 */
export function focusPart(key: string): boolean {
  return focusFirstControl(document.querySelector(`[data-part="${CSS.escape(key)}"]`));
}
