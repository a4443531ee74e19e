import { useEffect, useRef, useState } from 'react'
import { keepCurrentWork, openScenario, useSession } from '../../state/session'

/** One lesson of the gallery (public/scenarios/), as its Scenario document describes it. */
export interface Lesson {
  readonly file: string
  readonly text: string
  readonly title: string
  readonly description: string
  readonly watch: string
  readonly atS: number
  readonly select?: string
  /** How many "predict, then play" questions it asks (`spec.quiz`): such a lesson opens at 0 s and plays. */
  readonly questions: number
}

let loaded: Promise<Lesson[]> | null = null

function loadLessons(): Promise<Lesson[]> {
  const base = `${import.meta.env.BASE_URL}scenarios/`
  loaded ??= fetch(`${base}index.json`)
    .then((r) => r.json() as Promise<{ scenarios: string[] }>)
    .then((index) =>
      Promise.all(
        index.scenarios.map((f) =>
          fetch(`${base}${f}`)
            .then((r) => r.text())
            .then(async (t) => (await import('./lesson')).lessonOf(f, t)),
        ),
      ),
    )
  loaded.catch(() => (loaded = null))
  return loaded
}

/** The gallery: every lesson, what it shows and what to watch for; opening one jumps to its moment. */
export function Gallery({ onClose }: { onClose(): void }): React.JSX.Element {
  const [lessons, setLessons] = useState<Lesson[] | 'error' | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let live = true
    loadLessons().then(
      (l) => live && setLessons(l),
      () => live && setLessons('error'),
    )
    return () => {
      live = false
    }
  }, [])
  useEffect(() => {
    if (Array.isArray(lessons)) ref.current?.querySelector<HTMLElement>('button.lesson')?.focus()
  }, [lessons])
  return (
    <div
      ref={ref}
      className="session-panel gallery"
      role="dialog"
      aria-label="Gallery"
      data-testid="gallery"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <h2>Gallery: scenarios that each show one thing</h2>
      {lessons === null ? <p>Loading…</p> : null}
      {lessons === 'error' ? <p>The gallery could not be loaded.</p> : null}
      {Array.isArray(lessons) ? (
        <ul className="lessons">
          {lessons.map((l) => (
            <li key={l.file}>
              <button
                type="button"
                className="lesson"
                data-file={l.file}
                onClick={() => {
                  keepCurrentWork('Before opening a gallery scenario')
                  openScenario(l.text, l.questions > 0 ? 0 : l.atS, l.select)
                  useSession.getState().setNotice({
                    kind: 'info',
                    text: `${l.title}${/[.?!]$/.test(l.title) ? '' : '.'} Watch for: ${l.watch}`,
                  })
                  onClose()
                }}
              >
                <strong>{l.title}</strong>
                <span>{l.description}</span>
                {l.questions > 0 ? (
                  <span className="lesson-quiz">
                    Asks {l.questions} question{l.questions === 1 ? '' : 's'} on the way
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="panel-close" onClick={onClose} aria-label="Close">
        ×
      </button>
    </div>
  )
}
