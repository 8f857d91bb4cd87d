/**
 * The quote's data value profile says each characteristic in the guide's words for the end chosen
 * (CIDC guide, chapter 5, "Pricing your data": "Common data easily available" is low value, "Rare data
 * (such as a unique patient cohort)" high), never a bare "High" that reads as "easily available".
 */
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import type { Partnership } from "../../src/document";
import { parseCellAddress } from "../../src/workbook/spec/a1";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import type { SheetSpec } from "../../src/workbook/spec/spec";
import { example } from "../document/fixtures";

function quoteSheet(doc: Partnership): SheetSpec {
  const quote = priceQuote(doc);
  return buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), {
    generatedAt: new Date("2026-11-23T10:00:00Z"),
  });
}

/** The text in column B beside the first column-A cell that reads `label`. */
function besideLabel(spec: SheetSpec, label: string): string | undefined {
  const texts = new Map(
    spec.cells.flatMap((cell) =>
      cell.value.kind === "text" && cell.address !== undefined
        ? [[cell.address, cell.value.text] as const]
        : []
    )
  );
  const labelAddress = [...texts].find(
    ([address, text]) => parseCellAddress(address).col === 1 && text === label
  )?.[0];
  return labelAddress && texts.get(`B${parseCellAddress(labelAddress).row}`);
}

function withAvailability(level: "low" | "high"): Partnership {
  const doc = example("commercial-imaging-ai.json");
  doc.dataAssets = [{ ...doc.dataAssets[0]!, availability: level }];
  return doc;
}

describe("the printed data value profile", () => {
  it("says high availability is rare data, such as a unique patient cohort", () => {
    const printed = besideLabel(quoteSheet(withAvailability("high")), "Rarity of the data");
    expect(printed).toBe("Rare data, such as a unique patient cohort (high value)");
  });

  it("says low availability is common data, easily available", () => {
    const printed = besideLabel(quoteSheet(withAvailability("low")), "Rarity of the data");
    expect(printed).toBe("Common data, easily available (low value)");
  });

  it("describes every characteristic by its end, not a bare High or Low", () => {
    const doc = withAvailability("high");
    const asset = doc.dataAssets[0]!;
    doc.dataAssets = [
      {
        ...asset,
        quantityQuality: "low",
        linkage: "high",
        features: "low",
        diversity: "high",
        coverage: "high",
      },
    ];
    const spec = quoteSheet(doc);
    expect(
      [
        "Quantity and quality",
        "Linkage to other data",
        "Features, variables and complexity",
        "Diversity of population",
        "Coverage of care",
      ].map((label) => besideLabel(spec, label))
    ).toEqual([
      "Low quantity or quality (low value)",
      "Well linked to other data (high value)",
      "Low volume of features, variables or complexity (low value)",
      "High diversity of population (high value)",
      "High coverage, for example cradle to grave (high value)",
    ]);
    const texts = spec.cells.flatMap((cell) =>
      cell.value.kind === "text" ? [cell.value.text] : []
    );
    expect(texts).not.toContain("High");
    expect(texts).not.toContain("Low");
  });
});
