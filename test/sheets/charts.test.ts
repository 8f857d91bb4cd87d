/**
 * Charts in a SheetSpec: validated, drawn into the .xlsx as DrawingML parts (read back from the file;
 * charts.engines.test.ts has LibreOffice open them), and queued through Office.js (the recording mock).
 */
import { writeSheets } from "../../src/addin/writeSheets";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { num, text, type ChartSpec } from "../../src/workbook/spec/spec";
import { sheetSpecProblems } from "../../src/workbook/spec/validate";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { createExcelMock } from "../support/officeMock";
import { SHEET, chartSheet, formulas, parts } from "./chartSheet";

describe("chart specs", () => {
  const base = (): ChartSpec => ({
    kind: "line",
    title: "T",
    categories: "A1:A5",
    series: [{ name: "S", values: "B1:B5" }],
    anchor: "D1:H10",
  });
  const problems = (chart: Partial<ChartSpec>, more: ChartSpec[] = []) =>
    sheetSpecProblems({
      ...new SheetSpecBuilder("S").build(),
      charts: [{ ...base(), ...chart } as ChartSpec, ...more],
    });

  it("accepts a chart over one column of categories and values of the same length", () => {
    expect(problems({})).toEqual([]);
    expect(problems({ categories: "A1:E1", series: [{ name: "S", values: "A2:E2" }] })).toEqual([]);
  });

  it.each([
    [{ kind: "pie" as never }, /kind must be "line", "column" or "bar"/],
    [{ title: "" }, /title must be non-empty/],
    [{ title: "x".repeat(256) }, /title longer than 255/],
    [{ categories: "A1:B5" }, /categories "A1:B5" is not one row or column/],
    [{ categories: "nowhere" }, /categories "nowhere" is not a range/],
    [{ series: [] }, /needs at least one series/],
    [{ series: [{ name: "S", values: "B1:B4" }] }, /4 values for 5 categories/],
    [{ series: [{ name: " ", values: "B1:B5" }] }, /name must be non-empty/],
    [{ anchor: "D1:" }, /anchor "D1:" is not a range/],
    [{ valueFormat: "" }, /valueFormat must be a non-empty string/],
    [{ valueAxisTitle: " " }, /valueAxisTitle must be non-empty text/],
    [
      { categoryAxisTitle: "x".repeat(256) },
      /categoryAxisTitle must be non-empty text of at most 255/,
    ],
  ])("refuses %j", (chart, message) => {
    expect(problems(chart).join("\n")).toMatch(message);
  });

  it("refuses charts that cover each other", () => {
    expect(problems({}, [{ ...base(), anchor: "H10:J20" }]).join("\n")).toMatch(
      /anchor H10:J20 overlaps another chart/
    );
  });
});

describe("charts in the .xlsx", () => {
  it("writes a chart part per chart with the series' formulas, a drawing anchoring them, and their relationships", async () => {
    const files = await parts(await writeWorkbook([chartSheet()]));
    const line = files.get("xl/charts/chart1.xml") as string;
    const column = files.get("xl/charts/chart2.xml") as string;
    expect(line).toContain("<c:lineChart>");
    expect(column).toContain('<c:barChart><c:barDir val="col"/>');
    expect(formulas(line)).toEqual([
      "'Chart''s test'!$A$2:$A$6",
      "'Chart''s test'!$B$2:$B$6",
      "'Chart''s test'!$A$2:$A$6",
      "'Chart''s test'!$C$2:$C$6",
    ]);
    expect(formulas(column)).toEqual(["'Chart''s test'!$A$2:$A$6", "'Chart''s test'!$B$2:$B$6"]);
    expect(line).toContain("<a:t>Cumulative value &amp; more</a:t>");
    expect(line).toContain("<c:v>Beta &lt;2x&gt;</c:v>");
    // Without formats the axes follow their cells; with them, the formats given.
    expect(line.match(/<c:numFmt [^>]*>/g)).toEqual([
      '<c:numFmt formatCode="General" sourceLinked="1"/>',
      '<c:numFmt formatCode="General" sourceLinked="1"/>',
    ]);
    expect(column.match(/<c:numFmt [^>]*>/g)).toEqual([
      '<c:numFmt formatCode="0.0" sourceLinked="0"/>',
      '<c:numFmt formatCode="[$£-809]#,##0" sourceLinked="0"/>',
    ]);

    // Axis titles only where the spec gives them: the category axis's, then the value axis's.
    expect(line).not.toMatch(/<c:(catAx|valAx)>.*<c:title>/);
    const axisTitles = (xml: string) =>
      [...xml.matchAll(/<c:(catAx|valAx)>(?:(?!<\/c:\1>).)*?<c:title>.*?<a:t>([^<]*)<\/a:t>/g)].map(
        (m) => [m[1], m[2]]
      );
    expect(axisTitles(column)).toEqual([
      ["catAx", "Year &amp; half"],
      ["valAx", "Value (£)"],
    ]);
    // Text at 11 points throughout, as the cells'.
    expect(column).toContain('<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100"/>');

    const drawing = files.get("xl/drawings/drawing1.xml") as string;
    // E1:L15 → from column 4, row 0 to the corner past L15: column 12, row 15 (zero-based)
    expect(drawing).toMatch(
      /<xdr:from><xdr:col>4<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>0<\/xdr:row>.*<xdr:to><xdr:col>12<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>15<\/xdr:row>/
    );
    expect([...drawing.matchAll(/<c:chart [^>]*r:id="(rId\d+)"/g)].map((m) => m[1])).toEqual([
      "rId1",
      "rId2",
    ]);
    const drawingRels = files.get("xl/drawings/_rels/drawing1.xml.rels") as string;
    expect(drawingRels).toMatch(/Id="rId1"[^>]*Target="..\/charts\/chart1.xml"/);
    expect(drawingRels).toMatch(/Id="rId2"[^>]*Target="..\/charts\/chart2.xml"/);

    const sheet = files.get("xl/worksheets/sheet1.xml") as string;
    const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)?.[1];
    expect(drawingId).toBeDefined();
    expect(files.get("xl/worksheets/_rels/sheet1.xml.rels")).toMatch(
      new RegExp(`Id="${drawingId}"[^>]*Target="../drawings/drawing1.xml"`)
    );
    const types = files.get("[Content_Types].xml") as string;
    for (const part of ["/xl/charts/chart1.xml", "/xl/charts/chart2.xml"])
      expect(types).toContain(
        `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
      );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
    );
  });

  it("adds nothing for a sheet without charts", async () => {
    const files = await parts(await writeWorkbook([new SheetSpecBuilder("Plain").build()]));
    expect([...files.keys()].filter((name) => /chart|drawing/.test(name))).toEqual([]);
  });
});

describe("charts through Office.js", () => {
  it("adds each chart over its first series, then titles, places and names its series", async () => {
    const mock = createExcelMock();
    await writeSheets(mock.run, [chartSheet()]);
    const ws = `ws[${SHEET}]`;
    const adds = mock.log.filter((op) => op.path === `${ws}.charts` && op.name === "add");
    expect(adds.map((op) => op.args)).toEqual([
      ["Line", { ref: `${ws}.getRange(B2:B6)` }, "Columns"],
      ["ColumnClustered", { ref: `${ws}.getRange(B2:B6)` }, "Columns"],
    ]);
    const line = `${ws}.charts.add(Line,…,Columns)`;
    const column = `${ws}.charts.add(ColumnClustered,…,Columns)`;
    const on = (path: string) =>
      mock.log
        .filter((op) => op.path.startsWith(path))
        .map((op) => [op.path.slice(path.length), op.kind, op.name, op.value ?? op.args]);
    expect(on(line)).toEqual([
      ["", "set", "name", "NHSDP chart 1"],
      [".title", "set", "text", "Cumulative value & more"],
      [".legend", "set", "position", "Bottom"],
      ["", "call", "setPosition", ["E1", "L15"]],
      [".series", "call", "getItemAt", [0]],
      [".series.getItemAt(0)", "set", "name", "Alpha"],
      [".series.getItemAt(0)", "call", "setXAxisValues", [{ ref: `${ws}.getRange(A2:A6)` }]],
      [".series", "call", "add", ["Beta <2x>"]],
      [".series.add(Beta <2x>)", "call", "setValues", [{ ref: `${ws}.getRange(C2:C6)` }]],
      [".series.add(Beta <2x>)", "call", "setXAxisValues", [{ ref: `${ws}.getRange(A2:A6)` }]],
    ]);
    expect(on(column)).toEqual([
      ["", "set", "name", "NHSDP chart 2"],
      [".title", "set", "text", "Counts"],
      [".legend", "set", "position", "Bottom"],
      [".axes.categoryAxis", "set", "numberFormat", "0.0"],
      [".axes.valueAxis", "set", "numberFormat", "[$£-809]#,##0"],
      [".axes.categoryAxis.title", "set", "text", "Year & half"],
      [".axes.valueAxis.title", "set", "text", "Value (£)"],
      ["", "call", "setPosition", ["E17", "L30"]],
      [".series", "call", "getItemAt", [0]],
      [".series.getItemAt(0)", "set", "name", "Alpha"],
      [".series.getItemAt(0)", "call", "setXAxisValues", [{ ref: `${ws}.getRange(A2:A6)` }]],
    ]);
  });
});

describe("horizontal bars drawn top down (a tornado)", () => {
  const topDown = () => {
    const b = new SheetSpecBuilder("Bars");
    ["Largest", "Middle", "Smallest"].forEach((name, i) =>
      b.row(1 + i, "A", [text(name), num(-(3 - i)), num(3 - i)])
    );
    b.chart({
      kind: "bar",
      title: "Tornado",
      categories: "A1:A3",
      series: [
        { name: "Low", values: "B1:B3" },
        { name: "High", values: "C1:C3" },
      ],
      anchor: "E1:L15",
      topDown: true,
    });
    return b.build();
  };

  it("reverses the category axis and has the value axis cross it at its last category (.xlsx)", async () => {
    const files = await parts(await writeWorkbook([topDown()]));
    const chart = files.get("xl/charts/chart1.xml") as string;
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toMatch(/<c:catAx>.*<c:orientation val="maxMin"\/>.*<\/c:catAx>/);
    expect(chart).toMatch(
      /<c:valAx>.*<c:orientation val="minMax"\/>.*<c:crosses val="max"\/>.*<\/c:valAx>/
    );
  });

  it("reverses the plot order and crosses at the maximum through Office.js", async () => {
    const mock = createExcelMock();
    await writeSheets(mock.run, [topDown()]);
    const axis = mock.log.filter(
      (op) => op.path.endsWith(".axes.categoryAxis") && op.kind === "set"
    );
    expect(axis.map((op) => [op.name, op.value])).toEqual([
      ["reversePlotOrder", true],
      ["position", "Maximum"],
    ]);
  });

  it("is for horizontal bars only", () => {
    const spec = topDown();
    const line = { ...spec, charts: [{ ...spec.charts![0]!, kind: "line" as const }] };
    expect(sheetSpecProblems(line)).toEqual([
      'charts[0]: topDown is for horizontal bars ("bar") only',
    ]);
  });
});
