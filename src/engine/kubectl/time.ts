import { humanDuration } from '../model/duration'

/**
 * Parses an RFC 3339 timestamp (as Kubernetes objects carry them) into epoch milliseconds.
 * @returns null when the value is missing or not a timestamp (kubectl's "zero time")
 */
export function parseTime(ts: string | undefined | null): number | null {
  if (!ts) return null
  const ms = Date.parse(ts)
  return Number.isNaN(ms) ? null : ms
}

/**
 * kubectl's `translateTimestampSince`: the {@link humanDuration} from the timestamp to now, or `<unknown>` for a
 * missing timestamp (printers.go, describe.go).
 */
export function since(ts: string | undefined | null, now: number): string {
  const t = parseTime(ts)
  return t === null ? '<unknown>' : humanDuration(now - t)
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`
}

/**
 * Go `time.RFC1123Z` in UTC (`Mon, 02 Jan 2006 15:04:05 -0700`), as `describe` prints `Start Time`, `Started`,
 * `Finished` and node conditions. A missing timestamp prints Go's zero time, as kubectl would.
 */
export function rfc1123z(ts: string | undefined | null): string {
  const ms = parseTime(ts)
  if (ms === null) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const d = new Date(ms)
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  )
}
