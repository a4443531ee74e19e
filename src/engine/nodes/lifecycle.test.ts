import type { Event, Node, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { kubectl } from '../kubectl/command'
import { simulate, type Timeline } from '../sim/simulate'
import { clusterObjects } from '../views'

/**
 * Node failure and recovery, end to end (reference F6 node lifecycle, C2 MarkPodsNotReady; k/k
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go, pkg/controller/tainteviction/taint_eviction.go,
 * pkg/kubelet/nodestatus/setters.go).
 */
const scenario = (timeline: string): string => `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: node-failure}
spec:
  timeline:
${timeline}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 80}], readinessProbe: {httpGet: {path: /, port: 80}}}]
`

function run(timeline: string, untilS: number): Timeline {
  const analysis = analyzeScenario(scenario(timeline))
  expect(analysis.diagnostics).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000 })
}

function at(tl: Timeline, s: number) {
  const objects = clusterObjects(tl.stateAt(s * 1000))
  const node = (name: string): Node => objects.nodes.find((n) => n.metadata?.name === name)!
  return {
    objects,
    node,
    pods: objects.pods,
    events: objects.events,
    get: (args: string) => kubectl(args.split(' '), objects, tl.epochMs + s * 1000).stdout,
  }
}

const seconds = (tl: Timeline, stamp: string | undefined): number =>
  (Date.parse(stamp ?? '') - tl.epochMs) / 1000
const cond = (o: { status?: { conditions?: { type: string; status: string }[] } }, type: string) =>
  o.status?.conditions?.find((c) => c.type === type)
const onNode = (pods: Pod[], node: string) => pods.filter((p) => p.spec?.nodeName === node)
const named = (events: Event[], reason: string) => events.filter((e) => e.reason === reason)

describe('fail-node: worker-2 stops at 60 s (F6)', () => {
  const tl = run('    - {at: 60s, action: fail-node, target: node/worker-2}', 480)
  const end = at(tl, 480)
  const readyCond = cond(end.node('worker-2'), 'Ready') as { lastTransitionTime?: string } | undefined
  const notReadyAt = seconds(tl, readyCond?.lastTransitionTime)
  const victim = onNode(at(tl, 59).pods, 'worker-2')[0]!

  it('is NotReady once the controller, checking every 5 s, finds no heartbeat for 50 s (node-monitor-grace-period, v1.32+)', () => {
    // The last lease renewal was 0–10 s before the failure; the check runs on a 5 s grid.
    expect(notReadyAt).toBeGreaterThanOrEqual(60 + 50 - 5)
    expect(notReadyAt).toBeLessThanOrEqual(60 + 50 + 5)
    expect(at(tl, notReadyAt - 1).get('get nodes')).toMatch(/^worker-2\s+Ready\s/m)
    expect(at(tl, notReadyAt).get('get nodes')).toMatch(/^worker-2\s+NotReady\s+<none>/m)
  })

  it('sets Ready and the pressure conditions Unknown with the controller wording, keeping the last heartbeat', () => {
    const conditions = end.node('worker-2').status!.conditions!
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'])
      expect(conditions.find((c) => c.type === type)).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
      })
    expect(seconds(tl, conditions.find((c) => c.type === 'Ready')!.lastHeartbeatTime)).toBeLessThan(60)
    const event = named(end.events, 'NodeNotReady').find((e) => e.involvedObject.kind === 'Node')
    expect(event).toMatchObject({ type: 'Normal', message: 'Node worker-2 status is now: NodeNotReady' })
    expect(event?.source?.component).toBe('node-controller')
  })

  it('taints the node unreachable, NoSchedule and NoExecute, with timeAdded', () => {
    const taints = end.node('worker-2').spec!.taints!
    expect(taints.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ])
    for (const t of taints) expect(seconds(tl, t.timeAdded)).toBe(notReadyAt)
  })

  it('flips only the Ready condition of its pods to False, with Warning NodeNotReady (C2 MarkPodsNotReady)', () => {
    const pod = at(tl, notReadyAt).pods.find((p) => p.metadata?.name === victim.metadata?.name)!
    expect(cond(pod, 'Ready')?.status).toBe('False')
    expect(cond(pod, 'ContainersReady')?.status).toBe('True')
    expect(pod.status?.containerStatuses?.[0]?.ready).toBe(true)
    const warning = named(end.events, 'NodeNotReady').find(
      (e) => e.involvedObject.name === victim.metadata?.name,
    )
    expect(warning).toMatchObject({ type: 'Warning', message: 'Node is not ready' })
  })

  it('evicts its pods when their 300 s toleration runs out: TaintManagerEviction, Terminating forever, replaced elsewhere', () => {
    const name = victim.metadata!.name!
    const [eviction] = named(end.events, 'TaintManagerEviction')
    expect(eviction?.message).toBe(`Marking for deletion Pod default/${name}`)
    expect(eviction?.source?.component).toBe('taint-eviction-controller')
    expect(seconds(tl, eviction?.firstTimestamp)).toBe(notReadyAt + 300)
    expect(at(tl, notReadyAt + 299).get('get pods')).toMatch(new RegExp(`^${name}\\s+1/1\\s+Running`, 'm'))
    const pod = end.pods.find((p) => p.metadata?.name === name)!
    expect(pod.metadata?.deletionTimestamp).toBeDefined()
    expect(cond(pod, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' })
    expect(end.get('get pods')).toMatch(new RegExp(`^${name}\\s+1/1\\s+Terminating`, 'm'))
    const running = end.pods.filter((p) => !p.metadata?.deletionTimestamp)
    expect(running).toHaveLength(3)
    for (const p of running) {
      expect(p.spec?.nodeName).not.toBe('worker-2')
      expect(p.status?.phase).toBe('Running')
      expect(cond(p, 'Ready')?.status).toBe('True')
    }
  })
})

describe('recover-node (F6): the kubelet posts again', () => {
  it('after the eviction: Ready, taints gone, the Terminating pod finally stopped and removed', () => {
    const tl = run(
      '    - {at: 60s, action: fail-node, target: node/worker-2}\n    - {at: 500s, action: recover-node, target: node/worker-2}',
      540,
    )
    const victim = onNode(at(tl, 59).pods, 'worker-2')[0]!.metadata!.name!
    expect(at(tl, 499).get('get pods')).toMatch(new RegExp(`^${victim}\\s+1/1\\s+Terminating`, 'm'))
    const after = at(tl, 506)
    expect(after.get('get nodes')).toMatch(/^worker-2\s+Ready\s/m)
    expect(after.node('worker-2').spec?.taints).toBeUndefined()
    expect(after.pods.map((p) => p.metadata?.name)).not.toContain(victim)
    const killing = named(after.events, 'Killing').find((e) => e.involvedObject.name === victim)
    expect(seconds(tl, killing?.firstTimestamp)).toBe(500)
    const ready = named(after.events, 'NodeReady')[0]
    expect(ready).toMatchObject({
      message: 'Node worker-2 status is now: NodeReady',
      source: { component: 'kubelet', host: 'worker-2' },
    })
    expect(at(tl, 540).pods.filter((p) => p.status?.phase === 'Running')).toHaveLength(3)
  })

  it('before the eviction: the pod keeps running and is Ready again; its scheduled eviction is cancelled', () => {
    const tl = run(
      '    - {at: 60s, action: fail-node, target: node/worker-2}\n    - {at: 200s, action: recover-node, target: node/worker-2}',
      600,
    )
    const victim = onNode(at(tl, 59).pods, 'worker-2')[0]!
    const name = victim.metadata!.name!
    const end = at(tl, 600)
    const pod = end.pods.find((p) => p.metadata?.name === name)!
    expect(pod.metadata?.deletionTimestamp).toBeUndefined()
    expect(cond(pod, 'Ready')?.status).toBe('True')
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBe(0)
    expect(end.pods).toHaveLength(3)
    expect(named(end.events, 'TaintManagerEviction').map((e) => e.message)).toEqual([
      `Cancelling deletion of Pod default/${name}`,
    ])
  })
})
