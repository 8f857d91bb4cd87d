/**
 * The test tiers of jest.config.js: in the fast tier (npm test) a test file cannot load LibreOffice,
 * HyperFormula or the browser; loading one fails the file, saying which tier it belongs to.
 */
const SLOW = ["./support/libreoffice", "./support/hyperformula", "hyperformula", "playwright-core"];

it.each(SLOW)("refuses %s in the fast tier, naming the tiers that may load it", (name) => {
  jest.isolateModules(() => {
    expect(() => require(name)).toThrow(
      /fast tier \(npm test\).*\*\.engines\.test\.ts.*\*\.browser\.test\.ts/s
    );
  });
});
