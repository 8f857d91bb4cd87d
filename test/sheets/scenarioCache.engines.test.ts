/**
 * The scenario workbook opens with its figures, not blanks, where nothing recalculates (Protected View,
 * previewers, readers of cached values): every formula cell carries a cached value, and each equals what
 * LibreOffice computes when it recalculates the workbook (to 1e-9 relative; text, whole years and #N/A
 * exactly). Every chart series carries its data cache, whose points are the referenced cells' values.
 * For every example with a scenarios block and for a Green Book comparison with a tiered royalty.
 */
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { libreOfficeBatch } from "../support/libreoffice";
import { chartReferences, sheetCells, type RawCell } from "./chartCaches";
import { DOCUMENTS, TOLERANCE, build } from "./scenarioSheetCases";

const libreOffice = libreOfficeBatch();

type Value = RawCell["value"];

/**
 * Whether a cached value is what LibreOffice computed: numbers to TOLERANCE relative (a nought exactly),
 * anything else (text, #N/A) exactly.
 */
function agrees(cached: Value, computed: Value): boolean {
  if (typeof cached === "number" && typeof computed === "number")
    return (
      Math.abs(cached - computed) <= TOLERANCE * Math.max(Math.abs(cached), Math.abs(computed))
    );
  return JSON.stringify(cached) === JSON.stringify(computed);
}

describe.each(DOCUMENTS)("the scenario workbook of %s", (name, load) => {
  let written: Promise<Uint8Array> | undefined;
  const bytes = () => (written ??= writeWorkbook([build(load()).spec]));
  const recalculated = libreOffice.add(
    `cache-${name.replace(/\.json$/, "").replace(/\W+/g, "-")}.xlsx`,
    bytes
  );

  it("caches a value in every formula cell", async () => {
    const cells = [...(await sheetCells(await bytes())).entries()].filter(([, c]) => c.formula);
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter(([, c]) => c.value === undefined).map(([address]) => address)).toEqual([]);
  });

  it("caches in every formula cell what LibreOffice computes", async () => {
    const ours = await sheetCells(await bytes());
    const theirs = await sheetCells((await recalculated()).buffer);
    let compared = 0;
    const differences: string[] = [];
    for (const [address, cell] of ours) {
      if (cell.formula === null) continue;
      compared += 1;
      const other = theirs.get(address);
      if (other?.formula == null || !agrees(cell.value, other.value))
        differences.push(
          `${address} ${cell.formula}: cached ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(other?.value)}${other?.formula == null ? " (no formula)" : ""}`
        );
    }
    expect(compared).toBeGreaterThan(100);
    expect(differences).toEqual([]);
  });

  it("caches every chart series' data: the referenced cells' values", async () => {
    const xlsx = await bytes();
    const ours = await sheetCells(xlsx);
    const theirs = await sheetCells((await recalculated()).buffer);
    const references = await chartReferences(xlsx);
    // The cumulative chart, and the histogram: a category and a value reference per series.
    expect(references.length).toBeGreaterThanOrEqual(4);
    const differences: string[] = [];
    for (const ref of references) {
      if (ref.points === null || ref.ptCount !== ref.cells.length) {
        differences.push(
          `${ref.where}: no cache, or ptCount ${ref.ptCount} for ${ref.cells.length} cells`
        );
        continue;
      }
      ref.cells.forEach((address, idx) => {
        const cell = ours.get(address)?.value;
        const computed = theirs.get(address)?.value;
        const point = ref.points?.get(idx);
        const pointValue = ref.kind === "num" && point !== undefined ? Number(point) : point;
        if (JSON.stringify(pointValue) !== JSON.stringify(cell) || !agrees(pointValue, computed))
          differences.push(
            `${ref.where} ${address}: cache ${point}, cell ${JSON.stringify(cell)}, LibreOffice ${JSON.stringify(computed)}`
          );
      });
    }
    expect(differences).toEqual([]);
  });
});
