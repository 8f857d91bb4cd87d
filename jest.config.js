/** Unit, property, bundle and engine tests. The bundle tests load dist/, so `npm test` builds first. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
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
  testTimeout: 30000,
};
