import type { Container, Node, Pod } from 'kubernetes-types/core/v1'
import { recordEvent } from '../sim/recorder'
import { listObjects, updateObject, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import { rfc3339 } from '../sim/time'
import { bytes, cpuMilli } from './resources'

type PodObj = Pod & KObject
type NodeObj = Node & KObject

const SCHEDULER = { component: 'default-scheduler' }

/** The reasons kube-scheduler gives per node (reference E2). */
export const REASON = {
  unschedulable: 'node(s) were unschedulable',
  nodeName: "node(s) didn't match the requested node name",
  selector: "node(s) didn't match Pod's node affinity/selector",
  tooManyPods: 'Too many pods',
  cpu: 'Insufficient cpu',
  memory: 'Insufficient memory',
} as const

/**
 * One scheduling pass over the pending pods, oldest first: the filters of reference E2 that this
 * first scheduler knows (NodeUnschedulable, NodeName, node selector, NodeResourcesFit), least-allocated
 * placement, and on failure the `FailedScheduling` message aggregated like kube-scheduler's (E1).
 */
export function runScheduler(sim: Sim): void {
  const nodes = listObjects<NodeObj>(sim, 'Node').sort((a, b) => cmp(a.metadata.name, b.metadata.name))
  const pods = listObjects<PodObj>(sim, 'Pod')
  const pending = pods
    .filter(
      (p) =>
        !p.spec?.nodeName &&
        !p.metadata.deletionTimestamp &&
        (p.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler',
    )
    .sort(
      (a, b) =>
        cmp(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') ||
        cmp(a.metadata.name, b.metadata.name),
    )
  if (pending.length === 0) return
  const used = new Map<string, { cpu: number; memory: number; pods: number }>()
  for (const n of nodes) used.set(n.metadata.name, { cpu: 0, memory: 0, pods: 0 })
  for (const p of pods) {
    const u = p.spec?.nodeName ? used.get(p.spec.nodeName) : undefined
    if (!u || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue
    const r = podRequests(p)
    u.cpu += r.cpu
    u.memory += r.memory
    u.pods += 1
  }
  for (const pod of pending) {
    const req = podRequests(pod)
    const reasons = new Map<string, string[]>()
    let best: { node: NodeObj; score: number } | null = null
    for (const node of nodes) {
      const why = filter(pod, node, req, used.get(node.metadata.name)!)
      if (why.length > 0) {
        reasons.set(node.metadata.name, why)
        continue
      }
      const score = leastAllocated(node, req, used.get(node.metadata.name)!)
      if (!best || score > best.score) best = { node, score }
    }
    if (best) {
      const name = best.node.metadata.name
      const u = used.get(name)!
      u.cpu += req.cpu
      u.memory += req.memory
      u.pods += 1
      bind(sim, pod, name)
    } else {
      failed(sim, pod, nodes.length, reasons)
    }
  }
}

function filter(pod: PodObj, node: NodeObj, req: Req, used: Req & { pods: number }): string[] {
  if (node.spec?.unschedulable && !tolerates(pod, 'node.kubernetes.io/unschedulable'))
    return [REASON.unschedulable]
  const selector = pod.spec?.nodeSelector ?? {}
  const labels = node.metadata.labels ?? {}
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) return [REASON.selector]
  const alloc = node.status?.allocatable ?? {}
  const out: string[] = []
  if (used.pods + 1 > Number(alloc.pods ?? 110)) out.push(REASON.tooManyPods)
  if (req.cpu > 0 && used.cpu + req.cpu > cpuMilli(alloc.cpu)) out.push(REASON.cpu)
  if (req.memory > 0 && used.memory + req.memory > bytes(alloc.memory)) out.push(REASON.memory)
  return out
}

function tolerates(pod: PodObj, key: string): boolean {
  return (pod.spec?.tolerations ?? []).some(
    (t) => t.key === key || (t.key === undefined && t.operator === 'Exists'),
  )
}

/** NodeResourcesFit's LeastAllocated score (0–100) on cpu and memory, equal weights. */
function leastAllocated(node: NodeObj, req: Req, used: Req): number {
  const alloc = node.status?.allocatable ?? {}
  const cpuCap = cpuMilli(alloc.cpu) || 1
  const memCap = bytes(alloc.memory) || 1
  const cpu = ((cpuCap - used.cpu - req.cpu) * 100) / cpuCap
  const mem = ((memCap - used.memory - req.memory) * 100) / memCap
  return Math.floor((cpu + mem) / 2)
}

function bind(sim: Sim, pod: PodObj, node: string): void {
  const now = rfc3339(sim.s.epochMs + sim.s.now)
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
  conditions.push({
    type: 'PodScheduled',
    status: 'True',
    lastProbeTime: null as unknown as string,
    lastTransitionTime: now,
  })
  const bound = updateObject(sim, {
    ...pod,
    spec: { ...pod.spec!, nodeName: node },
    status: {
      ...pod.status,
      phase: pod.status?.phase ?? 'Pending',
      conditions,
      qosClass: pod.status?.qosClass,
    },
  } as PodObj)
  recordEvent(sim, bound, SCHEDULER, {
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`,
  })
}

/** `FitError.Error()` (reference E1): reasons counted over nodes, sorted as strings. */
export function fitErrorMessage(total: number, reasons: ReadonlyMap<string, readonly string[]>): string {
  const counts = new Map<string, number>()
  for (const list of reasons.values()) for (const r of list) counts.set(r, (counts.get(r) ?? 0) + 1)
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort()
  let msg = `0/${total} nodes are available: ${parts.join(', ')}.`
  // DefaultPreemption's PostFilter message: nodes that lack only resources have no lower-priority victims.
  const resourceOnly = [...reasons.values()].filter((list) =>
    list.every((r) => r === REASON.cpu || r === REASON.memory || r === REASON.tooManyPods),
  ).length
  const notHelpful = reasons.size - resourceOnly
  const post: string[] = []
  if (resourceOnly > 0) post.push(`${resourceOnly} No preemption victims found for incoming pod`)
  if (notHelpful > 0) post.push(`${notHelpful} Preemption is not helpful for scheduling`)
  if (total > 0) msg += ` preemption: 0/${total} nodes are available: ${post.sort().join(', ')}.`
  return msg
}

function failed(sim: Sim, pod: PodObj, total: number, reasons: Map<string, string[]>): void {
  const message = total === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(total, reasons)
  const prev = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')
  if (prev?.status === 'False' && prev.message === message) return
  const now = rfc3339(sim.s.epochMs + sim.s.now)
  updateObject(sim, {
    ...pod,
    status: {
      ...pod.status,
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null as unknown as string,
          lastTransitionTime: prev?.lastTransitionTime ?? now,
          reason: 'Unschedulable',
          message,
        },
      ],
    },
  } as PodObj)
  recordEvent(sim, pod, SCHEDULER, { type: 'Warning', reason: 'FailedScheduling', message })
}

interface Req {
  cpu: number
  memory: number
}

/** Effective requests: the sum of app containers, or the largest init container if larger (k/k resource helpers). */
export function podRequests(pod: Pod): Req {
  const sum = (list: Container[] | undefined): Req =>
    (list ?? []).reduce(
      (acc, c) => ({
        cpu: acc.cpu + cpuMilli(c.resources?.requests?.cpu),
        memory: acc.memory + bytes(c.resources?.requests?.memory),
      }),
      { cpu: 0, memory: 0 },
    )
  const app = sum(pod.spec?.containers)
  for (const c of pod.spec?.initContainers ?? []) {
    app.cpu = Math.max(app.cpu, cpuMilli(c.resources?.requests?.cpu))
    app.memory = Math.max(app.memory, bytes(c.resources?.requests?.memory))
  }
  return app
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
