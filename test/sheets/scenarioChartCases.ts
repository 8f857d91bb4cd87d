/* The examples' scenario sheets and how their charts are read: for scenarioCharts*.test.ts. */
import JSZip from "jszip";
import {
  evaluateScenarios,
  scenarioInputs,
  simulate,
  simulationSettings,
  tornado,
  tornadoRangesOf,
  fairShareOf,
} from "../../src/core/scenarios";
import type { Partnership } from "../../src/document/schema";
import { parseRangeAddress } from "../../src/workbook/spec/a1";
import { buildScenarioSheet } from "../../src/workbook/layouts/scenario/scenarioSheet";
import type { ChartSpec } from "../../src/workbook/spec/spec";

export const EXAMPLES = [
  "commercial-imaging-ai.json",
  "commercial-rwe-milestones.json",
  "sme-subscription.json",
] as const;

export function build(doc: Partnership) {
  const inputs = scenarioInputs(doc);
  const result = evaluateScenarios(inputs);
  const settings = simulationSettings(doc, { trials: 2000 });
  const simulation = simulate(inputs, settings);
  const bars = tornado(inputs, tornadoRangesOf(doc));
  const spec = buildScenarioSheet(doc, inputs, result, settings, simulation, bars, {
    generatedAt: new Date("2026-11-23T10:00:00Z"),
    fairShare: fairShareOf(doc, inputs),
  });
  return { inputs, simulation, spec };
}

export function cells(range: string): string[] {
  const r = parseRangeAddress(range);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++)
      out.push(`${String.fromCharCode(64 + col)}${row}`);
  return out;
}

/**
 * The cumulative line, the tornado's bars (one chart a mechanism that moves) and the histogram; the
 * fair share's bars, before them, when the scenarios give a fair share.
 */
export function chartsOf(spec: { charts?: ChartSpec[] }): {
  line: ChartSpec;
  bars: ChartSpec[];
  column: ChartSpec;
  fairShare: ChartSpec | undefined;
} {
  const isFairShare = (chart: ChartSpec) => chart.title.startsWith("A fair share");
  const fairShare = (spec.charts ?? []).find(isFairShare);
  const charts = (spec.charts ?? []).filter((chart) => !isFairShare(chart));
  const bars = charts.slice(1, -1);
  expect(charts.map((chart) => chart.kind)).toEqual(["line", ...bars.map(() => "bar"), "column"]);
  return {
    line: charts[0] as ChartSpec,
    bars,
    column: charts[charts.length - 1] as ChartSpec,
    fairShare,
  };
}

export function decode(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export async function chartParts(buffer: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files)
    .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
    .sort();
  return Promise.all(names.map((name) => (zip.file(name) as JSZip.JSZipObject).async("string")));
}

export const seriesFormulas = (xml: string) =>
  [...xml.matchAll(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/g)].map((m) => decode(m[1] as string));
