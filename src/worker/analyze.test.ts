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

  it('sends the Scenario’s quiz, sorted by time, for the player to ask', () => {
    const scenario =
      'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  quiz:\n' +
      '    - {at: 40s, question: Then?, choices: [a, b], answer: b, explain: Because.}\n' +
      '    - {at: 10s, question: First?, choices: [x, y], answer: 0}\n---\n'
    expect(createAnalyzer().analyze(1, scenario + pod, 0).quiz).toEqual([
      { atMs: 10_000, question: 'First?', choices: ['x', 'y'], answer: 0 },
      { atMs: 40_000, question: 'Then?', choices: ['a', 'b'], answer: 1, explain: 'Because.' },
    ])
    expect(createAnalyzer().analyze(1, pod, 0).quiz).toEqual([])
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
      // The same view, numbered on in this worker's stream of views.
      expect(reply).toEqual({ ...fresh.analyze(2, scenario(scale), 400), resumedFromS: 270, viewSeq: 2 })
      expect([podCount(a, 290), podCount(a, 400)]).toEqual([2, 4])
      for (const t of [100, 290, 300, 301, 599])
        expect(a.kubectl(['get', 'pods', '-o', 'wide'], t)).toEqual(
          fresh.kubectl(['get', 'pods', '-o', 'wide'], t),
        )
    })

    it('resumes a longer horizon, set by the duration, from the last keyframe', () => {
      const a = createAnalyzer()
      a.analyze(1, scenario(scale), 0)
      // The scenario fixes its duration, so the page's request for more does not apply.
      expect(a.analyze(2, scenario(scale), 0, 900)).toMatchObject({ horizonS: 600, horizonFixed: true })
      expect(a.analyze(3, scenario(scale, '20m'), 0)).toMatchObject({ horizonS: 1200, resumedFromS: 600 })
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

const liveness = `apiVersion: v1
kind: Pod
metadata: {name: liveness-exec}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe: {exec: {command: [cat, /tmp/healthy]}, initialDelaySeconds: 5, periodSeconds: 5}
`

describe('the page’s questions about one timeline', () => {
  it('grows the horizon on request unless the scenario fixes its duration', () => {
    const a = createAnalyzer()
    expect(a.analyze(1, pod, 0, 900)).toMatchObject({ horizonS: 900, horizonFixed: false })
    expect(a.analyze(2, pod, 0, 0)).toMatchObject({ horizonS: 600, horizonFixed: false })
    const fixed =
      'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec: {duration: 2m}\n---\n'
    expect(a.analyze(3, fixed + pod, 0, 900)).toMatchObject({ horizonS: 120, horizonFixed: true })
    expect(a.analyze(4, pod, 0, 10 * 24 * 3600).horizonS).toBe(24 * 3600)
    // Growing resumes from the last keyframe of the shorter timeline instead of starting over.
    a.analyze(5, pod, 0, 600)
    expect(a.analyze(6, pod, 0, 1200)).toMatchObject({ horizonS: 1200, resumedFromS: 600 })
  })

  it('links a restart to the probe failures before it and to the kill (reference G1)', () => {
    const a = createAnalyzer()
    a.analyze(1, liveness, 0)
    const [line] = a.explain('default', 'liveness-exec', 80)
    expect(line!.text).toContain('restarted 1 time')
    // Failures at 35, 40 and 45 s (failureThreshold 3 × periodSeconds 5 after the file goes at 30 s).
    expect(line!.moments.map((m) => [Math.floor(m.t), m.reason])).toEqual([
      [35, 'Unhealthy'],
      [40, 'Unhealthy'],
      [45, 'Unhealthy'],
      [45, 'Killing'],
    ])
  })

  it('lists the event occurrences up to the cursor, repeats included', () => {
    const a = createAnalyzer()
    a.analyze(1, liveness, 0)
    const events = a.events(45.07, 100)
    const unhealthy = events.filter((e) => e.reason === 'Unhealthy')
    expect(unhealthy.map((e) => e.t)).toEqual([35.07, 40.07, 45.07])
    expect(unhealthy[0]).toMatchObject({
      type: 'Warning',
      kind: 'Pod',
      namespace: 'default',
      name: 'liveness-exec',
      fieldPath: 'spec.containers{liveness}',
      message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    })
    expect(events.at(-1)!.reason).toBe('Killing')
    expect(a.events(45.07, 2).map((e) => e.reason)).toEqual(['Unhealthy', 'Killing'])
    expect(a.events(10, 100).every((e) => e.t <= 10)).toBe(true)
  })

  it('names the objects of the cluster and hands one over with its status', () => {
    const a = createAnalyzer()
    a.analyze(1, pod, 0)
    const refs = a.objects(60)
    expect(refs).toContainEqual({ kind: 'Pod', namespace: 'default', name: 'a' })
    expect(refs).toContainEqual({ kind: 'Node', namespace: '', name: 'worker-1' })
    expect(refs.some((r) => r.kind === 'Event')).toBe(false)
    const o = a.object('Pod', 'default', 'a', 60) as { status?: { phase?: string } }
    expect(o.status?.phase).toBe('Running')
    expect(a.object('Pod', 'default', 'nope', 60)).toBeNull()
  })

  it('marks the moment a pod turns ready, which no event reports', () => {
    const ready = createAnalyzer()
      .analyze(1, pod, 0)
      .markers.filter((m) => m.reason === 'Ready')
    expect(ready).toHaveLength(1)
    expect(ready[0]!.sample).toBe('Pod/a: all containers ready')
    const started = createAnalyzer()
      .analyze(1, pod, 0)
      .markers.find((m) => m.reason === 'Started')!
    expect(ready[0]!.t).toBeGreaterThanOrEqual(started.t)
  })
})
