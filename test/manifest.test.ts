import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = resolve(__dirname, "..");
const MANIFEST_PATH = join(ROOT, "manifest.xml");
const ASSETS_DIR = join(ROOT, "assets");
const DEV_PREFIX = "https://localhost:3000/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------- parsing helpers ----------

/** Every element is parsed as an array so the tree can be walked uniformly. */
type XmlNode = { [key: string]: XmlNode[] | string } | string;

const xml = readFileSync(MANIFEST_PATH, "utf8");

function parseManifest(source: string): Record<string, XmlNode[]> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
  });
  return parser.parse(source) as Record<string, XmlNode[]>;
}

const doc = parseManifest(xml);

function isElement(node: XmlNode): node is { [key: string]: XmlNode[] | string } {
  return typeof node === "object" && node !== null;
}

function children(node: XmlNode, name: string): XmlNode[] {
  if (!isElement(node)) return [];
  const value = node[name];
  return Array.isArray(value) ? value : [];
}

/** The single child called `name`; throws (failing the test) if there is not exactly one. */
function child(node: XmlNode, name: string): XmlNode {
  const found = children(node, name);
  if (found.length !== 1) throw new Error(`expected exactly one <${name}>, found ${found.length}`);
  return found[0] as XmlNode;
}

function attr(node: XmlNode, name: string): string | undefined {
  if (!isElement(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

function text(node: XmlNode): string {
  if (typeof node === "string") return node;
  const value = node["#text"];
  return typeof value === "string" ? value : "";
}

interface Visit {
  node: XmlNode;
  name: string;
  path: string[];
}

/** Depth-first list of every element in the tree, with its tag name and ancestry. */
function allElements(node: XmlNode, name: string, path: string[] = []): Visit[] {
  const here: Visit = { node, name, path };
  if (!isElement(node)) return [here];
  const out: Visit[] = [here];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@_") || key === "#text" || !Array.isArray(value)) continue;
    for (const c of value) out.push(...allElements(c, key, [...path, name]));
  }
  return out;
}

function withType(nodes: XmlNode[], type: string): XmlNode[] {
  return nodes.filter((n) => attr(n, "xsi:type") === type);
}

// ---------- the parts of the manifest under test ----------

const officeApp = child(doc, "OfficeApp");
const versionOverrides = child(officeApp, "VersionOverrides");
const workbookHost = (() => {
  const hosts = withType(children(child(versionOverrides, "Hosts"), "Host"), "Workbook");
  if (hosts.length !== 1)
    throw new Error(`expected one Workbook host in VersionOverrides, found ${hosts.length}`);
  return hosts[0] as XmlNode;
})();
const resources = child(versionOverrides, "Resources");

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

interface Definition {
  id: string;
  kind: ResourceKind;
  value: string;
}

const definitions: Definition[] = [
  ...children(child(resources, "bt:Images"), "bt:Image").map((n) => ({
    n,
    kind: "Images" as const,
  })),
  ...children(child(resources, "bt:Urls"), "bt:Url").map((n) => ({ n, kind: "Urls" as const })),
  ...children(child(resources, "bt:ShortStrings"), "bt:String").map((n) => ({
    n,
    kind: "ShortStrings" as const,
  })),
  ...children(child(resources, "bt:LongStrings"), "bt:String").map((n) => ({
    n,
    kind: "LongStrings" as const,
  })),
].map(({ n, kind }) => ({ id: attr(n, "id") ?? "", kind, value: attr(n, "DefaultValue") ?? "" }));

interface Reference {
  resid: string;
  element: string;
  path: string[];
}

const references: Reference[] = allElements(officeApp, "OfficeApp")
  .filter((v) => attr(v.node, "resid") !== undefined)
  .map((v) => ({ resid: attr(v.node, "resid") as string, element: v.name, path: v.path }));

/** Which kind of resource each referencing element must point at. */
function expectedKind(ref: Reference): ResourceKind {
  switch (ref.element) {
    case "bt:Image":
      return "Images";
    case "SourceLocation":
    case "Runtime":
    case "FunctionFile":
    case "LearnMoreUrl":
      return "Urls";
    case "Description":
      return "LongStrings";
    case "Namespace":
    case "Label":
    case "Title":
      return "ShortStrings";
    default:
      throw new Error(`unexpected resid reference on <${ref.element}>`);
  }
}

/** The value of the single definition with this id; throws unless exactly one of the given kind exists. */
function resolveResid(resid: string | undefined, kind: ResourceKind): string {
  if (resid === undefined) throw new Error("missing resid");
  const found = definitions.filter((d) => d.id === resid);
  if (found.length !== 1) throw new Error(`resid "${resid}" has ${found.length} definitions`);
  const def = found[0] as Definition;
  if (def.kind !== kind)
    throw new Error(`resid "${resid}" is a ${def.kind} resource, expected ${kind}`);
  return def.value;
}

function requirementSets(
  requirements: XmlNode,
  prefix: "" | "bt:"
): { name?: string; min?: string }[] {
  return children(child(requirements, `${prefix}Sets`), `${prefix}Set`).map((s) => ({
    name: attr(s, "Name"),
    min: attr(s, "MinVersion"),
  }));
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR chunk`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_PREFIX}assets/`)).toBe(true);
  return join(ASSETS_DIR, url.slice(`${DEV_PREFIX}assets/`.length));
}

// ---------- tests ----------

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test("is a TaskPaneApp with a GUID Id and the expected names", () => {
    expect(attr(officeApp, "xsi:type")).toBe("TaskPaneApp");
    expect(attr(officeApp, "xmlns")).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(text(child(officeApp, "Id"))).toMatch(GUID);
    expect(text(child(officeApp, "Version"))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text(child(officeApp, "ProviderName"))).toBe("NHS Data Partnership Pricing");
    expect(attr(child(officeApp, "DisplayName"), "DefaultValue")).toBe(
      "NHS Data Partnership Pricing"
    );
    const description = attr(child(officeApp, "Description"), "DefaultValue") ?? "";
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThanOrEqual(250);
    expect(text(child(officeApp, "Permissions"))).toBe("ReadWriteDocument");
    expect(children(child(officeApp, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual([
      "Workbook",
    ]);
  });

  test("requires SharedRuntime 1.1 at the top level and in VersionOverrides", () => {
    expect(requirementSets(child(officeApp, "Requirements"), "")).toContainEqual({
      name: "SharedRuntime",
      min: "1.1",
    });
    expect(attr(versionOverrides, "xsi:type")).toBe("VersionOverridesV1_0");
    expect(requirementSets(child(versionOverrides, "Requirements"), "bt:")).toContainEqual({
      name: "SharedRuntime",
      min: "1.1",
    });
  });

  test("loads the task pane page as the long-lived shared runtime", () => {
    const defaultSource = attr(
      child(child(officeApp, "DefaultSettings"), "SourceLocation"),
      "DefaultValue"
    );
    expect(defaultSource).toBe(`${DEV_PREFIX}taskpane.html`);

    const runtime = child(child(workbookHost, "Runtimes"), "Runtime");
    expect(attr(runtime, "lifetime")).toBe("long");
    const runtimeResid = attr(runtime, "resid");
    expect(resolveResid(runtimeResid, "Urls")).toBe(defaultSource);

    // Shared runtime: the functions page and the ribbon's function file are the same page as the runtime.
    const customFunctions = withType(
      children(child(workbookHost, "AllFormFactors"), "ExtensionPoint"),
      "CustomFunctions"
    );
    expect(customFunctions).toHaveLength(1);
    const page = child(child(customFunctions[0] as XmlNode, "Page"), "SourceLocation");
    expect(attr(page, "resid")).toBe(runtimeResid);
    expect(attr(child(child(workbookHost, "DesktopFormFactor"), "FunctionFile"), "resid")).toBe(
      runtimeResid
    );
  });

  test("declares the CustomFunctions extension point with the NHSDP namespace and its script, page and metadata", () => {
    const points = withType(
      children(child(workbookHost, "AllFormFactors"), "ExtensionPoint"),
      "CustomFunctions"
    );
    expect(points).toHaveLength(1);
    const point = points[0] as XmlNode;
    const sourceResid = (name: string) =>
      attr(child(child(point, name), "SourceLocation"), "resid");

    expect(resolveResid(attr(child(point, "Namespace"), "resid"), "ShortStrings")).toBe("NHSDP");
    const script = resolveResid(sourceResid("Script"), "Urls");
    const page = resolveResid(sourceResid("Page"), "Urls");
    const metadata = resolveResid(sourceResid("Metadata"), "Urls");
    expect(script.endsWith("/functions.js")).toBe(true);
    expect(page.endsWith("/taskpane.html")).toBe(true);
    expect(metadata.endsWith("/functions.json")).toBe(true);
    for (const url of [script, page, metadata]) expect(url.startsWith(DEV_PREFIX)).toBe(true);
  });

  test("has a ribbon button that shows the task pane", () => {
    const desktop = child(workbookHost, "DesktopFormFactor");
    const surfaces = withType(children(desktop, "ExtensionPoint"), "PrimaryCommandSurface");
    expect(surfaces).toHaveLength(1);
    const buttons = allElements(surfaces[0] as XmlNode, "ExtensionPoint").filter(
      (v) => v.name === "Control" && attr(v.node, "xsi:type") === "Button"
    );
    expect(buttons.map((b) => attr(b.node, "id"))).toEqual([
      "NHSDP.TaskpaneButton",
      "NHSDP.AuditButton",
    ]);
    const button = (buttons[0] as Visit).node;

    expect(resolveResid(attr(child(button, "Label"), "resid"), "ShortStrings")).toBe("Pricing");
    const action = child(button, "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(text(child(action, "TaskpaneId"))).toBe("ButtonId1");
    expect(resolveResid(attr(child(action, "SourceLocation"), "resid"), "Urls")).toBe(
      `${DEV_PREFIX}taskpane.html`
    );
  });

  test("has an Audit workbook button that runs the commands bundle's auditWorkbook", () => {
    const desktop = child(workbookHost, "DesktopFormFactor");
    const surface = withType(children(desktop, "ExtensionPoint"), "PrimaryCommandSurface")[0];
    const audit = allElements(surface as XmlNode, "ExtensionPoint").find(
      (v) => v.name === "Control" && attr(v.node, "id") === "NHSDP.AuditButton"
    );
    expect(audit).toBeDefined();
    const button = (audit as Visit).node;
    expect(attr(button, "xsi:type")).toBe("Button");
    expect(resolveResid(attr(child(button, "Label"), "resid"), "ShortStrings")).toBe(
      "Audit workbook"
    );
    const action = child(button, "Action");
    expect(attr(action, "xsi:type")).toBe("ExecuteFunction");
    // The name commands.ts associates with Office.actions (test/audit/auditCommand.test.ts).
    expect(text(child(action, "FunctionName"))).toBe("auditWorkbook");
  });

  test("has GetStarted content for the desktop", () => {
    const getStarted = child(child(workbookHost, "DesktopFormFactor"), "GetStarted");
    expect(
      resolveResid(attr(child(getStarted, "Title"), "resid"), "ShortStrings").length
    ).toBeGreaterThan(0);
    expect(
      resolveResid(attr(child(getStarted, "Description"), "resid"), "LongStrings").length
    ).toBeGreaterThan(0);
    expect(resolveResid(attr(child(getStarted, "LearnMoreUrl"), "resid"), "Urls")).toMatch(
      /^https:\/\//
    );
  });

  describe("resources", () => {
    test("the manifest references resources at all (sanity check for the checks below)", () => {
      expect(references.length).toBeGreaterThanOrEqual(10);
      expect(definitions.length).toBeGreaterThanOrEqual(10);
    });

    test("every resid referenced resolves to exactly one definition of the right kind", () => {
      const problems: string[] = [];
      for (const ref of references) {
        try {
          resolveResid(ref.resid, expectedKind(ref));
        } catch (error) {
          problems.push(`${[...ref.path, ref.element].join(" > ")}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });

    test("resource ids are unique, non-empty and at most 32 characters", () => {
      const ids = definitions.map((d) => d.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      for (const id of ids) expect(id).toMatch(/^.{1,32}$/);
      for (const ref of references) expect(ref.resid).toMatch(/^.{1,32}$/);
    });

    test("every defined resource is used", () => {
      const used = new Set(references.map((r) => r.resid));
      expect(definitions.filter((d) => !used.has(d.id)).map((d) => d.id)).toEqual([]);
    });

    test("strings fit Office's length limits", () => {
      for (const d of definitions) {
        expect(d.value.length).toBeGreaterThan(0);
        if (d.kind === "ShortStrings") expect(d.value.length).toBeLessThanOrEqual(125);
        if (d.kind === "LongStrings") expect(d.value.length).toBeLessThanOrEqual(250);
      }
    });
  });

  test("every URL in the manifest is https", () => {
    const urlPattern = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi;
    const urls: string[] = [];
    for (const { node } of allElements(officeApp, "OfficeApp")) {
      if (typeof node === "string") {
        urls.push(...(node.match(urlPattern) ?? []));
        continue;
      }
      for (const [key, value] of Object.entries(node)) {
        if (typeof value !== "string") continue;
        // Namespace declarations are identifiers, not locations.
        if (key === "@_xmlns" || key.startsWith("@_xmlns:")) continue;
        urls.push(...(value.match(urlPattern) ?? []));
      }
    }
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  test("every icon URL points at a PNG in assets/ of the declared size", () => {
    const icons: { url: string; size?: number }[] = [
      { url: attr(child(officeApp, "IconUrl"), "DefaultValue") ?? "", size: 32 },
      { url: attr(child(officeApp, "HighResolutionIconUrl"), "DefaultValue") ?? "", size: 64 },
    ];
    // Each <bt:Image size=".." resid=".."> reference must resolve to an image of that size.
    for (const ref of references.filter((r) => r.element === "bt:Image")) {
      const node = allElements(officeApp, "OfficeApp").find(
        (v) =>
          v.name === "bt:Image" &&
          attr(v.node, "resid") === ref.resid &&
          attr(v.node, "size") !== undefined
      );
      icons.push({
        url: resolveResid(ref.resid, "Images"),
        size: Number(attr(node?.node ?? "", "size")),
      });
    }
    for (const d of definitions.filter((def) => def.kind === "Images"))
      icons.push({ url: d.value });

    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const { url, size } of icons) {
      const file = assetFile(url);
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
      const actual = pngSize(file);
      if (size !== undefined)
        expect({ url, ...actual }).toEqual({ url, width: size, height: size });
    }
  });

  test("office-addin-manifest can read it", () => {
    const result = spawnSync(
      "npx",
      ["--no-install", "office-addin-manifest", "info", "manifest.xml"],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
        shell: process.platform === "win32",
        env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" },
      }
    );
    expect(result.error).toBeUndefined();
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 0,
      stderr: expect.any(String),
    });
    expect(result.stdout).toContain("Name: NHS Data Partnership Pricing");
    expect(result.stdout).toContain(`Id: ${text(child(officeApp, "Id"))}`);
    expect(result.stdout).toContain("Type: TaskPaneApp");
  }, 70_000);
});
