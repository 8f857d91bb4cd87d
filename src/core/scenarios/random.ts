import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";

/**
 * Seeded uniform numbers in [0, 1). pure-rand's xoroshiro128+ is integer arithmetic on 32-bit words,
 * so a seed gives the same sequence on every machine and every JavaScript engine; uniformFloat64 uses
 * 53 bits of it, the full precision of a double.
 */
export type Uniform = () => number;

export function seededUniform(seed: number): Uniform {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}
