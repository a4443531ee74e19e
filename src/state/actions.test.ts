import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { analyzeScenario } from '../engine'
import { scenarioActions } from '../engine/sim/actions'
import { actionTarget, addAction, ActionEditError, formatAt } from './actions'

const pod = `# A pod to act on
apiVersion: v1
kind: Pod
metadata:
  name: web-0   # the only pod
spec:
  containers:
    - name: app
      image: nginx:1.27
`

/** The timeline as the engine reads it back from the text. */
const timeline = (text: string) => {
  const { objects, diagnostics } = analyzeScenario(text)
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return scenarioActions(objects).map((a) => ({ ...a }))
}

describe('actionTarget and formatAt', () => {
  it('names targets as the engine parses them', () => {
    expect(actionTarget('Pod', 'default', 'web-0')).toBe('pod/web-0')
    expect(actionTarget('Pod', 'shop', 'web-0')).toBe('pod/shop/web-0')
    expect(actionTarget('Deployment', 'default', 'web')).toBe('deployment/web')
    expect(actionTarget('Node', '', 'worker-1')).toBe('node/worker-1')
  })
  it('writes the cursor as whole seconds', () => {
    expect(formatAt(83.9)).toBe('83s')
    expect(formatAt(0)).toBe('0s')
  })
})

describe('addAction', () => {
  it('creates the Scenario document at the end when there is none, leaving the rest as it was', () => {
    const { text, line } = addAction(pod, 83.4, { action: 'delete', target: 'pod/web-0' })
    expect(text.startsWith(pod)).toBe(true)
    expect(text.slice(pod.length)).toBe(
      [
        '---',
        'apiVersion: kubeplay.dev/v1alpha1',
        'kind: Scenario',
        'metadata:',
        '  name: scenario',
        'spec:',
        '  timeline:',
        '    - { at: 83s, action: delete, target: pod/web-0 }',
        '',
      ].join('\n'),
    )
    expect(text.split('\n')[line - 1]).toBe('    - { at: 83s, action: delete, target: pod/web-0 }')
    expect(timeline(text)).toEqual([{ at: 83_000, action: 'delete', target: 'pod/web-0' }])
  })

  it('adds a document separator only when one is needed', () => {
    expect(addAction('', 5, { action: 'cordon', target: 'node/worker-1' }).text).toMatch(/^apiVersion/)
    const noNewline = addAction(pod.trimEnd(), 5, { action: 'cordon', target: 'node/worker-1' }).text
    expect(noNewline).toContain('image: nginx:1.27\n---\napiVersion: kubeplay.dev/v1alpha1')
    const endsWithSeparator = addAction(`${pod}---\n`, 5, { action: 'cordon', target: 'node/worker-1' })
    expect(endsWithSeparator.text).not.toContain('---\n---')
  })

  const scenario = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: node-failure}
spec:
  title: A node dies   # trailing comment
  duration: 10m
  timeline:                     # scripted actions
    - {at: 60s,  action: fail-node,   target: node/worker-2}
    # the scale-up
    - {at: 120s, action: scale,       target: deployment/web, replicas: 5}
---
${pod}`

  it('inserts into an existing timeline in time order, byte for byte elsewhere', () => {
    const { text, line } = addAction(scenario, 90, {
      action: 'kill-container',
      target: 'pod/web-0',
      container: 'app',
      exitCode: 1,
    })
    const added = '    - { at: 90s, action: kill-container, target: pod/web-0, container: app, exitCode: 1 }'
    const lines = scenario.split('\n')
    expect(text).toBe([...lines.slice(0, 8), added, ...lines.slice(8)].join('\n'))
    expect(line).toBe(9)
    expect(timeline(text).map((a) => [a.at, a.action])).toEqual([
      [60_000, 'fail-node'],
      [90_000, 'kill-container'],
      [120_000, 'scale'],
    ])
    const kill = timeline(text)[1]!
    expect(kill).toMatchObject({ container: 'app', exitCode: 1, target: 'pod/web-0' })
  })

  it('puts an action before every later one, and after those at the same time', () => {
    const first = addAction(scenario, 10, { action: 'drain', target: 'node/worker-1' })
    expect(first.text.split('\n')[first.line - 1]).toBe(
      '    - { at: 10s, action: drain, target: node/worker-1 }',
    )
    expect(first.line).toBe(8)
    const same = addAction(scenario, 60, { action: 'recover-node', target: 'node/worker-2' })
    expect(timeline(same.text).map((a) => a.action)).toEqual(['fail-node', 'recover-node', 'scale'])
    const last = addAction(scenario, 300, { action: 'scale', target: 'deployment/web', replicas: 1 })
    expect(timeline(last.text).map((a) => [a.at, a.replicas])).toEqual([
      [60_000, undefined],
      [120_000, 5],
      [300_000, 1],
    ])
    // The document after the Scenario is untouched.
    expect(last.text.endsWith(`---\n${pod}`)).toBe(true)
  })

  it('writes block entries among block entries', () => {
    const block = `kind: Scenario
apiVersion: kubeplay.dev/v1alpha1
metadata:
  name: s
spec:
  timeline:
  - at: 30s
    action: cordon
    target: node/worker-1
`
    const { text } = addAction(block, 45, { action: 'uncordon', target: 'node/worker-1' })
    expect(text).toBe(`${block}  - at: 45s\n    action: uncordon\n    target: node/worker-1\n`)
  })

  it('adds spec.timeline to a Scenario that has none, under its other keys', () => {
    const noTimeline = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata:
  name: s
spec:
  duration: 5m   # five minutes
  nodes: 2
---
${pod}`
    const { text, line } = addAction(noTimeline, 20, { action: 'fail-node', target: 'node/worker-1' })
    expect(text).toBe(
      noTimeline.replace(
        'nodes: 2\n',
        'nodes: 2\n  timeline:\n    - { at: 20s, action: fail-node, target: node/worker-1 }\n',
      ),
    )
    expect(line).toBe(8)
    const noSpec = 'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: s}\n'
    expect(addAction(noSpec, 20, { action: 'fail-node', target: 'node/worker-1' }).text).toBe(
      `${noSpec}spec:\n  timeline:\n    - { at: 20s, action: fail-node, target: node/worker-1 }\n`,
    )
  })

  it('edits a flow-style timeline through the Document, keeping its comments', () => {
    const flow = `${pod}---
# playground settings
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: s}
spec: {duration: 2m, timeline: []}
`
    const { text, line } = addAction(flow, 7, { action: 'delete', target: 'pod/web-0' })
    expect(text.startsWith(`${pod}---\n# playground settings\n`)).toBe(true)
    expect(text.split('\n')[line - 1]?.trim()).toBe('- { at: 7s, action: delete, target: pod/web-0 }')
    expect(timeline(text)).toEqual([{ at: 7000, action: 'delete', target: 'pod/web-0' }])
    const docs = parseAllDocuments(text)
    expect(docs).toHaveLength(2)
  })

  it('refuses to edit a Scenario document that does not parse', () => {
    const broken = 'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nspec:\n  timeline: [oops\n'
    expect(() => addAction(broken, 1, { action: 'delete', target: 'pod/x' })).toThrow(ActionEditError)
  })

  it('keeps CRLF line ends', () => {
    const crlf = scenario.replace(/\n/g, '\r\n')
    const { text } = addAction(crlf, 90, { action: 'delete', target: 'pod/web-0' })
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
  })
})
