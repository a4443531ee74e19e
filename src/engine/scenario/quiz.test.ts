import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { readQuiz } from './quiz'

const scenario = (quiz: string): string =>
  `apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: q}\nspec:\n  quiz:\n${quiz}`

describe('spec.quiz', () => {
  it('reads questions, sorted by time, with the answer given as an index or as the choice text', () => {
    const quiz = readQuiz([
      { at: '2m', question: 'Second?', choices: ['a', 'b'], answer: 'b' },
      { at: '30s', question: 'First?', choices: ['x', 'y', 'z'], answer: 2, explain: 'because' },
    ])
    expect(quiz).toEqual([
      { atMs: 30_000, question: 'First?', choices: ['x', 'y', 'z'], answer: 2, explain: 'because' },
      { atMs: 120_000, question: 'Second?', choices: ['a', 'b'], answer: 1 },
    ])
  })

  it('accepts a well-formed quiz without diagnostics', () => {
    const text = scenario(
      '  - at: 45s\n    question: Will the pod restart?\n    choices: [yes, no]\n    answer: yes\n    explain: The liveness probe fails three times.\n',
    )
    expect(analyzeScenario(text).diagnostics.filter((d) => d.code === 'quiz')).toEqual([])
  })

  it('reports each problem at the field where it is written', () => {
    const text = scenario(
      '  - at: soon\n    question: Which?\n    choices: [a, b]\n    answer: c\n  - question: ""\n    choices: [only]\n    answer: 0\n    hint: x\n',
    )
    const quiz = analyzeScenario(text).diagnostics.filter((d) => d.code === 'quiz')
    expect(quiz.map((d) => [d.line, d.message])).toEqual([
      [6, 'spec.quiz[0].at: a time like 90s or 2m is required'],
      [9, 'spec.quiz[0].answer: the index (0 to 1) or the text of one of the choices is required'],
      [10, 'spec.quiz[1].at: a time like 90s or 2m is required'],
      [10, 'spec.quiz[1].question: the question to ask is required'],
      [11, 'spec.quiz[1].choices: a list of at least two answers (strings) is required'],
      [13, 'spec.quiz[1].hint: unknown field (at, question, choices, answer, explain)'],
    ])
    expect(quiz.every((d) => d.severity === 'error')).toBe(true)
  })

  it('refuses a quiz that is not a list', () => {
    const text = `apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: q}\nspec:\n  quiz: what?\n`
    const d = analyzeScenario(text).diagnostics.find((x) => x.code === 'quiz')
    expect(d).toMatchObject({ line: 5, message: 'spec.quiz must be a list of questions' })
  })
})
