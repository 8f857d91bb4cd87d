/*
 * The Monte Carlo off the pane's thread: 100,000 trials or ten million, the page keeps answering the
 * keyboard. The worker posts its progress after every batch; the page stops it by terminating it, so
 * the loop needs no cancellation checks of its own.
 */
import { scenarioInputs, simulationSettings } from "../../core/scenarios";
import type { Partnership } from "../../document/schema";
import { batchSizes, runBatch, summariseBatches } from "./batchedSimulation";
import type { SimulationReply, SimulationRequest } from "./simulationMessages";

// The project's lib is the DOM's, not WebWorker's (they conflict in one program): the little of the
// worker's global scope used here, typed by hand.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null;
  postMessage: (reply: SimulationReply) => void;
};

scope.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const post = (reply: SimulationReply) => scope.postMessage(reply);
  try {
    const { doc, trials, seed } = event.data;
    const partnership = doc as Partnership;
    const inputs = scenarioInputs(partnership);
    const settings = simulationSettings(partnership, { trials, seed });
    const sizes = batchSizes(settings.trials);
    const batches: Float64Array[][] = [];
    let done = 0;
    sizes.forEach((size, index) => {
      batches.push(runBatch(inputs, settings, index, size));
      done += size;
      post({ type: "progress", done, trials: settings.trials });
    });
    post({ type: "done", result: summariseBatches(inputs, settings, batches), settings });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
