import { describe, expect, it } from 'vitest'
import { addQuantity, canonicalQuantity, parseQuantity, ZERO, formatQuantity } from './quantity'

describe('Quantity canonical form (apimachinery resource.Quantity String / CanonicalizeBytes)', () => {
  it.each([
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1.5', '1500m'],
    ['2', '2'],
    ['1500', '1500'],
    ['2000', '2k'],
    ['128Mi', '128Mi'],
    ['1Gi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['1024', '1024'],
    ['128M', '128M'],
    ['512', '512'],
    ['0', '0'],
    ['1e3', '1e3'],
  ])('%s → %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want)
  })

  it('adds in the first operand’s format', () => {
    const sum = addQuantity(parseQuantity('250m')!, parseQuantity('1')!)
    expect(formatQuantity(sum)).toBe('1250m')
    const mem = addQuantity(parseQuantity('64Mi')!, parseQuantity('128Mi')!)
    expect(formatQuantity(mem)).toBe('192Mi')
    expect(formatQuantity(addQuantity(ZERO, parseQuantity('64Mi')!))).toBe('64Mi')
  })

  it('rejects non-quantities', () => {
    expect(parseQuantity('abc')).toBeNull()
    expect(parseQuantity('1Qi')).toBeNull()
  })
})
