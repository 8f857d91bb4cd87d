/**
 * The workspace in the workbook, as one custom XML part (ExcelApi 1.5) in its own namespace. Why a
 * custom XML part rather than document settings: see docs/design.md, "Where the pane keeps its work"; in short, a
 * workbook of 50 partnerships of 60 lines is about 0.7 MB, settings are documented up to 2 MB and
 * reported failing near 1 MB, belong to one add-in id and are saved outside Excel.run; a custom XML
 * part has no documented limit below Excel on the web's 5 MB request payload, travels with the
 * .xlsx where any tool can read it, and is written in the same batch model as the sheets.
 *
 * Syncs: load takes one when the workbook has no workspace and two otherwise (find the parts, then
 * read their XML: a part's XML cannot be asked for before its id is known). Save takes two into an
 * existing part (its id is remembered from load): one reads the part's revision, because another pane
 * or window on the workbook may have saved since (then both sides' changes are merged, see
 * mergeWorkspaces.ts), one writes. The first save into a workbook without a part takes two (look
 * for a part another pane may have added since, then add one), three when there is one (read it,
 * then merge into it).
 *
 * A part that cannot be read completely is never written over: saves then go to a new part, and
 * every load says the unread one is still in the workbook.
 */
import type { ExcelRun } from "../../addin/excelRun";
import { emptyWorkspace, newRevision, type Workspace, type WorkspaceProblem } from "./workspace";
import { readWorkspaceJson, type WorkspaceRead } from "./workspaceJson";
import {
  WorkspaceSaveError,
  kilobytes,
  reasonOf,
  reconcile,
  serializeForSave,
  type LoadedWorkspace,
  type SaveOutcome,
  type WorkspaceStore,
} from "./workspaceStore";
import { WORKSPACE_XML_NAMESPACE, jsonFromWorkspaceXml, workspaceXml } from "./workspaceXml";

export interface WorkbookStoreOptions {
  /** The clock for `savedAt`; injected so tests are repeatable. */
  now?: () => Date;
}

interface StoredPart {
  readonly id: string;
  readonly xml: string;
}

interface ReadPart {
  readonly id: string;
  readonly read: WorkspaceRead;
}

function readPart({ id, xml }: StoredPart): ReadPart {
  const inner = jsonFromWorkspaceXml(xml);
  if (inner.ok) return { id, read: readWorkspaceJson(inner.json) };
  return {
    id,
    read: {
      workspace: { strategy: null, partnerships: [], selectedId: null },
      problems: [{ path: "(workspace)", message: `is not readable XML: ${inner.message}` }],
      status: "unreadable",
    },
  };
}

/** Newest first; a complete copy before a partial one saved at the same time. */
function newestFirst(a: ReadPart, b: ReadPart): number {
  const byTime = (b.read.savedAt ?? "").localeCompare(a.read.savedAt ?? "");
  if (byTime !== 0) return byTime;
  return (a.read.status === "complete" ? 0 : 1) - (b.read.status === "complete" ? 0 : 1);
}

const partLabel = (id: string): string => `custom XML part ${id}`;

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Excel on the web's 5 MB request limit; its error code is not pinned down in the typings, so both spellings and the message are checked. */
function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error) ?? "";
  return /PayloadSizeLimitExceeded$/.test(code) || /payload size/i.test(reasonOf(error));
}

export function createWorkbookStore(
  run: ExcelRun,
  options: WorkbookStoreOptions = {}
): WorkspaceStore {
  const now = options.now ?? (() => new Date());
  let loaded = false;
  /** The part saves write over; undefined until there is one that holds exactly what was loaded. */
  let partId: string | undefined;
  /**
   * The part's copy as this pane last read or wrote it: its revision and save time (which tell that
   * another pane or window has saved since) and the workspace it holds (the base of a merge).
   */
  /** Every workspace part in the workbook when it was loaded, or written since by this pane. */
  let partsSeen = new Set<string>();
  let known: { revision?: string; savedAt?: string; workspace: Workspace } = {
    workspace: emptyWorkspace(),
  };

  async function readStoredParts(): Promise<StoredPart[]> {
    return run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(WORKSPACE_XML_NAMESPACE);
      parts.load("items/id");
      await context.sync();
      const found = parts.items.map((part) => ({ id: part.id, part }));
      if (found.length === 0) return [];
      const pending = found.map(({ id, part }) => ({ id, xml: part.getXml() }));
      await context.sync();
      return pending.map(({ id, xml }) => ({ id, xml: xml.value }));
    });
  }

  return {
    kind: "workbook",

    async load(): Promise<LoadedWorkspace> {
      const parts = (await readStoredParts()).map(readPart);
      partsSeen = new Set(parts.map((p) => p.id));
      loaded = true;
      const openable = parts.filter((p) => p.read.status !== "unreadable").sort(newestFirst);
      const chosen = openable[0];
      partId = chosen?.read.status === "complete" ? chosen.id : undefined;
      known = {
        ...(chosen?.read.revision !== undefined ? { revision: chosen.read.revision } : {}),
        ...(chosen?.read.savedAt !== undefined ? { savedAt: chosen.read.savedAt } : {}),
        workspace: chosen?.read.workspace ?? emptyWorkspace(),
      };

      const problems: WorkspaceProblem[] = [];
      if (chosen !== undefined) {
        for (const problem of chosen.read.problems)
          problems.push({
            path: `${partLabel(chosen.id)}, ${problem.path}`,
            message: problem.message,
          });
        if (chosen.read.status === "partial")
          problems.push({
            path: partLabel(chosen.id),
            message:
              "could not be read completely. It is kept in the workbook unchanged, and what was read is saved in a new part.",
          });
      }
      for (const other of parts) {
        if (other === chosen) continue;
        problems.push({
          path: partLabel(other.id),
          message:
            other.read.status === "unreadable"
              ? `holds a workspace that could not be read (${other.read.problems
                  .map((p) => `${p.path} ${p.message}`)
                  .join("; ")}). It is kept in the workbook unchanged.`
              : `holds another copy of the workspace, saved ${other.read.savedAt ?? "at an unknown time"}, older than the one opened. It is kept in the workbook unchanged.`,
        });
      }
      return {
        workspace: chosen?.read.workspace ?? { strategy: null, partnerships: [], selectedId: null },
        ...(chosen?.read.savedAt !== undefined ? { savedAt: chosen.read.savedAt } : {}),
        problems,
      };
    },

    async save(workspace) {
      if (!loaded)
        throw new WorkspaceSaveError(
          "not-loaded",
          "The workspace was not saved: the workbook's saved workspace has not been read yet, and saving first could write over it."
        );
      const revision = newRevision();
      const savedAt = now();
      let xml = workspaceXml(serializeForSave(workspace, savedAt, revision));
      const target = partId;
      let outcome: SaveOutcome = {};
      let written: Workspace | undefined = workspace;
      try {
        partId = await run(async (context) => {
          const parts = context.workbook.customXmlParts;
          if (target === undefined) {
            // No part of this pane's yet. Another pane on this workbook may have added one since
            // this one loaded (both opened before either saved): then this save merges into it.
            const found = parts.getByNamespace(WORKSPACE_XML_NAMESPACE);
            found.load("items/id");
            await context.sync();
            const fresh = found.items
              .filter((part) => !partsSeen.has(part.id))
              .map((part) => ({ id: part.id, xml: part.getXml() }));
            if (fresh.length > 0) {
              await context.sync();
              const newest = fresh
                .map(({ id, xml: stored }) => readPart({ id, xml: stored.value }))
                .filter((p) => p.read.status === "complete")
                .sort(newestFirst)[0];
              for (const { id } of fresh) partsSeen.add(id);
              if (newest !== undefined) {
                const merged = reconcile(known.workspace, workspace, newest.read.workspace);
                outcome = merged.outcome;
                written = merged.write;
                if (merged.write === undefined) {
                  known = {
                    ...(newest.read.revision !== undefined
                      ? { revision: newest.read.revision }
                      : {}),
                    ...(newest.read.savedAt !== undefined ? { savedAt: newest.read.savedAt } : {}),
                    workspace: merged.merged,
                  };
                  return newest.id;
                }
                xml = workspaceXml(serializeForSave(merged.write, savedAt, revision));
                parts.getItem(newest.id).setXml(xml);
                await context.sync();
                return newest.id;
              }
            }
            const added = parts.add(xml);
            added.load("id");
            await context.sync();
            partsSeen.add(added.id);
            return added.id;
          }
          // Two syncs: what the part holds now, then the write. Another pane or window on this
          // workbook may have saved since this one loaded; if so, both sides' changes are merged.
          const part = parts.getItem(target);
          const stored = part.getXml();
          await context.sync();
          const current = readPart({ id: target, xml: stored.value }).read;
          const changed = current.revision !== known.revision || current.savedAt !== known.savedAt;
          if (changed && current.status === "complete") {
            const merged = reconcile(known.workspace, workspace, current.workspace);
            outcome = merged.outcome;
            written = merged.write;
            if (merged.write === undefined) {
              known = {
                ...(current.revision !== undefined ? { revision: current.revision } : {}),
                ...(current.savedAt !== undefined ? { savedAt: current.savedAt } : {}),
                workspace: merged.merged,
              };
              return target;
            }
            xml = workspaceXml(serializeForSave(merged.write, savedAt, revision));
          } else if (changed) {
            // The part now holds something this pane cannot read: it is kept, and this save goes to
            // a new part beside it, as at load.
            outcome = {
              attention: true,
              notice: `The workspace in the workbook was saved by another window since this pane opened, in a form this pane cannot read; that copy is kept in ${partLabel(target)} and this pane's work is saved in a new part.`,
            };
            const added = parts.add(xml);
            added.load("id");
            await context.sync();
            partsSeen.add(added.id);
            return added.id;
          }
          part.setXml(xml);
          await context.sync();
          return target;
        });
        if (written !== undefined)
          known = { revision, savedAt: savedAt.toISOString(), workspace: written };
        return outcome;
      } catch (error) {
        const size = kilobytes(new TextEncoder().encode(xml).length);
        if (errorCode(error) === "ItemNotFound") {
          partId = undefined;
          throw new WorkspaceSaveError(
            "failed",
            `The workspace was not saved: its part (${target ?? ""}) has been removed from the workbook since it was opened. The next save writes a new one.`,
            error
          );
        }
        if (isPayloadTooLarge(error))
          throw new WorkspaceSaveError(
            "full",
            `The workspace (${size}) is too large for Excel to save in one request. Export some partnerships as JSON files and delete them from the pane.`,
            error
          );
        throw new WorkspaceSaveError(
          "failed",
          `The workspace (${size}) could not be saved in this workbook: ${reasonOf(error)}`,
          error
        );
      }
    },
  };
}
