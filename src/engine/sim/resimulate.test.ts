import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { analyzeScenario } from '../analyze'
import { fnv32a } from '../model/names'
import type { LoadedObject } from '../model/object'
import { resimulate, simulate, type Timeline } from './simulate'
import type { SimState } from './state'

/**
 * DESIGN §2.4: a user action at the time cursor re-simulates from the nearest keyframe, and the future
 * after it is recomputed. The contract checked here: a resumed timeline is the timeline a fresh
 * `simulate` of the new scenario gives, byte for byte (DESIGN §2.1), while the previous one is left as
 * it was.
 */

const DEFAULT_SCENARIO = readFileSync(new URL('../../ui/default-scenario.yaml', import.meta.url), 'utf8')

/** Scenarios to edit: each the manifests after the Scenario document, and the targets actions may name. */
const BASES = {
  /** Two Node documents, a Deployment with probes (readiness failing for a while), a Service, a bare Pod. */
  nodes: {
    spec: {},
    manifests: `apiVersion: v1
kind: Node
metadata: {name: node-a, labels: {zone: a}}
status: {capacity: {cpu: "2", memory: 4Gi, pods: "20"}}
---
apiVersion: v1
kind: Node
metadata: {name: node-b, labels: {zone: b}}
status: {capacity: {cpu: "2", memory: 4Gi, pods: "20"}}
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
          ports: [{containerPort: 80}]
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
          livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
          resources: {requests: {cpu: 200m, memory: 64Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: solo}
spec:
  containers:
    - name: sh
      image: busybox:1.36
      args: [sh, -c, "touch /tmp/ok; sleep 3600"]
      livenessProbe: {exec: {command: [cat, /tmp/ok]}, periodSeconds: 5}
`,
    nodes: ['node-a', 'node-b'],
    pods: ['solo'],
  },
  /** The scenario's default cluster; a Deployment whose containers crash and loop in back-off. */
  crashloop: {
    spec: { nodes: 2 },
    manifests: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations:
        kubeplay.dev/behavior: |
          web:
            exit: {after: 20, code: 1}
    spec:
      containers:
        - {name: web, image: nginx:1.27, ports: [{containerPort: 80}], readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 3}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: solo}
spec:
  containers: [{name: web, image: nginx:1.27}]
`,
    nodes: ['node-1', 'node-2'],
    pods: ['solo'],
  },
  /** The page's default scenario (three nginx replicas behind a Service, the liveness-exec Pod). */
  default: {
    spec: {},
    manifests: DEFAULT_SCENARIO,
    nodes: ['node-1', 'node-2', 'node-3'],
    pods: ['liveness-exec'],
  },
} as const

type Base = (typeof BASES)[keyof typeof BASES]
type Entry = Record<string, unknown>

function scenarioText(base: Base, timeline: readonly Entry[], durationS: number): string {
  const doc = {
    apiVersion: 'kubeplay.dev/v1alpha1',
    kind: 'Scenario',
    metadata: { name: 'edit' },
    spec: { ...base.spec, duration: `${durationS}s`, timeline },
  }
  return `${stringify(doc)}---\n${base.manifests}`
}

function load(text: string): readonly LoadedObject[] {
  const analysis = analyzeScenario(text)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return analysis.objects
}

const image = (tag: string): Entry => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: `nginx:${tag}`, ports: [{ containerPort: 80 }] }] },
    },
  },
})

/** One timeline entry, as the UI records it: at any millisecond, or on a keyframe boundary. */
function entry(base: Base): fc.Arbitrary<Entry> {
  const at = fc.oneof(
    fc.integer({ min: 0, max: 600_000 }).map((ms) => `${ms}ms`),
    fc.integer({ min: 0, max: 20 }).map((k) => `${k * 30_000}ms`),
  )
  const node = fc.constantFrom(...base.nodes).map((n) => `node/${n}`)
  const pod = fc.constantFrom(...base.pods).map((p) => `pod/${p}`)
  return fc.oneof(
    fc.record({
      at,
      action: fc.constant('scale'),
      target: fc.constant('deployment/web'),
      replicas: fc.integer({ min: 0, max: 6 }),
    }),
    fc.record({
      at,
      action: fc.constantFrom('fail-node', 'recover-node', 'cordon', 'uncordon', 'drain'),
      target: node,
    }),
    fc.record({
      at,
      action: fc.constant('delete'),
      target: fc.oneof(pod, fc.constantFrom('service/web', 'deployment/web')),
    }),
    fc.record({ at, action: fc.constant('kill-container'), target: pod, exitCode: fc.constantFrom(1, 137) }),
    fc.record({ at, action: fc.constant('apply'), manifest: fc.constantFrom('1.27', '1.28').map(image) }),
  )
}

/** An edit of the action list: what a user does at the time cursor, or in the editor. */
type Edit =
  | { op: 'insert'; pos: number; entry: Entry }
  | { op: 'remove'; pos: number }
  | { op: 'change'; pos: number; entry: Entry }
  | { op: 'retime'; pos: number; at: number }
  | { op: 'duration'; seconds: number }

function edit(base: Base): fc.Arbitrary<Edit> {
  const pos = fc.nat({ max: 20 })
  return fc.oneof(
    fc.record({ op: fc.constant('insert' as const), pos, entry: entry(base) }),
    fc.record({ op: fc.constant('remove' as const), pos }),
    fc.record({ op: fc.constant('change' as const), pos, entry: entry(base) }),
    fc.record({ op: fc.constant('retime' as const), pos, at: fc.integer({ min: 0, max: 600_000 }) }),
    fc.record({ op: fc.constant('duration' as const), seconds: fc.integer({ min: 60, max: 600 }) }),
  )
}

function applyEdits(
  timeline: readonly Entry[],
  durationS: number,
  edits: readonly Edit[],
): [Entry[], number] {
  const out = [...timeline]
  let d = durationS
  for (const e of edits) {
    if (e.op === 'duration') d = e.seconds
    else if (e.op === 'insert') out.splice(e.pos % (out.length + 1), 0, e.entry)
    else if (out.length === 0) continue
    else if (e.op === 'remove') out.splice(e.pos % out.length, 1)
    else if (e.op === 'change') out[e.pos % out.length] = e.entry
    else out[e.pos % out.length] = { ...out[e.pos % out.length], at: `${e.at}ms` }
  }
  return [out, d]
}

/**
 * Everything a state holds, as text: Maps and Sets as entry lists, and whatever fields other modules
 * keep on the state. Left out: the ownership token and copy-on-write flags (bookkeeping of sharing) and
 * the log (compared on its own).
 */
function digest(s: SimState): string {
  const { owner: _owner, shared: _shared, log: _log, ...rest } = s
  return JSON.stringify(rest, (_k, v: unknown) =>
    v instanceof Map ? { map: [...v.entries()] } : v instanceof Set ? { set: [...v] } : v,
  )
}

function logText(t: Timeline): string {
  return JSON.stringify(t.log)
}

/** The times to compare the state at: around the keyframes, the actions, the horizon, and random ones. */
function probeTimes(a: Timeline, b: Timeline, extra: readonly number[]): number[] {
  const out = new Set<number>([0, a.untilMs, a.untilMs - 1, ...extra])
  const resumed = b.run.resumedFrom
  if (resumed !== null) for (const t of [resumed - 1, resumed, resumed + 1, resumed + 5_000]) out.add(t)
  return [...out].filter((t) => t >= 0 && t <= a.untilMs)
}

function expectSameTimeline(resumed: Timeline, fresh: Timeline, times: readonly number[]): void {
  expect(resumed.untilMs).toBe(fresh.untilMs)
  expect(resumed.log.length).toBe(fresh.log.length)
  expect(fnv32a(logText(resumed)).toString(16)).toBe(fnv32a(logText(fresh)).toString(16))
  expect(logText(resumed)).toBe(logText(fresh))
  expect(resumed.keyframes.map((k) => [k.at, k.logLength, k.nextAt])).toEqual(
    fresh.keyframes.map((k) => [k.at, k.logLength, k.nextAt]),
  )
  resumed.keyframes.forEach((k, i) => {
    expect(digest(k.state), `keyframe ${i} at ${k.at}`).toBe(digest(fresh.keyframes[i]!.state))
  })
  for (const t of times) expect(digest(resumed.stateAt(t)), `stateAt(${t})`).toBe(digest(fresh.stateAt(t)))
}

describe('resimulate: a resumed run is the fresh run of the new scenario (DESIGN §2.1, §2.4)', () => {
  for (const [name, base] of Object.entries(BASES)) {
    it(`${name}: random edits of the action list and the duration give the log, keyframes and states of a fresh run`, () => {
      fc.assert(
        fc.property(
          fc.array(entry(base), { maxLength: 5 }),
          fc.integer({ min: 60, max: 600 }),
          fc.array(edit(base), { minLength: 1, maxLength: 4 }),
          fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 3, maxLength: 3 }),
          (timeline, durationS, edits, randomTimes) => {
            const before = load(scenarioText(base, timeline, durationS))
            const previous = simulate(before, { untilMs: durationS * 1000 })
            // The previous timeline may still be on screen: it must not change while the next is built.
            const previousLog = logText(previous)
            const previousStates = previous.keyframes.map((k) => digest(k.state))
            const previousAt = randomTimes.map((t) => digest(previous.stateAt(t)))

            const [after, untilS] = applyEdits(timeline, durationS, edits)
            const objects = load(scenarioText(base, after, untilS))
            const resumed = resimulate(previous, objects, { untilMs: untilS * 1000 })
            const fresh = simulate(objects, { untilMs: untilS * 1000 })
            const actionTimes = after.flatMap((e) => [parseInt(String(e.at)), parseInt(String(e.at)) + 1])
            expectSameTimeline(resumed, fresh, probeTimes(fresh, resumed, [...randomTimes, ...actionTimes]))

            expect(logText(previous)).toBe(previousLog)
            expect(previous.keyframes.map((k) => digest(k.state))).toEqual(previousStates)
            expect(randomTimes.map((t) => digest(previous.stateAt(t)))).toEqual(previousAt)
          },
        ),
        { numRuns: name === 'default' ? 10 : 15 },
      )
    }, 120_000)
  }
})

describe('resimulate: what it reuses', () => {
  const base = BASES.nodes
  const scale = { at: '300s', action: 'scale', target: 'deployment/web', replicas: 5 }
  const previous = simulate(load(scenarioText(base, [], 600)), { untilMs: 600_000 })

  it('resumes an action appended at 5 min from the last keyframe before it, sharing the keyframes up to there', () => {
    const objects = load(scenarioText(base, [scale], 600))
    const resumed = resimulate(previous, objects, { untilMs: 600_000 })
    const fresh = simulate(objects, { untilMs: 600_000 })
    const from = Math.max(...previous.keyframes.map((k) => k.at).filter((at) => at < 300_000))
    expect(from).toBeGreaterThanOrEqual(270_000)
    expect(resumed.run.resumedFrom).toBe(from)
    expect(fresh.run.resumedFrom).toBeNull()
    // It ran only what follows the keyframe: fewer steps than the fresh run, which ran them all.
    expect(resumed.run.steps).toBeGreaterThan(0)
    expect(resumed.run.steps).toBeLessThan(fresh.run.steps / 2)
    const kept = resumed.keyframes.filter((k) => k.at <= from)
    for (const [i, k] of kept.entries()) expect(k.state.objects).toBe(previous.keyframes[i]!.state.objects)
    expect(resumed.keyframes[kept.length]!.state.objects).not.toBe(
      previous.keyframes[kept.length]!.state.objects,
    )
    expectSameTimeline(resumed, fresh, [from, 299_999, 300_000, 300_001, 450_000])
  })

  it('resumes a longer horizon from the last keyframe, and a shorter one from the last within it', () => {
    const objects = load(scenarioText(base, [], 900))
    const longer = resimulate(previous, objects, { untilMs: 900_000 })
    expect(longer.run.resumedFrom).toBe(previous.keyframes.at(-1)!.at)
    expect(longer.run.resumedFrom).toBeGreaterThanOrEqual(570_000)
    expectSameTimeline(longer, simulate(objects, { untilMs: 900_000 }), [599_999, 600_000, 750_000])
    const shorter = resimulate(longer, objects, { untilMs: 200_000 })
    expect(shorter.run.resumedFrom).toBe(
      Math.max(...longer.keyframes.map((k) => k.at).filter((at) => at <= 200_000)),
    )
    expectSameTimeline(shorter, simulate(objects, { untilMs: 200_000 }), [100_000, 199_999])
  })

  it('compares the scenarios by content: a text laid out differently resumes', () => {
    const text = scenarioText(base, [scale], 600)
    const objects = load(text)
    const first = resimulate(previous, objects, { untilMs: 600_000 })
    // The same documents, with comments and blank lines moving every source position.
    const moved = load(`# a comment\n\n${text.replace(/\n---\n/g, '\n---\n# another\n\n')}`)
    expect(moved[1]!.range).not.toEqual(objects[1]!.range)
    const again = resimulate(first, moved, { untilMs: 600_000 })
    expect(again.run.resumedFrom).toBe(first.keyframes.at(-1)!.at)
    expect(again.run.steps).toBeLessThan(first.run.steps)
    expectSameTimeline(again, first, [100_000, 400_000])
  })

  it('treats timeline entries by their time: listing them in another order changes nothing', () => {
    const cordon = { at: '100s', action: 'cordon', target: 'node/node-a' }
    const a = simulate(load(scenarioText(base, [scale, cordon], 600)), { untilMs: 600_000 })
    const reordered = load(scenarioText(base, [cordon, scale], 600))
    const b = resimulate(a, reordered, { untilMs: 600_000 })
    expect(b.run.resumedFrom).toBe(a.keyframes.at(-1)!.at)
    expect(logText(b)).toBe(logText(simulate(reordered, { untilMs: 600_000 })))
    expect(logText(b)).toBe(logText(a))
  })

  it('starts from t = 0 when anything but the actions or the horizon changed', () => {
    const changed = [
      load(scenarioText(base, [], 600).replace('replicas: 3', 'replicas: 4')),
      load(scenarioText({ ...base, spec: { nodes: 2 } }, [], 600)),
      load(scenarioText(base, [], 600).replace('name: solo', 'name: alone')),
    ]
    for (const objects of changed) {
      const t = resimulate(previous, objects, { untilMs: 600_000 })
      expect(t.run.resumedFrom).toBeNull()
      expect(logText(t)).toBe(logText(simulate(objects, { untilMs: 600_000 })))
    }
    const same = load(scenarioText(base, [], 600))
    expect(resimulate(previous, same, { untilMs: 600_000, seed: 2 }).run.resumedFrom).toBeNull()
    expect(resimulate(previous, same, { untilMs: 600_000, epochMs: 0 }).run.resumedFrom).toBeNull()
    expect(
      resimulate(previous, same, { untilMs: 600_000, keyframeEveryMs: 10_000 }).run.resumedFrom,
    ).toBeNull()
  })

  it('resumes from the keyframe at t = 0 when the first action changes at t = 0', () => {
    const objects = load(scenarioText(base, [{ at: '0s', action: 'cordon', target: 'node/node-a' }], 600))
    const resumed = resimulate(previous, objects, { untilMs: 600_000 })
    expect(resumed.run.resumedFrom).toBe(0)
    expectSameTimeline(resumed, simulate(objects, { untilMs: 600_000 }), [1, 60_000])
  })
})
