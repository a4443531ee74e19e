/**
 * TaintToleration (k/k `pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go`).
 *
 * Filter: the first NoSchedule/NoExecute taint the pod does not tolerate rejects the node. Since
 * kubernetes/kubernetes#134740 (in 1.35, cherry-picked to 1.34) the reason no longer names the taint
 * ("node(s) had untolerated taint {key: value}" before): `node(s) had untolerated taint(s)`.
 *
 * Score (weight 3): the number of PreferNoSchedule taints not tolerated by the pod's tolerations with an
 * empty or PreferNoSchedule effect, normalised reversed (fewest → 100).
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1'
import {
  defaultNormalizeScore,
  list,
  MAX_NODE_SCORE,
  status,
  type FilterPlugin,
  type NodeInfo,
  type ScorePlugin,
} from '../framework'

export const NAME = 'TaintToleration'
export const ERR_REASON_UNTOLERATED = 'node(s) had untolerated taint(s)'

type TaintLike = Pick<Taint, 'key' | 'effect'> & { value?: string }

/** `Toleration.ToleratesTaint` (the comparison operators Gt/Lt are alpha in 1.35, off by default). */
export function toleratesTaint(t: Toleration, taint: TaintLike): boolean {
  if (typeof t !== 'object' || t === null) return false
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '')
    case 'Exists':
      return true
    default:
      return false
  }
}

export function toleratesAny(tolerations: Toleration[] | undefined, taint: TaintLike): boolean {
  return list(tolerations).some((t) => toleratesTaint(t, taint))
}

/** `FindMatchingUntoleratedTaint` over NoSchedule and NoExecute taints: the first one not tolerated. */
export function untoleratedTaint(node: NodeInfo, tolerations: Toleration[] | undefined): Taint | undefined {
  const taints = node.node.spec?.taints
  if (!Array.isArray(taints) || taints.length === 0) return undefined
  return taints.find(
    (taint) =>
      (taint?.effect === 'NoSchedule' || taint?.effect === 'NoExecute') && !toleratesAny(tolerations, taint),
  )
}

export const taintTolerationFilter: FilterPlugin = {
  name: NAME,
  prepare: (cycle) => ({
    filter: (node) =>
      untoleratedTaint(node, cycle.pod.spec?.tolerations)
        ? status('UnschedulableAndUnresolvable', NAME, ERR_REASON_UNTOLERATED)
        : null,
  }),
}

export const taintTolerationScore: ScorePlugin = {
  name: NAME,
  weight: 3,
  prepare: (cycle, feasible) => {
    // No PreferNoSchedule taint on any feasible node: every node would score 100, which changes no
    // node's rank, so the plugin is skipped.
    const anyPrefer = feasible.some((node) => {
      const taints = node.node.spec?.taints
      return Array.isArray(taints) && taints.some((t) => t?.effect === 'PreferNoSchedule')
    })
    if (!anyPrefer) return null
    const preferNoSchedule = list(cycle.pod.spec?.tolerations).filter(
      (t) => !t?.effect || t.effect === 'PreferNoSchedule',
    )
    return {
      score: (node) => {
        const taints = node.node.spec?.taints
        if (!Array.isArray(taints) || taints.length === 0) return 0
        return taints.filter(
          (taint) => taint?.effect === 'PreferNoSchedule' && !toleratesAny(preferNoSchedule, taint),
        ).length
      },
      normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
    }
  },
}
