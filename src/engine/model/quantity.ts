/**
 * Kubernetes resource quantities (`resource.Quantity`), parsed and printed exactly as apimachinery does
 * (`staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go`, `amount.go`, `suffix.go`).
 *
 * A quantity is held as a signed bigint count of nano-units. Parsing keeps a value only down to nano and
 * rounds a finer non-zero value away from zero ("0.9n" → "1n"), exactly as `ParseQuantity` does, so every
 * parsed quantity is an integer number of nano-units and no arithmetic here ever rounds.
 *
 * Grammar (quantity.go):
 * ```
 * <quantity>        ::= <signedNumber><suffix>
 * <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
 * <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI>
 * <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei
 * <decimalSI>       ::= n | u | m | "" | k | M | G | T | P | E
 * <decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber>
 * ```
 */

/** How a quantity is printed: the suffix family it was written in. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** An exact Kubernetes quantity. Treat as opaque; use the functions of this module. */
export interface Quantity {
  /** The value in nano-units (10^-9), exact. */
  readonly nanos: bigint
  readonly format: QuantityFormat
  /**
   * The input text, kept when it was already in canonical form by apimachinery's fast-path test; then
   * `String()` returns it verbatim (this is how "+1Ki" or "1E3" print back unchanged on a real cluster).
   */
  readonly text?: string
}

const NANO = 1_000_000_000n
const MAX_INT64 = (1n << 63n) - 1n
/** `maxAllowed` in quantity.go: a BinarySI quantity is capped, silently, at 2^63-1. */
const MAX_BINARY_NANOS = MAX_INT64 * NANO
/**
 * Deliberate limit (not in apimachinery): a value beyond 10^1000 would need a huge bigint. Such strings
 * parse on a real cluster but mean nothing to a simulator, so they are refused (null).
 */
const MAX_DECIMAL_EXPONENT = 1000

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
}
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const DECIMAL_SUFFIX_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]))
const BINARY_SUFFIX_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']
const SUFFIX_CHARS = 'eEinumkKMGTP'

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

interface Scanned {
  positive: boolean
  num: string
  denom: string
  suffix: string
}

/** `parseQuantityString`: splits sign, integer digits, fraction digits and suffix; null on a bad shape. */
function scan(str: string): Scanned | null {
  let positive = true
  let pos = 0
  const end = str.length
  if (str[0] === '-') {
    positive = false
    pos++
  } else if (str[0] === '+') pos++

  // Leading zeros; a string of only zeros (or only a sign) is 0 whatever follows — as in Go.
  while (pos < end && str[pos] === '0') pos++
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' }

  let i = pos
  while (i < end && isDigit(str[i])) i++
  const num = str.slice(pos, i) || '0'
  if (i >= end) return { positive, num, denom: '', suffix: '' }
  pos = i

  let denom = ''
  if (str[pos] === '.') {
    pos++
    i = pos
    while (i < end && isDigit(str[i])) i++
    denom = str.slice(pos, i)
    if (i >= end) return { positive, num, denom, suffix: '' }
    pos = i
  }

  const suffixStart = pos
  i = pos
  while (i < end && SUFFIX_CHARS.includes(str[i] as string)) i++
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart) }
  pos = i
  if (str[pos] === '-' || str[pos] === '+') pos++
  for (i = pos; i < end; i++) if (!isDigit(str[i])) return null
  return { positive, num, denom, suffix: str.slice(suffixStart) }
}

interface Suffix {
  base: 2 | 10
  exponent: number
  format: QuantityFormat
}

/** `suffixer.interpret`. */
function interpret(s: string): Suffix | null {
  const dec = DECIMAL_SUFFIXES[s]
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' }
  const bin = BINARY_SUFFIXES[s]
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' }
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E')) {
    // strconv.ParseInt(s[1:], 10, 64), then int32(parsed) — which wraps, as in Go.
    if (!/^[+-]?[0-9]+$/.test(s.slice(1))) return null
    const parsed = BigInt(s.slice(1))
    if (parsed > MAX_INT64 || parsed < -MAX_INT64 - 1n) return null
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' }
  }
  return null
}

const pow10 = (n: number): bigint => 10n ** BigInt(n)

/** Divides a non-negative bigint by 10^k, rounding a remainder up (away from zero). */
function divCeil10(n: bigint, k: number): bigint {
  if (n === 0n) return 0n
  // Past the number's own length only the rounding unit is left.
  if (k > n.toString().length) return 1n
  const d = pow10(k)
  const q = n / d
  return n % d === 0n ? q : q + 1n
}

/**
 * Parses a quantity as `resource.ParseQuantity` does; null where it returns an error. A number (a YAML
 * scalar such as `cpu: 0.5`) is read through its JavaScript text form.
 */
export function parseQuantity(input: string | number): Quantity | null {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null
    input = String(input)
  }
  const str = input
  if (typeof str !== 'string' || str.length === 0) return null
  if (str === '0') return { nanos: 0n, format: 'DecimalSI', text: '0' }

  const p = scan(str)
  if (!p) return null
  const suffix = interpret(p.suffix)
  if (!suffix) return null
  const { base, exponent } = suffix
  let format = suffix.format
  const digits = BigInt(p.num + p.denom)
  const sign = p.positive ? 1n : -1n

  // The int64 fast path of ParseQuantity: it alone may keep the input text as the canonical string.
  let precision = -1
  if (base === 10) precision = 18 - (p.num.length + p.denom.length)
  else if (p.denom.length === 0) precision = 15 - p.num.length - Math.trunc((exponent * 3) / 10) - 1
  if (precision >= 0) {
    const scale = (base === 10 ? exponent : 0) - p.denom.length
    if (scale >= -9) {
      const mantissa = base === 2 ? 1n << BigInt(exponent) : 1n
      const result = digits * mantissa
      if (result <= MAX_INT64) {
        if (scale + 9 > MAX_DECIMAL_EXPONENT) return null
        const shifted = p.num + p.denom
        const canonical =
          base === 2
            ? exponent % 10 === 0 && (digits & 7n) !== 0n
            : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0'
        const nanos = sign * result * pow10(scale + 9)
        return canonical ? { nanos, format, text: str } : { nanos, format }
      }
    }
  }

  // The inf.Dec slow path: exact value, rounded up to nano away from zero, BinarySI capped at 2^63-1.
  let magnitude: bigint
  if (base === 10) {
    const shift = exponent - p.denom.length + 9
    if (shift > MAX_DECIMAL_EXPONENT) return null
    magnitude = shift >= 0 ? digits * pow10(shift) : divCeil10(digits, -shift)
  } else {
    magnitude = divCeil10(digits * (1n << BigInt(exponent)) * NANO, p.denom.length)
    if (magnitude > MAX_BINARY_NANOS) magnitude = MAX_BINARY_NANOS
    // "This avoids rounding and hopefully confusion, too."
    if (magnitude > 0n && magnitude < NANO) format = 'DecimalSI'
  }
  return { nanos: sign * magnitude, format }
}

/**
 * `Quantity.String()`: the canonical form (no fraction, the largest suffix of the quantity's family that
 * loses nothing), or the input text when parsing judged it canonical already.
 */
export function formatQuantity(q: Quantity): string {
  if (q.text !== undefined) return q.text
  if (q.nanos === 0n) return '0'
  const negative = q.nanos < 0n
  const abs = negative ? -q.nanos : q.nanos
  const sign = negative ? '-' : ''
  let format = q.format
  // BinarySI only prints integers of at least 1024 in base 1024; anything else shows as DecimalSI.
  if (format === 'BinarySI' && (abs < 1024n * NANO || abs % NANO !== 0n)) format = 'DecimalSI'

  if (format === 'BinarySI') {
    let v = abs / NANO
    let power = 0
    while (power < BINARY_SUFFIX_BY_POWER.length - 1 && v >= 1024n && v % 1024n === 0n) {
      v /= 1024n
      power++
    }
    return `${sign}${v}${BINARY_SUFFIX_BY_POWER[power]}`
  }

  // AsCanonicalBytes: move all factors of ten into the exponent, then lower it to a multiple of 3.
  let m = abs
  let e = -9
  while (m % 10n === 0n) {
    m /= 10n
    e++
  }
  const r = ((e % 3) + 3) % 3
  m *= pow10(r)
  e -= r
  const si = format === 'DecimalSI' ? DECIMAL_SUFFIX_BY_EXPONENT.get(e) : undefined
  // DecimalSI has no suffix beyond E: it falls back to exponent notation ("1e21"), as upstream does.
  const suffix = si ?? (e === 0 ? '' : `e${e}`)
  return `${sign}${m}${suffix}`
}

/** Divides by 10^k rounding away from zero, as `ScaledValue` does for a parsed (int64) quantity. */
function scaleAway(nanos: bigint, k: number): bigint {
  if (k <= 0) return nanos * pow10(-k)
  const negative = nanos < 0n
  const r = divCeil10(negative ? -nanos : nanos, k)
  return negative ? -r : r
}

/**
 * `ScaledValue(scale)`: the value in units of 10^scale, rounded away from zero, as an exact bigint
 * (apimachinery's int64 would overflow silently where this does not).
 */
export function scaledValue(q: Quantity, scale: number): bigint {
  return scaleAway(q.nanos, scale + 9)
}

/** `MilliValue()`: ceil(q × 1000), away from zero. Exact up to 2^53 (9·10^12 cores). */
export function milliValue(q: Quantity): number {
  return Number(scaledValue(q, -3))
}

/** `Value()`: the value rounded up to an integer, away from zero. Exact up to 2^53 (8 PiB). */
export function value(q: Quantity): number {
  return Number(scaledValue(q, 0))
}

/** `Cmp`: -1, 0 or 1. */
export function compareQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0
}

/** `Add`: the sum, exact; a zero left operand takes the right operand's format. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format }
}

/** `Sub`: the difference, exact; a zero left operand takes the right operand's format. */
export function subtractQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos - b.nanos, format: a.nanos === 0n ? b.format : a.format }
}

/** The zero quantity (`resource.Quantity{}` printed as "0"). */
export const ZERO_QUANTITY: Quantity = { nanos: 0n, format: 'DecimalSI' }
