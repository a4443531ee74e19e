import type { ClusterView, PodView } from '../../engine'

/**
 * The view without its probe tick times (`lastMs`), for when the graph does not pulse probe dots: a
 * tick changes no pixel then, and without it a pod whose probes keep passing stays the same object
 * from frame to frame, so its tile is not drawn again.
 */
export function withoutProbeTicks(view: ClusterView): ClusterView {
  let changed = false
  const pods = view.pods.map((p): PodView => {
    if (!p.probes?.some((d) => (d.lastMs ?? null) !== null)) return p
    changed = true
    return { ...p, probes: p.probes.map((d) => ((d.lastMs ?? null) === null ? d : { ...d, lastMs: null })) }
  })
  return changed ? { ...view, pods } : view
}
