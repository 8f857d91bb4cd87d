/**
 * Saves the latest state some time after the user stops typing: a burst of keystrokes makes one save,
 * which matters in Excel where each save is a round trip to the host. Saves never overlap, so an older
 * state can never land after a newer one; a change made during a save is saved after it. A failed save
 * is reported and the state stays unsaved, so the next change (or a flush) tries again.
 */

export interface DebouncedSaverOptions<T> {
  /** Writes one state; a rejection is a failed save. */
  save: (state: T) => Promise<void>;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** Longest a change waits while the user keeps typing, so a long burst is not all at risk. */
  maxWaitMs?: number;
  /** Told of every failed save, with what the store threw. */
  onError: (error: unknown) => void;
  /** Told after each successful save. */
  onSaved?: () => void;
}

export interface DebouncedSaver<T> {
  /** The state changed: save it after the quiet time. */
  change(state: T): void;
  /**
   * Saves the latest state now, after any save in flight (for page hide and pane close). The save
   * starts before flush returns, so it is on its way even if the page is torn down. Resolves once
   * nothing is left to save or the attempt failed (onError has then been told); never rejects.
   */
  flush(): Promise<void>;
  /** True while a change has not been saved (waiting, saving, or after a failed save). */
  hasUnsavedChanges(): boolean;
  /** Stops the timer and ignores later changes; does not save. */
  dispose(): void;
}

export const DEFAULT_SAVE_DELAY_MS = 500;
export const DEFAULT_SAVE_MAX_WAIT_MS = 5000;

export function createDebouncedSaver<T>(options: DebouncedSaverOptions<T>): DebouncedSaver<T> {
  const delayMs = options.delayMs ?? DEFAULT_SAVE_DELAY_MS;
  const maxWaitMs = Math.max(options.maxWaitMs ?? DEFAULT_SAVE_MAX_WAIT_MS, delayMs);

  let latest: T | undefined;
  /** Counts changes; a save of change n leaves everything up to n saved. */
  let changeCount = 0;
  let savedCount = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet being saved was made, for maxWaitMs. */
  let waitingSince: number | undefined;
  let inFlight: Promise<void> | undefined;
  let savingCount = 0;
  let disposed = false;

  const clearTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  function startSave(): void {
    clearTimer();
    waitingSince = undefined;
    if (inFlight !== undefined) return; // the save in flight starts the next one when it ends
    const state = latest as T;
    const saving = changeCount;
    savingCount = saving;
    inFlight = (async () => {
      try {
        await options.save(state);
        savedCount = Math.max(savedCount, saving);
        options.onSaved?.();
      } catch (error) {
        options.onError(error);
      } finally {
        inFlight = undefined;
      }
      // A change made during this save is saved now, unless its own timer is still waiting. After a
      // failure the same state is not retried on its own: only a newer change or a flush retries.
      if (changeCount > saving && timer === undefined && !disposed) startSave();
    })();
  }

  return {
    change(state) {
      if (disposed) return;
      latest = state;
      changeCount++;
      const now = Date.now();
      waitingSince ??= now;
      clearTimer();
      const wait = Math.min(delayMs, waitingSince + maxWaitMs - now);
      timer = setTimeout(startSave, Math.max(wait, 0));
    },

    async flush() {
      if (disposed) return;
      clearTimer();
      if (changeCount > savedCount && (inFlight === undefined || changeCount > savingCount))
        startSave();
      // A save in flight may start another for changes made meanwhile; wait for that one too.
      while (inFlight !== undefined) await inFlight;
    },

    hasUnsavedChanges: () => changeCount > savedCount,

    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
