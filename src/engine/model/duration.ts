/**
 * Durations as Kubernetes and Go print and parse them.
 *
 * - {@link humanDuration}: apimachinery `pkg/util/duration.HumanDuration` (kubectl AGE, `(… ago)`, event ages).
 * - {@link goDuration}: Go's `time.Duration.String()` (`1m20s`, `1.5s`, `300ms`).
 * - {@link parseDuration}: Go's `time.ParseDuration`, plus bare numbers meaning seconds.
 */

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/**
 * `duration.HumanDuration` from k8s.io/apimachinery, exactly: a short, rounded-down age such as `119s`, `2m30s`,
 * `179m`, `7h59m`, `47h`, `7d23h`, `729d`, `2y1d`. Negative durations of more than a second print `<invalid>`.
 * @param ms the duration in milliseconds (may be negative or fractional)
 */
export function humanDuration(ms: number): string {
  // Go: int(d.Seconds()) truncates toward zero.
  const seconds = Math.trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    const d = Math.trunc(hours / 24)
    return h === 0 ? `${d}d` : `${d}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const y = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** Go's fmtFrac: the fractional digits of v/10^prec without trailing zeros (and without the dot if none). */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = ''
  let print = false
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n
    print = print || digit !== 0n
    if (print) digits = digit.toString() + digits
    v /= 10n
  }
  return [print ? '.' + digits : '', v]
}

/**
 * Go's `time.Duration.String()`: `0s`, `300ms`, `1.5s`, `1m20s`, `5m0s`, `1h0m0s`, `1.5µs`.
 * @param ms the duration in milliseconds; sub-millisecond fractions are kept to the nanosecond
 */
export function goDuration(ms: number): string {
  let u = BigInt(Math.round(ms * 1e6)) // nanoseconds
  if (u === 0n) return '0s'
  const neg = u < 0n
  if (neg) u = -u
  let out: string
  if (u < 1_000_000_000n) {
    // Sub-second: a single unit, with a fraction.
    let prec: number
    let unit: string
    if (u < 1_000n) {
      prec = 0
      unit = 'ns'
    } else if (u < 1_000_000n) {
      prec = 3
      unit = 'µs'
    } else {
      prec = 6
      unit = 'ms'
    }
    const [frac, int] = fmtFrac(u, prec)
    out = `${int}${frac}${unit}`
  } else {
    const [frac, secsTotal] = fmtFrac(u, 9)
    const secs = secsTotal % 60n
    const minsTotal = secsTotal / 60n
    out = `${secs}${frac}s`
    if (minsTotal > 0n) {
      out = `${minsTotal % 60n}m` + out
      const hours = minsTotal / 60n
      if (hours > 0n) out = `${hours}h` + out
    }
  }
  return neg ? '-' + out : out
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
}

/**
 * Parses a duration into milliseconds. A number is seconds (`90` → 90000); a string is either a bare number of
 * seconds (`"90"`, `"1.5"`) or Go `time.ParseDuration` syntax (`"30s"`, `"2m"`, `"1h30m"`, `"500ms"`, `"1.5h"`,
 * `"-10s"`). Returns null for anything else (empty strings, unknown units, non-finite numbers, other types).
 * @param v the value to parse
 */
export function parseDuration(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v * SECOND : null
  if (typeof v !== 'string') return null
  const s = v.trim()
  if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return Number(s) * SECOND
  const m = /^([-+]?)(.+)$/.exec(s)
  if (!m || m[2] === undefined) return null
  const sign = m[1] === '-' ? -1 : 1
  let rest = m[2]
  if (rest === '0') return 0
  let total = 0
  let any = false
  while (rest.length > 0) {
    const part = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/.exec(rest)
    if (!part || part[1] === undefined || part[2] === undefined) return null
    total += Number(part[1]) * (UNIT_MS[part[2]] ?? 0)
    rest = rest.slice(part[0].length)
    any = true
  }
  return any ? sign * total : null
}
