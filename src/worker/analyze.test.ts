import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'

describe('analyze', () => {
  it('returns counts, diagnostics and a view for good text', () => {
    const reply = analyze(
      7,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: x}]}\n',
    )
    expect(reply).toMatchObject({ revision: 7, objectCount: 1, kinds: { Pod: 1 }, diagnostics: [] })
    expect(reply.view?.pods.map((p) => p.name)).toEqual(['a'])
  })

  it('returns no view when the text has errors, so the page keeps the last good one', () => {
    const reply = analyze(8, 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n')
    expect(reply.view).toBeNull()
    expect(reply.diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml-syntax' })
  })

  it('replies with plain data that survives structured cloning', () => {
    const reply = analyze(1, 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n')
    expect(structuredClone(reply)).toEqual(reply)
  })
})
