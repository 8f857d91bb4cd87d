/*
 * The tornado of the 20-year deal monteCarlo.mjs simulates (four mechanisms, five assumptions, each at
 * its default low and high), on the core's own compiled code, in milliseconds: the best of several
 * rounds after a warm-up. Beside it, measured in the same run, the baseline: valuing every mechanism
 * once at the scenario's own assumptions (evaluateScenarios, without sensitivity grids), of which the
 * tornado does one and then two for each assumption. Target: under 50 ms.
 */
import { dealOf, loadCore } from "./monteCarlo.mjs";

const ROUNDS = 20;

function bestOf(run) {
  run();
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

export function measureTornado(root) {
  const { core, Decimal } = loadCore(root);
  const inputs = dealOf(Decimal, core);
  let bars = 0;
  const milliseconds = bestOf(() => {
    const result = core.tornado(inputs);
    bars = result.mechanisms.reduce((sum, mechanism) => sum + mechanism.bars.length, 0);
    if (result.mechanisms.some((m) => m.bars.some((bar) => !bar.swing.isFinite())))
      throw new Error("the tornado produced a swing that is not a number");
  });
  const baseline = bestOf(() => core.evaluateScenarios(inputs));
  return {
    deal: "20-year forecast; fixed, subscription, milestones and royalty; default low and high values",
    mechanisms: inputs.candidates.length,
    bars,
    milliseconds: +milliseconds.toFixed(2),
    target: 50,
    baseline: {
      what: "every mechanism valued once at the scenario's assumptions (evaluateScenarios, no grids)",
      milliseconds: +baseline.toFixed(2),
    },
    note: `best of ${ROUNDS} runs of tornado() after a warm-up, decimals throughout`,
  };
}
