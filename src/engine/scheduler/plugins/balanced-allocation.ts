/**
 * NodeResourcesBalancedAllocation (k/k `pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go`),
 * weight 1: favours nodes whose cpu and memory fractions (node requests plus the pod's, actual requests,
 * capped at 1) are close: `(1 − |f_cpu − f_mem| / 2) × 100`, truncated. Skipped for a pod that requests
 * nothing (kubernetes/kubernetes#129138), so best-effort pods do not pile onto one node.
 */
import { MAX_NODE_SCORE, type NodeInfo, type ScorePlugin } from '../framework'
import { podRequests, type Amounts } from '../pod-requests'

export const NAME = 'NodeResourcesBalancedAllocation'

/** `balancedResourceScorer` over (requested, allocatable) pairs. */
export function balancedResourceScore(pairs: readonly (readonly [number, number])[]): number {
  const fractions: number[] = []
  for (const [requested, allocatable] of pairs) {
    if (allocatable === 0) continue
    fractions.push(Math.min(1, requested / allocatable))
  }
  let std = 0
  if (fractions.length === 2) std = Math.abs((fractions[0]! - fractions[1]!) / 2)
  else if (fractions.length > 2) {
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length
    std = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) * (f - mean), 0) / fractions.length)
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE)
}

export function balancedAllocationScore(req: Readonly<Amounts>, node: NodeInfo): number {
  const cpu = node.allocatable.milliCPU
  const memory = node.allocatable.memory
  // Both fractions present: the two-resource case of `balancedResourceScore`, without its arrays.
  if (cpu !== 0 && memory !== 0) {
    const fCpu = Math.min(1, (node.requested.milliCPU + req.milliCPU) / cpu)
    const fMemory = Math.min(1, (node.requested.memory + req.memory) / memory)
    return Math.trunc((1 - Math.abs((fCpu - fMemory) / 2)) * MAX_NODE_SCORE)
  }
  return balancedResourceScore([
    [node.requested.milliCPU + req.milliCPU, cpu],
    [node.requested.memory + req.memory, memory],
  ])
}

export const balancedAllocation: ScorePlugin = {
  name: NAME,
  weight: 1,
  prepare: (cycle) => {
    const req = podRequests(cycle.pod)
    if (req.milliCPU === 0 && req.memory === 0) return null
    return { score: (node) => balancedAllocationScore(req, node) }
  },
}
