/**
 * Two windows on one workspace (two browser tabs, or two panes on one workbook), each saving what it
 * has: the later save must not throw away what the earlier one wrote. When a store finds that the
 * stored workspace is no longer the one this window last loaded or saved, it merges, partnership by
 * partnership (by id), the changes of both sides since that common base:
 *
 *   - a partnership changed on one side only: that side's version;
 *   - added on either side: kept; deleted on one side and unchanged on the other: deleted;
 *   - deleted on one side but changed on the other: kept, changed (no edit is lost to a deletion);
 *   - changed on both sides, differently: both kept, this window's under its own id, the other's as a
 *     copy with a new id, its reference marked "(from another window)", next to it.
 *
 * The pricing strategy is one document: the side that changed it wins; if both changed it, this
 * window's is kept and the result says so. The open partnership is this window's choice.
 */
import { newPartnershipId, type Workspace, type WorkspacePartnership } from "./workspace";

export interface WorkspaceMerge {
  readonly workspace: Workspace;
  /** Whether the other side changed anything this window did not have. */
  readonly changedElsewhere: boolean;
  /** The partnerships taken from the other side as it changed them, in the merged order. */
  readonly fromElsewhere: readonly {
    readonly reference: string;
    readonly change: "changed" | "added" | "deleted";
  }[];
  /** Partnerships changed on both sides: this window's reference and the other copy's. */
  readonly conflicts: readonly { readonly reference: string; readonly copyReference: string }[];
  /** Partnerships deleted on one side and kept because the other side changed them. */
  readonly keptDespiteDeletion: readonly string[];
  /** Both sides replaced the strategy, differently; this window's is kept. */
  readonly strategyConflict: boolean;
}

/** Deep equality of JSON values, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** A partnership's reference as the pane names it. */
export function referenceOf(document: unknown): string {
  const reference = (document as { reference?: unknown } | null)?.reference;
  return typeof reference === "string" && reference.trim() !== ""
    ? reference.trim()
    : "(no reference)";
}

/**
 * The reference for the other window's copy: "DP-2026-014 (from another window)", numbered if that is
 * taken already ("... (from another window 2)").
 */
export function conflictReference(reference: string, taken: ReadonlySet<string>): string {
  const base = `${reference} (from another window)`;
  if (!taken.has(base.toUpperCase())) return base;
  for (let n = 2; ; n++) {
    const numbered = `${reference} (from another window ${n})`;
    if (!taken.has(numbered.toUpperCase())) return numbered;
  }
}

function withReference(document: unknown, reference: string): unknown {
  return document !== null && typeof document === "object" && !Array.isArray(document)
    ? { ...(document as Record<string, unknown>), reference }
    : { reference, document };
}

/**
 * Merges this window's workspace (`ours`) with the stored one (`theirs`), both changed since `base`.
 * `newId` is injected so tests are repeatable.
 */
export function mergeWorkspaces(
  base: Workspace,
  ours: Workspace,
  theirs: Workspace,
  newId: () => string = newPartnershipId
): WorkspaceMerge {
  const byId = (w: Workspace) => new Map(w.partnerships.map((p) => [p.id, p]));
  const [inBase, inOurs, inTheirs] = [byId(base), byId(ours), byId(theirs)];
  const conflicts: { reference: string; copyReference: string }[] = [];
  const keptDespiteDeletion: string[] = [];
  let changedElsewhere = false;
  const fromElsewhere: { reference: string; change: "changed" | "added" | "deleted" }[] = [];
  const elsewhere = (p: WorkspacePartnership, change: "changed" | "added" | "deleted") => {
    changedElsewhere = true;
    fromElsewhere.push({ reference: referenceOf(p.document), change });
  };
  const taken = new Set(
    [...ours.partnerships, ...theirs.partnerships].map((p) => referenceOf(p.document).toUpperCase())
  );

  const same = (a: WorkspacePartnership | undefined, b: WorkspacePartnership | undefined) =>
    a !== undefined && b !== undefined && sameJson(a.document, b.document);

  /** What one id becomes: nothing, one partnership, or this window's and the other's copy. */
  function resolve(id: string): WorkspacePartnership[] {
    const [b, o, t] = [inBase.get(id), inOurs.get(id), inTheirs.get(id)];
    if (o && t) {
      if (same(o, t)) return [o];
      if (b && same(o, b)) {
        elsewhere(t, "changed");
        return [t];
      }
      if (b && same(t, b)) return [o];
      // Changed on both sides (or added on both with one id, which random ids make unheard of).
      changedElsewhere = true;
      const reference = referenceOf(o.document);
      const copyReference = conflictReference(referenceOf(t.document), taken);
      taken.add(copyReference.toUpperCase());
      conflicts.push({ reference, copyReference });
      return [o, { ...t, id: newId(), document: withReference(t.document, copyReference) }];
    }
    if (o) {
      // Not in theirs: new here, or deleted there.
      if (!b) return [o];
      if (same(o, b)) {
        elsewhere(o, "deleted");
        return [];
      }
      keptDespiteDeletion.push(referenceOf(o.document));
      return [o];
    }
    if (t) {
      // Not in ours: new there, or deleted here.
      if (!b) {
        elsewhere(t, "added");
        return [t];
      }
      if (same(t, b)) return [];
      elsewhere(t, "changed");
      keptDespiteDeletion.push(referenceOf(t.document));
      return [t];
    }
    return [];
  }

  const ids = [
    ...ours.partnerships.map((p) => p.id),
    ...theirs.partnerships.map((p) => p.id).filter((id) => !inOurs.has(id)),
  ];
  const partnerships = ids.flatMap(resolve);

  let strategy = ours.strategy;
  let strategyConflict = false;
  if (!sameJson(ours.strategy, theirs.strategy)) {
    if (sameJson(ours.strategy, base.strategy)) {
      strategy = theirs.strategy;
      changedElsewhere = true;
    } else if (!sameJson(theirs.strategy, base.strategy)) strategyConflict = true;
  }

  const selectedId = partnerships.some((p) => p.id === ours.selectedId)
    ? ours.selectedId
    : (partnerships[0]?.id ?? null);
  return {
    workspace: { strategy, partnerships, selectedId },
    changedElsewhere,
    fromElsewhere,
    conflicts,
    keptDespiteDeletion,
    strategyConflict,
  };
}

/** What the user is told after a merge, or undefined when there is nothing to say. */
export function describeMerge(merge: WorkspaceMerge): string | undefined {
  const sentences: string[] = [];
  for (const { reference, copyReference } of merge.conflicts)
    sentences.push(
      `${reference} was also changed in another window: both versions are kept, this window's as ${reference} and the other's as ${copyReference}.`
    );
  for (const reference of merge.keptDespiteDeletion)
    sentences.push(`${reference} was deleted in one window and changed in another, so it is kept.`);
  if (merge.strategyConflict)
    sentences.push(
      "The pricing strategy was also replaced in another window; this window's is kept: import the other again if it was the one wanted."
    );
  if (sentences.length === 0 && merge.changedElsewhere) {
    const changes = merge.fromElsewhere.map((c) => `${c.reference} ${c.change}`);
    sentences.push(
      changes.length > 0
        ? `Saved in another window, and now here too: ${changes.join("; ")}.`
        : "The pricing strategy was replaced in another window, and is now used here too."
    );
  }
  return sentences.length > 0 ? sentences.join(" ") : undefined;
}

/**
 * What the pane shows once a save comes back merged: `stored`, the merge of what it handed the store
 * (`saved`) with another window's save, plus whatever the user changed here while that save was under
 * way (`current`, if it is no longer `saved`), which is then still to be saved.
 */
export function withEditsSince(saved: Workspace, current: Workspace, stored: Workspace): Workspace {
  return current === saved ? stored : mergeWorkspaces(saved, current, stored).workspace;
}
