import { memo, useEffect } from 'react'
import { MAX_HORIZON_MS } from '../../engine/limits'
import { useScenario } from '../../state/scenario'
import {
  adjacentMarker,
  formatClock,
  MARKER_KINDS,
  markerKind,
  SPEEDS,
  stepSpeed,
  useTimeline,
  type MarkerKind,
} from '../../state/timeline'
import type { TimelineMarker } from '../../worker/protocol'
import { QuizMarks } from '../classroom/QuizMarks'
import './timeline.css'

/** How much the horizon grows at a time when playback nears its end, in simulated seconds. */
export const HORIZON_STEP_S = 300

/**
 * Play / pause, stepping between events (of one kind if chosen), the scrubber over the simulated
 * horizon with its markers, the clock and the speed. Keyboard: space plays or pauses, ← and → step,
 * + and − change the speed (not while typing in the editor or the console).
 */
export function TimelineBar(): React.JSX.Element {
  const timeS = useTimeline((s) => s.timeS)
  const playing = useTimeline((s) => s.playing)
  const speed = useTimeline((s) => s.speed)
  const stepKind = useTimeline((s) => s.stepKind)
  const horizonS = useScenario((s) => s.horizonS)
  const markers = useScenario((s) => s.markers)
  usePlayback(horizonS)
  useTimelineKeys()
  const kindLabel = MARKER_KINDS.find((k) => k.id === stepKind)?.label

  return (
    <div className="timeline-bar" role="group" aria-label="Timeline controls">
      <button
        type="button"
        className="play-button"
        onClick={() => useTimeline.getState().setPlaying(!playing)}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (space)' : 'Play (space)'}
        aria-keyshortcuts="Space"
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <button
        type="button"
        className="step-button"
        aria-label="Previous event"
        title={`Previous ${kindLabel ?? 'event'} (←)`}
        aria-keyshortcuts="ArrowLeft"
        onClick={() => jump(-1)}
      >
        |◀
      </button>
      <button
        type="button"
        className="step-button"
        aria-label="Next event"
        title={`Next ${kindLabel ?? 'event'} (→)`}
        aria-keyshortcuts="ArrowRight"
        onClick={() => jump(1)}
      >
        ▶|
      </button>
      <label className="step-kind">
        <span className="visually-hidden">Step between</span>
        <select
          aria-label="Step between"
          value={stepKind ?? ''}
          onChange={(e) => useTimeline.getState().setStepKind((e.target.value || null) as MarkerKind | null)}
        >
          <option value="">any event</option>
          {MARKER_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <span className="clock" aria-live="off" data-testid="clock">
        t = {formatClock(timeS)}
      </span>
      <div className="scrubber-track">
        <Markers markers={markers} horizonS={horizonS} stepKind={stepKind} />
        <QuizMarks horizonS={horizonS} />
        <input
          type="range"
          className="scrubber"
          aria-label="Timeline"
          aria-valuetext={`t = ${formatClock(timeS)}`}
          aria-valuenow={Math.floor(timeS)}
          aria-valuemin={0}
          aria-valuemax={Math.max(1, horizonS)}
          min={0}
          max={Math.max(1, horizonS)}
          step={1}
          value={Math.min(Math.floor(timeS), Math.max(1, horizonS))}
          onChange={(e) => {
            useTimeline.getState().setPlaying(false)
            useTimeline.getState().setTime(Number(e.target.value))
          }}
        />
      </div>
      <span className="horizon" data-testid="horizon">
        {formatClock(horizonS)}
      </span>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          value={speed}
          onChange={(e) => useTimeline.getState().setSpeed(Number(e.target.value) as (typeof SPEEDS)[number])}
          aria-label="Speed"
          title="Speed (+ / −)"
          aria-keyshortcuts="+ -"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

/** Moves the cursor to the previous or next marked moment (of the chosen kind), and pauses. */
function jump(direction: -1 | 1): void {
  const { timeS, stepKind, seek } = useTimeline.getState()
  const t = adjacentMarker(useScenario.getState().markers, timeS, direction, stepKind)
  if (t !== null) seek(t)
}

/** Whether a key pressed on `target` belongs to what has the focus (typing, a control's own keys). */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target.closest('.monaco-editor')) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    // The scrubber keeps its own arrows (a second at a time); space still plays.
    if (type === 'range') return key !== ' '
    return true
  }
  // Space presses a focused button, tab or link.
  if (key === ' ') return target.closest('button, a, summary, [role="button"], [role="tab"], [role="listitem"]') !== null // prettier-ignore
  return false
}

/** The timeline's keyboard: space, ← / →, + / −. */
function useTimelineKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return
      if (keyBelongsToTarget(e.target, e.key)) return
      const t = useTimeline.getState()
      if (e.key === ' ') t.setPlaying(!t.playing)
      else if (e.key === 'ArrowLeft') jump(-1)
      else if (e.key === 'ArrowRight') jump(1)
      else if (e.key === '+' || e.key === '=') t.setSpeed(stepSpeed(t.speed, 1))
      else if (e.key === '-' || e.key === '_') t.setSpeed(stepSpeed(t.speed, -1))
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

/**
 * Advances the cursor in real time × speed while playing. Near the end of the horizon it asks for a
 * longer one (unless the scenario fixes its duration) and waits at the end until it comes; with a fixed
 * duration it pauses there.
 */
function usePlayback(horizonS: number): void {
  const playing = useTimeline((s) => s.playing)
  useEffect(() => {
    if (!playing || horizonS <= 0) return
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      const { timeS, speed, setTime, setPlaying } = useTimeline.getState()
      const { horizonFixed, extendHorizon } = useScenario.getState()
      // A frame's timestamp can precede the performance.now() taken when playback started: never step back.
      const next = timeS + (Math.max(0, now - last) / 1000) * speed
      last = now
      const canGrow = !horizonFixed && horizonS < MAX_HORIZON_MS / 1000
      // Ask early enough (about five real seconds ahead) for the longer timeline to be ready in time.
      const lead = Math.max(30, speed * 5)
      if (canGrow && next >= horizonS - lead)
        extendHorizon(horizonS + Math.max(HORIZON_STEP_S, Math.ceil(lead * 2)))
      if (next >= horizonS) {
        setTime(horizonS)
        if (!canGrow) return setPlaying(false)
      } else setTime(next)
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, horizonS])
}

/** Marker colours by kind, from the status palette (Okabe–Ito), as custom properties. */
function markerColor(m: TimelineMarker): string {
  const kind = markerKind(m.reason)
  if (kind === 'killed' || kind === 'back-off' || m.reason === 'Failed') return 'var(--marker-crash)'
  if (kind === 'probe-failed') return 'var(--marker-probe)'
  if (kind === 'failed-scheduling' || kind === 'evicted' || m.reason === 'NodeNotReady')
    return 'var(--marker-lost)'
  if (kind === 'started' || kind === 'ready' || m.reason === 'Completed') return 'var(--marker-ok)'
  return 'var(--marker-other)'
}

/**
 * Ticks over the scrubber, one per marked second and reason; hover tells what happened. Memoised: the
 * bar re-renders on every playback frame (the cursor moves), the markers only with a new timeline.
 */
const Markers = memo(function Markers({
  markers,
  horizonS,
  stepKind,
}: {
  markers: readonly TimelineMarker[]
  horizonS: number
  stepKind: MarkerKind | null
}): React.JSX.Element {
  return (
    <div className="markers" aria-hidden="true">
      {horizonS > 0
        ? markers.map((m) => {
            const dim = stepKind !== null && markerKind(m.reason) !== stepKind
            return (
              <span
                key={`${m.t}/${m.reason}`}
                className={`marker marker-${m.type.toLowerCase()}${dim ? ' marker-dim' : ''}`}
                data-marker-kind={markerKind(m.reason) ?? 'other'}
                style={{ left: `${(m.t / horizonS) * 100}%`, background: markerColor(m) }}
                title={`t = ${formatClock(m.t)} · ${m.reason}${m.count > 1 ? ` ×${m.count}` : ''} · ${m.sample}`}
              />
            )
          })
        : null}
    </div>
  )
})
