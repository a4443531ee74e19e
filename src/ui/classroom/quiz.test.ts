import { describe, expect, it } from 'vitest'
import type { QuizQuestion } from '../../engine/scenario/quiz'
import { isRight, questionKey, questionReached, stillAsked } from './quiz'

const q = (atS: number, question = `At ${atS}?`): QuizQuestion => ({
  atMs: atS * 1000,
  question,
  choices: ['a', 'b'],
  answer: 1,
})
const quiz = [q(10), q(40), q(40, 'Also at 40?'), q(90)]
const none = new Set<string>()

describe('the quiz player', () => {
  it('asks the first question the playing cursor reaches, its start included', () => {
    expect(questionReached(quiz, none, 0, 9.9)).toBeNull()
    expect(questionReached(quiz, none, 9.9, 10.2)?.atMs).toBe(10_000)
    expect(questionReached(quiz, none, 10, 10.016)?.atMs).toBe(10_000)
    // A big step (a slow frame at 64×) still stops at the first one it passed.
    expect(questionReached(quiz, none, 0, 100)?.atMs).toBe(10_000)
    expect(questionReached(quiz, none, 20, 20)).toBeNull()
  })

  it('does not ask again what was asked, and then asks the next one of the same second', () => {
    const asked = new Set([questionKey(quiz[0]!), questionKey(quiz[1]!)])
    expect(questionReached(quiz, asked, 10, 41)?.question).toBe('Also at 40?')
    asked.add(questionKey(quiz[2]!))
    expect(questionReached(quiz, asked, 40, 89)).toBeNull()
    expect(questionReached(quiz, asked, 40, 91)?.atMs).toBe(90_000)
  })

  it('forgets the questions after the cursor when it goes back, and keeps the others', () => {
    const asked = new Set(quiz.map(questionKey))
    expect(stillAsked(quiz, asked, 95)).toBe(asked)
    expect([...stillAsked(quiz, asked, 40)]).toEqual([
      questionKey(quiz[0]!),
      ...quiz.slice(1, 3).map(questionKey),
    ])
    expect([...stillAsked(quiz, asked, 39.9)]).toEqual([questionKey(quiz[0]!)])
    expect([...stillAsked(quiz, asked, 0)]).toEqual([])
  })

  it('tells the right answer from the others', () => {
    expect(isRight(quiz[0]!, 1)).toBe(true)
    expect(isRight(quiz[0]!, 0)).toBe(false)
  })
})
