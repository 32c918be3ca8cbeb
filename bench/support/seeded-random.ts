/** A deterministic [0, 1) generator (a linear congruential one): the same positions in every run, so runs compare. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** n integers in [low, high), from the generator. */
export function randomIntegers(random: () => number, n: number, low: number, high: number): number[] {
  return Array.from({ length: n }, () => low + Math.floor(random() * (high - low)));
}
