import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { popItem, pushItem, type QueueItem } from './queue'

describe('event queue', () => {
  it('pops by time, then by the order items were pushed (DESIGN §2.1)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const heap: QueueItem<number>[] = []
        times.forEach((at, seq) => pushItem(heap, { at, seq, task: seq }))
        const out: QueueItem<number>[] = []
        for (let x = popItem(heap); x; x = popItem(heap)) out.push(x)
        const want = times
          .map((at, seq) => ({ at, seq, task: seq }))
          .sort((a, b) => a.at - b.at || a.seq - b.seq)
        expect(out).toEqual(want)
      }),
    )
  })

  it('is empty after the last pop', () => {
    const heap: QueueItem[] = []
    pushItem(heap, { at: 1, seq: 0, task: null })
    expect(popItem(heap)?.at).toBe(1)
    expect(popItem(heap)).toBeUndefined()
  })
})
