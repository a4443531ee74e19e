/**
 * Structural sharing: `next` with every part that deep-equals the same part of `prev` replaced by
 * `prev`'s object. Views arrive from the worker as fresh copies on every frame; after this, an unchanged
 * pod, node or card keeps its identity, so memoised components skip it. Nothing is allocated for the
 * parts that are equal: a copy is started only at the first difference found.
 *
 * @example replaceEqualDeep({ a: [1], b: 1 }, { a: [1], b: 2 }).a === prev.a // true
 */
export function replaceEqualDeep<T>(prev: unknown, next: T): T {
  if (prev === next) return next
  if (Array.isArray(prev) && Array.isArray(next)) {
    let out: unknown[] | null = prev.length === next.length ? null : []
    for (let i = 0; i < next.length; i++) {
      const v = replaceEqualDeep(prev[i], next[i] as unknown)
      if (out === null && v !== prev[i]) out = prev.slice(0, i)
      if (out !== null) out.push(v)
    }
    return (out ?? prev) as T
  }
  if (isPlain(prev) && isPlain(next)) {
    const nextKeys = Object.keys(next)
    let out: Record<string, unknown> | null = Object.keys(prev).length === nextKeys.length ? null : {}
    for (let i = 0; i < nextKeys.length; i++) {
      const k = nextKeys[i]!
      const v = replaceEqualDeep(prev[k], next[k])
      if (out === null && (v !== prev[k] || !(k in prev))) {
        out = {}
        for (let j = 0; j < i; j++) out[nextKeys[j]!] = prev[nextKeys[j]!]
      }
      if (out !== null) out[k] = v
    }
    return (out ?? prev) as T
  }
  return next
}

function isPlain(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * Structural sharing along a stream of values: `next` against the last value in (`prevIn`) and what it
 * gave out (`prevOut`, deep-equal to `prevIn`). A part of `next` that is the very object `prevIn` had
 * there gives `prevOut`'s part at once, without a walk: views decoded from patches keep the identity of
 * everything unchanged, but once a shared part was swapped for an older equal one, the page's copy and
 * the decoder's no longer share identities, and a plain {@link replaceEqualDeep} would compare every
 * pod on every frame. Only the parts that are new objects are compared.
 */
export function shareAlong<T>(prevIn: unknown, prevOut: unknown, next: T): T {
  if (next === prevIn) return prevOut as T
  if (Array.isArray(next) && Array.isArray(prevIn) && Array.isArray(prevOut)) {
    let out: unknown[] | null = prevOut.length === next.length ? null : []
    for (let i = 0; i < next.length; i++) {
      const v = shareAlong(prevIn[i], prevOut[i], next[i] as unknown)
      if (out === null && v !== prevOut[i]) out = prevOut.slice(0, i)
      if (out !== null) out.push(v)
    }
    return (out ?? prevOut) as T
  }
  if (isPlain(next) && isPlain(prevIn) && isPlain(prevOut)) {
    const nextKeys = Object.keys(next)
    let out: Record<string, unknown> | null = Object.keys(prevOut).length === nextKeys.length ? null : {}
    for (let i = 0; i < nextKeys.length; i++) {
      const k = nextKeys[i]!
      const v = shareAlong(prevIn[k], prevOut[k], next[k])
      if (out === null && (v !== prevOut[k] || !(k in prevOut))) {
        out = {}
        for (let j = 0; j < i; j++) out[nextKeys[j]!] = prevOut[nextKeys[j]!]
      }
      if (out !== null) out[k] = v
    }
    return (out ?? prevOut) as T
  }
  return replaceEqualDeep(prevOut, next)
}
