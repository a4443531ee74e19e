/**
 * Resource amounts the scheduler compares: cpu in millicores, memory in bytes. A small reader of the
 * quantity forms pods use; `model/quantity.ts` is the exact one.
 */
export function cpuMilli(q: unknown): number {
  if (typeof q === 'number') return Math.ceil(q * 1000)
  if (typeof q !== 'string') return 0
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(q.trim())
  if (!m) return 0
  return m[2] === 'm' ? Math.ceil(Number(m[1])) : Math.ceil(Number(m[1]) * 1000)
}

const UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
  m: 1e-3,
}

export function bytes(q: unknown): number {
  if (typeof q === 'number') return q
  if (typeof q !== 'string') return 0
  const m = /^(\d+(?:\.\d+)?)(?:[eE](\d+))?([a-zA-Z]*)$/.exec(q.trim())
  if (!m || !(m[3]! in UNITS)) return 0
  return Math.ceil(Number(m[1]) * 10 ** Number(m[2] ?? 0) * UNITS[m[3]!]!)
}
