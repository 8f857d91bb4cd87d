import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { buildFindingsSheet } from "../../src/workbook/layouts/findingsSheet";
import { EXAMPLE_FILES, example } from "../document/fixtures";

/** The findings sheet says a severity in the audit report's words: ERROR, WARNING, NOTE. */
describe.each(EXAMPLE_FILES.map((file) => [file]))("%s: the findings sheet", (file) => {
  const doc = example(file);
  const quote = priceQuote(doc);
  const findings = checkPrinciples(doc, quote);
  const spec = buildFindingsSheet(doc, findings, { generatedAt: new Date("2026-11-23T10:00:00Z") });

  it("writes each finding's severity as ERROR, WARNING or NOTE, in the findings' order", () => {
    const words = { error: "ERROR", warning: "WARNING", info: "NOTE" } as const;
    const severities = findings.map((finding, i) => {
      const cell = spec.cells.find((c) => c.address === `A${5 + i}`);
      return cell?.value.kind === "text" ? cell.value.text : undefined;
    });
    expect(severities).toEqual(findings.map((finding) => words[finding.severity]));
  });
});
