/**
 * Import JSON…: what the pane says of an older document's price, and a document whose reference the
 * list already holds, replaced (and put back) or kept beside it, the two then told apart in the list.
 * The price figures are docs/documents.md's ("Version 1 documents still open everywhere"); the rest is
 * written out by hand.
 */
import fs from "fs";
import path from "path";
import {
  addImported,
  importOutcome,
  readImport,
  replaceWithImported,
  undoReplace,
  withReference,
  type ImportedDocument,
} from "../../../src/taskpane/editor/importing";
import {
  EMPTY_WORKSPACE,
  listLabels,
  replaceSelected,
  type EditorWorkspace,
} from "../../../src/taskpane/editor/workspace";

const EXAMPLES = path.join(__dirname, "..", "..", "..", "examples");
const read = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), "utf8");
/** Times in this machine's zone, as the list shows them. */
const AT_0930 = new Date(2026, 10, 23, 9, 30, 5);
const AT_0945 = new Date(2026, 10, 23, 9, 45, 10);

function imported(file: string, name = path.basename(file)): ImportedDocument {
  const result = readImport(read(file), name);
  if (!result.ok) throw new Error(`${file}: ${result.message}`);
  return result.imported;
}

describe("importing an older document says how its price changed, as the command line does", () => {
  const old = imported("v1/commercial-imaging-ai.json");

  it("names the old and new price and the change, then each line that changed", () => {
    const outcome = importOutcome(old, "added");
    expect(outcome).toMatchObject({
      // The price changed: something to know before going on.
      status: "warning",
      message:
        "Imported commercial-imaging-ai.json. DP-2025-011 is a version-1 document, read as version 2. Its price changes from £98,678.53 to £85,517.50 ex VAT (-£13,161.03):",
    });
    const details = outcome?.status === "warning" ? (outcome.details ?? []) : [];
    expect(details).toEqual(
      expect.arrayContaining([
        "dao-accounts: £25,488.00 -> £20,390.40 (-£5,097.60): a non-staff line: employer's on-costs (25%) belong to staff time only, so they no longer apply",
        "dao-compute: £24,975.00 -> £19,980.00 (-£4,995.00): a non-staff line: employer's on-costs (25%) belong to staff time only, so they no longer apply",
      ])
    );
    expect(details.find((line) => line.startsWith("fixed-cost-recovery:"))).toMatch(
      /^fixed-cost-recovery: £12,500\.00 -> £10,834\.80 \(-£1,665\.20\): version 1 charged fixed costs as pool x share \(.*\); version 2 recovers 16\.52% of the overall full cost, £65,585\.93$/
    );
    expect(details.find((line) => line.startsWith("capital-cost-recovery:"))).toMatch(
      /^capital-cost-recovery: £10,500\.00 -> £9,096\.77 \(-£1,403\.23\): /
    );
    // The upgrade's notes close the list, each once.
    expect(details.filter((line) => line.startsWith("Note: ")).length).toBeGreaterThan(0);
    expect(new Set(details).size).toBe(details.length);
  });

  it("a document in the current version is imported without more to say", () => {
    expect(importOutcome(imported("commercial-imaging-ai.json"), "added")).toEqual({
      status: "success",
      message: "Imported commercial-imaging-ai.json.",
    });
    // Replaced, the Undo notice says what was replaced: nothing more to say here.
    expect(importOutcome(imported("commercial-imaging-ai.json"), "replaced")).toBeUndefined();
  });

  it("replacing with an older document says only how its price changed", () => {
    expect(importOutcome(old, "replaced")?.message).toBe(
      "DP-2025-011 is a version-1 document, read as version 2. Its price changes from £98,678.53 to £85,517.50 ex VAT (-£13,161.03):"
    );
  });
});

describe("a document whose reference the list already holds", () => {
  const current = imported("commercial-imaging-ai.json");
  const study = imported("academic-sde-study.json");
  const first = addImported(addImported(EMPTY_WORKSPACE, study, AT_0930), current, AT_0930);
  const [studyEntry, imagingEntry] = first.partnerships;

  it("is found by its reference, letter case and spaces aside; a blank reference matches none", () => {
    expect(withReference(first, "DP-2025-011")).toEqual([imagingEntry]);
    expect(withReference(first, " dp-2025-011 ")).toEqual([imagingEntry]);
    expect(withReference(first, "DP-2025-999")).toEqual([]);
    expect(withReference(first, "")).toEqual([]);
  });

  it("replaced: the imported document takes its place, open; Undo puts the one there back as it was", () => {
    const old = imported("v1/commercial-imaging-ai.json");
    const result = replaceWithImported(first, imagingEntry!.id, old, AT_0945)!;
    const { partnerships, selectedId } = result.workspace;
    expect(partnerships).toHaveLength(2);
    expect(partnerships[0]).toBe(studyEntry);
    expect(partnerships[1]).toMatchObject({
      updatedAt: AT_0945.toISOString(),
      document: old.document,
    });
    expect(partnerships[1]!.id).not.toBe(imagingEntry!.id);
    expect(selectedId).toBe(partnerships[1]!.id);

    const undone = undoReplace(result.workspace, result.replaced);
    expect(undone.keptImported).toBe(false);
    expect(undone.workspace.partnerships).toEqual([studyEntry, imagingEntry]);
    expect(undone.workspace.selectedId).toBe(imagingEntry!.id);
  });

  it("replaced and then edited: Undo puts the old one back and keeps the edited one beside it", () => {
    const result = replaceWithImported(first, imagingEntry!.id, current, AT_0945)!;
    const edited = replaceSelected(
      result.workspace,
      { ...current.document, purpose: "Edited after the import" },
      new Date(2026, 10, 23, 10, 0)
    );
    const undone = undoReplace(edited, result.replaced);
    expect(undone.keptImported).toBe(true);
    expect(undone.workspace.partnerships.map((p) => p.id)).toEqual([
      studyEntry!.id,
      imagingEntry!.id,
      result.replaced.replacement.id,
    ]);
    expect(undone.workspace.partnerships[2]!.document).toMatchObject({
      purpose: "Edited after the import",
    });
  });

  it("replaces nothing when the partnership has gone meanwhile", () => {
    expect(replaceWithImported(first, "p-gone", current, AT_0945)).toBeUndefined();
  });

  it("kept both: the list tells the two apart by when each was last changed, and says so", () => {
    const both = addImported(first, current, AT_0945);
    const labels = listLabels(both.partnerships);
    expect(both.partnerships.map((p) => labels.get(p.id))).toEqual([
      "DP-2025-007: University of Northvale, Institute of Respiratory Health",
      "DP-2025-011 (changed 09:30 on 23 Nov): Radiant Vision AI Ltd",
      "DP-2025-011 (changed 09:45 on 23 Nov): Radiant Vision AI Ltd",
    ]);
    expect(importOutcome(current, "kept both")).toEqual({
      status: "success",
      message:
        "Imported commercial-imaging-ai.json beside the DP-2025-011 already in the list: both are kept, and the list tells them apart by when each was last changed. If they are different partnerships, give one a new reference.",
    });
  });

  it("to the second when the minutes are the same, and by place when the seconds are too", () => {
    const sameMinute = addImported(first, current, new Date(2026, 10, 23, 9, 30, 40));
    const labels = listLabels(sameMinute.partnerships);
    expect(sameMinute.partnerships.slice(1).map((p) => labels.get(p.id))).toEqual([
      "DP-2025-011 (changed 09:30:05 on 23 Nov): Radiant Vision AI Ltd",
      "DP-2025-011 (changed 09:30:40 on 23 Nov): Radiant Vision AI Ltd",
    ]);
    const sameSecond: EditorWorkspace = addImported(first, current, AT_0930);
    const alike = listLabels(sameSecond.partnerships);
    expect(sameSecond.partnerships.slice(1).map((p) => alike.get(p.id))).toEqual([
      "DP-2025-011 (1 of 2, changed 09:30:05 on 23 Nov): Radiant Vision AI Ltd",
      "DP-2025-011 (2 of 2, changed 09:30:05 on 23 Nov): Radiant Vision AI Ltd",
    ]);
  });
});
