/**
 * The scenario sheet's charts (scenarioCharts.test.ts) after LibreOffice: the table under the line
 * chart, recalculated, is held to arithmetic written out here: each payment's amount times its
 * probability, discounted at the document's rate (3.5% in every example, flat or the Green Book's
 * first band), summed up to each year; and both charts are still there when LibreOffice has opened
 * and saved the file. The examples' sheets are recalculated in one run.
 */
import JSZip from "jszip";
import { cashFlows } from "../../src/core/scenarios/mechanisms";
import type { Partnership } from "../../src/document/schema";
import { quoteSheetName } from "../../src/workbook/spec/a1";
import type { ChartSpec } from "../../src/workbook/spec/spec";
import { writeWorkbookDetailed } from "../../src/workbook/xlsx/xlsxWriter";
import { example } from "../document/fixtures";
import { libreOfficeBatch } from "../support/libreoffice";
import { EXAMPLES, build, cells, chartParts, chartsOf, seriesFormulas } from "./scenarioChartCases";

/** Every example's scenario sheet, recalculated in one run of LibreOffice. */
const libreOffice = libreOfficeBatch();

describe.each(EXAMPLES)("%s: the scenario sheet's charts", (file) => {
  const doc = example(file);
  const { inputs, spec } = build(doc);
  const recalculated = libreOffice.add(
    file.replace(/\.json$/, ".xlsx"),
    async () => (await writeWorkbookDetailed([spec])).buffer
  );

  it("LibreOffice recalculates the cumulative table to the payments' discounted expected cash, and keeps every chart", async () => {
    const { line, bars, fairShare } = chartsOf(spec);
    // The fair share's chart, where there is one, is the first.
    const first = fairShare === undefined ? 0 : 1;
    const { buffer: written, sheets } = await writeWorkbookDetailed([spec]);
    const sheetName = (sheets[0] as { name: string }).name;

    const parts = await chartParts(written);
    expect(parts).toHaveLength(first + 2 + bars.length);
    const reference = (range: string) =>
      `${quoteSheetName(sheetName)}!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
    expect(seriesFormulas(parts[first] as string)).toEqual(
      line.series.map((s) => reference(s.values))
    );

    const { buffer } = await recalculated();
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
    const basis = scenarios.priceBasis;
    // Nominal amounts deflated by one flat inflation rate, as the examples state it.
    const inflation = basis?.kind === "nominal" ? (basis.inflation as number) : 0;
    const years = cells(line.categories);
    // The Green Book's first band runs to year 30.
    expect(years.length - 1).toBeLessThanOrEqual(30);
    const off: string[] = [];
    inputs.candidates.forEach((candidate, m) => {
      const flows = cashFlows(
        candidate,
        inputs.forecast,
        inputs.probabilityOfReachingMarket,
        inputs.counterparty.defaultRate
      );
      const column = cells((line.series[m] as ChartSpec["series"][number]).values);
      years.forEach((_, year) => {
        let expected = 0;
        for (const flow of flows)
          if (flow.year.toNumber() <= year)
            expected +=
              (flow.amount.toNumber() * flow.probability.toNumber()) /
              ((1 + rate) * (1 + inflation)) ** flow.year.toNumber();
        const actual = read(column[year] as string);
        if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
          off.push(`${candidate.id} year ${year}: ${actual} != ${expected}`);
      });
    });
    expect(off).toEqual([]);

    const kept = await chartParts(buffer);
    const kind = (xml: string) =>
      xml.includes("<c:lineChart>")
        ? "line"
        : xml.includes('<c:barDir val="bar"/>')
          ? "bar"
          : "column";
    expect(kept.map(kind).sort()).toEqual(
      [
        ...bars.map(() => "bar"),
        ...(fairShare === undefined ? [] : ["bar"]),
        "column",
        "line",
      ].sort()
    );
    const keptLine = kept.find((xml) => xml.includes("<c:lineChart>")) as string;
    expect(seriesFormulas(keptLine)).toEqual(line.series.map((s) => reference(s.values)));
  });
});
