/**
 * Knock-on differences (src/audit/knockOn.ts): which cells a formula refers to, which differing
 * figures only follow from another finding's cell, and how the report groups and lists them. The
 * sheets here are small and written out, so every expected cell can be read off them.
 */
import type { AuditCell, AuditFinding, AuditSheet } from "../../src/audit";
import {
  compactCells,
  formulaPrecedents,
  groupFindings,
  markKnockOns,
} from "../../src/audit/knockOn";
import { finding } from "./findings";

/** A sheet of the given formulas (without "="); every other cell empty. */
function sheetOf(formulas: Record<string, string>): AuditSheet {
  const letters = (col: number) => String.fromCharCode(64 + col);
  return {
    name: "Quote R-1",
    names: new Map(),
    cell(row: number, col: number): AuditCell {
      const formula = formulas[`${letters(col)}${row}`];
      return formula === undefined ? { value: null } : { value: 0, formula };
    },
  };
}

describe("formulaPrecedents", () => {
  it("finds cells and ranges, absolute or not, and nothing inside text or in a function's name", () => {
    expect(formulaPrecedents("ROUND(ROUND((D39*$F$39)*100,4),0)/100")).toEqual([
      { top: 39, left: 4, bottom: 39, right: 4 },
      { top: 39, left: 6, bottom: 39, right: 6 },
    ]);
    expect(formulaPrecedents('SUM(H38:H41)+IF(C27="commercial",I55,H55)')).toEqual([
      { top: 38, left: 8, bottom: 41, right: 8 },
      { top: 27, left: 3, bottom: 27, right: 3 },
      { top: 55, left: 9, bottom: 55, right: 9 },
      { top: 55, left: 8, bottom: 55, right: 8 },
    ]);
    expect(formulaPrecedents('LOG10(2)&"A1"')).toEqual([]);
  });
});

describe("markKnockOns", () => {
  // B1 was a formula (=A1*2) and has a number typed over it; C1 adds up B1:B2, D1 is C1 plus one;
  // E1 differs on its own (its formula refers to nothing that differs); F1 has a changed formula.
  const sheet = sheetOf({ C1: "SUM(B1:B2)", D1: "C1+1", E1: "A5*2", F1: "D1*3", G1: "F1" });
  const findings: AuditFinding[] = [
    finding({ check: "formula-replaced", cell: "B1" }),
    finding({ cell: "B1" }),
    finding({ cell: "C1" }),
    finding({ cell: "D1" }),
    finding({ cell: "E1" }),
    finding({ check: "formula-changed", cell: "F1" }),
    finding({ cell: "F1" }),
    finding({ cell: "G1" }),
    finding({ severity: "warning", check: "principle", cell: "D1" }),
  ];
  const marked = markKnockOns(findings, sheet);

  it("marks each figure that only follows from another finding's cell with that first cell", () => {
    expect(marked.map((f) => [f.check, f.cell, f.causedBy])).toEqual([
      ["formula-replaced", "B1", undefined],
      ["arithmetic", "B1", undefined],
      // C1 adds up B1; D1 follows C1, so from B1 too.
      ["arithmetic", "C1", "B1"],
      ["arithmetic", "D1", "B1"],
      ["arithmetic", "E1", undefined],
      // F1's formula was changed: it is a cause of its own, though it refers to D1; G1 follows F1.
      ["formula-changed", "F1", undefined],
      ["arithmetic", "F1", undefined],
      ["arithmetic", "G1", "F1"],
      ["principle", "D1", undefined],
    ]);
  });

  it("groups the report's entries: a cell's formula and value together, its knock-ons under it", () => {
    expect(
      groupFindings(marked).map((group) => [
        `${group.head.check} ${group.head.cell}`,
        group.sameCell.map((f) => `${f.check} ${f.cell}`),
        group.knockOns.map((f) => f.cell),
      ])
    ).toEqual([
      ["formula-replaced B1", ["arithmetic B1"], ["C1", "D1"]],
      ["arithmetic E1", [], []],
      ["formula-changed F1", ["arithmetic F1"], ["G1"]],
      ["principle D1", [], []],
    ]);
  });

  it("stops at a circular reference: the first of the circle is where the difference starts", () => {
    const circular = sheetOf({ A1: "B1", B1: "A1" });
    const both = [finding({ cell: "A1" }), finding({ cell: "B1" })];
    expect(markKnockOns(both, circular).map((f) => f.causedBy)).toEqual([undefined, "A1"]);
  });
});

describe("compactCells", () => {
  it("lists cells by column then row, a run of rows in a column as a range", () => {
    expect(
      compactCells(["H39", "I39", "H42", "I42", "I55", "I56", "F59", "I59", "F60", "I60", "I61"])
    ).toBe("F59:F60, H39, H42, I39, I42, I55:I56, I59:I61");
    expect(compactCells(["B2"])).toBe("B2");
    expect(compactCells(["A38:I53", "C3"])).toBe("A38:I53, C3");
  });
});
