/**
 * The audit reads every workbook Excel opens, and says in a sentence why when it cannot read one.
 * Workbooks written before print areas were escaped carry `'Quote St George's DP-07'!$A$1:$I$80`, the
 * apostrophe not doubled: Excel repairs it by dropping the name, and the quote's own names are intact.
 */
import JSZip from "jszip";
import { auditXlsx, WorkbookReadError } from "../../src/audit";
import { example } from "../document/fixtures";
import { BASE, generate, notPrinciples } from "./generated";

/** The workbook with each print area's doubled apostrophes undone, as the older writer wrote them. */
async function withUnescapedPrintAreas(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const broken = xml.replace(
    /(<definedName name="_xlnm\.Print_Area"[^>]*>)([^<]*)/g,
    (_, open: string, text: string) => open + text.replace(/''/g, "'")
  );
  expect(broken).not.toBe(xml);
  zip.file("xl/workbook.xml", broken);
  return Buffer.from(await zip.generateAsync({ type: "uint8array" }));
}

describe("reading what Excel opens", () => {
  test("a quote whose print area has an unescaped apostrophe is audited like any other", async () => {
    const doc = { ...example(BASE), reference: "St George's DP-07" };
    const report = await auditXlsx(await withUnescapedPrintAreas(await generate(doc)));
    expect(report.quotes.map((quote) => quote.sheet)).toEqual(["Quote St George's DP-07"]);
    // Generated and untouched: the checks of the figures, names and record find nothing.
    expect(notPrinciples(report)).toEqual([]);
  });
});

describe("what the audit cannot read", () => {
  test("a file that is not a zip package", async () => {
    await expect(auditXlsx(Buffer.from("not a workbook"))).rejects.toThrow(
      new WorkbookReadError("it is not an .xlsx workbook, or it is damaged or truncated")
    );
  });

  test("a zip package with no workbook part", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hello");
    const bytes = Buffer.from(await zip.generateAsync({ type: "uint8array" }));
    await expect(auditXlsx(bytes)).rejects.toThrow(
      new WorkbookReadError("it is not an .xlsx workbook, or it is damaged or truncated")
    );
  });
});
