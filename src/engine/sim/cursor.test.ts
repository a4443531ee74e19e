import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate } from './simulate'
import type { SimState } from './state'

/**
 * `Timeline.cursor()`: playback asks for moment after moment, and the cursor goes on replaying from
 * the last one instead of starting over from a keyframe. Keyframes stand for the run's state at their
 * moment (DESIGN §2.1, §2.4), so both ways must give the same state, field for field.
 */

const SCENARIO = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: cursor}
spec:
  nodes: 2
  duration: 300s
  timeline:
    - {at: 95s, action: scale, target: deployment/web, replicas: 5}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations:
        kubeplay.dev/behavior: |
          web:
            probes:
              readiness: {fail: [[40, 80]]}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
          livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
---
apiVersion: v1
kind: Pod
metadata: {name: crashy}
spec:
  restartPolicy: Always
  containers:
    - name: sh
      image: busybox:1.36
      args: [sh, -c, "sleep 7; exit 1"]
`

/** Everything of a state but what is not the cluster's (copy-on-write flags, the replay's own log). */
function digest(s: SimState): string {
  const { owner: _owner, shared: _shared, log: _log, ...rest } = s
  return JSON.stringify(rest, (_k, v: unknown) =>
    v instanceof Map ? { map: [...v.entries()] } : v instanceof Set ? { set: [...v] } : v,
  )
}

const analysis = analyzeScenario(SCENARIO)
const timeline = simulate(analysis.objects, { untilMs: 300_000, keyframeEveryMs: 20_000 })

describe('a timeline cursor (playback)', () => {
  it('reads a scenario without errors, and keyframes lie between the moments asked', () => {
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(timeline.keyframes.length).toBeGreaterThan(10)
  })

  it('gives the state stateAt gives, moving forward in steps, through keyframes, and jumping back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300_000 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: -120_000, max: 60_000 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (start, moves) => {
          const cursor = timeline.cursor()
          let t = start
          for (const move of [0, ...moves]) {
            t = Math.max(0, Math.min(300_000, t + move))
            expect(digest(cursor.stateAt(t)), `t=${t}`).toBe(digest(timeline.stateAt(t)))
          }
        },
      ),
      { numRuns: 40 },
    )
  }, 120_000)

  it('goes on with the same replay while it moves forward between two keyframes', () => {
    const cursor = timeline.cursor()
    const first = cursor.stateAt(41_000)
    expect(cursor.stateAt(41_270)).toBe(first)
    expect(cursor.stateAt(59_900)).toBe(first)
    // Past the next keyframe (60 s) or back in time, it starts again from a keyframe.
    expect(cursor.stateAt(61_000)).not.toBe(first)
    const second = cursor.stateAt(61_500)
    expect(cursor.stateAt(50_000)).not.toBe(second)
  })
})
