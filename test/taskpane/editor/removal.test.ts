/**
 * Removing and putting back: a list item (cost lines, allocations, milestones...) and a whole
 * partnership. Every expectation is written out by hand.
 */
import { removeAt, restoreAt } from "../../../src/taskpane/editor/removal";
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
  it("takes out exactly the item asked for and says which", () => {
    const result = removeAt(lines, 1, "SDE user accounts");
    expect(result?.list).toEqual([
      { id: "line-1", description: "Image de-identification" },
      { id: "line-3", description: "GPU compute" },
    ]);
    expect(result?.removed).toEqual({
      index: 1,
      item: { id: "line-2", description: "SDE user accounts" },
      name: "SDE user accounts",
    });
    // The list given is not changed.
    expect(lines).toHaveLength(3);
  });

  it("puts it back at its position, the same item", () => {
    const result = removeAt(lines, 1, "SDE user accounts")!;
    const restored = restoreAt(result.list, result.removed);
    expect(restored.index).toBe(1);
    expect(restored.list).toEqual(lines);
    expect(restored.list[1]).toBe(lines[1]);
  });

  it("puts it back at the end when the list has become shorter than its position", () => {
    const result = removeAt(lines, 2, "GPU compute")!;
    const restored = restoreAt([lines[0]!], result.removed);
    expect(restored).toEqual({
      index: 1,
      list: [
        { id: "line-1", description: "Image de-identification" },
        { id: "line-3", description: "GPU compute" },
      ],
    });
  });

  it("removes nothing where there is no item", () => {
    expect(removeAt(lines, 3, "none")).toBeUndefined();
    expect(removeAt(lines, -1, "none")).toBeUndefined();
    expect(removeAt([], 0, "none")).toBeUndefined();
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
