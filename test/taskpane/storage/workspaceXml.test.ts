import { XMLParser, XMLValidator } from "fast-xml-parser";
import {
  WORKSPACE_XML_NAMESPACE,
  jsonFromWorkspaceXml,
  workspaceXml,
} from "../../../src/taskpane/storage/workspaceXml";
import { HOSTILE_STRINGS, hostileDocument } from "./hostile";

/** XML 1.0's Char production (section 2.2), written out independently of the code under test. */
function firstCharacterNotAllowedInXml(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) return code;
    if (code > 0xffff) i++;
  }
  return undefined;
}

const textOf = (xml: string): string => {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
  }).parse(xml) as { workspace: { "#text"?: string } | string };
  return typeof parsed.workspace === "string"
    ? parsed.workspace
    : (parsed.workspace["#text"] ?? "");
};

describe("the workspace's JSON inside XML", () => {
  const json = JSON.stringify({ strings: HOSTILE_STRINGS, document: hostileDocument() });

  it("is well-formed XML 1.0 with only characters XML allows, whatever the text holds", () => {
    const xml = workspaceXml(json);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(firstCharacterNotAllowedInXml(xml)).toBeUndefined();
    expect(xml.startsWith(`<workspace xmlns="${WORKSPACE_XML_NAMESPACE}">`)).toBe(true);
  });

  it("reads back as the same JSON, by this reader and by an independent XML parser", () => {
    const xml = workspaceXml(json);
    const read = jsonFromWorkspaceXml(xml);
    if (!read.ok) throw new Error(read.message);
    // U+FFFE and U+FFFF are written as JSON escapes, so the text differs but its value does not.
    expect(JSON.parse(read.json)).toEqual(JSON.parse(json));
    expect(JSON.parse(textOf(xml))).toEqual(JSON.parse(json));
  });

  it("keeps every hostile string exactly, lone surrogates included", () => {
    const read = jsonFromWorkspaceXml(workspaceXml(JSON.stringify(HOSTILE_STRINGS)));
    if (!read.ok) throw new Error(read.message);
    const back = JSON.parse(read.json) as string[];
    HOSTILE_STRINGS.forEach((s, i) => expect(back[i]).toBe(s));
  });

  it("reads what a host that re-serializes the part may return: a declaration, a prefix, CDATA, character references", () => {
    const text = JSON.stringify({ a: "]]> & < > \r é" });
    const cdata = `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
    const reserialized = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<!-- saved -->\n<ns0:workspace xmlns:ns0="${WORKSPACE_XML_NAMESPACE}">${cdata}</ns0:workspace>\n`;
    expect(XMLValidator.validate(reserialized)).toBe(true);
    expect(jsonFromWorkspaceXml(reserialized)).toEqual({ ok: true, json: text });

    const references = `<workspace xmlns="${WORKSPACE_XML_NAMESPACE}">{&quot;a&quot;:&#34;&#xE9;&#233;&apos;&#x1F600;&#34;}</workspace>`;
    expect(jsonFromWorkspaceXml(references)).toEqual({ ok: true, json: `{"a":"éé'😀"}` });
  });

  it.each([
    ["", "does not start with a <workspace> element"],
    ["<other/>", "does not start with a <workspace> element"],
    ["<workspace>{}", "its <workspace> element is not closed"],
    ["<workspace>{}</workspace><more/>", "there is more after its </workspace>"],
    ["<workspace><child/></workspace>", "markup at character 0"],
    ["<workspace>a & b</workspace>", '"&" is not followed by a reference'],
    ["<workspace>&nbsp;</workspace>", '"&nbsp;" is not a reference XML knows'],
    ["<workspace><![CDATA[x</workspace>", "a CDATA section is not closed"],
  ])("says what is wrong with %j", (xml, message) => {
    const read = jsonFromWorkspaceXml(xml);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });

  it("reads an empty element as empty text, for the JSON reader to report", () => {
    expect(jsonFromWorkspaceXml(`<workspace xmlns="${WORKSPACE_XML_NAMESPACE}"/>`)).toEqual({
      ok: true,
      json: "",
    });
  });
});
