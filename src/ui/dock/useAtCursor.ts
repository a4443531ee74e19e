import { useEffect, useState } from 'react'
import { useScenario } from '../../state/scenario'
import { useTimeline } from '../../state/timeline'

/**
 * The worker's answer to `query` (a stable function) at the time cursor, asked again when the cursor
 * moves or a new timeline arrives, with one question in flight at a time (the latest cursor wins).
 * Null until the first answer.
 */
export function useAtCursor<T>(query: (atS: number) => Promise<T>): T | null {
  const [answer, setAnswer] = useState<T | null>(null)
  useEffect(() => {
    let live = true
    let busy = false
    let wanted: number | null = null
    const ask = (t: number): void => {
      wanted = t
      if (busy) return
      busy = true
      wanted = null
      // A failed question (the worker stalled twice) keeps the last answer; the next one is asked.
      const next = (): void => {
        busy = false
        if (live && wanted !== null) ask(wanted)
      }
      void query(t).then((value) => {
        if (live) setAnswer(value)
        next()
      }, next)
    }
    ask(useTimeline.getState().timeS)
    const offTime = useTimeline.subscribe((s, prev) => {
      if (s.timeS !== prev.timeS) ask(s.timeS)
    })
    const offTimeline = useScenario.subscribe((s, prev) => {
      if (s.analyzedRevision !== prev.analyzedRevision) ask(useTimeline.getState().timeS)
    })
    return () => {
      live = false
      offTime()
      offTimeline()
    }
  }, [query])
  return answer
}
