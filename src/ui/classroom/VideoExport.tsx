import { useEffect, useId, useRef, useState } from 'react'
import { useScenario } from '../../state/scenario'
import { SPEEDS, useTimeline } from '../../state/timeline'
import { engineWorker } from '../../worker/client'
import { download, frameSvg, pagePalette } from './frameSvg'
import { recordVideo, webmEncoder, type WebmEncoder } from './recordVideo'
import { defaultVideoRange, videoPlan } from './videoPlan'
import './video.css'

type Phase =
  | { readonly kind: 'form' }
  | { readonly kind: 'recording'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly name: string; readonly bytes: number }
  | { readonly kind: 'failed'; readonly reason: string }

/**
 * "Video (WebM)…": a time range of the timeline recorded as a video, frame by frame at fixed steps of
 * simulated time (see videoPlan.ts), with a progress bar and Cancel; the file is downloaded.
 */
export function VideoExportDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const horizonS = useScenario((s) => s.horizonS)
  const [initial] = useState(() => defaultVideoRange(useTimeline.getState().timeS, horizonS))
  const [from, setFrom] = useState(String(initial.fromS))
  const [to, setTo] = useState(String(initial.toS))
  const [speed, setSpeed] = useState<number>(() => useTimeline.getState().speed)
  const [phase, setPhase] = useState<Phase>({ kind: 'form' })
  const abort = useRef<AbortController | null>(null)
  /** The encoder, null when the browser has none; undefined while it is asked. */
  const [encoder, setEncoder] = useState<WebmEncoder | null | undefined>(undefined)
  const plan = videoPlan({ fromS: Number(from), toS: Number(to) }, speed, horizonS)

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    let live = true
    void webmEncoder().then((e) => live && setEncoder(e))
    // The frames come from the timeline as it is: it must not grow under the recording.
    useTimeline.getState().setPlaying(false)
    return () => {
      live = false
      abort.current?.abort()
    }
  }, [])

  const close = (): void => {
    abort.current?.abort()
    ref.current?.close()
    onClose()
  }
  const record = async (): Promise<void> => {
    if (!plan.ok || !encoder) return
    const controller = new AbortController()
    abort.current = controller
    const palette = pagePalette()
    const worker = engineWorker()
    setPhase({ kind: 'recording', done: 0, total: plan.times.length })
    try {
      const blob = await recordVideo({
        times: plan.times,
        frameAt: async (t) => {
          const view = await worker.viewAt(t)
          if (view === null) throw new Error('the timeline is not ready')
          return frameSvg(view, palette)
        },
        background: palette.bg,
        encoder,
        signal: controller.signal,
        onProgress: (done, total) => setPhase({ kind: 'recording', done, total }),
      })
      const name = `kubeplay-t${Math.floor(plan.times[0]!)}s-${Math.ceil(plan.times.at(-1)!)}s.webm`
      download(blob, name)
      setPhase({ kind: 'done', name, bytes: blob.size })
    } catch (error) {
      if (controller.signal.aborted) setPhase({ kind: 'form' })
      else setPhase({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) })
    } finally {
      if (abort.current === controller) abort.current = null
    }
  }

  return (
    <dialog
      ref={ref}
      className="video-dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      data-testid="video-export"
      onKeyDown={(e) => e.stopPropagation()}
      onCancel={(e) => {
        e.preventDefault()
        if (phase.kind === 'recording') abort.current?.abort()
        else close()
      }}
    >
      <h2 id={`${id}-title`}>Export a video (WebM)</h2>
      {encoder === null ? (
        <p className="video-error" role="alert">
          This browser cannot make a video: it has no WebCodecs encoder for WebM (VP9 or VP8). Export frames
          as PNG instead, or use a recent Chrome, Edge, Firefox or Safari.
        </p>
      ) : phase.kind === 'recording' ? (
        <div className="video-progress">
          <progress
            aria-label="Recording the video"
            max={phase.total}
            value={phase.done}
            data-testid="video-progress"
          />
          <p aria-live="polite">
            Recording frame {phase.done} of {phase.total}…
          </p>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void record()
          }}
        >
          <p className="video-hint">
            A range of simulated time, drawn frame by frame as the Export → Frame pictures are (30 frames a
            second of video).
          </p>
          <div className="video-fields">
            <label>
              From (s)
              <input
                type="number"
                min={0}
                max={horizonS}
                step="any"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              />
            </label>
            <label>
              To (s)
              <input
                type="number"
                min={0}
                max={horizonS}
                step="any"
                value={to}
                onChange={(e) => setTo(e.target.value)}
              />
            </label>
            <label>
              Speed
              <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
                {SPEEDS.map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className={plan.ok ? 'video-hint' : 'video-error'} data-testid="video-plan">
            {plan.ok
              ? `${plan.times.length} frames: a video of ${plan.videoS.toFixed(1)} s.`
              : `Cannot record this: ${plan.reason}.`}
          </p>
          {phase.kind === 'done' ? (
            <p role="status">
              Saved {phase.name} ({Math.max(1, Math.round(phase.bytes / 1024))} kB).
            </p>
          ) : phase.kind === 'failed' ? (
            <p className="video-error" role="alert">
              The video could not be recorded: {phase.reason}.
            </p>
          ) : null}
          <div className="video-actions">
            <button type="submit" disabled={!plan.ok || !encoder}>
              Record
            </button>
          </div>
        </form>
      )}
      <div className="video-actions">
        {phase.kind === 'recording' ? (
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={close}>
            Close
          </button>
        )}
      </div>
    </dialog>
  )
}
