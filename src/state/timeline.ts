import { create } from 'zustand'

/** Playback speeds offered, as multiples of real time. */
export const SPEEDS = [0.25, 1, 4, 16, 64] as const

export interface TimelineState {
  /** The time cursor, in simulated seconds since the scenario was applied. */
  readonly timeS: number
  readonly playing: boolean
  readonly speed: (typeof SPEEDS)[number]
  setTime(timeS: number): void
  setPlaying(playing: boolean): void
  setSpeed(speed: TimelineState['speed']): void
}

export const useTimeline = create<TimelineState>()((set) => ({
  timeS: 0,
  playing: true,
  speed: 4,
  setTime: (timeS) => set({ timeS: Math.max(0, timeS) }),
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

/** The marked moment just before or just after `timeS` (whole seconds), or null at either end. */
export function adjacentMarker(
  markers: readonly { t: number }[],
  timeS: number,
  direction: -1 | 1,
): number | null {
  const now = Math.floor(timeS)
  let best: number | null = null
  for (const m of markers) {
    if (
      direction === 1
        ? m.t > now && (best === null || m.t < best)
        : m.t < now && (best === null || m.t > best)
    )
      best = m.t
  }
  return best
}
