/**
 * NodeResourcesFit (k/k `pkg/scheduler/framework/plugins/noderesources/fit.go`, `least_allocated.go`).
 *
 * Filter (`fitsRequest`): the pod count against `allocatable.pods` (`Too many pods`), then cpu, memory,
 * ephemeral-storage and every requested scalar resource against allocatable minus what the node's pods
 * request (`Insufficient <resource>`). A node is UnschedulableAndUnresolvable when the pod asks for more
 * than the node's whole allocatable of some resource (preemption could never help), else Unschedulable.
 *
 * Score (weight 1, LeastAllocated on cpu and memory, weight 1 each): `(allocatable − requested) × 100 /
 * allocatable` per resource, with the node's and pod's non-zero requests (100m / 200Mi for containers that
 * request nothing), integer arithmetic as upstream.
 */
import { MAX_NODE_SCORE, status, type FilterPlugin, type NodeInfo, type ScorePlugin } from '../framework'
import { podNonZeroRequests, podRequests, type Amounts } from '../pod-requests'

export const NAME = 'NodeResourcesFit'
export const ERR_REASON_TOO_MANY_PODS = 'Too many pods'
/** `Insufficient <resource>`, e.g. `Insufficient cpu`, `Insufficient example.com/gpu`. */
export const insufficient = (resource: string): string => `Insufficient ${resource}`

export interface InsufficientResource {
  readonly resource: string
  readonly reason: string
  /** The pod asks for more than the node's whole allocatable. */
  readonly unresolvable: boolean
}

/** `fitsRequest`: what the node lacks for the pod, in upstream order (scalar resources sorted by name). */
export function fitsRequest(
  req: Readonly<Amounts>,
  node: NodeInfo,
  scalars: readonly string[] = Object.keys(req.scalar).sort(),
): InsufficientResource[] {
  const out: InsufficientResource[] = []
  if (node.pods.length + 1 > node.allowedPods)
    out.push({ resource: 'pods', reason: ERR_REASON_TOO_MANY_PODS, unresolvable: false })
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && scalars.length === 0) return out
  // The common case, everything fits, without building the list.
  if (
    out.length === 0 &&
    scalars.length === 0 &&
    !(req.milliCPU > 0 && req.milliCPU > node.allocatable.milliCPU - node.requested.milliCPU) &&
    !(req.memory > 0 && req.memory > node.allocatable.memory - node.requested.memory) &&
    !(
      req.ephemeralStorage > 0 &&
      req.ephemeralStorage > node.allocatable.ephemeralStorage - node.requested.ephemeralStorage
    )
  )
    return out
  const check = (resource: string, want: number, alloc: number, used: number) => {
    if (want > 0 && want > alloc - used)
      out.push({ resource, reason: insufficient(resource), unresolvable: want > alloc })
  }
  check('cpu', req.milliCPU, node.allocatable.milliCPU, node.requested.milliCPU)
  check('memory', req.memory, node.allocatable.memory, node.requested.memory)
  check(
    'ephemeral-storage',
    req.ephemeralStorage,
    node.allocatable.ephemeralStorage,
    node.requested.ephemeralStorage,
  )
  for (const r of scalars)
    check(r, req.scalar[r]!, node.allocatable.scalar[r] ?? 0, node.requested.scalar[r] ?? 0)
  return out
}

export const nodeResourcesFit: FilterPlugin = {
  name: NAME,
  prepare: (cycle) => {
    const req = podRequests(cycle.pod)
    const scalars = Object.keys(req.scalar).sort()
    const noScalars = scalars.length === 0
    return {
      filter: (node) => {
        // The common case, everything fits, without building the list of what lacks.
        if (
          noScalars &&
          node.pods.length + 1 <= node.allowedPods &&
          !(req.milliCPU > 0 && req.milliCPU > node.allocatable.milliCPU - node.requested.milliCPU) &&
          !(req.memory > 0 && req.memory > node.allocatable.memory - node.requested.memory) &&
          !(
            req.ephemeralStorage > 0 &&
            req.ephemeralStorage > node.allocatable.ephemeralStorage - node.requested.ephemeralStorage
          )
        )
          return null
        const lacking = fitsRequest(req, node, scalars)
        if (lacking.length === 0) return null
        const code = lacking.some((r) => r.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable'
        return status(code, NAME, ...lacking.map((r) => r.reason))
      },
    }
  },
}

/** `leastRequestedScore`. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity)
}

/** LeastAllocated over cpu and memory (weights 1 and 1); resources the node has none of are skipped. */
export function leastAllocatedScore(podNonZero: Readonly<Amounts>, node: NodeInfo): number {
  let score = 0
  let weights = 0
  const cpu = node.allocatable.milliCPU
  if (cpu !== 0) {
    score += leastRequestedScore(node.nonZeroRequested.milliCPU + podNonZero.milliCPU, cpu)
    weights += 1
  }
  const memory = node.allocatable.memory
  if (memory !== 0) {
    score += leastRequestedScore(node.nonZeroRequested.memory + podNonZero.memory, memory)
    weights += 1
  }
  return weights === 0 ? 0 : Math.trunc(score / weights)
}

export const nodeResourcesFitScore: ScorePlugin = {
  name: NAME,
  weight: 1,
  prepare: (cycle) => {
    const req = podNonZeroRequests(cycle.pod)
    return { score: (node) => leastAllocatedScore(req, node) }
  },
}
