/**
 * The workspace as JSON text, both ways. Writing refuses anything JSON would silently change (NaN
 * becomes null, a Date becomes text, a Map becomes {}), because the user would find their typing
 * altered after a reload. Reading never throws: it keeps everything it can, says what it could not
 * read, and tells the store whether the stored text must be kept because something was dropped.
 */
import { z } from "zod";
import { formatPath } from "../../document/issues";
import { readJsonText } from "../../document/parse";
import {
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  emptyWorkspace,
  newPartnershipId,
  type Workspace,
  type WorkspaceEnvelope,
  type WorkspacePartnership,
  type WorkspaceProblem,
} from "./workspace";

/** A workspace holds a value JSON cannot carry unchanged; saving it would lose what the user typed. */
export class WorkspaceNotSerializableError extends Error {
  constructor(readonly problems: readonly WorkspaceProblem[]) {
    super(
      `The workspace cannot be saved without changing it: ${problems
        .map((p) => `${p.path} ${p.message}`)
        .join("; ")}`
    );
    this.name = "WorkspaceNotSerializableError";
  }
}

type Key = string | number;

/** Values JSON.stringify would drop or alter, each with its path in the workspace. */
function unserializableValues(value: unknown, path: Key[], seen: Set<object>): WorkspaceProblem[] {
  const at = (message: string): WorkspaceProblem[] => [{ path: formatPath(path), message }];
  switch (typeof value) {
    case "string":
    case "boolean":
      return [];
    case "number":
      return Number.isFinite(value) ? [] : at(`is ${String(value)}, which JSON cannot hold`);
    case "undefined":
      // An absent field is still absent after a reload; only a hole in a list would move items.
      return typeof path[path.length - 1] === "number"
        ? at("is undefined in a list, which JSON would turn into null")
        : [];
    case "bigint":
    case "function":
    case "symbol":
      return at(`is a ${typeof value}, which JSON cannot hold`);
  }
  if (value === null) return [];
  const object = value as object;
  if (seen.has(object)) return at("refers back to itself, which JSON cannot hold");
  seen.add(object);
  try {
    if (Array.isArray(object))
      return object.flatMap((item, i) => unserializableValues(item, [...path, i], seen));
    const prototype = Object.getPrototypeOf(object) as unknown;
    if (prototype !== Object.prototype && prototype !== null)
      return at(
        `is a ${object.constructor?.name ?? "non-plain object"}, which JSON would not keep as it is`
      );
    return Object.entries(object).flatMap(([key, item]) =>
      unserializableValues(item, [...path, key], seen)
    );
  } finally {
    seen.delete(object);
  }
}

/** The envelope for `workspace` as JSON text, or WorkspaceNotSerializableError naming each value JSON would change. */
export function serializeWorkspace(workspace: Workspace, savedAt: Date, revision?: string): string {
  const envelope: WorkspaceEnvelope = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    savedAt: savedAt.toISOString(),
    ...(revision !== undefined ? { revision } : {}),
    strategy: workspace.strategy,
    partnerships: workspace.partnerships.map(({ id, updatedAt, document }) => ({
      id,
      updatedAt,
      document,
    })),
    selectedId: workspace.selectedId,
  };
  const problems = [
    ...unserializableValues(envelope.strategy, ["strategy"], new Set()),
    ...envelope.partnerships.flatMap((p, i) =>
      unserializableValues(p.document, ["partnerships", i, "document"], new Set())
    ),
  ];
  if (problems.length > 0) throw new WorkspaceNotSerializableError(problems);
  // No indentation: outside its strings the text is then plain ASCII, which the XML writer relies on.
  return JSON.stringify(envelope);
}

export interface WorkspaceRead {
  /** Everything that could be read; an empty workspace when nothing could. */
  readonly workspace: Workspace;
  /** When the stored copy was written, if it says. */
  readonly savedAt?: string;
  /** The copy's revision token, if it has one (copies saved before revisions have none). */
  readonly revision?: string;
  /** What could not be read, or was repaired, and where. */
  readonly problems: readonly WorkspaceProblem[];
  /**
   * "complete": everything stored is in `workspace` (perhaps repaired, as `problems` say).
   * "partial": some of it could not be read and is missing from `workspace`.
   * "unreadable": nothing could be read (not JSON, not a workspace, a newer version).
   * Unless complete, the store must keep the stored text rather than write over it.
   */
  readonly status: "complete" | "partial" | "unreadable";
}

const envelopeHeader = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.number().int().min(1),
});
const isoTimestamp = z.iso.datetime({ offset: true });
const partnershipId = z.string().trim().min(1).max(200);

/**
 * Steps from an older envelope version to the next: `upgrades[n]` turns a version-n envelope into
 * version n+1. None yet; version 1 is the first.
 */
const ENVELOPE_UPGRADES: Readonly<
  Record<number, (envelope: Record<string, unknown>) => Record<string, unknown>>
> = {};

function unreadable(problems: WorkspaceProblem[]): WorkspaceRead {
  return { workspace: emptyWorkspace(), problems, status: "unreadable" };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `"${value.slice(0, 40)}"`;
    case "number":
    case "boolean":
      return String(value);
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

/** Reads stored workspace text. Never throws. */
export function readWorkspaceJson(text: string): WorkspaceRead {
  const json = readJsonText(text);
  if (!json.ok)
    return unreadable([
      { path: "(workspace)", message: json.issues.map((i) => i.message).join("; ") },
    ]);
  return readWorkspaceValue(json.json);
}

/** Reads a stored workspace already parsed from JSON. Never throws. */
export function readWorkspaceValue(value: unknown): WorkspaceRead {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return unreadable([
      { path: "(workspace)", message: `is ${describe(value)}, not a saved workspace` },
    ]);
  let envelope = value as Record<string, unknown>;
  const header = envelopeHeader.safeParse(envelope);
  if (!header.success)
    return unreadable([
      {
        path: "(workspace)",
        message:
          envelope.format !== WORKSPACE_FORMAT
            ? `is not a saved workspace: its format is ${describe(envelope.format)}, not "${WORKSPACE_FORMAT}"`
            : `has an invalid version, ${describe(envelope.version)}`,
      },
    ]);
  if (header.data.version > WORKSPACE_VERSION)
    return unreadable([
      {
        path: "version",
        message: `is ${header.data.version}: it was saved by a newer version of the add-in, and this one reads up to version ${WORKSPACE_VERSION}. It is left as it is; update the add-in to open it.`,
      },
    ]);
  for (let version = header.data.version; version < WORKSPACE_VERSION; version++) {
    const step = ENVELOPE_UPGRADES[version];
    if (step === undefined)
      return unreadable([
        { path: "version", message: `is ${version}, which this add-in cannot upgrade` },
      ]);
    envelope = step(envelope);
  }
  return readCurrentEnvelope(envelope);
}

function readCurrentEnvelope(envelope: Record<string, unknown>): WorkspaceRead {
  const problems: WorkspaceProblem[] = [];
  let complete = true;

  const savedAt = isoTimestamp.safeParse(envelope.savedAt);
  if (!savedAt.success)
    problems.push({
      path: "savedAt",
      message: `is ${describe(envelope.savedAt)}, not a date and time`,
    });

  const strategy = envelope.strategy === undefined ? null : envelope.strategy;

  const partnerships: WorkspacePartnership[] = [];
  const storedList = envelope.partnerships ?? [];
  if (!Array.isArray(storedList)) {
    problems.push({
      path: "partnerships",
      message: `is ${describe(storedList)}, not a list: no partnership could be read`,
    });
    complete = false;
  } else {
    const ids = new Set<string>();
    storedList.forEach((entry: unknown, index) => {
      const path = `partnerships[${index}]`;
      if (
        typeof entry !== "object" ||
        entry === null ||
        Array.isArray(entry) ||
        !("document" in entry)
      ) {
        problems.push({
          path,
          message: `is ${describe(entry)}, not a saved partnership: it is left out`,
        });
        complete = false;
        return;
      }
      const stored = entry as Record<string, unknown>;
      let id: string;
      const storedId = partnershipId.safeParse(stored.id);
      if (storedId.success && !ids.has(storedId.data)) id = storedId.data;
      else {
        id = newPartnershipId();
        problems.push({
          path: `${path}.id`,
          message: storedId.success
            ? `"${storedId.data}" is used twice: this one is given a new id`
            : `is ${describe(stored.id)}, not an id: the partnership is kept under a new id`,
        });
      }
      ids.add(id);
      const updatedAt = isoTimestamp.safeParse(stored.updatedAt);
      if (!updatedAt.success)
        problems.push({
          path: `${path}.updatedAt`,
          message: `is ${describe(stored.updatedAt)}, not a date and time: the save time is used`,
        });
      partnerships.push({
        id,
        updatedAt: updatedAt.success
          ? updatedAt.data
          : savedAt.success
            ? savedAt.data
            : new Date(0).toISOString(),
        document: stored.document,
      });
    });
  }

  let selectedId: string | null = null;
  if (
    typeof envelope.selectedId === "string" &&
    partnerships.some((p) => p.id === envelope.selectedId)
  )
    selectedId = envelope.selectedId;
  else {
    selectedId = partnerships[0]?.id ?? null;
    if (envelope.selectedId !== null && envelope.selectedId !== undefined)
      problems.push({
        path: "selectedId",
        message: `is ${describe(envelope.selectedId)}, which names no saved partnership: ${
          selectedId === null ? "none is opened" : "the first is opened"
        }`,
      });
  }

  return {
    workspace: { strategy, partnerships, selectedId },
    ...(savedAt.success ? { savedAt: savedAt.data } : {}),
    ...(typeof envelope.revision === "string" ? { revision: envelope.revision } : {}),
    problems,
    status: complete ? "complete" : "partial",
  };
}
