import { beforeEach, describe, expect, it } from 'vitest'
import { createAnalyzer } from '../worker/analyze'
import { performAction, useNotice } from './perform'
import { useScenario } from './scenario'
import { useTimeline } from './timeline'

const pod =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: nginx:1.27}]}\n'

describe('performAction', () => {
  beforeEach(() => {
    useScenario.setState(useScenario.getInitialState(), true)
    useTimeline.setState(useTimeline.getInitialState(), true)
  })

  it('writes the action at the cursor into the text, which re-simulates with its effect', async () => {
    useScenario.getState().setText(pod)
    useTimeline.getState().setTime(40.6)
    expect(await performAction({ action: 'delete', target: 'pod/a' })).toBe(true)
    const { text } = useScenario.getState()
    expect(text).toContain('- { at: 40s, action: delete, target: pod/a }')
    expect(useTimeline.getState().timeS).toBe(40.6)
    expect(useNotice.getState().notice?.text).toMatch(/^delete pod\/a at t = 40s: added/)
    const a = createAnalyzer()
    a.analyze(1, text, 0)
    expect(a.viewAt(39)?.pods.map((p) => p.status)).toEqual(['Running'])
    // nginx exits at once on SIGTERM: the pod is gone soon after, its kill in the events.
    expect(a.viewAt(45)?.pods).toEqual([])
    expect(a.events(45, 100).find((e) => e.reason === 'Killing')?.t).toBeGreaterThanOrEqual(40)
  })

  it('refuses while the text has errors', async () => {
    useScenario.getState().setText(`${pod}  bad: [\n`)
    useScenario.setState({ diagnostics: [{ severity: 'error', code: 'x', message: 'm', line: 1, col: 1, endLine: 1, endCol: 2 }] }) // prettier-ignore
    const before = useScenario.getState().text
    expect(await performAction({ action: 'delete', target: 'pod/a' })).toBe(false)
    expect(useScenario.getState().text).toBe(before)
    expect(useNotice.getState().notice?.kind).toBe('error')
  })
})
