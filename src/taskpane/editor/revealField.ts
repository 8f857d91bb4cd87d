/*
 * Where a link to a document path takes the keyboard. A path's own control may not be on the page:
 * the field belongs to a mode not chosen (a flat discount's rate under the Green Book), to a part not
 * added (scenarios, a royalty), or is an item of a list edited as one control. The link then lands on
 * the nearest control that shows it: the switch of its mode, or the control of the part holding it.
 */
import { pathKey, type Path } from "./draft";

/** The fields that choose a part's mode: its switch is where a hidden field is revealed. */
const SWITCHES = ["kind", "mechanism", "distribution", "stage"] as const;

/** `costs.lines[2].unitCost` as its keys: ["costs", "lines", 2, "unitCost"]. */
export function parsePath(key: string): Path {
  const path: (string | number)[] = [];
  for (const match of key.matchAll(/([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (match[2] !== undefined) path.push(Number(match[2]));
    else if (match[3] !== undefined) path.push(JSON.parse(`"${match[3]}"`) as string);
    else if (match[1] !== undefined) path.push(match[1]);
  }
  return path;
}

/**
 * The paths to try, in order, for a link to `key`: the field itself, then from the nearest part
 * outwards, each part's mode switch and the part's own control (an Add button, a list).
 */
export function fieldCandidates(key: string): string[] {
  const path = parsePath(key);
  const out: string[] = [pathKey(path)];
  for (let length = path.length - 1; length >= 1; length--) {
    const part = path.slice(0, length);
    for (const name of SWITCHES) if (path[length] !== name) out.push(pathKey([...part, name]));
    out.push(pathKey(part));
  }
  return [...new Set(out)];
}
