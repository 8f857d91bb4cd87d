/**
 * The scenario sheet's two charts: the cumulative risk-adjusted value of every mechanism by year (a line
 * chart over a table of formulas) and the simulation's histogram (a column chart over its bins). The
 * table is recalculated by LibreOffice and held to arithmetic written out here: each payment's amount
 * times its probability, discounted at the document's rate (3.5% in every example, flat or the Green
 * Book's first band), summed up to each year. The charts are read back from the .xlsx (their parts and
 * series formulas, and again after LibreOffice has opened and saved the file) and from the Office.js
 * calls on the recording mock.
 */
import JSZip from "jszip";
import {
  evaluateScenarios,
  scenarioInputs,
  simulate,
  simulationSettings,
} from "../../src/core/scenarios";
import { cashFlows } from "../../src/core/scenarios/mechanisms";
import type { Partnership } from "../../src/document/schema";
import { parseRangeAddress, quoteSheetName } from "../../src/workbook/spec/a1";
import { writeSheets } from "../../src/addin/writeSheets";
import { buildScenarioSheet } from "../../src/workbook/layouts/scenario/scenarioSheet";
import type { ChartSpec } from "../../src/workbook/spec/spec";
import { writeWorkbookDetailed } from "../../src/workbook/xlsx/xlsxWriter";
import { example } from "../document/fixtures";
import { LIBREOFFICE_TIMEOUT_MS, recalculateBufferWithLibreOffice } from "../support/libreoffice";
import { createExcelMock } from "../support/officeMock";

const EXAMPLES = [
  "commercial-imaging-ai.json",
  "commercial-rwe-milestones.json",
  "sme-subscription.json",
] as const;

function build(doc: Partnership) {
  const inputs = scenarioInputs(doc);
  const result = evaluateScenarios(inputs);
  const settings = simulationSettings(doc, { trials: 2000 });
  const simulation = simulate(inputs, settings);
  const spec = buildScenarioSheet(doc, inputs, result, settings, simulation, {
    generatedAt: new Date("2026-11-23T10:00:00Z"),
  });
  return { inputs, simulation, spec };
}

function cells(range: string): string[] {
  const r = parseRangeAddress(range);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++)
      out.push(`${String.fromCharCode(64 + col)}${row}`);
  return out;
}

function chartsOf(spec: { charts?: ChartSpec[] }): { line: ChartSpec; column: ChartSpec } {
  const charts = spec.charts ?? [];
  expect(charts.map((chart) => chart.kind)).toEqual(["line", "column"]);
  return { line: charts[0] as ChartSpec, column: charts[1] as ChartSpec };
}

function decode(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function chartParts(buffer: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files)
    .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
    .sort();
  return Promise.all(names.map((name) => (zip.file(name) as JSZip.JSZipObject).async("string")));
}

const seriesFormulas = (xml: string) =>
  [...xml.matchAll(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/g)].map((m) => decode(m[1] as string));

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

  it(
    "LibreOffice recalculates the cumulative table to the payments' discounted expected cash, and keeps both charts",
    async () => {
      const { line } = chartsOf(spec);
      const { buffer: written, sheets } = await writeWorkbookDetailed([spec]);
      const sheetName = (sheets[0] as { name: string }).name;

      const parts = await chartParts(written);
      expect(parts).toHaveLength(2);
      const reference = (range: string) =>
        `${quoteSheetName(sheetName)}!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
      expect(seriesFormulas(parts[0] as string)).toEqual(
        line.series.map((s) => reference(s.values))
      );

      const { buffer } = await recalculateBufferWithLibreOffice(written);
      // Read from the sheet's XML: ExcelJS drops a formula's cached result when it is 0.
      const sheetXml = await (
        (await JSZip.loadAsync(buffer)).file("xl/worksheets/sheet1.xml") as JSZip.JSZipObject
      ).async("string");
      const read = (address: string): number => {
        const cell = new RegExp(`<c r="${address}"[^>]*>(.*?)</c>`).exec(sheetXml)?.[1] ?? "";
        const value = /<v>([^<]*)<\/v>/.exec(cell)?.[1];
        if (value === undefined || Number.isNaN(Number(value)))
          throw new Error(`${address} holds ${cell}`);
        return Number(value);
      };
      const scenarios = doc.scenarios as NonNullable<Partnership["scenarios"]>;
      const rate = scenarios.discount.kind === "flat" ? scenarios.discount.rate : 0.035;
      const years = cells(line.categories);
      // The Green Book's first band runs to year 30.
      expect(years.length - 1).toBeLessThanOrEqual(30);
      const off: string[] = [];
      inputs.candidates.forEach((candidate, m) => {
        const flows = cashFlows(candidate, inputs.forecast, inputs.probabilityOfReachingMarket);
        const column = cells((line.series[m] as ChartSpec["series"][number]).values);
        years.forEach((_, year) => {
          let expected = 0;
          for (const flow of flows)
            if (flow.year.toNumber() <= year)
              expected +=
                (flow.amount.toNumber() * flow.probability.toNumber()) /
                (1 + rate) ** flow.year.toNumber();
          const actual = read(column[year] as string);
          if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
            off.push(`${candidate.id} year ${year}: ${actual} != ${expected}`);
        });
      });
      expect(off).toEqual([]);

      const kept = await chartParts(buffer);
      expect(kept.map((xml) => (xml.includes("<c:lineChart>") ? "line" : "column")).sort()).toEqual(
        ["column", "line"]
      );
      const keptLine = kept.find((xml) => xml.includes("<c:lineChart>")) as string;
      expect(seriesFormulas(keptLine)).toEqual(line.series.map((s) => reference(s.values)));
    },
    LIBREOFFICE_TIMEOUT_MS
  );

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
