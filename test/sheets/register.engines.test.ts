/** The partnership register of register.test.ts, updated by a second generation, opened in LibreOffice. */
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { recalculateBufferWithLibreOffice } from "../support/libreoffice";
import { E1, E1_AGAIN, E2, E3, LAST_COLUMN, rowValues, tableXml } from "./registerEntries";

describe("register through LibreOffice", () => {
  test("the updated table opens in LibreOffice with one row per partnership", async () => {
    const first = await writeWorkbook([], { register: [E1, E2] });
    const second = await writeWorkbook([], { base: first, register: [E3, E1_AGAIN] });
    const res = await recalculateBufferWithLibreOffice(second, "register.xlsx");
    const tables = await tableXml(res.buffer);
    expect(tables).toEqual([
      expect.stringMatching(new RegExp(`name="NHSDP_Register"[\\s\\S]*ref="A1:${LAST_COLUMN}4"`)),
    ]);
    const ws = res.workbook.getWorksheet("Register")!;
    expect(rowValues(ws, 2).slice(0, 6)).toEqual([
      " q-2025-001 ",
      "Acme Analytics",
      "Commercial",
      "Accepted",
      null,
      15000,
    ]);
    expect(rowValues(ws, 4).slice(0, 6)).toEqual([
      "Q-2025-003",
      "University of Somewhere",
      "Non-commercial",
      "Accepted",
      null,
      0,
    ]);
    expect(ws.getCell("B3").value).toBe("=cmd|' /C calc'!A0");
  });
});
