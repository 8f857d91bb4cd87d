/*
 * The Fluent theme that matches where the pane runs: Office's own theme in Excel (its dark and black
 * themes give a dark pane), the system's colour scheme in a browser, and high contrast whenever the
 * system forces colours. `?theme=light|dark|high-contrast` on the page's address overrides it, for
 * checking each theme.
 */
export type ThemeName = "light" | "dark" | "high-contrast";

export interface ThemeSignals {
  /** `?theme=` on the page's address, if any. */
  requested?: string | null;
  /** Office.context.officeTheme.bodyBackgroundColor, in Excel. */
  officeBackground?: string;
  prefersDark?: boolean;
  forcedColors?: boolean;
}

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((part) => {
    const c = parseInt(part as string, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function chooseTheme(signals: ThemeSignals): ThemeName {
  const requested = signals.requested?.toLowerCase();
  if (requested === "light" || requested === "dark" || requested === "high-contrast")
    return requested;
  if (signals.forcedColors) return "high-contrast";
  if (signals.officeBackground !== undefined) {
    const light = luminance(signals.officeBackground);
    if (light !== undefined) return light < 0.3 ? "dark" : "light";
  }
  return signals.prefersDark ? "dark" : "light";
}

/** The signals in this page (never throws: a plain browser has no Office). */
export function themeSignalsHere(): ThemeSignals {
  const media = (query: string) =>
    typeof window !== "undefined" && typeof window.matchMedia === "function"
      ? window.matchMedia(query).matches
      : false;
  let officeBackground: string | undefined;
  try {
    officeBackground =
      typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  } catch {
    officeBackground = undefined;
  }
  return {
    requested:
      typeof window !== "undefined"
        ? new URLSearchParams(window.location.search).get("theme")
        : null,
    officeBackground,
    prefersDark: media("(prefers-color-scheme: dark)"),
    forcedColors: media("(forced-colors: active)"),
  };
}
