/**
 * Two windows saving one workspace: the merge by partnership id. Each case is a small workspace
 * written out by hand, with the merged result written out by hand.
 */
import {
  conflictReference,
  describeMerge,
  mergeWorkspaces,
  sameJson,
  withEditsSince,
} from "../../../src/taskpane/storage/mergeWorkspaces";
import type { Workspace, WorkspacePartnership } from "../../../src/taskpane/storage/workspace";

const p = (id: string, reference: string, purpose = ""): WorkspacePartnership => ({
  id,
  updatedAt: "2026-03-01T09:00:00.000Z",
  document: { reference, purpose },
});
const ws = (
  partnerships: readonly WorkspacePartnership[],
  selectedId: string | null = null
): Workspace => ({
  strategy: null,
  partnerships,
  selectedId: selectedId ?? partnerships[0]?.id ?? null,
});
const ids = () => {
  let n = 0;
  return () => `p-new-${++n}`;
};

const BASE = ws([p("a", "DP-1", "first"), p("b", "DP-2", "second")]);

describe("merging two windows' workspaces", () => {
  it("takes each side's change when they changed different partnerships", () => {
    const ours = ws([p("a", "DP-1", "first, edited here"), p("b", "DP-2", "second")]);
    const theirs = ws([p("a", "DP-1", "first"), p("b", "DP-2", "second, edited there")]);
    const merge = mergeWorkspaces(BASE, ours, theirs, ids());
    expect(merge.workspace).toEqual(
      ws([p("a", "DP-1", "first, edited here"), p("b", "DP-2", "second, edited there")])
    );
    expect(merge.conflicts).toEqual([]);
    expect(merge.changedElsewhere).toBe(true);
    expect(describeMerge(merge)).toBe("Saved in another window, and now here too: DP-2 changed.");
  });

  it("keeps a partnership added on each side", () => {
    const ours = ws([...BASE.partnerships, p("c", "DP-3")], "c");
    const theirs = ws([...BASE.partnerships, p("d", "DP-4")]);
    const merge = mergeWorkspaces(BASE, ours, theirs, ids());
    expect(merge.workspace.partnerships.map((x) => x.id)).toEqual(["a", "b", "c", "d"]);
    expect(merge.workspace.selectedId).toBe("c");
    expect(describeMerge(merge)).toBe("Saved in another window, and now here too: DP-4 added.");
  });

  it("keeps both versions of a partnership changed on both sides, the other as a marked copy", () => {
    const ours = ws([p("a", "DP-1", "mine"), p("b", "DP-2", "second")]);
    const theirs = ws([p("a", "DP-1", "theirs"), p("b", "DP-2", "second")]);
    const merge = mergeWorkspaces(BASE, ours, theirs, ids());
    expect(merge.workspace.partnerships).toEqual([
      p("a", "DP-1", "mine"),
      p("p-new-1", "DP-1 (from another window)", "theirs"),
      p("b", "DP-2", "second"),
    ]);
    expect(merge.conflicts).toEqual([
      { reference: "DP-1", copyReference: "DP-1 (from another window)" },
    ]);
    expect(describeMerge(merge)).toBe(
      "DP-1 was also changed in another window: both versions are kept, this window's as DP-1 and the other's as DP-1 (from another window)."
    );
  });

  it("deletes what one side deleted and the other left alone, keeps what the other changed", () => {
    const oursDeletedB = ws([p("a", "DP-1", "first")]);
    const theirsUnchanged = BASE;
    expect(mergeWorkspaces(BASE, oursDeletedB, theirsUnchanged, ids()).workspace).toEqual(
      ws([p("a", "DP-1", "first")])
    );
    // Deleted there, unchanged here: gone, and said.
    const deletedThere = mergeWorkspaces(BASE, BASE, oursDeletedB, ids());
    expect(deletedThere.workspace).toEqual(ws([p("a", "DP-1", "first")]));
    expect(describeMerge(deletedThere)).toBe(
      "Saved in another window, and now here too: DP-2 deleted."
    );
    const theirsChangedB = ws([p("a", "DP-1", "first"), p("b", "DP-2", "second, edited there")]);
    const merge = mergeWorkspaces(BASE, oursDeletedB, theirsChangedB, ids());
    expect(merge.workspace.partnerships).toEqual([
      p("a", "DP-1", "first"),
      p("b", "DP-2", "second, edited there"),
    ]);
    expect(describeMerge(merge)).toBe(
      "DP-2 was deleted in one window and changed in another, so it is kept."
    );
    // And the other way round: deleted there, changed here.
    const oursChangedB = ws([p("a", "DP-1", "first"), p("b", "DP-2", "mine")]);
    expect(
      mergeWorkspaces(BASE, oursChangedB, ws([p("a", "DP-1", "first")]), ids()).workspace
    ).toEqual(oursChangedB);
  });

  it("says nothing when both sides made the same change, and nothing changed elsewhere", () => {
    const both = ws([p("a", "DP-1", "same"), p("b", "DP-2", "second")]);
    const merge = mergeWorkspaces(BASE, both, both, ids());
    expect(merge.workspace).toEqual(both);
    expect(describeMerge(merge)).toBeUndefined();
  });

  it("takes the strategy from the side that replaced it, and keeps this window's when both did", () => {
    const withStrategy = (w: Workspace, strategy: unknown): Workspace => ({ ...w, strategy });
    const theirs = withStrategy(BASE, { id: "S", revision: 2 });
    expect(mergeWorkspaces(BASE, BASE, theirs, ids()).workspace.strategy).toEqual({
      id: "S",
      revision: 2,
    });
    const merge = mergeWorkspaces(
      BASE,
      withStrategy(BASE, { id: "S", revision: 3 }),
      theirs,
      ids()
    );
    expect(merge.workspace.strategy).toEqual({ id: "S", revision: 3 });
    expect(merge.strategyConflict).toBe(true);
  });

  it("opens this window's partnership, or the first when it has gone", () => {
    const ours = ws(BASE.partnerships, "b");
    expect(mergeWorkspaces(BASE, ours, BASE, ids()).workspace.selectedId).toBe("b");
    const theirs = ws([p("a", "DP-1", "first")]);
    expect(mergeWorkspaces(BASE, ours, theirs, ids()).workspace.selectedId).toBe("a");
  });
});

describe("the other window's copy is named", () => {
  it("after the reference, numbered when the name is taken", () => {
    expect(conflictReference("DP-1", new Set())).toBe("DP-1 (from another window)");
    expect(conflictReference("DP-1", new Set(["DP-1 (FROM ANOTHER WINDOW)"]))).toBe(
      "DP-1 (from another window 2)"
    );
  });
  it("when both sides changed one partnership twice, the second copy gets the next number", () => {
    const base = ws([p("a", "DP-1", "0")]);
    const ours = ws([p("a", "DP-1", "mine"), p("x", "DP-1 (from another window)", "earlier")]);
    const merge = mergeWorkspaces(base, ours, ws([p("a", "DP-1", "theirs")]), ids());
    expect(
      merge.workspace.partnerships.map((x) => (x.document as { reference: string }).reference)
    ).toEqual(["DP-1", "DP-1 (from another window 2)", "DP-1 (from another window)"]);
  });
});

describe("sameJson", () => {
  it("ignores key order, and tells arrays from objects", () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});

describe("a merged save coming back to the pane", () => {
  it("is shown as stored when nothing was typed meanwhile", () => {
    const saved = ws([p("a", "DP-1", "mine")]);
    const stored = ws([p("a", "DP-1", "mine"), p("d", "DP-4", "theirs")]);
    expect(withEditsSince(saved, saved, stored)).toBe(stored);
  });

  it("keeps what was typed while the save was under way, on top of the other window's changes", () => {
    const saved = ws([p("a", "DP-1", "mine"), p("b", "DP-2", "second")]);
    const typedSince = ws([p("a", "DP-1", "mine, and more"), p("b", "DP-2", "second")]);
    const stored = ws([p("a", "DP-1", "mine"), p("b", "DP-2", "second, theirs")]);
    expect(withEditsSince(saved, typedSince, stored)).toEqual(
      ws([p("a", "DP-1", "mine, and more"), p("b", "DP-2", "second, theirs")])
    );
  });
});
