import type { Distribution } from "../../document/scenarios";
import type { Uniform } from "./random";

/**
 * Samplers for the uncertain inputs of a simulation. Statistics are not money: these are doubles, and
 * their accuracy is the sampling error of the simulation, far larger than any rounding.
 *
 * Math.log, Math.exp, Math.sqrt and Math.cos are the only functions used. V8 computes the first three
 * and the trigonometric functions with its own port of fdlibm rather than the platform's library, so a
 * seed gives the same samples on every machine running Node 20.
 */
export type Sampler = () => number;

/** Standard normal draws by the Box-Muller transform, both of each pair used. */
export function standardNormal(uniform: Uniform): Sampler {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // 1 - u is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Gamma(shape, 1) for shape >= 1, by Marsaglia and Tsang's squeeze method (2000). */
function gamma(shape: number, uniform: Uniform, normal: Sampler): Sampler {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return () => {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
}

/** PERT's beta shape parameters: 1 + 4 (mode - min) / (max - min) and 1 + 4 (max - mode) / (max - min). */
export function pertShape(min: number, mode: number, max: number): { alpha: number; beta: number } {
  return {
    alpha: 1 + (4 * (mode - min)) / (max - min),
    beta: 1 + (4 * (max - mode)) / (max - min),
  };
}

export function sampler(distribution: Distribution, uniform: Uniform): Sampler {
  switch (distribution.distribution) {
    case "fixed": {
      const { value } = distribution;
      return () => value;
    }
    case "uniform": {
      const { min, max } = distribution;
      return () => min + (max - min) * uniform();
    }
    case "triangular": {
      const { min, mode, max } = distribution;
      const width = max - min;
      const modeAt = (mode - min) / width;
      // Inverse of the triangular CDF, which is quadratic on either side of the mode.
      return () => {
        const u = uniform();
        return u < modeAt
          ? min + Math.sqrt(u * width * (mode - min))
          : max - Math.sqrt((1 - u) * width * (max - mode));
      };
    }
    case "pert": {
      const { min, mode, max } = distribution;
      const { alpha, beta } = pertShape(min, mode, max);
      const normal = standardNormal(uniform);
      const x = gamma(alpha, uniform, normal);
      const y = gamma(beta, uniform, normal);
      return () => {
        const a = x();
        return min + ((max - min) * a) / (a + y());
      };
    }
    case "lognormal": {
      const { median, sigma } = distribution;
      const normal = standardNormal(uniform);
      return () => median * Math.exp(sigma * normal());
    }
  }
}
