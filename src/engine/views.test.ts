import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'
import { simulate } from './sim/simulate'
import { clusterView } from './views'

describe('clusterView probe dots', () => {
  it('show each probe’s last result for the current container, grey before its first probe (reference A4, G1)', () => {
    const text = readFileSync(
      new URL('./testdata/k8s-website-examples/pods/probe/exec-liveness.yaml', import.meta.url),
      'utf8',
    )
    const tl = simulate(analyzeScenario(text).objects, { untilMs: 100_000 })
    const dot = (s: number) => clusterView(tl.stateAt(s * 1000)).pods[0]!.probes
    expect(dot(3)).toEqual([{ container: 'liveness', kind: 'L', state: 'none' }])
    expect(dot(20)).toEqual([{ container: 'liveness', kind: 'L', state: 'pass' }])
    expect(dot(40)).toEqual([{ container: 'liveness', kind: 'L', state: 'fail' }])
    // Restarted at ≈ 75 s; its first probe comes after the 5 s initial delay.
    expect(dot(80)).toEqual([{ container: 'liveness', kind: 'L', state: 'none' }])
    expect(dot(90)).toEqual([{ container: 'liveness', kind: 'L', state: 'pass' }])
  })
})
