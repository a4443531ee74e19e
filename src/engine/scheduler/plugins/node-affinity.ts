/**
 * NodeAffinity (k/k `pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go`, matching from
 * `k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go`).
 *
 * Filter: `spec.nodeSelector` and the required node selector terms (ORed; within a term all expressions
 * and fields ANDed; operators In, NotIn, Exists, DoesNotExist, Gt, Lt; `matchFields` on `metadata.name`).
 * PreFilter: terms that all pin `metadata.name In [...]` restrict the cycle to those nodes
 * (`PreFilterResult.NodeNames`); terms pinning disjoint names reject the pod (`pod affinity terms conflict`).
 *
 * Score (weight 2): the sum of the weights of the preferred terms the node matches, normalised by the largest.
 */
import type { NodeSelectorRequirement, NodeSelectorTerm, Pod } from 'kubernetes-types/core/v1'
import {
  defaultNormalizeScore,
  list,
  MAX_NODE_SCORE,
  status,
  strMap,
  type FilterPlugin,
  type NodeInfo,
  type ScorePlugin,
} from '../framework'

export const NAME = 'NodeAffinity'
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector"
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict'

const INT = /^[+-]?\d+$/

/** One `NodeSelectorRequirement` against a label (or field) set; a malformed requirement never matches. */
export function requirementMatches(
  r: NodeSelectorRequirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (typeof r !== 'object' || r === null || typeof r.key !== 'string') return false
  const values = list(r.values)
  const has = Object.hasOwn(labels, r.key)
  const v = labels[r.key]
  switch (r.operator) {
    case 'In':
      return values.length > 0 && has && values.includes(v!)
    case 'NotIn':
      return values.length > 0 && (!has || !values.includes(v!))
    case 'Exists':
      return values.length === 0 && has
    case 'DoesNotExist':
      return values.length === 0 && !has
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !INT.test(String(values[0])) || !has || !INT.test(v!)) return false
      const want = BigInt(values[0]!)
      const got = BigInt(v!)
      return r.operator === 'Gt' ? got > want : got < want
    }
    default:
      return false
  }
}

/** One `NodeSelectorTerm`: an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: NodeInfo): boolean {
  if (typeof term !== 'object' || term === null) return false
  const exprs = list(term.matchExpressions)
  const fields = list(term.matchFields)
  if (exprs.length === 0 && fields.length === 0) return false
  const nodeFields = { 'metadata.name': node.name }
  return (
    exprs.every((r) => requirementMatches(r, node.labels)) &&
    fields.every(
      (r) =>
        r?.key === 'metadata.name' &&
        (r.operator === 'In' || r.operator === 'NotIn') &&
        requirementMatches(r, nodeFields),
    )
  )
}

/** `GetRequiredNodeAffinity(pod).Match(node)`: nodeSelector and the required terms. */
export function requiredNodeAffinityMatches(pod: Pod, node: NodeInfo): boolean {
  return requiredNodeAffinity(pod)(node)
}

const EVERY_NODE = (): boolean => true

/**
 * `GetRequiredNodeAffinity(pod)`: the pod's nodeSelector and required terms as a test of a node, built
 * once per pod; the same function object for every pod that has neither (see {@link matchesEveryNode}).
 */
export function requiredNodeAffinity(pod: Pod): (node: NodeInfo) => boolean {
  const selector = Object.entries(strMap(pod.spec?.nodeSelector))
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (selector.length === 0 && !required) return EVERY_NODE
  const terms = required ? list(required.nodeSelectorTerms) : undefined
  return (node) => {
    for (const [k, v] of selector) if (node.labels[k] !== v) return false
    if (!terms) return true
    return terms.some((t) => termMatches(t, node))
  }
}

/** True when {@link requiredNodeAffinity} lets every node through (no nodeSelector, no required terms). */
export function matchesEveryNode(test: (node: NodeInfo) => boolean): boolean {
  return test === EVERY_NODE
}

/** The PreFilter's node restriction from `matchFields: metadata.name In`, or undefined for all nodes. */
export function pinnedNodeNames(pod: Pod): Set<string> | undefined {
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (!required) return undefined
  let names: Set<string> | undefined
  for (const t of list(required.nodeSelectorTerms)) {
    let termNames: Set<string> | undefined
    for (const r of list(t?.matchFields)) {
      if (r?.key !== 'metadata.name' || r.operator !== 'In') continue
      const s = new Set(list(r.values))
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s
    }
    if (!termNames) return undefined
    names = new Set([...(names ?? []), ...termNames])
  }
  return names
}

export const nodeAffinityFilter: FilterPlugin = {
  name: NAME,
  prepare: (cycle) => {
    const pinned = pinnedNodeNames(cycle.pod)
    const matches = requiredNodeAffinity(cycle.pod)
    const filter = (node: NodeInfo) =>
      matches(node) ? null : status('UnschedulableAndUnresolvable', NAME, ERR_REASON_POD)
    if (pinned && pinned.size === 0)
      return { reject: status('UnschedulableAndUnresolvable', NAME, ERR_REASON_CONFLICT), filter }
    // `PreFilter`: no nodeSelector and no required node affinity is Skip.
    return pinned ? { nodeNames: pinned, filter } : { filter, skip: matchesEveryNode(matches) }
  },
}

export const nodeAffinityScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  prepare: (cycle) => {
    const preferred = list(
      cycle.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    ).filter((t) => typeof t?.weight === 'number' && t.weight !== 0)
    if (preferred.length === 0) return null
    return {
      score: (node) =>
        preferred.reduce((sum, t) => sum + (termMatches(t.preference, node) ? t.weight : 0), 0),
      normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, false, scores),
    }
  },
}
