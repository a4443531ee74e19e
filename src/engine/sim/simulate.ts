import type { Pod } from 'kubernetes-types/core/v1'
import { clusterNodes } from '../cluster/nodes'
import { layeredModel } from '../container/model'
import { gcWatch, reconcileWorkloads, wantsReconcile } from '../controllers'
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
import { createObject, jsonEqual, newUid, schedule, type Change, type Sim, type Watcher } from './sim'
import { generateJobSelector } from '../api/job-selector'
import type { JsonObject } from '../api/json'
import type { KObject, LogEntry, SimState, Task } from './state'
import { rfc3339 } from './time'
import { actionRunOrder, runAction, scenarioActions, scheduleActions, type Action } from './actions'
import { nodeLifecycleWatcher, runNodeTask, startNodeLifecycle } from '../nodes'
// Admission after defaulting (namespaces, LimitRange, Service allocation, ResourceQuota) and the
// Service/namespace/quota controllers (src/engine/api, src/engine/services).
import { admitOnCreate, isRefusal, type Refusal } from '../api/store-admission'
import { MAX_KEYFRAME_ENTRIES, MAX_LOG_ENTRIES } from '../limits'
import { goDuration } from '../model/duration'
import { kubernetesService, reconcileServiceControllers, wakesServiceControllers } from '../services'

export interface SimulateOptions {
  /** The simulated horizon in ms. */
  readonly untilMs: number
  readonly seed?: number
  readonly epochMs?: number
  readonly keyframeEveryMs?: number
  readonly model?: ContainerModel
  /** Where a runaway run stops (src/engine/limits.ts); smaller values let tests reach them quickly. */
  readonly limits?: { readonly logEntries?: number; readonly keyframeEntries?: number }
  /** Turns a manifest's body into the object the API server stores (defaults, admission). */
  readonly admit?: (kind: string, body: Record<string, unknown>, sim: Sim) => Record<string, unknown>
  /**
   * Told the simulated time reached every PROGRESS_EVERY_STEPS steps, so a caller can show progress and
   * tell a long run from a hung one. It only observes: the run is the same with or without it.
   */
  readonly onProgress?: (simulatedMs: number) => void
}

/** How many steps of a run pass between two `onProgress` calls (a few per second of wall time). */
export const PROGRESS_EVERY_STEPS = 2000

export interface Keyframe {
  readonly at: number
  readonly state: SimState
  /** How long the log was at this moment (`state.log` is the whole run's log, shared by every keyframe). */
  readonly logLength: number
  /**
   * The memory the keyframes up to this one may hold, in map entries (objects, events, kubelet runtime
   * records of each): what MAX_KEYFRAME_ENTRIES bounds.
   */
  readonly entries: number
  /** When the next keyframe by time is due after this one: the cadence a resumed run carries on with. */
  readonly nextAt: number
}

/** How a timeline was computed. */
export interface RunStats {
  /** The time of the keyframe a re-simulation resumed from; null for a run from t = 0. */
  readonly resumedFrom: number | null
  /** Queued tasks and scripted actions this computation carried out (replays for `stateAt` excluded). */
  readonly steps: number
}

/** A simulated run: the full event log, and keyframes to rebuild the state at any time quickly. */
export interface Timeline {
  /** The simulated horizon: the one asked for, or the moment the run stopped at a limit (`stopped`). */
  readonly untilMs: number
  /** Set when the run stopped before the horizon asked for because it reached MAX_LOG_ENTRIES. */
  readonly stopped: { readonly atMs: number; readonly reason: string } | null
  readonly epochMs: number
  readonly log: readonly LogEntry[]
  readonly keyframes: readonly Keyframe[]
  readonly run: RunStats
  /** The state at `t` (clamped to the horizon): the nearest keyframe at or before it, replayed to `t`. */
  stateAt(t: number): SimState
  /** A replay that follows a moving time cursor (playback) without starting over from a keyframe. */
  cursor(): TimelineCursor
}

/**
 * The state at moments asked one after another. A moment later than the last one asked continues the
 * same replay when no keyframe lies between them (so playback replays each stretch of time once);
 * otherwise it replays from the nearest keyframe, as `stateAt` does. Either way the state is the same
 * as `stateAt`'s. The state returned is the replay itself: read it before asking for the next moment.
 */
export interface TimelineCursor {
  stateAt(t: number): SimState
}

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']

/** The Scenario document's `spec.seed` (DESIGN §2.1), or 1. */
export function scenarioSeed(objects: readonly LoadedObject[]): number {
  const seed = (objects.find((o) => o.kind === 'Scenario')?.body.spec as { seed?: unknown } | undefined)?.seed
  return typeof seed === 'number' && Number.isSafeInteger(seed) && seed >= 0 ? seed : 1
}

/** The options with their defaults filled in. */
interface Setup {
  readonly untilMs: number
  readonly seed: number
  readonly epochMs: number
  readonly every: number
  /** The model the run uses, and the one the caller gave (a default model is made per run). */
  readonly model: ContainerModel
  readonly givenModel: ContainerModel | undefined
  readonly admit: SimulateOptions['admit']
  readonly maxLogEntries: number
  readonly maxKeyframeEntries: number
}

function setup(options: SimulateOptions): Setup {
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS
  return {
    untilMs: options.untilMs,
    seed: options.seed ?? 1,
    epochMs,
    every: options.keyframeEveryMs ?? KEYFRAME_EVERY_MS,
    model: options.model ?? layeredModel(epochMs),
    givenModel: options.model,
    admit: options.admit,
    maxLogEntries: options.limits?.logEntries ?? MAX_LOG_ENTRIES,
    maxKeyframeEntries: options.limits?.keyframeEntries ?? MAX_KEYFRAME_ENTRIES,
  }
}

/** What `resimulate` needs to know about the run behind a timeline. */
interface RunInputs {
  readonly objects: readonly LoadedObject[]
  readonly setup: Setup
  /** The scripted actions in run order. */
  readonly actions: readonly Action[]
}

const inputsOf = new WeakMap<Timeline, RunInputs>()

/**
 * Applies the scenario's objects at t = 0 onto a fresh cluster and runs the simulation to `untilMs`.
 * Pure and deterministic: the same objects and options give the same log, byte for byte.
 */
export function simulate(objects: readonly LoadedObject[], options: SimulateOptions): Timeline {
  const o = setup(options)
  const sim = newSimFrom(newState(o.seed, o.epochMs), o.admit)
  boot(sim, objects)
  const start: Keyframe = {
    at: 0,
    state: snapshot(sim.s),
    logLength: sim.s.log.length,
    nextAt: o.every,
    entries: stateEntries(sim.s),
  }
  return runOn(sim, { objects, setup: o, actions: sim.s.actions }, [start], null, options.onProgress)
}

/**
 * The timeline of `objects` under `options`, reusing what `previous` computed: when the scenario
 * differs from the one behind `previous` only in its scripted actions and/or its horizon, the run
 * resumes from the last keyframe before the earliest action that differs (for a horizon change only,
 * from the last keyframe within both horizons), keeping the keyframes and the log up to there.
 * Otherwise it simulates from t = 0. Either way the result is exactly `simulate(objects, options)`:
 * the same log byte for byte, the same keyframes, the same state at every moment (DESIGN §2.4).
 * `previous` is left as it was and stays usable.
 */
export function resimulate(
  previous: Timeline,
  objects: readonly LoadedObject[],
  options: SimulateOptions,
): Timeline {
  const before = inputsOf.get(previous)
  if (!before || !sameSetup(before.setup, options) || !sameObjects(before.objects, objects))
    return simulate(objects, options)
  // The default model is pure (its caches are keyed by object identity), so the new run may share it.
  const o: Setup = { ...before.setup, untilMs: options.untilMs }
  const actions = actionRunOrder(scenarioActions(objects))
  const differsAt = firstDifference(before.actions, actions)
  // Runs agree on everything before `differsAt`: the actions run by then are the same ones, in the same
  // order. The keyframe at t = 0 (after boot, before any action) always qualifies.
  const keyframes = previous.keyframes
  let i = 0
  for (let j = keyframes.length - 1; j > 0; j--) {
    const k = keyframes[j]!
    if (k.at < differsAt && k.at <= o.untilMs) {
      i = j
      break
    }
  }
  const log = previous.log.slice(0, keyframes[i]!.logLength)
  // The kept keyframes are the previous run's, pointed at the new log and action list; their maps stay
  // shared (copy-on-write), and nothing of `previous` is written.
  const kept: Keyframe[] = keyframes.slice(0, i + 1).map((k) => ({
    ...k,
    state: { ...k.state, owner: {}, shared: { objects: true, events: true, runtime: true }, log, actions },
  }))
  const sim = newSimFrom(fork(kept[i]!.state, log), o.admit)
  return runOn(sim, { objects, setup: o, actions }, kept, kept[i]!.at, options.onProgress)
}

/** Runs `sim` from its last keyframe to the horizon, taking keyframes on the way. */
function runOn(
  sim: Sim,
  inputs: RunInputs,
  keyframes: Keyframe[],
  resumedFrom: number | null,
  onProgress?: (simulatedMs: number) => void,
): Timeline {
  const { every, model, epochMs, admit } = inputs.setup
  let untilMs = inputs.setup.untilMs
  let stopped: Timeline['stopped'] = null
  const s = sim.s
  // A keyframe every `every` ms of simulated time up to the horizon, and one after every
  // KEYFRAME_EVERY_TASKS steps, so that rebuilding any moment replays at most that many. Where
  // keyframes fall depends only on what ran before them, never on what comes next, so a run to a
  // longer horizon, or with other actions later, takes the same keyframes up to there.
  let nextAt = keyframes[keyframes.length - 1]!.nextAt
  let processed = 0
  let steps = 0
  const keyframe = (): void => {
    // A keyframe at the same moment as the last one hides it: seeking and resuming start from the last
    // keyframe at or before a moment, so the earlier one would never be read again, only kept in memory.
    // (The first keyframe, the state right after boot, always stays.)
    const last = keyframes.length - 1
    const hides = last > 0 && keyframes[last]!.at === s.now
    const entries = keyframes[hides ? last - 1 : last]!.entries + stateEntries(s)
    const next = { at: s.now, state: snapshot(s), logLength: s.log.length, nextAt, entries }
    if (hides) keyframes[last] = next
    else keyframes.push(next)
    processed = 0
  }
  for (;;) {
    const due = nextDue(s)
    while (nextAt < due && nextAt <= untilMs) {
      s.now = nextAt
      nextAt += every
      keyframe()
    }
    if (due > untilMs) break
    // A runaway scenario (thousands of pods crash-looping for a day) stops at a documented limit instead
    // of exhausting the tab's memory. The log length depends only on what ran, so a resumed run stops
    // exactly where a fresh one does.
    const limit =
      s.log.length >= inputs.setup.maxLogEntries
        ? `it recorded ${inputs.setup.maxLogEntries.toLocaleString('en-US')} changes`
        : keyframes[keyframes.length - 1]!.entries >= inputs.setup.maxKeyframeEntries
          ? 'its snapshots for the timeline filled the memory kubeplay allows'
          : null
    if (limit) {
      untilMs = s.now
      stopped = {
        atMs: s.now,
        reason: `the simulation stopped at ${goDuration(s.now)}: ${limit}, kubeplay's limit; shorten spec.duration or run fewer pods`,
      }
      break
    }
    step(sim, model)
    steps++
    if (++processed >= KEYFRAME_EVERY_TASKS) keyframe()
    if (onProgress && steps % PROGRESS_EVERY_STEPS === 0) onProgress(s.now)
  }
  s.now = untilMs
  const finalState = snapshot(s)
  /** The last keyframe at or before `at`. */
  const keyframeAt = (at: number): Keyframe => {
    let kf = keyframes[0]!
    for (let lo = 0, hi = keyframes.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1
      if (keyframes[mid]!.at <= at) {
        kf = keyframes[mid]!
        lo = mid + 1
      } else hi = mid - 1
    }
    return kf
  }
  const clamp = (t: number): number => Math.max(0, Math.min(Math.round(t), untilMs))
  const timeline: Timeline = {
    untilMs,
    stopped,
    epochMs,
    log: s.log,
    keyframes,
    run: { resumedFrom, steps },
    stateAt(t: number): SimState {
      const at = clamp(t)
      if (at === untilMs) return finalState
      const replay = newSimFrom(fork(keyframeAt(at).state, []), admit)
      runUntil(replay, model, at)
      return replay.s
    },
    cursor(): TimelineCursor {
      let replay: Sim | null = null
      return {
        stateAt(t: number): SimState {
          const at = clamp(t)
          if (at === untilMs) return finalState
          const kf = keyframeAt(at)
          // Going on from the last moment asked replays (t0, at]; starting from the keyframe replays
          // (kf.at, at]: the replay goes on unless it is past `at` or behind the keyframe.
          if (replay === null || replay.s.now > at || replay.s.now < kf.at)
            replay = newSimFrom(fork(kf.state, []), admit)
          runUntil(replay, model, at)
          return replay.s
        },
      }
    },
  }
  inputsOf.set(timeline, inputs)
  return timeline
}

/** How many map entries a snapshot of `s` may come to hold once its maps are copied on write. */
function stateEntries(s: SimState): number {
  return s.objects.size + s.events.size + s.runtime.size
}

/** The options that must be the same for a run to reuse another's keyframes (the horizon may differ). */
function sameSetup(a: Setup, options: SimulateOptions): boolean {
  return (
    a.seed === (options.seed ?? 1) &&
    a.epochMs === (options.epochMs ?? DEFAULT_EPOCH_MS) &&
    a.every === (options.keyframeEveryMs ?? KEYFRAME_EVERY_MS) &&
    a.givenModel === options.model &&
    a.admit === options.admit &&
    a.maxLogEntries === (options.limits?.logEntries ?? MAX_LOG_ENTRIES) &&
    a.maxKeyframeEntries === (options.limits?.keyframeEntries ?? MAX_KEYFRAME_ENTRIES)
  )
}

/**
 * The scenarios are the same apart from the Scenario's `spec.timeline` and `spec.duration` (the caller
 * turns the duration into the horizon): same objects, in the same order, by content. Where they came
 * from in the text does not matter.
 */
function sameObjects(a: readonly LoadedObject[], b: readonly LoadedObject[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x.kind !== y.kind || x.apiVersion !== y.apiVersion || !jsonEqual(x.metadata, y.metadata)) return false
    if (!jsonEqual(withoutActions(x), withoutActions(y))) return false
  }
  return true
}

function withoutActions(o: LoadedObject): unknown {
  if (o.kind !== 'Scenario') return o.body
  const spec = o.body.spec
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return o.body
  const { timeline: _timeline, duration: _duration, ...rest } = spec as Record<string, unknown>
  return { ...o.body, spec: rest }
}

/** The time of the first action that is not the same in both run orders (Infinity: none). */
function firstDifference(a: readonly Action[], b: readonly Action[]): number {
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a[i]
    const y = b[i]
    if (x && y && jsonEqual(x, y)) continue
    return Math.min(x?.at ?? Infinity, y?.at ?? Infinity)
  }
  return Infinity
}

/** When the next step is due: the next scripted action or the next queued task. */
function nextDue(s: SimState): number {
  const action = s.actions[s.actionsRun]
  const item = peekItem(s.queue)
  return Math.min(action?.at ?? Infinity, item?.at ?? Infinity)
}

/** Carries out what is due next; a scripted action goes before the queued tasks due at its millisecond. */
function step(sim: Sim, model: ContainerModel): void {
  const s = sim.s
  const action = s.actions[s.actionsRun]
  const item = peekItem(s.queue)
  if (action && (!item || action.at <= item.at)) {
    s.actionsRun++
    s.now = Math.max(s.now, action.at)
    return runAction(sim, action)
  }
  if (!item) return
  popItem(s.queue)
  s.now = item.at
  dispatch(sim, model, item.task)
}

/** Runs every step due at or before `t`, then sets the clock to `t`. */
export function runUntil(sim: Sim, model: ContainerModel, t: number): void {
  while (nextDue(sim.s) <= t) step(sim, model)
  sim.s.now = t
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
    gcWatch(sim, ch)
    if (wantsReconcile(ch)) scheduleOnce(sim, 'controllers', 0)
  },
  // Node lifecycle: cordon taints, the taint-eviction controller (src/engine/nodes).
  nodeLifecycleWatcher,
  // Endpoints/EndpointSlices, namespace deletion, quota status (src/engine/services).
  (sim: Sim, ch: Change) => {
    if (wakesServiceControllers(ch)) scheduleOnce(sim, 'controllers', 0)
  },
]

function newState(seed: number, epochMs: number): SimState {
  return {
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
    actionsRun: 0,
    shared: { objects: false, events: false, runtime: false },
  }
}

function newSimFrom(s: SimState, admit: SimulateOptions['admit']): Sim {
  return { s, watchers, admit: admit ?? apiServerAdmit }
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
  const admitted = admitOnCreate(sim, kind, defaulted) as Record<string, unknown>
  if (kind !== 'Job' || isRefusal(admitted)) return admitted
  const meta = admitted.metadata as { uid?: unknown } | undefined
  return generateJobSelector(admitted as JsonObject, typeof meta?.uid === 'string' ? meta.uid : newUid(sim))
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
  s.owner = {}
  s.shared = { objects: true, events: true, runtime: true }
  return fork(s, s.log)
}

/**
 * A state to run on from `s` (a keyframe's, never written to), writing its log to `log`. `s` itself is
 * not touched: the maps are shared copy-on-write, the runtime records under a fresh ownership token.
 */
function fork(s: SimState, log: LogEntry[]): SimState {
  const images = new Map<string, Set<string>>()
  for (const [k, v] of s.images) images.set(k, new Set(v))
  return {
    ...s,
    owner: {},
    shared: { objects: true, events: true, runtime: true },
    rng: { ...s.rng },
    queue: s.queue.slice(),
    images,
    ipNext: new Map(s.ipNext),
    logs: new Map(s.logs),
    log,
    pendingOnce: new Set(s.pendingOnce),
  }
}
