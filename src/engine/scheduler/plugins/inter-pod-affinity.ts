/**
 * InterPodAffinity (k/k `pkg/scheduler/framework/plugins/interpodaffinity/{filtering,scoring}.go`).
 *
 * Filter, in this order: the pod's required affinity (every term's topology domain on the node must
 * hold a pod matching all terms, unless no pod anywhere matches and the pod matches its own terms);
 * its required anti-affinity (no matching pod in the node's domain of a term); existing pods' required
 * anti-affinity (no pod whose anti-affinity term selects this pod shares a domain with the node).
 * Terms select pods in `namespaces` ∪ `namespaceSelector` (default: the pod's namespace) by
 * `labelSelector` (missing: nothing), with `matchLabelKeys` / `mismatchLabelKeys` merged.
 *
 * Score (weight 2): per topology domain, + weight for each preferred affinity term an existing pod
 * matches, − weight for anti-affinity; existing pods' preferred terms (and required affinity terms, with
 * hardPodAffinityWeight 1) that match this pod count the same way; min–max normalised to 0–100.
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1'
import { list, MAX_NODE_SCORE, status, strMap, type Cycle, type FilterPlugin, type NodeInfo, type ScorePlugin } from '../framework' // prettier-ignore
import { compileSelector, type Requirement, type Selector } from '../labels'

export const NAME = 'InterPodAffinity'
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules"
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules"
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
  "node(s) didn't satisfy existing pods anti-affinity rules"

const HARD_POD_AFFINITY_WEIGHT = 1

/** An affinity term ready to match pods (`fwk.AffinityTerm`). */
export interface Term {
  readonly topologyKey: string
  readonly namespaces: ReadonlySet<string>
  readonly namespaceSelector: Selector
  readonly selector: Selector
  readonly weight: number
}

function ns(p: Pod): string {
  return p.metadata?.namespace ?? 'default'
}

/** `newAffinityTerm`, with `matchLabelKeys` (In) and `mismatchLabelKeys` (NotIn) from the owner's labels. */
export function compileTerm(owner: Pod, t: PodAffinityTerm, weight = 1): Term | null {
  if (typeof t !== 'object' || t === null || typeof t.topologyKey !== 'string' || t.topologyKey === '')
    return null
  const labels = strMap(owner.metadata?.labels)
  const extra: Requirement[] = list(t.matchLabelKeys)
    .filter((k) => Object.hasOwn(labels, k))
    .map((k) => ({ key: k, values: [labels[k]!] }))
  const mismatch = list(t.mismatchLabelKeys).filter((k) => Object.hasOwn(labels, k))
  const base = compileSelector(t.labelSelector ?? null, extra)
  const selector: Selector =
    mismatch.length === 0
      ? base
      : {
          empty: false,
          matches: (l) => base.matches(l) && mismatch.every((k) => l[k] !== labels[k]),
        }
  const namespaces = new Set(list(t.namespaces))
  if (namespaces.size === 0 && (t.namespaceSelector === undefined || t.namespaceSelector === null))
    namespaces.add(ns(owner))
  return {
    topologyKey: t.topologyKey,
    namespaces,
    namespaceSelector: compileSelector(t.namespaceSelector ?? null),
    selector,
    weight,
  }
}

/** `AffinityTerm.Matches`. */
export function termMatches(term: Term, pod: Pod, nsLabels: Readonly<Record<string, string>>): boolean {
  if (!term.namespaces.has(ns(pod)) && !term.namespaceSelector.matches(nsLabels)) return false
  return term.selector.matches(strMap(pod.metadata?.labels))
}

function terms(owner: Pod, raw: PodAffinityTerm[] | undefined): Term[] {
  return list(raw).flatMap((t) => compileTerm(owner, t) ?? [])
}

function weighted(owner: Pod, raw: WeightedPodAffinityTerm[] | undefined): Term[] {
  return list(raw).flatMap((w) =>
    typeof w?.weight === 'number' ? (compileTerm(owner, w.podAffinityTerm, w.weight) ?? []) : [],
  )
}

type Counts = Map<string, number>
const pairKey = (k: string, v: string) => `${k}\u0000${v}`

function bump(m: Counts, node: NodeInfo, key: string, by: number): void {
  const v = node.labels[key]
  if (v === undefined) return
  const k = pairKey(key, v)
  const n = (m.get(k) ?? 0) + by
  if (n === 0) m.delete(k)
  else m.set(k, n)
}

export const interPodAffinityFilter: FilterPlugin = {
  name: NAME,
  prepare: (cycle) => {
    const pod = cycle.pod
    const nsLabelsOf = (p: Pod) => cycle.namespaceLabels.get(ns(p)) ?? {}
    const podNsLabels = nsLabelsOf(pod)
    const affinity = terms(
      pod,
      pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    )
    const anti = terms(
      pod,
      pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    )
    const affinityCounts: Counts = new Map()
    const antiCounts: Counts = new Map()
    const existingAntiCounts: Counts = new Map()
    const matchesAll = (p: Pod) =>
      affinity.length > 0 && affinity.every((t) => termMatches(t, p, nsLabelsOf(p)))
    // Without terms of its own, only existing pods with (anti-)affinity can matter (PodsWithAffinity).
    const own = affinity.length > 0 || anti.length > 0
    for (const node of cycle.nodes) {
      const pods = own ? node.pods : node.podsWithAffinity
      if (pods.length === 0) continue
      for (const existing of pods) {
        if (matchesAll(existing)) for (const t of affinity) bump(affinityCounts, node, t.topologyKey, 1)
        for (const t of anti)
          if (termMatches(t, existing, nsLabelsOf(existing))) bump(antiCounts, node, t.topologyKey, 1)
        const theirs = terms(
          existing,
          existing.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
        )
        for (const t of theirs)
          if (termMatches(t, pod, podNsLabels)) bump(existingAntiCounts, node, t.topologyKey, 1)
      }
    }
    const selfMatch = matchesAll(pod)
    return {
      // `PreFilter`: no required terms of its own and no existing pod's anti-affinity to honour is Skip.
      skip: !own && existingAntiCounts.size === 0,
      filter: (node) => {
        // satisfyPodAffinity
        let podsExist = true
        for (const t of affinity) {
          const v = node.labels[t.topologyKey]
          if (v === undefined)
            return status('UnschedulableAndUnresolvable', NAME, ERR_REASON_AFFINITY_RULES_NOT_MATCH)
          if ((affinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false
        }
        if (!podsExist && !(affinityCounts.size === 0 && selfMatch))
          return status('UnschedulableAndUnresolvable', NAME, ERR_REASON_AFFINITY_RULES_NOT_MATCH)
        // satisfyPodAntiAffinity
        if (antiCounts.size > 0)
          for (const t of anti) {
            const v = node.labels[t.topologyKey]
            if (v !== undefined && (antiCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0)
              return status('Unschedulable', NAME, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH)
          }
        // satisfyExistingPodsAntiAffinity
        if (existingAntiCounts.size > 0)
          for (const [k, v] of Object.entries(node.labels))
            if ((existingAntiCounts.get(pairKey(k, v)) ?? 0) > 0)
              return status('Unschedulable', NAME, ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH)
        return null
      },
    }
  },
}

export const interPodAffinityScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  prepare: (cycle: Cycle) => {
    const pod = cycle.pod
    const nsLabelsOf = (p: Pod) => cycle.namespaceLabels.get(ns(p)) ?? {}
    const podNsLabels = nsLabelsOf(pod)
    const preferredAffinity = weighted(
      pod,
      pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    )
    const preferredAnti = weighted(
      pod,
      pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    )
    const hasConstraints = preferredAffinity.length > 0 || preferredAnti.length > 0
    const scores: Counts = new Map()
    for (const node of cycle.nodes) {
      const pods = hasConstraints ? node.pods : node.podsWithAffinity
      if (pods.length === 0) continue
      for (const existing of pods) {
        const exNs = nsLabelsOf(existing)
        for (const t of preferredAffinity)
          if (termMatches(t, existing, exNs)) bump(scores, node, t.topologyKey, t.weight)
        for (const t of preferredAnti)
          if (termMatches(t, existing, exNs)) bump(scores, node, t.topologyKey, -t.weight)
        const a = existing.spec?.affinity
        for (const t of terms(existing, a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution))
          if (termMatches(t, pod, podNsLabels)) bump(scores, node, t.topologyKey, HARD_POD_AFFINITY_WEIGHT)
        for (const t of weighted(existing, a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution))
          if (termMatches(t, pod, podNsLabels)) bump(scores, node, t.topologyKey, t.weight)
        for (const t of weighted(
          existing,
          a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
        ))
          if (termMatches(t, pod, podNsLabels)) bump(scores, node, t.topologyKey, -t.weight)
      }
    }
    if (scores.size === 0 && !hasConstraints) return null
    return {
      score: (node) => {
        let s = 0
        for (const [k, v] of Object.entries(node.labels)) s += scores.get(pairKey(k, v)) ?? 0
        return s
      },
      normalize: (raw) => {
        if (scores.size === 0) return raw.map(() => 0)
        const min = Math.min(...raw)
        const max = Math.max(...raw)
        const diff = max - min
        return raw.map((s) => (diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((s - min) / diff)) : 0))
      },
    }
  },
}
