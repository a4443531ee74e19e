import { describe, expect, it } from 'vitest'
import { createAnalyzer } from './analyze'

const pod =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: nginx:1.27}]}\n'

describe('createAnalyzer', () => {
  it('simulates good text and answers the cluster at any moment of the timeline', () => {
    const a = createAnalyzer()
    const reply = a.analyze(7, pod, 0)
    expect(reply).toMatchObject({
      revision: 7,
      objectCount: 1,
      kinds: { Pod: 1 },
      diagnostics: [],
      horizonS: 600,
    })
    expect(reply.view?.pods.map((p) => [p.name, p.status])).toEqual([['a', 'Pending']])
    expect(a.viewAt(60)?.pods.map((p) => [p.name, p.status, p.ready])).toEqual([['a', 'Running', '1/1']])
  })

  it('returns no view when the text has errors, and keeps the last good timeline', () => {
    const a = createAnalyzer()
    a.analyze(1, pod, 0)
    const reply = a.analyze(2, 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n', 30)
    expect(reply.view).toBeNull()
    expect(reply.diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml-syntax' })
    expect(a.viewAt(60)?.pods.map((p) => p.name)).toEqual(['a'])
  })

  it('takes the horizon from the Scenario document', () => {
    const scenario =
      'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec: {duration: 2m}\n---\n'
    expect(createAnalyzer().analyze(1, scenario + pod, 0).horizonS).toBe(120)
  })

  it('replies with plain data that survives structured cloning', () => {
    const reply = createAnalyzer().analyze(1, pod, 60)
    expect(structuredClone(reply)).toEqual(reply)
  })

  it('runs read-only kubectl commands at a moment of the timeline', () => {
    const a = createAnalyzer()
    expect(a.kubectl(['get', 'pods'], 10).stderr).toContain('not been simulated')
    a.analyze(1, pod, 0)
    expect(a.kubectl(['kubectl', 'get', 'pods'], 60)).toEqual({
      stdout: 'NAME   READY   STATUS    RESTARTS   AGE\na      1/1     Running   0          60s\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('marks the moments worth seeing on the timeline, one marker per second and reason', () => {
    const reply = createAnalyzer().analyze(1, pod, 0)
    const reasons = reply.markers.map((m) => m.reason)
    expect(reasons).toContain('Scheduled')
    expect(reasons).toContain('Started')
    const started = reply.markers.find((m) => m.reason === 'Started')!
    expect(started).toMatchObject({ type: 'Normal', count: 1 })
    expect(started.sample).toBe('Pod/a: Container started')
  })
})
