/**
 * The internal quote sheet's draft marking and its shaded inputs: a large red DRAFT banner in the
 * print header of every page while the findings include an error (and none otherwise), the stage not
 * printed as issued on a draft, and the input cells shaded pale yellow (#FFF4CC) with the key beside.
 */
import type { Finding } from "../../src/core/principles";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { parseCellAddress } from "../../src/workbook/spec/a1";
import {
  cellRef,
  headerFooterString,
  type CellSpec,
  type SheetSpec,
} from "../../src/workbook/spec/spec";
import { example } from "../document/fixtures";

const AT = new Date("2026-11-23T10:00:00Z");
const doc = example("commercial-imaging-ai.json");
const quote = priceQuote(doc);
const findings = checkPrinciples(doc, quote);

/** Two made-up errors beside the example's own findings (it has none). */
const error = (ruleId: string): Finding => ({
  ruleId,
  severity: "error",
  message: "A made-up error for the test.",
  principle: "DHSC principle 1",
  guideSection: "CIDC guide, chapter 4",
});
const withErrors = [...findings, error("test-1"), error("test-2")];

const clean = buildQuoteSheet(doc, quote, findings, { generatedAt: AT });
const draft = buildQuoteSheet(doc, quote, withErrors, { generatedAt: AT });

function texts(spec: SheetSpec): string[] {
  return spec.cells.flatMap((cell) => (cell.value.kind === "text" ? [cell.value.text] : []));
}

function cellAt(spec: SheetSpec, address: string): CellSpec | undefined {
  const { row, col } = parseCellAddress(address);
  return spec.cells.find((cell) => {
    const at = cellRef(cell);
    return at.row === row && at.col === col;
  });
}

const nameRef = (spec: SheetSpec, name: string): string =>
  (spec.names.find((n) => n.name === name)?.ref ?? "").replace(/\$/g, "");

describe("the print header", () => {
  it("has a large bold red DRAFT banner on a quote whose findings include an error", () => {
    expect(findings.some((f) => f.severity === "error")).toBe(false);
    expect(headerFooterString(draft.print.header)).toBe(
      '&LQuote DP-2025-011&C&16&"-,Bold"&KD5281BDRAFT \u2013 not an offer: 2 principle errors to resolve&RGenerated 2026-11-23 10:00 UTC'
    );
  });

  it("has no banner, and no DRAFT anywhere, without an error", () => {
    expect(headerFooterString(clean.print.header)).toBe(
      "&LQuote DP-2025-011&RGenerated 2026-11-23 10:00 UTC"
    );
    expect(texts(clean).filter((t) => /draft/i.test(t))).toEqual([]);
  });
});

describe("the stage", () => {
  it("is printed as issued on a quote without errors", () => {
    expect(texts(clean)).toContain("Issued 2 June 2025");
  });

  it("is a draft, recorded as issued, on a quote with errors", () => {
    expect(texts(draft)).toContain(
      "Draft (recorded as issued; errors must be resolved before it is sent)"
    );
    expect(texts(draft)).not.toContain("Issued 2 June 2025");
  });

  it("points to the findings only where they are in the same workbook", () => {
    const warning = (spec: SheetSpec) => texts(spec).find((t) => t.startsWith("DRAFT, NOT FOR"));
    expect(warning(draft)).toBe(
      "DRAFT, NOT FOR SENDING: the partnership has 2 errors against the NHS principles; see the findings sheet."
    );
    const partner = buildQuoteSheet(doc, quote, withErrors, { generatedAt: AT, partner: true });
    expect(warning(partner)).toBe(
      "DRAFT, NOT FOR SENDING: the partnership has 2 errors against the NHS principles."
    );
  });
});

describe("inputs", () => {
  const fillOf = (address: string) => cellAt(clean, address)?.style?.fill;

  it("shades the use, every rate and the VAT rate", () => {
    for (const name of [
      "NHSDP_Use",
      "NHSDP_StaffOnCostRate",
      "NHSDP_OverheadRate",
      "NHSDP_FixedCostRecoveryRate",
      "NHSDP_CapitalCostRecoveryRate",
      "NHSDP_VATRate",
    ])
      expect([name, fillOf(nameRef(clean, name))]).toEqual([name, "#FFF4CC"]);
  });

  it("shades each cost line's kind, quantity, unit and unit cost, and not its figures", () => {
    // svc-deid: 12 days of staff time at £450.
    const line = clean.cells.find((c) => c.value.kind === "text" && c.value.text === "svc-deid");
    const row = line === undefined ? 0 : cellRef(line).row;
    expect(row).toBeGreaterThan(0);
    expect(["C", "D", "E", "F"].map((col) => fillOf(`${col}${row}`))).toEqual([
      "#FFF4CC",
      "#FFF4CC",
      "#FFF4CC",
      "#FFF4CC",
    ]);
    expect(cellAt(clean, `D${row}`)?.value).toEqual({ kind: "number", value: 12 });
    expect(cellAt(clean, `F${row}`)?.value).toEqual({ kind: "number", value: 450 });
    expect(["G", "H", "I"].map((col) => fillOf(`${col}${row}`))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("says what the shading means, beside a shaded cell", () => {
    const key = clean.cells.find(
      (c) =>
        c.value.kind === "text" &&
        c.value.text === "Shaded cells are inputs; every other figure is a formula."
    );
    expect(key).toBeDefined();
    expect(cellAt(clean, `A${key === undefined ? 0 : cellRef(key).row}`)?.style?.fill).toBe(
      "#FFF4CC"
    );
  });

  it("leaves no figure unshaded that is not a formula, above the record of the inputs", () => {
    const lastPrinted = Number(/\d+$/.exec(clean.print.printArea ?? "")?.[0]);
    const typed = clean.cells.filter(
      (c) =>
        cellRef(c).row <= lastPrinted &&
        (c.value.kind === "number" || c.value.kind === "date") &&
        c.style?.fill !== "#FFF4CC"
    );
    // Only the value-sharing tables' row numbers (instalment 1, 2; tier 1, 2), in column A.
    expect(
      typed.map((c) => [cellRef(c).col, c.value.kind === "number" ? c.value.value : ""])
    ).toEqual([
      [1, 1],
      [1, 2],
      [1, 1],
      [1, 2],
    ]);
  });
});
