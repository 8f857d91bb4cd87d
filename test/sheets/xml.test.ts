/*
 * The one XML module (src/workbook/xml/): expected values are written out by hand from XML 1.0
 * (sections 2.2 Char, 2.4 character data, 2.11 end-of-line handling, 3.3.3 attribute-value
 * normalisation, 4.1 character and entity references, 4.6 predefined entities).
 */
import fc from "fast-check";
import {
  XmlError,
  escapeXmlAttribute,
  escapeXmlText,
  isXmlCharacter,
  replaceNonXmlCharacters,
  unescapeXml,
} from "../../src/workbook/xml/escape";
import { childElements, localName, parseXml } from "../../src/workbook/xml/parse";

describe("unescapeXml", () => {
  it.each([
    ["&#x41;", "A"],
    ["&#65;", "A"],
    ["&#x0041;", "A"],
    ["&#x4a;&#x4A;", "JJ"],
    ["&amp;", "&"],
    ["&lt;", "<"],
    ["&gt;", ">"],
    ["&quot;", '"'],
    ["&apos;", "'"],
    ["&#xE9;&#233;", "\u00e9\u00e9"],
    // A supplementary-plane character: one reference, two UTF-16 code units.
    ["&#x1F600;", "\u{1F600}"],
    ["&#128512;", "\uD83D\uDE00"],
    ["&#x10FFFF;", "\u{10FFFF}"],
    ["&#9;&#xA;&#13;", "\t\n\r"],
    // Resolved once: the text of "&amp;lt;" is "&lt;", not "<".
    ["&amp;lt;", "&lt;"],
    ["&amp;#65;", "&#65;"],
    ["R&amp;D &lt;b&gt; it&apos;s", "R&D <b> it's"],
    ["no references", "no references"],
    ["", ""],
  ])("%j is %j", (escaped, text) => {
    expect(unescapeXml(escaped)).toBe(text);
  });

  it.each([
    ["a & b", '"&" is not followed by a reference ending in ";"'],
    ["a &amp b", '"&" is not followed by a reference ending in ";"'],
    ["&nbsp;", '"&nbsp;" is not a reference XML knows'],
    ["&AMP;", '"&AMP;" is not a reference XML knows'],
    // An object's inherited keys are not entities.
    ["&constructor;", '"&constructor;" is not a reference XML knows'],
    ["&__proto__;", '"&__proto__;" is not a reference XML knows'],
    ["&;", '"&;" is not a reference XML knows'],
    ["&#;", '"&#;" is not a reference XML knows'],
    ["&#x;", '"&#x;" is not a reference XML knows'],
    // Only a lower-case x introduces a hexadecimal reference.
    ["&#X41;", '"&#X41;" is not a reference XML knows'],
    ["&#x-41;", '"&#x-41;" is not a reference XML knows'],
    // A reference must name a Char: not NUL, a C0 control, a surrogate, U+FFFE/U+FFFF or past U+10FFFF.
    ["&#0;", '"&#0;" refers to a character XML does not allow'],
    ["&#x1B;", '"&#x1B;" refers to a character XML does not allow'],
    ["&#xD800;", '"&#xD800;" refers to a character XML does not allow'],
    ["&#xFFFE;", '"&#xFFFE;" refers to a character XML does not allow'],
    ["&#x110000;", '"&#x110000;" refers to a character XML does not allow'],
    ["&#99999999999999999999;", "refers to a character XML does not allow"],
  ])("rejects %j", (escaped, message) => {
    expect(() => unescapeXml(escaped)).toThrow(XmlError);
    expect(() => unescapeXml(escaped)).toThrow(message);
  });
});

describe("escaping", () => {
  it("escapes & < > in text, and CR, leaving quotes, tab and LF", () => {
    expect(escapeXmlText(`a&b<c>d"e'f`)).toBe(`a&amp;b&lt;c&gt;d"e'f`);
    expect(escapeXmlText("]]>")).toBe("]]&gt;");
    expect(escapeXmlText("1\r\n2\t3")).toBe("1&#xD;\n2\t3");
    expect(escapeXmlText("&amp;")).toBe("&amp;amp;");
    expect(escapeXmlText("\u{1F600} \u00e9")).toBe("\u{1F600} \u00e9");
  });

  it('escapes & < > " in an attribute value, and tab, LF and CR, leaving the apostrophe', () => {
    expect(escapeXmlAttribute(`a&b<c>d"e'f`)).toBe(`a&amp;b&lt;c&gt;d&quot;e'f`);
    expect(escapeXmlAttribute("1\t2\n3\r4")).toBe("1&#x9;2&#xA;3&#xD;4");
  });

  it("knows XML's characters", () => {
    expect([0x0, 0x8, 0x9, 0xa, 0xb, 0xd, 0x1f, 0x20].map(isXmlCharacter)).toEqual([
      false,
      false,
      true,
      true,
      false,
      true,
      false,
      true,
    ]);
    expect([0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xfffe, 0xffff].map(isXmlCharacter)).toEqual([
      true,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect([0x10000, 0x10ffff, 0x110000].map(isXmlCharacter)).toEqual([true, true, false]);
    expect(replaceNonXmlCharacters("a\u0000b\uFFFEc\uD800d\uD83D\uDE00\t", () => "?")).toBe(
      "a?b?c?d\uD83D\uDE00\t"
    );
  });

  /** Strings of any code points, with XML's markup characters and whitespace much more often. */
  const text = fc.string({
    unit: fc.oneof(
      fc.constantFrom("&", "<", ">", '"', "'", ";", "#", "x", "]", "\r", "\n", "\t", " "),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 })
    ),
  });

  it("round-trips any string through escaping and unescaping", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(unescapeXml(escapeXmlText(s))).toBe(s);
        expect(unescapeXml(escapeXmlAttribute(s))).toBe(s);
      })
    );
  });

  it("round-trips any XML text through a parsed element, as text and as an attribute", () => {
    fc.assert(
      fc.property(text, (raw) => {
        const s = replaceNonXmlCharacters(raw, () => "\uFFFD");
        const element = parseXml(`<a v="${escapeXmlAttribute(s)}">${escapeXmlText(s)}</a>`);
        expect(element.text).toBe(s);
        expect(element.attributes["v"]).toBe(s);
      })
    );
  });
});

describe("parseXml", () => {
  const xml =
    '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<!-- <sheets><sheet name="commented out"/></sheets> -->\n' +
    '<x:workbook xmlns:x="urn:x" xmlns:r="urn:r"><x:sheets>' +
    "<x:sheet name='R&amp;D &#x41;&#66;' r:id=\"rId1\"/>" +
    '<x:sheet name="tab&#9;lf&#10;cr&#13;" r:id="rId2"></x:sheet>' +
    "</x:sheets><?pi data?><x:note>a &lt; b<!-- c --><![CDATA[ & <c> ]]>&#x1F600;</x:note></x:workbook>\n";

  it("reads names, attributes and character data with their references resolved", () => {
    const root = parseXml(xml);
    expect(root.name).toBe("x:workbook");
    expect(root.localName).toBe("workbook");
    expect(root.attributes).toEqual({ "xmlns:x": "urn:x", "xmlns:r": "urn:r" });
    const sheets = childElements(root, "sheets").flatMap((s) => childElements(s, "sheet"));
    expect(sheets.map((s) => s.attributes["name"])).toEqual(["R&D AB", "tab\tlf\ncr\r"]);
    expect(sheets.map((s) => s.attributes["r:id"])).toEqual(["rId1", "rId2"]);
    // Text and CDATA in order, comments and processing instructions left out.
    expect(childElements(root, "note")[0]?.text).toBe("a < b & <c> \u{1F600}");
  });

  it("gives each element's place in the string, whatever comes before it", () => {
    const root = parseXml(xml);
    expect(xml.slice(root.start, root.end)).toBe(xml.trimEnd().slice(xml.indexOf("<x:workbook")));
    const sheets = childElements(root, "sheets")[0]!;
    expect(xml.slice(sheets.start, sheets.end)).toMatch(
      /^<x:sheets><x:sheet name='R.*<\/x:sheets>$/
    );
    expect(xml.slice(sheets.children[1]!.start, sheets.children[1]!.end)).toBe(
      '<x:sheet name="tab&#9;lf&#10;cr&#13;" r:id="rId2"></x:sheet>'
    );
  });

  it("normalises line ends, and literal whitespace in attribute values, as XML does", () => {
    const root = parseXml('<a v="1\r\n2\t3\n4">x\r\ny\rz<![CDATA[p\r\nq]]></a>');
    expect(root.attributes["v"]).toBe("1 2 3 4");
    expect(root.text).toBe("x\ny\nzp\nq");
  });

  it("finds no attribute an element lacks, even one named like Object.prototype's", () => {
    const root = parseXml('<a name="n"/>');
    expect(root.attributes["constructor"]).toBeUndefined();
    expect(root.attributes["toString"]).toBeUndefined();
  });

  it.each([
    '<a constructor="c"/>',
    '<a toString="t"/>',
    "<__proto__/>",
    "<a><hasOwnProperty/></a>",
  ])("refuses %j, whose name is Object.prototype's (fast-xml-parser's guard)", (bad) => {
    expect(() => parseXml(bad)).toThrow(XmlError);
    expect(() => parseXml(bad)).toThrow(/refused/);
  });

  it.each([
    ["", "not well-formed XML"],
    ["text", "not well-formed XML"],
    ["<a><b></a>", "not well-formed XML"],
    ["<a>", "not well-formed XML"],
    ['<a x="1" x="2"/>', "not well-formed XML"],
    ["<a>x & y</a>", "not well-formed XML"],
    ["<a/><b/>", "2 root elements where one was expected"],
    ["<a>&nbsp;</a>", '"&nbsp;" is not a reference XML knows'],
    ['<a v="&#0;"/>', '"&#0;" refers to a character XML does not allow'],
  ])("rejects %j", (bad, message) => {
    expect(() => parseXml(bad)).toThrow(XmlError);
    expect(() => parseXml(bad)).toThrow(message);
  });

  it("names an element's local name", () => {
    expect(localName("x:sheet")).toBe("sheet");
    expect(localName("sheet")).toBe("sheet");
  });
});
