import { useEffect } from 'react'
import { useScenario } from '../../state/scenario'
import { formatClock, SPEEDS, useTimeline } from '../../state/timeline'

/** Play / pause, the scrubber over the simulated horizon, the clock and the speed. */
export function TimelineBar(): React.JSX.Element {
  const timeS = useTimeline((s) => s.timeS)
  const playing = useTimeline((s) => s.playing)
  const speed = useTimeline((s) => s.speed)
  const horizonS = useScenario((s) => s.horizonS)
  usePlayback(horizonS)

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
      <span className="clock" aria-live="off" data-testid="clock">
        t = {formatClock(timeS)}
      </span>
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
