import { engineWorker } from '../worker/client'
import { useScenario } from './scenario'
import { useTimeline } from './timeline'

/** How long typing must pause before the text is sent to the worker. */
export const ANALYZE_DEBOUNCE_MS = 150

/**
 * Sends the scenario text to the engine worker whenever it changes (debounced) and the time cursor
 * whenever it moves (one request in flight, the latest cursor wins), and copies the replies into the
 * stores. Returns a function that stops it.
 */
export function startScenarioSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let viewInFlight = false
  let viewWanted: number | null = null

  const analyze = (): void => {
    const { revision, text, minHorizonS } = useScenario.getState()
    void engineWorker()
      .analyze(revision, text, useTimeline.getState().timeS, minHorizonS)
      .then((reply) => useScenario.getState().acceptReply(reply))
  }
  const requestView = (timeS: number): void => {
    viewWanted = timeS
    if (viewInFlight) return
    viewInFlight = true
    const t = viewWanted
    viewWanted = null
    void engineWorker()
      .viewAt(t)
      .then((view) => {
        useScenario.getState().acceptView(view)
        viewInFlight = false
        if (viewWanted !== null) requestView(viewWanted)
      })
  }
  const offText = useScenario.subscribe((s, prev) => {
    if (s.revision === prev.revision) return
    clearTimeout(timer)
    timer = setTimeout(analyze, ANALYZE_DEBOUNCE_MS)
  })
  const offTime = useTimeline.subscribe((s, prev) => {
    if (s.timeS !== prev.timeS) requestView(s.timeS)
  })
  analyze()
  return () => {
    clearTimeout(timer)
    offText()
    offTime()
  }
}
