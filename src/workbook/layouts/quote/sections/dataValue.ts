/*
 * The data value profile: each data asset, its intended use, the six value characteristics (high or
 * low) and the summary the valuation gives, one row per asset sized for its wrapped text.
 */
import { valueProfileSummary } from "../../../../core/valuation/dataValue";
import {
  INTENDED_USE_LABELS,
  VALUE_CHARACTERISTICS,
  VALUE_CHARACTERISTIC_SHORT_LABELS,
  type Partnership,
} from "../../../../document";
import type { Cursor } from "../../../spec/cursor";
import { text } from "../../../spec/spec";
import { TABLE_HEADER, TOP, WRAPPED } from "../../../spec/styles";
import { LAST_COLUMN_NUMBER } from "../layout";

/** The header's short labels wrap within their narrow columns: three lines at most. */
const HEADER_HEIGHT = 45;

export function dataValueSection(at: Cursor, doc: Partnership): void {
  const { sheet } = at;
  at.heading("Data value profile");
  sheet.row(
    at.row,
    1,
    [
      text("Data asset"),
      text("Intended use"),
      ...VALUE_CHARACTERISTICS.map((characteristic) =>
        text(VALUE_CHARACTERISTIC_SHORT_LABELS[characteristic])
      ),
      text("Value"),
    ],
    { style: { ...TABLE_HEADER, wrap: true, vertical: "top" } }
  );
  sheet.rowHeight(at.row, HEADER_HEIGHT);
  at.skip();
  for (const asset of doc.dataAssets) {
    const intendedUse = INTENDED_USE_LABELS[asset.intendedUse];
    const summary = valueProfileSummary(asset);
    sheet.setAt(at.row, 1, text(asset.name), { style: WRAPPED });
    sheet.setAt(at.row, 2, text(intendedUse), { style: WRAPPED });
    VALUE_CHARACTERISTICS.forEach((characteristic, i) =>
      sheet.setAt(at.row, 3 + i, text(asset[characteristic] === "high" ? "High" : "Low"), {
        style: asset[characteristic] === "high" ? { bold: true, vertical: "top" } : TOP,
      })
    );
    sheet.setAt(at.row, LAST_COLUMN_NUMBER, text(summary), { style: WRAPPED });
    at.fitText(asset.name, 1);
    at.fitText(intendedUse, 2);
    at.fitText(summary, LAST_COLUMN_NUMBER);
    at.skip();
  }
}
