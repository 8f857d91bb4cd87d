/*
 * xl/workbook.xml read with the XML parser and its <definedNames> element rewritten in place: the
 * cases a pattern over the text got wrong (prefixes, comments, CDATA, numeric references, schema order).
 */
import {
  parseDefinedNames,
  rewriteDefinedNames,
  workbookSheetNames,
  workbookSheets,
} from "../../src/workbook/xlsx/workbookXml";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

describe("reading workbook.xml", () => {
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${R}>` +
    '<!-- <sheet name="not a sheet"/> <definedNames><definedName name="Old">1</definedName></definedNames> -->' +
    '<x:sheets><x:sheet name="R&amp;D" sheetId="1" r:id="rId1"/>' +
    '<x:sheet name=\'&#x51;uote &#8212; 2\' sheetId="2" relationships:id="rId7" xmlns:relationships="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></x:sheets>' +
    "<x:definedNames>" +
    '<x:definedName name="NHSDP_Total" localSheetId="1" comment="two&#10;lines">\'&#x51;uote &#8212; 2\'!$F$30</x:definedName>' +
    '<x:definedName name="Rate"><![CDATA[0.035]]></x:definedName>' +
    '<x:definedName name="Gone" localSheetId="5">#REF!</x:definedName>' +
    "</x:definedNames><x:calcPr/></x:workbook>";

  it("takes the sheets from <sheets>, not from a comment, with any prefix and any relationships prefix", () => {
    expect(workbookSheets(xml)).toEqual([
      { name: "R&D", relationshipId: "rId1" },
      { name: "Quote \u2014 2", relationshipId: "rId7" },
    ]);
    expect(workbookSheetNames(xml)).toEqual(["R&D", "Quote \u2014 2"]);
  });

  it("takes the defined names with numeric references and CDATA resolved, and drops a name whose sheet is missing", () => {
    expect(parseDefinedNames(xml)).toEqual([
      {
        name: "NHSDP_Total",
        sheetName: "Quote \u2014 2",
        text: "'Quote \u2014 2'!$F$30",
        attributes: { comment: "two\nlines" },
      },
      { name: "Rate", text: "0.035" },
    ]);
  });

  it("says when workbook.xml is not XML", () => {
    expect(() => workbookSheetNames("<workbook><sheets></workbook>")).toThrow(
      "not well-formed XML"
    );
  });
});

describe("rewriting <definedNames>", () => {
  const sheets = '<sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets>';

  it("replaces the element itself, not a commented-out copy, and keeps every other byte", () => {
    const before = `<workbook ${NS} ${R}>${sheets}<!-- <definedNames></definedNames> -->`;
    const after = '<calcPr calcId="191029"/><extLst><ext uri="{x}"><y/></ext></extLst></workbook>';
    const xml = `${before}<definedNames>\n  <definedName name="Old">1</definedName>\n</definedNames>${after}`;
    expect(rewriteDefinedNames(xml, [{ name: "New", sheetName: "A", text: "A!$A$1" }])).toBe(
      `${before}<definedNames><definedName name="New" localSheetId="0">A!$A$1</definedName></definedNames>${after}`
    );
  });

  it("removes an empty element, self-closing or not", () => {
    const xml = `<workbook ${NS} ${R}>${sheets}<definedNames/><calcPr/></workbook>`;
    expect(rewriteDefinedNames(xml, [])).toBe(`<workbook ${NS} ${R}>${sheets}<calcPr/></workbook>`);
  });

  it("inserts the element after <sheets> and any functionGroups or externalReferences, as the schema orders them", () => {
    const refs = '<externalReferences><externalReference r:id="rId9"/></externalReferences>';
    const xml = `<workbook ${NS} ${R}>${sheets}${refs}<calcPr/></workbook>`;
    expect(rewriteDefinedNames(xml, [{ name: "Rate", text: "0.035" }])).toBe(
      `<workbook ${NS} ${R}>${sheets}${refs}<definedNames><definedName name="Rate">0.035</definedName></definedNames><calcPr/></workbook>`
    );
  });

  it("writes the new elements with the workbook's prefix", () => {
    const xml = `<x:workbook xmlns:x="urn:main" ${R}><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/></x:sheets><x:calcPr/></x:workbook>`;
    expect(rewriteDefinedNames(xml, [{ name: "Rate", text: "0.035" }])).toContain(
      '</x:sheets><x:definedNames><x:definedName name="Rate">0.035</x:definedName></x:definedNames><x:calcPr/>'
    );
  });

  it("escapes what it writes so that it reads back the same", () => {
    const xml = `<workbook ${NS} ${R}><sheets><sheet name="B &amp; &quot;C&quot;" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const names = [
      {
        name: "Total",
        sheetName: 'B & "C"',
        text: `'B & "C"'!$A$1&"<>"`,
        attributes: { comment: 'tab\tline\nquote" amp& lt<' },
      },
    ];
    const out = rewriteDefinedNames(xml, names);
    expect(out).toContain(
      `<definedName name="Total" localSheetId="0" comment="tab&#x9;line&#xA;quote&quot; amp&amp; lt&lt;">'B &amp; "C"'!$A$1&amp;"&lt;&gt;"</definedName>`
    );
    expect(parseDefinedNames(out)).toEqual(names);
  });

  it("refuses a workbook.xml without <sheets>", () => {
    expect(() => rewriteDefinedNames("<workbook/>", [{ name: "Rate", text: "1" }])).toThrow(
      "workbook.xml has no <sheets> element"
    );
  });
});
