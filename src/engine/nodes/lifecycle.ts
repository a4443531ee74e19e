/**
 * Node lifecycle (reference F6, C2): the kubelet's heartbeats and status posts, the node lifecycle
 * controller (k/k `pkg/controller/nodelifecycle/node_lifecycle_controller.go`) and the taint-eviction
 * controller (k/k `pkg/controller/tainteviction/taint_eviction.go`), and the `fail-node` /
 * `recover-node` actions.
 *
 * Heartbeats are cheap: each kubelet ticks every 10 s on its own phase (`anchor`), renewing its node
 * Lease (not stored: computed from the anchor) and posting the Node status only when it changed or the
 * 5-minute report is due. The controller checks every 5 s; the simulation runs the one check that
 * finds a silent node past its 50 s grace period, and the one that sees it Ready again.
 */
import type { Node, NodeCondition, NodeSpec, PodCondition, Taint, Toleration } from 'kubernetes-types/core/v1'
import { deletePodGracefully, type PodObj } from '../controllers/common'
import { resumeProbes } from '../kubelet/prober'
import { ownRuntime } from '../kubelet/runtime'
import { fnv32a } from '../model/names'
import { toleratesTaint } from '../scheduler/plugins/taint-toleration'
import { recordEvent } from '../sim/recorder'
import { listObjects, schedule, scheduleAt, updateObject, type Change, type Sim } from '../sim/sim'
import { keyOf, objKey, type KObject, type Task } from '../sim/state'
import { rfc3339 } from '../sim/time'
import { nodeLife, writableEvictions, type NodeHealth, type NodeLifeState } from './health'

/** Kubelet `nodeStatusUpdateFrequency` and the Lease renew interval (0.25 × 40 s) [F6, unverified defaults]. */
export const HEARTBEAT_MS = 10_000
/** Kubelet `nodeStatusReportFrequency`: an unchanged status is still posted this often (5 min). */
export const REPORT_MS = 300_000
/** kube-controller-manager `--node-monitor-period` (F6). */
export const MONITOR_PERIOD_MS = 5_000
/** `--node-monitor-grace-period`: 50 s since v1.32 (#126287; 40 s before) (F6, H). */
export const MONITOR_GRACE_MS = 50_000

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable'
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready'
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable'

export type NodeObj = Node & KObject
type NodeTask = Extract<Task, { type: 'node' }>

const NODE_CONTROLLER = { component: 'node-controller' }
const TAINT_EVICTION = { component: 'taint-eviction-controller' }

// ---------------------------------------------------------------------------------------------------
// State

function update(sim: Sim, f: (l: NodeLifeState) => NodeLifeState): void {
  sim.s.nodeLife = f(nodeLife(sim.s))
}

/** A kubelet's phase within its 10 s period: fixed per node name, so runs are reproducible. */
function phaseOf(node: string): number {
  return fnv32a(node) % HEARTBEAT_MS
}

export function healthOf(sim: Sim, node: string): NodeHealth {
  const h = nodeLife(sim.s).nodes[node]
  if (h) return h
  const o = getNode(sim, node)
  // The kubelet ran before t = 0: its last heartbeat was one period before its first tick.
  return {
    gen: 0,
    anchor: phaseOf(node) - HEARTBEAT_MS,
    downSince: null,
    lastUnschedulable: !!o?.spec?.unschedulable,
  }
}

function setHealth(sim: Sim, node: string, patch: Partial<NodeHealth>): NodeHealth {
  const next = { ...healthOf(sim, node), ...patch }
  update(sim, (l) => ({ ...l, nodes: { ...l.nodes, [node]: next } }))
  return next
}

export function getNode(sim: Sim, name: string): NodeObj | undefined {
  return sim.s.objects.get(keyOf('Node', undefined, name)) as NodeObj | undefined
}

function podsOn(sim: Sim, node: string): PodObj[] {
  return listObjects<PodObj>(sim, 'Pod').filter((p) => p.spec?.nodeName === node)
}

/** The next tick of a 10 s / 5 s ticker strictly after `t`. */
const nextTick = (anchor: number, period: number, t: number): number =>
  anchor + (Math.floor((t - anchor) / period) + 1) * period

/** The kubelet's node reference: the kubelet sets UID to the node name (`kl.nodeRef`). */
function kubeletRef(node: NodeObj): KObject {
  return { ...node, metadata: { ...node.metadata, uid: node.metadata.name } }
}

// ---------------------------------------------------------------------------------------------------
// Boot, actions

/** At boot: each kubelet's first status report at its first tick (the last one is over 5 min old). */
export function startNodeLifecycle(sim: Sim): void {
  const nodes = listObjects<NodeObj>(sim, 'Node')
  // Every node's record at once: one copy of the record, not one per node.
  const health: Record<string, NodeHealth> = { ...nodeLife(sim.s).nodes }
  for (const node of nodes) health[node.metadata.name] = healthOf(sim, node.metadata.name)
  update(sim, (l) => ({ ...l, nodes: health }))
  for (const node of nodes) {
    const name = node.metadata.name
    scheduleAt(sim, phaseOf(name), { type: 'node', step: 'report', node: name, gen: 0 })
    if (!!node.spec?.unschedulable !== hasTaint(node, TAINT_UNSCHEDULABLE, 'NoSchedule'))
      schedule(sim, 0, { type: 'node', step: 'taints', node: name, gen: 0 })
  }
}

/**
 * `fail-node`: the kubelet stops (no status, no lease, no pod syncs or probes; the containers are left
 * as they are). The controller marks the node Unknown at its first check more than the grace period
 * after it last saw a heartbeat (its `probeTimestamp`: the first 5 s check at or after the last lease
 * renewal).
 */
export function failNode(sim: Sim, name: string): boolean {
  if (!getNode(sim, name)) return false
  const h = healthOf(sim, name)
  if (h.downSince !== null) return false
  const now = sim.s.now
  const lastBeat = Math.max(
    h.anchor,
    h.anchor + Math.floor((now - 1 - h.anchor) / HEARTBEAT_MS) * HEARTBEAT_MS,
  )
  const probeTimestamp = Math.ceil(lastBeat / MONITOR_PERIOD_MS) * MONITOR_PERIOD_MS
  const detectAt = nextTick(0, MONITOR_PERIOD_MS, probeTimestamp + MONITOR_GRACE_MS)
  const next = setHealth(sim, name, { gen: h.gen + 1, downSince: now })
  scheduleAt(sim, detectAt, { type: 'node', step: 'monitor', node: name, gen: next.gen })
  return true
}

/**
 * `recover-node`: the kubelet runs again. It posts its status at once (Ready True: the kubelet's
 * `NodeReady` and pressure events), its pod workers sync every pod on the node (pods deleted meanwhile
 * are stopped and removed), its probe workers tick again; the controller drops the unreachable
 * NoSchedule taint on that update and the NoExecute one at its next check.
 */
export function recoverNode(sim: Sim, name: string): boolean {
  const node = getNode(sim, name)
  const h = healthOf(sim, name)
  if (!node || h.downSince === null) return false
  const now = sim.s.now
  const next = setHealth(sim, name, { gen: h.gen + 1, downSince: null, anchor: now })
  postStatus(sim, name)
  noScheduleTaintPass(sim, name)
  scheduleAt(sim, nextTick(0, MONITOR_PERIOD_MS, now), {
    type: 'node',
    step: 'monitor',
    node: name,
    gen: next.gen,
  })
  scheduleAt(sim, now + REPORT_MS, { type: 'node', step: 'report', node: name, gen: next.gen })
  for (const pod of podsOn(sim, name)) {
    const key = objKey(pod)
    const rt = ownRuntime(sim.s, key)
    if (rt) {
      rt.dirty = true
      resumeProbes(sim, rt)
    }
    schedule(sim, 0, { type: 'pod-sync', pod: key })
  }
  return true
}

// ---------------------------------------------------------------------------------------------------
// Tasks

export function runLifecycleTask(sim: Sim, task: NodeTask): void {
  const h = healthOf(sim, task.node)
  switch (task.step) {
    case 'report':
      if (h.downSince !== null || task.gen !== h.gen) return
      postStatus(sim, task.node)
      scheduleAt(sim, sim.s.now + REPORT_MS, task)
      return
    case 'tick':
      if (h.downSince === null) recordSchedulableEvent(sim, task.node)
      return
    case 'monitor':
      if (task.gen !== h.gen) return
      if (h.downSince !== null) return markUnknown(sim, task.node)
      return setNoExecute(sim, task.node, null)
    case 'taints':
      return noScheduleTaintPass(sim, task.node)
    case 'evict':
      return evictionDue(sim, task.pod ?? '')
    case 'evict-retry':
      return // kubectl drain's (./drain.ts)
  }
}

// ---------------------------------------------------------------------------------------------------
// The kubelet's node status (k/k pkg/kubelet/nodestatus/setters.go)

const HEALTHY: Record<string, { status: string; reason: string; message: string; event: string }> = {
  MemoryPressure: {
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
    message: 'kubelet has sufficient memory available',
    event: 'NodeHasSufficientMemory',
  },
  DiskPressure: {
    status: 'False',
    reason: 'KubeletHasNoDiskPressure',
    message: 'kubelet has no disk pressure',
    event: 'NodeHasNoDiskPressure',
  },
  PIDPressure: {
    status: 'False',
    reason: 'KubeletHasSufficientPID',
    message: 'kubelet has sufficient PID available',
    event: 'NodeHasSufficientPID',
  },
  Ready: {
    status: 'True',
    reason: 'KubeletReady',
    message: 'kubelet is posting ready status',
    event: 'NodeReady',
  },
}
const SETTER_ORDER = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']

/**
 * The kubelet's status sync: every condition gets lastHeartbeatTime = now; a condition whose status
 * changes gets lastTransitionTime = now and the kubelet's event `Node <n> status is now: <Event>`
 * (`recordNodeStatusEvent`), in setter order. Then `recordNodeSchedulableEvent`.
 */
function postStatus(sim: Sim, name: string): void {
  const node = getNode(sim, name)
  if (!node) return
  const stamp = rfc3339(sim.s.epochMs + sim.s.now)
  const changed: string[] = []
  const conditions = (node.status?.conditions ?? []).map((c): NodeCondition => {
    const want = HEALTHY[c.type]
    if (!want) return c
    if (c.status !== want.status) changed.push(c.type)
    return {
      ...c,
      status: want.status,
      reason: want.reason,
      message: want.message,
      lastHeartbeatTime: stamp,
      lastTransitionTime: c.status !== want.status ? stamp : c.lastTransitionTime,
    }
  })
  for (const type of SETTER_ORDER) {
    if (!changed.includes(type)) continue
    const event = HEALTHY[type]!.event
    recordEvent(
      sim,
      kubeletRef(node),
      { component: 'kubelet', host: name },
      {
        type: 'Normal',
        reason: event,
        message: `Node ${name} status is now: ${event}`,
      },
    )
  }
  recordSchedulableEvent(sim, name)
  updateObject(sim, { ...node, status: { ...node.status, conditions } })
}

/** `recordNodeSchedulableEvent` (k/k pkg/kubelet/kubelet_node_status.go), at each status tick. */
function recordSchedulableEvent(sim: Sim, name: string): void {
  const node = getNode(sim, name)
  if (!node) return
  const unschedulable = !!node.spec?.unschedulable
  if (healthOf(sim, name).lastUnschedulable === unschedulable) return
  const event = unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable'
  recordEvent(
    sim,
    kubeletRef(node),
    { component: 'kubelet', host: name },
    {
      type: 'Normal',
      reason: event,
      message: `Node ${name} status is now: ${event}`,
    },
  )
  setHealth(sim, name, { lastUnschedulable: unschedulable })
}

// ---------------------------------------------------------------------------------------------------
// The node lifecycle controller

/**
 * `tryUpdateNodeHealth` past the grace period: Ready and the pressure conditions become Unknown
 * `NodeStatusUnknown` `Kubelet stopped posting node status.` (lastHeartbeatTime kept); then
 * `RecordNodeStatusChange(…, "NodeNotReady")`, `MarkPodsNotReady`, and the unreachable taints
 * (NoSchedule by the tainting pass on the node update, NoExecute by `doNoExecuteTaintingPass`).
 */
function markUnknown(sim: Sim, name: string): void {
  const node = getNode(sim, name)
  if (!node) return
  const stamp = rfc3339(sim.s.epochMs + sim.s.now)
  const wasReady = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True'
  const conditions = (node.status?.conditions ?? []).map((c): NodeCondition =>
    SETTER_ORDER.includes(c.type) && c.status !== 'Unknown'
      ? {
          ...c,
          status: 'Unknown',
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: stamp,
        }
      : c,
  )
  const written = updateObject(sim, { ...node, status: { ...node.status, conditions } })
  if (wasReady) {
    recordEvent(sim, written, NODE_CONTROLLER, {
      type: 'Normal',
      reason: 'NodeNotReady',
      message: `Node ${name} status is now: NodeNotReady`,
    })
  }
  markPodsNotReady(sim, name, stamp)
  noScheduleTaintPass(sim, name)
  setNoExecute(sim, name, TAINT_UNREACHABLE)
}

/** `MarkPodsNotReady`: only the Ready condition flips to False; Warning `NodeNotReady` (reference C2). */
function markPodsNotReady(sim: Sim, name: string, stamp: string): void {
  for (const pod of podsOn(sim, name)) {
    const conditions = pod.status?.conditions ?? []
    const i = conditions.findIndex((c) => c.type === 'Ready')
    if (i < 0 || conditions[i]!.status === 'False') continue
    const ready: PodCondition = { ...conditions[i]!, status: 'False', lastTransitionTime: stamp }
    const next = conditions.map((c, j) => (j === i ? ready : c))
    const written = updateObject(sim, { ...pod, status: { ...pod.status, conditions: next } })
    recordEvent(sim, written, NODE_CONTROLLER, {
      type: 'Warning',
      reason: 'NodeNotReady',
      message: 'Node is not ready',
    })
  }
}

function hasTaint(node: Node, key: string, effect: string): boolean {
  return (node.spec?.taints ?? []).some((t) => t.key === key && t.effect === effect)
}

/** Writes the node's taints: `remove` keys (of `effect`) dropped, `add` appended with timeAdded. */
function swapTaints(sim: Sim, name: string, effect: string, remove: string[], add: string[]): void {
  const node = getNode(sim, name)
  if (!node) return
  const stamp = rfc3339(sim.s.epochMs + sim.s.now)
  const current = node.spec?.taints ?? []
  const kept = current.filter((t) => !(t.effect === effect && remove.includes(t.key)))
  const added = add
    .filter((key) => !kept.some((t) => t.key === key && t.effect === effect))
    .map((key): Taint => ({ key, effect, timeAdded: stamp }))
  if (kept.length === current.length && added.length === 0) return
  const taints = [...kept, ...added]
  const spec: NodeSpec = { ...node.spec, taints }
  if (taints.length === 0) delete spec.taints
  updateObject(sim, { ...node, spec })
}

/**
 * `doNoScheduleTaintingPass`: the NoSchedule taints that mirror the Ready condition (False →
 * not-ready, Unknown → unreachable) and spec.unschedulable, each with timeAdded
 * (`SwapNodeControllerTaint`).
 */
function noScheduleTaintPass(sim: Sim, name: string): void {
  const node = getNode(sim, name)
  if (!node) return
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status
  const want: string[] = []
  if (ready === 'False') want.push(TAINT_NOT_READY)
  if (ready === 'Unknown') want.push(TAINT_UNREACHABLE)
  if (node.spec?.unschedulable) want.push(TAINT_UNSCHEDULABLE)
  const managed = [TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE]
  swapTaints(
    sim,
    name,
    'NoSchedule',
    managed.filter((k) => !want.includes(k)),
    want,
  )
}

/** The NoExecute taint of a NotReady (`not-ready`) or Unknown (`unreachable`) node; null removes both. */
function setNoExecute(sim: Sim, name: string, key: string | null): void {
  const keys = [TAINT_NOT_READY, TAINT_UNREACHABLE]
  swapTaints(
    sim,
    name,
    'NoExecute',
    keys.filter((k) => k !== key),
    key ? [key] : [],
  )
}

// ---------------------------------------------------------------------------------------------------
// The taint-eviction controller

const noExecuteTaints = (node: Node | undefined): Taint[] =>
  (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute')

/**
 * `getMinTolerationTime` over `GetMatchingTolerations` (the first toleration of each taint): null when
 * some taint is not tolerated (evict now), Infinity when tolerated forever, else seconds.
 */
function tolerationSeconds(taints: Taint[], tolerations: Toleration[]): number | null {
  const used: Toleration[] = []
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint))
    if (!t) return null
    used.push(t)
  }
  if (used.length === 0) return 0
  let min = Infinity
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue
    if (t.tolerationSeconds <= 0) return 0
    min = Math.min(min, t.tolerationSeconds)
  }
  return min
}

function cancelEviction(sim: Sim, podKey: string, withEvent: boolean): void {
  if (!nodeLife(sim.s).evictions[podKey]) return
  delete writableEvictions(sim.s)[podKey]
  if (!withEvent) return
  const [, ns, name] = podKey.split('/')
  recordEvent(sim, podRef(ns ?? '', name ?? ''), TAINT_EVICTION, {
    type: 'Normal',
    reason: 'TaintManagerEviction',
    message: `Cancelling deletion of Pod ${ns}/${name}`,
  })
}

/** The controller's event reference: kind, name and namespace only (no UID, no apiVersion). */
function podRef(namespace: string, name: string): KObject {
  return { kind: 'Pod', metadata: { name, namespace } } as unknown as KObject
}

/** `processPodOnNode`: queue, keep or cancel the pod's eviction for the node's NoExecute taints. */
function processPodOnNode(sim: Sim, pod: PodObj, taints: Taint[]): void {
  const key = objKey(pod)
  if (taints.length === 0) return cancelEviction(sim, key, true)
  const seconds = tolerationSeconds(taints, pod.spec?.tolerations ?? [])
  if (seconds === Infinity) return cancelEviction(sim, key, true)
  const now = sim.s.now
  const existing = nodeLife(sim.s).evictions[key]
  // A queued eviction that fires earlier is kept; otherwise it is replaced, keeping its start time.
  if (seconds !== null && existing && existing.createdAt < now) return
  if (existing) cancelEviction(sim, key, true)
  const createdAt = existing?.createdAt ?? now
  const at = seconds === null ? now : createdAt + seconds * 1000
  const node = pod.spec?.nodeName ?? ''
  writableEvictions(sim.s)[key] = { node, createdAt, at }
  scheduleAt(sim, at, { type: 'node', step: 'evict', node, gen: 0, pod: key })
}

/**
 * The eviction fires (`deletePodHandler`): Normal `TaintManagerEviction` `Marking for deletion Pod
 * <ns>/<name>`, the `DisruptionTarget` condition (`DeletionByTaintManager`), then an ordinary delete.
 */
function evictionDue(sim: Sim, podKey: string): void {
  const entry = nodeLife(sim.s).evictions[podKey]
  if (!entry || entry.at !== sim.s.now) return
  cancelEviction(sim, podKey, false)
  const pod = sim.s.objects.get(podKey) as PodObj | undefined
  if (!pod || pod.metadata.deletionTimestamp) return
  recordEvent(sim, podRef(pod.metadata.namespace ?? '', pod.metadata.name), TAINT_EVICTION, {
    type: 'Normal',
    reason: 'TaintManagerEviction',
    message: `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
  })
  const marked = addDisruptionTarget(
    sim,
    pod,
    'DeletionByTaintManager',
    'Taint manager: deleting due to NoExecute taint',
  )
  deletePodGracefully(sim, marked)
}

/** `UpdatePodCondition` with the `DisruptionTarget` condition, written as a status update. */
export function addDisruptionTarget(sim: Sim, pod: PodObj, reason: string, message: string): PodObj {
  const stamp = rfc3339(sim.s.epochMs + sim.s.now)
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget')
  const condition = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null as unknown as string,
    lastTransitionTime: stamp,
    reason,
    message,
  }
  return updateObject(sim, { ...pod, status: { ...pod.status, conditions: [...conditions, condition] } })
}

// ---------------------------------------------------------------------------------------------------
// Watches

/**
 * The node-lifecycle watches: spec.unschedulable changes (the controller's NoSchedule tainting pass,
 * the kubelet's schedulable event at its next tick), NoExecute taint changes and newly bound pods (the
 * taint-eviction controller), pod deletions (its queue forgets them).
 */
export function nodeLifecycleWatcher(sim: Sim, ch: Change): void {
  if (ch.object.kind === 'Node' && ch.op === 'update') {
    const node = ch.object as NodeObj
    const old = ch.old as NodeObj | undefined
    const name = node.metadata.name
    if (!!node.spec?.unschedulable !== !!old?.spec?.unschedulable) {
      schedule(sim, 0, { type: 'node', step: 'taints', node: name, gen: 0 })
      const h = healthOf(sim, name)
      scheduleAt(sim, nextTick(h.anchor, HEARTBEAT_MS, sim.s.now), {
        type: 'node',
        step: 'tick',
        node: name,
        gen: h.gen,
      })
    }
    const taints = noExecuteTaints(node)
    if (JSON.stringify(taints) !== JSON.stringify(noExecuteTaints(old)))
      for (const pod of podsOn(sim, name))
        if (!pod.metadata.deletionTimestamp) processPodOnNode(sim, pod, taints)
    return
  }
  if (ch.object.kind !== 'Pod') return
  if (ch.op === 'delete') return cancelEviction(sim, ch.key, false)
  const pod = ch.object as PodObj
  const nodeName = pod.spec?.nodeName
  if (!nodeName || pod.metadata.deletionTimestamp || (ch.old as PodObj | undefined)?.spec?.nodeName) return
  const taints = noExecuteTaints(getNode(sim, nodeName))
  if (taints.length > 0) processPodOnNode(sim, pod, taints)
}
