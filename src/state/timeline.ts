import { create } from 'zustand'

/** Playback speeds offered, as multiples of real time. */
export const SPEEDS = [0.25, 1, 4, 16, 64] as const

export interface TimelineState {
  /** The time cursor, in simulated seconds since the scenario was applied. */
  readonly timeS: number
  readonly playing: boolean
  readonly speed: (typeof SPEEDS)[number]
  /** What the step buttons and ←/→ step between: one kind of moment, or every marked one (null). */
  readonly stepKind: MarkerKind | null
  setTime(timeS: number): void
  setPlaying(playing: boolean): void
  setSpeed(speed: TimelineState['speed']): void
  setStepKind(kind: MarkerKind | null): void
  /** Pauses and moves the cursor to `timeS`: what clicking a moment does. */
  seek(timeS: number): void
}

export const useTimeline = create<TimelineState>()((set) => ({
  timeS: 0,
  playing: true,
  speed: 4,
  stepKind: null,
  setTime: (timeS) => set({ timeS: Math.max(0, timeS) }),
  setStepKind: (stepKind) => set({ stepKind }),
  seek: (timeS) => set({ playing: false, timeS: Math.max(0, timeS) }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
}))

/** `t = 1m23s`, the way the page shows the cursor. */
export function formatClock(timeS: number): string {
  const s = Math.floor(timeS)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m${String(sec).padStart(2, '0')}s`
  if (m > 0) return `${m}m${String(sec).padStart(2, '0')}s`
  return `${sec}s`
}

/** The kinds of moment one can step between, each the event reasons it stands for. */
export const MARKER_KINDS = [
  { id: 'scheduled', label: 'scheduled', reasons: ['Scheduled'] },
  { id: 'started', label: 'started', reasons: ['Started'] },
  { id: 'probe-failed', label: 'probe failed', reasons: ['Unhealthy'] },
  { id: 'killed', label: 'killed', reasons: ['Killing'] },
  { id: 'back-off', label: 'back-off', reasons: ['BackOff'] },
  { id: 'ready', label: 'ready', reasons: ['Ready'] },
  { id: 'evicted', label: 'evicted', reasons: ['TaintManagerEviction', 'Evicted', 'Preempted'] },
  { id: 'scaled', label: 'scaled', reasons: ['ScalingReplicaSet', 'SuccessfulCreate', 'SuccessfulDelete'] },
  { id: 'failed-scheduling', label: 'failed scheduling', reasons: ['FailedScheduling'] },
] as const

export type MarkerKind = (typeof MARKER_KINDS)[number]['id']

/** The kind a marker's reason belongs to, or null (e.g. `Completed`, `NodeNotReady`). */
export function markerKind(reason: string): MarkerKind | null {
  return MARKER_KINDS.find((k) => (k.reasons as readonly string[]).includes(reason))?.id ?? null
}

/** The next speed up (+1) or down (-1) from `speed`, staying at either end. */
export function stepSpeed(speed: number, direction: -1 | 1): (typeof SPEEDS)[number] {
  const i = SPEEDS.indexOf(speed as (typeof SPEEDS)[number])
  const at = i < 0 ? 1 : i
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, at + direction))]!
}

/**
 * The marked moment just before or just after `timeS` (whole seconds), of `kind` if given (any kind
 * when null), or null at either end.
 */
export function adjacentMarker(
  markers: readonly { t: number; reason?: string }[],
  timeS: number,
  direction: -1 | 1,
  kind: MarkerKind | null = null,
): number | null {
  const now = Math.floor(timeS)
  let best: number | null = null
  for (const m of markers) {
    if (kind !== null && (m.reason === undefined || markerKind(m.reason) !== kind)) continue
    if (
      direction === 1
        ? m.t > now && (best === null || m.t < best)
        : m.t < now && (best === null || m.t > best)
    )
      best = m.t
  }
  return best
}
