import { parseDuration } from '../model/duration'
import type { Diagnostic, SourceRange } from '../model/diagnostic'

/** One "predict, then play" question of a Scenario's `spec.quiz`, as the player asks it. */
export interface QuizQuestion {
  /** Simulated time (ms) at which the player pauses to ask. */
  readonly atMs: number
  readonly question: string
  readonly choices: readonly string[]
  /** Index into `choices` of the right answer. */
  readonly answer: number
  readonly explain?: string
}

type At = (path: (string | number)[], message: string) => void

/**
 * Reads `spec.quiz` (a list of `{at, question, choices, answer, explain?}`; `answer` is an index or the
 * text of a choice). Entries with problems are reported through `at` and left out; the rest are returned
 * sorted by time.
 */
export function readQuiz(quiz: unknown, at: At = () => undefined): QuizQuestion[] {
  if (quiz === undefined) return []
  if (!Array.isArray(quiz)) {
    at([], 'spec.quiz must be a list of questions')
    return []
  }
  const out: QuizQuestion[] = []
  quiz.forEach((entry, i) => {
    const q = readQuestion(entry, i, at)
    if (q) out.push(q)
  })
  return out.sort((a, b) => a.atMs - b.atMs)
}

function readQuestion(entry: unknown, i: number, at: At): QuizQuestion | null {
  const where = `spec.quiz[${i}]`
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    at([i], `${where} must be a mapping with at, question, choices and answer`)
    return null
  }
  const e = entry as Record<string, unknown>
  let ok = true
  const fail = (path: (string | number)[], message: string): void => {
    ok = false
    at([i, ...path], message)
  }
  const atMs = parseDuration(e.at)
  if (atMs === null || atMs < 0) fail(['at'], `${where}.at: a time like 90s or 2m is required`)
  if (typeof e.question !== 'string' || e.question.trim() === '')
    fail(['question'], `${where}.question: the question to ask is required`)
  const choices = e.choices
  const validChoices =
    Array.isArray(choices) && choices.length >= 2 && choices.every((c) => typeof c === 'string')
  if (!validChoices)
    fail(['choices'], `${where}.choices: a list of at least two answers (strings) is required`)
  let answer = -1
  if (validChoices) {
    const list = choices as string[]
    if (typeof e.answer === 'number') answer = Number.isInteger(e.answer) ? e.answer : -1
    else if (typeof e.answer === 'string') answer = list.indexOf(e.answer)
    if (answer < 0 || answer >= list.length)
      fail(
        ['answer'],
        `${where}.answer: the index (0 to ${list.length - 1}) or the text of one of the choices is required`,
      )
  }
  if (e.explain !== undefined && typeof e.explain !== 'string')
    fail(['explain'], `${where}.explain: must be text`)
  for (const key of Object.keys(e))
    if (!['at', 'question', 'choices', 'answer', 'explain'].includes(key))
      fail([key], `${where}.${key}: unknown field (at, question, choices, answer, explain)`)
  if (!ok) return null
  return {
    atMs: atMs as number,
    question: e.question as string,
    choices: choices as string[],
    answer,
    ...(typeof e.explain === 'string' ? { explain: e.explain } : {}),
  }
}

/** The positioned diagnostics of a Scenario's `spec.quiz`, for the editor and `kubeplay check`. */
export function quizDiagnostics(
  quiz: unknown,
  locate: (path: (string | number)[]) => SourceRange,
): Diagnostic[] {
  const out: Diagnostic[] = []
  readQuiz(quiz, (path, message) =>
    out.push({ ...locate(['spec', 'quiz', ...path]), severity: 'error', code: 'quiz', message }),
  )
  return out
}
