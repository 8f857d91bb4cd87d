/** The hostile strings of injection.test.ts through a LibreOffice round trip: still text, never a formula. */
import JSZip from "jszip";
import { normaliseCellText } from "../../src/workbook/spec/safeText";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { recalculateBufferWithLibreOffice } from "../support/libreoffice";
import { HOSTILE_STRINGS } from "./fixtures";
import { REGISTER, REGISTER_TEXT_COLUMNS, corpusSpec, expectTextCells } from "./hostileCorpus";

/**
 * What comes back after LibreOffice: its cell model stores CR LF as LF, and its xlsx export does not
 * escape a text that already contains "_x005F_xHHHH_" (it imports it correctly, as a CSV export
 * shows, but writes it back unescaped), so such a text is only checked to still be text.
 */
function afterLibreOffice(s: string): string | null {
  const t = normaliseCellText(s);
  if (/_x005F_x[0-9A-Fa-f]{4}_/i.test(t)) return null;
  return t.replace(/\r\n/g, "\n");
}

describe("hostile text through LibreOffice", () => {
  test("after a LibreOffice round trip every string is still the same text, not a formula", async () => {
    const buffer = await writeWorkbook([corpusSpec()], { register: REGISTER });
    const res = await recalculateBufferWithLibreOffice(buffer, "corpus.xlsx");
    expectTextCells(
      res.workbook.getWorksheet("Corpus")!,
      "A",
      1,
      HOSTILE_STRINGS,
      afterLibreOffice
    );
    const reg = res.workbook.getWorksheet("Register")!;
    for (const col of REGISTER_TEXT_COLUMNS)
      expectTextCells(
        reg,
        col,
        2,
        REGISTER.map((r) => r.reference),
        afterLibreOffice
      );
    const zip = await JSZip.loadAsync(res.buffer);
    const sheetFiles = Object.keys(zip.files).filter((f) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(f)
    );
    for (const f of sheetFiles) expect(await zip.file(f)!.async("string")).not.toContain("<f");
  });
});
