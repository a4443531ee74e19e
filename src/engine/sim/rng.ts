/**
 * The engine's only source of randomness: a small seeded generator (mulberry32). The same seed gives the
 * same sequence in Node and in every browser, which keeps event logs byte-for-byte reproducible. Its
 * whole state is one number in a plain object, so a keyframe copies it like any other data.
 *
 * @example
 * const rng = createRng(1)
 * rng.next() // 0.6270739405881613, always, for seed 1
 */
export interface RngState {
  s: number
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  /** The plain state behind it, advanced by every draw. */
  readonly state: RngState
}

export function rngState(seed: number): RngState {
  return { s: seed >>> 0 }
}

/** Draws a float in [0, 1) and advances the state. */
export function nextFloat(r: RngState): number {
  r.s = (r.s + 0x6d2b79f5) >>> 0
  let t = r.s
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** Draws an integer in [0, n) and advances the state. */
export function nextInt(r: RngState, n: number): number {
  return Math.floor(nextFloat(r) * n)
}

/** A generator over `state` (a fresh one from `seed` when given a number). */
export function createRng(seed: number | RngState): Rng {
  const state = typeof seed === 'number' ? rngState(seed) : seed
  return { state, next: () => nextFloat(state), int: (n) => nextInt(state, n) }
}
