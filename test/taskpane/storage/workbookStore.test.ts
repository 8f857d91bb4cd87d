import { XMLValidator } from "fast-xml-parser";
import { createWorkbookStore } from "../../../src/taskpane/storage/workbookStore";
import { WorkspaceSaveError } from "../../../src/taskpane/storage/workspaceStore";
import { workspaceXml } from "../../../src/taskpane/storage/workspaceXml";
import type { Workspace } from "../../../src/taskpane/storage/workspace";
import { createCustomXmlPartsMock, officeError } from "../../support/customXmlPartsMock";
import { HOSTILE_STRINGS, hostileDocument } from "./hostile";

const NAMESPACE = "urn:nhsdp:workspace";
const clock = (iso: string) => () => new Date(iso);

function workspace(reference = "DP-1"): Workspace {
  return {
    strategy: { format: "nhsdp.pricing-strategy", version: 1, name: HOSTILE_STRINGS.join("") },
    partnerships: [
      { id: "p-1", updatedAt: "2026-03-01T09:00:00.000Z", document: { reference } },
      { id: "p-2", updatedAt: "2026-03-01T09:05:00.000Z", document: hostileDocument() },
    ],
    selectedId: "p-2",
  };
}

/** A part as the store writes it, built here from the envelope written out by hand. */
function storedPart(id: string, savedAt: string, ws: Workspace) {
  const json = JSON.stringify({ format: "nhsdp.workspace", version: 1, savedAt, ...ws });
  return { id, xml: workspaceXml(json) };
}

describe("the workspace in the workbook (custom XML part)", () => {
  it("loads an empty workbook in one sync and saves the first time in two more (is there a part now? add one)", async () => {
    const excel = createCustomXmlPartsMock();
    const store = createWorkbookStore(excel.run, { now: clock("2026-03-01T10:00:00.000Z") });
    expect(store.kind).toBe("workbook");

    const loaded = await store.load();
    expect(loaded).toEqual({
      workspace: { strategy: null, partnerships: [], selectedId: null },
      problems: [],
    });
    expect(excel.syncs()).toBe(1);

    await store.save(workspace());
    expect(excel.syncs()).toBe(3);
    expect(excel.parts()).toHaveLength(1);
    expect(XMLValidator.validate(excel.parts()[0]?.xml ?? "")).toBe(true);
  });

  it("saves again into the same part with two syncs each time: one reads its revision, one writes", async () => {
    const excel = createCustomXmlPartsMock();
    const store = createWorkbookStore(excel.run);
    await store.load();
    await store.save(workspace("DP-1"));
    const afterFirstSave = excel.syncs();
    for (let i = 2; i <= 5; i++) await store.save(workspace(`DP-${i}`));
    expect(excel.syncs() - afterFirstSave).toBe(4 * 2);
    expect(excel.runs()).toBe(1 + 5);
    expect(excel.parts()).toHaveLength(1);
  });

  it("restores exactly what was saved, hostile text included, in two syncs", async () => {
    const excel = createCustomXmlPartsMock();
    const writer = createWorkbookStore(excel.run, { now: clock("2026-03-01T10:00:00.000Z") });
    await writer.load();
    await writer.save(workspace());

    const reopened = createCustomXmlPartsMock({ parts: excel.parts() });
    const reader = createWorkbookStore(reopened.run);
    const loaded = await reader.load();
    expect(reopened.syncs()).toBe(2);
    expect(loaded).toEqual({
      workspace: workspace(),
      savedAt: "2026-03-01T10:00:00.000Z",
      problems: [],
    });

    // The reopened store writes over the part it loaded (reading its revision first: two syncs),
    // rather than adding another.
    await reader.save(workspace("changed"));
    expect(reopened.syncs()).toBe(4);
    expect(reopened.parts()).toHaveLength(1);
  });

  it("reads a part the host hands back re-serialized (declaration, prefix, CDATA)", async () => {
    const part = storedPart("{A}", "2026-03-01T10:00:00.000Z", workspace());
    const excel = createCustomXmlPartsMock({
      parts: [part],
      returnedXml: (xml) => {
        const inner = /^<workspace[^>]*>([\s\S]*)<\/workspace>$/.exec(xml)?.[1] ?? "";
        const json = inner
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&#xD;/g, "\r")
          .replace(/&amp;/g, "&");
        const cdata = `<![CDATA[${json.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
        return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ns0:workspace xmlns:ns0="${NAMESPACE}">${cdata}</ns0:workspace>`;
      },
    });
    const loaded = await createWorkbookStore(excel.run).load();
    expect(loaded.problems).toEqual([]);
    expect(loaded.workspace).toEqual(workspace());
  });

  it("ignores custom XML parts of other namespaces", async () => {
    const excel = createCustomXmlPartsMock({
      parts: [
        {
          id: "{OTHER}",
          xml: `<Reviewers xmlns="http://schemas.contoso.com/review/1.0"><Reviewer>Juan</Reviewer></Reviewers>`,
        },
      ],
    });
    const store = createWorkbookStore(excel.run);
    expect((await store.load()).problems).toEqual([]);
    expect(excel.syncs()).toBe(1);
    await store.save(workspace());
    expect(excel.parts().map((p) => p.id)).toEqual(["{OTHER}", expect.any(String)]);
    expect(excel.parts()[0]?.xml).toContain("<Reviewer>Juan</Reviewer>");
  });

  it("opens the newest of several copies, saves into it, and says the others are kept", async () => {
    const older = storedPart("{OLD}", "2026-01-01T00:00:00.000Z", workspace("older"));
    const newer = storedPart("{NEW}", "2026-02-01T00:00:00.000Z", workspace("newer"));
    const broken = {
      id: "{BROKEN}",
      xml: `<workspace xmlns="${NAMESPACE}">{"format": "nhsdp.workspace", "vers</workspace>`,
    };
    const excel = createCustomXmlPartsMock({ parts: [older, broken, newer] });
    const store = createWorkbookStore(excel.run);
    const loaded = await store.load();
    expect((loaded.workspace.partnerships[0]?.document as { reference: string }).reference).toBe(
      "newer"
    );
    expect(loaded.problems.map((p) => p.path)).toEqual([
      "custom XML part {OLD}",
      "custom XML part {BROKEN}",
    ]);
    expect(loaded.problems[0]?.message).toContain(
      "saved 2026-01-01T00:00:00.000Z, older than the one opened"
    );
    expect(loaded.problems[1]?.message).toContain("could not be read");
    expect(loaded.problems[1]?.message).toContain("is not valid JSON");

    await store.save(workspace("edited"));
    const byId = new Map(excel.parts().map((p) => [p.id, p.xml]));
    expect(byId.get("{OLD}")).toBe(older.xml);
    expect(byId.get("{BROKEN}")).toBe(broken.xml);
    expect(byId.get("{NEW}")).toContain("edited");
  });

  it("never writes over a part it could not read completely: it saves what it read in a new part", async () => {
    const json = JSON.stringify({
      format: "nhsdp.workspace",
      version: 1,
      savedAt: "2026-02-01T00:00:00.000Z",
      strategy: null,
      partnerships: [
        { id: "p-1", updatedAt: "2026-02-01T00:00:00.000Z", document: { reference: "kept" } },
        42,
      ],
      selectedId: "p-1",
    });
    const damaged = { id: "{DAMAGED}", xml: workspaceXml(json) };
    const excel = createCustomXmlPartsMock({ parts: [damaged] });
    const store = createWorkbookStore(excel.run, { now: clock("2026-03-01T00:00:00.000Z") });
    const loaded = await store.load();
    expect(loaded.workspace.partnerships.map((p) => p.id)).toEqual(["p-1"]);
    expect(loaded.problems).toEqual([
      {
        path: "custom XML part {DAMAGED}, partnerships[1]",
        message: "is 42, not a saved partnership: it is left out",
      },
      {
        path: "custom XML part {DAMAGED}",
        message: expect.stringContaining("kept in the workbook unchanged") as unknown as string,
      },
    ]);

    await store.save(loaded.workspace);
    await store.save(loaded.workspace);
    expect(excel.parts()).toHaveLength(2);
    expect(excel.parts()[0]).toEqual(damaged);

    // Reopened: the new, complete copy is newer and opens; the damaged one is still mentioned.
    const reopened = await createWorkbookStore(
      createCustomXmlPartsMock({ parts: excel.parts() }).run
    ).load();
    expect(reopened.savedAt).toBe("2026-03-01T00:00:00.000Z");
    expect(reopened.problems.map((p) => p.path)).toEqual(["custom XML part {DAMAGED}"]);
  });

  it("leaves a workspace saved by a newer add-in untouched", async () => {
    const future = {
      id: "{FUTURE}",
      xml: workspaceXml(
        JSON.stringify({
          format: "nhsdp.workspace",
          version: 9,
          savedAt: "2030-01-01T00:00:00.000Z",
        })
      ),
    };
    const excel = createCustomXmlPartsMock({ parts: [future] });
    const store = createWorkbookStore(excel.run);
    const loaded = await store.load();
    expect(loaded.problems[0]?.message).toContain("saved by a newer version of the add-in");
    await store.save(workspace());
    expect(excel.parts()[0]).toEqual(future);
  });

  it("refuses to save before loading, so it cannot write over what it has not read", async () => {
    const excel = createCustomXmlPartsMock();
    const store = createWorkbookStore(excel.run);
    await expect(store.save(workspace())).rejects.toMatchObject({ failure: "not-loaded" });
    expect(excel.syncs()).toBe(0);
  });

  it("says what went wrong when Excel refuses a save, and writes nothing", async () => {
    const excel = createCustomXmlPartsMock();
    const store = createWorkbookStore(excel.run);
    await store.load();
    excel.failNextSync(
      officeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit."
      )
    );
    const failed = store.save(workspace());
    await expect(failed).rejects.toBeInstanceOf(WorkspaceSaveError);
    await expect(failed).rejects.toMatchObject({
      failure: "full",
      message: expect.stringContaining(
        "too large for Excel to save in one request"
      ) as unknown as string,
    });
    expect(excel.parts()).toEqual([]);

    excel.failNextSync(officeError("GeneralException", "There was an internal error."));
    await expect(store.save(workspace())).rejects.toMatchObject({
      failure: "failed",
      message: expect.stringContaining(
        "could not be saved in this workbook: There was an internal error."
      ) as unknown as string,
    });
  });

  it("writes a new part at the next save when its part was removed since loading", async () => {
    const excel = createCustomXmlPartsMock({
      parts: [storedPart("{A}", "2026-02-01T00:00:00.000Z", workspace())],
    });
    const store = createWorkbookStore(excel.run);
    await store.load();
    excel.removePart("{A}");
    await expect(store.save(workspace("after removal"))).rejects.toMatchObject({
      failure: "failed",
      message: expect.stringContaining("has been removed from the workbook") as unknown as string,
    });
    await store.save(workspace("after removal"));
    expect(excel.parts()).toHaveLength(1);
    expect(excel.parts()[0]?.xml).toContain("after removal");
  });

  it("refuses a workspace holding a value JSON would change, before calling Excel", async () => {
    const excel = createCustomXmlPartsMock();
    const store = createWorkbookStore(excel.run);
    await store.load();
    const syncs = excel.syncs();
    const bad: Workspace = { ...workspace(), strategy: { rate: NaN } };
    await expect(store.save(bad)).rejects.toMatchObject({
      failure: "not-serializable",
      message: expect.stringContaining("strategy.rate is NaN") as unknown as string,
    });
    expect(excel.syncs()).toBe(syncs);
  });
});

describe("two panes or windows saving one workbook's workspace", () => {
  const partnership = (id: string, reference: string, purpose: string) => ({
    id,
    updatedAt: "2026-03-01T09:00:00.000Z",
    document: { reference, purpose },
  });
  const both: Workspace = {
    strategy: null,
    partnerships: [partnership("p-1", "DP-1", "one"), partnership("p-2", "DP-2", "two")],
    selectedId: "p-1",
  };
  const edit = (ws: Workspace, id: string, purpose: string): Workspace => ({
    ...ws,
    partnerships: ws.partnerships.map((p) =>
      p.id === id ? { ...p, document: { ...(p.document as object), purpose } } : p
    ),
  });
  const stored = (excel: ReturnType<typeof createCustomXmlPartsMock>) => {
    const xml = excel.parts()[0]!.xml;
    const json = xml
      .replace(/^<workspace[^>]*>/, "")
      .replace(/<\/workspace>$/, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    return JSON.parse(json) as {
      revision?: string;
      partnerships: { id: string; document: { reference: string; purpose: string } }[];
    };
  };

  async function twoPanes() {
    const excel = createCustomXmlPartsMock({
      parts: [storedPart("{A}", "2026-03-01T10:00:00.000Z", both)],
    });
    const a = createWorkbookStore(excel.run, { now: clock("2026-03-01T11:00:00.000Z") });
    const b = createWorkbookStore(excel.run, { now: clock("2026-03-01T11:00:01.000Z") });
    await a.load();
    await b.load();
    return { excel, a, b };
  }

  it("on a workbook both opened empty, the second pane's first save merges into the part the first added", async () => {
    const excel = createCustomXmlPartsMock();
    const a = createWorkbookStore(excel.run);
    const b = createWorkbookStore(excel.run);
    await a.load();
    await b.load();
    await a.save({
      strategy: null,
      partnerships: [partnership("p-a", "DP-A", "A's")],
      selectedId: "p-a",
    });
    const syncs = excel.syncs();
    const outcome = await b.save({
      strategy: null,
      partnerships: [partnership("p-b", "DP-B", "B's")],
      selectedId: "p-b",
    });
    expect(excel.syncs() - syncs).toBe(3);
    expect(excel.parts()).toHaveLength(1);
    expect(stored(excel).partnerships.map((p) => p.document.reference)).toEqual(["DP-B", "DP-A"]);
    expect(outcome.notice).toBe("Saved in another window, and now here too: DP-A added.");
    // From then on both write into that one part, each merging the other's saves.
    await a.save({
      strategy: null,
      partnerships: [partnership("p-a", "DP-A", "A's, again")],
      selectedId: "p-a",
    });
    expect(excel.parts()).toHaveLength(1);
    expect(stored(excel).partnerships.map((p) => p.document.purpose)).toEqual([
      "A's, again",
      "B's",
    ]);
  });

  it("writes a new revision with every save", async () => {
    const { excel, a } = await twoPanes();
    await a.save(edit(both, "p-1", "first save"));
    const first = stored(excel).revision;
    await a.save(edit(both, "p-1", "second save"));
    const second = stored(excel).revision;
    expect(first).toMatch(/^r-[0-9a-f]{16}$/);
    expect(second).toMatch(/^r-[0-9a-f]{16}$/);
    expect(second).not.toBe(first);
  });

  it("merges when the panes changed different partnerships: neither edit is lost, in two syncs", async () => {
    const { excel, a, b } = await twoPanes();
    expect(await a.save(edit(both, "p-1", "one, edited in A"))).toEqual({});
    // B still has the workspace as loaded, with its own edit to the other partnership.
    const syncs = excel.syncs();
    const outcome = await b.save(edit(both, "p-2", "two, edited in B"));
    expect(excel.syncs() - syncs).toBe(2);
    const merged: Workspace = {
      strategy: null,
      partnerships: [
        partnership("p-1", "DP-1", "one, edited in A"),
        partnership("p-2", "DP-2", "two, edited in B"),
      ],
      selectedId: "p-1",
    };
    expect(outcome).toEqual({
      workspace: merged,
      notice: "Saved in another window, and now here too: DP-1 changed.",
      attention: false,
    });
    expect(stored(excel).partnerships.map((p) => p.document.purpose)).toEqual([
      "one, edited in A",
      "two, edited in B",
    ]);
    // A, which has not seen B's edit, saves again: B's edit stays.
    const again = await a.save(edit(both, "p-1", "one, edited in A again"));
    expect(
      again.workspace?.partnerships.map((p) => (p.document as { purpose: string }).purpose)
    ).toEqual(["one, edited in A again", "two, edited in B"]);
    expect(stored(excel).partnerships.map((p) => p.document.purpose)).toEqual([
      "one, edited in A again",
      "two, edited in B",
    ]);
  });

  it("keeps both versions of a partnership both panes changed, the other's as a marked copy, and says so", async () => {
    const { excel, a, b } = await twoPanes();
    await a.save(edit(both, "p-1", "A's purpose"));
    const outcome = await b.save(edit(both, "p-1", "B's purpose"));
    expect(outcome.attention).toBe(true);
    expect(outcome.notice).toBe(
      "DP-1 was also changed in another window: both versions are kept, this window's as DP-1 and the other's as DP-1 (from another window)."
    );
    expect(
      stored(excel).partnerships.map((p) => [p.document.reference, p.document.purpose])
    ).toEqual([
      ["DP-1", "B's purpose"],
      ["DP-1 (from another window)", "A's purpose"],
      ["DP-2", "two"],
    ]);
    expect(excel.parts()).toHaveLength(1);
  });

  it("writes nothing when the pane had no change of its own: it takes what the other saved", async () => {
    const { excel, a, b } = await twoPanes();
    await a.save(edit(both, "p-2", "A's"));
    const before = excel.parts()[0]!.xml;
    const outcome = await b.save(both);
    expect(excel.parts()[0]!.xml).toBe(before);
    expect(outcome.workspace).toEqual(edit(both, "p-2", "A's"));
  });

  it("sets aside a copy it cannot read, saved by another window since, and saves in a new part", async () => {
    const { excel, a } = await twoPanes();
    const unreadable = `<workspace xmlns="${NAMESPACE}">{"format": "nhsdp.workspace", "vers</workspace>`;
    // Another window's save this pane cannot read, written into the part it loaded.
    await excel.run(async (context) => {
      context.workbook.customXmlParts.getItem("{A}").setXml(unreadable);
      await context.sync();
    });
    const outcome = await a.save(edit(both, "p-1", "A's"));
    expect(outcome.attention).toBe(true);
    expect(outcome.notice).toContain("that copy is kept in custom XML part {A}");
    expect(excel.parts().map((p) => p.id)).toEqual(["{A}", expect.any(String)]);
    expect(excel.parts()[0]!.xml).toBe(unreadable);
    expect(excel.parts()[1]!.xml).toContain("A's");
  });
});
