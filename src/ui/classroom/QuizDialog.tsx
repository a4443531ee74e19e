import { useEffect, useId, useRef, useState } from 'react'
import type { QuizQuestion } from '../../engine/scenario/quiz'
import { useScenario } from '../../state/scenario'
import { formatClock, useTimeline } from '../../state/timeline'
import { isRight, questionReached, stillAsked, useQuiz } from './quiz'
import './quiz.css'

/**
 * The quiz player: watches the playing cursor, stops at each question of the scenario's `spec.quiz`
 * (see quiz.ts) and shows it.
 */
export function QuizLayer(): React.JSX.Element | null {
  useQuizPlayer()
  const asking = useQuiz((s) => s.asking)
  if (asking === null) return null
  // Keyed by the question: a new question starts unanswered.
  return <QuizDialog key={`${asking.atMs}/${asking.question}`} question={asking} />
}

function useQuizPlayer(): void {
  const last = useRef(useTimeline.getState().timeS)
  useEffect(() => {
    last.current = useTimeline.getState().timeS
    return useTimeline.subscribe((s) => {
      const from = last.current
      last.current = s.timeS
      const quiz = useScenario.getState().quiz
      const { asked, asking, setAsked, ask } = useQuiz.getState()
      if (s.timeS < from) {
        const kept = stillAsked(quiz, asked, s.timeS)
        if (kept !== asked) setAsked(kept)
      }
      if (!s.playing || asking !== null) return
      const q = questionReached(quiz, asked, from, s.timeS)
      if (q === null) return
      last.current = q.atMs / 1000
      ask(q)
      // Not from inside this listener: the others would then see the older state after the newer.
      queueMicrotask(() => useTimeline.getState().seek(q.atMs / 1000))
    })
  }, [])
}

const TABBABLE = 'button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * One question as a modal dialog: the choices are a radio group (arrow keys, or the digits 1–9), Enter
 * or "Answer" answers; then it says whether that was right, shows the right answer and its explanation,
 * and "Continue" plays on. Esc closes it and stays paused. Focus stays inside while it is open.
 */
function QuizDialog({ question }: { question: QuizQuestion }): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const continueRef = useRef<HTMLButtonElement>(null)
  const [choice, setChoice] = useState<number | null>(null)
  const [answered, setAnswered] = useState<number | null>(null)
  const id = useId()

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    d?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus()
  }, [])
  useEffect(() => {
    if (answered !== null) continueRef.current?.focus()
  }, [answered])

  const answer = (): void => {
    if (choice !== null && answered === null) setAnswered(choice)
  }
  const leave = (play: boolean): void => {
    ref.current?.close()
    useQuiz.getState().close()
    if (play) useTimeline.getState().setPlaying(true)
  }
  const pick = (i: number): void => {
    if (answered !== null || i < 0 || i >= question.choices.length) return
    setChoice(i)
    ref.current?.querySelector<HTMLInputElement>(`input[value="${i}"]`)?.focus()
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLDialogElement>): void => {
    // The page's own keys (space plays, digits set the speed, Esc leaves presenter mode) wait.
    e.stopPropagation()
    if (e.ctrlKey || e.metaKey || e.altKey) return
    if (/^[1-9]$/.test(e.key) && answered === null) {
      e.preventDefault()
      pick(Number(e.key) - 1)
    } else if (e.key === 'Enter' && answered === null) {
      e.preventDefault()
      answer()
    } else if (e.key === 'Tab') trapTab(e)
  }
  const trapTab = (e: React.KeyboardEvent<HTMLDialogElement>): void => {
    const d = ref.current
    if (!d) return
    const stops = [...d.querySelectorAll<HTMLElement>(TABBABLE)].filter(
      (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !isTabStop(el)),
    )
    if (stops.length === 0) return
    const first = stops[0]!
    const last = stops.at(-1)!
    if (e.shiftKey && (document.activeElement === first || !d.contains(document.activeElement))) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && (document.activeElement === last || !d.contains(document.activeElement))) {
      e.preventDefault()
      first.focus()
    }
  }

  const right = answered !== null && isRight(question, answered)
  return (
    <dialog
      ref={ref}
      className="quiz-dialog"
      aria-modal="true"
      aria-labelledby={`${id}-kicker ${id}-question`}
      data-testid="quiz-dialog"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault()
        leave(false)
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          answer()
        }}
      >
        <p className="quiz-kicker" id={`${id}-kicker`}>
          Predict, then play · t = {formatClock(question.atMs / 1000)}
        </p>
        <h2 className="quiz-question" id={`${id}-question`}>
          {question.question}
        </h2>
        <fieldset className="quiz-choices" disabled={answered !== null}>
          <legend className="visually-hidden">Your prediction</legend>
          {question.choices.map((c, i) => {
            const mark =
              answered === null
                ? ''
                : i === question.answer
                  ? ' quiz-right'
                  : i === answered
                    ? ' quiz-wrong'
                    : ''
            return (
              <label key={i} className={`quiz-choice${choice === i ? ' quiz-chosen' : ''}${mark}`}>
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={i}
                  checked={choice === i}
                  onChange={() => setChoice(i)}
                />
                <span className="quiz-digit" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="quiz-text">{c}</span>
                {mark === ' quiz-right' ? (
                  <span className="quiz-badge">✓ right answer</span>
                ) : mark === ' quiz-wrong' ? (
                  <span className="quiz-badge">✕ your answer</span>
                ) : null}
              </label>
            )
          })}
        </fieldset>
        {answered === null ? (
          <div className="quiz-actions">
            <span className="quiz-hint">Choose with ↑ ↓ or 1–{question.choices.length}, then Enter.</span>
            <button type="submit" disabled={choice === null}>
              Answer
            </button>
          </div>
        ) : null}
      </form>
      {answered !== null ? (
        <div className="quiz-reveal">
          <p className={`quiz-verdict ${right ? 'quiz-verdict-right' : 'quiz-verdict-wrong'}`} role="status">
            {right ? '✓ Right.' : `✕ Not quite. The answer is: ${question.choices[question.answer]}`}
          </p>
          {question.explain ? <p className="quiz-explain">{question.explain}</p> : null}
          <div className="quiz-actions">
            <span className="quiz-hint">Now watch it happen.</span>
            <button type="button" ref={continueRef} onClick={() => leave(true)}>
              Continue
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  )
}

/** The radio of a group that Tab stops at: the checked one, or the first when none is. */
function isTabStop(radio: HTMLInputElement): boolean {
  const group = [
    ...(radio.form?.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(radio.name)}"]`) ?? []),
  ]
  const checked = group.find((r) => r.checked)
  return checked ? checked === radio : group[0] === radio
}
