import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Quantity, QuantityFormat } from './quantity'
import {
  addQuantity,
  compareQuantity,
  formatQuantity,
  milliValue,
  parseQuantity,
  scaledValue,
  subtractQuantity,
  value,
  ZERO_QUANTITY,
} from './quantity'

// Cases below are taken from apimachinery's pkg/api/resource/quantity_test.go (test function named on
// each table). decQuantity(i, exp, format) there is i × 10^exp; here it becomes nano-units.
const dq = (i: bigint | number, exp: number): bigint =>
  exp + 9 >= 0 ? BigInt(i) * 10n ** BigInt(exp + 9) : BigInt(i) / 10n ** BigInt(-(exp + 9))

const MAX_ALLOWED = ((1n << 63n) - 1n) * 10n ** 9n

function parsed(s: string | number): Quantity {
  const q = parseQuantity(s)
  if (!q) throw new Error(`expected ${String(s)} to parse`)
  return q
}

describe('parseQuantity (quantity_test.go TestQuantityParse)', () => {
  const table: [string, bigint, QuantityFormat][] = [
    ['0', 0n, 'DecimalSI'],
    ['0n', 0n, 'DecimalSI'],
    ['0u', 0n, 'DecimalSI'],
    ['0m', 0n, 'DecimalSI'],
    ['0Ki', 0n, 'BinarySI'],
    ['0k', 0n, 'DecimalSI'],
    ['0Mi', 0n, 'BinarySI'],
    ['0M', 0n, 'DecimalSI'],
    ['0Gi', 0n, 'BinarySI'],
    ['0G', 0n, 'DecimalSI'],
    ['0Ti', 0n, 'BinarySI'],
    ['0T', 0n, 'DecimalSI'],
    // Quantity less numbers are allowed
    ['1', dq(1, 0), 'DecimalSI'],
    // Binary suffixes
    ['1Ki', dq(1024, 0), 'BinarySI'],
    ['8Ki', dq(8 * 1024, 0), 'BinarySI'],
    ['7Mi', dq(7 * 1024 * 1024, 0), 'BinarySI'],
    ['6Gi', dq(6 * 1024 ** 3, 0), 'BinarySI'],
    ['5Ti', dq(5 * 1024 ** 4, 0), 'BinarySI'],
    ['4Pi', dq(4n * 1024n ** 5n, 0), 'BinarySI'],
    ['3Ei', dq(3n * 1024n ** 6n, 0), 'BinarySI'],
    ['10Ti', dq(10 * 1024 ** 4, 0), 'BinarySI'],
    ['100Ti', dq(100 * 1024 ** 4, 0), 'BinarySI'],
    // Decimal suffixes
    ['5n', dq(5, -9), 'DecimalSI'],
    ['4u', dq(4, -6), 'DecimalSI'],
    ['3m', dq(3, -3), 'DecimalSI'],
    ['9', dq(9, 0), 'DecimalSI'],
    ['8k', dq(8, 3), 'DecimalSI'],
    ['50k', dq(5, 4), 'DecimalSI'],
    ['7M', dq(7, 6), 'DecimalSI'],
    ['6G', dq(6, 9), 'DecimalSI'],
    ['5T', dq(5, 12), 'DecimalSI'],
    ['40T', dq(4, 13), 'DecimalSI'],
    ['300T', dq(3, 14), 'DecimalSI'],
    ['2P', dq(2, 15), 'DecimalSI'],
    ['1E', dq(1, 18), 'DecimalSI'],
    // Decimal exponents
    ['1E-3', dq(1, -3), 'DecimalExponent'],
    ['1e3', dq(1, 3), 'DecimalExponent'],
    ['1E6', dq(1, 6), 'DecimalExponent'],
    ['1e9', dq(1, 9), 'DecimalExponent'],
    ['1E12', dq(1, 12), 'DecimalExponent'],
    ['1e15', dq(1, 15), 'DecimalExponent'],
    ['1E18', dq(1, 18), 'DecimalExponent'],
    // Nonstandard but still parsable
    ['1e14', dq(1, 14), 'DecimalExponent'],
    ['1e13', dq(1, 13), 'DecimalExponent'],
    ['100.035k', dq(100035, 0), 'DecimalSI'],
    // Things that look like floating point
    ['0.001', dq(1, -3), 'DecimalSI'],
    ['0.0005k', dq(5, -1), 'DecimalSI'],
    ['0.005', dq(5, -3), 'DecimalSI'],
    ['0.05', dq(5, -2), 'DecimalSI'],
    ['0.5', dq(5, -1), 'DecimalSI'],
    ['0.00050k', dq(5, -1), 'DecimalSI'],
    ['0.00500', dq(5, -3), 'DecimalSI'],
    ['0.05000', dq(5, -2), 'DecimalSI'],
    ['0.50000', dq(5, -1), 'DecimalSI'],
    ['0.5e0', dq(5, -1), 'DecimalExponent'],
    ['0.5e-1', dq(5, -2), 'DecimalExponent'],
    ['0.5e-2', dq(5, -3), 'DecimalExponent'],
    ['10.035M', dq(10035, 3), 'DecimalSI'],
    ['1.2e3', dq(12, 2), 'DecimalExponent'],
    ['1.3E+6', dq(13, 5), 'DecimalExponent'],
    ['1.40e9', dq(14, 8), 'DecimalExponent'],
    ['1.53E12', dq(153, 10), 'DecimalExponent'],
    ['1.6e15', dq(16, 14), 'DecimalExponent'],
    ['1.7E18', dq(17, 17), 'DecimalExponent'],
    ['9.01', dq(901, -2), 'DecimalSI'],
    ['8.1k', dq(81, 2), 'DecimalSI'],
    ['7.123456M', dq(7123456, 0), 'DecimalSI'],
    ['6.987654321G', dq(6987654321, 0), 'DecimalSI'],
    ['5.444T', dq(5444, 9), 'DecimalSI'],
    ['40.1T', dq(401, 11), 'DecimalSI'],
    ['300.2T', dq(3002, 11), 'DecimalSI'],
    ['2.5P', dq(25, 14), 'DecimalSI'],
    ['1.01E', dq(101, 16), 'DecimalSI'],
    // Things that saturate/round
    ['3.001n', dq(4, -9), 'DecimalSI'],
    ['1.1E-9', dq(2, -9), 'DecimalExponent'],
    ['0.0000000001', dq(1, -9), 'DecimalSI'],
    ['0.0000000005', dq(1, -9), 'DecimalSI'],
    ['0.00000000050', dq(1, -9), 'DecimalSI'],
    ['0.5e-9', dq(1, -9), 'DecimalExponent'],
    ['0.9n', dq(1, -9), 'DecimalSI'],
    ['0.00000012345', dq(124, -9), 'DecimalSI'],
    ['0.00000012354', dq(124, -9), 'DecimalSI'],
    ['9Ei', MAX_ALLOWED, 'BinarySI'],
    ['9223372036854775807Ki', MAX_ALLOWED, 'BinarySI'],
    ['12E', dq(12, 18), 'DecimalSI'],
    // We'll accept fractional binary stuff, too.
    ['100.035Ki', dq(10243584, -2), 'BinarySI'],
    ['0.5Mi', dq(0.5 * 1024 * 1024, 0), 'BinarySI'],
    ['0.05Gi', dq(536870912, -1), 'BinarySI'],
    ['0.025Ti', dq(274877906944, -1), 'BinarySI'],
    // Things written by trolls
    ['0.000000000001Ki', dq(2, -9), 'DecimalSI'], // rounds up, changes format
    ['.001', dq(1, -3), 'DecimalSI'],
    ['.0001k', dq(100, -3), 'DecimalSI'],
    ['1.', dq(1, 0), 'DecimalSI'],
    ['1.G', dq(1, 9), 'DecimalSI'],
  ]

  it.each(table)('%s', (input, nanos, format) => {
    const q = parsed(input)
    expect(q.nanos).toBe(nanos)
    expect(q.format).toBe(format)
  })

  it.each(table)('-%s is the negation, same format', (input, nanos, format) => {
    const q = parsed(`-${input}`)
    expect(q.nanos).toBe(-nanos)
    expect(q.format).toBe(format)
  })

  it.each(table)('+%s equals %s', (input, nanos, format) => {
    const q = parsed(`+${input}`)
    expect(q.nanos).toBe(nanos)
    expect(q.format).toBe(format)
  })

  it.each([
    '',
    '1.1.M',
    '1+1.0M',
    '0.1mi',
    '0.1am',
    'aoeu',
    '.5i',
    '1i',
    '-3.01i',
    '-3.01e-',
    // trailing whitespace is forbidden
    ' 1',
    '1 ',
    // ours: suffixes with a wrong case, unknown exponent forms
    '1K',
    '1KI',
    '1e',
    '1e+',
    '1Ki5',
    'Non-Numeric',
  ])('rejects %j', (input) => {
    expect(parseQuantity(input)).toBeNull()
  })

  it('parses the odd shapes parseQuantityString accepts (TestParseQuantityString)', () => {
    expect(parsed('.').nanos).toBe(0n)
    expect(parsed('-.').nanos).toBe(0n)
    expect(parsed('0.025Ti').nanos).toBe(dq(274877906944, -1))
  })

  it('reads YAML numbers through their text form', () => {
    expect(parsed(0.5).nanos).toBe(dq(5, -1))
    expect(formatQuantity(parsed(2))).toBe('2')
    expect(formatQuantity(parsed(0.1))).toBe('100m')
    expect(parseQuantity(Number.NaN)).toBeNull()
    expect(parseQuantity(Number.POSITIVE_INFINITY)).toBeNull()
  })
})

describe('formatQuantity (quantity_test.go TestQuantityString)', () => {
  // [value in nano-units, format, expected String(), alternate input that canonicalises to it]
  const table: [bigint, QuantityFormat, string, string][] = [
    [dq(1024 ** 3, 0), 'BinarySI', '1Gi', '1024Mi'],
    [dq(300 * 1024 * 1024, 0), 'BinarySI', '300Mi', '307200Ki'],
    [dq(6 * 1024, 0), 'BinarySI', '6Ki', ''],
    [dq(1001 * 1024 ** 3, 0), 'BinarySI', '1001Gi', '1025024Mi'],
    [dq(1024 ** 4, 0), 'BinarySI', '1Ti', '1024Gi'],
    [dq(5, 0), 'BinarySI', '5', '5000m'],
    [dq(500, -3), 'BinarySI', '500m', '0.5'],
    [dq(1, 9), 'DecimalSI', '1G', '1000M'],
    [dq(1000, 6), 'DecimalSI', '1G', '0.001T'],
    [dq(1000000, 3), 'DecimalSI', '1G', ''],
    [dq(1000000000, 0), 'DecimalSI', '1G', ''],
    [dq(1, -3), 'DecimalSI', '1m', '1000u'],
    [dq(80, -3), 'DecimalSI', '80m', ''],
    [dq(1080, -3), 'DecimalSI', '1080m', '1.08'],
    [dq(108, -2), 'DecimalSI', '1080m', '1080000000n'],
    [dq(10800, -4), 'DecimalSI', '1080m', ''],
    [dq(300, 6), 'DecimalSI', '300M', ''],
    [dq(1, 12), 'DecimalSI', '1T', ''],
    [dq(1, 18), 'DecimalSI', '1E', ''],
    [dq(1, 21), 'DecimalSI', '1e21', '1000E'],
    [dq(5, 21), 'DecimalSI', '5e21', '5000E'],
    [dq(1, 24), 'DecimalSI', '1e24', '1000000E'],
    [dq(1234567, 6), 'DecimalSI', '1234567M', ''],
    [dq(1234567, -3), 'BinarySI', '1234567m', ''],
    [dq(3, 3), 'DecimalSI', '3k', ''],
    [dq(1025, 0), 'BinarySI', '1025', ''],
    [0n, 'DecimalSI', '0', ''],
    [0n, 'BinarySI', '0', ''],
    [dq(1, 9), 'DecimalExponent', '1e9', '.001e12'],
    [dq(1, -3), 'DecimalExponent', '1e-3', '0.001e0'],
    [dq(1, -9), 'DecimalExponent', '1e-9', '1000e-12'],
    [dq(80, -3), 'DecimalExponent', '80e-3', ''],
    [dq(300, 6), 'DecimalExponent', '300e6', ''],
    [dq(1, 12), 'DecimalExponent', '1e12', ''],
    [dq(1, 3), 'DecimalExponent', '1e3', ''],
    [dq(3, 3), 'DecimalExponent', '3e3', ''],
    [0n, 'DecimalExponent', '0', '00'],
    [dq(1, -9), 'DecimalSI', '1n', ''],
    [dq(80, -9), 'DecimalSI', '80n', ''],
    [dq(1080, -9), 'DecimalSI', '1080n', ''],
    [dq(108, -8), 'DecimalSI', '1080n', ''],
    [dq(10800, -10), 'DecimalSI', '1080n', ''],
    [dq(1, -6), 'DecimalSI', '1u', ''],
    [dq(80, -6), 'DecimalSI', '80u', ''],
    [dq(1080, -6), 'DecimalSI', '1080u', ''],
  ]

  it.each(table)('%s %s prints %s', (nanos, format, expected, alternate) => {
    expect(formatQuantity({ nanos, format })).toBe(expected)
    // Parsing the canonical string keeps it; parsing the alternate gives the canonical form.
    expect(formatQuantity(parsed(expected))).toBe(expected)
    if (alternate) {
      const q = parsed(alternate)
      expect(q.text).toBeUndefined()
      expect(formatQuantity(q)).toBe(expected)
    }
  })

  it.each(table.filter(([n]) => n !== 0n))('-(%s %s) prints -%s', (nanos, format, expected) => {
    expect(formatQuantity({ nanos: -nanos, format })).toBe(`-${expected}`)
  })
})

describe('parse then print (quantity_test.go TestQuantityParseEmit)', () => {
  it.each([
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    // the doc comment of Quantity
    ['1.5', '1500m'],
    ['1.5Gi', '1536Mi'],
    ['1.2345', '1234500u'],
    ['0.9n', '1n'],
    ['8Ei', '9223372036854775807'],
    // resource values seen in the docs' examples
    ['500m', '500m'],
    ['250m', '250m'],
    ['64Mi', '64Mi'],
    ['128Mi', '128Mi'],
    ['1500m', '1500m'],
    ['0.5', '500m'],
    ['500M', '500M'],
    ['1k', '1k'],
    ['2000m', '2'],
  ])('%s → %s', (input, expected) => {
    expect(formatQuantity(parsed(input))).toBe(expected)
    const neg = parsed(`-${input}`)
    if (neg.nanos !== 0n) expect(formatQuantity(neg)).toBe(`-${expected}`)
  })

  it('keeps a text the fast path judges canonical, verbatim (ParseQuantity sets q.s)', () => {
    expect(formatQuantity(parsed('+1Ki'))).toBe('+1Ki')
    expect(formatQuantity(parsed('1E3'))).toBe('1E3')
    expect(formatQuantity(parsed('100.035k'))).toBe('100.035k')
    // ...but not when the mantissa ends in 000 or the binary value is a multiple of 8
    expect(formatQuantity(parsed('1000m'))).toBe('1')
    expect(formatQuantity(parsed('8Ki'))).toBe('8Ki')
    expect(parsed('8Ki').text).toBeUndefined()
  })
})

describe('values and arithmetic', () => {
  it('MilliValue and Value round up, away from zero (quantity.go ScaledValue)', () => {
    const table: [string, number, number][] = [
      ['1', 1000, 1],
      ['100m', 100, 1],
      ['1.5', 1500, 2],
      ['0.1m', 1, 1],
      ['1n', 1, 1],
      ['-1.5', -1500, -2],
      ['-0.1m', -1, -1],
      ['1Gi', 1073741824000, 1073741824],
      ['0', 0, 0],
    ]
    for (const [s, milli, v] of table) {
      expect(milliValue(parsed(s)), s).toBe(milli)
      expect(value(parsed(s)), s).toBe(v)
    }
    expect(scaledValue(parsed('1'), -3)).toBe(1000n)
    expect(scaledValue(parsed('1'), -9)).toBe(1000000000n)
    expect(scaledValue(parsed('1G'), 6)).toBe(1000n)
    expect(scaledValue(parsed('8Ei'), 0)).toBe((1n << 63n) - 1n)
  })

  it('compares exactly (TestQuantityCmp)', () => {
    const table: [string, string, number][] = [
      ['0', '0', 0],
      ['100m', '50m', 1],
      ['50m', '100m', -1],
      ['10000T', '100Gi', 1],
      ['1Ki', '1024', 0],
      ['0.1', '100m', 0],
      ['1e3', '1k', 0],
      ['-1', '1n', -1],
    ]
    for (const [x, y, want] of table) {
      expect(compareQuantity(parsed(x), parsed(y)), `${x} vs ${y}`).toBe(want)
      expect(compareQuantity(parsed(y), parsed(x)), `${y} vs ${x}`).toBe(0 - want || 0)
    }
  })

  it('adding or subtracting zero keeps the suffix (TestQuantityAddZeroPreservesSuffix)', () => {
    for (const s of ['100m', '1Gi']) {
      const q = parsed(s)
      expect(formatQuantity(addQuantity(q, parsed('0')))).toBe(s)
      expect(formatQuantity(addQuantity(parsed('0'), q))).toBe(s)
      expect(formatQuantity(subtractQuantity(q, ZERO_QUANTITY))).toBe(s)
      expect(formatQuantity(subtractQuantity(ZERO_QUANTITY, q))).toBe(`-${s}`)
    }
  })

  it('adds without floating-point error and prints the sum canonically', () => {
    expect(formatQuantity(addQuantity(parsed('100m'), parsed('200m')))).toBe('300m')
    expect(formatQuantity(addQuantity(parsed('0.1'), parsed('0.2')))).toBe('300m')
    expect(formatQuantity(addQuantity(parsed('512Mi'), parsed('512Mi')))).toBe('1Gi')
    expect(formatQuantity(addQuantity(parsed('1'), parsed('500m')))).toBe('1500m')
    expect(formatQuantity(subtractQuantity(parsed('1Gi'), parsed('1Gi')))).toBe('0')
  })
})

describe('properties', () => {
  it('never throws on arbitrary input, and whatever parses prints as something that parses back equal', () => {
    const alphabet = fc.constantFrom(...'0123456789.+-eEinumkKMGTP x'.split(''))
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 16 })), (s) => {
        const q = parseQuantity(s)
        if (q === null) return
        const printed = formatQuantity(q)
        const back = parseQuantity(printed)
        expect(back).not.toBeNull()
        expect(back!.nanos).toBe(q.nanos)
      }),
      { numRuns: 3000 },
    )
  })

  it('canonical output of a number with any suffix round-trips to the same string', () => {
    const suffix = fc.constantFrom('', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'Ki', 'Mi', 'Gi', 'e3', 'e-3')
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.nat({ max: 999 }), suffix, (int, frac, suf) => {
        const q = parsed(`${int}.${frac}${suf}`)
        const canonical = formatQuantity({ nanos: q.nanos, format: q.format })
        expect(formatQuantity(parsed(canonical))).toBe(canonical)
      }),
    )
  })
})
