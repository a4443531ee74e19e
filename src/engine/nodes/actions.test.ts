import type { Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { kubectl } from '../kubectl/command'
import { simulate, type Timeline } from '../sim/simulate'
import { clusterObjects } from '../views'
import { drainOutput, PDB_VIOLATION } from '.'

/**
 * The scripted actions of DESIGN §2.4 on a 3-node cluster: cordon/uncordon (kubectl cordon; the node
 * lifecycle controller's unschedulable taint; kubelet `recordNodeSchedulableEvent`), drain (kubectl
 * pkg/drain, the eviction subresource and PodDisruptionBudgets), scale and apply (kubectl scale/apply).
 */
const web = (replicas: number, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: ${image}}]`

const daemon = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: busybox:1.36, command: [sh, -c, "sleep 3600"]}]`

function run(timeline: string, docs: string[], untilS: number): Timeline {
  const text = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: actions}
spec:
  timeline:
${timeline}
---
${docs.join('\n---\n')}
`
  const analysis = analyzeScenario(text)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000 })
}

function at(tl: Timeline, s: number) {
  const objects = clusterObjects(tl.stateAt(s * 1000))
  return {
    pods: objects.pods,
    events: objects.events,
    get: (args: string) => kubectl(args.split(' '), objects, tl.epochMs + s * 1000).stdout,
  }
}
const seconds = (tl: Timeline, stamp: string | undefined): number =>
  (Date.parse(stamp ?? '') - tl.epochMs) / 1000
const live = (pods: Pod[]) => pods.filter((p) => !p.metadata?.deletionTimestamp)
const named = (events: Event[], reason: string) => events.filter((e) => e.reason === reason)

describe('cordon / uncordon', () => {
  const tl = run(
    [
      '    - {at: 10s, action: cordon, target: node/worker-1}',
      '    - {at: 20s, action: scale, target: deployment/web, replicas: 6}',
      '    - {at: 40s, action: uncordon, target: node/worker-1}',
    ].join('\n'),
    [web(3)],
    60,
  )

  it('prints Ready,SchedulingDisabled and taints the node unschedulable:NoSchedule (kubectl printNode; doNoScheduleTaintingPass)', () => {
    expect(at(tl, 9).get('get nodes')).toMatch(/^worker-1\s+Ready\s+<none>/m)
    expect(at(tl, 11).get('get nodes')).toMatch(/^worker-1\s+Ready,SchedulingDisabled\s+<none>/m)
    expect(at(tl, 11).get('describe node worker-1')).toMatch(
      /^Taints:\s+node.kubernetes.io\/unschedulable:NoSchedule$/m,
    )
    expect(at(tl, 11).get('describe node worker-1')).toMatch(/^Unschedulable:\s+true$/m)
    expect(at(tl, 41).get('get nodes')).toMatch(/^worker-1\s+Ready\s+<none>/m)
    expect(at(tl, 41).get('describe node worker-1')).toMatch(/^Taints:\s+<none>$/m)
  })

  it('keeps new pods off the cordoned node', () => {
    const pods = at(tl, 35).pods
    expect(pods).toHaveLength(6)
    const placed = pods.filter((p) => Date.parse(p.metadata!.creationTimestamp!) - tl.epochMs >= 20_000)
    expect(placed).toHaveLength(3)
    for (const p of placed) expect(p.spec?.nodeName).not.toBe('worker-1')
  })

  it('the kubelet records NodeNotSchedulable / NodeSchedulable at its next status tick (≤ 10 s)', () => {
    const events = at(tl, 60).events
    const [off] = named(events, 'NodeNotSchedulable')
    const [on] = named(events, 'NodeSchedulable')
    expect(off).toMatchObject({
      message: 'Node worker-1 status is now: NodeNotSchedulable',
      source: { component: 'kubelet', host: 'worker-1' },
    })
    expect(on?.message).toBe('Node worker-1 status is now: NodeSchedulable')
    expect(seconds(tl, off?.firstTimestamp)).toBeGreaterThan(10)
    expect(seconds(tl, off?.firstTimestamp)).toBeLessThanOrEqual(20)
    expect(seconds(tl, on?.firstTimestamp)).toBeGreaterThan(40)
    expect(seconds(tl, on?.firstTimestamp)).toBeLessThanOrEqual(50)
  })
})

describe('drain', () => {
  it('without a budget: cordons, evicts every pod but the DaemonSet one, which stays; the pods come back elsewhere', () => {
    const tl = run('    - {at: 30s, action: drain, target: node/worker-1}', [web(3), daemon], 60)
    const before = at(tl, 29).pods.filter((p) => p.spec?.nodeName === 'worker-1')
    const webPod = before.find((p) => p.metadata?.labels?.app === 'web')!
    const agentPod = before.find((p) => p.metadata?.labels?.app === 'agent')!
    const end = at(tl, 60)
    expect(end.get('get nodes')).toMatch(/^worker-1\s+Ready,SchedulingDisabled/m)
    expect(end.pods.filter((p) => p.spec?.nodeName === 'worker-1').map((p) => p.metadata?.name)).toEqual([
      agentPod.metadata?.name,
    ])
    const webs = end.pods.filter((p) => p.metadata?.labels?.app === 'web')
    expect(webs).toHaveLength(3)
    for (const p of webs) expect(p.status?.phase).toBe('Running')
    expect(drainOutput(tl.stateAt(60_000), 'worker-1')).toEqual([
      'node/worker-1 cordoned',
      `Warning: ignoring DaemonSet-managed Pods: default/${agentPod.metadata?.name}`,
      `evicting pod default/${webPod.metadata?.name}`,
      `pod/${webPod.metadata?.name} evicted`,
      'node/worker-1 drained',
    ])
  })

  it('with a PodDisruptionBudget: an eviction that would violate it is refused and retried every 5 s until it fits', () => {
    const pdb = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: 3
  selector: {matchLabels: {app: web}}`
    const tl = run(
      [
        '    - {at: 30s, action: drain, target: node/worker-1}',
        '    - {at: 42s, action: scale, target: deployment/web, replicas: 4}',
      ].join('\n'),
      [web(3), pdb],
      80,
    )
    const victim = at(tl, 29).pods.find((p) => p.spec?.nodeName === 'worker-1')!.metadata!.name!
    const refused = `error when evicting pods/"${victim}" -n "default" (will retry after 5s): ${PDB_VIOLATION}`
    const output = (s: number) => drainOutput(tl.stateAt(s * 1000), 'worker-1')
    // 3 healthy, 3 required: no disruption allowed at 30, 35, 40 s.
    expect(output(41).filter((l) => l === refused)).toHaveLength(3)
    expect(
      at(tl, 41).pods.find((p) => p.metadata?.name === victim)?.metadata?.deletionTimestamp,
    ).toBeUndefined()
    // Scaled to 4 at 42 s, the new pod is Ready before the retry at 45 s, which succeeds.
    const end = output(80)
    expect(end.filter((l) => l === refused)).toHaveLength(3)
    expect(end.slice(-2)).toEqual([`pod/${victim} evicted`, 'node/worker-1 drained'])
    const pods = at(tl, 80).pods
    expect(pods.map((p) => p.metadata?.name)).not.toContain(victim)
    expect(live(pods)).toHaveLength(4)
    for (const p of pods) expect(p.spec?.nodeName).not.toBe('worker-1')
  })
})

describe('scale and apply', () => {
  it('scale: deployment/web to 5 then to 2 (kubectl scale)', () => {
    const tl = run(
      '    - {at: 20s, action: scale, target: deployment/web, replicas: 5}\n    - {at: 40s, action: scale, target: deployment/web, replicas: 2}',
      [web(3)],
      80,
    )
    expect(at(tl, 19).get('get deploy')).toMatch(/^web\s+3\/3\s+3\s+3/m)
    expect(at(tl, 30).get('get deploy')).toMatch(/^web\s+5\/5\s+5\s+5/m)
    expect(at(tl, 80).get('get deploy')).toMatch(/^web\s+2\/2\s+2\s+2/m)
  })

  it('apply: a changed Deployment rolls out; a new object is created (kubectl apply)', () => {
    const tl = run(
      [
        '    - at: 20s',
        '      action: apply',
        '      manifest:',
        ...web(3, 'nginx:1.28')
          .split('\n')
          .map((l) => `        ${l}`),
        '    - at: 25s',
        '      action: apply',
        '      manifest: {apiVersion: v1, kind: Pod, metadata: {name: extra}, spec: {containers: [{name: c, image: nginx:1.27}]}}',
        '    - {at: 90s, action: delete, target: deployment/web}',
      ].join('\n'),
      [web(3)],
      150,
    )
    const images = (s: number) =>
      live(at(tl, s).pods)
        .filter((p) => p.metadata?.labels?.app === 'web')
        .map((p) => p.spec?.containers[0]?.image)
    expect(images(19)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27'])
    expect(images(80)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28'])
    expect(at(tl, 30).get('get pods extra')).toMatch(/^extra\s+1\/1\s+Running/m)
    expect(at(tl, 150).pods.map((p) => p.metadata?.name)).toEqual(['extra'])
  })
})
