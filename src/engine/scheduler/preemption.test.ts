import type { Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate, type Timeline } from '../sim/simulate'
import { clusterObjects } from '../views'
import { numCandidates } from './scheduler'

/**
 * Preemption against kube-scheduler v1.35: `pkg/scheduler/framework/preemption/preemption.go`
 * (`Evaluator.Preempt`, `prepareCandidate`), `pkg/scheduler/framework/plugins/defaultpreemption/
 * default_preemption.go` (`PodEligibleToPreemptOthers`, `SelectVictimsOnNode`) and the nominated pods
 * the filters account for (`pkg/scheduler/framework/runtime/framework.go`
 * `RunFilterPluginsWithNominatedPods`, `addGEPriorityNominatedPods`).
 */

function run(yaml: string, untilS: number): Timeline {
  const analysis = analyzeScenario(yaml)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000 })
}

function at(tl: Timeline, s: number): { pods: Pod[]; events: Event[] } {
  const o = clusterObjects(tl.stateAt(s * 1000))
  return { pods: o.pods, events: o.events }
}

/** Event log entries (creates only) of one reason, as `<t ms> <involved pod>`. */
function logged(tl: Timeline, reason: string): string[] {
  return tl.log
    .filter((e) => e.op === 'create' && e.key.startsWith('Event/') && e.summary.includes(` ${reason} `))
    .map((e) => `${e.t} ${/Pod\/([^:]+):/.exec(e.summary)?.[1] ?? '?'}`)
}

/** The Scenario document: at 30 s a pod `urgent` of class `cls` asks for `cpu`. */
const urgentAt30 = (name: string, cls: string, cpu: string): string => `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: ${name}}
spec:
  timeline:
    - at: 30s
      action: apply
      manifest:
        apiVersion: v1
        kind: Pod
        metadata: {name: urgent}
        spec:
          priorityClassName: ${cls}
          containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: "${cpu}"}}}]
`

/**
 * A 2-CPU node filled by a Deployment of class `low` (10), busybox pods (PID 1 `sleep` ignores SIGTERM, so a
 * victim takes its whole 30 s grace period), with 0.5 CPU still free; at 30 s a pod of class `high` (1000) asks
 * for 1 CPU.
 */
const nodeFull = (
  replicas: number,
  urgentClass = 'high',
): string => `${urgentAt30('preempt', urgentClass, '1')}---
apiVersion: v1
kind: Node
metadata: {name: node-a}
status: {capacity: {cpu: "2", memory: 4Gi, pods: "110"}}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high-nonpreempting}
value: 1000
preemptionPolicy: Never
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: low}
value: 10
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: filler}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: filler}}
  template:
    metadata: {labels: {app: filler}}
    spec:
      priorityClassName: low
      containers: [{name: c, image: busybox:1.36, command: [sleep, "3600"], resources: {requests: {cpu: 250m}}}]
`

describe('a high-priority pod preempting a low-priority Deployment that fills its node', () => {
  const tl = run(nodeFull(6), 180)

  it('preempts exactly two pods once, and the victims’ replacements never take the freed room', () => {
    // Two victims free the 0.5 CPU the pod lacks; the ReplicaSet's replacements stay Pending because
    // the filters count the nominated higher-priority pod on node-a (addGEPriorityNominatedPods).
    const preempted = logged(tl, 'Preempted')
    expect(preempted).toHaveLength(2)
    expect(preempted.every((p) => p.startsWith('30020 '))).toBe(true)
    const { pods, events } = at(tl, 180)
    const urgent = pods.find((p) => p.metadata!.name === 'urgent')!
    expect(urgent.spec?.nodeName).toBe('node-a')
    expect(urgent.status?.nominatedNodeName).toBeUndefined()
    // 4 survivors + urgent on the node; the 2 replacements Pending, never preempting (equal priority).
    const filler = pods.filter((p) => p.metadata!.name!.startsWith('filler-'))
    expect(filler.filter((p) => p.spec?.nodeName === 'node-a')).toHaveLength(4)
    expect(filler.filter((p) => !p.spec?.nodeName)).toHaveLength(2)
    const msgs = events.filter((e) => e.reason === 'Preempted').map((e) => e.message)
    expect(msgs).toEqual([
      `Preempted by pod ${urgent.metadata!.uid} on node node-a`,
      `Preempted by pod ${urgent.metadata!.uid} on node node-a`,
    ])
  })

  it('nominates node-a while the victims terminate, and binds there once they are gone', () => {
    const during = at(tl, 45).pods.find((p) => p.metadata!.name === 'urgent')!
    expect(during.status?.nominatedNodeName).toBe('node-a')
    expect(during.spec?.nodeName).toBeUndefined()
    const victims = at(tl, 45).pods.filter((p) =>
      p.status?.conditions?.some(
        (c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler',
      ),
    )
    expect(victims).toHaveLength(2)
    expect(victims.every((v) => v.metadata?.deletionTimestamp)).toBe(true)
    // Bound once, just after the 30 s grace period of the victims ran out.
    const scheduled = logged(tl, 'Scheduled').filter((s) => s.endsWith(' urgent'))
    expect(scheduled).toHaveLength(1)
    const t = Number(scheduled[0]!.split(' ')[0])
    expect(t).toBeGreaterThan(60_000)
    expect(t).toBeLessThan(61_000)
  })

  it('does not preempt again while its victims terminate (PodEligibleToPreemptOthers)', () => {
    // Retried while the victims are still terminating: not eligible, the nomination stays.
    const failed = at(tl, 59).events.filter(
      (e) => e.reason === 'FailedScheduling' && e.involvedObject.name === 'urgent',
    )
    expect(failed.map((e) => e.message)).toContain(
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to a terminating pod on the nominated node.',
    )
  })

  it('stays bounded with many replicas', () => {
    const big = run(nodeFull(8), 180)
    expect(logged(big, 'Preempted')).toHaveLength(4)
  })
})

describe('preemptionPolicy: Never (PodEligibleToPreemptOthers)', () => {
  it('never preempts, and says why', () => {
    const tl = run(nodeFull(8, 'high-nonpreempting'), 90)
    expect(logged(tl, 'Preempted')).toEqual([])
    const urgent = at(tl, 90).pods.find((p) => p.metadata!.name === 'urgent')!
    expect(urgent.spec?.nodeName).toBeUndefined()
    expect(urgent.status?.nominatedNodeName).toBeUndefined()
    expect(at(tl, 90).events.find((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === 'urgent')?.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.',
    ) // prettier-ignore
  })
})

describe('calculateNumCandidates (default_preemption.go, DefaultPreemptionArgs defaults 10% / 100)', () => {
  it('dry-runs every node up to 100, then 10% of them', () => {
    expect([0, 50, 100, 200, 1000, 5000].map(numCandidates)).toEqual([0, 50, 100, 100, 100, 500])
  })
})

/** PriorityClasses, nodes of `cpu` CPUs, and pods pinned to them (`spec.nodeName`), then an urgent pod at 30 s. */
function pinned(
  nodes: Record<string, string>,
  pods: { name: string; node: string; cls: string; cpu: string; app?: string; created?: string }[],
  urgentCpu: string,
  extra = '',
): string {
  const classes = { high: 1000, five: 5, zero: 0 }
  return [
    urgentAt30('pick', 'high', urgentCpu),
    ...Object.entries(nodes).map(
      ([name, cpu]) => `apiVersion: v1
kind: Node
metadata: {name: ${name}}
status: {capacity: {cpu: "${cpu}", memory: 4Gi, pods: "110"}}
`,
    ),
    ...Object.entries(classes).map(
      ([name, value]) => `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: ${name}}
value: ${value}
`,
    ),
    ...pods.map(
      (p) => `apiVersion: v1
kind: Pod
metadata:
  name: ${p.name}
  labels: {app: ${p.app ?? p.name}}${p.created ? `\n  creationTimestamp: "${p.created}"` : ''}
spec:
  nodeName: ${p.node}
  priorityClassName: ${p.cls}
  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: "${p.cpu}"}}}]
`,
    ),
    ...(extra ? [extra] : []),
  ].join('---\n')
}

/** The pods the scheduler preempted, and the node the urgent pod went to (nominated, then bound), at 31 s. */
function outcome(text: string): { preempted: string[]; node: string | undefined } {
  const tl = run(text, 31)
  const { pods } = at(tl, 31)
  return {
    preempted: logged(tl, 'Preempted')
      .map((l) => l.split(' ')[1]!)
      .sort(),
    node: ((p) => p?.spec?.nodeName ?? p?.status?.nominatedNodeName)(
      pods.find((p) => p.metadata!.name === 'urgent'),
    ),
  }
}

describe('which pods and which node (default_preemption.go SelectVictimsOnNode, preemption.go pickOneNodeForPreemption)', () => {
  it('reprieves the pod that started first (MoreImportantPod: priority, then status.startTime), not the one created first', () => {
    // `old` claims an earlier creationTimestamp but reaches the node at 10 s; `early` runs from t = 0.
    const text = pinned(
      { 'node-a': '2' },
      [{ name: 'early', node: 'node-a', cls: 'zero', cpu: '1' }],
      '1',
      `apiVersion: v1
kind: Pod
metadata: {name: placeholder}
spec: {containers: [{name: c, image: nginx:1.27}]}
`,
    ).replace(
      '  timeline:\n',
      `  timeline:
    - at: 10s
      action: apply
      manifest:
        apiVersion: v1
        kind: Pod
        metadata: {name: old, labels: {app: old}, creationTimestamp: "2025-12-31T00:00:00Z"}
        spec:
          nodeName: node-a
          priorityClassName: zero
          containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: "1"}}}]
`,
    )
    expect(outcome(text)).toEqual({ preempted: ['old'], node: 'node-a' })
  })

  it('prefers the node where no PodDisruptionBudget is violated (criterion 1)', () => {
    const pdb = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: guard}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: guarded}}
`
    const text = pinned(
      { 'node-a': '1', 'node-b': '1' },
      [
        { name: 'guarded', node: 'node-a', cls: 'zero', cpu: '1' },
        { name: 'free', node: 'node-b', cls: 'zero', cpu: '1' },
      ],
      '1',
      pdb,
    )
    expect(outcome(text)).toEqual({ preempted: ['free'], node: 'node-b' })
    // Without the budget the tie goes to the first node in the dry run's order.
    expect(outcome(text.replace(pdb, '').replace(/---\n$/, ''))).toEqual({
      preempted: ['guarded'],
      node: 'node-a',
    })
  })

  it('weighs each victim from −2³¹ in the sum of priorities, so fewer victims win (criterion 3)', () => {
    // node-a: victims 5, 0, 0 (sum 5 + 3·2³¹); node-b: victims 5, 5 (sum 10 + 2·2³¹): node-b.
    const text = pinned(
      { 'node-a': '3', 'node-b': '3' },
      [
        { name: 'a1', node: 'node-a', cls: 'five', cpu: '1' },
        { name: 'a2', node: 'node-a', cls: 'zero', cpu: '1' },
        { name: 'a3', node: 'node-a', cls: 'zero', cpu: '1' },
        { name: 'b1', node: 'node-b', cls: 'five', cpu: '1500m' },
        { name: 'b2', node: 'node-b', cls: 'five', cpu: '1500m' },
      ],
      '3',
    )
    expect(outcome(text)).toEqual({ preempted: ['b1', 'b2'], node: 'node-b' })
  })
})
