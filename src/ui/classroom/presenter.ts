import { create } from 'zustand'
import { fragmentFlags } from '../../share/link'
import type { TimelineMarker } from '../../worker/protocol'

/**
 * Presenter mode: the editor hidden, large type, high contrast, keys for a class. `?present` in the
 * address, or the `present` flag of a share link's fragment, starts in it; Esc leaves it.
 */
export interface PresenterState {
  readonly presenting: boolean
  /** Playback stops at each important moment (see `IMPORTANT_REASONS`) and says what happened. */
  readonly pauseAtImportant: boolean
  setPresenting(presenting: boolean): void
  setPauseAtImportant(pause: boolean): void
}

/** Whether an address asks for presenter mode: `?present`, or `present` among the fragment's flags. */
export function presentingFrom(search: string, hash: string): boolean {
  return new URLSearchParams(search).has('present') || fragmentFlags(hash).flags.includes('present')
}

function startsPresenting(): boolean {
  return typeof location !== 'undefined' && presentingFrom(location.search, location.hash)
}

export const usePresenter = create<PresenterState>()((set) => ({
  presenting: startsPresenting(),
  pauseAtImportant: false,
  setPresenting: (presenting) => set({ presenting }),
  setPauseAtImportant: (pauseAtImportant) => set({ pauseAtImportant }),
}))

/**
 * The event reasons worth stopping at, each with what it means in plain words: a probe failed (liveness
 * leads to a kill, readiness to leaving the endpoints), a kill, a crash back-off, an eviction, a pod no
 * node can take.
 */
export const IMPORTANT_REASONS: Readonly<Record<string, string>> = {
  Unhealthy: 'A probe failed: the kubelet counts failures in a row up to the probe’s failureThreshold.',
  Killing:
    'The kubelet killed the container (its liveness probe failed, or the pod is going away); the restartPolicy decides whether it starts again.',
  BackOff:
    'The container keeps exiting, so the kubelet waits before each restart: 10 s, doubling each time, up to 5 minutes (CrashLoopBackOff).',
  TaintManagerEviction:
    'The pod was evicted: its node became unreachable and the pod does not tolerate that taint for longer.',
  Evicted: 'The kubelet evicted the pod to reclaim resources on its node.',
  Preempted: 'The pod was preempted: the scheduler removed it to make room for a pod of higher priority.',
  FailedScheduling:
    'The scheduler found no node for the pod: every node was filtered out (resources, taints, selectors…).',
}

/** The first important marker after `fromS` and at or before `toS` (seconds), or null. */
export function importantBetween(
  markers: readonly TimelineMarker[],
  fromS: number,
  toS: number,
): TimelineMarker | null {
  let best: TimelineMarker | null = null
  for (const m of markers) {
    if (!(m.reason in IMPORTANT_REASONS) || m.t <= fromS || m.t > toS) continue
    if (best === null || m.t < best.t) best = m
  }
  return best
}

/** The important markers of the second the cursor is in. */
export function importantAt(markers: readonly TimelineMarker[], timeS: number): TimelineMarker[] {
  const s = Math.floor(timeS)
  return markers.filter((m) => m.t === s && m.reason in IMPORTANT_REASONS)
}

/** Plain words for what an important marker means, telling the probes apart by their message. */
export function explainMarker(m: TimelineMarker): string {
  if (m.reason === 'Unhealthy') {
    if (/Liveness probe/.test(m.sample))
      return 'The liveness probe failed. After failureThreshold failures in a row the kubelet kills the container and restarts it (restartPolicy).'
    if (/Readiness probe/.test(m.sample))
      return 'The readiness probe failed: the pod is no longer ready, so its Services stop sending it traffic (it is not restarted).'
    if (/Startup probe/.test(m.sample))
      return 'The startup probe failed: until it passes, the other probes wait; after failureThreshold failures the container is restarted.'
  }
  return IMPORTANT_REASONS[m.reason] ?? m.reason
}
