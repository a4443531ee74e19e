/** A JSON object as decoded from a manifest. */
export type JsonObject = Record<string, unknown>

/** True for a plain JSON object (not an array, not null). */
export function isRecord(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * A deep copy of a JSON value in which object keys holding `null` are dropped, as a Go round trip drops
 * them (a `null` pointer field is nil and is omitted when the API server writes the object back).
 */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x: unknown) => cloneJson(x)) as T
  if (isRecord(v)) {
    const out: JsonObject = {}
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = cloneJson(x)
    return out as T
  }
  return v
}

/** `obj[key]` if it is a JSON object, else undefined. */
export function recordAt(obj: JsonObject, key: string): JsonObject | undefined {
  const v = obj[key]
  return isRecord(v) ? v : undefined
}

/** The JSON objects among `obj[key]` if it is a list, else an empty list. */
export function recordsAt(obj: JsonObject, key: string): JsonObject[] {
  const v = obj[key]
  return Array.isArray(v) ? v.filter(isRecord) : []
}

/** `obj[key]` as a string map (non-string values skipped), or undefined if it is not an object. */
export function stringMapAt(obj: JsonObject, key: string): Record<string, string> | undefined {
  const v = recordAt(obj, key)
  if (!v) return undefined
  const out: Record<string, string> = {}
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x
  return out
}

/** Go's zero-value test for a JSON scalar the API server treats as "unset": absent, `""`, `0` or `false`. */
export function isZero(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === 0 || v === false
}

/** Ensures `obj[key]` is an object (creating `{}` when absent) and returns it; undefined if it is another type. */
export function ensureRecord(obj: JsonObject, key: string): JsonObject | undefined {
  if (obj[key] === undefined || obj[key] === null) obj[key] = {}
  return recordAt(obj, key)
}
