/**
 * What the printed scenario sheet reads as: no "#N/A" printed (a kind with no offer is "no offer" in
 * words; the defined names beside the print area keep #N/A), no internal names in printed cells, one
 * money format a sheet, and body text at 9 points or more once fitted to the page's width.
 */
import { columnLetter, parseCellAddress, parseRangeAddress } from "../../src/workbook/spec/a1";
import type { SheetSpec } from "../../src/workbook/spec/spec";
import { DOCUMENTS, build } from "./scenarioSheetCases";

function printed(spec: SheetSpec) {
  const area = parseRangeAddress(spec.print.printArea as string);
  return spec.cells.filter((cell) => {
    const { row, col } = parseCellAddress(cell.address as string);
    return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
  });
}

describe.each(DOCUMENTS)("the scenario sheet of %s, printed", (_, load) => {
  const doc = load();
  const { spec, inputs } = build(doc);
  const cells = printed(spec);

  it("prints no #N/A and no internal names", () => {
    for (const cell of cells) {
      const { value } = cell;
      if (value.kind === "formula") {
        expect([cell.address, value.cachedValue]).not.toEqual([cell.address, { error: "#N/A" }]);
        expect(value.formula).not.toContain("NA()");
      }
      if (value.kind === "text") {
        expect(value.text).not.toContain("#N/A");
        // A defined name may be mentioned in a note, but is never a cell's whole text.
        expect(value.text).not.toMatch(/^NHSDP_\w+$/);
      }
    }
  });

  it("prints 'no offer' for each kind the comparison lacks, its name holding #N/A beside the print area", () => {
    const kinds = new Set(inputs.candidates.map((c) => c.mechanism.kind));
    const missing = (["fixed", "subscription", "milestones", "royalty"] as const).filter(
      (kind) => !kinds.has(kind)
    );
    const noOffer = cells.filter((c) => c.value.kind === "text" && c.value.text === "no offer");
    expect(noOffer.length).toBeGreaterThanOrEqual(missing.length);
    const area = parseRangeAddress(spec.print.printArea as string);
    const names = [
      "NHSDP_PV_Fixed",
      "NHSDP_PV_Subscription",
      "NHSDP_PV_Milestones",
      "NHSDP_PV_Royalty",
    ];
    for (const name of names) {
      const ref = spec.names.find((n) => n.name === name)?.ref as string;
      expect(parseCellAddress(ref.replace(/\$/g, "")).col).toBeGreaterThan(area.right);
    }
  });

  it("writes money in whole pounds throughout", () => {
    const money = cells.flatMap((c) => (c.numberFormat?.includes("£") ? [c.numberFormat] : []));
    expect(money.length).toBeGreaterThan(10);
    expect(new Set(money)).toEqual(new Set(["[$£-809]#,##0"]));
  });

  it("prints its 11-point text at 9 points or more, fitted to the page's width", () => {
    // A4 landscape is 841.89 points wide, less Excel's default margins of 0.7 inch either side; a
    // column of width w is trunc(7w) + 5 pixels, three quarters of a point each.
    expect(spec.print.orientation).toBe("landscape");
    const area = parseRangeAddress(spec.print.printArea as string);
    let points = 0;
    for (let col = area.left; col <= area.right; col++)
      points += (Math.trunc(7 * (spec.columnWidths[columnLetter(col)] as number)) + 5) * 0.75;
    const scale = Math.min(1, Math.floor((100 * (841.89 - 2 * 0.7 * 72)) / points) / 100);
    const smallest = Math.min(...cells.map((c) => c.style?.size ?? 11), 11);
    expect(smallest * scale).toBeGreaterThanOrEqual(9);
  });
});
