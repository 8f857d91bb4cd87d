/**
 * The conformance test's own checks (test/support/ooxml), held to packages built here by hand: each
 * rule finds what it exists to find, and passes what Excel accepts. The engines test
 * (conformance.engines.test.ts) then runs them over every workbook the product writes.
 */
import JSZip from "jszip";
import { showsTrailingPoint } from "../../src/workbook/spec/validate";
import { parseXml } from "../../src/workbook/xml/parse";
import {
  chartProblems,
  decimalsAllOptional,
  definedNameProblems,
  numberFormatProblems,
  parseAreas,
  sheetNameProblems,
  uncachedFormulas,
} from "../support/ooxml/excelRules";
import { applyMarkupCompatibility } from "../support/ooxml/markupCompatibility";
import { readPackage } from "../support/ooxml/package";

const S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Options {
  sheets?: string[];
  names?: string;
  numFmts?: string;
  cells?: string;
  chart?: string;
}

/** A minimal package: sheets named as given (the first holds `cells`), names, formats, one chart. */
async function pkg(options: Options = {}) {
  const sheets = options.sheets ?? ["It's a sheet", "Other"];
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${S}" xmlns:r="${R}"><sheets>${sheets
      .map(
        (n, i) =>
          `<sheet name="${n.replace(/&/g, "&amp;")}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`
      )
      .join(
        ""
      )}</sheets>${options.names ? `<definedNames>${options.names}</definedNames>` : ""}</workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      )
      .join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
  );
  sheets.forEach((_, i) =>
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<worksheet xmlns="${S}"><sheetData>${i === 0 ? (options.cells ?? "") : ""}</sheetData></worksheet>`
    )
  );
  zip.file(
    "xl/styles.xml",
    `<styleSheet xmlns="${S}"><numFmts>${options.numFmts ?? ""}</numFmts></styleSheet>`
  );
  if (options.chart) zip.file("xl/charts/chart1.xml", options.chart);
  return readPackage(await zip.generateAsync({ type: "uint8array" }));
}

describe("references in defined names", () => {
  it("reads quoted sheet names with doubled apostrophes, unions, and whether they are absolute", () => {
    expect(parseAreas("'It''s a sheet'!$A$1:$I$79")).toEqual([
      {
        sheet: "It's a sheet",
        range: "$A$1:$I$79",
        absolute: true,
        top: 1,
        left: 1,
        bottom: 79,
        right: 9,
      },
    ]);
    expect(parseAreas("Other!A1:$B$2,'x y'!$C$3")?.map((a) => [a.sheet, a.absolute])).toEqual([
      ["Other", false],
      ["x y", true],
    ]);
    expect(parseAreas("'It''s'!$A:$C")?.[0]?.absolute).toBe(true);
  });

  it("refuses an undoubled apostrophe, a missing sheet or a range off the sheet", () => {
    expect(parseAreas("'It's a sheet'!$A$1:$I$79")).toBeUndefined();
    expect(parseAreas("$A$1:$B$2")).toBeUndefined();
    expect(parseAreas("Sheet1!$XFE$1")).toBeUndefined();
    expect(parseAreas("Sheet1!$A$1,")).toBeUndefined();
  });

  it("finds every broken name and print area, and passes good ones", async () => {
    const good = await pkg({
      names: [
        `<definedName name="_xlnm.Print_Area" localSheetId="0">'It''s a sheet'!$A$1:$I$79</definedName>`,
        `<definedName name="NHSDP_Total" localSheetId="0">'It''s a sheet'!$I$64</definedName>`,
        `<definedName name="NHSDP_Total" localSheetId="1">Other!$B$2</definedName>`,
        `<definedName name="NHSDP_PV_Royalty" localSheetId="1">#N/A</definedName>`,
      ].join(""),
    });
    expect(definedNameProblems(good)).toEqual([]);
    const bad = await pkg({
      names: [
        `<definedName name="_xlnm.Print_Area" localSheetId="0">'It's a sheet'!$A$1:$I$79</definedName>`,
        `<definedName name="_xlnm.Print_Area" localSheetId="1">Other!$A1:$I79</definedName>`,
        `<definedName name="_xlnm.Print_Area">Other!$A$1:$I$9</definedName>`,
        `<definedName name="NHSDP_X" localSheetId="5">Other!$A$1</definedName>`,
        `<definedName name="NHSDP_Y">Gone!$A$1</definedName>`,
        `<definedName name="A1">Other!$A$1</definedName>`,
        `<definedName name="NHSDP_Y">Other!$A$2</definedName>`,
      ].join(""),
    });
    const problems = definedNameProblems(bad);
    expect(problems).toEqual([
      expect.stringMatching(/Print_Area \(localSheetId 0\).*does not parse/),
      expect.stringMatching(/Print_Area \(localSheetId 1\).*\$A1:\$I79 is not absolute/),
      expect.stringMatching(/Print_Area = .*must be sheet-scoped/),
      expect.stringMatching(/NHSDP_X \(localSheetId 5\).*names no sheet/),
      expect.stringMatching(/NHSDP_Y = Gone!\$A\$1: refers to sheet "Gone"/),
      expect.stringMatching(/A1 = .*not a name Excel accepts/),
      expect.stringMatching(/NHSDP_Y = Other!\$A\$2: defined twice/),
    ]);
  });

  it("print titles: whole rows within the print area's rows, one range of rows", async () => {
    const good = await pkg({
      names: [
        `<definedName name="_xlnm.Print_Area" localSheetId="0">'It''s a sheet'!$A$1:$I$79</definedName>`,
        `<definedName name="_xlnm.Print_Titles" localSheetId="0">'It''s a sheet'!$37:$37</definedName>`,
        `<definedName name="_xlnm.Print_Titles" localSheetId="1">Other!$1:$1</definedName>`,
      ].join(""),
    });
    expect(definedNameProblems(good)).toEqual([]);
    const bad = await pkg({
      names: [
        `<definedName name="_xlnm.Print_Area" localSheetId="0">'It''s a sheet'!$A$1:$I$79</definedName>`,
        `<definedName name="_xlnm.Print_Titles" localSheetId="0">'It''s a sheet'!$80:$81</definedName>`,
        `<definedName name="_xlnm.Print_Titles" localSheetId="1">Other!$A$1:$B$2,Other!$1:$1,Other!$3:$3</definedName>`,
      ].join(""),
    });
    expect(definedNameProblems(bad)).toEqual([
      expect.stringMatching(/Print_Titles \(localSheetId 1\).*must be whole rows or whole columns/),
      expect.stringMatching(/Print_Titles \(localSheetId 1\).*one range of rows/),
      expect.stringMatching(
        /Print_Titles \(localSheetId 0\).*\$80:\$81 are not within the print area/
      ),
    ]);
  });

  it("a print area on another sheet than its own is found", async () => {
    const p = await pkg({
      names: `<definedName name="_xlnm.Print_Area" localSheetId="1">'It''s a sheet'!$A$1:$B$2</definedName>`,
    });
    expect(definedNameProblems(p)).toEqual([expect.stringMatching(/not on its own sheet "Other"/)]);
  });
});

it("sheet names: too long, forbidden characters, apostrophe at an end, twice", async () => {
  const p = await pkg({ sheets: ["x".repeat(32), "a[b]", "'quoted", "Same", "SAME", "History"] });
  expect(sheetNameProblems(p)).toHaveLength(5);
  expect(
    sheetNameProblems(await pkg({ sheets: ["Quote St George's DP-07", "Quote " + "x".repeat(25)] }))
  ).toEqual([]);
});

describe("number formats with only optional decimals", () => {
  const cases: [string, boolean][] = [
    ["0.##", true],
    ["#,##0.##", true],
    ["0.#?", true],
    ["[$£-809]#,##0.##", true],
    ["#,##0.00;(#,##0.##)", true],
    ["0.0#", false],
    ["#,##0.00", false],
    ["0%", false],
    ["0.0%", false],
    ['"v.##"0', false],
    ["General", false],
    ["yyyy-mm-dd hh:mm", false],
    ["0", false],
  ];
  it.each(cases)("%s: %s, as the product's showsTrailingPoint says", (code, expected) => {
    expect(decimalsAllOptional(code)).toBe(expected);
    expect(showsTrailingPoint(code)).toBe(expected);
  });

  it("are found in styles and in charts", async () => {
    const p = await pkg({
      numFmts: `<numFmt numFmtId="164" formatCode="#,##0.##"/><numFmt numFmtId="165" formatCode="#,##0.00"/>`,
      chart: `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:valAx><c:numFmt formatCode="0.#" sourceLinked="0"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
    });
    expect(numberFormatProblems(p)).toEqual([
      expect.stringMatching(/^xl\/styles.xml numFmt 164: number format "#,##0.##"/),
      expect.stringMatching(/^xl\/charts\/chart1.xml <c:numFmt>: number format "0.#"/),
    ]);
  });
});

it("formula cells without a cached value are found, shared formulas included", async () => {
  const p = await pkg({
    cells:
      `<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c><c r="C1"><f>A1*3</f></c>` +
      `<c r="D1" t="str"><f>"x"&amp;A1</f><v>x2</v></c><c r="E1"><f t="shared" si="0"/></c></row>`,
  });
  expect(uncachedFormulas(p)).toEqual([
    { sheet: "It's a sheet", cell: "C1", formula: "A1*3" },
    { sheet: "It's a sheet", cell: "E1", formula: "" },
  ]);
});

describe("chart series caches", () => {
  const cells = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*10</f><v>10</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f>A2*10</f><v>20</v></c></row>`;
  const chart = (val: string) =>
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:lineChart><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Alpha</c:v></c:tx><c:val><c:numRef><c:f>'It''s a sheet'!$B$1:$B$2</c:f>${val}</c:numRef></c:val></c:ser></c:lineChart></c:plotArea></c:chart></c:chartSpace>`;
  const cache = (points: string, count = 2) =>
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${points}</c:numCache>`;

  it("passes a series whose cache holds every cell's value", async () => {
    const p = await pkg({
      cells,
      chart: chart(cache(`<c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="1"><c:v>20</c:v></c:pt>`)),
    });
    expect(chartProblems(p)).toEqual([]);
  });

  it("finds a series with no cache, an empty cache, a short cache and a stale point", async () => {
    expect(chartProblems(await pkg({ cells, chart: chart("") }))).toEqual([
      expect.stringMatching(/series 1 "Alpha" <c:val> .*: no <c:numCache>/),
    ]);
    expect(chartProblems(await pkg({ cells, chart: chart(cache("", 0)) }))).toEqual([
      expect.stringMatching(/has no points/),
    ]);
    expect(
      chartProblems(
        await pkg({ cells, chart: chart(cache(`<c:pt idx="0"><c:v>10</c:v></c:pt>`, 1)) })
      )
    ).toEqual([expect.stringMatching(/ptCount 1 for a range of 2 cells/)]);
    expect(
      chartProblems(
        await pkg({
          cells,
          chart: chart(
            cache(`<c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="1"><c:v>99</c:v></c:pt>`)
          ),
        })
      )
    ).toEqual([expect.stringMatching(/point 1 caches "99" but B2 holds 20/)]);
  });
});

describe("Markup Compatibility before the schema", () => {
  it("drops ignorable attributes and elements, takes the Fallback, keeps the rest", () => {
    const { xml, violations } = applyMarkupCompatibility(
      parseXml(
        `<worksheet xmlns="${S}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" mc:Ignorable="x14ac xr" xr:uid="{1}">` +
          `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><xr:extra/>` +
          `<mc:AlternateContent><mc:Choice Requires="x14ac"><x14ac:new/></mc:Choice><mc:Fallback><sheetData/></mc:Fallback></mc:AlternateContent>` +
          `<c xml:space="preserve"><t>a &amp; b</t></c></worksheet>`
      )
    );
    expect(violations).toEqual([]);
    expect(xml).not.toMatch(
      /x14ac:dyDescent|xr:uid|mc:Ignorable|xr:extra|AlternateContent|x14ac:new|xml:space/
    );
    expect(xml).toMatch(/<sheetFormatPr defaultRowHeight="15"\/>/);
    expect(xml).toMatch(/<sheetData\/>/);
    expect(xml).toMatch(/<t>a &amp; b<\/t>/);
  });

  it("reports content in a namespace that is neither understood nor ignorable", () => {
    const { violations } = applyMarkupCompatibility(
      parseXml(`<worksheet xmlns="${S}" xmlns:z="urn:z" z:odd="1"><z:thing/></worksheet>`)
    );
    expect(violations).toEqual([
      expect.stringMatching(/attribute z:odd in urn:z/),
      expect.stringMatching(/<z:thing> in urn:z/),
    ]);
  });
});
