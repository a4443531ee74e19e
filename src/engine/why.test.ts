import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'
import { simulate } from './sim/simulate'
import { explainPod } from './why'

const run = (text: string, untilS: number) =>
  simulate(analyzeScenario(text).objects, { untilMs: untilS * 1000 })

describe('explainPod', () => {
  it('explains a pod that fits on no node with the scheduler verdict of each node (reference E1, E2)', () => {
    const tl = run(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec: {containers: [{name: c, image: nginx, resources: {requests: {cpu: "64"}}}]}\n',
      10,
    )
    const lines = explainPod(tl.stateAt(5000), 'default', 'big')
    expect(lines[0]).toBe('Pending: no node can take it.')
    expect(lines.slice(1)).toEqual([
      '  worker-1: Insufficient cpu (NodeResourcesFit)',
      '  worker-2: Insufficient cpu (NodeResourcesFit)',
      '  worker-3: Insufficient cpu (NodeResourcesFit)',
    ])
  })

  it('explains a restart by liveness failure with the kubelet message (reference G1)', () => {
    const tl = run(
      `apiVersion: v1
kind: Pod
metadata: {name: liveness-exec}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe: {exec: {command: [cat, /tmp/healthy]}, initialDelaySeconds: 5, periodSeconds: 5}
`,
      90,
    )
    expect(explainPod(tl.stateAt(20_000), 'default', 'liveness-exec')).toEqual([
      'Running and Ready: nothing holds it back.',
    ])
    expect(explainPod(tl.stateAt(80_000), 'default', 'liveness-exec')).toEqual([
      'Container liveness restarted 1 time; the last time because the kubelet killed it: Container liveness failed liveness probe, will be restarted.',
    ])
  })

  it('explains not-ready pods by their failing readiness probe', () => {
    const tl = run(
      `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    kubeplay.dev/behavior: |
      web: {probes: {readiness: {fail: [[20, null]]}}}
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
`,
      60,
    )
    expect(explainPod(tl.stateAt(50_000), 'default', 'web')).toEqual([
      'Not ready: container web fails its readiness probe: Readiness probe failed: HTTP probe failed with statuscode: 500.',
    ])
  })
})

describe('explainPod during a preemption (preemption.go prepareCandidate; default_preemption.go)', () => {
  const text = readFileSync(new URL('../../public/scenarios/preemption.yaml', import.meta.url), 'utf8')
  const tl = run(text, 60)
  const s = tl.stateAt(35_000)
  const victims = [...s.objects.values()]
    .filter((o) => o.kind === 'Pod' && o.metadata.deletionTimestamp)
    .map((o) => o.metadata.name)
    .sort()

  it('says the nominated pod waits for the pods it preempted, by name', () => {
    expect(victims).toHaveLength(2)
    const lines = explainPod(s, 'default', 'critical')
    expect(lines[0]).toMatch(
      /^Pending, nominated to node-a: the scheduler preempted 2 lower-priority pods there \((batch-\S+), (batch-\S+)\) and keeps the room for this pod until they are gone\.$/,
    )
    for (const v of victims) expect(lines[0]).toContain(v)
    expect(lines[1]).toBe('  node-a: Insufficient cpu (NodeResourcesFit)')
  })

  it('says a victim is going away for the higher-priority pod', () => {
    expect(explainPod(s, 'default', victims[0]!)[0]).toBe(
      'Terminating: preempted by the scheduler to make room for the higher-priority pod default/critical; its containers get 20s to stop before they are killed.',
    )
  })
})
