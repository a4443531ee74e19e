/** RFC 3339 with seconds, as the API server writes timestamps: `2026-01-01T00:01:23Z`. */
export function rfc3339(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** RFC 3339 with microseconds, as the API server writes `MicroTime` fields (events' eventTime). */
export function rfc3339Micro(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

/** Parses an RFC 3339 timestamp to epoch ms; null when it is not one. */
export function parseTime(s: unknown): number | null {
  if (typeof s !== 'string') return null
  const ms = Date.parse(s)
  return Number.isFinite(ms) ? ms : null
}
