import type { Pod } from 'kubernetes-types/core/v1'
import { clusterNodes } from '../cluster/nodes'
import { layeredModel } from '../container/model'
import { reconcileWorkloads, wantsReconcile } from '../controllers'
import type { ContainerModel } from '../kubelet/model'
import { killDone, onProbeTask, processWake, syncPod } from '../kubelet/pod-worker'
import type { LoadedObject } from '../model/object'
import { nodeChangeMatters, runScheduler } from '../scheduler/basic'
import {
  CLUSTER_AGE_MS,
  DEFAULT_EPOCH_MS,
  KEYFRAME_EVERY_MS,
  KEYFRAME_EVERY_TASKS,
  KUBELET_SYNC_LATENCY_MS,
  SCHEDULE_LATENCY_MS,
} from './latencies'
import { peekItem, popItem } from './queue'
import { createRng, rngState } from './rng'
import { applyDefaults, createPod as createPodObject } from '../api/defaults'
import { randomSuffix } from '../model/names'
import { ownRuntime } from '../kubelet/runtime'
import { createObject, schedule, type Change, type Sim, type Watcher } from './sim'
import type { KObject, LogEntry, SimState, Task } from './state'
import { rfc3339 } from './time'
import { runAction, scheduleActions } from './actions'
import { nodeLifecycleWatcher, runNodeTask, startNodeLifecycle } from '../nodes'
// Admission after defaulting (namespaces, LimitRange, Service allocation, ResourceQuota) and the
// Service/namespace/quota controllers (src/engine/api, src/engine/services).
import { admitOnCreate, isRefusal, type Refusal } from '../api/store-admission'
import { kubernetesService, reconcileServiceControllers, wakesServiceControllers } from '../services'

export interface SimulateOptions {
  /** The simulated horizon in ms. */
  readonly untilMs: number
  readonly seed?: number
  readonly epochMs?: number
  readonly keyframeEveryMs?: number
  readonly model?: ContainerModel
  /** Turns a manifest's body into the object the API server stores (defaults, admission). */
  readonly admit?: (kind: string, body: Record<string, unknown>, sim: Sim) => Record<string, unknown>
}

export interface Keyframe {
  readonly at: number
  readonly state: SimState
}

/** A simulated run: the full event log, and keyframes to rebuild the state at any time quickly. */
export interface Timeline {
  readonly untilMs: number
  readonly epochMs: number
  readonly log: readonly LogEntry[]
  readonly keyframes: readonly Keyframe[]
  /** The state at `t` (clamped to the horizon): the nearest keyframe at or before it, replayed to `t`. */
  stateAt(t: number): SimState
}

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']

/**
 * Applies the scenario's objects at t = 0 onto a fresh cluster and runs the simulation to `untilMs`.
 * Pure and deterministic: the same objects and options give the same log, byte for byte.
 */
export function simulate(objects: readonly LoadedObject[], options: SimulateOptions): Timeline {
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS
  const model = options.model ?? layeredModel(epochMs)
  const every = options.keyframeEveryMs ?? KEYFRAME_EVERY_MS
  const sim = newSim(model, options.seed ?? 1, epochMs, options.admit)
  boot(sim, objects)
  const keyframes: Keyframe[] = [{ at: 0, state: snapshot(sim.s) }]
  // A keyframe every `every` ms of simulated time, and more often when the cluster is busy, so that
  // rebuilding any moment replays at most KEYFRAME_EVERY_TASKS tasks.
  let nextAt = every
  let processed = 0
  const s = sim.s
  for (let item = peekItem(s.queue); item && item.at <= options.untilMs; item = peekItem(s.queue)) {
    if (item.at > nextAt || processed >= KEYFRAME_EVERY_TASKS) {
      if (item.at > nextAt) {
        s.now = nextAt
        nextAt += every
      }
      keyframes.push({ at: s.now, state: snapshot(s) })
      processed = 0
      continue
    }
    popItem(s.queue)
    s.now = item.at
    dispatch(sim, model, item.task)
    processed++
  }
  s.now = options.untilMs
  const finalState = snapshot(sim.s)
  const log = sim.s.log
  return {
    untilMs: options.untilMs,
    epochMs,
    log,
    keyframes,
    stateAt(t: number): SimState {
      const at = Math.max(0, Math.min(Math.round(t), options.untilMs))
      if (at === options.untilMs) return finalState
      let kf = keyframes[0]!
      for (let lo = 0, hi = keyframes.length - 1; lo <= hi;) {
        const mid = (lo + hi) >> 1
        if (keyframes[mid]!.at <= at) {
          kf = keyframes[mid]!
          lo = mid + 1
        } else hi = mid - 1
      }
      const replay = newSimFrom(snapshot(kf.state), model, options.admit)
      replay.s.log = []
      runUntil(replay, model, at)
      return replay.s
    },
  }
}

/** Runs every task due at or before `t`, then sets the clock to `t`. */
export function runUntil(sim: Sim, model: ContainerModel, t: number): void {
  const s = sim.s
  for (let item = peekItem(s.queue); item && item.at <= t; item = peekItem(s.queue)) {
    popItem(s.queue)
    s.now = item.at
    dispatch(sim, model, item.task)
  }
  s.now = t
}

function dispatch(sim: Sim, model: ContainerModel, task: Task): void {
  switch (task.type) {
    case 'schedule':
      pending(sim).delete('schedule')
      return runScheduler(sim)
    case 'controllers':
      pending(sim).delete('controllers')
      reconcileWorkloads(sim, createPod)
      return reconcileServiceControllers(sim)
    case 'pod-sync':
      return syncPod(sim, model, task.pod)
    case 'probe':
      return onProbeTask(sim, model, task)
    case 'process-wake': {
      const rt = ownRuntime(sim.s, task.pod)
      const c = rt?.containers.find((x) => x.name === task.container)
      if (rt && c) processWake(sim, model, rt, c, task.run)
      return
    }
    case 'kill-done': {
      const rt = ownRuntime(sim.s, task.pod)
      const c = rt?.containers.find((x) => x.name === task.container)
      if (rt && c) killDone(sim, model, rt, c, task.run)
      return
    }
    case 'pod-deleted':
      return
    case 'action':
      return runAction(sim, task.index)
    case 'node':
      return runNodeTask(sim, task)
  }
}

/** Tasks that collapse: one pending scheduling pass, one pending controller pass. */
function pending(sim: Sim): Set<string> {
  return sim.s.pendingOnce
}

function scheduleOnce(sim: Sim, name: 'schedule' | 'controllers', delay: number): void {
  if (pending(sim).has(name)) return
  pending(sim).add(name)
  schedule(sim, delay, { type: name })
}

/** The watches: the scheduler on unbound pods, the kubelet on bound ones, controllers on their objects. */
const watchers: Watcher[] = [
  (sim: Sim, ch: Change) => {
    if (ch.object.kind !== 'Pod' || ch.op === 'delete') {
      if (ch.object.kind === 'Pod' && ch.op === 'delete') scheduleOnce(sim, 'schedule', SCHEDULE_LATENCY_MS)
      if (ch.object.kind === 'Node' && ch.op === 'update' && nodeChangeMatters(ch.old, ch.object))
        scheduleOnce(sim, 'schedule', SCHEDULE_LATENCY_MS)
      return
    }
    const pod = ch.object as Pod & KObject
    if (!pod.spec?.nodeName) {
      if (ch.op === 'create') scheduleOnce(sim, 'schedule', SCHEDULE_LATENCY_MS)
      return
    }
    const old = ch.old as (Pod & KObject) | undefined
    if (!old?.spec?.nodeName && !sim.s.runtime.has(ch.key))
      schedule(sim, KUBELET_SYNC_LATENCY_MS, { type: 'pod-sync', pod: ch.key })
    // A deletion reaches the kubelet through its watch (graceful termination, reference A8).
    if (pod.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp)
      schedule(sim, KUBELET_SYNC_LATENCY_MS, { type: 'pod-sync', pod: ch.key })
  },
  (sim: Sim, ch: Change) => {
    if (wantsReconcile(ch)) scheduleOnce(sim, 'controllers', 0)
  },
  // Node lifecycle: cordon taints, the taint-eviction controller (src/engine/nodes).
  nodeLifecycleWatcher,
  // Endpoints/EndpointSlices, namespace deletion, quota status (src/engine/services).
  (sim: Sim, ch: Change) => {
    if (wakesServiceControllers(ch)) scheduleOnce(sim, 'controllers', 0)
  },
]

function newSim(model: ContainerModel, seed: number, epochMs: number, admit: SimulateOptions['admit']): Sim {
  const s: SimState = {
    now: 0,
    seq: 0,
    rv: 0,
    rng: rngState(seed),
    epochMs,
    queue: [],
    objects: new Map(),
    events: new Map(),
    runtime: new Map(),
    owner: {},
    images: new Map(),
    ipNext: new Map(),
    logs: new Map(),
    log: [],
    pendingOnce: new Set(),
    actions: [],
    shared: { objects: false, events: false, runtime: false },
  }
  return newSimFrom(s, model, admit)
}

function newSimFrom(s: SimState, _model: ContainerModel, admit: SimulateOptions['admit']): Sim {
  const sim: Sim = { s, watchers, admit: admit ?? apiServerAdmit }
  return sim
}

/**
 * The API server's defaulting and admission (src/engine/api), with name suffixes from the seeded PRNG.
 * The result may be a refusal (`kind: Status`, see `api/refusal.ts`): then nothing is to be created.
 */
function apiServerAdmit(kind: string, body: Record<string, unknown>, sim: Sim): Record<string, unknown> {
  const suffix = (): string => randomSuffix(createRng(sim.s.rng))
  const defaulted =
    kind === 'Pod'
      ? (createPodObject(body, { suffix }) as unknown as Record<string, unknown>)
      : applyDefaults(kind, body, { suffix })
  return admitOnCreate(sim, kind, defaulted) as Record<string, unknown>
}

/** Creates a pod through admission; returns the API server's refusal when it is not created. */
function createPod(sim: Sim, pod: Pod & KObject): Refusal | undefined {
  const admitted = sim.admit('Pod', pod as unknown as Record<string, unknown>, sim)
  if (isRefusal(admitted)) return admitted
  const created = admitted as unknown as Pod & KObject
  createObject(sim, { ...created, status: { phase: 'Pending', ...(created.status ?? {}) } } as KObject)
  return undefined
}

function boot(sim: Sim, objects: readonly LoadedObject[]): void {
  const s = sim.s
  const clusterBorn = rfc3339(s.epochMs - CLUSTER_AGE_MS)
  for (const ns of SYSTEM_NAMESPACES) {
    createObject(sim, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, creationTimestamp: clusterBorn, labels: { 'kubernetes.io/metadata.name': ns } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    })
  }
  // The API server's own `default/kubernetes` Service (10.96.0.1).
  createObject(sim, kubernetesService(clusterBorn))
  for (const node of clusterNodes(objects, clusterBorn)) createObject(sim, node as unknown as KObject)
  startNodeLifecycle(sim)
  scheduleActions(sim, objects)
  // Declared Namespaces first (Active), so that objects listed before their namespace still land in it;
  // an object the API server refuses (missing namespace, LimitRange, quota) is not created.
  const ordered = [
    ...objects.filter((o) => o.kind === 'Namespace'),
    ...objects.filter((o) => o.kind !== 'Namespace'),
  ]
  for (const o of ordered) {
    if (o.kind === 'Node' || o.kind === 'Scenario') continue
    if (o.kind === 'Namespace' && SYSTEM_NAMESPACES.includes(o.metadata.name)) continue
    const body = { ...o.body, metadata: { ...o.metadata } } as Record<string, unknown>
    if (o.kind === 'Pod') createPod(sim, body as unknown as Pod & KObject)
    else {
      const admitted = sim.admit(o.kind, body, sim)
      if (isRefusal(admitted)) continue
      const obj = admitted as unknown as KObject
      createObject(sim, o.kind === 'Namespace' ? { ...obj, status: { phase: 'Active' } } : obj)
    }
  }
}

/**
 * A copy of the state that later steps cannot change. API objects are shared (they are never mutated);
 * kubelet runtime records are shared too and copied on their next write, because `s` takes a fresh
 * ownership token here; the small bookkeeping maps are copied.
 */
export function snapshot(s: SimState): SimState {
  const images = new Map<string, Set<string>>()
  for (const [k, v] of s.images) images.set(k, new Set(v))
  s.owner = {}
  s.shared = { objects: true, events: true, runtime: true }
  return {
    ...s,
    owner: {},
    shared: { objects: true, events: true, runtime: true },
    rng: { ...s.rng },
    queue: s.queue.slice(),
    images,
    ipNext: new Map(s.ipNext),
    logs: new Map(s.logs),
    log: s.log,
    pendingOnce: new Set(s.pendingOnce),
  }
}
