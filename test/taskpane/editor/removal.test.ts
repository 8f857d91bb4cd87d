/**
 * Removing and putting back exactly: a list's item (cost lines, allocations, milestones...), a part of
 * a partnership (a royalty with all it holds, an alternative) and a whole partnership. Every
 * expectation is written out by hand.
 */
import type { Json } from "../../../src/taskpane/editor/draft";
import { removeAt, removeItem, restoreAt, restoreItem } from "../../../src/taskpane/editor/removal";
import {
  deleteSelected,
  restoreDeleted,
  type EditorWorkspace,
} from "../../../src/taskpane/editor/workspace";

const lines = [
  { id: "line-1", description: "Image de-identification" },
  { id: "line-2", description: "SDE user accounts" },
  { id: "line-3", description: "GPU compute" },
];

describe("removing a list item and undoing it", () => {
  it("takes out exactly the item asked for and says which, and where it was", () => {
    const result = removeItem(lines, 1);
    expect(result?.list).toEqual([
      { id: "line-1", description: "Image de-identification" },
      { id: "line-3", description: "GPU compute" },
    ]);
    expect(result?.removed).toEqual({
      index: 1,
      item: { id: "line-2", description: "SDE user accounts" },
    });
    // The list given is not changed.
    expect(lines).toHaveLength(3);
  });

  it("puts it back at its position, the same item", () => {
    const result = removeItem(lines, 1)!;
    const restored = restoreItem(result.list, result.removed);
    expect(restored.index).toBe(1);
    expect(restored.list).toEqual(lines);
    expect(restored.list[1]).toBe(lines[1]);
  });

  it("puts it back at the end when the list has become shorter than its position", () => {
    const result = removeItem(lines, 2)!;
    const restored = restoreItem([lines[0]!], result.removed);
    expect(restored).toEqual({
      index: 1,
      list: [
        { id: "line-1", description: "Image de-identification" },
        { id: "line-3", description: "GPU compute" },
      ],
    });
  });

  it("removes nothing where there is no item", () => {
    expect(removeItem(lines, 3)).toBeUndefined();
    expect(removeItem(lines, -1)).toBeUndefined();
    expect(removeItem(lines, 0.5)).toBeUndefined();
    expect(removeItem([], 0)).toBeUndefined();
  });
});

const ROYALTY = {
  tiers: [
    { threshold: 0, rate: 0.05 },
    { threshold: 1_000_000, rate: 0.03 },
  ],
  annualMinimum: 20_000,
  annualCap: 250_000,
  termYears: 7,
};

describe("removing a part of a partnership and undoing it", () => {
  it("removing the royalty takes all of it; undo restores its tiers, minimum, cap and term", () => {
    const draft: Json = { valueSharing: { fixedPayment: { amount: 5000 }, royalty: ROYALTY } };
    const result = removeAt(draft, ["valueSharing", "royalty"])!;
    expect(result.draft).toEqual({ valueSharing: { fixedPayment: { amount: 5000 } } });
    expect(result.removed).toEqual({ path: ["valueSharing", "royalty"], value: ROYALTY });
    expect(restoreAt(result.draft, result.removed)).toEqual({
      path: ["valueSharing", "royalty"],
      draft: {
        valueSharing: {
          fixedPayment: { amount: 5000 },
          royalty: {
            tiers: [
              { threshold: 0, rate: 0.05 },
              { threshold: 1_000_000, rate: 0.03 },
            ],
            annualMinimum: 20_000,
            annualCap: 250_000,
            termYears: 7,
          },
        },
      },
    });
  });

  it("a cost line comes back at its own place, with its fields, and the rest of the draft as it was", () => {
    const draft: Json = { reference: "DP-2026-001", costs: { lines } };
    const result = removeAt(draft, ["costs", "lines", 1])!;
    expect(result.draft).toEqual({
      reference: "DP-2026-001",
      costs: {
        lines: [
          { id: "line-1", description: "Image de-identification" },
          { id: "line-3", description: "GPU compute" },
        ],
      },
    });
    expect(result.removed).toEqual({
      path: ["costs", "lines", 1],
      value: { id: "line-2", description: "SDE user accounts" },
    });
    const restored = restoreAt(result.draft, result.removed);
    expect(restored.path).toEqual(["costs", "lines", 1]);
    expect(restored.draft).toEqual({
      reference: "DP-2026-001",
      costs: {
        lines: [
          { id: "line-1", description: "Image de-identification" },
          { id: "line-2", description: "SDE user accounts" },
          { id: "line-3", description: "GPU compute" },
        ],
      },
    });
    // The draft given is not changed.
    expect(draft).toEqual({ reference: "DP-2026-001", costs: { lines } });
  });

  it("an alternative removed from the end of a list that has since lost another comes back last", () => {
    const draft: Json = { alternatives: [{ id: "a" }, { id: "b" }, { id: "c" }] };
    const result = removeAt(draft, ["alternatives", 2])!;
    const shorter = removeAt(result.draft, ["alternatives", 0])!.draft;
    expect(restoreAt(shorter, result.removed)).toEqual({
      path: ["alternatives", 1],
      draft: { alternatives: [{ id: "b" }, { id: "c" }] },
    });
  });

  it("removing what is not there removes nothing", () => {
    expect(removeAt({ valueSharing: {} }, ["valueSharing", "royalty"])).toBeUndefined();
    expect(removeAt({ alternatives: [{ id: "a" }] }, ["alternatives", 1])).toBeUndefined();
    expect(removeAt({ alternatives: { id: "a" } }, ["alternatives", 0])).toBeUndefined();
  });
});

describe("deleting a partnership and undoing it", () => {
  const p = (id: string, reference: string) => ({
    id,
    updatedAt: "2026-03-01T09:00:00.000Z",
    document: { reference },
  });
  const workspace: EditorWorkspace = {
    strategy: null,
    partnerships: [p("p-a", "DP-1"), p("p-b", "DP-2"), p("p-c", "DP-3")],
    selectedId: "p-b",
  };

  it("opens the next partnership, and Undo brings the deleted one back with its id, contents and place", () => {
    const result = deleteSelected(workspace)!;
    expect(result.workspace.partnerships.map((x) => x.id)).toEqual(["p-a", "p-c"]);
    expect(result.workspace.selectedId).toBe("p-c");
    const restored = restoreDeleted(result.workspace, result.deleted);
    expect(restored).toEqual(workspace);
  });

  it("opens the previous one when the last is deleted, and none when the only one is", () => {
    const last = deleteSelected({ ...workspace, selectedId: "p-c" })!;
    expect(last.workspace.selectedId).toBe("p-b");
    const only = deleteSelected({
      ...workspace,
      partnerships: [p("p-a", "DP-1")],
      selectedId: "p-a",
    })!;
    expect(only.workspace).toEqual({ strategy: null, partnerships: [], selectedId: null });
    expect(restoreDeleted(only.workspace, only.deleted)).toEqual({
      strategy: null,
      partnerships: [p("p-a", "DP-1")],
      selectedId: "p-a",
    });
  });

  it("does not bring back a second copy, and deletes nothing when none is open", () => {
    const result = deleteSelected(workspace)!;
    const once = restoreDeleted(result.workspace, result.deleted);
    expect(restoreDeleted(once, result.deleted)).toBe(once);
    expect(deleteSelected({ ...workspace, selectedId: null })).toBeUndefined();
  });
});
