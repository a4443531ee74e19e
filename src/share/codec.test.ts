import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeText, encodeText } from './codec'

describe('encodeText / decodeText', () => {
  it('round-trips any text, unicode included, through URL-safe characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const encoded = encodeText(text)
        expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/)
        expect(decodeText(encoded)).toEqual({ ok: true, text })
      }),
    )
  })

  it('compresses the default scenario well below its size', () => {
    const text = readFileSync(new URL('../ui/default-scenario.yaml', import.meta.url), 'utf8')
    expect(encodeText(text).length).toBeLessThan(text.length * 0.6)
  })

  it('rejects damaged, truncated and hostile input with a reason instead of throwing', () => {
    const good = encodeText('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n'.repeat(5))
    expect(decodeText(good.slice(0, good.length / 2))).toMatchObject({ ok: false })
    expect(decodeText('<script>')).toEqual({
      ok: false,
      reason: 'the link holds characters a kubeplay link never has',
    })
    expect(decodeText('A')).toMatchObject({ ok: false })
  })
})
