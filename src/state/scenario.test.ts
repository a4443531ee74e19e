import { beforeEach, describe, expect, it } from 'vitest'
import { createAnalyzer } from '../worker/analyze'

const analyze = (revision: number, text: string) => createAnalyzer().analyze(revision, text, 60)
import { selectSimReady, useScenario } from './scenario'

const good = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: x}]}\n'

describe('useScenario', () => {
  beforeEach(() => useScenario.setState(useScenario.getInitialState(), true))

  it('keeps the last good view when the text gains a syntax error', () => {
    const s = useScenario.getState()
    s.setText(good)
    s.acceptReply(analyze(useScenario.getState().revision, good))
    expect(useScenario.getState().view?.pods.map((p) => p.name)).toEqual(['a'])

    const bad = `${good}  oops: [\n`
    useScenario.getState().setText(bad)
    expect(selectSimReady(useScenario.getState())).toBe(false)
    useScenario.getState().acceptReply(analyze(useScenario.getState().revision, bad))
    const after = useScenario.getState()
    expect(selectSimReady(after)).toBe(true)
    expect(after.diagnostics.length).toBeGreaterThan(0)
    expect(after.viewIsCurrent).toBe(false)
    expect(after.view?.pods.map((p) => p.name)).toEqual(['a'])
  })

  it('drops replies for text that has since changed', () => {
    useScenario.getState().setText(good)
    const stale = analyze(useScenario.getState().revision, good)
    useScenario.getState().setText(`${good}# edited\n`)
    useScenario.getState().acceptReply(stale)
    expect(useScenario.getState().analyzedRevision).toBe(-1)
    expect(useScenario.getState().view).toBeNull()
  })
})
