/**
 * The scenario sheet's charts: the cumulative risk-adjusted value of every mechanism by year (a line
 * chart over a table of formulas), each mechanism's tornado (horizontal bars) and the simulation's histogram (a column chart over bins of the
 * uncertain mechanisms' paying values), read
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

  it("draws a line per mechanism over whole years from 0, named in words, with titled axes", () => {
    const { line, column } = chartsOf(spec);
    const ids = inputs.candidates.map((c) => c.id);
    expect(line.series).toHaveLength(ids.length);
    for (const chart of [line, column]) {
      for (const { name } of chart.series) {
        expect(ids).not.toContain(name);
        expect(name).not.toMatch(/NHSDP_|_/);
        expect(name).toMatch(/^(Fixed payment|Milestones|Subscription|Royalty|Tiered royalty)\b/);
      }
      expect(chart.categoryAxisTitle?.trim()).toBeTruthy();
      expect(chart.valueAxisTitle?.trim()).toBeTruthy();
    }
    const byAddress = new Map(spec.cells.map((c) => [c.address, c]));
    const years = cells(line.categories).map((a) => byAddress.get(a)?.value);
    expect(years[0]).toEqual({ kind: "number", value: 0 });
    years.forEach((year, i) => expect(year).toEqual({ kind: "number", value: i }));
  });

  it("bins the histogram over the uncertain mechanisms' paying values, a fixed amount stated rather than binned", () => {
    const { column } = chartsOf(spec);
    const byAddress = new Map(spec.cells.map((c) => [c.address, c]));
    const number = (address: string) => {
      const value = byAddress.get(address)?.value;
      return value?.kind === "number" ? value.value : NaN;
    };
    // From the trials themselves: which mechanisms vary, and the spread of what they pay.
    const varying = simulation.presentValues
      .map((values, m) => ({ values: [...values], m }))
      .filter(({ values }) => values.some((v) => v !== values[0]));
    const constant = simulation.presentValues
      .map((values, m) => ({ values: [...values], m }))
      .filter(({ values }) => values.every((v) => v === values[0]));
    expect(column.series).toHaveLength(varying.length);
    const paying = varying.flatMap(({ values }) => values.filter((v) => v > 0));
    const low = Math.min(...paying);
    const high = Math.max(...paying);
    const edges = cells(column.categories).map(number);
    const step = (edges[1] as number) - (edges[0] as number);
    expect(step).toBeGreaterThan(0);
    edges.forEach((edge, i) => expect(edge).toBeCloseTo((edges[0] as number) + i * step, 6));
    // The bins cover the spread, and it fills most of them: not one bin of everything.
    expect(edges[0]).toBeLessThanOrEqual(low);
    expect((edges[edges.length - 1] as number) + step).toBeGreaterThanOrEqual(high);
    expect(edges.length).toBeGreaterThanOrEqual(10);
    const royalty = simulation.mechanisms.findIndex((m) => m.kind === "royalty");
    const royaltySeries = varying.findIndex(({ m }) => m === royalty);
    if (royaltySeries >= 0) {
      const royaltyPaying = (simulation.presentValues[royalty] as Float64Array).filter(
        (v) => v > 0
      );
      const shares = cells(
        (column.series[royaltySeries] as ChartSpec["series"][number]).values
      ).map(number);
      // Each bin's share of the royalty's paying trials, counted here.
      shares.forEach((share, i) => {
        const from = (edges[0] as number) + i * step;
        const inBin = royaltyPaying.filter(
          (v) => v >= from && (i === shares.length - 1 ? v <= from + step : v < from + step)
        ).length;
        expect(share).toBeCloseTo(inBin / royaltyPaying.length, 9);
      });
      // Spread across several bins, none holding nearly all of it.
      expect(shares.filter((share) => share > 0.01).length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...shares)).toBeLessThan(0.5);
    }
    // A mechanism paying the same in every trial is named, with its amount, in a printed note.
    const texts = spec.cells.flatMap((c) => (c.value.kind === "text" ? [c.value.text] : []));
    for (const { values } of constant) {
      const pounds = `£${Math.round(values[0] as number).toLocaleString("en-GB")} in every trial`;
      expect(texts.some((t) => t.includes(pounds))).toBe(true);
    }
  });

  it("prints each chart on the page of its table", () => {
    const { line, bars, column, fairShare } = chartsOf(spec);
    const printBottom = parseRangeAddress(spec.print.printArea as string).bottom;
    const breaks = spec.print.rowBreaks ?? [];
    for (const chart of [line, ...bars, column, ...(fairShare === undefined ? [] : [fairShare])]) {
      const anchor = parseRangeAddress(chart.anchor);
      const table = parseRangeAddress(chart.categories);
      expect(anchor.bottom).toBeLessThanOrEqual(printBottom);
      // Beside the table (from its header row, above the histogram's two rows of counts) or right
      // below it.
      expect(anchor.top).toBeLessThanOrEqual(table.bottom + 2);
      expect(anchor.top).toBeGreaterThanOrEqual(table.top - 3);
      const first = Math.min(anchor.top, table.top);
      const last = Math.max(anchor.bottom, table.bottom);
      expect(breaks.filter((row) => row > first && row <= last)).toEqual([]);
    }
  });

  it("adds every chart through Office.js, with a series per mechanism", async () => {
    const { line, bars, column, fairShare } = chartsOf(spec);
    // The fair share's chart, where there is one, comes first: its section is above the others.
    const first = fairShare === undefined ? [] : [fairShare];
    const mock = createExcelMock();
    const result = await writeSheets(mock.run, [spec]);
    const ws = `ws[${(result.sheets[0] as { name: string }).name}]`;
    const adds = mock.log.filter((op) => op.path === `${ws}.charts` && op.name === "add");
    expect(adds.map((op) => op.args)).toEqual([
      ...first.map((chart) => [
        "BarClustered",
        { ref: `${ws}.getRange(${chart.series[0]?.values})` },
        "Columns",
      ]),
      ["Line", { ref: `${ws}.getRange(${line.series[0]?.values})` }, "Columns"],
      ...bars.map((bar) => [
        "BarClustered",
        { ref: `${ws}.getRange(${bar.series[0]?.values})` },
        "Columns",
      ]),
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
    expect(titles).toEqual([
      ...first.flatMap((chart) => [chart.title, chart.valueAxisTitle]),
      line.title,
      line.categoryAxisTitle,
      line.valueAxisTitle,
      ...bars.flatMap((bar) => [bar.title, bar.valueAxisTitle]),
      column.title,
      column.categoryAxisTitle,
      column.valueAxisTitle,
    ]);
  });
});
