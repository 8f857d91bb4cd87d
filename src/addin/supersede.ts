/*
 * Which existing sheet a newly written sheet supersedes, and what becomes of it. A sheet is recognised
 * only by a sheet-scoped name the generator writes (its marker) over a cell holding exactly the
 * expected value, never by its tab name; the new sheet takes its name and place, and the old one is
 * deleted, unless the rule says it was edited by hand: then it is kept, renamed "<name> (previous)".
 *
 * Everything here queues on, or reads through, the caller's request context: writeSheets.ts owns the
 * Excel.run and counts the syncs (one for the marker cells, one for the used ranges of the sheets
 * found; none when no sheet carries a marker).
 */
import { uniqueSheetName } from "../workbook/spec/safeText";

/** The suffix of a superseded sheet kept because it was edited by hand. */
export const PREVIOUS_SUFFIX = " (previous)";

/** A sheet this write supersedes, as the rule sees it: its sheet-scoped names and its used range. */
export interface FoundSheet {
  readonly name: string;
  /** Its sheet-scoped names: name → formula without the "=" ("'Quote X'!$C$5"). */
  readonly names: ReadonlyMap<string, string>;
  /** Its used range (values only); undefined for an empty sheet. Positions are 0-based. */
  readonly grid:
    | {
        readonly rowIndex: number;
        readonly columnIndex: number;
        readonly values: readonly (readonly unknown[])[];
        readonly formulas: readonly (readonly unknown[])[];
        readonly valueTypes: readonly (readonly string[])[];
      }
    | undefined;
}

export interface ReplaceRule {
  /** The sheet-scoped name, over one cell, that the generator writes on the sheet. */
  readonly marker: string;
  /** What that cell holds on the sheet superseded (a sheet holding anything else is not touched). */
  readonly value: string;
  /**
   * Why the sheet found must be kept rather than replaced (it was changed by hand since it was
   * generated), or undefined to replace it. A kept sheet is renamed "<name> (previous)".
   */
  readonly edited: (sheet: FoundSheet) => string | undefined;
}

/** The sheet a new one superseded, under the name it had: deleted, or kept (renamed) when edited. */
export interface SupersededSheet {
  name: string;
  kept?: { name: string; reason: string };
}

/** A worksheet with the load of its own names queued. */
export interface SheetWithNames {
  readonly worksheet: Excel.Worksheet;
  readonly names: Excel.NamedItemCollection;
}

interface Candidate {
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
  readonly names: ReadonlyMap<string, string>;
}

export interface Superseded extends Candidate {
  /** Why it is kept (renamed) rather than deleted: edited by hand since it was generated. */
  readonly keptBecause: string | undefined;
}

/** "'Quote X'!$C$5" → "C5" when it names one cell of `sheet`; undefined for anything else. */
function ownCell(reference: string, sheet: string): string | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(reference.trim());
  if (!m) return undefined;
  const owner = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return owner === sheet ? `${(m[3] as string).toUpperCase()}${m[4]}` : undefined;
}

/**
 * Queues the load of every sheet's own names (read after the next sync): the markers are
 * sheet-scoped names, which follow a sheet when the user renames it. None when there is no rule.
 */
export function loadSheetNames(
  worksheets: readonly Excel.Worksheet[],
  rules: readonly (ReplaceRule | undefined)[]
): SheetWithNames[] {
  if (!rules.some((rule) => rule !== undefined)) return [];
  return worksheets.map((worksheet) => {
    const names = worksheet.names;
    names.load("items/name,items/formula");
    return { worksheet, names };
  });
}

/**
 * For each rule, the sheet it supersedes: among the sheets whose marker cell holds the rule's value,
 * the first in tab order that was not edited by hand, or else the first. Reads the marker cells in
 * one sync and the used ranges of the sheets found in one more; none when nothing carries a marker.
 */
export async function findSuperseded(
  context: Excel.RequestContext,
  rules: readonly (ReplaceRule | undefined)[],
  sheets: readonly SheetWithNames[],
  counted: () => void
): Promise<(Superseded | undefined)[]> {
  const probes: { rule: number; candidate: Candidate; cell: Excel.Range }[] = [];
  for (const { worksheet, names } of sheets) {
    const candidate: Candidate = {
      worksheet,
      name: worksheet.name,
      names: new Map(
        names.items.map((item) => [item.name, String(item.formula ?? "").replace(/^=/, "")])
      ),
    };
    rules.forEach((rule, i) => {
      const reference = rule && candidate.names.get(rule.marker);
      const address = reference === undefined ? undefined : ownCell(reference, candidate.name);
      if (address === undefined) return;
      const cell = worksheet.getRange(address);
      cell.load("values");
      probes.push({ rule: i, candidate, cell });
    });
  }
  if (probes.length === 0) return rules.map(() => undefined);
  await context.sync(); // the marker cells
  counted();
  const matches = probes.filter(({ rule, cell }) => cell.values[0]?.[0] === rules[rule]?.value);
  if (matches.length === 0) return rules.map(() => undefined);
  const usedRanges = matches.map((match) => {
    // valuesOnly: formatting alone does not widen what is transferred.
    const range = match.candidate.worksheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,values,formulas,valueTypes");
    return { ...match, range };
  });
  await context.sync(); // the used ranges of the sheets found
  counted();
  return rules.map((rule, i) => {
    if (rule === undefined) return undefined;
    const judged = usedRanges
      .filter((match) => match.rule === i)
      .map(({ candidate, range }): Superseded => {
        const grid = range.isNullObject
          ? undefined
          : {
              rowIndex: range.rowIndex,
              columnIndex: range.columnIndex,
              values: range.values,
              formulas: range.formulas,
              valueTypes: range.valueTypes as string[][],
            };
        return {
          ...candidate,
          keptBecause: rule.edited({ name: candidate.name, names: candidate.names, grid }),
        };
      });
    return judged.find((sheet) => sheet.keptBecause === undefined) ?? judged[0];
  });
}

/**
 * The name a new sheet takes in place of `old`, and what becomes of `old`: kept beside it under a
 * "(previous)" name when edited by hand, else moved aside to be deleted once the new sheets are
 * written. Queues the rename of `old` (no sync); `used` gains the names this gives out, but not the
 * new sheet's own name, which the caller records.
 */
export function takePlaceOf(
  old: Superseded,
  desiredName: string,
  used: string[]
): { name: string; superseded: SupersededSheet; remove: boolean } {
  if (old.keptBecause !== undefined) {
    // Kept beside the new sheet under a name that says it is the earlier one; already so named
    // (kept from an earlier run), it keeps its name and the new sheet takes the usual one.
    const keptName = old.name.endsWith(PREVIOUS_SUFFIX)
      ? old.name
      : uniqueSheetName(`${old.name}${PREVIOUS_SUFFIX}`, used);
    let name: string;
    if (keptName !== old.name) {
      old.worksheet.name = keptName;
      used.push(keptName);
      name = old.name;
    } else name = uniqueSheetName(desiredName, used);
    return {
      name,
      superseded: { name: old.name, kept: { name: keptName, reason: old.keptBecause } },
      remove: false,
    };
  }
  // Moved aside, not deleted yet: the new sheet takes its name, and a workbook never has to lose its
  // last sheet.
  const aside = uniqueSheetName(`${old.name} (replaced)`, used);
  old.worksheet.name = aside;
  used.push(aside);
  return { name: old.name, superseded: { name: old.name }, remove: true };
}
