/**
 * The scheduling framework's vocabulary, as plain data (k/k `staging/src/k8s.io/kube-scheduler/framework/
 * interface.go`): status codes, statuses `{ code, reasons, plugin }`, the per-node status map
 * (`NodeToStatus`) and the shapes of filter and score plugins. Plugins are small objects listed in one
 * explicit registry (`registry.ts`); nothing registers itself on import.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1'
import type { KObject } from '../sim/state'
import type { Amounts } from './pod-requests'

export type PodObj = Pod & KObject
export type NodeObj = Node & KObject

/** `fwk.Code`. */
export type Code =
  'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip' | 'Pending'

/** A plugin's verdict: never `Success` here (success is `null`, as a nil `*Status` is upstream). */
export interface Status {
  readonly code: Code
  readonly reasons: readonly string[]
  readonly plugin: string
}

export function status(code: Code, plugin: string, ...reasons: string[]): Status {
  return { code, reasons, plugin }
}

/** Unschedulable or UnschedulableAndUnresolvable (`Status.IsRejected`). */
export function isRejected(s: Status | null): boolean {
  return s !== null && (s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable')
}

/**
 * `NodeToStatus`: a status per node that was filtered out, and one for every node absent from the map
 * (nodes a PreFilter result excluded, or all nodes when a PreFilter rejected the pod).
 */
export interface NodeToStatus {
  readonly nodes: ReadonlyMap<string, Status>
  readonly absent: Status
}

export const MAX_NODE_SCORE = 100

/** One node as the scheduler's cache sees it (`NodeInfo`): its pods and what they request. */
export interface NodeInfo {
  readonly name: string
  /** The node's position in its snapshot's list (sorted by name), for per-pass arrays; -1 outside one. */
  readonly index: number
  readonly node: NodeObj
  readonly labels: Readonly<Record<string, string>>
  /** Bound, non-terminal pods (the scheduler's informer drops Succeeded/Failed pods). */
  readonly pods: PodObj[]
  /** Those of `pods` with pod affinity or anti-affinity (`NodeInfo.PodsWithAffinity`). */
  readonly podsWithAffinity: PodObj[]
  /** Sum of the pods' requests (`computePodResourceRequest`), cpu in millicores, the rest in units. */
  readonly requested: Amounts
  /** Sum of requests with 100m cpu / 200Mi memory for containers that request none (`NonZeroRequested`). */
  readonly nonZeroRequested: Amounts
  readonly allocatable: Readonly<Amounts>
  readonly allowedPods: number
}

/** What one scheduling cycle knows: the pod and the cluster snapshot. */
export interface Cycle {
  readonly pod: PodObj
  /** Every node, sorted by name. */
  readonly nodes: readonly NodeInfo[]
  /** Namespace name → labels. */
  readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>
  /** Objects a plugin may look up (ReplicaSets, Services, … for default spreading). */
  readonly objects: ReadonlyMap<string, KObject>
  /** The Services of each namespace, indexed once per scheduling pass (absent: scan `objects`). */
  readonly services?: ReadonlyMap<string, readonly KObject[]>
  /**
   * When `nodes` is a scheduling pass's snapshot: the nodes that took a pod during the pass so far, in
   * order (one entry per pod), so that plugins may keep per-pass counts up to date. Absent for trial
   * node lists (preemption).
   */
  readonly assumed?: readonly NodeInfo[]
  /**
   * Pending pods nominated to a node (`status.nominatedNodeName`), by node: the filters count those of
   * at least the pod's priority as if they ran there (`RunFilterPluginsWithNominatedPods`).
   */
  readonly nominated?: ReadonlyMap<string, readonly PodObj[]>
}

/** The outcome of a filter plugin's PreFilter: a rejection, a node restriction, and the Filter itself. */
export interface Prepared {
  /** A PreFilter rejection: the cycle stops and every node gets this status. */
  readonly reject?: Status
  /** A PreFilter result naming the only nodes worth filtering (`PreFilterResult.NodeNames`). */
  readonly nodeNames?: ReadonlySet<string>
  /** Filter: null when the node fits. */
  readonly filter: (node: NodeInfo) => Status | null
  /**
   * The PreFilter's `Skip`: the filter lets every node through for this pod, so the cycle need not call
   * it (`framework.go` `RunFilterPlugins` skips the plugins in `SkipFilterPlugins`).
   */
  readonly skip?: boolean
}

export interface FilterPlugin {
  readonly name: string
  /** PreFilter + Filter: called once per cycle; the returned filter runs per node. */
  prepare(cycle: Cycle): Prepared
}

/** A score function per feasible node, and an optional normalisation over all of them. */
export interface PreparedScore {
  readonly score: (node: NodeInfo) => number
  /** NormalizeScore: the raw scores in the order of `nodes`, returned as 0–100. */
  readonly normalize?: (scores: number[], nodes: readonly NodeInfo[]) => number[]
}

export interface ScorePlugin {
  readonly name: string
  readonly weight: number
  /** PreScore: null means Skip (the plugin scores 0 everywhere). */
  prepare(cycle: Cycle, feasible: readonly NodeInfo[]): PreparedScore | null
}

/** `helper.DefaultNormalizeScore`: scales to 0–maxPriority by the largest score, reversed if asked. */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: number[]): number[] {
  const maxCount = Math.max(0, ...scores)
  if (maxCount === 0) return reverse ? scores.map(() => maxPriority) : scores.slice()
  return scores.map((s) => {
    const v = Math.trunc((maxPriority * s) / maxCount)
    return reverse ? maxPriority - v : v
  })
}

/** A list field of a manifest, or `[]` when it is absent or malformed. */
export function list<T>(v: T[] | undefined | null): T[] {
  return Array.isArray(v) ? v : []
}

/** A string map of a manifest (labels, nodeSelector), or `{}` when absent or malformed. */
export function strMap(v: unknown): Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, string>) : {}
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
