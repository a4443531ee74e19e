import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonEqual } from './sim'
import { canonicalJson } from '../model/names'

describe('jsonEqual', () => {
  it('agrees with comparing canonical JSON texts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(jsonEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b))
        expect(jsonEqual(a, structuredClone(a))).toBe(true)
      }),
      { seed: 20261125 },
    )
  })

  it('ignores keys holding undefined and the order of keys, not the order of arrays', () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true)
    expect(jsonEqual([1, 2], [2, 1])).toBe(false)
    expect(jsonEqual({ a: null }, {})).toBe(false)
  })
})
