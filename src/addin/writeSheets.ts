/*
 * Writes SheetSpecs into the open workbook through Office.js, in ONE `Excel.run` and three
 * `context.sync()` calls whatever the number of cells (four when an existing register is updated;
 * superseding sheets, `options.replace`, reads more first: see OfficeWriteResult.syncs):
 *   1. load the existing sheet names (and look up the register table);
 *   1b. only when the register exists: load its header and body, to find each partnership's row;
 *   2. with calculation and screen updating suspended: add the sheets, each rendered by
 *      workbook/office/officeWriter.ts (each contiguous block of cells with one `values`, one
 *      `formulas` and one `numberFormat` 2-D array; each distinct style once to all its cells; merges,
 *      column widths, names, page layout, freeze panes, tables, charts); update or add the register's
 *      rows (workbook/office/registerOffice.ts);
 *   3. recalculate (calculation was suspended while writing, and Office leaves re-calculating to the
 *      caller).
 * Which existing sheet a new one supersedes, and whether it is kept, is supersede.ts's.
 * Everything that can fail (specs, register entries, a register without a Reference column) is checked
 * before anything is queued, so a failure leaves the workbook as it was.
 * `Excel.run` is injected (ExcelRun) so tests can pass a mock; only string literals of Office enums are
 * used, so nothing here needs the `Excel` global at run time.
 */
import {
  REGISTER_SHEET_NAME,
  REGISTER_TABLE_NAME,
  planRegisterChange,
  registerSheetSpec,
  type RegisterEntry,
} from "../workbook/layouts/register/register";
import { queueSheet } from "../workbook/office/officeWriter";
import {
  loadRegister,
  queueRegisterChange,
  registerStateOf,
} from "../workbook/office/registerOffice";
import { planSheet, type SheetPlan } from "../workbook/spec/plan";
import { uniqueSheetName } from "../workbook/spec/safeText";
import type { SheetSpec } from "../workbook/spec/spec";
import type { ExcelRun } from "./excelRun";
import {
  findSuperseded,
  loadSheetNames,
  takePlaceOf,
  type ReplaceRule,
  type Superseded,
  type SupersededSheet,
} from "./supersede";

export interface OfficeWriteOptions {
  /** Partnerships to record in NHSDP_Register: each one's row updated, or added (the register created with its sheet if missing). */
  register?: readonly RegisterEntry[];
  /** Activate the first new sheet (default true). */
  activate?: boolean;
  /**
   * For each spec (by index), how to recognise the sheet it supersedes, if any. Only a sheet carrying
   * the rule's sheet-scoped name over a cell holding exactly the rule's value is ever touched.
   */
  replace?: readonly (ReplaceRule | undefined)[];
}

export interface OfficePlacedSheet {
  desiredName: string;
  name: string;
  /** The sheet it superseded, under the name it had: deleted, or kept (renamed) when edited. */
  superseded?: SupersededSheet;
}

export interface OfficeWriteResult {
  sheets: OfficePlacedSheet[];
  register?: {
    sheetName: string;
    created: boolean;
    /** Partnerships whose row was updated in place. */
    updated: number;
    /** Partnerships given a new row. */
    added: number;
  };
  /**
   * Number of context.sync() calls made: 3, or 4 when an existing register was updated. With
   * `replace` and a workbook that has sheets: one more to read the sheets' names (which also reads the
   * register), one more when any sheet carries a marker (its cell), one more when a sheet to supersede
   * is found (its used range, for the rule's edit check).
   */
  syncs: number;
}

/**
 * Writes `specs` as new sheets (valid, unique names: an existing "Quote" makes "Quote (2)") and
 * records `options.register` in the register, in one Excel.run with three or four syncs; with
 * `options.replace`, a new sheet supersedes the sheet its rule recognises (see OfficeWriteResult.syncs).
 */
export async function writeSheets(
  run: ExcelRun,
  specs: readonly SheetSpec[],
  options: OfficeWriteOptions = {}
): Promise<OfficeWriteResult> {
  const plans = specs.map(planSheet); // validate everything before touching the workbook
  const entries = options.register ?? [];
  const registerPlan = entries.length
    ? planSheet(registerSheetSpec(entries, REGISTER_SHEET_NAME))
    : undefined;
  const rules = options.replace ?? [];
  return run(async (context) => {
    let syncs = 0;
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    // The register table, looked up (as a null object if absent) only when there are rows to record.
    const register = registerPlan
      ? {
          plan: registerPlan,
          table: context.workbook.tables.getItemOrNullObject(REGISTER_TABLE_NAME),
        }
      : undefined;
    if (register) {
      register.table.load("name");
      register.table.worksheet.load("name");
    }
    await context.sync(); // 1
    syncs++;

    const existing = register && !register.table.isNullObject ? register.table : undefined;
    const loaded = existing ? loadRegister(existing) : undefined;
    // Every sheet's own names, read in the round trip the register needs anyway.
    const sheetNames = loadSheetNames(worksheets.items, rules);
    if (loaded || sheetNames.length > 0) {
      await context.sync(); // 2 (1b)
      syncs++;
    }
    let registerChange: (() => OfficeWriteResult["register"]) | undefined;
    if (existing && loaded) {
      const change = planRegisterChange(registerStateOf(loaded), entries);
      registerChange = () => {
        queueRegisterChange(existing, loaded, change);
        return {
          sheetName: existing.worksheet.name,
          created: false,
          updated: change.updates.length,
          added: change.additions.length,
        };
      };
    }

    const superseded = await findSuperseded(context, rules, sheetNames, () => syncs++);

    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    const used = worksheets.items.map((w) => w.name);
    // The tab order as it will be, so a new sheet takes the place of the sheet it supersedes.
    const order: Excel.Worksheet[] = [...worksheets.items];
    const deleted: Excel.Worksheet[] = [];
    const sheets: OfficePlacedSheet[] = [];
    const added: Excel.Worksheet[] = [];
    const addPlanned = (plan: SheetPlan, old?: Superseded): OfficePlacedSheet => {
      let name: string;
      let placed: SupersededSheet | undefined;
      if (old === undefined) {
        name = uniqueSheetName(plan.spec.name, used);
      } else {
        const place = takePlaceOf(old, plan.spec.name, used);
        name = place.name;
        placed = place.superseded;
        if (place.remove) deleted.push(old.worksheet);
      }
      used.push(name);
      const ws = worksheets.add(name);
      queueSheet(ws, plan);
      added.push(ws);
      const at = old === undefined ? -1 : order.indexOf(old.worksheet);
      if (at >= 0) {
        ws.position = at;
        order.splice(at, 0, ws);
      } else order.push(ws);
      return {
        desiredName: plan.spec.name,
        name,
        ...(placed === undefined ? {} : { superseded: placed }),
      };
    };
    plans.forEach((plan, i) => sheets.push(addPlanned(plan, superseded[i])));
    const result: OfficeWriteResult = { sheets, syncs: 0 };
    if (registerChange) result.register = registerChange();
    else if (register)
      result.register = {
        sheetName: addPlanned(register.plan).name,
        created: true,
        updated: 0,
        added: entries.length,
      };
    if (options.activate !== false && added[0]) added[0].activate();
    // After the activation, so that the sheet deleted is never the active one.
    for (const ws of deleted) ws.delete();
    await context.sync(); // write
    syncs++;

    context.application.calculate("Recalculate");
    await context.sync(); // recalculate
    syncs++;
    result.syncs = syncs;
    return result;
  });
}

/** Records partnerships in the register (creating it if needed): writeSheets with no sheets. */
export async function updateRegister(
  run: ExcelRun,
  entries: readonly RegisterEntry[]
): Promise<OfficeWriteResult> {
  return writeSheets(run, [], { register: entries, activate: false });
}
