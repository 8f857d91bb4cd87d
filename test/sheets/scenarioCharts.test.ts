/**
 * The scenario sheet's two charts: the cumulative risk-adjusted value of every mechanism by year (a line
 * chart over a table of formulas) and the simulation's histogram (a column chart over its bins), read
 * from the sheet's spec and from the Office.js calls on the recording mock. scenarioCharts.engines.test.ts
 * has LibreOffice recalculate the table and keep the charts.
 */
import { parseRangeAddress } from "../../src/workbook/spec/a1";
import { writeSheets } from "../../src/addin/writeSheets";
import type { ChartSpec } from "../../src/workbook/spec/spec";
import { example } from "../document/fixtures";
import { createExcelMock } from "../support/officeMock";
import { EXAMPLES, build, cells, chartsOf } from "./scenarioChartCases";

describe.each(EXAMPLES)("%s: the scenario sheet's charts", (file) => {
  const doc = example(file);
  const { inputs, simulation, spec } = build(doc);

  it("draws a line per mechanism over whole years from 0, and a column series per simulated mechanism over the bins", () => {
    const { line, column } = chartsOf(spec);
    expect(line.series.map((s) => s.name)).toEqual(inputs.candidates.map((c) => c.id));
    expect(column.series.map((s) => s.name)).toEqual(simulation.mechanisms.map((m) => m.id));
    const byAddress = new Map(spec.cells.map((c) => [c.address, c]));
    const years = cells(line.categories).map((a) => byAddress.get(a)?.value);
    expect(years[0]).toEqual({ kind: "number", value: 0 });
    years.forEach((year, i) => expect(year).toEqual({ kind: "number", value: i }));
    const edges = cells(column.categories).map((a) => byAddress.get(a)?.value);
    expect(edges).toEqual(
      simulation.histogramEdges.slice(0, -1).map((value) => ({ kind: "number", value }))
    );
    simulation.mechanisms.forEach((m, k) =>
      expect(
        cells((column.series[k] as ChartSpec["series"][number]).values).map(
          (a) => byAddress.get(a)?.value
        )
      ).toEqual([...m.histogram].map((value) => ({ kind: "number", value })))
    );
    // Both charts print: inside the print area, below everything they are drawn from.
    const printBottom = parseRangeAddress(spec.print.printArea as string).bottom;
    for (const chart of [line, column]) {
      const anchor = parseRangeAddress(chart.anchor);
      expect(anchor.bottom).toBeLessThanOrEqual(printBottom);
      expect(anchor.top).toBeGreaterThan(parseRangeAddress(chart.categories).bottom);
    }
  });

  it("adds both charts through Office.js, with a series per mechanism", async () => {
    const { line, column } = chartsOf(spec);
    const mock = createExcelMock();
    const result = await writeSheets(mock.run, [spec]);
    const ws = `ws[${(result.sheets[0] as { name: string }).name}]`;
    const adds = mock.log.filter((op) => op.path === `${ws}.charts` && op.name === "add");
    expect(adds.map((op) => op.args)).toEqual([
      ["Line", { ref: `${ws}.getRange(${line.series[0]?.values})` }, "Columns"],
      ["ColumnClustered", { ref: `${ws}.getRange(${column.series[0]?.values})` }, "Columns"],
    ]);
    const seriesAdded = (type: string) =>
      mock.log
        .filter(
          (op) => op.path === `${ws}.charts.add(${type},…,Columns).series` && op.name === "add"
        )
        .map((op) => op.args?.[0]);
    expect(seriesAdded("Line")).toEqual(line.series.slice(1).map((s) => s.name));
    expect(seriesAdded("ColumnClustered")).toEqual(column.series.slice(1).map((s) => s.name));
    const titles = mock.log
      .filter((op) => op.kind === "set" && op.name === "text" && op.path.endsWith(".title"))
      .map((op) => op.value);
    expect(titles).toEqual([line.title, column.title]);
  });
});
