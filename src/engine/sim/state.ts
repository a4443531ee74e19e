import type { Event as K8sEvent, Node, Pod } from 'kubernetes-types/core/v1'
import type { QueueItem } from './queue'
import type { RngState } from './rng'
import type { PodRuntime } from '../kubelet/runtime'
import type { Action } from './actions'
import type { NodeLifeState } from '../nodes/health'

/** Any object in the API store: a plain v1 object with at least kind and metadata. */
export interface KObject {
  apiVersion: string
  kind: string
  metadata: {
    name: string
    namespace?: string
    uid?: string
    resourceVersion?: string
    creationTimestamp?: string
    deletionTimestamp?: string
    deletionGracePeriodSeconds?: number
    labels?: Record<string, string>
    annotations?: Record<string, string>
    ownerReferences?: {
      apiVersion: string
      kind: string
      name: string
      uid: string
      controller?: boolean
      blockOwnerDeletion?: boolean
    }[]
    generateName?: string
    [k: string]: unknown
  }
  spec?: unknown
  status?: unknown
  [k: string]: unknown
}

/** The work the simulation can schedule: plain data, so the queue can be copied into keyframes. */
export type Task =
  | { type: 'schedule' }
  | { type: 'pod-sync'; pod: string }
  | { type: 'probe'; pod: string; container: string; probe: ProbeType; gen: number }
  | { type: 'process-wake'; pod: string; container: string; run: number }
  | { type: 'kill-done'; pod: string; container: string; run: number }
  | { type: 'pod-deleted'; pod: string }
  | { type: 'controllers' }
  // Node lifecycle (src/engine/nodes): kubelet status ticks, controller checks, taint evictions, drains.
  | { type: 'node'; step: NodeStep; node: string; gen: number; pod?: string }

export type NodeStep = 'report' | 'tick' | 'monitor' | 'taints' | 'evict' | 'evict-retry'

export type ProbeType = 'startup' | 'liveness' | 'readiness'

/** One entry of the event log: every write to the API store, in order. Tests hash it. */
export interface LogEntry {
  readonly t: number
  readonly op: 'create' | 'update' | 'delete'
  readonly key: string
  readonly rv: number
  /** A short human summary, e.g. `Pod default/web-0 Running 1/1` or `Event Killing: …`. */
  readonly summary: string
}

/**
 * The whole simulated cluster at one moment. API objects are immutable values (a write replaces the
 * object), so a keyframe shares them; the kubelet's runtime is small and copied.
 */
export interface SimState {
  now: number
  seq: number
  rv: number
  rng: RngState
  epochMs: number
  queue: QueueItem<Task>[]
  /** The API store, keyed `kind/namespace/name`. */
  objects: Map<string, KObject>
  /** Events keyed by their aggregation key (reference D5). */
  events: Map<string, K8sEvent>
  /** Kubelet runtime per pod key (copy-on-write: see `ownRuntime`). */
  runtime: Map<string, PodRuntime>
  /** This state's ownership token for runtime records; a fresh one after every snapshot. */
  owner: object
  /** Images present on each node. */
  images: Map<string, Set<string>>
  /** Pod IP counters per node. */
  ipNext: Map<string, number>
  /** Container log lines per `podKey/container/run`. */
  logs: Map<string, string[]>
  log: LogEntry[]
  /** Collapsing tasks already queued (one scheduling pass, one controller pass at a time). */
  pendingOnce: Set<string>
  /** How many times objects of each kind were written: a list of a kind is valid until this changes. */
  kindWrites?: Readonly<Record<string, number>>
  /**
   * The CronJob controller's work queue, per CronJob key: what it last synced (the CronJob's and its
   * Jobs' resourceVersions) and the `AddAfter` time it waits for (immutable; src/engine/controllers/cronjob.ts).
   */
  cronJobQueue?: Readonly<Record<string, { readonly seen: string; readonly due?: number }>>
  /**
   * The Scenario's scripted actions in the order they run: by time, ties in timeline order. They are not
   * queued tasks: each runs, before any queued task due at the same millisecond, when the run reaches its
   * time, so their order never depends on when they were queued and they take no sequence numbers. A
   * re-simulation that changes the list after `actionsRun` can resume from this state (`resimulate`).
   */
  actions: readonly Action[]
  /** How many of `actions` have run. */
  actionsRun: number
  /** Kubelet heartbeats, node health, scheduled taint evictions, drains (src/engine/nodes; immutable). */
  nodeLife?: NodeLifeState
  /** Maps this state shares with a keyframe: copied on their first write (`writable…`). */
  shared: { objects: boolean; events: boolean; runtime: boolean }
}

/** The API store map, copied first if a keyframe shares it. */
export function writableObjects(s: SimState): Map<string, KObject> {
  if (s.shared.objects) {
    s.objects = new Map(s.objects)
    s.shared.objects = false
  }
  return s.objects
}

export function writableEvents(s: SimState): Map<string, K8sEvent> {
  if (s.shared.events) {
    s.events = new Map(s.events)
    s.shared.events = false
  }
  return s.events
}

export function writableRuntime(s: SimState): Map<string, PodRuntime> {
  if (s.shared.runtime) {
    s.runtime = new Map(s.runtime)
    s.shared.runtime = false
  }
  return s.runtime
}

export type { K8sEvent, Node, Pod }

export function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`
}

export function objKey(o: KObject): string {
  return keyOf(o.kind, o.metadata.namespace, o.metadata.name)
}
