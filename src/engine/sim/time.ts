/** RFC 3339 with seconds, as the API server writes timestamps: `2026-01-01T00:01:23Z`. */
export function rfc3339(epochMs: number): string {
  const sec = Math.floor(epochMs / 1000)
  const slot = sec & (STAMP_SLOTS - 1)
  if (stampSec[slot] === sec) return stampText[slot]!
  const text = new Date(sec * 1000).toISOString().replace('.000Z', 'Z')
  stampSec[slot] = sec
  stampText[slot] = text
  return text
}

/**
 * The last stamps formatted, by second (a direct-mapped cache: a run stamps the same few seconds over and
 * over, and formatting a Date is slow).
 */
const STAMP_SLOTS = 256
const stampSec = new Float64Array(STAMP_SLOTS).fill(NaN)
const stampText: string[] = new Array<string>(STAMP_SLOTS)

/** RFC 3339 with microseconds, as the API server writes `MicroTime` fields (events' eventTime). */
export function rfc3339Micro(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

/** Parses an RFC 3339 timestamp to epoch ms; null when it is not one. */
export function parseTime(s: unknown): number | null {
  if (typeof s !== 'string') return null
  const known = parsed.get(s)
  if (known !== undefined) return known
  const ms = Date.parse(s)
  const t = Number.isFinite(ms) ? ms : null
  // The controllers sort pods by their timestamps, which are few distinct strings: remember them.
  if (parsed.size >= PARSED_MAX) parsed.clear()
  parsed.set(s, t)
  return t
}

const PARSED_MAX = 4096
const parsed = new Map<string, number | null>()
