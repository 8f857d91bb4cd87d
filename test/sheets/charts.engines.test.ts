/**
 * The charts of charts.test.ts opened by LibreOffice, which writes them out again only if it read
 * them as charts.
 */
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { recalculateBufferWithLibreOffice } from "../support/libreoffice";
import { chartSheet, formulas, parts } from "./chartSheet";

describe("charts in the .xlsx", () => {
  it("LibreOffice reads the charts: it writes both out again with the same series", async () => {
    const { buffer } = await recalculateBufferWithLibreOffice(await writeWorkbook([chartSheet()]));
    const files = await parts(buffer);
    const charts = [...files.keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(2);
    const all = charts.map((name) => files.get(name) as string);
    const line = all.find((xml) => xml.includes("<c:lineChart>")) as string;
    const column = all.find((xml) => xml.includes("<c:barChart>")) as string;
    expect(formulas(line)).toEqual(
      expect.arrayContaining(["'Chart''s test'!$B$2:$B$6", "'Chart''s test'!$C$2:$C$6"])
    );
    expect(formulas(column)).toEqual(expect.arrayContaining(["'Chart''s test'!$B$2:$B$6"]));
    expect(line).toContain("Cumulative value &amp; more");
  });
});
