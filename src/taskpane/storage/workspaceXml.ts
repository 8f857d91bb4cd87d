/**
 * The workspace's JSON inside a custom XML part: one root element in its own namespace (so the part
 * can be found with getByNamespace), the JSON as its escaped text. Text escaping rather than CDATA:
 * CDATA cannot hold "]]>" without splitting, and Excel may hand back the XML re-serialized with the
 * CDATA turned into escaped text anyway; the reader accepts both.
 */

export const WORKSPACE_XML_NAMESPACE = "urn:nhsdp:workspace";
const ROOT = "workspace";

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE and U+FFFF; surrogates not
 * in a pair). JSON.stringify already escapes controls and lone surrogates; U+FFFE/U+FFFF it leaves
 * raw, and they would make the part unreadable.
 */
const NOT_XML_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `json` as the text of the workspace element. Forbidden characters become JSON \u escapes, which is
 * safe only because JSON.stringify without indentation puts nothing but ASCII outside its strings, so
 * every such character is inside a JSON string.
 */
export function workspaceXml(json: string): string {
  const xmlSafe = json.replace(
    NOT_XML_CHARACTER,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
  const text = xmlSafe
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    // ">" is legal text except in "]]>"; escaping all of them is simpler than finding those.
    .replace(/>/g, "&gt;")
    // A raw CR would be read back as LF by every XML parser.
    .replace(/\r/g, "&#xD;");
  return `<${ROOT} xmlns="${WORKSPACE_XML_NAMESPACE}">${text}</${ROOT}>`;
}

export type WorkspaceXmlRead =
  { readonly ok: true; readonly json: string } | { readonly ok: false; readonly message: string };

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

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
  let problem: string | undefined;
  const json = text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) {
      problem ??= `"&" is not followed by a reference ending in ";"`;
      return whole;
    }
    const named = NAMED_ENTITIES[name];
    if (named !== undefined) return named;
    const code = /^#x([0-9A-Fa-f]+)$/.exec(name)?.[1] ?? /^#([0-9]+)$/.exec(name)?.[1];
    if (code !== undefined) {
      const codePoint = parseInt(code, name.startsWith("#x") ? 16 : 10);
      if (codePoint <= 0x10ffff) return String.fromCodePoint(codePoint);
    }
    problem ??= `"&${name};" is not a reference XML knows`;
    return whole;
  });
  return problem === undefined ? { ok: true, json } : { ok: false, message: problem };
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
