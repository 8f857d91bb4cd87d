/**
 * Number formats as Excel shows them. Excel prints the decimal point of a format whose decimals are all
 * optional even when there are none ("0.##" shows 12 as "12."); LibreOffice hides it, so only a rule on
 * the format itself catches it before a partner sees it.
 */
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { num } from "../../src/workbook/spec/spec";
import { showsTrailingPoint } from "../../src/workbook/spec/validate";

describe("formats whose decimals are all optional", () => {
  test.each(["0.##", "#,##0.##", "0.??", '#,##0.## "years"', "0;0.##"])("%s is refused", (format) =>
    expect(showsTrailingPoint(format)).toBe(true)
  );

  test.each([
    "General",
    "0",
    "#,##0.00",
    "[$£-809]#,##0.00##",
    "0.0#",
    "0.00%",
    '"v0.#"0',
    "[h]:mm",
  ])("%s is fine", (format) => expect(showsTrailingPoint(format)).toBe(false));

  test("a sheet using one does not build, and the message says which cell and why", () => {
    const sheet = new SheetSpecBuilder("S");
    sheet.set("B3", num(12), { numberFormat: "#,##0.##" });
    expect(() => sheet.build()).toThrow(/B3.*"#,##0\.##".*"12\."/);
  });
});
