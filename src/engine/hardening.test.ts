import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'
import { checkLimits } from './limits'
import type { Diagnostic } from './model/diagnostic'
import { resimulate, simulate } from './sim/simulate'

/**
 * Bad and odd YAML (issue 8): each input gives positioned diagnostics, never an exception, and what
 * loads without errors simulates within the engine's limits.
 */

function analyze(text: string) {
  const a = analyzeScenario(text)
  for (const d of a.diagnostics) {
    expect(d.line, d.message).toBeGreaterThanOrEqual(1)
    expect(d.col, d.message).toBeGreaterThanOrEqual(1)
    expect(typeof d.message).toBe('string')
  }
  return a
}
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error')
const pod = (extra = '', name = 'web') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n${extra}`

function simulates(text: string, untilMs = 120_000) {
  const a = analyze(text)
  expect(errors(a.diagnostics)).toEqual([])
  const limits = checkLimits(a.objects)
  if (limits.length > 0) return limits
  return simulate(a.objects, { untilMs }).log.length
}

describe('YAML that attacks the parser', () => {
  it('a billion-laughs alias expansion is refused with a position', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i)
      const cur = String.fromCharCode(97 + i)
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${lines.map((l) => `  ${l}`).join('\n')}\n`
    const a = analyze(text)
    expect(errors(a.diagnostics)).toEqual([
      expect.objectContaining({
        line: 6,
        col: 10,
        message: 'yaml: document contains excessive aliasing (aliases that expand without bound are refused)',
      }),
    ])
    expect(a.objects).toEqual([])
  })

  it('very deep nesting', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
    const a = analyze(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: {x: "1"}\nextra: ${deep}\n`,
    )
    expect(a).toBeDefined()
    const block = Array.from({ length: 800 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n')
    expect(
      analyze(
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\nx:\n${block.replace(/^/gm, '  ')} 1\n`,
      ),
    ).toBeDefined()
  })

  it('duplicate keys, tabs and binary garbage give errors where they are', () => {
    const dup = analyze('apiVersion: v1\nkind: Pod\nkind: Service\nmetadata: {name: a}\n')
    expect(errors(dup.diagnostics)[0]).toMatchObject({ line: 3 })
    const tabs = analyze('apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n')
    expect(errors(tabs.diagnostics)[0]).toMatchObject({ line: 4 })
    const garbage = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))
    expect(errors(analyze(garbage).diagnostics).length).toBeGreaterThan(0)
  })

  it('a text over 2 MB is refused; 10,000 documents load', () => {
    const big = analyze(`# ${'x'.repeat(2 * 1024 * 1024)}\n`)
    expect(errors(big.diagnostics)[0]?.message).toMatch(
      /^the scenario is 2\.0 MiB; kubeplay reads at most 2\.0 MiB|^the scenario is/,
    )
    const many = Array.from(
      { length: 10_000 },
      (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`,
    ).join('---\n')
    const a = analyze(many)
    expect(a.objects).toHaveLength(10_000)
    expect(errors(a.diagnostics)).toEqual([])
  })
})

describe('fields of the wrong type or out of range', () => {
  it('numbers where strings belong and the reverse', () => {
    const a = analyze(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: 7}\nspec:\n  containers:\n    - name: app\n      image: 42\n      ports: [{containerPort: "eighty"}]\n`,
    )
    expect(errors(a.diagnostics).length).toBeGreaterThan(0)
  })

  it('negative and huge replicas', () => {
    const deploy = (n: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: ${n}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: app, image: nginx}]}\n`
    expect(errors(analyze(deploy('-3')).diagnostics)[0]).toMatchObject({ line: 5 })
    const huge = analyze(deploy('100000'))
    expect([...errors(huge.diagnostics), ...checkLimits(huge.objects)].length).toBeGreaterThan(0)
    expect(errors(analyze(deploy('1e400')).diagnostics).length).toBeGreaterThan(0)
  })

  it('probes with zero or negative periods', () => {
    const probe = (p: string) =>
      pod(`      livenessProbe: {exec: {command: [cat, /tmp/x]}, periodSeconds: ${p}}\n`)
    expect(errors(analyze(probe('-5')).diagnostics)[0]).toMatchObject({ line: 8 })
    // A period of 0 is defaulted to 10 by the API server (reference A7), so it simulates.
    expect(simulates(probe('0'))).toBeGreaterThan(0)
  })

  it('names that are not DNS labels', () => {
    const a = analyze(pod('', '"Web_Server!"'))
    expect(errors(a.diagnostics)[0]?.message).toMatch(/a lowercase RFC 1123/)
  })

  it('unicode everywhere', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "wëb-💥"\n  labels: {"ключ": "値"}\n  annotations: {note: "🚀 ünïcödé \u202e"}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n`
    const a = analyze(text)
    expect(errors(a.diagnostics)[0]).toMatchObject({ line: 4 })
    const ok = analyze(
      pod('').replace('metadata: {name: web}', 'metadata: {name: web, annotations: {note: "🚀 ünïcödé"}}'),
    )
    expect(errors(ok.diagnostics)).toEqual([])
    expect(
      simulates(
        pod('').replace('metadata: {name: web}', 'metadata: {name: web, annotations: {note: "🚀 ünïcödé"}}'),
      ),
    ).toBeGreaterThan(0)
  })
})

describe('inputs the long fuzz run (npm run fuzz) found crashing the analysis', () => {
  it("a null in a Node document's taints", () => {
    const a = analyzeScenario(
      'apiVersion: v1\nkind: Node\nmetadata: {name: gpu-1}\nspec:\n  taints:\n    -\n',
    )
    expect(a.objects.map((o) => o.kind)).toEqual(['Node'])
  })

  it('a behavior annotation over containers that are nulls or not a list', () => {
    for (const containers of ['[null]', '"web"', '[7, {name: app, image: nginx}]']) {
      const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    kubeplay.dev/behavior: |\n      app:\n        startSeconds: 60\nspec:\n  containers: ${containers}\n`
      const a = analyzeScenario(text)
      expect(a.hasErrors, containers).toBe(true)
    }
  })
})

describe('runaway scenarios meet documented limits with a clear message (issue 8)', () => {
  it('100,000 replicas', () => {
    const a = analyze(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 100000\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: app, image: nginx}]}\n',
    )
    expect(errors(a.diagnostics).map((d) => d.message)).toEqual([
      'the scenario asks for 100,000 pods; kubeplay simulates at most 10,000',
    ])
  })

  it('the pod limit points at the workload that asks for the most', () => {
    const a = analyze(
      `${pod()}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 100000\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: app, image: nginx}]}\n`,
    )
    expect(errors(a.diagnostics)).toEqual([
      expect.objectContaining({
        line: 9,
        message: 'the scenario asks for 100,001 pods; kubeplay simulates at most 10,000',
      }),
    ])
  })

  it('more nodes than the limit, as a count or as Node documents', () => {
    const a = analyze(
      'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: big}\nspec: {nodes: 100000}\n',
    )
    expect(errors(a.diagnostics)).toEqual([
      expect.objectContaining({
        line: 1,
        message: 'the scenario asks for 100,000 nodes; kubeplay simulates at most 1,000',
      }),
    ])
    const docs = Array.from(
      { length: 1001 },
      (_, i) => `apiVersion: v1\nkind: Node\nmetadata: {name: n${i}}\n`,
    ).join('---\n')
    expect(errors(analyze(docs).diagnostics).map((d) => d.message)).toEqual([
      'the scenario asks for 1,001 nodes; kubeplay simulates at most 1,000',
    ])
  })

  it('a 30-day horizon', () => {
    const a = analyze(
      'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: long}\nspec: {duration: 720h}\n',
    )
    expect(errors(a.diagnostics).map((d) => d.message)).toEqual([
      'spec.duration: kubeplay simulates at most 24h',
    ])
  })
})

describe('a run that reaches the memory limits stops there, with a message (issue 8)', () => {
  const crashLoop = (actions = '') =>
    analyzeScenario(`apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: runaway}
spec:
  duration: 24h
  timeline:${actions || ' []'}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 20
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations:
        kubeplay.dev/behavior: |
          app: {exit: {after: 0.001, code: 1}}
    spec:
      containers: [{name: app, image: nginx}]
`).objects

  it('stops at the log limit, and the horizon becomes the moment it stopped', () => {
    const tl = simulate(crashLoop(), { untilMs: 86_400_000, limits: { logEntries: 5_000 } })
    expect(tl.stopped?.reason).toMatch(
      /^the simulation stopped at \S+: it recorded 5,000 changes, kubeplay's limit; shorten spec\.duration or run fewer pods$/,
    )
    expect(tl.untilMs).toBe(tl.stopped!.atMs)
    expect(tl.untilMs).toBeLessThan(86_400_000)
    expect(tl.log.length).toBeLessThan(5_100)
  })

  it('stops at the keyframe memory limit', () => {
    const tl = simulate(crashLoop(), { untilMs: 86_400_000, limits: { keyframeEntries: 20_000 } })
    expect(tl.stopped?.reason).toMatch(/its snapshots for the timeline filled the memory kubeplay allows/)
    expect(tl.keyframes.at(-1)!.entries).toBeGreaterThanOrEqual(20_000)
  })

  it('a resumed run stops exactly where a fresh one does', () => {
    const limits = { logEntries: 8_000 }
    const before = simulate(crashLoop(), { untilMs: 86_400_000, limits })
    const edited = crashLoop('\n    - {at: 5m, action: scale, target: deployment/web, replicas: 25}')
    const resumed = resimulate(before, edited, { untilMs: 86_400_000, limits })
    const fresh = simulate(edited, { untilMs: 86_400_000, limits })
    expect(resumed.run.resumedFrom).not.toBeNull()
    expect(resumed.stopped).toEqual(fresh.stopped)
    expect(resumed.log.map((e) => `${e.t} ${e.key} ${e.summary}`)).toEqual(
      fresh.log.map((e) => `${e.t} ${e.key} ${e.summary}`),
    )
  })
})
