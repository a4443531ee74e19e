/**
 * The FailedScheduling message (reference E1): k/k `pkg/scheduler/framework/types.go` `FitError.Error()`,
 * the PostFilter messages of DynamicResources and DefaultPreemption (`pkg/scheduler/framework/plugins/
 * dynamicresources/dynamicresources.go`, `pkg/scheduler/framework/preemption/preemption.go`), joined by
 * the framework's `RunPostFilterPlugins` with `, `.
 */
import { status, type NodeToStatus, type Status } from './framework'

/** `NoNodeAvailableMsg`. */
export const noNodeAvailable = (n: number): string => `0/${n} nodes are available`

/**
 * DynamicResources' PostFilter answer for a pod without ResourceClaims. DRA is GA and in the default
 * profile since 1.34, before DefaultPreemption, so real 1.34/1.35 clusters print this before `preemption:`.
 */
export const DRA_NO_CLAIMS = 'no new claims to deallocate'
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod'
export const PREEMPTION_POLICY_NEVER = 'not eligible due to preemptionPolicy=Never.'

export interface FitErrorParts {
  readonly numAllNodes: number
  readonly statuses: NodeToStatus
  /** A PreFilter rejection's message: replaces the per-node histogram. */
  readonly preFilterMsg?: string
  /** The PostFilter plugins' reasons joined by `, ` (empty when preemption succeeded). */
  readonly postFilterMsg?: string
}

/** `FitError.Error()`: `0/N nodes are available: <count reason, …>.` then the PostFilter message. */
export function fitError({ numAllNodes, statuses, preFilterMsg, postFilterMsg }: FitErrorParts): string {
  let msg = `${noNodeAvailable(numAllNodes)}:`
  if (preFilterMsg) msg += ` ${preFilterMsg}.`
  else {
    const counts = new Map<string, number>()
    for (const s of statuses.nodes.values())
      for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
    const absent = numAllNodes - statuses.nodes.size
    if (absent > 0) for (const r of statuses.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absent)
    // Go's sort.Strings: byte order, so "10 …" sorts before "2 …".
    const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    if (parts.length > 0) msg += ` ${parts.join(', ')}.`
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}`
  return msg
}

/** DefaultPreemption's message when no node has a candidate: `preemption: ` + a nested FitError. */
export function preemptionMessage(numAllNodes: number, nodes: ReadonlyMap<string, Status>): string {
  return `preemption: ${fitError({
    numAllNodes,
    statuses: {
      nodes,
      absent: status('UnschedulableAndUnresolvable', 'DefaultPreemption', PREEMPTION_NOT_HELPFUL),
    },
  })}`
}

/** `RunPostFilterPlugins`' message: the rejecting PostFilter plugins' reasons joined by `, `. */
export function postFilterMessage(preemption: string): string {
  return [DRA_NO_CLAIMS, preemption].join(', ')
}

const RESOURCE_REASON = /^(Insufficient |Too many pods$)/

/**
 * The whole message for a pod of priority 0 on a cluster where no node has lower-priority pods, from
 * reasons per node: resource shortages count as Unschedulable (no victims found), everything else as
 * UnschedulableAndUnresolvable (preemption not helpful). The scheduler itself uses {@link fitError}.
 */
export function fitErrorMessage(total: number, reasons: ReadonlyMap<string, readonly string[]>): string {
  const nodes = new Map<string, Status>()
  const post = new Map<string, Status>()
  for (const [node, list] of reasons) {
    nodes.set(node, status('Unschedulable', '', ...list))
    if (list.length > 0 && list.every((r) => RESOURCE_REASON.test(r)))
      post.set(node, status('UnschedulableAndUnresolvable', 'DefaultPreemption', NO_PREEMPTION_VICTIMS))
  }
  return fitError({
    numAllNodes: total,
    statuses: { nodes, absent: status('UnschedulableAndUnresolvable', '') },
    postFilterMsg: postFilterMessage(preemptionMessage(total, post)),
  })
}
