/*
 * An Excel request context for the Office.js writer and reader tests. The root is an office-addin-mock
 * OfficeMockObject (with `sync` and `application` methods); below it, workbook objects are recording
 * proxies: every property assignment and method call is logged with the path of the object it was
 * made on, e.g.
 *   { path: "ws[Quote].getRange(B5:F1004)", kind: "set", name: "values", value: [[...]] }
 * so tests can count syncs and operations and rebuild what Excel would have received.
 *
 * Load semantics are enforced where the writer reads: `worksheets.items` and a table's `isNullObject`
 * / `worksheet.name` throw unless they were loaded and a sync happened since.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full import
// drags in ESM-only dependencies Jest cannot load untransformed; provide the enum directly.
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

export interface OfficeCall {
  /** Path of the object the operation was made on. */
  path: string;
  kind: "set" | "call";
  name: string;
  value?: unknown;
  args?: unknown[];
}

const PATH = Symbol("path");

function describe(arg: unknown): unknown {
  if (
    (typeof arg === "object" || typeof arg === "function") &&
    arg !== null &&
    PATH in (arg as object)
  ) {
    return { ref: (arg as { [PATH]: string })[PATH] };
  }
  return arg;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** A proxy that records sets and calls under `path`. */
function recorder(
  path: string,
  log: OfficeCall[],
  overrides: Record<string | symbol, unknown> = {},
  onSet?: (prop: string, value: unknown) => void
): unknown {
  const stored = new Map<string | symbol, unknown>();
  const children = new Map<string | symbol, unknown>();
  const target = function () {
    /* callable */
  };
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === PATH) return path;
      if (prop in overrides) return overrides[prop as string];
      if (prop === "then" || prop === "toJSON") return undefined;
      if (stored.has(prop)) return stored.get(prop);
      if (!children.has(prop)) children.set(prop, method(path, String(prop), log));
      return children.get(prop);
    },
    set(_t, prop, value) {
      log.push({ path, kind: "set", name: String(prop), value: clone(value) });
      stored.set(prop, value);
      onSet?.(String(prop), value);
      return true;
    },
    has(_t, prop) {
      return prop === PATH || prop in overrides;
    },
  });
}

/** A member that can be used as a property (nested object) or called as a method. */
function method(parent: string, name: string, log: OfficeCall[]): unknown {
  const asObject = recorder(`${parent}.${name}`, log) as object;
  return new Proxy(asObject, {
    apply(_t, _this, args: unknown[]) {
      log.push({ path: parent, kind: "call", name, args: args.map(describe) });
      const label = args
        .map((a) => (typeof a === "string" || typeof a === "number" ? String(a) : "…"))
        .join(",");
      return recorder(`${parent}.${name}(${label})`, log);
    },
  });
}

export interface ExistingRegister {
  /** The sheet the NHSDP_Register table is on. */
  sheet: string;
  /** Its header row. */
  headers: unknown[];
  /** Its body rows, as Office.js would load their values. */
  body: unknown[][];
  /** The body's first row and column, 0-based (default 1 and 0: the table starts at A1). */
  rowIndex?: number;
  columnIndex?: number;
}

/** A defined name as Office.js loads it: its formula starts with "=". */
export interface MockNamedItem {
  name: string;
  formula: string;
}

/** A used range as Office.js loads it: 0-based top-left, and values, formulas and value types. */
export interface MockUsedRange {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  valueTypes: string[][];
}

/** What an existing sheet holds, for code that reads the workbook (the audit). */
export interface MockSheetContent {
  /** Its sheet-scoped names. */
  names?: MockNamedItem[];
  /** Its used range; none for an empty sheet (getUsedRangeOrNullObject gives a null object). */
  used?: MockUsedRange;
}

export interface ExcelMockOptions {
  /** Names of the worksheets already in the workbook. */
  sheets?: string[];
  /** An existing NHSDP_Register table, if any. */
  register?: ExistingRegister;
  /** What existing sheets hold, by sheet name (a sheet named here need not be in `sheets`). */
  content?: Record<string, MockSheetContent>;
  /** Workbook-level defined names. */
  workbookNames?: MockNamedItem[];
}

export interface ExcelMock {
  run: ExcelRun;
  context: OfficeMockObject;
  log: OfficeCall[];
  syncs(): number;
  runs(): number;
  /** Worksheet names after the run (existing + added). */
  sheetNames(): string[];
}

export function createExcelMock(options: ExcelMockOptions = {}): ExcelMock {
  const log: OfficeCall[] = [];
  const content = options.content ?? {};
  const names = [...(options.sheets ?? [])];
  for (const name of Object.keys(content)) if (!names.includes(name)) names.push(name);
  let syncCount = 0;
  let runCount = 0;
  // Loads become readable at the next sync.
  let pendingLoads: (() => void)[] = [];

  /** A collection of named items that must be loaded, and synced, before its items are read. */
  const namedItems = (path: string, items: readonly MockNamedItem[]) => {
    let loaded = false;
    return recorder(path, log, {
      load: (props: unknown) => {
        log.push({ path, kind: "call", name: "load", args: [props] });
        pendingLoads.push(() => (loaded = true));
      },
      get items() {
        if (!loaded) throw new Error(`${path}.items read before load + sync`);
        return items.map((item) => ({ ...item }));
      },
    });
  };

  /**
   * What renaming, moving and deleting a sheet do to the tab order (`names`), logged like any other
   * set or call. `current` is the sheet's name now; its path keeps the name it started with.
   */
  const tabOrder = (path: string, start: string) => {
    let current = start;
    return {
      current: () => current,
      onSet: (prop: string, value: unknown) => {
        const at = names.indexOf(current);
        if (prop === "name" && typeof value === "string") {
          if (names.some((n, i) => i !== at && n.toUpperCase() === value.toUpperCase()))
            throw new Error(`A sheet named ${value} already exists`);
          names[at] = value;
          current = value;
        } else if (prop === "position" && typeof value === "number") {
          names.splice(at, 1);
          names.splice(value, 0, current);
        }
      },
      delete: () => {
        log.push({ path, kind: "call", name: "delete", args: [] });
        names.splice(names.indexOf(current), 1);
      },
    };
  };

  /** A cell or range of an existing sheet, whose values are read from its used range once loaded. */
  const existingRange = (path: string, sheet: MockSheetContent, address: string) => {
    let synced = false;
    const { row, col } = topLeft(address);
    return recorder(`${path}.getRange(${address})`, log, {
      load: (props: unknown) => {
        log.push({
          path: `${path}.getRange(${address})`,
          kind: "call",
          name: "load",
          args: [props],
        });
        pendingLoads.push(() => (synced = true));
      },
      get values() {
        if (!synced) throw new Error(`${path}.getRange(${address}).values read before load + sync`);
        const used = sheet.used;
        const value = used?.values[row - 1 - used.rowIndex]?.[col - 1 - used.columnIndex];
        return [[value ?? ""]];
      },
    });
  };

  /** An existing sheet as a reader sees it: every read guarded by load + sync, every write logged. */
  const existingSheet = (name: string) => {
    const path = `ws[${name}]`;
    const sheet = content[name] ?? {};
    const order = tabOrder(path, name);
    return recorder(
      path,
      log,
      {
        get name() {
          return order.current();
        },
        delete: order.delete,
        getRange: (address: string) => {
          log.push({ path, kind: "call", name: "getRange", args: [address] });
          return existingRange(path, sheet, address);
        },
        names: namedItems(`${path}.names`, sheet.names ?? []),
        getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
          log.push({ path, kind: "call", name: "getUsedRangeOrNullObject", args: [valuesOnly] });
          const usedPath = `${path}.getUsedRangeOrNullObject(${String(valuesOnly)})`;
          const loadedProps = new Set<string>();
          let synced = false;
          const read = <T>(prop: string, v: T): T => {
            if (!synced || !(loadedProps.has(prop) || prop === "isNullObject"))
              throw new Error(`${usedPath}.${prop} read before load + sync`);
            return v;
          };
          const used = sheet.used;
          return recorder(usedPath, log, {
            load: (props: string) => {
              log.push({ path: usedPath, kind: "call", name: "load", args: [props] });
              for (const prop of props.split(",")) loadedProps.add(prop.trim());
              pendingLoads.push(() => (synced = true));
            },
            get isNullObject() {
              return read("isNullObject", used === undefined);
            },
            get rowIndex() {
              return read("rowIndex", used?.rowIndex);
            },
            get columnIndex() {
              return read("columnIndex", used?.columnIndex);
            },
            get values() {
              return read("values", used?.values);
            },
            get formulas() {
              return read("formulas", used?.formulas);
            },
            get valueTypes() {
              return read("valueTypes", used?.valueTypes);
            },
          });
        },
      },
      order.onSet
    );
  };
  const existingSheets = new Map<string, unknown>();

  let itemsLoaded = false;
  const worksheets = {
    load(props: string) {
      log.push({ path: "workbook.worksheets", kind: "call", name: "load", args: [props] });
      pendingLoads.push(() => (itemsLoaded = true));
    },
    get items() {
      if (!itemsLoaded) throw new Error("worksheets.items read before load + sync");
      return names.map((name) => {
        if (!existingSheets.has(name)) existingSheets.set(name, existingSheet(name));
        return existingSheets.get(name) as { name: string };
      });
    },
    add(name: string) {
      log.push({ path: "workbook.worksheets", kind: "call", name: "add", args: [name] });
      if (names.some((n) => n.toUpperCase() === name.toUpperCase()))
        throw new Error(`A sheet named ${name} already exists`);
      names.push(name);
      const order = tabOrder(`ws[${name}]`, name);
      return recorder(`ws[${name}]`, log, { delete: order.delete }, order.onSet);
    },
  };

  const tables = {
    getItemOrNullObject(tableName: string) {
      log.push({
        path: "workbook.tables",
        kind: "call",
        name: "getItemOrNullObject",
        args: [tableName],
      });
      let synced = false;
      pendingLoads.push(() => (synced = true));
      const existing = options.register;
      const guard = <T>(v: T): T => {
        if (!synced) throw new Error("table read before sync");
        return v;
      };
      const path = `table[${tableName}]`;
      const loadedRange = (name: string, values: () => unknown[][]) =>
        recorder(`${path}.${name}()`, log, {
          load: (props: unknown) => {
            log.push({ path: `${path}.${name}()`, kind: "call", name: "load", args: [props] });
            let loadSynced = false;
            pendingLoads.push(() => (loadSynced = true));
            const read = <T>(v: T): T => {
              if (!loadSynced) throw new Error(`${name} read before load + sync`);
              return v;
            };
            return recorder(`${path}.${name}()`, log, {
              get values() {
                return read(values());
              },
              get rowIndex() {
                return read(existing?.rowIndex ?? 1);
              },
              get columnIndex() {
                return read(existing?.columnIndex ?? 0);
              },
            });
          },
        });
      const worksheet = recorder(`ws[${existing?.sheet ?? ""}]`, log, {
        load: () => undefined,
        get name() {
          return guard(existing?.sheet ?? "");
        },
      });
      return recorder(path, log, {
        load: () => undefined,
        get isNullObject() {
          return guard(existing === undefined);
        },
        worksheet,
        getHeaderRowRange: () => loadedRange("getHeaderRowRange", () => [existing?.headers ?? []]),
        getDataBodyRange: () => loadedRange("getDataBodyRange", () => existing?.body ?? []),
      });
    },
  };

  const context = new OfficeMockObject({
    application: {
      suspendApiCalculationUntilNextSync: () =>
        log.push({
          path: "application",
          kind: "call",
          name: "suspendApiCalculationUntilNextSync",
          args: [],
        }),
      suspendScreenUpdatingUntilNextSync: () =>
        log.push({
          path: "application",
          kind: "call",
          name: "suspendScreenUpdatingUntilNextSync",
          args: [],
        }),
      calculate: (type: string) =>
        log.push({ path: "application", kind: "call", name: "calculate", args: [type] }),
    },
    sync: async () => {
      syncCount++;
      const loads = pendingLoads;
      pendingLoads = [];
      for (const l of loads) l();
    },
  });
  context["workbook"] = {
    worksheets,
    tables,
    names: namedItems("workbook.names", options.workbookNames ?? []),
  };

  const run: ExcelRun = async (batch) => {
    runCount++;
    return batch(context as unknown as Excel.RequestContext);
  };
  return {
    run,
    context,
    log,
    syncs: () => syncCount,
    runs: () => runCount,
    sheetNames: () => [...names],
  };
}

export type GridCell = { text: string } | { number: number } | { formula: string };

export interface MockSheet {
  cells: Map<string, GridCell>;
  numberFormats: Map<string, string>;
}

function a1(row: number, col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row}`;
}

function topLeft(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/**
 * Rebuilds each sheet's contents from the logged values/formulas/numberFormat assignments, reading
 * them the way Excel does: a string starting with an apostrophe is text (the apostrophe dropped), a
 * string starting with = is a formula, an empty string clears the cell; any other string would be
 * parsed by Excel and is reported as such so tests can fail on it.
 */
export function rebuildSheets(log: readonly OfficeCall[]): Map<string, MockSheet> {
  const sheets = new Map<string, MockSheet>();
  for (const op of log) {
    if (op.kind !== "set" || !["values", "formulas", "numberFormat"].includes(op.name)) continue;
    const m = /^ws\[(.*)\]\.getRange\(([A-Z0-9:]+)\)$/.exec(op.path);
    if (!m) continue;
    const sheetName = m[1] as string;
    const sheet = sheets.get(sheetName) ?? { cells: new Map(), numberFormats: new Map() };
    sheets.set(sheetName, sheet);
    const origin = topLeft(m[2] as string);
    const matrix = op.value as unknown[][];
    matrix.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const address = a1(origin.row + r, origin.col + c);
        if (op.name === "numberFormat") {
          sheet.numberFormats.set(address, String(v));
        } else if (op.name === "values" && v === "") {
          sheet.cells.delete(address); // Excel clears the cell
        } else if (typeof v === "number") {
          sheet.cells.set(address, { number: v });
        } else if (op.name === "values" && typeof v === "string" && v.startsWith("'")) {
          sheet.cells.set(address, { text: v.slice(1) });
        } else if (op.name === "formulas" && typeof v === "string" && v.startsWith("=")) {
          sheet.cells.set(address, { formula: v.slice(1) });
        } else {
          throw new Error(
            `${sheetName}!${address}: ${JSON.stringify(v)} in ${op.name} would be parsed by Excel`
          );
        }
      })
    );
  }
  return sheets;
}
