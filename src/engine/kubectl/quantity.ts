/**
 * A small `resource.Quantity` (apimachinery `pkg/api/resource`): parse, add, compare and print in canonical form
 * (`500m`, `1`, `1500m`, `128Mi`, `2k`), as `describe` prints requests, limits and node capacity.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** value = mantissa × 10^exponent; format decides how it prints. */
export interface Quantity {
  mantissa: bigint
  exponent: number
  format: QuantityFormat
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 }
const SUFFIX_OF: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
}
const BIN_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

/** The zero quantity (`resource.Quantity{}`), which prints `0`. */
export const ZERO: Quantity = { mantissa: 0n, exponent: 0, format: 'DecimalSI' }

/** Parses `100m`, `0.5`, `1.5Gi`, `128M`, `1e3`. Returns null if the string is not a quantity. */
export function parseQuantity(s: string | number | undefined): Quantity | null {
  if (s === undefined) return null
  const m = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE]?)$/.exec(String(s).trim())
  if (!m) return null
  const [, sign, num, suffix] = m as unknown as [string, string, string, string]
  const [int, frac = ''] = num.split('.')
  let mantissa = BigInt((int || '0') + frac) * (sign === '-' ? -1n : 1n)
  let exponent = -frac.length
  let format: QuantityFormat = 'DecimalSI'
  if (suffix in BINARY) {
    format = 'BinarySI'
    mantissa *= 1024n ** BigInt(BINARY[suffix]!)
  } else if (/^[eE]/.test(suffix)) {
    format = 'DecimalExponent'
    exponent += Number(suffix.slice(1))
  } else exponent += DECIMAL[suffix]!
  return { mantissa, exponent, format }
}

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const e = Math.min(a.exponent, b.exponent)
  return [a.mantissa * 10n ** BigInt(a.exponent - e), b.mantissa * 10n ** BigInt(b.exponent - e), e]
}

/** `q.Add(y)`: the sum, in q's format (a zero q takes y's format, as `Quantity.Add` does). */
export function addQuantity(q: Quantity, y: Quantity): Quantity {
  const [a, b, e] = align(q, y)
  const format = q.mantissa === 0n && q === ZERO ? y.format : q.format
  return { mantissa: a + b, exponent: e, format }
}

/** `q.Cmp(y)`: -1, 0 or 1. */
export function cmpQuantity(q: Quantity, y: Quantity): number {
  const [a, b] = align(q, y)
  return a < b ? -1 : a > b ? 1 : 0
}

/** The value as a float (for percentages). */
export function quantityValue(q: Quantity): number {
  return Number(q.mantissa) * 10 ** q.exponent
}

/** `Quantity.String()` in canonical form (`CanonicalizeBytes`). */
export function formatQuantity(q: Quantity): string {
  let { mantissa, exponent } = q
  if (mantissa === 0n) return '0'
  let format = q.format
  if (format === 'BinarySI') {
    // Small or fractional binary quantities print as decimal.
    const [m, , e] = align(q, { mantissa: 1024n, exponent: 0, format })
    const abs = m < 0n ? -m : m
    const isInt = e >= 0 || abs % 10n ** BigInt(-e) === 0n
    if (abs < 1024n * 10n ** BigInt(Math.max(0, -e)) || !isInt) format = 'DecimalSI'
    else {
      let n = e >= 0 ? m * 10n ** BigInt(e) : m / 10n ** BigInt(-e)
      let k = 0
      while (k < 6 && n % 1024n === 0n) {
        n /= 1024n
        k++
      }
      return `${n}${BIN_SUFFIX[k]}`
    }
  }
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    exponent++
  }
  if (format === 'DecimalExponent') {
    while (((exponent % 3) + 3) % 3 !== 0) {
      mantissa *= 10n
      exponent--
    }
    return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`
  }
  if (exponent < -9) {
    // Round up to nano units, as Quantity does.
    const div = 10n ** BigInt(-9 - exponent)
    mantissa = mantissa / div + (mantissa % div === 0n ? 0n : 1n)
    exponent = -9
  }
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n
    exponent--
  }
  while (exponent > 18) {
    mantissa *= 1000n
    exponent -= 3
  }
  return `${mantissa}${SUFFIX_OF[exponent] ?? ''}`
}

/** Canonical form of a quantity string, or the string itself if it does not parse. */
export function canonicalQuantity(s: string | number): string {
  const q = parseQuantity(s)
  return q ? formatQuantity(q) : String(s)
}
