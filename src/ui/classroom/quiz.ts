import { create } from 'zustand'
import type { QuizQuestion } from '../../engine/scenario/quiz'

/**
 * "Predict, then play": the player stops where the playing cursor reaches a question of the scenario's
 * `spec.quiz`, asks it, reveals the answer, then plays on. A question is asked once per playthrough:
 * it stays asked while the cursor is at or after it, and is forgotten when the cursor goes back before
 * it. Seeking over a question without playing does not ask it.
 */

/** What tells one question from another across re-simulations (each reply brings a new list). */
export function questionKey(q: QuizQuestion): string {
  return `${q.atMs}\u0000${q.question}`
}

/**
 * The first question not yet asked that playback reaches while moving the cursor from `fromS` to `toS`
 * (seconds; `fromS` itself counts, so a question at the start of play is asked), or null.
 */
export function questionReached(
  quiz: readonly QuizQuestion[],
  asked: ReadonlySet<string>,
  fromS: number,
  toS: number,
): QuizQuestion | null {
  if (!(toS > fromS)) return null
  let best: QuizQuestion | null = null
  for (const q of quiz) {
    const at = q.atMs / 1000
    if (at < fromS || at > toS || asked.has(questionKey(q))) continue
    if (best === null || q.atMs < best.atMs) best = q
  }
  return best
}

/** The asked questions still asked with the cursor at `timeS`: those after it are forgotten. */
export function stillAsked(
  quiz: readonly QuizQuestion[],
  asked: ReadonlySet<string>,
  timeS: number,
): ReadonlySet<string> {
  const later = new Set(quiz.filter((q) => q.atMs / 1000 > timeS).map(questionKey))
  if (![...asked].some((k) => later.has(k))) return asked
  return new Set([...asked].filter((k) => !later.has(k)))
}

/** Whether choice `choice` is the right answer. */
export const isRight = (q: QuizQuestion, choice: number): boolean => q.answer === choice

export interface QuizState {
  /** The question on screen, if any. */
  readonly asking: QuizQuestion | null
  readonly asked: ReadonlySet<string>
  ask(q: QuizQuestion): void
  /** Closes the question (it stays asked). */
  close(): void
  setAsked(asked: ReadonlySet<string>): void
}

export const useQuiz = create<QuizState>()((set) => ({
  asking: null,
  asked: new Set(),
  ask: (q) => set((s) => ({ asking: q, asked: new Set([...s.asked, questionKey(q)]) })),
  close: () => set({ asking: null }),
  setAsked: (asked) => set({ asked }),
}))
