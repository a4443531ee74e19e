import { describe, expect, it } from 'vitest'
import type { ClusterView, PodView } from '../engine'
import { withoutProbeTicks } from './ticks'

const pod = (name: string, lastMs: number | null): PodView =>
  ({
    namespace: 'default',
    name,
    status: 'Running',
    ready: '1/1',
    restarts: 0,
    probes: [
      { container: 'web', kind: 'L', state: 'pass', lastMs },
      { container: 'web', kind: 'R', state: 'fail', count: 2, threshold: 3, lastMs },
    ],
  }) as unknown as PodView

const view = (pods: PodView[]): ClusterView => ({ t: 1000, pods }) as unknown as ClusterView

describe('withoutProbeTicks', () => {
  it('drops every tick time and keeps the rest of each probe dot', () => {
    const out = withoutProbeTicks(view([pod('a', 500), pod('b', null)]))
    expect(out.pods.flatMap((p) => p.probes!.map((d) => d.lastMs))).toEqual([null, null, null, null])
    expect(out.pods[0]!.probes![1]).toEqual({
      container: 'web',
      kind: 'R',
      state: 'fail',
      count: 2,
      threshold: 3,
      lastMs: null,
    })
  })

  it('two moments that differ only in their ticks give equal views', () => {
    expect(withoutProbeTicks(view([pod('a', 500)]))).toEqual(withoutProbeTicks(view([pod('a', 9500)])))
  })

  it('leaves a view without ticks as it is', () => {
    const v = view([pod('a', null)])
    expect(withoutProbeTicks(v)).toBe(v)
  })
})

describe('withoutProbeTicks keeps identities', () => {
  it('the same pods give the same stripped pods, so an unchanged tile stays the same object', () => {
    const a = pod('a', 500)
    const b = pod('b', 500)
    const first = withoutProbeTicks(view([a, b]))
    // The next frame: a new list (b changed) that holds the same `a`.
    const second = withoutProbeTicks(view([a, pod('b', 900)]))
    expect(second.pods[0]).toBe(first.pods[0])
    expect(second.pods[1]).not.toBe(first.pods[1])
    // The same list again (only the time moved): the same stripped list.
    const list = [a, b]
    expect(withoutProbeTicks(view(list)).pods).toBe(withoutProbeTicks(view(list)).pods)
  })
})
