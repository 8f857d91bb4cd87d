/*
 * The data value profile: each data asset with its intended use and the summary the valuation gives,
 * then its six value characteristics, each as the guide describes the end chosen ("Rare data, such as
 * a unique patient cohort (high value)"), since a bare "High" beside "Availability" reads backwards.
 */
import { valueProfileSummary } from "../../../../core/valuation/dataValue";
import {
  INTENDED_USE_LABELS,
  VALUE_CHARACTERISTICS,
  VALUE_CHARACTERISTIC_LABELS,
  describeValueLevel,
  type Partnership,
} from "../../../../document";
import type { Cursor } from "../../../spec/cursor";
import { text } from "../../../spec/spec";
import { WRAPPED } from "../../../spec/styles";
import { across, LAST_COLUMN_NUMBER } from "../layout";

/** The asset's name, and the characteristics it is high on, stand out. */
const BOLD_WRAPPED = { ...WRAPPED, bold: true };

export function dataValueSection(at: Cursor, doc: Partnership): void {
  const { sheet } = at;
  at.heading("Data value profile");
  for (const asset of doc.dataAssets) {
    at.together(() => {
      sheet.setAt(at.row, 1, text(asset.name), { style: BOLD_WRAPPED });
      at.fitText(asset.name, 1);
      const use = `Intended use: ${INTENDED_USE_LABELS[asset.intendedUse]}. ${valueProfileSummary(asset)}.`;
      across(at, text(use), 2, LAST_COLUMN_NUMBER, WRAPPED);
      at.skip();
      for (const characteristic of VALUE_CHARACTERISTICS) {
        const label = VALUE_CHARACTERISTIC_LABELS[characteristic];
        const level = asset[characteristic];
        sheet.setAt(at.row, 1, text(label), { style: WRAPPED });
        at.fitText(label, 1);
        across(
          at,
          text(describeValueLevel(characteristic, level)),
          2,
          LAST_COLUMN_NUMBER,
          level === "high" ? BOLD_WRAPPED : WRAPPED
        );
        at.skip();
      }
    });
  }
}
