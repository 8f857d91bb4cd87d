/* A small quote-like sheet and its arithmetic: for xlsxWriter.test.ts and xlsxWriter.engines.test.ts. */
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { formula, num, text, type SheetSpec } from "../../src/workbook/spec/spec";

/** Lines B2:B4 = ROUND(C*D,2), B5 = SUM (named NHSDP_Total), B6 = B5*2 cached wrongly, B7 uses the name. */
export function smallSpec(name: string, lines: [number, number][]): SheetSpec {
  const b = new SheetSpecBuilder(name);
  b.row(1, "A", [text("Item"), text("Line total"), text("Quantity"), text("Unit cost")], {
    style: { bold: true },
  });
  lines.forEach(([qty, unit], i) => {
    const r = i + 2;
    b.row(r, "A", [text(`Line ${i + 1}`), formula(`ROUND(C${r}*D${r},2)`), num(qty), num(unit)]);
  });
  b.set("A5", text("Total"));
  b.set("B5", formula("SUM(B2:B4)"), { numberFormat: "#,##0.00" });
  b.defineName("NHSDP_Total", "B5");
  b.set("B6", formula("B5*2", 1)); // deliberately wrong cached value: only a recalculation fixes it
  b.set("B7", formula("NHSDP_Total+0"));
  b.print({ header: { left: "NHS", center: `Quote ${name} & co`, right: "Draft" } });
  return b.build();
}

// 12 × 45.678 = 548.136 → 548.14; 7 × 13.3333 = 93.3331 → 93.33; 3 × 1250.1 = 3750.3
export const LINES: [number, number][] = [
  [12, 45.678],
  [7, 13.3333],
  [3, 1250.1],
];
export const EXPECTED = {
  B2: 548.14,
  B3: 93.33,
  B4: 3750.3,
  B5: 548.14 + 93.33 + 3750.3,
  B6: 2 * (548.14 + 93.33 + 3750.3),
};
// Second sheet: 2 × 10.005 = 20.01; 1 × 0.994 = 0.994 → 0.99; 4 × 2.5 = 10
export const LINES2: [number, number][] = [
  [2, 10.005],
  [1, 0.994],
  [4, 2.5],
];
export const TOTAL2 = 20.01 + 0.99 + 10;
