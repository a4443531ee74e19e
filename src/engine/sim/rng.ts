/**
 * The engine's only source of randomness: a small seeded generator (mulberry32). The same seed gives the
 * same sequence in Node and in every browser, which keeps event logs byte-for-byte reproducible.
 *
 * @example
 * const rng = createRng(1)
 * rng.next() // 0.6270739405881613, always, for seed 1
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n) => Math.floor(next() * n) }
}
