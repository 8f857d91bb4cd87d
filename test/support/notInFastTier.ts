/*
 * What the fast tier (npm test) loads in place of LibreOffice's and HyperFormula's test support,
 * hyperformula and playwright-core (jest.config.js maps them here): a test file that needs a spreadsheet
 * engine or a browser fails at once, saying where it belongs.
 */
export {};

throw new Error(
  "This test file loads LibreOffice, HyperFormula or a browser, which the fast tier (npm test) never " +
    "does. Name it *.engines.test.ts (LibreOffice, HyperFormula: npm run test:engines) or " +
    "*.browser.test.ts (Chromium: npm run test:browser), or move its fast tests into a file of their own."
);
