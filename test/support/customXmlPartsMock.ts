/*
 * An Excel request context holding the workbook's custom XML parts, for the workbook store's tests.
 * The root is an office-addin-mock OfficeMockObject whose `sync` applies the batch, as Excel does:
 * nothing queued (add, setXml, load, getXml) has any effect, and nothing loaded can be read, until
 * the next sync. Reading early throws, so a test fails if the store reads before syncing.
 * Excel refuses XML that is not well-formed; so does this mock (fast-xml-parser's validator).
 */
import { OfficeMockObject } from "office-addin-mock";
import { XMLValidator } from "fast-xml-parser";

// As in officeMock.ts: office-addin-mock needs only this enum from office-addin-manifest, whose
// full import pulls in ESM-only dependencies Jest cannot load untransformed.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import type { ExcelRun } from "../../src/addin/excelRun";

export interface StoredXmlPart {
  id: string;
  xml: string;
}

export interface CustomXmlPartsMockOptions {
  /** Parts already in the workbook. */
  parts?: StoredXmlPart[];
  /** What getXml hands back for stored XML; Excel may re-serialize it. Default: unchanged. */
  returnedXml?: (stored: string) => string;
}

export interface OfficeError extends Error {
  code: string;
}

export function officeError(code: string, message: string): OfficeError {
  return Object.assign(new Error(message), { name: "RichApi.Error", code });
}

export interface CustomXmlPartsMock {
  run: ExcelRun;
  syncs(): number;
  runs(): number;
  /** The parts now in the workbook, in order of creation. */
  parts(): StoredXmlPart[];
  /** Makes the next sync reject with this error, applying nothing (as when Excel refuses a request). */
  failNextSync(error: Error): void;
  /** Removes a part, as another user or add-in might. */
  removePart(id: string): void;
}

/** The namespace Excel reports for a part: its root element's default xmlns. */
function namespaceOf(xml: string): string {
  const root = /^\s*(?:<\?[\s\S]*?\?>\s*)?<[^\s/>]+([^>]*)>/.exec(xml);
  return /\sxmlns="([^"]*)"/.exec(root?.[1] ?? "")?.[1] ?? "";
}

function checkXml(xml: string): void {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw officeError("InvalidArgument", `The XML is not well-formed: ${valid.err.msg}`);
}

export function createCustomXmlPartsMock(
  options: CustomXmlPartsMockOptions = {}
): CustomXmlPartsMock {
  const stored = new Map<string, string>(
    (options.parts ?? []).map((p) => [p.id, p.xml] as [string, string])
  );
  const returnedXml = options.returnedXml ?? ((xml: string) => xml);
  let nextId = 1;
  let syncCount = 0;
  let runCount = 0;
  let failure: Error | undefined;
  /** The batch: applied in order at the next sync. */
  let queued: (() => void)[] = [];

  /** A value that becomes readable at the next sync. */
  function later<T>(what: string): { set(v: T): void; get(): T } {
    let ready = false;
    let value: T;
    return {
      set(v) {
        value = v;
        ready = true;
      },
      get() {
        if (!ready) throw new Error(`${what} read before context.sync()`);
        return value;
      },
    };
  }

  function partProxy(id: () => string) {
    return {
      getXml() {
        const xml = later<string>("getXml().value");
        queued.push(() => {
          const current = stored.get(id());
          if (current === undefined) throw officeError("ItemNotFound", `No part ${id()}`);
          xml.set(returnedXml(current));
        });
        return {
          get value() {
            return xml.get();
          },
        };
      },
      setXml(xml: string) {
        queued.push(() => {
          if (!stored.has(id()))
            throw officeError("ItemNotFound", `The requested resource doesn't exist (${id()}).`);
          checkXml(xml);
          stored.set(id(), xml);
        });
      },
    };
  }

  const customXmlParts = {
    getByNamespace(namespaceUri: string) {
      const items = later<{ id: string }[]>("customXmlParts items");
      let loadRequested = false;
      return {
        load(properties: string) {
          loadRequested = true;
          if (!/\bid\b/.test(properties)) throw new Error(`load(${properties}) does not load ids`);
          queued.push(() =>
            items.set(
              [...stored.entries()]
                .filter(([, xml]) => namespaceOf(xml) === namespaceUri)
                .map(([id]) => ({ id, ...partProxy(() => id) }))
            )
          );
        },
        get items() {
          if (!loadRequested) throw new Error("items read without load");
          return items.get();
        },
      };
    },
    add(xml: string) {
      const id = later<string>("added part's id");
      let idLoaded = false;
      queued.push(() => {
        checkXml(xml);
        const newId = `{00000000-0000-4000-8000-${String(nextId++).padStart(12, "0")}}`;
        stored.set(newId, xml);
        id.set(newId);
      });
      return {
        load(properties: string) {
          if (/\bid\b/.test(properties)) idLoaded = true;
        },
        get id() {
          if (!idLoaded) throw new Error("id read without load");
          return id.get();
        },
        ...partProxy(() => id.get()),
      };
    },
    getItem(id: string) {
      return partProxy(() => id);
    },
  };

  const context = new OfficeMockObject({
    sync: async () => {
      syncCount++;
      const batch = queued;
      queued = [];
      if (failure !== undefined) {
        const error = failure;
        failure = undefined;
        throw error;
      }
      for (const operation of batch) operation();
    },
  });
  context["workbook"] = { customXmlParts };

  const run: ExcelRun = async (batch) => {
    runCount++;
    queued = [];
    return batch(context as unknown as Excel.RequestContext);
  };

  return {
    run,
    syncs: () => syncCount,
    runs: () => runCount,
    parts: () => [...stored.entries()].map(([id, xml]) => ({ id, xml })),
    failNextSync(error) {
      failure = error;
    },
    removePart(id) {
      stored.delete(id);
    },
  };
}
