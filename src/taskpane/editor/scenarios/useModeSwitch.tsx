/*
 * Switching a part of the draft between its modes from a control: the part is replaced by its value in
 * the new mode (see modes.ts), and what it held is remembered while the Scenarios step is open, so
 * that switching back brings it back.
 */
import * as React from "react";
import { getAt, pathKey, type Json, type Path } from "../draft";
import { useEditor } from "../fields";
import { switchMode, type ModeMemory } from "./modes";

const ModeMemoryContext = React.createContext<React.MutableRefObject<ModeMemory> | undefined>(
  undefined
);

export function ModeMemoryProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const memory = React.useRef<ModeMemory>(new Map());
  return <ModeMemoryContext.Provider value={memory}>{children}</ModeMemoryContext.Provider>;
}

/**
 * `(path, discriminator, next, start, keep)`: switches the part at `path` to the mode `next`, starting
 * from `start(current)` unless the session remembers it in that mode.
 */
export function useModeSwitch(): (
  path: Path,
  discriminator: string,
  next: string | undefined,
  start: (current: Json | undefined) => Json | undefined,
  keep?: readonly string[]
) => void {
  const shared = React.useContext(ModeMemoryContext);
  const own = React.useRef<ModeMemory>(new Map());
  const memory = shared ?? own;
  const { draft, update } = useEditor();
  return (path, discriminator, next, start, keep) => {
    if (next === undefined) return;
    const current = getAt(draft, path);
    const switched = switchMode({
      key: pathKey(path),
      current,
      discriminator,
      next,
      start: start(current),
      memory: memory.current,
      keep,
    });
    memory.current = switched.memory;
    update(path, switched.value);
  };
}
