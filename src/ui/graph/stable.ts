/**
 * Structural sharing: `next` with every part that deep-equals the same part of `prev` replaced by
 * `prev`'s object. Views arrive from the worker as fresh copies on every frame; after this, an unchanged
 * pod, node or card keeps its identity, so memoised components skip it.
 *
 * @example replaceEqualDeep({ a: [1], b: 1 }, { a: [1], b: 2 }).a === prev.a // true
 */
export function replaceEqualDeep<T>(prev: unknown, next: T): T {
  if (prev === next) return next
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length
    const out = next.map((item, i) => {
      const v = replaceEqualDeep(prev[i], item)
      if (v !== prev[i]) same = false
      return v
    })
    return (same ? prev : out) as T
  }
  if (isPlain(prev) && isPlain(next)) {
    const prevKeys = Object.keys(prev)
    const nextKeys = Object.keys(next)
    let same = prevKeys.length === nextKeys.length
    const out: Record<string, unknown> = {}
    for (const k of nextKeys) {
      const v = replaceEqualDeep(prev[k], next[k])
      out[k] = v
      if (v !== prev[k] || !(k in prev)) same = false
    }
    return (same ? prev : out) as T
  }
  return next
}

function isPlain(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}
