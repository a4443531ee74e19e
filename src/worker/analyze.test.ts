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

  describe('re-simulating an edited scenario (DESIGN §2.4)', () => {
    const scenario = (timeline: string, duration = '10m'): string =>
      `apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  duration: ${duration}\n  timeline: [${timeline}]\n---\n` +
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n' +
      '  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx:1.27}]}\n'
    const scale = '{at: 5m, action: scale, target: deployment/web, replicas: 4}'
    const podCount = (a: ReturnType<typeof createAnalyzer>, atS: number): number => a.viewAt(atS)!.pods.length

    it('resumes an appended action from the keyframe before it, and answers as a fresh analysis does', () => {
      const a = createAnalyzer()
      expect(a.analyze(1, scenario(''), 0).resumedFromS).toBeNull()
      const reply = a.analyze(2, scenario(scale), 400)
      expect(reply.resumedFromS).toBe(270)
      const fresh = createAnalyzer()
      expect(reply).toEqual({ ...fresh.analyze(2, scenario(scale), 400), resumedFromS: 270 })
      expect([podCount(a, 290), podCount(a, 400)]).toEqual([2, 4])
      for (const t of [100, 290, 300, 301, 599])
        expect(a.kubectl(['get', 'pods', '-o', 'wide'], t)).toEqual(
          fresh.kubectl(['get', 'pods', '-o', 'wide'], t),
        )
    })

    it('resumes a longer horizon, asked by the page or by the duration, from the last keyframe', () => {
      const a = createAnalyzer()
      a.analyze(1, scenario(scale), 0)
      const longer = a.analyze(2, scenario(scale), 0, 900)
      expect(longer).toMatchObject({ horizonS: 900, resumedFromS: 600 })
      expect(podCount(a, 850)).toBe(4)
      expect(a.analyze(3, scenario(scale, '20m'), 0)).toMatchObject({ horizonS: 1200, resumedFromS: 900 })
      expect(a.kubectl(['get', 'deploy'], 1100)).toEqual(
        (() => {
          const fresh = createAnalyzer()
          fresh.analyze(1, scenario(scale, '20m'), 0)
          return fresh.kubectl(['get', 'deploy'], 1100)
        })(),
      )
    })

    it('resumes from the last good timeline across text with errors, and starts over when an object changes', () => {
      const a = createAnalyzer()
      a.analyze(1, scenario(''), 0)
      expect(a.analyze(2, scenario('{at: 5m, action: scale'), 0).view).toBeNull()
      expect(a.analyze(3, scenario(scale), 0).resumedFromS).toBe(270)
      expect(a.analyze(4, scenario(scale).replace('replicas: 2', 'replicas: 3'), 0).resumedFromS).toBeNull()
      expect(podCount(a, 200)).toBe(3)
    })
  })
})
