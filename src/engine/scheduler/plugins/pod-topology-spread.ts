/**
 * PodTopologySpread (k/k `pkg/scheduler/framework/plugins/podtopologyspread/{filtering,scoring,common,
 * plugin}.go`).
 *
 * Filter (DoNotSchedule constraints): for each constraint, `matching pods in the node's domain + (1 if the
 * pod matches its own selector) − the smallest domain count` must not exceed `maxSkew`; the smallest
 * count is 0 while there are fewer domains than `minDomains`. Domains and counts come from the nodes
 * that carry every constraint's topology key and pass the node inclusion policies (nodeAffinityPolicy
 * Honor, nodeTaintsPolicy Ignore by default). Terminating pods and pods of other namespaces do not count.
 *
 * Score (weight 2, ScheduleAnyway constraints, or the system defaults for pods owned by a ReplicaSet,
 * StatefulSet or ReplicationController or selected by a Service: zone maxSkew 3, hostname maxSkew 5):
 * `Σ count × log(domains + 2) + maxSkew − 1`, rounded, then normalised so fewer matching pods score higher.
 */
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1'
import type { KObject } from '../../sim/state'
import {
  list,
  MAX_NODE_SCORE,
  status,
  strMap,
  type Cycle,
  type FilterPlugin,
  type NodeInfo,
  type PodObj,
  type ScorePlugin,
} from '../framework'
import { compileSelector, type Requirement, type Selector } from '../labels'
import { requiredNodeAffinityMatches } from './node-affinity'
import { untoleratedTaint } from './taint-toleration'

export const NAME = 'PodTopologySpread'
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`

const LABEL_HOSTNAME = 'kubernetes.io/hostname'
const LABEL_ZONE = 'topology.kubernetes.io/zone'

export interface Constraint {
  readonly maxSkew: number
  readonly topologyKey: string
  readonly selector: Selector
  readonly minDomains: number
  readonly nodeAffinityPolicy: 'Honor' | 'Ignore'
  readonly nodeTaintsPolicy: 'Honor' | 'Ignore'
}

/** `filterTopologySpreadConstraints`: the constraints with the given action, `matchLabelKeys` merged. */
export function constraintsFor(pod: Pod, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const labels = strMap(pod.metadata?.labels)
  return list<TopologySpreadConstraint>(pod.spec?.topologySpreadConstraints)
    .filter((c) => c?.whenUnsatisfiable === action && typeof c.topologyKey === 'string')
    .map((c) => {
      const extra: Requirement[] = list(c.matchLabelKeys)
        .filter((k) => Object.hasOwn(labels, k))
        .map((k) => ({ key: k, values: [labels[k]!] }))
      return {
        maxSkew: typeof c.maxSkew === 'number' ? c.maxSkew : 1,
        topologyKey: c.topologyKey,
        selector: compileSelector(c.labelSelector ?? null, extra),
        minDomains: typeof c.minDomains === 'number' ? c.minDomains : 1,
        nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
        nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
      }
    })
}

/**
 * `buildDefaultConstraints` with the system defaults: the pod's Services' selectors and its controlling
 * ReplicaSet / StatefulSet / ReplicationController's selector, merged (`helper.DefaultSelector`).
 */
/** The Services of a namespace: from the pass's index when there is one, else by scanning the store. */
function servicesIn(cycle: Cycle, ns: string): readonly KObject[] {
  if (cycle.services) return cycle.services.get(ns) ?? []
  const out: KObject[] = []
  for (const [key, o] of cycle.objects) if (key.startsWith(`Service/${ns}/`)) out.push(o)
  return out
}

export function defaultConstraints(cycle: Cycle): Constraint[] {
  const pod = cycle.pod
  const ns = pod.metadata.namespace ?? 'default'
  const labels = strMap(pod.metadata.labels)
  const matchLabels: Record<string, string> = {}
  const exprs: unknown[] = []
  let found = false
  for (const o of servicesIn(cycle, ns)) {
    const sel = strMap((o.spec as { selector?: unknown } | undefined)?.selector)
    if (Object.keys(sel).length === 0 || !Object.entries(sel).every(([k, v]) => labels[k] === v)) continue
    Object.assign(matchLabels, sel)
    found = true
  }
  const owner = list(pod.metadata.ownerReferences).find((r) => r?.controller)
  if (owner && ['ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(owner.kind)) {
    const o = cycle.objects.get(`${owner.kind}/${ns}/${owner.name}`)
    const sel = (o?.spec as { selector?: unknown } | undefined)?.selector
    if (owner.kind === 'ReplicationController') Object.assign(matchLabels, strMap(sel))
    else if (sel && typeof sel === 'object') {
      Object.assign(matchLabels, strMap((sel as { matchLabels?: unknown }).matchLabels))
      exprs.push(...list((sel as { matchExpressions?: unknown[] }).matchExpressions))
    }
    found = found || o !== undefined
  }
  if (!found) return []
  const selector = compileSelector({ matchLabels, matchExpressions: exprs })
  if (selector.empty) return []
  const base = { selector, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' } as const
  return [
    { ...base, maxSkew: 3, topologyKey: LABEL_ZONE },
    { ...base, maxSkew: 5, topologyKey: LABEL_HOSTNAME },
  ]
}

/** `countPodsMatchSelector`: same namespace, not terminating, selected; nothing for an empty selector. */
export function countMatching(pods: readonly PodObj[], selector: Selector, ns: string): number {
  if (selector.empty) return 0
  // A node's pod list only grows during a scheduling pass: count the new pods since the last call.
  let entry: { len: number; count: number } | undefined
  if (selector.key !== undefined) {
    let bySelector = countMemo.get(pods)
    if (!bySelector) countMemo.set(pods, (bySelector = new Map()))
    let byNs = bySelector.get(selector.key)
    if (!byNs) bySelector.set(selector.key, (byNs = new Map()))
    entry = byNs.get(ns)
    if (!entry) byNs.set(ns, (entry = { len: 0, count: 0 }))
    if (entry.len > pods.length) entry.len = entry.count = 0
  }
  let n = entry ? entry.count : 0
  for (let i = entry ? entry.len : 0; i < pods.length; i++) {
    const p = pods[i]!
    if (p.metadata.deletionTimestamp || (p.metadata.namespace ?? 'default') !== ns) continue
    if (selector.matches(strMap(p.metadata.labels))) n++
  }
  if (entry) {
    entry.len = pods.length
    entry.count = n
  }
  return n
}

/** Counts of matching pods per node pod list (one node in one pass), selector and namespace. */
const countMemo = new WeakMap<readonly PodObj[], Map<string, Map<string, { len: number; count: number }>>>()

function hasAllKeys(node: NodeInfo, constraints: readonly Constraint[]): boolean {
  return constraints.every((c) => Object.hasOwn(node.labels, c.topologyKey))
}

/** `matchNodeInclusionPolicies`. */
function included(c: Constraint, pod: Pod, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !requiredNodeAffinityMatches(pod, node)) return false
  if (c.nodeTaintsPolicy === 'Honor' && untoleratedTaint(node, pod.spec?.tolerations)) return false
  return true
}

export const podTopologySpreadFilter: FilterPlugin = {
  name: NAME,
  prepare: (cycle) => {
    const pod = cycle.pod
    const constraints = constraintsFor(pod, 'DoNotSchedule')
    if (constraints.length === 0) return { filter: () => null }
    const ns = pod.metadata.namespace ?? 'default'
    const counts = constraints.map(() => new Map<string, number>())
    for (const node of cycle.nodes) {
      if (!hasAllKeys(node, constraints)) continue
      constraints.forEach((c, i) => {
        if (!included(c, pod, node)) return
        const v = node.labels[c.topologyKey]!
        counts[i]!.set(v, (counts[i]!.get(v) ?? 0) + countMatching(node.pods, c.selector, ns))
      })
    }
    const podLabels = strMap(pod.metadata.labels)
    return {
      filter: (node) => {
        for (const [i, c] of constraints.entries()) {
          const value = node.labels[c.topologyKey]
          if (value === undefined)
            return status('UnschedulableAndUnresolvable', NAME, ERR_REASON_NODE_LABEL_NOT_MATCH)
          const domains = counts[i]!
          let min = domains.size === 0 ? Infinity : Math.min(...domains.values())
          if (domains.size < c.minDomains) min = 0
          const self = c.selector.matches(podLabels) ? 1 : 0
          if ((domains.get(value) ?? 0) + self - min > c.maxSkew)
            return status('Unschedulable', NAME, ERR_REASON_CONSTRAINTS_NOT_MATCH)
        }
        return null
      },
    }
  },
}

export const podTopologySpreadScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  prepare: (cycle, feasible) => {
    const pod = cycle.pod
    const explicit = list(pod.spec?.topologySpreadConstraints).length > 0
    const constraints = explicit ? constraintsFor(pod, 'ScheduleAnyway') : defaultConstraints(cycle)
    if (constraints.length === 0 || feasible.length === 0) return null
    // With explicit constraints every topology key is required; the system defaults tolerate missing ones.
    const requireAll = explicit
    const ignored = new Set<string>()
    const counts = constraints.map(() => new Map<string, number>())
    for (const node of feasible) {
      if (requireAll && !hasAllKeys(node, constraints)) {
        ignored.add(node.name)
        continue
      }
      constraints.forEach((c, i) => {
        if (c.topologyKey === LABEL_HOSTNAME) return
        const v = node.labels[c.topologyKey]
        if (v !== undefined && !counts[i]!.has(v)) counts[i]!.set(v, 0)
      })
    }
    const weights = constraints.map((c, i) =>
      Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : counts[i]!.size) + 2),
    )
    const ns = pod.metadata.namespace ?? 'default'
    for (const node of cycle.nodes) {
      if (requireAll && !hasAllKeys(node, constraints)) continue
      constraints.forEach((c, i) => {
        if (!included(c, pod, node)) return
        const v = node.labels[c.topologyKey]
        if (v === undefined || !counts[i]!.has(v)) return
        counts[i]!.set(v, counts[i]!.get(v)! + countMatching(node.pods, c.selector, ns))
      })
    }
    return {
      score: (node) => {
        if (ignored.has(node.name)) return 0
        let score = 0
        constraints.forEach((c, i) => {
          const v = node.labels[c.topologyKey]
          if (v === undefined) return
          const cnt =
            c.topologyKey === LABEL_HOSTNAME
              ? countMatching(node.pods, c.selector, ns)
              : (counts[i]!.get(v) ?? 0)
          score += cnt * weights[i]! + (c.maxSkew - 1)
        })
        return Math.round(score)
      },
      normalize: (scores, nodes) => {
        let min = Infinity
        let max = 0
        scores.forEach((s, i) => {
          if (ignored.has(nodes[i]!.name)) return
          min = Math.min(min, s)
          max = Math.max(max, s)
        })
        return scores.map((s, i) => {
          if (ignored.has(nodes[i]!.name)) return 0
          if (max === 0) return MAX_NODE_SCORE
          return Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max)
        })
      },
    }
  },
}
