/**
 * Each example's register row, written out by hand from the example documents (and the totals the
 * engine tests confirm in LibreOffice and HyperFormula).
 */
import { priceQuote } from "../../src/core/pricing/quote";
import { quoteRegisterEntry } from "../../src/workbook/layouts/register/registerEntry";
import { example } from "../document/fixtures";

const AT = new Date("2026-11-23T10:05:00Z");

function entryOf(file: Parameters<typeof example>[0]) {
  const doc = example(file);
  return quoteRegisterEntry(doc, priceQuote(doc), AT);
}

describe("quoteRegisterEntry", () => {
  test("a commercial quote with a fixed payment in instalments and a tiered, capped royalty", () => {
    expect(entryOf("commercial-imaging-ai.json")).toEqual({
      reference: "DP-2025-011",
      partner: "Radiant Vision AI Ltd",
      use: "Commercial",
      stage: "Issued",
      owner: "Priya Shah, Head of Data Partnerships",
      total: 73692.22,
      valueSharing:
        "Fixed £50,000.00 in 2 instalments; Royalty 4% of revenue, 6% above £5,000,000.00, for 10 years (cap £750,000.00 a year)",
      igStatus: "Complete",
      reviewDate: "2027-03-31",
      generated: "2026-11-23T10:05",
    });
  });

  test("milestones are counted and summed; outstanding governance is named with its status", () => {
    const entry = entryOf("commercial-rwe-milestones.json");
    // 50,000 + 100,000 + 250,000 + 500,000
    expect(entry.valueSharing).toBe("Fixed £30,000.00; 4 milestones totalling £900,000.00");
    expect(entry.igStatus).toBe("Data sharing agreement: in progress");
  });

  test("a subscription with indexation; not-applicable governance is not outstanding", () => {
    const entry = entryOf("sme-subscription.json");
    expect(entry.valueSharing).toBe("Subscription £12,000.00 a year for 3 years, 2% a year");
    expect(entry.igStatus).toBe("Supplier due diligence: in progress");
  });

  test("a non-commercial quote with no value-sharing terms", () => {
    const entry = entryOf("academic-sde-study.json");
    expect([entry.use, entry.stage, entry.total, entry.valueSharing, entry.igStatus]).toEqual([
      "Non-commercial",
      "Draft",
      34497.72,
      "None",
      "Complete",
    ]);
  });

  test("no owner or review date in the document: none in the row", () => {
    const doc = example("academic-sde-study.json");
    delete doc.owner;
    delete doc.reviewDate;
    const entry = quoteRegisterEntry(doc, priceQuote(doc), AT);
    expect("owner" in entry || "reviewDate" in entry).toBe(false);
  });
});
