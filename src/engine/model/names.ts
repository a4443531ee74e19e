import type { Rng } from '../sim/rng'

/**
 * The alphabet of `k8s.io/apimachinery/pkg/util/rand`: no vowels (no accidental words) and no
 * look-alike characters. Generated name suffixes and pod-template-hashes use only these.
 */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

/** `rand.String(n)`: the random suffix of `generateName` (5 characters for pods of a ReplicaSet). */
export function randomSuffix(rng: Rng, n = 5): string {
  let s = ''
  for (let i = 0; i < n; i++) s += SAFE_ALPHABET[rng.int(SAFE_ALPHABET.length)]
  return s
}

/**
 * `rand.SafeEncodeString`: maps each byte of the input onto the safe alphabet. The Deployment controller
 * applies it to the decimal form of a 32-bit hash to make the pod-template-hash.
 */
export function safeEncodeString(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length]
  return out
}

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/**
 * JSON with object keys sorted, so that equal values hash equally whatever order they were written in.
 */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

/**
 * A pod-template-hash in the shape the Deployment controller makes (`SafeEncodeString` of a decimal
 * 32-bit hash, e.g. `7d4b9c5f6d`). The controller hashes the Go struct; kubeplay hashes the template's
 * canonical JSON, so the value differs from a real cluster's but is stable for the same template.
 */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  return safeEncodeString(
    String(fnv32a(canonicalJson(template) + (collisionCount ? String(collisionCount) : ''))),
  )
}
