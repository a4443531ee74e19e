import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replaceEqualDeep } from './stable'

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
