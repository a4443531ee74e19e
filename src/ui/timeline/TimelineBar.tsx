import { useEffect } from 'react'
import { useScenario } from '../../state/scenario'
import { adjacentMarker, formatClock, SPEEDS, useTimeline } from '../../state/timeline'
import type { TimelineMarker } from '../../worker/protocol'

/** Play / pause, the scrubber over the simulated horizon, the clock and the speed. */
export function TimelineBar(): React.JSX.Element {
  const timeS = useTimeline((s) => s.timeS)
  const playing = useTimeline((s) => s.playing)
  const speed = useTimeline((s) => s.speed)
  const horizonS = useScenario((s) => s.horizonS)
  const markers = useScenario((s) => s.markers)
  usePlayback(horizonS)
  const jump = (direction: -1 | 1): void => {
    const t = adjacentMarker(markers, timeS, direction)
    if (t === null) return
    useTimeline.getState().setPlaying(false)
    useTimeline.getState().setTime(t)
  }

  return (
    <div className="timeline-bar">
      <button
        type="button"
        className="play-button"
        onClick={() => useTimeline.getState().setPlaying(!playing)}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause' : 'Play'}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <button
        type="button"
        className="step-button"
        aria-label="Previous event"
        title="Previous event"
        onClick={() => jump(-1)}
      >
        |◀
      </button>
      <button
        type="button"
        className="step-button"
        aria-label="Next event"
        title="Next event"
        onClick={() => jump(1)}
      >
        ▶|
      </button>
      <span className="clock" aria-live="off" data-testid="clock">
        t = {formatClock(timeS)}
      </span>
      <div className="scrubber-track">
        <Markers markers={markers} horizonS={horizonS} />
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
      <span className="horizon">{formatClock(horizonS)}</span>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          value={speed}
          onChange={(e) => useTimeline.getState().setSpeed(Number(e.target.value) as (typeof SPEEDS)[number])}
          aria-label="Speed"
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

/** Advances the cursor in real time × speed while playing; pauses at the end of the horizon. */
function usePlayback(horizonS: number): void {
  const playing = useTimeline((s) => s.playing)
  useEffect(() => {
    if (!playing || horizonS <= 0) return
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      const { timeS, speed, setTime, setPlaying } = useTimeline.getState()
      const next = timeS + ((now - last) / 1000) * speed
      last = now
      if (next >= horizonS) {
        setTime(horizonS)
        setPlaying(false)
        return
      }
      setTime(next)
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, horizonS])
}

/** Marker colours by reason family, from the status palette (Okabe–Ito). */
function markerColor(m: TimelineMarker): string {
  if (m.reason === 'Killing' || m.reason === 'BackOff' || m.reason === 'Failed') return '#D55E00'
  if (m.reason === 'Unhealthy') return '#E69F00'
  if (
    m.reason === 'FailedScheduling' ||
    m.reason === 'TaintManagerEviction' ||
    m.reason === 'NodeNotReady' ||
    m.reason === 'Preempted'
  )
    return '#CC79A7'
  if (m.reason === 'Started' || m.reason === 'Completed') return '#009E73'
  return '#0072B2'
}

/** Ticks over the scrubber, one per marked second and reason; hover tells what happened. */
function Markers({
  markers,
  horizonS,
}: {
  markers: readonly TimelineMarker[]
  horizonS: number
}): React.JSX.Element {
  return (
    <div className="markers" aria-hidden="true">
      {horizonS > 0
        ? markers.map((m) => (
            <span
              key={`${m.t}/${m.reason}`}
              className={`marker marker-${m.type.toLowerCase()}`}
              style={{ left: `${(m.t / horizonS) * 100}%`, background: markerColor(m) }}
              title={`t = ${formatClock(m.t)} · ${m.reason}${m.count > 1 ? ` ×${m.count}` : ''} · ${m.sample}`}
            />
          ))
        : null}
    </div>
  )
}
