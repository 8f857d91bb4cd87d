/* Lint with Microsoft's office-addins rules (React flavour), plus TypeScript parsing for .tsx. */
const officeAddins = require("eslint-plugin-office-addins");
const typescriptEslint = require("typescript-eslint");
const globals = require("globals");

module.exports = [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", ".tmp/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,cts,mts}"],
    languageOptions: {
      parser: typescriptEslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      // The TypeScript compiler already resolves every identifier, including Office's globals.
      "no-undef": "off",
      // A value and a type may share a name in TypeScript (Decimal is both).
      "no-redeclare": "off",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: {
      "@typescript-eslint": typescriptEslint.plugin,
      prettier: require("eslint-plugin-prettier"),
    },
    rules: {
      "@typescript-eslint/no-unused-vars": "error",
      "no-unused-vars": "off",
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    files: ["*.js", "*.mjs", "scripts/**", "bench/**", "test/**"],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
  },
  { files: ["*.js"], languageOptions: { sourceType: "commonjs" } },
  {
    // Tests read ExcelJS workbooks, whose getCell() the Office.js load/sync rules mistake for Excel's.
    files: ["test/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];
