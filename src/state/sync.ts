import { engineWorker } from '../worker/client'
import { useScenario } from './scenario'

/** How long typing must pause before the text is sent to the worker. */
export const ANALYZE_DEBOUNCE_MS = 150

/**
 * Sends the scenario text to the engine worker whenever it changes, debounced, and copies each reply
 * into the store. Returns a function that stops it.
 */
export function startScenarioSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const send = (): void => {
    const { revision, text } = useScenario.getState()
    void engineWorker()
      .analyze(revision, text)
      .then((reply) => useScenario.getState().acceptReply(reply))
  }
  const unsubscribe = useScenario.subscribe((s, prev) => {
    if (s.revision === prev.revision) return
    clearTimeout(timer)
    timer = setTimeout(send, ANALYZE_DEBOUNCE_MS)
  })
  send()
  return () => {
    clearTimeout(timer)
    unsubscribe()
  }
}
