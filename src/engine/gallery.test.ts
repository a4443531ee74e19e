import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'
import { kubectl } from './kubectl/command'
import { parseDuration } from './model/duration'
import { readQuiz } from './scenario/quiz'
import { simulate, type Timeline } from './sim/simulate'
import { clusterObjects } from './views'

/**
 * The gallery (public/scenarios/): every lesson loads without errors, says what it teaches and when, and
 * its stated outcome is what the simulation shows, checked with kubectl the way a learner would. Each
 * block cites the reference section (/work/shared/reference/k8s-semantics.md) behind the outcome.
 */

const DIR = fileURLToPath(new URL('../../public/scenarios/', import.meta.url))
const index = JSON.parse(readFileSync(`${DIR}index.json`, 'utf8')) as { version: number; scenarios: string[] }

interface Lesson {
  readonly tl: Timeline
  readonly spec: {
    title?: unknown
    description?: unknown
    watch?: unknown
    moment?: { at?: unknown; select?: unknown }
    duration?: unknown
    quiz?: unknown
  }
  at(s: number): {
    pods: Pod[]
    events: Event[]
    get(args: string): string
    objects: ReturnType<typeof clusterObjects>
  }
}

function lesson(file: string): Lesson {
  const analysis = analyzeScenario(readFileSync(`${DIR}${file}`, 'utf8'))
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  const scenario = analysis.objects.find((o) => o.kind === 'Scenario')
  const spec = (scenario?.body.spec ?? {}) as Lesson['spec']
  const untilMs = parseDuration(spec.duration) ?? 600_000
  const tl = simulate(analysis.objects, { untilMs })
  return {
    tl,
    spec,
    at(s) {
      const objects = clusterObjects(tl.stateAt(s * 1000))
      return {
        objects,
        pods: objects.pods,
        events: objects.events,
        get: (args: string) => kubectl(args.split(' '), objects, tl.epochMs + s * 1000).stdout,
      }
    },
  }
}

const cache = new Map<string, Lesson>()
const load = (file: string): Lesson => {
  let l = cache.get(file)
  if (!l) cache.set(file, (l = lesson(file)))
  return l
}

/** The kubectl `get pods` row of one pod: [name, ready, status, restarts]. */
const row = (l: Lesson, s: number, name: string, ns = 'default'): string[] =>
  (
    l
      .at(s)
      .get(`get pods -n ${ns}`)
      .split('\n')
      .find((x) => x.startsWith(`${name} `)) ?? ''
  )
    .split(/\s{2,}/)
    .slice(0, 4)
const reasons = (l: Lesson, s: number, reason: string): Event[] =>
  l.at(s).events.filter((e) => e.reason === reason)
const seconds = (l: Lesson, stamp: string | null | undefined): number =>
  (Date.parse(stamp ?? '') - l.tl.epochMs) / 1000
const condition = (p: Pod | undefined, type: string) =>
  p?.status?.conditions?.find((c) => c.type === type)?.status

describe('the gallery index', () => {
  it('lists every scenario file exactly once, and at least 12 of them (issue 7 §3)', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'))
    expect([...index.scenarios].sort()).toEqual(files.sort())
    expect(new Set(index.scenarios).size).toBe(index.scenarios.length)
    expect(index.scenarios.length).toBeGreaterThanOrEqual(12)
  })

  for (const file of index.scenarios) {
    it(`${file}: has a title, an explanation, what to watch for, and a moment within its horizon`, () => {
      const { spec, tl } = load(file)
      expect(typeof spec.title).toBe('string')
      expect(String(spec.description).length).toBeGreaterThan(120)
      expect(String(spec.watch).length).toBeGreaterThan(40)
      const moment = parseDuration(spec.moment?.at)
      expect(moment).not.toBeNull()
      expect(moment!).toBeGreaterThan(0)
      expect(moment!).toBeLessThanOrEqual(tl.untilMs)
      // The selected object exists at that moment.
      const select = String(spec.moment?.select ?? '')
      const [kind, ...rest] = select.split('/')
      const name = rest.at(-1)!
      const ns = rest.length === 2 ? rest[0] : undefined
      const out = load(file)
        .at(moment! / 1000)
        .get(`get ${kind} ${name}${ns ? ` -n ${ns}` : ''} -o name`)
      expect(out.trim(), select).toMatch(new RegExp(`/${name}$`))
    })
  }
})

describe('docs-exec-liveness: restarted after the file is gone (reference G1, A2, A8)', () => {
  const l = load('docs-exec-liveness.yaml')
  it('no failure within 30 s; three Unhealthy then Killing; RESTARTS 1 at about 75 s; READY 1/1', () => {
    expect(reasons(l, 30, 'Unhealthy')).toEqual([])
    const unhealthy = reasons(l, 60, 'Unhealthy')[0]
    expect(unhealthy?.count).toBe(3)
    expect(unhealthy?.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    )
    expect(reasons(l, 60, 'Killing')[0]?.message).toBe(
      'Container liveness failed liveness probe, will be restarted',
    )
    expect(row(l, 60, 'liveness-exec')).toEqual(['liveness-exec', '1/1', 'Running', '0'])
    expect(row(l, 80, 'liveness-exec').slice(0, 3)).toEqual(['liveness-exec', '1/1', 'Running'])
    expect(row(l, 80, 'liveness-exec')[3]).toMatch(/^1 \(\d+s ago\)$/)
  })
})

describe('quiz-liveness: the answers are what happens (reference G1, A2, A8)', () => {
  const l = load('quiz-liveness.yaml')
  const quiz = readQuiz(l.spec.quiz)
  const uid = (s: number) => l.at(s).pods[0]?.metadata?.uid
  it('asks before the kill, then before the restart, and both right answers come true', () => {
    expect(quiz.map((q) => q.atMs)).toEqual([40_000, 50_000])
    // At 40 s: nothing has happened yet, so the question is a prediction.
    expect(row(l, 40, 'liveness-exec')).toEqual(['liveness-exec', '1/1', 'Running', '0'])
    expect(reasons(l, 40, 'Killing')).toEqual([])
    // Answer 1: killed after the third failure, to be restarted in the same pod; never not ready.
    expect(quiz[0]!.choices[quiz[0]!.answer]).toMatch(/kills the container, to restart it in the same pod/)
    expect(reasons(l, 50, 'Unhealthy')[0]?.count).toBe(3)
    expect(reasons(l, 50, 'Killing')[0]?.message).toBe(
      'Container liveness failed liveness probe, will be restarted',
    )
    for (let s = 10; s <= 90; s += 5) expect(row(l, s, 'liveness-exec')[1], `t=${s}s`).toBe('1/1')
    expect(l.at(90).pods).toHaveLength(1)
    expect(uid(90)).toBe(uid(20))
    // Answer 2: the restart waits for the 30 s grace period (the shell ignores SIGTERM), not a back-off.
    expect(quiz[1]!.choices[quiz[1]!.answer]).toMatch(/About 30 s later/)
    const killedAt = seconds(l, reasons(l, 50, 'Killing')[0]?.lastTimestamp)
    expect(killedAt).toBeGreaterThan(40)
    expect(killedAt).toBeLessThan(50)
    expect(row(l, killedAt + 25, 'liveness-exec')[3]).toBe('0')
    expect(row(l, killedAt + 32, 'liveness-exec')[3]).toMatch(/^1 \(\d+s ago\)$/)
    const last = l.at(90).pods[0]?.status?.containerStatuses?.[0]?.lastState?.terminated
    expect(last?.exitCode).toBe(137)
  })
})

describe('docs-http-liveness: agnhost fails /healthz after 10 s (reference G2, C1)', () => {
  const l = load('docs-http-liveness.yaml')
  it('fails with status 500, restarts, and reaches CrashLoopBackOff by 2 minutes', () => {
    expect(reasons(l, 30, 'Unhealthy')[0]?.message).toBe(
      'Liveness probe failed: HTTP probe failed with statuscode: 500',
    )
    expect(row(l, 120, 'liveness-http').slice(0, 3)).toEqual(['liveness-http', '0/1', 'CrashLoopBackOff'])
  })
})

describe('docs-tcp-probes: Ready after the first readiness tick at 15 s (reference G3, A2, A3)', () => {
  const l = load('docs-tcp-probes.yaml')
  it('READY 0/1 before 15 s, 1/1 at 30 s, never restarted, no Unhealthy', () => {
    expect(row(l, 14, 'goproxy')).toEqual(['goproxy', '0/1', 'Running', '0'])
    expect(row(l, 30, 'goproxy')).toEqual(['goproxy', '1/1', 'Running', '0'])
    expect(row(l, 180, 'goproxy')).toEqual(['goproxy', '1/1', 'Running', '0'])
    expect(reasons(l, 180, 'Unhealthy')).toEqual([])
  })
})

describe('liveness-crashloop: killed before it is up, then backed off (reference A2, C1)', () => {
  const l = load('liveness-crashloop.yaml')
  it('is restarted and in CrashLoopBackOff at its moment, with growing gaps between restarts', () => {
    expect(row(l, 180, 'slow-app').slice(0, 3)).toEqual(['slow-app', '0/1', 'CrashLoopBackOff'])
    expect(Number(row(l, 180, 'slow-app')[3]!.split(' ')[0])).toBeGreaterThanOrEqual(3)
    const restarts = (s: number) => Number(row(l, s, 'slow-app')[3]!.split(' ')[0])
    // 10 → 20 → 40 s back-off: fewer restarts in the second five minutes than in the first.
    expect(restarts(600) - restarts(300)).toBeLessThan(restarts(300))
  })
})

describe('startup-probe: the same slow app survives (reference A4 startup holds the other probes)', () => {
  const l = load('startup-probe.yaml')
  it('never restarts, is not Ready before the app is up and is Ready after', () => {
    expect(row(l, 55, 'slow-app')).toEqual(['slow-app', '0/1', 'Running', '0'])
    expect(row(l, 70, 'slow-app')).toEqual(['slow-app', '1/1', 'Running', '0'])
    expect(row(l, 300, 'slow-app')).toEqual(['slow-app', '1/1', 'Running', '0'])
    expect(reasons(l, 300, 'Killing')).toEqual([])
  })
})

describe('readiness-endpoints: the Service follows readiness (reference F5, A5)', () => {
  const l = load('readiness-endpoints.yaml')
  const addresses = (s: number) =>
    (l.at(s).objects.endpoints ?? [])
      .filter((e) => e.metadata?.name === 'web')
      .flatMap((e) => e.subsets ?? [])
      .flatMap((x) => x.addresses ?? []).length
  it('3 endpoints, none while readiness fails, 3 again after; no restarts', () => {
    expect(addresses(50)).toBe(3)
    expect(addresses(90)).toBe(0)
    expect(addresses(150)).toBe(3)
    for (const p of l.at(90).pods)
      expect(row(l, 90, p.metadata!.name!).slice(1)).toEqual(['0/1', 'Running', '0'])
  })
})

describe('rolling-update: readiness-gated surge, never below four ready endpoints (reference F1)', () => {
  const l = load('rolling-update.yaml')
  const ready = (s: number) =>
    (l.at(s).objects.endpoints ?? [])
      .filter((e) => e.metadata?.name === 'web')
      .flatMap((e) => e.subsets ?? [])
      .flatMap((x) => x.addresses ?? []).length
  it('ends with four nginx:1.27 pods, and the Service keeps ≥ 4 ready endpoints throughout', () => {
    for (let s = 30; s <= 300; s += 5) expect(ready(s), `t=${s}s`).toBeGreaterThanOrEqual(4)
    const pods = l.at(300).pods.filter((p) => !p.metadata?.deletionTimestamp)
    expect(pods.map((p) => p.spec?.containers[0]?.image)).toEqual(Array(4).fill('nginx:1.27'))
    expect(
      l
        .at(300)
        .get('get rs')
        .split('\n')
        .filter((x) => /^web-\S+\s+0\s+0\s+0\s/.test(x)),
    ).toHaveLength(1)
  })
})

describe('stuck-rollout: ProgressDeadlineExceeded, old pods keep serving (reference F1)', () => {
  const l = load('stuck-rollout.yaml')
  it('marks Progressing=False ProgressDeadlineExceeded after the deadline and keeps 3 endpoints', () => {
    const progressing = (s: number) =>
      l.at(s).objects.deployments?.[0]?.status?.conditions?.find((c) => c.type === 'Progressing')
    expect(progressing(120)?.status).toBe('True')
    expect(progressing(180)?.reason).toBe('ProgressDeadlineExceeded')
    expect(progressing(180)?.status).toBe('False')
    for (let s = 0; s <= 300; s += 5) {
      const n = (l.at(s).objects.endpoints ?? [])
        .filter((e) => e.metadata?.name === 'web')
        .flatMap((e) => e.subsets ?? [])
        .flatMap((x) => x.addresses ?? []).length
      if (s >= 10) expect(n, `t=${s}s`).toBeGreaterThanOrEqual(3)
    }
  })
})

describe('init-containers: in order, then the app (reference B2, D1 Init:x/y)', () => {
  const l = load('init-containers.yaml')
  it('goes Init:0/2 → Init:1/2 → Running and the app reads the file the init container wrote', () => {
    expect(row(l, 4, 'app')[2]).toBe('Init:0/2')
    expect(row(l, 8, 'app')[2]).toBe('Init:1/2')
    expect(row(l, 20, 'app')).toEqual(['app', '1/1', 'Running', '0'])
    expect(l.at(30).get('logs app')).toBe('greeting: hello\n')
  })
})

describe('sidecar: a native sidecar does not hold the Job (reference B3)', () => {
  const l = load('sidecar.yaml')
  it('READY 2/2 while running, then Completed and the Job Complete', () => {
    const pod = l.at(15).pods[0]!.metadata!.name!
    expect(row(l, 15, pod)).toEqual([pod, '2/2', 'Running', '0'])
    expect(row(l, 30, pod)[2]).toBe('Completed')
    expect(l.at(30).get('get jobs')).toMatch(/^report\s+Complete\s+1\/1\s/m)
  })
})

describe('oomkilled: exit 137, reason OOMKilled, then back-off (reference B6, C1)', () => {
  const l = load('oomkilled.yaml')
  it('shows OOMKilled as the last state and CrashLoopBackOff at its moment', () => {
    const c = l.at(50).pods[0]?.status?.containerStatuses?.[0]
    expect(c?.lastState?.terminated?.reason).toBe('OOMKilled')
    expect(c?.lastState?.terminated?.exitCode).toBe(137)
    expect(row(l, 50, 'memory-hog')[2]).toBe('CrashLoopBackOff')
  })
})

describe('image-pull-backoff: ErrImagePull then ImagePullBackOff, never started (reference B5)', () => {
  const l = load('image-pull-backoff.yaml')
  it('never restarts and shows the pull back-off', () => {
    expect(row(l, 2, 'web')[2]).toBe('ErrImagePull')
    expect(row(l, 40, 'web')).toEqual(['web', '0/1', 'ImagePullBackOff', '0'])
    expect(reasons(l, 300, 'Started')).toEqual([])
  })
})

describe('taint-pending: the untolerated taint (reference E1, E2)', () => {
  const l = load('taint-pending.yaml')
  it('schedules the tolerating pod and keeps the other Pending with the scheduler message', () => {
    expect(row(l, 10, 'with-toleration')[2]).toBe('Running')
    expect(row(l, 120, 'no-toleration')[2]).toBe('Pending')
    expect(reasons(l, 10, 'FailedScheduling')[0]?.message).toMatch(
      /^0\/2 nodes are available: 2 node\(s\) had untolerated taint\(s\)\./,
    )
  })
})

describe('preemption: a high-priority pod makes room (reference E; default_preemption.go, preemption.go)', () => {
  const l = load('preemption.yaml')
  const wide = (s: number, name: string): string[] =>
    (
      l
        .at(s)
        .get('get pods -o wide')
        .split('\n')
        .find((x) => x.startsWith(`${name} `)) ?? ''
    ).split(/\s{2,}/)
  it('preempts two batch pods at 30 s, nominates the node while they terminate, then runs there', () => {
    expect(l.at(29).pods.filter((p) => p.status?.phase === 'Running')).toHaveLength(4)
    const preempted = reasons(l, 31, 'Preempted')
    expect(preempted).toHaveLength(2)
    const critical = l.at(31).pods.find((p) => p.metadata?.name === 'critical')!
    expect(preempted.map((e) => e.message)).toEqual([
      `Preempted by pod ${critical.metadata!.uid} on node node-a`,
      `Preempted by pod ${critical.metadata!.uid} on node node-a`,
    ])
    // NOMINATED NODE while the victims use their 20 s grace period; then bound.
    const during = wide(31, 'critical')
    expect([during[2], during[7]]).toEqual(['Pending', 'node-a'])
    expect(l.at(50).pods.find((p) => p.metadata?.name === 'critical')?.spec?.nodeName).toBeUndefined()
    expect(row(l, 60, 'critical')[2]).toBe('Running')
  })
  it('keeps the two replacements Pending: pods of equal priority never preempt each other', () => {
    const pending = l.at(120).pods.filter((p) => p.metadata?.name?.startsWith('batch-') && !p.spec?.nodeName)
    expect(pending).toHaveLength(2)
    const msgs = new Set(
      reasons(l, 120, 'FailedScheduling')
        .filter((e) => e.involvedObject.name?.startsWith('batch-'))
        .map((e) => e.message),
    )
    expect([...msgs]).toEqual([
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ])
  })
})

describe('quota: the fourth replica is refused (reference F7)', () => {
  const l = load('quota.yaml')
  it('runs three pods, never four, and records FailedCreate with the exceeded-quota message', () => {
    expect(l.at(30).pods.filter((p) => p.metadata?.namespace === 'team')).toHaveLength(3)
    expect(l.at(180).pods.filter((p) => p.metadata?.namespace === 'team')).toHaveLength(3)
    expect(reasons(l, 30, 'FailedCreate')[0]?.message).toMatch(
      /^Error creating: pods "web-\w+-\w{5}" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=3, limited: pods=3$/,
    )
  })
})

describe('job-backoff: three failed pods, then BackoffLimitExceeded (reference F4)', () => {
  const l = load('job-backoff.yaml')
  it('creates exactly three pods, further apart each time, and fails the Job', () => {
    const pods = l.at(300).pods
    expect(pods).toHaveLength(3)
    const born = pods.map((p) => seconds(l, p.metadata?.creationTimestamp)).sort((a, b) => a - b)
    expect(born[2]! - born[1]!).toBeGreaterThan(born[1]! - born[0]!)
    const failed = l.at(300).objects.jobs?.[0]?.status?.conditions?.find((c) => c.type === 'Failed')
    expect(failed?.reason).toBe('BackoffLimitExceeded')
  })
})

describe('node-failure: NotReady after the grace period, eviction 300 s later (reference F6, C2)', () => {
  const l = load('node-failure.yaml')
  it('keeps the pods on worker-2 until the toleration runs out, then replaces them elsewhere', () => {
    const onNode = (s: number) => l.at(s).pods.filter((p) => p.spec?.nodeName === 'worker-2')
    const victims = onNode(59).map((p) => p.metadata!.name!)
    expect(victims.length).toBeGreaterThan(0)
    expect(l.at(120).get('get nodes')).toMatch(/^worker-2\s+NotReady\s/m)
    expect(condition(onNode(120)[0], 'Ready')).toBe('False')
    expect(onNode(400).every((p) => !p.metadata?.deletionTimestamp)).toBe(true)
    expect(onNode(430).every((p) => p.metadata?.deletionTimestamp)).toBe(true)
    const live = l.at(480).pods.filter((p) => !p.metadata?.deletionTimestamp)
    expect(live).toHaveLength(6)
    expect(live.every((p) => p.spec?.nodeName !== 'worker-2')).toBe(true)
  })
})
