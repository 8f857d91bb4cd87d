/* Hostile strings in a sheet and a register, and how a cell is held to its text: for injection*.test.ts. */
import * as ExcelJS from "exceljs";
import { normaliseCellText } from "../../src/workbook/spec/safeText";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { text, type SheetSpec } from "../../src/workbook/spec/spec";
import { HOSTILE_STRINGS } from "./fixtures";

/** A column of hostile strings, plus the same strings in the header and a register. */
export function corpusSpec(name = "Corpus"): SheetSpec {
  const b = new SheetSpecBuilder(name);
  HOSTILE_STRINGS.forEach((s, i) => b.set(`A${i + 1}`, text(s)));
  b.print({ header: { center: HOSTILE_STRINGS[0], right: HOSTILE_STRINGS[1] } });
  return b.build();
}

export const REGISTER = HOSTILE_STRINGS.slice(0, 6).map((s, i) => ({
  reference: s,
  partner: s,
  use: s,
  stage: s,
  owner: s,
  total: i,
  valueSharing: s,
  igStatus: s,
  generated: "2025-07-01T12:00",
}));
/** The register's text columns: reference, partner, use, stage, owner, value sharing, IG status. */
export const REGISTER_TEXT_COLUMNS = ["A", "B", "C", "D", "E", "G", "H"];

export function expectTextCells(
  ws: ExcelJS.Worksheet,
  column: string,
  firstRow: number,
  strings: readonly string[],
  expected: (s: string) => string | null = normaliseCellText
): void {
  strings.forEach((s, i) => {
    const cell = ws.getCell(`${column}${firstRow + i}`);
    expect({ address: cell.address, type: cell.type, formula: cell.formula }).toEqual({
      address: cell.address,
      type: ExcelJS.ValueType.String,
      formula: undefined,
    });
    const want = expected(s);
    if (want !== null) expect(cell.value).toBe(want);
  });
}
