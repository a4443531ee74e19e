import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { textChange } from './text-change'

const apply = (before: string, c: { start: number; end: number; text: string }) =>
  before.slice(0, c.start) + c.text + before.slice(c.end)

describe('textChange', () => {
  it('replaces only what differs', () => {
    expect(textChange('a\nb\nc\n', 'a\nb\nx\nc\n')).toEqual({ start: 4, end: 4, text: 'x\n' })
    expect(textChange('same', 'same')).toEqual({ start: 4, end: 4, text: '' })
    expect(textChange('abc', '')).toEqual({ start: 0, end: 3, text: '' })
  })
  it('reports added lines as whole lines', () => {
    const before = 'A\n    - {at: 120s}\n'
    const after = 'A\n    - { at: 90s }\n    - {at: 120s}\n'
    expect(textChange(before, after)).toEqual({ start: 2, end: 2, text: '    - { at: 90s }\n' })
  })
  it('always turns the old text into the new one', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const c = textChange(a, b)
        expect(c.start).toBeLessThanOrEqual(c.end)
        expect(apply(a, c)).toBe(b)
      }),
    )
  })
})
