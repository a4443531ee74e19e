import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'
import { simulate } from './sim/simulate'
import { clusterView } from './views'

const run = (text: string, untilS: number) =>
  simulate(analyzeScenario(text).objects, { untilMs: untilS * 1000 })

describe('clusterView probe dots', () => {
  const text = readFileSync(
    new URL('./testdata/k8s-website-examples/pods/probe/exec-liveness.yaml', import.meta.url),
    'utf8',
  )
  const tl = run(text, 100)
  const dots = (s: number) => clusterView(tl.stateAt(s * 1000)).pods[0]!.probes!
  const dot = (s: number) => dots(s).map((d) => ({ container: d.container, kind: d.kind, state: d.state }))

  it('show each probe’s last result for the current container, grey before its first probe (reference A4, G1)', () => {
    expect(dot(3)).toEqual([{ container: 'liveness', kind: 'L', state: 'none' }])
    expect(dot(20)).toEqual([{ container: 'liveness', kind: 'L', state: 'pass' }])
    expect(dot(40)).toEqual([{ container: 'liveness', kind: 'L', state: 'fail' }])
    // Restarted at ≈ 75 s; its first probe comes after the 5 s initial delay.
    expect(dot(80)).toEqual([{ container: 'liveness', kind: 'L', state: 'none' }])
    expect(dot(90)).toEqual([{ container: 'liveness', kind: 'L', state: 'pass' }])
  })

  it('count failures up to failureThreshold 3, one per 5 s tick (reference A4: a kill at the third)', () => {
    // The file goes at ≈ 30 s: the next ticks fail, one per period, and the third one kills.
    const failing = [31, 36, 41, 46, 51, 56, 61, 66, 71].map((s) => dots(s)[0]!)
    const counts = failing.filter((d) => d.state === 'fail').map((d) => d.count)
    expect(counts.slice(0, 3)).toEqual([1, 2, 3])
    expect(failing.filter((d) => d.state === 'fail').every((d) => d.threshold === 3)).toBe(true)
  })

  it('give the last tick of the probe’s ticker, so each tick can pulse, while it passes steadily', () => {
    // Sampled every 250 ms from 12 s to 29 s: the last tick trails the cursor by less than one period
    // and moves in steps of exactly periodSeconds (5 s).
    const samples = Array.from({ length: 69 }, (_, i) => 12_000 + i * 250)
    const ticks = samples.map((ms) => clusterView(tl.stateAt(ms)).pods[0]!.probes![0]!.lastMs!)
    samples.forEach((ms, i) => {
      expect(ticks[i]!).toBeLessThanOrEqual(ms)
      expect(ms - ticks[i]!).toBeLessThan(5000)
    })
    const steps = new Set(ticks)
    expect(steps.size).toBeGreaterThanOrEqual(3)
    const sorted = [...steps].sort((x, y) => x - y)
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBe(5000)
  })
})

describe('clusterView of the default scenario', () => {
  const text = readFileSync(new URL('../ui/default-scenario.yaml', import.meta.url), 'utf8')
  const tl = run(text, 120)
  const view = clusterView(tl.stateAt(60_000))

  it('sums the requests of each node’s pods against its allocatable, as kubectl describe node does', () => {
    const total = view.nodes.reduce((n, node) => n + node.requested!.cpuMilli, 0)
    // Three web replicas ask for 100m and 64Mi each; liveness-exec asks for nothing.
    expect(total).toBe(300)
    expect(view.nodes.reduce((n, node) => n + node.requested!.memoryBytes, 0)).toBe(3 * 64 * 1024 * 1024)
    expect(view.nodes.reduce((n, node) => n + node.requested!.pods, 0)).toBe(4)
    for (const n of view.nodes) {
      expect(n.allocatable!.cpuMilli).toBeGreaterThan(0)
      expect(n.allocatable!.pods).toBe(n.maxPods)
    }
  })

  it('names the pods behind the Service’s ready addresses', () => {
    const web = view.services.find((s) => s.name === 'web')!
    const webPods = view.pods.filter((p) => p.name.startsWith('web-')).map((p) => p.name)
    expect(web.readyPods).toEqual([...webPods].sort())
    expect(web.notReadyPods).toEqual([])
  })

  it('lists the Deployment and its ReplicaSet, and each pod’s own controller', () => {
    const dep = view.workloads!.find((w) => w.kind === 'Deployment')!
    const rs = view.workloads!.find((w) => w.kind === 'ReplicaSet')!
    expect(dep).toMatchObject({ name: 'web', owner: null, summary: '3/3', desired: 3 })
    expect(rs.owner).toBe('Deployment/web')
    expect(rs.name.startsWith('web-')).toBe(true)
    const pod = view.pods.find((p) => p.name.startsWith('web-'))!
    expect(pod.controller).toBe(`ReplicaSet/${rs.name}`)
    expect(pod.owner).toBe('Deployment/web')
    expect(view.pods.find((p) => p.name === 'liveness-exec')!.controller).toBeNull()
    expect(view.t).toBe(60_000)
  })

  it('marks the moment of the liveness kill as the pod’s last crash', () => {
    const pod = (s: number) => clusterView(tl.stateAt(s * 1000)).pods.find((p) => p.name === 'liveness-exec')!
    expect(pod(40).lastCrashMs).toBeNull()
    const after = pod(90).lastCrashMs!
    expect(after).toBeGreaterThan(40_000)
    expect(after).toBeLessThanOrEqual(90_000)
  })
})

describe('clusterView of a pod no node can take', () => {
  it('carries the scheduler’s per-node verdicts (kube-scheduler NodeResourcesFit: "Insufficient cpu")', () => {
    const tl = run(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers: [{name: a, image: nginx, resources: {requests: {cpu: "64"}}}]\n',
      30,
    )
    const pod = clusterView(tl.stateAt(10_000)).pods[0]!
    expect(pod.node).toBeNull()
    expect(pod.unschedulable!.map((v) => v.node)).toEqual(['worker-1', 'worker-2', 'worker-3'])
    for (const v of pod.unschedulable!) {
      expect(v.plugin).toBe('NodeResourcesFit')
      expect(v.reasons).toEqual(['Insufficient cpu'])
    }
  })
})
