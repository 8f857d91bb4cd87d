/**
 * The LibreOffice test support's batches (test/support/libreoffice.ts): several workbooks converted in
 * one run, each result the recalculation of its own workbook, and a workbook that cannot be written
 * failing alone.
 */
import * as ExcelJS from "exceljs";
import { libreOfficeBatch, recalculateBuffersWithLibreOffice } from "./support/libreoffice";

/** A workbook whose B1 doubles A1, with a wrong cached result: only a recalculation gives 2 × value. */
async function doubling(value: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("S");
  sheet.getCell("A1").value = value;
  sheet.getCell("B1").value = { formula: "A1*2", result: -1 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const doubled = (workbook: ExcelJS.Workbook) =>
  (workbook.worksheets[0]?.getCell("B1").value as { result?: unknown }).result;

it("recalculates several workbooks in one run, each result its own workbook's", async () => {
  const results = await recalculateBuffersWithLibreOffice([
    { name: "one.xlsx", xlsx: await doubling(1) },
    { name: "two.xlsx", xlsx: await doubling(2) },
    { name: "three.xlsx", xlsx: await doubling(3) },
  ]);
  expect(results.map((result) => doubled(result.workbook))).toEqual([2, 4, 6]);
  // One run of LibreOffice converted them all.
  expect(new Set(results.map((result) => result.ms)).size).toBe(1);
});

it("refuses two workbooks of the same name, whose outputs would be one file", async () => {
  await expect(
    recalculateBuffersWithLibreOffice([
      { name: "same.xlsx", xlsx: await doubling(1) },
      { name: "same.xlsx", xlsx: await doubling(2) },
    ])
  ).rejects.toThrow(/same\.xlsx twice/);
  expect(() => {
    const batch = libreOfficeBatch();
    batch.add("again.xlsx", () => doubling(1));
    batch.add("again.xlsx", () => doubling(2));
  }).toThrow(/distinct \.xlsx file names/);
});

describe("a batch", () => {
  const batch = libreOfficeBatch();
  const ten = batch.add("ten.xlsx", () => doubling(10));
  const broken = batch.add("broken.xlsx", () => {
    throw new Error("this workbook cannot be written");
  });
  const twenty = batch.add("twenty.xlsx", () => doubling(20));

  it("converts every workbook added when the first is asked for, in one run", async () => {
    const [a, b] = await Promise.all([twenty(), ten()]);
    expect([doubled(a.workbook), doubled(b.workbook)]).toEqual([40, 20]);
    expect(a.ms).toBe(b.ms);
  });

  it("gives a workbook whose writer failed its own error, and the others their results", async () => {
    await expect(broken()).rejects.toThrow("this workbook cannot be written");
    expect(doubled((await ten()).workbook)).toBe(20);
  });
});
