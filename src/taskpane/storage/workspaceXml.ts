/**
 * The workspace's JSON inside a custom XML part: one root element in its own namespace (so the part
 * can be found with getByNamespace), the JSON as its escaped text. Text escaping rather than CDATA:
 * CDATA cannot hold "]]>" without splitting, and Excel may hand back the XML re-serialized with the
 * CDATA turned into escaped text anyway; the reader accepts both.
 *
 * Escaping and references come from the one XML module's escape.ts (src/workbook/xml/); its parser
 * (parse.ts) is not used here. The reader below walks the one element itself: it says what is wrong
 * with a damaged part (the pane shows it and saves beside the part) where the parser's message is
 * generic, and it keeps fast-xml-parser (65 KB, 22 KB gzip) out of what the pane loads on demand for
 * the editor, which includes this file.
 */

import {
  XmlError,
  escapeXmlText,
  replaceNonXmlCharacters,
  unescapeXml,
} from "../../workbook/xml/escape";

export const WORKSPACE_XML_NAMESPACE = "urn:nhsdp:workspace";
const ROOT = "workspace";

/**
 * `json` as the text of the workspace element. Characters XML forbids become JSON \u escapes, which is
 * safe only because JSON.stringify without indentation puts nothing but ASCII outside its strings, so
 * every such character is inside a JSON string. (JSON.stringify already escapes controls and lone
 * surrogates; U+FFFE/U+FFFF it leaves raw, and they would make the part unreadable.)
 */
export function workspaceXml(json: string): string {
  const xmlSafe = replaceNonXmlCharacters(
    json,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
  return `<${ROOT} xmlns="${WORKSPACE_XML_NAMESPACE}">${escapeXmlText(xmlSafe)}</${ROOT}>`;
}

export type WorkspaceXmlRead =
  { readonly ok: true; readonly json: string } | { readonly ok: false; readonly message: string };

/** Declarations, comments, processing instructions and whitespace allowed around the root element. */
const MISC = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/;

/** Decodes character data: text with entity and character references, and CDATA sections. */
function decodeText(content: string): WorkspaceXmlRead {
  let out = "";
  let i = 0;
  while (i < content.length) {
    const lt = content.indexOf("<", i);
    const end = lt === -1 ? content.length : lt;
    const chunk = content.slice(i, end);
    const decoded = decodeReferences(chunk);
    if (!decoded.ok) return decoded;
    out += decoded.json;
    if (lt === -1) break;
    if (content.startsWith("<![CDATA[", lt)) {
      const close = content.indexOf("]]>", lt + 9);
      if (close === -1) return { ok: false, message: "a CDATA section is not closed" };
      out += content.slice(lt + 9, close);
      i = close + 3;
    } else if (content.startsWith("<!--", lt)) {
      const close = content.indexOf("-->", lt + 4);
      if (close === -1) return { ok: false, message: "a comment is not closed" };
      i = close + 3;
    } else {
      return {
        ok: false,
        message: `the workspace element holds markup at character ${lt}, where only its text was expected`,
      };
    }
  }
  return { ok: true, json: out };
}

function decodeReferences(text: string): WorkspaceXmlRead {
  try {
    return { ok: true, json: unescapeXml(text) };
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The JSON text inside a workspace part, as Excel returns its XML. Never throws. */
export function jsonFromWorkspaceXml(xml: string): WorkspaceXmlRead {
  const withoutBom = xml.startsWith("\uFEFF") ? xml.slice(1) : xml;
  const rest = withoutBom.slice(MISC.exec(withoutBom)?.[0].length ?? 0);
  const start = /^<((?:[A-Za-z_][\w.-]*:)?workspace)(?:\s[^>]*?)?(\/?)>/.exec(rest);
  if (start === null) return { ok: false, message: `does not start with a <${ROOT}> element` };
  const [startTag, qualifiedName, selfClosing] = start;
  if (selfClosing === "/") return { ok: true, json: "" };
  const closeTag = `</${qualifiedName}>`;
  const close = rest.lastIndexOf(closeTag);
  if (close === -1) return { ok: false, message: `its <${qualifiedName}> element is not closed` };
  const after = rest.slice(close + closeTag.length);
  if (after.slice(MISC.exec(after)?.[0].length ?? 0) !== "")
    return { ok: false, message: `there is more after its </${qualifiedName}>` };
  return decodeText(rest.slice(startTag.length, close));
}
