/**
 * Three tiers of tests, chosen by file name, each a Jest project (select with --selectProjects):
 *
 *   fast     *.test.ts          unit, property, bundle, documentation, Office.js, manifest   npm test
 *   engines  *.engines.test.ts  recalculated or printed by LibreOffice, or by HyperFormula  npm run test:engines
 *   browser  *.browser.test.ts  the task pane in Chromium (playwright-core)                 npm run test:browser
 *
 * A test file that loads LibreOffice, HyperFormula or the browser must be named for its tier: in the
 * fast tier those modules are mapped to test/support/notInFastTier.ts, which fails the file at once
 * and says so. The bundle tests load dist/: `npm test` and `npm run test:engines` build what they load
 * first (npm run build:test: the functions bundle and the command), `npm run test:browser` the whole
 * add-in. `npm run verify` runs all three tiers.
 */
const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  setupFiles: ["<rootDir>/test/support/customFunctionsGlobal.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        isolatedModules: true,
        tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx" },
      },
    ],
  },
};

/** What only the engines and browser tiers may load. */
const SLOW_MODULES = "(^|/)(libreoffice|hyperformula|playwright-core|playwright)$";

module.exports = {
  projects: [
    {
      ...shared,
      displayName: "fast",
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "\\.(engines|browser)\\.test\\.ts$"],
      moduleNameMapper: { [SLOW_MODULES]: "<rootDir>/test/support/notInFastTier.ts" },
    },
    {
      ...shared,
      displayName: "engines",
      testMatch: ["**/*.engines.test.ts"],
      setupFilesAfterEnv: ["<rootDir>/test/support/slowTierTimeout.ts"],
    },
    {
      ...shared,
      displayName: "browser",
      testMatch: ["**/*.browser.test.ts"],
      setupFilesAfterEnv: ["<rootDir>/test/support/slowTierTimeout.ts"],
    },
  ],
  // The fast tier's limit per test; the engines and browser tiers set their own (slowTierTimeout.ts).
  testTimeout: 30000,
};
