import { useEffect, useRef } from 'react'
import { useScenario } from '../../state/scenario'
import { formatClock, SPEEDS, useTimeline } from '../../state/timeline'
import { keyBelongsToTarget } from '../timeline/TimelineBar'
import { explainMarker, importantAt, importantBetween, usePresenter } from './presenter'

/** The top bar's button that enters presenter mode. */
export function PresentButton(): React.JSX.Element {
  return (
    <button
      type="button"
      className="session-button present-button"
      onClick={() => usePresenter.getState().setPresenting(true)}
      title="Present: hide the editor, large type; Esc leaves"
    >
      Present
    </button>
  )
}

/**
 * What presenter mode adds over the graph: its keys (digits for the speeds, f for full screen, Esc to
 * leave; space and ←/→ are the timeline's own), the "Pause at important events" option, and the caption
 * of the important moment under the cursor.
 */
export function PresenterLayer(): React.JSX.Element | null {
  const presenting = usePresenter((s) => s.presenting)
  const pauseAtImportant = usePresenter((s) => s.pauseAtImportant)
  const timeS = useTimeline((s) => s.timeS)
  const playing = useTimeline((s) => s.playing)
  const markers = useScenario((s) => s.markers)
  usePresenterKeys(presenting)
  usePauseAtImportant(presenting && pauseAtImportant)
  if (!presenting) return null
  const here = playing ? [] : importantAt(markers, timeS)

  return (
    <div className="presenter-layer">
      <div className="presenter-controls" role="group" aria-label="Presenter">
        <label>
          <input
            type="checkbox"
            checked={pauseAtImportant}
            onChange={(e) => usePresenter.getState().setPauseAtImportant(e.target.checked)}
          />{' '}
          Pause at important events
        </label>
        <button
          type="button"
          onClick={() => usePresenter.getState().setPresenting(false)}
          title="Leave (Esc)"
        >
          Leave presenter mode
        </button>
      </div>
      {here.length > 0 ? (
        <div className="presenter-caption" role="status" data-testid="presenter-caption">
          {here.map((m) => (
            <p key={m.reason}>
              <strong>
                t = {formatClock(m.t)} · {m.reason}
              </strong>{' '}
              {explainMarker(m)}
              <span className="presenter-sample">{m.sample}</span>
            </p>
          ))}
        </div>
      ) : null}
    </div>
  )
}

/** Digits 1–5 pick the speeds in order, f asks for full screen, Esc leaves presenter mode. */
function usePresenterKeys(presenting: boolean): void {
  useEffect(() => {
    if (!presenting) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return
      if (keyBelongsToTarget(e.target, e.key)) return
      const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : 0
      if (digit > 0 && digit <= SPEEDS.length) useTimeline.getState().setSpeed(SPEEDS[digit - 1]!)
      else if (e.key === 'f' || e.key === 'F')
        void document.documentElement.requestFullscreen?.().catch(() => {})
      else if (e.key === 'Escape') {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
        usePresenter.getState().setPresenting(false)
      } else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [presenting])
}

/** While on, playback that runs over an important moment stops on it (the caption then explains it). */
function usePauseAtImportant(on: boolean): void {
  const last = useRef(useTimeline.getState().timeS)
  useEffect(() => {
    if (!on) return
    last.current = useTimeline.getState().timeS
    return useTimeline.subscribe((s) => {
      const from = last.current
      last.current = s.timeS
      if (!s.playing || s.timeS <= from) return
      const m = importantBetween(useScenario.getState().markers, from, s.timeS)
      if (m !== null) {
        last.current = m.t
        // Not from inside this listener: the others would then see the older state after the newer.
        queueMicrotask(() => useTimeline.getState().seek(m.t))
      }
    })
  }, [on])
}
