import {
  WorkspaceNotSerializableError,
  readWorkspaceJson,
  serializeWorkspace,
} from "../../../src/taskpane/storage/workspaceJson";
import type { Workspace } from "../../../src/taskpane/storage/workspace";
import { hostileDocument } from "./hostile";

const SAVED_AT = new Date("2026-03-01T09:30:00.000Z");

function workspace(): Workspace {
  return {
    strategy: { format: "nhsdp.pricing-strategy", version: 1, id: "half typed" },
    partnerships: [
      { id: "p-1", updatedAt: "2026-02-27T10:00:00.000Z", document: hostileDocument() },
      { id: "p-2", updatedAt: "2026-02-28T11:00:00.000Z", document: { reference: "" } },
    ],
    selectedId: "p-2",
  };
}

describe("serializing the workspace", () => {
  it("writes a versioned envelope that reads back as the same workspace", () => {
    const text = serializeWorkspace(workspace(), SAVED_AT);
    expect(JSON.parse(text)).toMatchObject({
      format: "nhsdp.workspace",
      version: 1,
      savedAt: "2026-03-01T09:30:00.000Z",
    });
    const read = readWorkspaceJson(text);
    expect(read).toEqual({
      workspace: workspace(),
      savedAt: "2026-03-01T09:30:00.000Z",
      problems: [],
      status: "complete",
    });
  });

  it("refuses values JSON would change, naming each one's path", () => {
    const edited: Workspace = {
      ...workspace(),
      partnerships: [
        {
          id: "p-1",
          updatedAt: "2026-02-27T10:00:00.000Z",
          document: {
            costs: { lines: [{ quantity: NaN }, { unitCost: Infinity }, undefined] },
            quoteDate: new Date(0),
            tags: new Set(["a"]),
            omitted: undefined,
          },
        },
      ],
    };
    let thrown: unknown;
    try {
      serializeWorkspace(edited, SAVED_AT);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkspaceNotSerializableError);
    expect((thrown as WorkspaceNotSerializableError).problems.map((p) => p.path)).toEqual([
      "partnerships[0].document.costs.lines[0].quantity",
      "partnerships[0].document.costs.lines[1].unitCost",
      "partnerships[0].document.costs.lines[2]",
      "partnerships[0].document.quoteDate",
      "partnerships[0].document.tags",
    ]);
  });

  it("refuses a document that refers to itself rather than overflowing", () => {
    const document: Record<string, unknown> = { reference: "loop" };
    document.self = document;
    expect(() =>
      serializeWorkspace(
        {
          strategy: null,
          partnerships: [{ id: "p", updatedAt: SAVED_AT.toISOString(), document }],
          selectedId: "p",
        },
        SAVED_AT
      )
    ).toThrow("partnerships[0].document.self refers back to itself");
  });
});

describe("reading a stored workspace", () => {
  const envelope = (fields: Record<string, unknown>): string =>
    JSON.stringify({
      format: "nhsdp.workspace",
      version: 1,
      savedAt: SAVED_AT.toISOString(),
      ...fields,
    });

  it.each([
    ["text that is not JSON", '{"format": "nhsdp.workspace", "version": 1,', "is not valid JSON"],
    ["an empty store", "", "is empty"],
    ["a list", "[]", "is a list, not a saved workspace"],
    [
      "another document",
      JSON.stringify({ format: "nhsdp.partnership", version: 2 }),
      'its format is "nhsdp.partnership"',
    ],
    [
      "a broken version",
      JSON.stringify({ format: "nhsdp.workspace", version: "1" }),
      "has an invalid version",
    ],
  ])("reads nothing from %s and says why", (_label, text, message) => {
    const read = readWorkspaceJson(text);
    expect(read.status).toBe("unreadable");
    expect(read.workspace).toEqual({ strategy: null, partnerships: [], selectedId: null });
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.message).toContain(message);
  });

  it("leaves a workspace from a newer add-in unread, for that add-in, rather than misreading it", () => {
    const read = readWorkspaceJson(envelope({ version: 2, partnerships: [] }));
    expect(read.status).toBe("unreadable");
    expect(read.problems[0]).toEqual({
      path: "version",
      message: expect.stringContaining(
        "saved by a newer version of the add-in"
      ) as unknown as string,
    });
  });

  it("keeps every readable partnership when others are damaged, and says which were left out", () => {
    const read = readWorkspaceJson(
      envelope({
        strategy: { id: "s" },
        partnerships: [
          { id: "p-1", updatedAt: "2026-02-01T00:00:00Z", document: { reference: "A" } },
          "a stray string",
          { id: "p-3", updatedAt: "2026-02-03T00:00:00Z" },
          { id: "p-4", updatedAt: "2026-02-04T00:00:00Z", document: { reference: "D" } },
        ],
        selectedId: "p-4",
      })
    );
    expect(read.status).toBe("partial");
    expect(read.workspace.partnerships.map((p) => p.id)).toEqual(["p-1", "p-4"]);
    expect(read.workspace.selectedId).toBe("p-4");
    expect(read.workspace.strategy).toEqual({ id: "s" });
    expect(read.problems).toEqual([
      {
        path: "partnerships[1]",
        message: 'is "a stray string", not a saved partnership: it is left out',
      },
      { path: "partnerships[2]", message: "is an object, not a saved partnership: it is left out" },
    ]);
  });

  it("repairs ids and times rather than dropping a partnership, and says so", () => {
    const read = readWorkspaceJson(
      envelope({
        partnerships: [
          { id: "p-1", updatedAt: "yesterday", document: { reference: "A" } },
          { id: "p-1", updatedAt: "2026-02-02T00:00:00Z", document: { reference: "B" } },
          { id: 7, updatedAt: "2026-02-03T00:00:00Z", document: { reference: "C" } },
        ],
        selectedId: "gone",
      })
    );
    expect(read.status).toBe("complete");
    const [first, second, third] = read.workspace.partnerships;
    expect(first).toEqual({
      id: "p-1",
      updatedAt: SAVED_AT.toISOString(),
      document: { reference: "A" },
    });
    expect(second?.id).toMatch(/^p-[0-9a-f]{32}$/);
    expect(second?.document).toEqual({ reference: "B" });
    expect(third?.id).toMatch(/^p-[0-9a-f]{32}$/);
    expect(new Set(read.workspace.partnerships.map((p) => p.id)).size).toBe(3);
    expect(read.workspace.selectedId).toBe("p-1");
    expect(read.problems.map((p) => p.path)).toEqual([
      "partnerships[0].updatedAt",
      "partnerships[1].id",
      "partnerships[2].id",
      "selectedId",
    ]);
  });

  it("reports partnerships that are not a list as a partial read", () => {
    const read = readWorkspaceJson(envelope({ partnerships: { "p-1": {} } }));
    expect(read.status).toBe("partial");
    expect(read.problems).toEqual([
      { path: "partnerships", message: "is an object, not a list: no partnership could be read" },
    ]);
  });
});
