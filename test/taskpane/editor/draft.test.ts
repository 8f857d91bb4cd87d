/**
 * The editor's pure parts: editing a draft by path, numbers as typed, the workspace of partnerships,
 * and a draft priced by the same code as the quote sheet.
 */
import fs from "fs";
import path from "path";
import {
  getAt,
  newPartnershipDraft,
  nextId,
  setAt,
  type Draft,
} from "../../../src/taskpane/editor/draft";
import {
  numbersText,
  numbersValue,
  numberText,
  numberValue,
  percentMessage,
  percentWarning,
} from "../../../src/taskpane/editor/numbers";
import { issuesWithin, priceDraft } from "../../../src/taskpane/editor/pricedDraft";
import {
  EMPTY_WORKSPACE,
  addNew,
  draftOf,
  duplicateSelected,
  nextReference,
  replaceSelected,
  selected,
} from "../../../src/taskpane/editor/workspace";
import { addImported, importOutcome, readImport } from "../../../src/taskpane/editor/importing";

const EXAMPLES = path.join(__dirname, "..", "..", "..", "examples");
const read = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), "utf8");
const TODAY = new Date(2026, 10, 23, 9, 30);

describe("editing by path", () => {
  it("sets a value deep in the draft, copying only the objects on the way", () => {
    const draft: Draft = { a: { b: [1, { c: "x" }] }, other: { kept: true } };
    const next = setAt(draft, ["a", "b", 1, "c"], "y");
    expect(getAt(next, ["a", "b", 1, "c"])).toBe("y");
    expect(getAt(draft, ["a", "b", 1, "c"])).toBe("x");
    expect(next.other).toBe(draft.other);
  });

  it("removes a field, and an item from a list", () => {
    const draft: Draft = { a: { b: [1, 2, 3], c: 4 } };
    expect(setAt(draft, ["a", "c"], undefined)).toEqual({ a: { b: [1, 2, 3] } });
    expect(setAt(draft, ["a", "b", 1], undefined)).toEqual({ a: { b: [1, 3], c: 4 } });
  });

  it("creates the objects and lists a path needs", () => {
    expect(setAt({} as Draft, ["valueSharing", "milestones", 0, "amount"], 5)).toEqual({
      valueSharing: { milestones: [{ amount: 5 }] },
    });
  });

  it("numbers new list items after the ones there", () => {
    expect(nextId([{ id: "line-1" }, { id: "line-2" }], "line")).toBe("line-3");
    expect(nextId([{ id: "line-3" }], "line")).toBe("line-2");
    expect(nextId(undefined, "line")).toBe("line-1");
  });
});

describe("numbers as typed", () => {
  it("reads pounds with a sign and thousands separators", () => {
    expect(numberValue("1,200.50", "pounds")).toBe(1200.5);
    expect(numberValue("£1,234,567", "pounds")).toBe(1234567);
    expect(numberValue(" 12. ", "number")).toBe(12);
  });

  it("stores a percentage as the exact fraction: 12.5% is 0.125, 7.1% is 0.071", () => {
    expect(numberValue("12.5", "percent")).toBe(0.125);
    // 7.1 / 100 in doubles is 0.07099999999999999; the document needs the decimal 0.071.
    expect(numberValue("7.1", "percent")).toBe(0.071);
    expect(numberText(0.071, "percent")).toBe("7.1");
    expect(numberText(0.2, "percent")).toBe("20");
  });

  it("shows a stored figure as it is written: thousands grouped, pence to two places", () => {
    expect(numberText(40000000, "pounds")).toBe("40,000,000");
    expect(numberText(1200.5, "pounds")).toBe("1,200.50");
    expect(numberText(1234567.891, "number")).toBe("1,234,567.891");
    expect(numberText(999, "pounds")).toBe("999");
    expect(numberText(100, "percent")).toBe("10,000");
    // and each reads back as the same number
    for (const [value, kind] of [
      [40000000, "pounds"],
      [1200.5, "pounds"],
      [1234567.891, "number"],
      [100, "percent"],
    ] as const)
      expect(numberValue(numberText(value, kind), kind)).toBe(value);
  });

  it("says the schema's rate limits in percentages, naming what was typed", () => {
    expect(
      percentMessage(
        "must have at most 4 decimal places (a rate to 0.01%: 0.2534 = 25.34%; got 0.01234)",
        0.01234
      )
    ).toBe("must be to the nearest 0.01% (got 1.234%)");
    expect(
      percentMessage("must be at most 100 (a decimal uplift: 0.25 = 25%, 1 = 100%)", 120)
    ).toBe("must be at most 10,000% (got 12,000%)");
    expect(percentMessage("must be between 0 and 1 (a decimal fraction, 0.25 = 25%)", 1.5)).toBe(
      "must be between 0% and 100% (got 150%)"
    );
    expect(percentMessage("must not be negative (a decimal uplift, 0.25 = 25%)", -0.05)).toBe(
      "must not be negative (got -5%)"
    );
    expect(percentMessage("is required", undefined)).toBe("is required");
  });

  it("asks for a second look at a rate over 100%, and only then", () => {
    expect(percentWarning(10)).toBe(
      "1,000% is more than the cost itself again: check it is the rate meant"
    );
    expect(percentWarning(1)).toBeUndefined();
    expect(percentWarning(0.22)).toBeUndefined();
    expect(percentWarning("22x")).toBeUndefined();
  });

  it("keeps what is not a number as typed, so the schema can say why", () => {
    expect(numberValue("12x", "number")).toBe("12x");
    expect(numberValue("1,20", "number")).toBe("1,20");
    expect(numberValue("", "number")).toBeUndefined();
  });
});

describe("a list of numbers typed in one box", () => {
  it("reads percentages, separated by commas or spaces", () => {
    expect(numbersValue("1, 2.5 5", "percent")).toEqual([0.01, 0.025, 0.05]);
  });

  it("keeps thousands separators within a number", () => {
    expect(numbersValue("500,000, 1,000,000", "pounds")).toEqual([500000, 1000000]);
  });

  it("keeps what is not a number as typed, for the schema to explain; empty is the default", () => {
    expect(numbersValue("1 x", "number")).toEqual([1, "x"]);
    expect(numbersValue("  ", "percent")).toBeUndefined();
  });

  it("writes a stored list back as it would be typed", () => {
    expect(numbersText([0.01, 0.075], "percent")).toBe("1, 7.5");
  });
});

describe("a draft priced as the sheet prices it", () => {
  it("prices a complete document to the sheet's total", () => {
    const priced = priceDraft(JSON.parse(read("commercial-imaging-ai.json")) as Draft);
    expect(priced.status).toBe("priced");
    // The figure the engine tests confirm in LibreOffice and HyperFormula.
    expect(priced.status === "priced" && priced.quote.total.toFixed(2)).toBe("73692.22");
  });

  it("a new partnership lists what it lacks, each at its field", () => {
    const priced = priceDraft(newPartnershipDraft({ today: TODAY, reference: "DP-2026-001" }));
    expect(priced.status).toBe("invalid");
    if (priced.status !== "invalid") return;
    const paths = priced.issues.map((issue) => issue.path);
    for (const field of ["trust.name", "partner.name", "use", "vatRate", "dataAssets"])
      expect(paths).toContain(field);
    expect(priced.issuesByPath.get("vatRate")).toHaveLength(1);
    expect(issuesWithin(priced, "trust").map((issue) => issue.path)).toContain("trust.name");
    // The quote is dated today, in the user's own calendar.
    expect(paths).not.toContain("quote.date");
  });
});

describe("the workspace of partnerships", () => {
  it("adds, duplicates under a new reference as a draft, and edits the open one", () => {
    let ws = addNew(EMPTY_WORKSPACE, TODAY);
    expect(draftOf(selected(ws))?.reference).toBe("DP-2026-001");
    ws = replaceSelected(ws, { ...draftOf(selected(ws))!, partner: { name: "Acme" } }, TODAY);
    ws = duplicateSelected(ws, TODAY);
    expect(ws.partnerships).toHaveLength(2);
    expect(selected(ws)?.document).toMatchObject({
      reference: "DP-2026-002",
      partner: { name: "Acme" },
      quote: { stage: "draft", date: "2026-11-23" },
    });
    expect(nextReference(ws, TODAY)).toBe("DP-2026-003");
  });

  it("imports a version-1 document upgraded, and says so", () => {
    const result = readImport(read("v1/commercial-imaging-ai.json"), "old.json");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ws = addImported(EMPTY_WORKSPACE, result.imported, TODAY);
    expect(importOutcome(result.imported, "added")?.message).toMatch(
      /^Imported old\.json\. DP-2025-011 is a version-1 document, read as version 2\./
    );
    expect(draftOf(selected(ws))?.version).toBe(3);
  });

  it("refuses a file that is not a partnership document, saying why", () => {
    const strategy = readImport(read("strategies/northvale-pricing-strategy.json"), "s.json");
    expect(strategy).toMatchObject({ ok: false, message: "s.json is not a partnership document" });
    const broken = readImport('{"format": ', "b.json");
    expect(broken).toMatchObject({ ok: false, message: "b.json is not valid JSON" });
  });
});
