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
import { matchesEveryNode, requiredNodeAffinity } from './node-affinity'
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
  // Pods of one ReplicaSet in one pass ask the same question: remember the answer per owner object,
  // for the pass's Services index and the same labels.
  const ref = list(pod.metadata.ownerReferences).find((r) => r?.controller)
  const ownerObj =
    ref && ['ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(ref.kind)
      ? cycle.objects.get(`${ref.kind}/${ns}/${ref.name}`)
      : undefined
  const services = cycle.services?.get(ns)
  if (ownerObj && cycle.services) {
    const hit = defaultsMemo.get(ownerObj)
    if (hit && hit.services === services && hit.ns === ns && sameLabels(hit.labels, labels)) return hit.result
    const result = computeDefaultConstraints(cycle, ns, labels)
    defaultsMemo.set(ownerObj, { services, ns, labels, result })
    return result
  }
  return computeDefaultConstraints(cycle, ns, labels)
}

const defaultsMemo = new WeakMap<
  KObject,
  {
    services: readonly KObject[] | undefined
    ns: string
    labels: Readonly<Record<string, string>>
    result: Constraint[]
  }
>()

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true
  let n = 0
  for (const k in a) {
    if (!Object.hasOwn(b, k) || a[k] !== b[k]) return false
    n++
  }
  for (const k in b) if (Object.hasOwn(b, k)) n--
  return n === 0
}

function computeDefaultConstraints(
  cycle: Cycle,
  ns: string,
  labels: Readonly<Record<string, string>>,
): Constraint[] {
  const pod = cycle.pod
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
  return countMatchingBy(pods, selector, ns, selector.key === undefined ? undefined : memoKey(selector, ns))
}

/** The memo key of a selector in a namespace: the same string each time, so lookups hash it once. */
function memoKey(selector: Selector, ns: string): string | undefined {
  if (selector.key === undefined) return undefined
  let byNs = memoKeys.get(selector)
  if (!byNs) memoKeys.set(selector, (byNs = new Map()))
  let key = byNs.get(ns)
  if (key === undefined) byNs.set(ns, (key = `${selector.key}\u0000${ns}`))
  return key
}

const memoKeys = new WeakMap<Selector, Map<string, string>>()

/** {@link countMatching} with the memo key (selector and namespace) computed once by the caller. */
function countMatchingBy(
  pods: readonly PodObj[],
  selector: Selector,
  ns: string,
  key: string | undefined,
): number {
  if (selector.empty) return 0
  // A node's pod list only grows during a scheduling pass: count the new pods since the last call.
  let entry: { len: number; count: number } | undefined
  if (key !== undefined) {
    let byKey = countMemo.get(pods)
    if (!byKey) countMemo.set(pods, (byKey = new Map()))
    entry = byKey.get(key)
    if (!entry) byKey.set(key, (entry = { len: 0, count: 0 }))
    else if (entry.len === pods.length) return entry.count
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

/** Counts of matching pods per node pod list (one node in one pass), by selector and namespace. */
const countMemo = new WeakMap<readonly PodObj[], Map<string, { len: number; count: number }>>()

/**
 * The matching pods per topology domain of one constraint over the cycle's nodes: those carrying every
 * key of `required` (and the constraint's own) and passing `included`. Read-only for the caller.
 *
 * When the inclusion does not depend on the pod (no required node affinity to honour, taints ignored)
 * and the cycle belongs to a scheduling pass, the totals are remembered for the pass and brought up to
 * date from the nodes that took a pod since (`Cycle.assumed`), instead of summed over every node.
 */
function domainCounts(
  cycle: Cycle,
  c: Constraint,
  required: readonly string[],
  include: (node: NodeInfo) => boolean,
  podIndependent: boolean,
  ns: string,
): ReadonlyMap<string, number> {
  const key = memoKey(c.selector, ns)
  const assumed = cycle.assumed
  if (!podIndependent || !assumed || key === undefined) {
    const counts = new Map<string, number>()
    for (const node of cycle.nodes) {
      const v = node.labels[c.topologyKey]
      if (v === undefined || !hasKeys(node, required) || !include(node)) continue
      counts.set(v, (counts.get(v) ?? 0) + countMatchingBy(node.pods, c.selector, ns, key))
    }
    return counts
  }
  return domainEntry(cycle.nodes, assumed, c, required, ns, key).totals
}

/** The pass's remembered counts for a constraint (see {@link domainCounts}), brought up to date. */
function domainEntry(
  nodes: readonly NodeInfo[],
  assumed: readonly NodeInfo[],
  c: Constraint,
  required: readonly string[],
  ns: string,
  key: string,
): DomainEntry {
  let byKey = domainMemo.get(assumed)
  if (!byKey) domainMemo.set(assumed, (byKey = new Map()))
  let byTopology = byKey.get(key)
  if (!byTopology) byKey.set(key, (byTopology = new Map()))
  let byRequired = byTopology.get(c.topologyKey)
  if (!byRequired) byTopology.set(c.topologyKey, (byRequired = new Map()))
  const requiredId = required.length === 0 ? '' : required.join('\u0000')
  let entry = byRequired.get(requiredId)
  if (!entry || entry.nodes !== nodes) {
    entry = {
      nodes,
      seen: assumed.length,
      perNode: new Array<number>(nodes.length).fill(-1),
      totals: new Map(),
    }
    byRequired.set(requiredId, entry)
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!
      const v = node.labels[c.topologyKey]
      if (v === undefined || !hasKeys(node, required)) continue
      const n = countMatchingBy(node.pods, c.selector, ns, key)
      entry.perNode[i] = n
      entry.totals.set(v, (entry.totals.get(v) ?? 0) + n)
    }
    return entry
  }
  for (; entry.seen < assumed.length; entry.seen++) {
    const node = assumed[entry.seen]!
    const before = nodes[node.index] === node ? entry.perNode[node.index]! : -1
    if (before < 0) continue
    const n = countMatchingBy(node.pods, c.selector, ns, key)
    if (n === before) continue
    entry.perNode[node.index] = n
    const v = node.labels[c.topologyKey]!
    entry.totals.set(v, entry.totals.get(v)! + n - before)
  }
  return entry
}

interface DomainEntry {
  readonly nodes: readonly NodeInfo[]
  /** How much of the pass's `assumed` list is already counted. */
  seen: number
  /** Matching pods per node, by `NodeInfo.index`; -1 for a node without the keys. */
  readonly perNode: number[]
  readonly totals: Map<string, number>
}

/**
 * Domain totals per scheduling pass (its `assumed` list), by selector and namespace (the memo key), then
 * topology key, then the required keys joined.
 */
const domainMemo = new WeakMap<readonly NodeInfo[], Map<string, Map<string, Map<string, DomainEntry>>>>()

function hasKeys(node: NodeInfo, keys: readonly string[]): boolean {
  for (const k of keys) if (!Object.hasOwn(node.labels, k)) return false
  return true
}

/** `matchNodeInclusionPolicies`, as a test of a node for the pod; `independent` when it lets every node in. */
function inclusion(
  c: Constraint,
  pod: Pod,
  affinity: (node: NodeInfo) => boolean,
): { include: (node: NodeInfo) => boolean; independent: boolean } {
  const honourAffinity = c.nodeAffinityPolicy === 'Honor' && !matchesEveryNode(affinity)
  const honourTaints = c.nodeTaintsPolicy === 'Honor'
  if (!honourAffinity && !honourTaints) return { include: () => true, independent: true }
  return {
    include: (node) => {
      if (honourAffinity && !affinity(node)) return false
      if (honourTaints && untoleratedTaint(node, pod.spec?.tolerations)) return false
      return true
    },
    independent: false,
  }
}

export const podTopologySpreadFilter: FilterPlugin = {
  name: NAME,
  prepare: (cycle) => {
    const pod = cycle.pod
    const constraints = constraintsFor(pod, 'DoNotSchedule')
    // `PreFilter`: no DoNotSchedule constraint is Skip.
    if (constraints.length === 0) return { filter: () => null, skip: true }
    const ns = pod.metadata.namespace ?? 'default'
    const affinity = requiredNodeAffinity(pod)
    const keys = constraints.map((c) => c.topologyKey)
    const podLabels = strMap(pod.metadata.labels)
    // Per constraint: the domain counts, the smallest one (0 below minDomains), and the pod's own match.
    const prepared = constraints.map((c) => {
      const { include, independent } = inclusion(c, pod, affinity)
      const domains = domainCounts(cycle, c, keys, include, independent, ns)
      let min = Infinity
      for (const n of domains.values()) if (n < min) min = n
      if (domains.size < c.minDomains) min = 0
      return { c, domains, min, self: c.selector.matches(podLabels) ? 1 : 0 }
    })
    return {
      filter: (node) => {
        for (const { c, domains, min, self } of prepared) {
          const value = node.labels[c.topologyKey]
          if (value === undefined)
            return status('UnschedulableAndUnresolvable', NAME, ERR_REASON_NODE_LABEL_NOT_MATCH)
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
    const keys = requireAll ? constraints.map((c) => c.topologyKey) : []
    const ignored = new Set<string>()
    // The domains of the feasible nodes, per constraint (none for hostname: each node is its own).
    const present = constraints.map(() => new Set<string>())
    for (const node of feasible) {
      if (requireAll && !hasKeys(node, keys)) {
        ignored.add(node.name)
        continue
      }
      for (let i = 0; i < constraints.length; i++) {
        const topologyKey = constraints[i]!.topologyKey
        if (topologyKey === LABEL_HOSTNAME) continue
        const v = node.labels[topologyKey]
        if (v !== undefined) present[i]!.add(v)
      }
    }
    const weights = constraints.map((c, i) =>
      Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : present[i]!.size) + 2),
    )
    const ns = pod.metadata.namespace ?? 'default'
    const affinity = requiredNodeAffinity(pod)
    // Matching pods over every node of the cycle, for the domains the feasible nodes are in; for
    // hostname, the node's own pods.
    const assumed = cycle.assumed
    // Per constraint, one of: the pass's per-node counts (hostname), the domain totals (other keys).
    const perNodes: (readonly number[] | undefined)[] = []
    const totals: (ReadonlyMap<string, number> | undefined)[] = []
    const memoKeys = constraints.map((c) => memoKey(c.selector, ns))
    constraints.forEach((c, i) => {
      const key = memoKeys[i]
      if (c.topologyKey === LABEL_HOSTNAME) {
        perNodes.push(
          assumed && key !== undefined
            ? domainEntry(cycle.nodes, assumed, c, keys, ns, key).perNode
            : undefined,
        )
        totals.push(undefined)
        return
      }
      const { include, independent } = inclusion(c, pod, affinity)
      perNodes.push(undefined)
      totals.push(domainCounts(cycle, c, keys, include, independent, ns))
    })
    const anyIgnored = ignored.size > 0
    const cycleNodes = cycle.nodes
    return {
      score: (node) => {
        if (anyIgnored && ignored.has(node.name)) return 0
        let score = 0
        for (let i = 0; i < constraints.length; i++) {
          const c = constraints[i]!
          const v = node.labels[c.topologyKey]
          if (v === undefined) continue
          const t = totals[i]
          let cnt: number
          if (t) cnt = present[i]!.has(v) ? (t.get(v) ?? 0) : 0
          else {
            const perNode = perNodes[i]
            const counted = perNode && cycleNodes[node.index] === node ? perNode[node.index]! : -1
            cnt = counted >= 0 ? counted : countMatchingBy(node.pods, c.selector, ns, memoKeys[i])
          }
          score += cnt * weights[i]! + (c.maxSkew - 1)
        }
        return Math.round(score)
      },
      normalize: (scores, nodes) => {
        let min = Infinity
        let max = 0
        for (let i = 0; i < scores.length; i++) {
          if (anyIgnored && ignored.has(nodes[i]!.name)) continue
          const s = scores[i]!
          if (s < min) min = s
          if (s > max) max = s
        }
        const out = new Array<number>(scores.length)
        for (let i = 0; i < scores.length; i++) {
          if (anyIgnored && ignored.has(nodes[i]!.name)) out[i] = 0
          else if (max === 0) out[i] = MAX_NODE_SCORE
          else out[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max)
        }
        return out
      },
    }
  },
}
