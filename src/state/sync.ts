import type { ClusterView } from '../engine'
import { engineClient, type EngineClient } from '../worker/client'
import { ViewDecoder } from '../worker/view-patch'
import { WorkerStalledError } from '../worker/watchdog'
import { useScenario } from './scenario'
import { useSession } from './session'
import { useTimeline } from './timeline'

/** How long typing must pause before the text is sent to the worker. */
export const ANALYZE_DEBOUNCE_MS = 150

export const RESTARTED_NOTICE = 'The simulation stopped answering and was restarted; your text is kept.'
export const GAVE_UP_NOTICE =
  'The simulation stopped answering twice on this text and was restarted; your text is kept. Edit it to try again.'

/** Runs `apply` with the next animation frame (at once where there are none: a hidden page, Node). */
function onNextFrame(apply: () => void): void {
  if (typeof requestAnimationFrame === 'function' && globalThis.document?.visibilityState !== 'hidden')
    requestAnimationFrame(apply)
  else setTimeout(apply, 0)
}

/** A stalled call already restarted the worker (and was told so): nothing more to report. */
const ignoreStall = (error: unknown): void => {
  if (!(error instanceof WorkerStalledError)) throw error
}

/**
 * Sends the scenario text to the engine worker whenever it changes (debounced) and the time cursor
 * whenever it moves (one request in flight, the latest cursor wins), and copies the replies into the
 * stores. Views are applied at most once per animation frame: a reply superseded by a later one before
 * its frame comes, or older than one applied already, is dropped. Returns a function that stops it.
 */
export function startScenarioSync(client: EngineClient = engineClient()): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let viewInFlight = false
  let viewWanted: number | null = null
  /** Views are numbered in the order they were asked for; the newest answer waits for the next frame. */
  let viewAsked = 0
  let viewApplied = 0
  let viewPending: { readonly n: number; readonly view: ClusterView | null } | null = null
  /** The worker sends views as changes to the last one it sent (view-patch.ts). */
  const decoder = new ViewDecoder()
  const applyView = (): void => {
    const pending = viewPending
    viewPending = null
    if (!pending || pending.n <= viewApplied) return
    viewApplied = pending.n
    useScenario.getState().acceptView(pending.view)
  }
  /** The revision being simulated, and the last one whose simulation stalled the worker. */
  let analyzing: number | null = null
  let stalledRevision: number | null = null

  const analyze = (): void => {
    const { revision, text, minHorizonS } = useScenario.getState()
    analyzing = revision
    const askedBefore = viewAsked
    const progress = (simulatedS: number, horizonS: number): void =>
      useScenario.getState().acceptProgress({ revision, simulatedS, horizonS })
    void client.api
      .analyze(
        revision,
        text,
        useTimeline.getState().timeS,
        minHorizonS,
        progress,
        useTimeline.getState().speed,
      )
      .then((reply) => {
        if (analyzing === reply.revision) analyzing = null
        // The next view is sent as a patch on this one, whichever text it belongs to.
        if (reply.view && reply.viewSeq) decoder.adopt(reply.view, reply.viewSeq)
        // The worker answers in order: views asked before this text are older than this reply's view.
        viewApplied = Math.max(viewApplied, askedBefore)
        useScenario.getState().acceptReply(reply)
      }, ignoreStall)
  }
  const requestView = (timeS: number): void => {
    viewWanted = timeS
    if (viewInFlight) return
    viewInFlight = true
    const t = viewWanted
    viewWanted = null
    const n = ++viewAsked
    void client.api
      .viewPatchAt(t, decoder.base, useTimeline.getState().speed)
      .then((patch) => {
        // Every reply is decoded, applied or not: the next one is based on it.
        const view = patch ? decoder.decode(patch) : null
        if (n > viewApplied) {
          if (viewPending === null) onNextFrame(applyView)
          viewPending = { n, view }
        }
        viewInFlight = false
        if (viewWanted !== null) requestView(viewWanted)
      })
      .catch((error: unknown) => {
        viewInFlight = false
        // Whatever went wrong, the next view is asked for whole.
        decoder.reset()
        ignoreStall(error)
      })
  }
  // A new worker knows no text: send the latest again, unless this very text stalled it before.
  const offRestart = client.onRestart(() => {
    viewInFlight = false
    decoder.reset()
    const { revision } = useScenario.getState()
    if (analyzing === revision && stalledRevision === revision) {
      analyzing = null
      useSession.getState().setNotice({ kind: 'error', text: GAVE_UP_NOTICE })
      return
    }
    if (analyzing === revision) stalledRevision = revision
    useSession.getState().setNotice({ kind: 'warning', text: RESTARTED_NOTICE })
    clearTimeout(timer)
    analyze()
  })
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
    offRestart()
  }
}
