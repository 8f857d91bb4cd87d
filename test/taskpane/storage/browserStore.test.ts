import {
  BROWSER_WORKSPACE_KEY,
  createBrowserStore,
  isQuotaExceeded,
  openBrowserStorage,
} from "../../../src/taskpane/storage/browserStore";
import type { Workspace } from "../../../src/taskpane/storage/workspace";
import { HOSTILE_STRINGS, hostileDocument } from "./hostile";

/** The DOMException browsers throw when localStorage is full (Chromium and WebKit: name and code 22). */
function quotaError(): Error {
  return Object.assign(new Error("Setting the value of 'nhsdp.workspace' exceeded the quota."), {
    name: "QuotaExceededError",
    code: 22,
  });
}

/** localStorage with a quota counted in UTF-16 code units of keys and values, as Chromium counts. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.quota) throw quotaError();
    this.items.set(key, value);
  }
}

const NOW = "2026-03-01T10:00:00.000Z";
const now = () => new Date(NOW);

function workspace(reference = "DP-1"): Workspace {
  return {
    strategy: { name: HOSTILE_STRINGS.join("") },
    partnerships: [
      { id: "p-1", updatedAt: "2026-03-01T09:00:00.000Z", document: { reference } },
      { id: "p-2", updatedAt: "2026-03-01T09:05:00.000Z", document: hostileDocument() },
    ],
    selectedId: "p-1",
  };
}

describe("the workspace in the browser's storage", () => {
  it("restores exactly what was saved, hostile text included", async () => {
    const storage = new MemoryStorage();
    const writer = createBrowserStore(storage, { now });
    expect(writer.kind).toBe("browser");
    expect(await writer.load()).toEqual({
      workspace: { strategy: null, partnerships: [], selectedId: null },
      problems: [],
    });
    await writer.save(workspace());
    expect([...storage.items.keys()]).toEqual([BROWSER_WORKSPACE_KEY]);

    const loaded = await createBrowserStore(storage).load();
    expect(loaded).toEqual({ workspace: workspace(), savedAt: NOW, problems: [] });
  });

  it("uses the key it is given, so Office's partition key can prefix it", async () => {
    const storage = new MemoryStorage();
    const store = createBrowserStore(storage, { key: "partition-123nhsdp.workspace" });
    await store.load();
    await store.save(workspace());
    expect([...storage.items.keys()]).toEqual(["partition-123nhsdp.workspace"]);
  });

  it("says the storage is full, with the size, and keeps the last saved copy", async () => {
    const storage = new MemoryStorage(2000);
    const store = createBrowserStore(storage, { now });
    await store.load();
    const small: Workspace = { strategy: null, partnerships: [], selectedId: null };
    await store.save(small);
    const saved = storage.getItem(BROWSER_WORKSPACE_KEY);

    await expect(store.save(workspace())).rejects.toMatchObject({
      name: "WorkspaceSaveError",
      failure: "full",
      message: expect.stringMatching(
        /storage for the page is full, so the latest changes \(\d+ KB in all\) are not saved/
      ) as unknown as string,
    });
    expect(storage.getItem(BROWSER_WORKSPACE_KEY)).toBe(saved);
  });

  it("says so on load and on every save when the browser gives the page no storage", async () => {
    const store = createBrowserStore(undefined);
    const loaded = await store.load();
    expect(loaded.workspace.partnerships).toEqual([]);
    expect(loaded.problems).toEqual([
      {
        path: "browser storage",
        message: expect.stringContaining(
          "a private window, or site data blocked"
        ) as unknown as string,
      },
    ]);
    await expect(store.save(workspace())).rejects.toMatchObject({ failure: "unavailable" });
  });

  it("finds storage unavailable when touching it throws, and available but full when it holds something", () => {
    const blocked = openBrowserStorage(() => {
      throw Object.assign(new Error("The operation is insecure."), { name: "SecurityError" });
    });
    expect(blocked).toBeUndefined();

    const zeroQuota = new MemoryStorage(0);
    expect(openBrowserStorage(() => zeroQuota)).toBeUndefined();

    const full = new MemoryStorage(30);
    full.setItem("a", "b");
    expect(openBrowserStorage(() => full)).toBe(full);
    expect(full.getItem(`${BROWSER_WORKSPACE_KEY}.probe`)).toBeNull();

    const roomy = new MemoryStorage();
    expect(openBrowserStorage(() => roomy)).toBe(roomy);
    expect(roomy.length).toBe(0);
  });

  it("recognises quota errors as each browser names them", () => {
    expect(isQuotaExceeded(quotaError())).toBe(true);
    expect(isQuotaExceeded({ name: "NS_ERROR_DOM_QUOTA_REACHED", code: 1014 })).toBe(true);
    expect(isQuotaExceeded({ name: "SecurityError", code: 18 })).toBe(false);
    expect(isQuotaExceeded("QuotaExceededError")).toBe(false);
  });

  it("copies an unreadable stored workspace aside before anything is saved over it", async () => {
    const storage = new MemoryStorage();
    const damaged = '{"format":"nhsdp.workspace","version":1,"partnerships":[{"id":"p-1"';
    storage.setItem(BROWSER_WORKSPACE_KEY, damaged);
    const store = createBrowserStore(storage, { now });
    const loaded = await store.load();
    const backupKey = `${BROWSER_WORKSPACE_KEY}.unread.${NOW}`;
    expect(storage.getItem(backupKey)).toBe(damaged);
    expect(loaded.problems.map((p) => p.path)).toEqual([
      `browser storage "${BROWSER_WORKSPACE_KEY}", (workspace)`,
      `browser storage "${BROWSER_WORKSPACE_KEY}"`,
    ]);
    expect(loaded.problems[0]?.message).toContain("is not valid JSON");
    expect(loaded.problems[1]?.message).toContain(`kept, unchanged, under "${backupKey}"`);

    await store.save(workspace());
    expect(storage.getItem(backupKey)).toBe(damaged);
  });

  it("will not save over an unreadable workspace it has no room to copy aside", async () => {
    const damaged = "not json at all";
    const storage = new MemoryStorage(BROWSER_WORKSPACE_KEY.length + damaged.length);
    storage.setItem(BROWSER_WORKSPACE_KEY, damaged);
    const store = createBrowserStore(storage, { now });
    const loaded = await store.load();
    expect(loaded.problems[1]?.message).toContain("nothing will be saved over it");
    await expect(store.save(workspace())).rejects.toMatchObject({ failure: "full" });
    expect(storage.getItem(BROWSER_WORKSPACE_KEY)).toBe(damaged);
  });

  it("refuses to save before loading", async () => {
    const storage = new MemoryStorage();
    storage.setItem(BROWSER_WORKSPACE_KEY, "earlier work");
    await expect(createBrowserStore(storage).save(workspace())).rejects.toMatchObject({
      failure: "not-loaded",
    });
    expect(storage.getItem(BROWSER_WORKSPACE_KEY)).toBe("earlier work");
  });

  it("writes synchronously within save, so a save started on page hide completes", () => {
    const storage = new MemoryStorage();
    const store = createBrowserStore(storage, { now });
    return store.load().then(() => {
      void store.save(workspace());
      expect(storage.getItem(BROWSER_WORKSPACE_KEY)).toContain('"DP-1"');
    });
  });
});

describe("two tabs saving one browser's workspace", () => {
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
  const purposes = (storage: MemoryStorage) =>
    (
      JSON.parse(storage.getItem(BROWSER_WORKSPACE_KEY)!) as {
        partnerships: { document: { reference: string; purpose: string } }[];
      }
    ).partnerships.map((p) => `${p.document.reference}: ${p.document.purpose}`);

  async function twoTabs() {
    const storage = new MemoryStorage();
    const first = createBrowserStore(storage, { now });
    await first.load();
    await first.save(both);
    const a = createBrowserStore(storage, { now });
    const b = createBrowserStore(storage, { now });
    await a.load();
    await b.load();
    return { storage, a, b };
  }

  it("a stale tab's save merges: A's edit survives B's save, and B's survives A's next one", async () => {
    const { storage, a, b } = await twoTabs();
    await a.save(edit(both, "p-1", "edited in A"));
    const outcome = await b.save({
      ...both,
      partnerships: [...both.partnerships, partnership("p-3", "DP-3", "new in B")],
    });
    expect(purposes(storage)).toEqual(["DP-1: edited in A", "DP-2: two", "DP-3: new in B"]);
    expect(outcome.notice).toBe("Saved in another window, and now here too: DP-1 changed.");
    // A has not seen B's new partnership; its next save keeps it.
    await a.save(edit(both, "p-1", "edited in A again"));
    expect(purposes(storage)).toEqual(["DP-1: edited in A again", "DP-2: two", "DP-3: new in B"]);
  });

  it("keeps both versions when both tabs changed one partnership, and says so", async () => {
    const { storage, a, b } = await twoTabs();
    await a.save(edit(both, "p-2", "A's"));
    const outcome = await b.save(edit(both, "p-2", "B's"));
    expect(purposes(storage)).toEqual([
      "DP-1: one",
      "DP-2: B's",
      "DP-2 (from another window): A's",
    ]);
    expect(outcome).toMatchObject({
      attention: true,
      notice:
        "DP-2 was also changed in another window: both versions are kept, this window's as DP-2 and the other's as DP-2 (from another window).",
    });
  });

  it("writes nothing when the tab had no change of its own, so two tabs never answer each other forever", async () => {
    const { storage, a, b } = await twoTabs();
    await a.save(edit(both, "p-1", "A's"));
    const text = storage.getItem(BROWSER_WORKSPACE_KEY);
    const outcome = await b.save(both);
    expect(storage.getItem(BROWSER_WORKSPACE_KEY)).toBe(text);
    expect(outcome.workspace).toEqual(edit(both, "p-1", "A's"));
    // And B's next save, with nothing new elsewhere, is a plain save.
    expect(await b.save(edit(both, "p-2", "B's"))).toEqual({});
  });

  it("keeps aside what another tab saved that it cannot read, then saves its own work", async () => {
    const { storage, a } = await twoTabs();
    storage.setItem(BROWSER_WORKSPACE_KEY, "{ not a workspace");
    const outcome = await a.save(edit(both, "p-1", "A's"));
    const backupKey = `${BROWSER_WORKSPACE_KEY}.unread.${NOW}`;
    expect(storage.getItem(backupKey)).toBe("{ not a workspace");
    expect(outcome.notice).toContain(`kept, unchanged, under "${backupKey}"`);
    expect(purposes(storage)).toEqual(["DP-1: A's", "DP-2: two"]);
  });

  it("is told when another tab writes the workspace's key, and of no other key", () => {
    const listeners = new Set<(event: { key: string | null }) => void>();
    const events = {
      addEventListener: (_: "storage", l: (event: { key: string | null }) => void) =>
        void listeners.add(l),
      removeEventListener: (_: "storage", l: (event: { key: string | null }) => void) =>
        void listeners.delete(l),
    };
    const store = createBrowserStore(new MemoryStorage(), { events });
    const told: string[] = [];
    const stop = store.watch!(() => told.push("changed"));
    const fire = (key: string | null) => listeners.forEach((l) => l({ key }));
    fire("something else");
    fire(BROWSER_WORKSPACE_KEY);
    fire(null);
    stop();
    fire(BROWSER_WORKSPACE_KEY);
    expect(told).toEqual(["changed", "changed"]);
    expect(listeners.size).toBe(0);
  });
});
