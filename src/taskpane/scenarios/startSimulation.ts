/*
 * Starts the simulation in its own worker. Kept apart from everything Jest loads: import.meta is the
 * bundler's way to find the worker's file, and Jest's CommonJS transform cannot compile it.
 */
import type { SimulationResult, SimulationSettings } from "../../core/scenarios";
import type { SimulationReply, SimulationRequest } from "./simulationMessages";

export interface RunningSimulation {
  readonly finished: Promise<{ result: SimulationResult; settings: SimulationSettings }>;
  /** Stops the worker at once; `finished` then rejects with a CancelledError. */
  cancel(): void;
}

export class CancelledError extends Error {
  constructor() {
    super("The simulation was cancelled.");
    this.name = "CancelledError";
  }
}

export function startSimulation(
  request: SimulationRequest,
  onProgress: (done: number, trials: number) => void
): RunningSimulation {
  const worker = new Worker(new URL("./simulation.worker.ts", import.meta.url), {
    name: "nhsdp-simulation",
  });
  let settle: ((error: Error) => void) | undefined;
  const finished = new Promise<{ result: SimulationResult; settings: SimulationSettings }>(
    (resolve, reject) => {
      settle = (error) => {
        worker.terminate();
        reject(error);
      };
      worker.onmessage = (event: MessageEvent<SimulationReply>) => {
        const reply = event.data;
        if (reply.type === "progress") onProgress(reply.done, reply.trials);
        else if (reply.type === "done") {
          worker.terminate();
          resolve({ result: reply.result, settings: reply.settings });
        } else settle?.(new Error(reply.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        settle?.(new Error(event.message || "The simulation stopped unexpectedly."));
      };
    }
  );
  worker.postMessage(request);
  return { finished, cancel: () => settle?.(new CancelledError()) };
}
