import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replaceEqualDeep, shareAlong } from './stable'

/** Every part of `out` that deep-equals the same part of `prev` is `prev`'s object itself. */
function expectShared(prev: unknown, out: unknown, path = '$'): void {
  if (prev !== null && typeof prev === 'object' && out !== null && typeof out === 'object') {
    if (JSON.stringify(prev) === JSON.stringify(out) && Array.isArray(prev) === Array.isArray(out)) {
      expect(out, path).toBe(prev)
      return
    }
    for (const k of Object.keys(out)) {
      if (k in prev)
        expectShared(
          (prev as Record<string, unknown>)[k],
          (out as Record<string, unknown>)[k],
          `${path}.${k}`,
        )
    }
  }
}

/** `value` with one leaf somewhere below it replaced by `leaf` (or itself if it has none). */
function withLeaf(value: unknown, route: readonly number[], leaf: unknown): unknown {
  if (value === null || typeof value !== 'object' || route.length === 0) return leaf
  const keys = Object.keys(value)
  if (keys.length === 0) return leaf
  const k = keys[route[0]! % keys.length]!
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value }
  ;(copy as Record<string, unknown>)[k] = withLeaf(
    (value as Record<string, unknown>)[k],
    route.slice(1),
    leaf,
  )
  return copy
}

describe('replaceEqualDeep (structural sharing of views)', () => {
  const json = fc.jsonValue({ maxDepth: 4 })

  it('gives a value equal to next, sharing every part of prev it equals', () => {
    fc.assert(
      fc.property(json, json, (prev, next) => {
        const out = replaceEqualDeep(prev, next)
        expect(out).toEqual(next)
        expectShared(prev, out)
      }),
    )
  })

  it('keeps prev whole when a fresh copy of it arrives, and shares all but the changed path', () => {
    fc.assert(
      fc.property(json, fc.array(fc.nat(), { maxLength: 5 }), json, (prev, route, leaf) => {
        expect(replaceEqualDeep(prev, structuredClone(prev))).toBe(prev)
        const next = withLeaf(structuredClone(prev), route, leaf)
        const out = replaceEqualDeep(prev, next)
        expect(out).toEqual(next)
        expectShared(prev, out)
      }),
    )
  })

  it('a pod whose probe ticked is new; its neighbours and its unchanged parts are the old objects', () => {
    const pod = (name: string, lastMs: number) => ({
      name,
      status: 'Running',
      labels: { app: 'web' },
      probes: [{ kind: 'R', state: 'pass', lastMs }],
    })
    const prev = { t: 1000, pods: [pod('a', 500), pod('b', 500)] }
    const out = replaceEqualDeep(prev, { t: 2000, pods: [pod('a', 500), pod('b', 1500)] })
    expect(out).not.toBe(prev)
    expect(out.pods[0]).toBe(prev.pods[0])
    expect(out.pods[1]).not.toBe(prev.pods[1])
    expect(out.pods[1]!.labels).toBe(prev.pods[1]!.labels)
    expect(out.pods[1]!.probes[0]!.lastMs).toBe(1500)
    expect(Object.keys(out.pods[1]!)).toEqual(['name', 'status', 'labels', 'probes'])
  })
})

describe('shareAlong (structural sharing along a stream of decoded views)', () => {
  const json = fc.jsonValue({ maxDepth: 4 })

  it('gives what replaceEqualDeep gives: a value equal to next, sharing every part of prevOut it equals', () => {
    fc.assert(
      fc.property(json, fc.array(fc.nat(), { maxLength: 5 }), json, json, (prevIn, route, leaf, other) => {
        // prevOut: an equal copy of prevIn with none of its objects (an older value shared in place).
        const prevOut = structuredClone(prevIn)
        // next: prevIn with one path changed (the rest of it the very objects of prevIn), or unrelated.
        for (const next of [withLeaf(prevIn, route, leaf), other, prevIn]) {
          const out = shareAlong(prevIn, prevOut, next)
          expect(out).toEqual(next)
          expectShared(prevOut, out)
        }
      }),
    )
  })

  it('does not walk a part that is the very object it had last time', () => {
    // A pod that throws when read: replaceEqualDeep against an equal copy would have to read it.
    const trap = (name: string) =>
      Object.defineProperty({ name }, 'status', {
        enumerable: true,
        get() {
          throw new Error(`${name} was read`)
        },
      })
    const pods = [trap('a'), trap('b'), { name: 'x', status: 'Running' }]
    const prevIn = { pods, nodes: [{ name: 'n1' }] }
    const prevOut = {
      pods: [
        { name: 'a', status: 'Running' },
        { name: 'b', status: 'Running' },
        { name: 'x', status: 'Running' },
      ],
      nodes: [{ name: 'n1' }],
    }
    expect(() => replaceEqualDeep(prevOut, { pods, nodes: [{ name: 'n1' }] })).toThrow(/was read/)
    const out = shareAlong(prevIn, prevOut, { pods, nodes: [{ name: 'n1' }] })
    expect(out).toBe(prevOut)
    // One pod replaced: the list is new, the other pods are last time's output, untouched.
    const next = { pods: [pods[0]!, pods[1]!, { name: 'x', status: 'Pending' }], nodes: prevIn.nodes }
    const out2 = shareAlong(prevIn, prevOut, next)
    expect(out2.pods).not.toBe(prevOut.pods)
    expect(out2.pods[0]).toBe(prevOut.pods[0])
    expect(out2.pods[1]).toBe(prevOut.pods[1])
    expect(out2.pods[2]).toEqual({ name: 'x', status: 'Pending' })
    expect(out2.nodes).toBe(prevOut.nodes)
  })
})
