import type { ClusterView, PodView } from '../../engine'
import { matchesSelector, parseSelector } from '../../engine/kubectl/labels'

export interface GraphFilter {
  readonly hiddenNamespaces: readonly string[]
  /** A label selector (`app=web,tier!=db`); an invalid one filters nothing and is reported. */
  readonly labelFilter: string
  readonly search: string
}

export interface FilteredView {
  readonly view: ClusterView
  /** How many pods the filters hide. */
  readonly hidden: number
  /** False when the label selector does not parse (it is then ignored). */
  readonly labelFilterValid: boolean
}

/**
 * The view with the filtered-out pods removed: pods of hidden namespaces, pods whose labels do not
 * match the selector, pods whose name does not contain the search text. Services and controllers of
 * hidden namespaces go too; nodes always stay.
 */
export function filterView(view: ClusterView, f: GraphFilter): FilteredView {
  const hiddenNs = new Set(f.hiddenNamespaces)
  const reqs = parseSelector(f.labelFilter)
  const needle = f.search.trim().toLowerCase()
  if (hiddenNs.size === 0 && (reqs === null || reqs.length === 0) && needle === '')
    return { view, hidden: 0, labelFilterValid: reqs !== null }
  const keep = (p: PodView): boolean =>
    !hiddenNs.has(p.namespace) &&
    (reqs === null || matchesSelector(reqs, p.labels as Record<string, string>)) &&
    (needle === '' || p.name.toLowerCase().includes(needle))
  const pods = view.pods.filter(keep)
  return {
    view: {
      ...view,
      pods,
      services: view.services.filter((s) => !hiddenNs.has(s.namespace)),
      workloads: view.workloads?.filter((w) => !hiddenNs.has(w.namespace)),
    },
    hidden: view.pods.length - pods.length,
    labelFilterValid: reqs !== null,
  }
}

/** The namespaces that have pods, Services or controllers in the view, sorted. */
export function viewNamespaces(view: ClusterView): string[] {
  const set = new Set<string>()
  for (const p of view.pods) set.add(p.namespace)
  for (const s of view.services) set.add(s.namespace)
  for (const w of view.workloads ?? []) set.add(w.namespace)
  return [...set].sort()
}
