/*
 * The footer an editor keeps in view (the partnership's total and actions, the strategy's status and
 * actions): said once, so both yield at the same pane height and both keep the focused control clear.
 */
import * as React from "react";
import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** Pane heights (CSS px) below which the footer no longer stays in view. */
const FOOTER_YIELDS_BELOW_PX = 420;

/**
 * Keeps the control that has focus clear of the footer that stays in view (WCAG 2.2, 2.4.11): the
 * page's scroll padding is the footer's height, so the browser scrolls a focused control above it,
 * and a control still under it after focus moves (a browser that ignores the padding) is scrolled up.
 */
export function useFooterClearance(footer: React.RefObject<HTMLElement | null>): void {
  React.useLayoutEffect(() => {
    const element = footer.current;
    if (!element) return undefined;
    const root = document.documentElement;
    const sticky = () => getComputedStyle(element).position === "sticky";
    const pad = () => {
      root.style.scrollPaddingBottom = sticky() ? `${element.offsetHeight + 8}px` : "";
    };
    pad();
    const resized = new ResizeObserver(pad);
    resized.observe(element);
    window.addEventListener("resize", pad);
    const onFocus = (event: FocusEvent) => {
      const target = event.target as HTMLElement | null;
      if (!target || element.contains(target) || !sticky()) return;
      const overlap = target.getBoundingClientRect().bottom - element.getBoundingClientRect().top;
      if (overlap > 0) window.scrollBy({ top: overlap + 8 });
    };
    document.addEventListener("focusin", onFocus);
    return () => {
      resized.disconnect();
      window.removeEventListener("resize", pad);
      document.removeEventListener("focusin", onFocus);
      root.style.scrollPaddingBottom = "";
    };
  }, [footer]);
}

/** The footer's style: in view at the foot of the pane, after the step in a short pane. */
export const STICKY_FOOTER: GriffelStyle = {
  position: "sticky",
  bottom: 0,
  zIndex: 1,
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalXS,
  padding: `${tokens.spacingVerticalXS} 0`,
  backgroundColor: tokens.colorNeutralBackground1,
  borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  // In a short pane (or at 200% zoom) a footer that stays in view would take half of it: there it
  // yields, and sits after the step like any other content.
  [`@media (max-height: ${FOOTER_YIELDS_BELOW_PX}px)`]: { position: "static" },
};
