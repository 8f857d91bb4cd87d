import { createDebouncedSaver } from "../../../src/taskpane/storage/debouncedSaver";
import { flushWhenPageHides } from "../../../src/taskpane/storage/pageLifecycle";

/** A save whose completion the test controls, recording what it was given and whether saves overlapped. */
function controlledSave() {
  const calls: string[] = [];
  const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
  let running = 0;
  let overlapped = false;
  const save = (state: string): Promise<void> => {
    calls.push(state);
    running++;
    if (running > 1) overlapped = true;
    return new Promise<void>((resolve, reject) => {
      pending.push({
        resolve: () => {
          running--;
          resolve();
        },
        reject: (e) => {
          running--;
          reject(e);
        },
      });
    });
  };
  return {
    save,
    calls,
    overlapped: () => overlapped,
    finish: async () => {
      pending.shift()?.resolve();
      await Promise.resolve();
      await Promise.resolve();
    },
    fail: async (message: string) => {
      pending.shift()?.reject(new Error(message));
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("the debounced saver", () => {
  it("makes one save of the latest state from many changes within the delay", async () => {
    const store = controlledSave();
    const saver = createDebouncedSaver({ save: store.save, delayMs: 500, onError: jest.fn() });
    for (const state of ["a", "ab", "abc", "abcd"]) {
      saver.change(state);
      jest.advanceTimersByTime(200);
    }
    expect(store.calls).toEqual([]);
    // 500 ms after the last change: 200 have passed.
    jest.advanceTimersByTime(299);
    expect(store.calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(store.calls).toEqual(["abcd"]);
    expect(saver.hasUnsavedChanges()).toBe(true);
    await store.finish();
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it("still saves every maxWaitMs while the user keeps typing", () => {
    const store = controlledSave();
    const saver = createDebouncedSaver({
      save: store.save,
      delayMs: 500,
      maxWaitMs: 2000,
      onError: jest.fn(),
    });
    // A change every 100 ms for 2.5 s: the quiet time never comes, the longest wait does at 2000 ms.
    for (let t = 0; t < 2500; t += 100) {
      saver.change(`state at ${t}`);
      jest.advanceTimersByTime(100);
    }
    expect(store.calls).toEqual(["state at 1900"]);
  });

  it("never overlaps saves: a change during a save is saved after it, with the latest state", async () => {
    const store = controlledSave();
    const saver = createDebouncedSaver({ save: store.save, delayMs: 100, onError: jest.fn() });
    saver.change("first");
    jest.advanceTimersByTime(100);
    expect(store.calls).toEqual(["first"]);

    saver.change("second");
    saver.change("third");
    jest.advanceTimersByTime(100);
    expect(store.calls).toEqual(["first"]);

    await store.finish();
    expect(store.calls).toEqual(["first", "third"]);
    await store.finish();
    expect(store.overlapped()).toBe(false);
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it("reports a failed save, keeps the state unsaved, and retries on the next change", async () => {
    const store = controlledSave();
    const onError = jest.fn();
    const saver = createDebouncedSaver({ save: store.save, delayMs: 100, onError });
    saver.change("typed");
    jest.advanceTimersByTime(100);
    await store.fail("storage is full");
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]?.[0] as Error).message).toBe("storage is full");
    expect(saver.hasUnsavedChanges()).toBe(true);

    // No retry on its own: the same state would fail the same way.
    jest.advanceTimersByTime(10000);
    expect(store.calls).toEqual(["typed"]);

    saver.change("typed more");
    jest.advanceTimersByTime(100);
    expect(store.calls).toEqual(["typed", "typed more"]);
    await store.finish();
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it("flush saves at once, starting before it returns, and resolves when saved", async () => {
    const store = controlledSave();
    const saver = createDebouncedSaver({ save: store.save, delayMs: 500, onError: jest.fn() });
    saver.change("closing");
    const flushed = saver.flush();
    expect(store.calls).toEqual(["closing"]);
    let done = false;
    void flushed.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await store.finish();
    await flushed;
    expect(done).toBe(true);
    // The timer was cancelled: nothing is saved twice.
    jest.advanceTimersByTime(1000);
    expect(store.calls).toEqual(["closing"]);
  });

  it("flush during a save waits for it, then saves the newer state", async () => {
    const store = controlledSave();
    const saver = createDebouncedSaver({ save: store.save, delayMs: 100, onError: jest.fn() });
    saver.change("one");
    jest.advanceTimersByTime(100);
    saver.change("two");
    const flushed = saver.flush();
    expect(store.calls).toEqual(["one"]);
    await store.finish();
    expect(store.calls).toEqual(["one", "two"]);
    await store.finish();
    await flushed;
    expect(store.overlapped()).toBe(false);
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it("flush retries a failed save, and does nothing when everything is saved", async () => {
    const store = controlledSave();
    const onError = jest.fn();
    const saver = createDebouncedSaver({ save: store.save, delayMs: 100, onError });
    saver.change("x");
    jest.advanceTimersByTime(100);
    await store.fail("offline");
    const retried = saver.flush();
    expect(store.calls).toEqual(["x", "x"]);
    await store.finish();
    await retried;
    await saver.flush();
    expect(store.calls).toEqual(["x", "x"]);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("ignores changes once disposed", () => {
    const store = controlledSave();
    const saver = createDebouncedSaver({ save: store.save, delayMs: 100, onError: jest.fn() });
    saver.change("before");
    saver.dispose();
    saver.change("after");
    jest.advanceTimersByTime(1000);
    expect(store.calls).toEqual([]);
  });
});

describe("flushing when the page hides", () => {
  function fakePage() {
    const listeners = new Map<string, Set<() => void>>();
    const target = {
      addEventListener: (type: string, l: () => void) => {
        if (!listeners.has(type)) listeners.set(type, new Set());
        listeners.get(type)?.add(l);
      },
      removeEventListener: (type: string, l: () => void) => listeners.get(type)?.delete(l),
    };
    const document = { ...target, visibilityState: "visible" as DocumentVisibilityState };
    const fire = (type: string) => listeners.get(type)?.forEach((l) => l());
    return { page: { window: target, document }, document, fire };
  }

  it("flushes on visibilitychange to hidden and on pagehide, until stopped", () => {
    const { page, document, fire } = fakePage();
    const flush = jest.fn();
    const stop = flushWhenPageHides(flush, page);

    fire("visibilitychange"); // still visible
    expect(flush).not.toHaveBeenCalled();
    document.visibilityState = "hidden";
    fire("visibilitychange");
    fire("pagehide");
    expect(flush).toHaveBeenCalledTimes(2);

    stop();
    fire("visibilitychange");
    fire("pagehide");
    expect(flush).toHaveBeenCalledTimes(2);
  });
});
