/*
 * XML, said once (with ./parse.ts): escaping text and attribute values, and resolving entity and
 * character references. Every reader and writer of XML in src uses these: the .xlsx writer's
 * workbook.xml and chart parts, and the task pane's workspace part. No imports, so the pane takes
 * these without the parser (parse.ts, fast-xml-parser): webpack would load a module's imports with it.
 *
 * OOXML's own escaping of characters inside a string cell ("_xHHHH_") is another layer, applied before
 * this one: see encodeXlsxText in spec/safeText.ts.
 *
 * References (XML 1.0, sections 2.4 and 4.1): the five predefined entities, and character references
 * in decimal (&#65;) or hexadecimal with a lower-case x (&#x41;) naming a character XML allows.
 * Anything else after "&" is an error; a document declaring its own entities (a DTD) is not read.
 */

/** Text that is not XML, or XML that is not well-formed. */
export class XmlError extends Error {
  override readonly name = "XmlError";
}

/** The entities every XML document knows, by name (a Map: "constructor" is not an entity). */
export const XML_PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** XML 1.0's Char production (section 2.2): the code points a document may hold. */
export function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/**
 * Characters XML 1.0 forbids, even as references: C0 controls other than tab, LF and CR; U+FFFE and
 * U+FFFF; UTF-16 surrogates not in a pair.
 */
const NOT_XML_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every character XML cannot hold (see NOT_XML_CHARACTER) replaced by `replacement(c)`. */
export function replaceNonXmlCharacters(text: string, replacement: (c: string) => string): string {
  return text.replace(NOT_XML_CHARACTER, replacement);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  // ">" is legal in text except in "]]>"; escaping all of them is simpler than finding those.
  ">": "&gt;",
  // A raw CR would be read back as LF (end-of-line handling, section 2.11).
  "\r": "&#xD;",
};

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': "&quot;",
  // Attribute-value normalisation (section 3.3.3) reads a raw tab, LF or CR as a space.
  "\t": "&#x9;",
  "\n": "&#xA;",
};

/**
 * `text` as character data between tags: & < > escaped, CR as a reference. Quotes are left as they
 * are (legal in text). Characters XML cannot hold at all are the caller's to keep out.
 */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] as string);
}

/**
 * `value` as an attribute value written between double quotes ("..."): & < > " escaped, and tab, LF
 * and CR as references so that they survive attribute-value normalisation. An apostrophe is left.
 */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] as string);
}

/**
 * `text` with its entity and character references resolved (named, decimal and hexadecimal).
 * Throws XmlError for an "&" that does not start a reference, an entity XML does not predefine, or a
 * character reference to a code point XML does not allow; the message names the first one.
 */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";"))
      throw new XmlError(`"&" is not followed by a reference ending in ";"`);
    const named = XML_PREDEFINED_ENTITIES.get(name);
    if (named !== undefined) return named;
    const hex = /^#x([0-9A-Fa-f]+)$/.exec(name)?.[1];
    const decimal = /^#([0-9]+)$/.exec(name)?.[1];
    if (hex === undefined && decimal === undefined)
      throw new XmlError(`"${whole}" is not a reference XML knows`);
    const codePoint = hex !== undefined ? parseInt(hex, 16) : parseInt(decimal as string, 10);
    if (!isXmlCharacter(codePoint))
      throw new XmlError(`"${whole}" refers to a character XML does not allow`);
    return String.fromCodePoint(codePoint);
  });
}
