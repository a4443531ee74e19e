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

describe('startup window', () => {
  it('warns when the process starts later than its startup probe allows (DESIGN §2.6)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: slow
  annotations:
    kubeplay.dev/behavior: |
      app: {startSeconds: 90}
spec:
  containers:
  - name: app
    image: nginx:1.27
    startupProbe: {httpGet: {port: 80}, failureThreshold: 3, periodSeconds: 10}
`
    const found = analyzeScenario(text).diagnostics.filter((d) => d.code === 'startup-window')
    expect(found).toMatchObject([{ severity: 'warning', line: 12 }])
    expect(found[0]!.message).toContain('starts listening after 90s')
    expect(found[0]!.message).toContain('gives up after 30s')
    const fine = analyzeScenario(text.replace('startSeconds: 90', 'startSeconds: 20')).diagnostics
    expect(fine.filter((d) => d.code === 'startup-window')).toEqual([])
  })
})

describe('Scenario duration', () => {
  it('refuses a horizon past 24 h with a clear message instead of a hang', () => {
    const text =
      'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec: {duration: 25h}\n'
    expect(analyzeScenario(text).diagnostics).toMatchObject([
      { severity: 'error', line: 4, message: 'spec.duration: kubeplay simulates at most 24h' },
    ])
    expect(analyzeScenario(text.replace('25h', '2h')).diagnostics).toEqual([])
  })
})
