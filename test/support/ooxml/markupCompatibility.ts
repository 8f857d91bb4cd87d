/*
 * Markup Compatibility (ECMA-376 Part 3) as a consumer that understands only the ECMA-376 namespaces
 * applies it, so that a part can be validated against the ECMA schemas: attributes and elements in an
 * mc:Ignorable namespace are dropped (x14ac:dyDescent, xr:uid...), mc:AlternateContent is replaced by
 * the first Choice whose Requires namespaces are understood, else by its Fallback, and the mc
 * attributes themselves go. Anything in a namespace that is neither understood nor ignorable (outside
 * an extension list, where the schemas allow anything) is a violation: Excel would refuse the part.
 * The same processing as ../shared/ooxml/validate_xlsx.py's mce_process, written again here.
 *
 * The result is serialised with one element per line, so a schema error's line number points at the
 * element (the caller shows that line).
 */
import type { XmlElement } from "../../../src/workbook/xml/parse";
import { escapeXmlAttribute, escapeXmlText } from "../../../src/workbook/xml/escape";
import { NS } from "./package";

/** Namespaces an ECMA-376 consumer understands; anything else must be ignorable or in an extension. */
const UNDERSTOOD: ReadonlySet<string> = new Set([
  NS.sml,
  NS.chart,
  NS.main,
  NS.drawing,
  NS.officeRels,
  NS.packageRels,
  NS.contentTypes,
  NS.core,
  NS.extended,
  NS.mc,
  NS.xml,
  "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
  "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
  "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/picture",
  "http://schemas.openxmlformats.org/drawingml/2006/diagram",
  "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas",
  "http://purl.org/dc/elements/1.1/",
  "http://purl.org/dc/terms/",
  "http://purl.org/dc/dcmitype/",
  "http://www.w3.org/2001/XMLSchema-instance",
]);

export interface ProcessedPart {
  /** The part after MCE processing, ready for the schema. */
  readonly xml: string;
  /** What MCE itself refuses: content in a namespace neither understood nor ignorable. */
  readonly violations: readonly string[];
}

type Scope = ReadonlyMap<string, string>;

function declarations(element: XmlElement, parent: Scope): Scope {
  let scope: Map<string, string> | undefined;
  for (const [key, value] of Object.entries(element.attributes)) {
    if (key === "xmlns" || key.startsWith("xmlns:")) {
      scope ??= new Map(parent);
      scope.set(key === "xmlns" ? "" : key.slice(6), value);
    }
  }
  return scope ?? parent;
}

function namespaceOf(name: string, scope: Scope, isAttribute: boolean): string | undefined {
  const colon = name.indexOf(":");
  if (colon < 0) return isAttribute ? undefined : scope.get("");
  const prefix = name.slice(0, colon);
  if (prefix === "xml") return NS.xml;
  return scope.get(prefix);
}

export function applyMarkupCompatibility(root: XmlElement): ProcessedPart {
  const violations: string[] = [];
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];

  const write = (
    element: XmlElement,
    inherited: Scope,
    ignorableIn: ReadonlySet<string>,
    inExtension: boolean,
    depth: number
  ): void => {
    const scope = declarations(element, inherited);
    let ignorable = ignorableIn;
    const declared = element.attributes["mc:Ignorable"] ?? attributeIn(element, scope, "Ignorable");
    if (declared !== undefined) {
      const more = new Set(ignorable);
      for (const prefix of declared.split(/\s+/).filter(Boolean)) {
        const uri = scope.get(prefix);
        if (uri === undefined)
          violations.push(`mc:Ignorable names prefix "${prefix}", which is not declared`);
        else more.add(uri);
      }
      ignorable = more;
    }
    const elementNs = namespaceOf(element.name, scope, false);
    const kept: string[] = [];
    for (const [key, value] of Object.entries(element.attributes)) {
      if (key === "xmlns" || key.startsWith("xmlns:")) {
        kept.push(`${key}="${escapeXmlAttribute(value)}"`);
        continue;
      }
      const ns = namespaceOf(key, scope, true);
      if (ns !== undefined) {
        if (ns === NS.mc) continue;
        // SpreadsheetML's schema declares no xml: attributes (xml:space on <t>): dropped as lxml's does.
        if (ns === NS.xml && elementNs === NS.sml) continue;
        if (!UNDERSTOOD.has(ns)) {
          if (!ignorable.has(ns) && !inExtension)
            violations.push(
              `<${element.name}> has attribute ${key} in ${ns}, which is neither understood nor ignorable`
            );
          continue;
        }
      }
      kept.push(`${key}="${escapeXmlAttribute(value)}"`);
    }
    const pad = "  ".repeat(depth);
    const open = `${pad}<${element.name}${kept.length ? " " + kept.join(" ") : ""}`;
    const body = element.children.flatMap((c) => resolveAlternateContent(c, scope, violations));
    const kids = body.filter((c) => {
      const ns = namespaceOf(c.element.name, c.scope, false);
      if (ns === undefined || UNDERSTOOD.has(ns)) return true;
      if (ignorable.has(ns)) return false;
      if (inExtension || element.localName === "ext") return true; // xsd:any inside an extension
      violations.push(
        `<${c.element.name}> in ${ns} is neither understood nor ignorable (inside <${element.name}>)`
      );
      return false;
    });
    if (kids.length === 0) {
      lines.push(
        element.text === ""
          ? `${open}/>`
          : `${open}>${escapeXmlText(element.text)}</${element.name}>`
      );
      return;
    }
    lines.push(`${open}>${element.text.trim() === "" ? "" : escapeXmlText(element.text)}`);
    for (const kid of kids)
      write(
        kid.element,
        kid.scope,
        ignorable,
        inExtension || element.localName === "ext",
        depth + 1
      );
    lines.push(`${pad}</${element.name}>`);
  };

  write(root, new Map(), new Set(), false, 0);
  return { xml: lines.join("\n") + "\n", violations };
}

function attributeIn(element: XmlElement, scope: Scope, localName: string): string | undefined {
  for (const [key, value] of Object.entries(element.attributes))
    if (key.endsWith(`:${localName}`) && namespaceOf(key, scope, true) === NS.mc) return value;
  return undefined;
}

/** An element, or the content of the branch of an mc:AlternateContent an ECMA consumer takes. */
function resolveAlternateContent(
  element: XmlElement,
  parentScope: Scope,
  violations: string[]
): { element: XmlElement; scope: Scope }[] {
  const scope = declarations(element, parentScope);
  if (namespaceOf(element.name, scope, false) !== NS.mc) return [{ element, scope }];
  if (element.localName !== "AlternateContent") {
    violations.push(`<${element.name}> outside mc:AlternateContent`);
    return [];
  }
  for (const branch of element.children) {
    const branchScope = declarations(branch, scope);
    if (branch.localName === "Choice") {
      const requires = (branch.attributes["Requires"] ?? "").split(/\s+/).filter(Boolean);
      if (requires.every((prefix) => UNDERSTOOD.has(branchScope.get(prefix) ?? "")))
        return branch.children.flatMap((c) => resolveAlternateContent(c, branchScope, violations));
    } else if (branch.localName === "Fallback") {
      return branch.children.flatMap((c) => resolveAlternateContent(c, branchScope, violations));
    }
  }
  return [];
}
