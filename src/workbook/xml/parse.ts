/*
 * XML parsing, said once (with ./escape.ts): fast-xml-parser's well-formedness check and its parse into a
 * small element tree that knows where each element sits in the text, so that a writer can splice one
 * element without rebuilding the rest. Values are taken as written and their references resolved by
 * escape.ts's unescapeXml, the one decoder.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { XmlError, unescapeXml } from "./escape";

/** An element of a parsed document. */
export interface XmlElement {
  /** The name as written, with any prefix ("x:sheet"). */
  readonly name: string;
  /** The name without its prefix ("sheet"). */
  readonly localName: string;
  /** Attribute values by name as written (prefixes kept), normalised and with references resolved. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own character data (text and CDATA, in order; not its children's). */
  readonly text: string;
  /** Where the element starts ("<") and ends (just past its last ">") in the parsed string. */
  readonly start: number;
  readonly end: number;
}

/** "x:sheet" → "sheet"; "sheet" → "sheet". */
export function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/** The child elements of `element` whose local name is `name`, in document order. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.localName === name);
}

/** A node of fast-xml-parser's preserveOrder output. */
type OrderedNode = Record<string, unknown>;

const TEXT = "#text";
const CDATA = "#cdata";
const ATTRIBUTES = ":@";

let parser: XMLParser | undefined;

function orderedParser(): XMLParser {
  parser ??= new XMLParser({
    preserveOrder: true,
    captureMetaData: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    // Values stay as written: unescapeXml resolves the references, so there is one decoder.
    processEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: CDATA,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // fast-xml-parser guards against prototype pollution: it refuses a name that is one of
    // Object.prototype's (constructor, __proto__) and renames others (toString → __toString). Refusing
    // them all says so instead of renaming; no OOXML element or attribute has such a name.
    onDangerousProperty: (name) => {
      throw new XmlError(`the name "${name}" is refused by the XML parser`);
    },
  });
  return parser;
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ATTRIBUTES && key !== TEXT && key !== CDATA);
}

function nodeText(nodes: readonly OrderedNode[]): string {
  return nodes.map((node) => (typeof node[TEXT] === "string" ? node[TEXT] : "")).join("");
}

function toElement(node: OrderedNode, name: string): XmlElement {
  const meta = (node as Record<symbol, { startIndex?: number; endIndex?: number } | undefined>)[
    XMLParser.getMetaDataSymbol() as symbol
  ];
  // Positions need fast-xml-parser 5.11 or later (endIndex); a writer splicing by them must have them.
  const start = meta?.startIndex;
  const end = meta?.endIndex;
  if (start === undefined || end === undefined || end <= start)
    throw new XmlError(`the XML parser gave no position for the element <${name}>`);
  // A null prototype: looking up an attribute the element lacks ("constructor") finds nothing.
  const attributes = Object.create(null) as Record<string, string>;
  for (const [key, raw] of Object.entries((node[ATTRIBUTES] ?? {}) as Record<string, string>))
    attributes[key] = unescapeXml(String(raw).replace(/\r\n?|[\t\n]/g, " "));
  const children: XmlElement[] = [];
  let text = "";
  for (const child of node[name] as OrderedNode[]) {
    const childName = elementName(child);
    if (childName !== undefined) children.push(toElement(child, childName));
    else if (typeof child[TEXT] === "string")
      text += unescapeXml(child[TEXT].replace(/\r\n?/g, "\n"));
    else if (Array.isArray(child[CDATA]))
      text += nodeText(child[CDATA] as OrderedNode[]).replace(/\r\n?/g, "\n");
  }
  return {
    name,
    localName: localName(name),
    attributes,
    children,
    text,
    start,
    end,
  };
}

/**
 * The root element of `xml`. Throws XmlError when `xml` is not one well-formed element (with any
 * declaration, comments and processing instructions around it), or holds a reference XML does not know.
 */
export function parseXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const where = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new XmlError(`not well-formed XML: ${msg} (${where})`);
  }
  let parsed: OrderedNode[];
  try {
    parsed = orderedParser().parse(xml) as OrderedNode[];
  } catch (error) {
    if (error instanceof XmlError) throw error;
    throw new XmlError(`the XML parser refused it: ${(error as Error).message}`);
  }
  const roots = parsed.flatMap((node) => {
    const name = elementName(node);
    return name === undefined ? [] : [toElement(node, name)];
  });
  if (roots.length !== 1)
    throw new XmlError(`not well-formed XML: ${roots.length} root elements where one was expected`);
  return roots[0] as XmlElement;
}
