/**
 * Flushes pending saves when the pane or page goes away. Both events, because neither is enough on
 * its own: `visibilitychange` to hidden is the last event reliably delivered on mobile and in
 * webviews, and `pagehide` covers a navigation or close that does not hide first. A flush with
 * nothing pending does nothing, so getting both is harmless.
 */

interface PageEvents {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface PageToWatch {
  /** Where `pagehide` is dispatched: the window. */
  readonly window: PageEvents;
  /** Where `visibilitychange` is dispatched: the document. */
  readonly document: PageEvents & { readonly visibilityState: DocumentVisibilityState };
}

/** Calls `flush` whenever the page is hidden or unloaded; returns a function that stops watching. */
export function flushWhenPageHides(
  flush: () => unknown,
  page: PageToWatch = { window, document }
): () => void {
  const onVisibilityChange = (): void => {
    if (page.document.visibilityState === "hidden") void flush();
  };
  const onPageHide = (): void => void flush();
  page.document.addEventListener("visibilitychange", onVisibilityChange);
  page.window.addEventListener("pagehide", onPageHide);
  return () => {
    page.document.removeEventListener("visibilitychange", onVisibilityChange);
    page.window.removeEventListener("pagehide", onPageHide);
  };
}
