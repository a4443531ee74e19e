import type { ClusterView, PodView } from '../engine'

/** Probe dots pulse on each tick at this playback speed and below, with at most this many pods drawn. */
export const PULSE_MAX_SPEED = 4
export const PULSE_MAX_TILES = 200

/**
 * Whether the graph shows probe ticks: while a person can follow them. At 16× and up a tick comes
 * faster than a pulse lasts, and hundreds of pulsing dots cost more than a frame; the failure count
 * stays. Without pulses the tick times are left out of views, so a tile whose probes keep passing
 * stays as it is.
 */
export function probeTicksShown(speed: number, podCount: number): boolean {
  return speed <= PULSE_MAX_SPEED && podCount <= PULSE_MAX_TILES
}

/** Each pod and pod list without its ticks, by the object it came from: views keep unchanged pods. */
const podsCache = new WeakMap<readonly PodView[], PodView[]>()
const podCache = new WeakMap<PodView, PodView>()

function podWithoutTicks(p: PodView): PodView {
  if (!p.probes?.some((d) => (d.lastMs ?? null) !== null)) return p
  let out = podCache.get(p)
  if (!out) {
    out = { ...p, probes: p.probes.map((d) => ((d.lastMs ?? null) === null ? d : { ...d, lastMs: null })) }
    podCache.set(p, out)
  }
  return out
}

/**
 * The view without its probe tick times (`lastMs`), for when the graph does not pulse probe dots: a
 * tick changes no pixel then, and without it a pod whose probes keep passing stays the same object
 * from frame to frame, so its tile is not drawn again. The same pod (or list of pods) always gives the
 * same object back.
 */
export function withoutProbeTicks(view: ClusterView): ClusterView {
  let pods = podsCache.get(view.pods)
  if (!pods) {
    let changed = false
    pods = view.pods.map((p) => {
      const q = podWithoutTicks(p)
      if (q !== p) changed = true
      return q
    })
    if (!changed) pods = view.pods
    podsCache.set(view.pods, pods)
  }
  return pods === view.pods ? view : { ...view, pods }
}
