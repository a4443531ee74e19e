import { describe, expect, it } from 'vitest'
import { createRng } from '../sim/rng'
import {
  canonicalJson,
  fnv32a,
  podTemplateHash,
  randomSuffix,
  SAFE_ALPHABET,
  safeEncodeString,
} from './names'

describe('names', () => {
  it('fnv32a matches the published FNV-1a test vectors', () => {
    expect(fnv32a('')).toBe(0x811c9dc5)
    expect(fnv32a('a')).toBe(0xe40c292c)
    expect(fnv32a('foobar')).toBe(0xbf9cf968)
  })

  it('safeEncodeString maps bytes onto the apimachinery alphabet', () => {
    // apimachinery/pkg/util/rand: alphanums[b % len(alphanums)]; '0' is byte 48, 48 % 27 = 21 → '4'.
    expect(safeEncodeString('0')).toBe('4')
    expect(safeEncodeString('0123456789')).toBe('456789bcdf')
  })

  it('randomSuffix draws 5 safe characters, the same for the same seed', () => {
    const a = randomSuffix(createRng(7))
    expect(a).toMatch(new RegExp(`^[${SAFE_ALPHABET}]{5}$`))
    expect(randomSuffix(createRng(7))).toBe(a)
    expect(randomSuffix(createRng(8))).not.toBe(a)
  })

  it('podTemplateHash ignores key order and changes with the template', () => {
    const t1 = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }
    const t2 = { spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { app: 'web' } } }
    expect(canonicalJson(t1)).toBe(canonicalJson(t2))
    expect(podTemplateHash(t1)).toBe(podTemplateHash(t2))
    expect(podTemplateHash(t1)).toMatch(new RegExp(`^[${SAFE_ALPHABET}]{6,10}$`))
    expect(podTemplateHash({ ...t1, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } })).not.toBe(
      podTemplateHash(t1),
    )
  })
})
