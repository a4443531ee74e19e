import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'

describe('analyzeScenario', () => {
  it('reports an empty list item where it is written (the API server rejects the empty struct)', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    -\n'
    const { diagnostics, hasErrors } = analyzeScenario(text)
    expect(hasErrors).toBe(true)
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'null-item',
        line: 9,
        message: 'spec.containers[0].ports[0]: Required value: an empty list item',
      }),
    )
  })

  it('refuses a negative probe period instead of simulating a probe that never stops ticking', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    readinessProbe: {httpGet: {port: 80}, periodSeconds: -5}\n'
    expect(analyzeScenario(text).hasErrors).toBe(true)
  })
})
