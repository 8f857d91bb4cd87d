import { checkPrinciples, type Finding } from "../../src/core/principles";
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

describe("the findings sheet's Field to change", () => {
  const doc = example("commercial-imaging-ai.json");
  const finding = (field: string | undefined): Finding => ({
    ruleId: "test",
    severity: "warning",
    message: "A finding.",
    principle: "P4",
    guideSection: "CIDC guide",
    ...(field === undefined ? {} : { field }),
  });
  const fields = [
    "valueSharing.royalty.annualMinimum",
    "costs.lines[1].unitCost",
    "dataAssets[0]",
    "pricing.overheadRate",
    undefined,
  ];
  const spec = buildFindingsSheet(doc, fields.map(finding), {
    generatedAt: new Date("2026-11-23T10:00:00Z"),
  });
  const textAt = (address: string) => {
    const cell = spec.cells.find((c) => c.address === address);
    return cell?.value.kind === "text" ? cell.value.text : undefined;
  };

  it("names the field as the task pane labels it, a list's item by its id or name", () => {
    expect(textAt("D4")).toBe("Field to change");
    expect([5, 6, 7, 8, 9].map((row) => textAt(`D${row}`))).toEqual([
      "Value sharing > Revenue royalty > Annual minimum",
      "Costs > Cost line svc-labelling > Unit cost",
      'Data and value > Data asset "Chest X-ray archive 2015-2024"',
      "Costs > Rates > Overheads",
      "",
    ]);
  });

  it("sizes each row for its label wrapped at spaces, never mid-word", () => {
    // "Value sharing > Revenue royalty > Annual minimum" in a column 26 wide (about 27 characters):
    // "Value sharing > Revenue" / "royalty > Annual minimum": 2 lines of 15 points.
    expect(spec.rowHeights?.["5"]).toBe(30);
    // Row 9 names no field: one line, Excel's own height.
    expect(spec.rowHeights?.["9"]).toBeUndefined();
  });
});
