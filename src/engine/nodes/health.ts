/**
 * The node-lifecycle bookkeeping the simulation keeps beside the API store (plain, immutable data: a
 * write replaces the whole record, so keyframes share it safely). Kubelet heartbeats are not log
 * entries: each kubelet's 10 s ticks (node Lease renewals, status loop) are computed from `anchor`, and
 * the Node object is written only when its status changes or the 5-minute report is due.
 */
import type { SimState } from '../sim/state'

/** What the simulation knows of one node's kubelet. */
export interface NodeHealth {
  /** Bumped when the kubelet stops or comes back: its queued tasks from before are stale. */
  readonly gen: number
  /** A heartbeat happened here; the kubelet's 10 s ticks (lease renewals) fall on anchor + k × 10 s. */
  readonly anchor: number
  /** When the kubelet stopped (`fail-node`); null while it runs. */
  readonly downSince: number | null
  /** The kubelet's `lastNodeUnschedulable` (its NodeSchedulable / NodeNotSchedulable events). */
  readonly lastUnschedulable: boolean
}

/** A pod the taint-eviction controller will delete at `at` (its `TimedWorkerQueue` entry). */
export interface ScheduledEviction {
  readonly node: string
  readonly createdAt: number
  readonly at: number
}

/** One `kubectl drain` in progress: what it printed so far (stdout and stderr lines, in order). */
export interface DrainRun {
  readonly output: readonly string[]
}

export interface NodeLifeState {
  readonly nodes: Readonly<Record<string, NodeHealth>>
  /** Keyed by pod key (`Pod/ns/name`). */
  readonly evictions: Readonly<Record<string, ScheduledEviction>>
  /** Keyed by node name. */
  readonly drains: Readonly<Record<string, DrainRun>>
  /**
   * The state (`SimState.owner`) that may change `evictions` in place: a node failure queues and
   * cancels one eviction per pod, and copying the record each time made that quadratic. Any other
   * state (a keyframe, a replay) copies the record before its first change.
   */
  readonly evictionsOwner?: object
}

export const EMPTY_NODE_LIFE: NodeLifeState = { nodes: {}, evictions: {}, drains: {} }

export function nodeLife(s: SimState): NodeLifeState {
  return s.nodeLife ?? EMPTY_NODE_LIFE
}

/** The scheduled evictions, to change in place: copied first unless this state owns them. */
export function writableEvictions(s: SimState): Record<string, ScheduledEviction> {
  const l = nodeLife(s)
  if (l.evictionsOwner === s.owner) return l.evictions as Record<string, ScheduledEviction>
  const evictions = { ...l.evictions }
  s.nodeLife = { ...l, evictions, evictionsOwner: s.owner }
  return evictions
}

/** A failed node's kubelet does nothing: no pod syncs, no probes, no status (hook for the kubelet). */
export function kubeletDown(s: SimState, node: string): boolean {
  const h = s.nodeLife?.nodes[node]
  return h !== undefined && h.downSince !== null
}
