/* What the page and the simulation worker say to each other. */
import type { SimulationResult, SimulationSettings } from "../../core/scenarios";

export interface SimulationRequest {
  /** A valid Partnership document with a scenarios block (the priced draft). */
  readonly doc: unknown;
  readonly trials?: number;
  readonly seed?: number;
}

export type SimulationReply =
  | { readonly type: "progress"; readonly done: number; readonly trials: number }
  | {
      readonly type: "done";
      readonly result: SimulationResult;
      readonly settings: SimulationSettings;
    }
  | { readonly type: "error"; readonly message: string };
