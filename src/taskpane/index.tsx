import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import {
  FluentProvider,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import App from "./components/App";
import { excelAvailable } from "./host";
import { chooseTheme, themeSignalsHere, type ThemeName } from "./theme";

const THEMES = {
  light: webLightTheme,
  dark: webDarkTheme,
  "high-contrast": teamsHighContrastTheme,
};

/* global document, Office */

const title = "NHS data partnership pricing";

function render(root: Root, host: string | null | undefined): void {
  // Known once Office.onReady has answered (host !== undefined); Office.context.host is set by then.
  const canWriteSheets = host === undefined ? undefined : excelAvailable();
  const theme: ThemeName = chooseTheme(themeSignalsHere());
  document.documentElement.dataset.theme = theme;
  // The browser's own parts of controls (a date field's calendar button, scrollbars) drawn for a dark
  // page in the dark theme, not black on it.
  document.documentElement.style.colorScheme = theme === "dark" ? "dark" : "";
  root.render(
    <React.StrictMode>
      <FluentProvider theme={THEMES[theme]} style={{ minHeight: "100vh" }}>
        <App host={host} excelAvailable={canWriteSheets} />
      </FluentProvider>
    </React.StrictMode>
  );
}

function mount(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  document.title = title;

  // Render straight away: outside Office (a plain browser, tests) Office.onReady may never fire,
  // and inside Office the page should not sit blank while Office.js starts.
  const officeAvailable = typeof Office !== "undefined" && typeof Office.onReady === "function";
  render(root, officeAvailable ? undefined : null);

  if (officeAvailable) {
    // info.host is the host's name at runtime (e.g. "Excel"); null outside Office.
    Office.onReady((info) => render(root, info.host == null ? null : String(info.host))).catch(() =>
      render(root, null)
    );
  }
}

mount();
