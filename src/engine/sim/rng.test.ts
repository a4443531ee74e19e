import { describe, expect, it } from 'vitest'
import { createRng } from './rng'

describe('createRng', () => {
  it('is mulberry32: seed 1 starts with the reference value', () => {
    expect(createRng(1).next()).toBe(0.6270739405881613)
  })

  it('repeats for the same seed and stays in range', () => {
    const a = createRng(42)
    const b = createRng(42)
    for (let i = 0; i < 1000; i++) {
      const x = a.next()
      expect(x).toBe(b.next())
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
    }
    const ints = new Set(Array.from({ length: 500 }, () => a.int(6)))
    expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5])
  })
})

describe('rng state', () => {
  it('continues the same sequence from a copied state', () => {
    const a = createRng(9)
    a.next()
    const copy = createRng(structuredClone(a.state))
    expect(copy.next()).toBe(a.next())
  })
})
