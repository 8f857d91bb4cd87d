/*
 * Knock-on differences: one number typed over a formula makes every figure that adds it up differ too
 * (the line's marginal and full cost, the subtotals, the total, VAT...). Each of those is a finding of
 * its own, but none needs a change of its own: they agree again once the first cell is put right. This
 * module finds, from the sheet's formulas, which cell each differing figure follows from, so that the
 * report lists the cause once with its knock-ons under it, instead of a screenful of errors.
 *
 * A figure is a knock-on when its own formula is as generated (otherwise that is a finding of its own)
 * and refers, directly or through other differing figures, to a cell with a finding: a replaced or
 * changed formula, a broken reference, a changed input. It is marked with that first cell (causedBy).
 */
import { cellAddress, parseRangeAddress } from "../workbook/spec/a1";
import type { AuditCheck, AuditFinding, AuditSheet } from "./model";

/** The checks whose cell shows a figure that may make the figures after it differ. */
const CAUSES: ReadonlySet<AuditCheck> = new Set([
  "arithmetic",
  "formula-replaced",
  "formula-changed",
  "broken-reference",
  "input-changed",
]);

interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * The cells and ranges a formula refers to on its own sheet ("D39*F39" gives D39 and F39;
 * "SUM(H38:H41)" gives H38:H41). Text in quotes and references to other sheets are left out.
 */
export function formulaPrecedents(formula: string): Area[] {
  const areas: Area[] = [];
  const outsideStrings = formula.split(/"(?:[^"]|"")*"/);
  for (const part of outsideStrings)
    for (const match of part.matchAll(
      /(^|[^A-Za-z0-9_!.'$])(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(!])/g
    )) {
      const ref = match[2]!.replace(/\$/g, "");
      try {
        areas.push(parseRangeAddress(ref));
      } catch {
        // Not a reference after all (a name that looks like one): nothing to follow.
      }
    }
  return areas;
}

const contains = (area: Area, at: { row: number; col: number }): boolean =>
  at.row >= area.top && at.row <= area.bottom && at.col >= area.left && at.col <= area.right;

/**
 * The findings of one sheet, each figure that only follows from another finding's cell marked with
 * that cell (`causedBy`), in the same order. `sheet` is the audited sheet, whose formulas are read.
 */
export function markKnockOns(findings: readonly AuditFinding[], sheet: AuditSheet): AuditFinding[] {
  const positionOf = (address: string) => {
    try {
      const area = parseRangeAddress(address);
      return area.top === area.bottom && area.left === area.right
        ? { row: area.top, col: area.left }
        : undefined;
    } catch {
      return undefined;
    }
  };
  /** Every cell with a finding that can make later figures differ, and the checks found there. */
  const checksAt = new Map<string, Set<AuditCheck>>();
  for (const finding of findings) {
    if (finding.sheet !== sheet.name || !CAUSES.has(finding.check)) continue;
    if (positionOf(finding.cell) === undefined) continue;
    const checks = checksAt.get(finding.cell) ?? new Set<AuditCheck>();
    checks.add(finding.check);
    checksAt.set(finding.cell, checks);
  }
  const differing = [...checksAt.keys()].map((cell) => ({ cell, at: positionOf(cell)! }));

  // Only a figure that differs and has nothing else wrong in its own cell can be a knock-on.
  const onlyDiffers = (cell: string) => {
    const checks = checksAt.get(cell);
    return checks !== undefined && checks.size === 1 && checks.has("arithmetic");
  };
  const causes = new Map<string, string | undefined>();
  const visiting = new Set<string>();
  /** The cell a differing figure follows from: itself when it is where the difference starts. */
  const rootOf = (cell: string): string => {
    if (causes.has(cell)) return causes.get(cell) ?? cell;
    if (!onlyDiffers(cell) || visiting.has(cell)) return cell;
    visiting.add(cell);
    const at = positionOf(cell)!;
    const formula = sheet.cell(at.row, at.col).formula;
    let root: string | undefined;
    if (formula !== undefined) {
      const areas = formulaPrecedents(formula);
      const precedent = differing.find(
        (other) => other.cell !== cell && areas.some((area) => contains(area, other.at))
      );
      if (precedent !== undefined) root = rootOf(precedent.cell);
    }
    visiting.delete(cell);
    causes.set(cell, root === cell ? undefined : root);
    return root ?? cell;
  };
  return findings.map((finding) => {
    if (finding.sheet !== sheet.name || finding.check !== "arithmetic") return finding;
    const root = rootOf(finding.cell);
    return root === finding.cell ? finding : { ...finding, causedBy: root };
  });
}

/** A cell's findings with the figures that follow from it: one entry of the report. */
export interface FindingGroup {
  /** The first finding at the cell: what is wrong there. */
  readonly head: AuditFinding;
  /** Further findings about the same cell's figure (its value differing, beside a replaced formula). */
  readonly sameCell: readonly AuditFinding[];
  /** Figures elsewhere that differ only because this cell does, in the order they were found. */
  readonly knockOns: readonly AuditFinding[];
}

/** The checks about a figure's own cell that read as one entry: its formula and its value. */
const FIGURE_CHECKS: ReadonlySet<AuditCheck> = new Set([
  "arithmetic",
  "formula-replaced",
  "formula-changed",
  "broken-reference",
]);

/**
 * Findings as the report lists them: the knock-ons under the cell they follow from, and a figure's
 * value differing beside its replaced or changed formula in one entry. Order is kept otherwise.
 */
export function groupFindings(findings: readonly AuditFinding[]): FindingGroup[] {
  const groups: { head: AuditFinding; sameCell: AuditFinding[]; knockOns: AuditFinding[] }[] = [];
  const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;
  const figureGroup = new Map<string, (typeof groups)[number]>();
  const waiting: AuditFinding[] = [];
  for (const finding of findings) {
    if (finding.causedBy !== undefined) {
      waiting.push(finding);
      continue;
    }
    const at = key(finding.sheet, finding.cell);
    const existing = FIGURE_CHECKS.has(finding.check) ? figureGroup.get(at) : undefined;
    if (existing !== undefined && finding.cell !== "") {
      existing.sameCell.push(finding);
      continue;
    }
    const group = { head: finding, sameCell: [], knockOns: [] };
    groups.push(group);
    if (FIGURE_CHECKS.has(finding.check) && !figureGroup.has(at)) figureGroup.set(at, group);
  }
  for (const finding of waiting) {
    const group = figureGroup.get(key(finding.sheet, finding.causedBy!));
    if (group === undefined) groups.push({ head: finding, sameCell: [], knockOns: [] });
    else group.knockOns.push(finding);
  }
  return groups;
}

/**
 * Cells listed compactly: by column, then row, a run of rows in one column as a range
 * ("F59:F60, H39, H42, I64:I66").
 */
export function compactCells(cells: readonly string[]): string {
  const positions = cells
    .map((cell) => {
      try {
        const area = parseRangeAddress(cell);
        return {
          cell,
          row: area.top,
          col: area.left,
          single: area.top === area.bottom && area.left === area.right,
        };
      } catch {
        return { cell, row: 0, col: 0, single: false };
      }
    })
    .sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let run: { col: number; first: number; last: number } | undefined;
  const flush = () => {
    if (run === undefined) return;
    out.push(
      run.first === run.last
        ? cellAddress(run.first, run.col)
        : `${cellAddress(run.first, run.col)}:${cellAddress(run.last, run.col)}`
    );
    run = undefined;
  };
  for (const position of positions) {
    if (!position.single) {
      flush();
      out.push(position.cell);
      continue;
    }
    if (run !== undefined && run.col === position.col && position.row === run.last + 1)
      run.last = position.row;
    else if (run !== undefined && run.col === position.col && position.row === run.last) continue;
    else {
      flush();
      run = { col: position.col, first: position.row, last: position.row };
    }
  }
  flush();
  return out.join(", ");
}
