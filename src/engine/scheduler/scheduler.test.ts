import type { Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate, type Timeline } from '../sim/simulate'
import { clusterObjects } from '../views'
import { fitError, fitErrorMessage } from './fit-error'
import { status, type Status } from './framework'
import { nodeChangeMatters, whyPending } from './scheduler'

function run(yaml: string, untilS = 30): Timeline {
  const analysis = analyzeScenario(yaml)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000 })
}

function at(tl: Timeline, s: number): { pods: Pod[]; events: Event[] } {
  const o = clusterObjects(tl.stateAt(s * 1000))
  return { pods: o.pods, events: o.events }
}

const nodeDoc = (name: string, extra = '') => `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels: {zone: z-${name}}
status:
  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
${extra}---
`
const tainted = `spec:
  taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]
`
const podDoc = (name: string, cpu: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: ${name}}}
spec:
  containers: [{name: c, image: nginx, resources: {requests: {cpu: "${cpu}"}}}]
${extra}---
`
const placement = (tl: Timeline, s: number) =>
  Object.fromEntries(at(tl, s).pods.map((p) => [p.metadata!.name, p.spec!.nodeName ?? null]))
const failedScheduling = (tl: Timeline, s: number, pod: string) =>
  at(tl, s).events.filter((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === pod)

describe('fitError (k/k pkg/scheduler/framework/types.go FitError.Error, reference E1)', () => {
  const u = (plugin: string, ...r: string[]): Status => status('Unschedulable', plugin, ...r)
  it('counts reasons over nodes and sorts the entries as strings', () => {
    const nodes = new Map<string, Status>([
      ...Array.from({ length: 10 }, (_, i) => [`a${i}`, u('NodeResourcesFit', 'Insufficient cpu')] as const),
      ['b', u('NodeResourcesFit', 'Insufficient cpu', 'Insufficient memory')],
      ['c', u('TaintToleration', 'node(s) had untolerated taint(s)')],
    ])
    expect(fitError({ numAllNodes: 12, statuses: { nodes, absent: u('') } })).toBe(
      '0/12 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint(s), 11 Insufficient cpu.',
    )
  })
  it('counts absent nodes with the PreFilter result status', () => {
    const nodes = new Map([['n1', u('NodeResourcesFit', 'Insufficient cpu')]])
    const absent = status('UnschedulableAndUnresolvable', 'NodeAffinity', "node(s) didn't satisfy plugin(s) [NodeAffinity]") // prettier-ignore
    expect(fitError({ numAllNodes: 3, statuses: { nodes, absent } })).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    )
  })
  it('keeps fitErrorMessage: resource shortages find no victims, everything else is not helpful', () => {
    const reasons = new Map([
      ['cp', ['node(s) had untolerated taint(s)']],
      ['w1', ['Insufficient cpu']],
      ['w2', ['Insufficient cpu']],
    ])
    expect(fitErrorMessage(3, reasons)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    )
  })
})

describe('FailedScheduling on a simulated cluster (reference E1, E2)', () => {
  const cluster = nodeDoc('cp', tainted) + nodeDoc('w1') + nodeDoc('w2')

  it('aggregates a taint and two cpu shortages byte for byte, as a 1.35 cluster prints it', () => {
    const tl = run(cluster + podDoc('fill-1', '1500m') + podDoc('fill-2', '1500m') + podDoc('big', '1'), 5)
    const [event] = failedScheduling(tl, 5, 'big')
    const want =
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.'
    expect(event?.message).toBe(want)
    expect(event?.source?.component).toBe('default-scheduler')
    const big = at(tl, 5).pods.find((p) => p.metadata!.name === 'big')!
    expect(big.status!.conditions!.find((c) => c.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: want,
    })
  })

  it('says "Preemption is not helpful" for a pod larger than any node', () => {
    const tl = run(cluster + podDoc('huge', '3'), 5)
    expect(failedScheduling(tl, 5, 'huge')[0]?.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    )
  })

  it('names the nodes a DaemonSet-style pin excludes', () => {
    const pinned = `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [w1]}]}]
`
    const tl = run(cluster + podDoc('fill', '1500m', '  nodeName: w1\n') + podDoc('ds', '1', pinned), 5)
    expect(failedScheduling(tl, 5, 'ds')[0]?.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    )
  })

  it('keeps the per-node statuses for "why Pending?"', () => {
    const tl = run(cluster + podDoc('fill-1', '1500m') + podDoc('fill-2', '1500m') + podDoc('big', '1'), 5)
    expect(whyPending(tl.stateAt(5000), 'Pod/default/big')).toEqual([
      { node: 'cp', plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint(s)'] },
      { node: 'w1', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
      { node: 'w2', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
    ])
    expect(whyPending(tl.stateAt(5000), 'Pod/default/fill-1')).toBeNull()
  })

  it('retries when a pod is deleted and binds the pending pod into the freed room', () => {
    const scenario = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: retry}
spec:
  timeline:
    - {at: 10s, action: delete, target: pod/fill-1, gracePeriodSeconds: 0}
---
`
    const tl = run(
      scenario + cluster + podDoc('fill-1', '1500m') + podDoc('fill-2', '1500m') + podDoc('big', '1'),
      30,
    )
    expect(placement(tl, 5).big).toBeNull()
    const after = placement(tl, 30)
    expect(after['fill-1']).toBeUndefined()
    expect(after.big).toBe('w1')
    const scheduled = at(tl, 30).events.find(
      (e) => e.reason === 'Scheduled' && e.involvedObject.name === 'big',
    )
    expect(scheduled?.message).toBe('Successfully assigned default/big to w1')
    expect(whyPending(tl.stateAt(30000), 'Pod/default/big')).toBeNull()
  })
})

describe('scoring picks (reference E3)', () => {
  it('LeastAllocated + BalancedAllocation spread equal pods over equal nodes, ties by node name', () => {
    const tl = run(nodeDoc('a') + nodeDoc('b') + nodeDoc('c') + podDoc('p1', '500m') + podDoc('p2', '500m') + podDoc('p3', '500m'), 5) // prettier-ignore
    expect(placement(tl, 5)).toEqual({ p1: 'a', p2: 'b', p3: 'c' })
  })

  it('preferred node affinity outweighs free room', () => {
    const preferred = `  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - {weight: 50, preference: {matchExpressions: [{key: zone, operator: In, values: [z-b]}]}}
`
    const tl = run(nodeDoc('a') + nodeDoc('b') + podDoc('fill', '1', '  nodeName: b\n') + podDoc('p', '100m', preferred), 5) // prettier-ignore
    expect(placement(tl, 5).p).toBe('b')
  })

  it('PreferNoSchedule taints repel', () => {
    const soft = `spec:
  taints: [{key: spot, effect: PreferNoSchedule}]
`
    const tl = run(nodeDoc('a', soft) + nodeDoc('b') + podDoc('fill', '500m', '  nodeName: b\n') + podDoc('p', '100m'), 5) // prettier-ignore
    expect(placement(tl, 5).p).toBe('b')
  })

  it('required anti-affinity on hostname puts replicas on different nodes, the last one Pending', () => {
    const anti = (app: string) => `  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {tier: ${app}}}}
`
    const p = (name: string) =>
      podDoc(name, '100m', anti('web')).replace(`labels: {app: ${name}}`, `labels: {app: ${name}, tier: web}`)
    const tl = run(nodeDoc('a') + nodeDoc('b') + p('r1') + p('r2') + p('r3'), 5)
    expect(placement(tl, 5)).toEqual({ r1: 'a', r2: 'b', r3: null })
    expect(failedScheduling(tl, 5, 'r3')[0]?.message).toBe(
      "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    )
  })

  it('is deterministic: the same scenario gives the same log', () => {
    const yaml =
      nodeDoc('a') + nodeDoc('b') + podDoc('p1', '300m') + podDoc('p2', '700m') + podDoc('p3', '200m')
    expect(JSON.stringify(run(yaml, 10).log)).toBe(JSON.stringify(run(yaml, 10).log))
  })
})

const priorityClass = (name: string, value: number) => `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: ${name}}
value: ${value}
---
`
describe('preemption (k/k pkg/scheduler/framework/preemption/preemption.go)', () => {
  it('evicts a lower-priority pod and nominates its node', () => {
    const high = '  priorityClassName: high\n'
    const tl = run(priorityClass('high', 1000) + nodeDoc('a') + podDoc('low', '1500m', '  nodeName: a\n') + podDoc('high', '1', high), 3) // prettier-ignore
    // Just after the first attempt (SCHEDULE_LATENCY_MS), before the victim has stopped.
    const { pods, events } = at(tl, 0.05)
    const highPod = pods.find((p) => p.metadata!.name === 'high')!
    expect(highPod.status?.nominatedNodeName).toBe('a')
    expect(highPod.spec?.nodeName).toBeUndefined()
    const preempted = events.find((e) => e.reason === 'Preempted')
    expect(preempted?.message).toBe(`Preempted by pod ${highPod.metadata!.uid} on node a`)
    expect(preempted?.involvedObject.name).toBe('low')
    // No PostFilter message once preemption found a node.
    expect(events.find((e) => e.reason === 'FailedScheduling')?.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu.',
    )
    const low = pods.find((p) => p.metadata!.name === 'low')
    expect(low?.metadata?.deletionTimestamp ?? 'gone').toBeTruthy()
  })

  it('binds the preemptor once the victim is gone', () => {
    const tl = run(priorityClass('high', 1000) + nodeDoc('a') + podDoc('low', '1500m', '  nodeName: a\n  terminationGracePeriodSeconds: 1\n') + podDoc('high', '1', '  priorityClassName: high\n'), 60) // prettier-ignore
    expect(placement(tl, 60)).toEqual({ high: 'a' })
  })
})

describe('nodeChangeMatters (the watch that retries pending pods on Node updates)', () => {
  const n = (labels: Record<string, string>, heartbeat: string, taints: unknown[] = []) =>
    ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'a', labels }, spec: { taints }, status: { allocatable: { cpu: '2' }, conditions: [{ type: 'Ready', lastHeartbeatTime: heartbeat }] } }) // prettier-ignore
  const cases = [
    { name: 'a heartbeat alone', old: n({}, 't1'), next: n({}, 't2'), want: false },
    { name: 'a new label', old: n({}, 't1'), next: n({ disk: 'ssd' }, 't1'), want: true },
    {
      name: 'a removed taint',
      old: n({}, 't1', [{ key: 'k', effect: 'NoSchedule' }]),
      next: n({}, 't1'),
      want: true,
    },
  ]
  for (const c of cases) it(c.name, () => expect(nodeChangeMatters(c.old, c.next)).toBe(c.want))
})
