import type { ContainerStatus, Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { kubectl } from '../kubectl/command'
import { PLEG_MS, STATUS_SYNC_MS } from '../sim/latencies'
import { simulate, type Timeline } from '../sim/simulate'
import { clusterObjects } from '../views'

/**
 * One scenario-level test per kubelet rule. Each names the rule by its section of
 * /work/shared/reference/k8s-semantics.md and the Kubernetes source it comes from. Expected times are
 * computed from the rule and from the model latencies (sim/latencies.ts), with only the tolerance the
 * reference allows. Times are seconds of simulated time; event times come from the event log (ms exact).
 */

/** How soon after its cause the kubelet acts: a PLEG relist (B3) plus the container create/start steps. */
const SYNC_SLACK_S = PLEG_MS / 1000 + 0.2

function run(yaml: string, untilS: number): Timeline {
  const analysis = analyzeScenario(yaml)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: Math.round(untilS * 1000) })
}

interface Moment {
  pod: (name: string) => Pod
  events: (pod: string, reason?: string) => Event[]
  /** The `kubectl get pods` row of a pod, columns split on runs of spaces. */
  row: (name: string) => string[]
  getPods: () => string
}

function at(tl: Timeline, s: number): Moment {
  const objects = clusterObjects(tl.stateAt(Math.round(s * 1000)))
  const getPods = (): string => kubectl(['get', 'pods'], objects, tl.epochMs + Math.round(s * 1000)).stdout
  return {
    pod: (name) => {
      const p = objects.pods.find((x) => x.metadata?.name === name)
      expect(p, `pod ${name} at ${s}s`).toBeDefined()
      return p!
    },
    events: (pod, reason) =>
      objects.events.filter(
        (e) => e.involvedObject.name === pod && (reason === undefined || e.reason === reason),
      ),
    row: (name) => {
      const line = getPods()
        .split('\n')
        .find((l) => l.startsWith(`${name} `))
      expect(line, `kubectl get pods row of ${name} at ${s}s`).toBeDefined()
      return line!.split(/ {2,}/)
    },
    getPods,
  }
}

/** Times (s) at which the event log recorded an event whose summary contains all of `parts`. */
function eventTimes(tl: Timeline, ...parts: string[]): number[] {
  return tl.log
    .filter((e) => e.key.startsWith('Event/') && parts.every((p) => e.summary.includes(p)))
    .map((e) => e.t / 1000)
}

/** Times (s) at which a pod object was written (its status can only change then). */
function podWrites(tl: Timeline, name: string): number[] {
  return tl.log.filter((e) => e.key === `Pod/default/${name}`).map((e) => e.t / 1000)
}

/** The first pod write at or after `from` where `pred` holds on the pod. */
function firstWhen(tl: Timeline, name: string, from: number, pred: (p: Pod) => boolean): number | undefined {
  return podWrites(tl, name).find((t) => t >= from && pred(at(tl, t).pod(name)))
}

const app = (p: Pod, name?: string): ContainerStatus =>
  p.status!.containerStatuses!.find((c) => name === undefined || c.name === name)!
const init = (p: Pod, name: string): ContainerStatus =>
  p.status!.initContainerStatuses!.find((c) => c.name === name)!
const condition = (p: Pod, type: string) => p.status!.conditions!.find((c) => c.type === type)
const podReady = (p: Pod): boolean => condition(p, 'Ready')?.status === 'True'

function behavior(yaml: string): string {
  return yaml
    .trim()
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n')
}

function pod(name: string, spec: string, behaviorYaml?: string): string {
  const annotations = behaviorYaml
    ? `\n  annotations:\n    kubeplay.dev/behavior: |\n${behavior(behaviorYaml)}`
    : ''
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}${annotations}\nspec:\n${spec}\n`
}

// ---------------------------------------------------------------------------------------------------
describe('B5 image pulls (k/k pkg/kubelet/images/image_manager.go)', () => {
  const yaml = [
    pod(
      'first',
      `  nodeName: worker-1
  containers:
    - name: web
      image: example.com/web:1.0`,
      'web: {pullSeconds: 4}',
    ),
    // Its app container pulls only after a 10 s init container: the image is on worker-1 by then.
    pod(
      'second',
      `  nodeName: worker-1
  initContainers:
    - name: wait
      image: busybox:1.36
      command: ["sh", "-c", "sleep 10"]
  containers:
    - name: web
      image: example.com/web:1.0`,
    ),
    pod(
      'always',
      `  nodeName: worker-1
  initContainers:
    - name: wait
      image: busybox:1.36
      command: ["sh", "-c", "sleep 10"]
  containers:
    - name: web
      image: example.com/web:1.0
      imagePullPolicy: Always`,
    ),
    pod(
      'elsewhere',
      `  nodeName: worker-2
  initContainers:
    - name: wait
      image: busybox:1.36
      command: ["sh", "-c", "sleep 10"]
  containers:
    - name: web
      image: example.com/web:1.0`,
      'web: {pullSeconds: 4}',
    ),
  ].join('---\n')
  const tl = run(yaml, 40)
  const end = at(tl, 40)

  it('words Pulling and Pulled as the kubelet does, with the pull duration in Go format', () => {
    const [pulling] = eventTimes(tl, 'Normal Pulling Pod/first spec.containers{web}')
    const [pulled] = eventTimes(tl, 'Normal Pulled Pod/first spec.containers{web}')
    expect(pulled! - pulling!).toBeCloseTo(4, 3)
    expect(end.events('first', 'Pulling')[0]!.message).toBe('Pulling image "example.com/web:1.0"')
    expect(end.events('first', 'Pulled')[0]!.message).toMatch(
      /^Successfully pulled image "example\.com\/web:1\.0" in 4s \(4s including waiting\)\. Image size: \d+ bytes\.$/,
    )
  })

  it('IfNotPresent: a second pod on the same node finds the image present and does not pull it', () => {
    const pulled = end
      .events('second', 'Pulled')
      .filter((e) => e.involvedObject.fieldPath === 'spec.containers{web}')
    expect(pulled.map((e) => e.message)).toEqual([
      'Container image "example.com/web:1.0" already present on machine and can be accessed by the pod',
    ])
    expect(eventTimes(tl, 'Pulling Pod/second spec.containers{web}')).toEqual([])
    expect(app(end.pod('second')).state?.running).toBeDefined()
  })

  it('the cache is per node: the same image on another node is pulled again', () => {
    expect(eventTimes(tl, 'Normal Pulling Pod/elsewhere spec.containers{web}')).toHaveLength(1)
    expect(
      end.events('elsewhere', 'Pulled').find((e) => e.involvedObject.fieldPath === 'spec.containers{web}')!
        .message,
    ).toMatch(/^Successfully pulled image "example\.com\/web:1\.0" in /)
  })

  it('imagePullPolicy Always pulls again although the image is present', () => {
    expect(eventTimes(tl, 'Normal Pulling Pod/always spec.containers{web}')).toHaveLength(1)
    const pulled = end
      .events('always', 'Pulled')
      .filter((e) => e.involvedObject.fieldPath === 'spec.containers{web}')
    expect(pulled).toHaveLength(1)
    expect(pulled[0]!.message).toMatch(
      /^Successfully pulled image "example\.com\/web:1\.0" in .+ including waiting\)\. Image size: \d+ bytes\.$/,
    )
  })
})

describe('B5 image pull failure: ErrImagePull, then ImagePullBackOff, back-off 10 s doubling', () => {
  const image = 'example.com/nope:1.0'
  const tl = run(
    pod(
      'bad',
      `  containers:
    - name: web
      image: ${image}`,
      'web: {pull: fail}',
    ),
    100,
  )
  const pulls = eventTimes(tl, 'Normal Pulling Pod/bad spec.containers{web}')
  const fails = eventTimes(tl, 'Warning Failed Pod/bad spec.containers{web}: Failed to pull image')

  it('records Warning Failed `Failed to pull image "…": <err>` and waits in ErrImagePull', () => {
    const m = at(tl, fails[0]!)
    expect(m.events('bad', 'Failed')[0]!.message).toMatch(
      /^Failed to pull image "example\.com\/nope:1\.0": .+/,
    )
    expect(app(m.pod('bad')).state?.waiting?.reason).toBe('ErrImagePull')
  })

  it('retries 10 s, then 20 s, then 40 s after each failed pull (image back-off 10 s ×2)', () => {
    expect(pulls.length).toBeGreaterThanOrEqual(4)
    const gaps = [1, 2, 3].map((i) => pulls[i]! - fails[i - 1]!)
    expect(gaps[0]).toBeGreaterThanOrEqual(10)
    expect(gaps[0]).toBeLessThanOrEqual(10 + SYNC_SLACK_S)
    expect(gaps[1]).toBeGreaterThanOrEqual(20)
    expect(gaps[1]).toBeLessThanOrEqual(20 + SYNC_SLACK_S)
    expect(gaps[2]).toBeGreaterThanOrEqual(40)
    expect(gaps[2]).toBeLessThanOrEqual(40 + SYNC_SLACK_S)
  })

  // The BackOff event is Normal: k/k pkg/kubelet/images/image_manager.go logs it with v1.EventTypeNormal.
  it('shows ImagePullBackOff and Normal BackOff `Back-off pulling image "…"` while the pull backs off', () => {
    const m = at(tl, pulls[1]! - 2)
    expect(app(m.pod('bad')).state?.waiting?.reason).toBe('ImagePullBackOff')
    expect(m.row('bad')[2]).toBe('ImagePullBackOff')
    const backOff = m.events('bad', 'BackOff')
    expect(backOff.map((e) => [e.type, e.message])).toEqual([['Normal', `Back-off pulling image "${image}"`]])
  })
})

// ---------------------------------------------------------------------------------------------------
describe('C4 init containers run one at a time, in order, each to exit 0 (kuberuntime computeInitContainerActions)', () => {
  const tl = run(
    pod(
      'init-demo',
      `  initContainers:
    - name: init-a
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3"]
    - name: init-b
      image: busybox:1.36
      command: ["sh", "-c", "sleep 4"]
  containers:
    - name: web
      image: nginx:1.27`,
    ),
    40,
  )
  const [a] = eventTimes(tl, 'Normal Started Pod/init-demo spec.initContainers{init-a}')
  const [b] = eventTimes(tl, 'Normal Started Pod/init-demo spec.initContainers{init-b}')
  const [w] = eventTimes(tl, 'Normal Started Pod/init-demo spec.containers{web}')

  it('starts init-b only after init-a exited (3 s), and web only after init-b exited (4 s)', () => {
    expect(b! - a!).toBeGreaterThanOrEqual(3)
    expect(b! - a!).toBeLessThanOrEqual(3 + SYNC_SLACK_S)
    const [webPull] = eventTimes(tl, 'Pod/init-demo spec.containers{web}')
    expect(webPull! - b!).toBeGreaterThanOrEqual(4)
    expect(webPull! - b!).toBeLessThanOrEqual(4 + SYNC_SLACK_S)
    expect(w!).toBeGreaterThan(webPull!)
    const done = at(tl, 40).pod('init-demo')
    expect(init(done, 'init-a').state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(init(done, 'init-b').state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })

  it('prints STATUS Init:0/2 → Init:1/2 → PodInitializing → Running (D1)', () => {
    expect(
      at(tl, a! + 1)
        .row('init-demo')
        .slice(1, 3),
    ).toEqual(['0/1', 'Init:0/2'])
    expect(
      at(tl, b! + 1)
        .row('init-demo')
        .slice(1, 3),
    ).toEqual(['0/1', 'Init:1/2'])
    expect(
      at(tl, w! - 0.5)
        .row('init-demo')
        .slice(1, 3),
    ).toEqual(['0/1', 'PodInitializing'])
    expect(
      at(tl, w! + 1)
        .row('init-demo')
        .slice(1, 3),
    ).toEqual(['1/1', 'Running'])
  })

  it('prints Init:0/2 before the first init container starts: init statuses default to waiting PodInitializing (kubelet_pods.go convertToAPIContainerStatuses)', () => {
    const m = at(tl, a! - 0.2)
    expect(init(m.pod('init-demo'), 'init-a').state?.waiting?.reason).toBe('PodInitializing')
    expect(m.row('init-demo')[2]).toBe('Init:0/2')
  })

  it('C2: Initialized is False, ContainersNotInitialized, listing the incomplete init containers; conditions in kubelet order', () => {
    const during = at(tl, b! + 1).pod('init-demo')
    expect(during.status!.conditions!.map((c) => c.type)).toEqual([
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ])
    expect(condition(at(tl, a! + 1).pod('init-demo'), 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init-a init-b]',
    })
    expect(condition(during, 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init-b]',
    })
    expect(condition(during, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
    })
    const running = at(tl, w! + 1).pod('init-demo')
    for (const t of ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'])
      expect(condition(running, t)?.status, t).toBe('True')
  })
})

describe('C4 a failing init container', () => {
  const initSpec = (policy: string) => `  restartPolicy: ${policy}
  initContainers:
    - name: setup
      image: busybox:1.36
      command: ["sh", "-c", "sleep 2; exit 3"]
  containers:
    - name: web
      image: nginx:1.27`
  const tl = run([pod('never', initSpec('Never')), pod('always', initSpec('Always'))].join('---\n'), 40)

  it('restartPolicy Never: the pod is Failed, STATUS Init:Error, the app container never starts (C1 rule 1)', () => {
    const m = at(tl, 10)
    const p = m.pod('never')
    expect(p.status!.phase).toBe('Failed')
    expect(init(p, 'setup').state?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(m.row('never')[2]).toBe('Init:Error')
    expect(eventTimes(tl, 'Pod/never spec.containers{web}')).toEqual([])
  })

  it('restartPolicy Always: restarted with crash-loop back-off, STATUS Init:CrashLoopBackOff, pod Pending', () => {
    const starts = eventTimes(tl, 'Normal Started Pod/always spec.initContainers{setup}')
    expect(starts.length).toBeGreaterThanOrEqual(3)
    const m = at(tl, starts[1]! + 2 + SYNC_SLACK_S + 1)
    const p = m.pod('always')
    expect(p.status!.phase).toBe('Pending')
    expect(init(p, 'setup').state?.waiting).toMatchObject({
      reason: 'CrashLoopBackOff',
      message: `back-off 10s restarting failed container=setup pod=always_default(${p.metadata!.uid})`,
    })
    expect(init(p, 'setup').lastState?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(m.row('always')[2]).toBe('Init:CrashLoopBackOff')
    expect(eventTimes(tl, 'Pod/always spec.containers{web}')).toEqual([])
  })
})

describe('C5 sidecars (init containers with restartPolicy Always)', () => {
  const tl = run(
    pod(
      'side',
      `  initContainers:
    - name: log
      image: busybox:1.36
      restartPolicy: Always
      command: ["sh", "-c", "while true; do sleep 5; done"]
  containers:
    - name: web
      image: nginx:1.27`,
    ),
    30,
  )

  it('starts the sidecar first, then the app container; both count in READY (2/2), Initialized True', () => {
    const [sidecar] = eventTimes(tl, 'Normal Started Pod/side spec.initContainers{log}')
    const [web] = eventTimes(tl, 'Normal Started Pod/side spec.containers{web}')
    expect(sidecar).toBeDefined()
    expect(web, 'the app container starts once the sidecar runs').toBeDefined()
    expect(web!).toBeGreaterThan(sidecar!)
    const m = at(tl, 30)
    expect(m.row('side').slice(1, 3)).toEqual(['2/2', 'Running'])
    expect(init(m.pod('side'), 'log').state?.running).toBeDefined()
    expect(condition(m.pod('side'), 'Initialized')?.status).toBe('True')
    expect(condition(m.pod('side'), 'Ready')?.status).toBe('True')
  })
})

// ---------------------------------------------------------------------------------------------------
describe('A2–A6 readiness: initialDelaySeconds, periodSeconds, successThreshold, failureThreshold (prober/worker.go)', () => {
  // Readiness fails in [30 s, 60 s) of the run (behavior annotation). P = 5, delay 5, success 2, failure 2.
  const P = 5
  const tl = run(
    pod(
      'ready',
      `  containers:
    - name: web
      image: example.com/web:1.0
      ports: [{containerPort: 8080}]
      readinessProbe:
        httpGet: {path: /ready, port: 8080}
        initialDelaySeconds: 5
        periodSeconds: ${P}
        successThreshold: 2
        failureThreshold: 2`,
      'web: {pullSeconds: 2, probes: {readiness: {fail: [[30, 60]]}}}',
    ),
    100,
  )
  const [S] = eventTimes(tl, 'Normal Started Pod/ready spec.containers{web}')
  const readyAt = firstWhen(tl, 'ready', S!, (p) => podReady(p))!
  const unreadyAt = firstWhen(tl, 'ready', readyAt, (p) => !podReady(p))!
  const readyAgainAt = firstWhen(tl, 'ready', unreadyAt, (p) => podReady(p))!

  it('becomes Ready at the 2nd success: the first probe runs at the first tick ≥ S+5, then one period later', () => {
    // The first probing tick lies in [S+delay, S+delay+P) (A2); Ready one period after it.
    expect(readyAt).toBeGreaterThanOrEqual(S! + 5 + P)
    expect(readyAt).toBeLessThan(S! + 5 + 2 * P)
    expect(at(tl, readyAt - 0.01).row('ready')[1]).toBe('0/1')
    expect(at(tl, readyAt).row('ready')[1]).toBe('1/1')
  })

  it('turns unready at the 2nd consecutive failure after S+30, with Unhealthy `Readiness probe failed: …`', () => {
    const [firstFail] = eventTimes(tl, 'Warning Unhealthy Pod/ready spec.containers{web}')
    expect(firstFail).toBeGreaterThanOrEqual(S! + 30)
    expect(firstFail).toBeLessThan(S! + 30 + P)
    expect(unreadyAt - firstFail!).toBeCloseTo(P, 3)
    const m = at(tl, unreadyAt + 0.5)
    expect(m.events('ready', 'Unhealthy')[0]!.message).toMatch(/^Readiness probe failed: .+/)
    expect(m.events('ready', 'Unhealthy')[0]!.type).toBe('Warning')
    expect(m.row('ready').slice(1, 3)).toEqual(['0/1', 'Running'])
    const p = m.pod('ready')
    for (const type of ['Ready', 'ContainersReady']) {
      expect(condition(p, type), type).toMatchObject({
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [web]',
      })
    }
    // Readiness never restarts a container.
    expect(app(p).restartCount).toBe(0)
  })

  it('is Ready again at the 2nd success after the window closes at S+60 (READY 1/1 → 0/1 → 1/1)', () => {
    expect(readyAgainAt).toBeGreaterThanOrEqual(S! + 60 + P)
    expect(readyAgainAt).toBeLessThan(S! + 60 + 2 * P)
    const failures = at(tl, 100).events('ready', 'Unhealthy')[0]!.count
    // Failing ticks in [S+30, S+60): 6 of them at period 5.
    expect(failures).toBe(6)
    expect(at(tl, readyAgainAt).row('ready')[1]).toBe('1/1')
    expect(condition(at(tl, readyAgainAt).pod('ready'), 'Ready')?.reason).toBeUndefined()
  })

  it('A3: no probe result is published before the container is seen running (first status sync ≈ S+1)', () => {
    expect(STATUS_SYNC_MS).toBeLessThanOrEqual(1000)
    expect(app(at(tl, S! + 4.9).pod('ready')).ready).toBe(false)
  })
})

describe('A4–A8 startup probe: gates liveness and readiness, kills at failureThreshold', () => {
  const P = 3
  const tl = run(
    [
      pod(
        'slow',
        `  containers:
    - name: app
      image: example.com/app:1.0
      ports: [{containerPort: 8080}]
      startupProbe:
        httpGet: {path: /, port: 8080}
        periodSeconds: ${P}
        failureThreshold: 4
      livenessProbe:
        httpGet: {path: /, port: 8080}
        periodSeconds: ${P}
        failureThreshold: 1
      readinessProbe:
        httpGet: {path: /, port: 8080}
        periodSeconds: ${P}`,
        'app: {pullSeconds: 2, probes: {startup: {fail: [[0, null]]}, liveness: {fail: [[0, null]]}}}',
      ),
      pod(
        'warming',
        `  containers:
    - name: app
      image: example.com/app:1.0
      ports: [{containerPort: 8080}]
      startupProbe:
        httpGet: {path: /, port: 8080}
        periodSeconds: ${P}
        failureThreshold: 10
      readinessProbe:
        httpGet: {path: /, port: 8080}
        periodSeconds: ${P}`,
        'app: {pullSeconds: 2, probes: {startup: {fail: [[0, 10]]}}}',
      ),
    ].join('---\n'),
    60,
  )

  it('kills with `Container app failed startup probe, will be restarted` at the 4th failure, one period apart from the first', () => {
    const [S] = eventTimes(tl, 'Normal Started Pod/slow spec.containers{app}')
    const fails = eventTimes(tl, 'Warning Unhealthy Pod/slow spec.containers{app}: Startup probe failed')
    const [killed] = eventTimes(tl, 'Normal Killing Pod/slow spec.containers{app}')
    // A2/A4: the first probe that runs is the first tick ≥ S + initialDelaySeconds (0 here): in [S, S+P].
    expect(fails[0]).toBeGreaterThanOrEqual(S!)
    expect(fails[0]).toBeLessThanOrEqual(S! + P)
    expect(killed! - fails[0]!).toBeCloseTo(3 * P, 3)
    expect(at(tl, killed!).events('slow', 'Killing')[0]!.message).toBe(
      'Container app failed startup probe, will be restarted',
    )
  })

  it('runs neither liveness nor readiness while the startup probe has not succeeded (A4 step 8)', () => {
    expect(eventTimes(tl, 'Pod/slow', 'Liveness probe failed')).toEqual([])
    expect(eventTimes(tl, 'Pod/slow', 'Readiness probe')).toEqual([])
    expect(eventTimes(tl, 'Pod/slow', 'failed liveness probe')).toEqual([])
    for (const t of [10, 20, 30]) {
      const c = app(at(tl, t).pod('slow'))
      expect(c.started, `t=${t}`).toBe(false)
      expect(c.ready, `t=${t}`).toBe(false)
    }
  })

  it('is started, then Ready, only after the startup probe succeeds (A5)', () => {
    const [S] = eventTimes(tl, 'Normal Started Pod/warming spec.containers{app}')
    const startedAt = firstWhen(tl, 'warming', S!, (p) => app(p).started === true)!
    // The first startup success is the first tick ≥ S+10.
    expect(startedAt).toBeGreaterThanOrEqual(S! + 10)
    expect(startedAt).toBeLessThan(S! + 10 + P)
    const readyAt = firstWhen(tl, 'warming', S!, (p) => app(p).ready === true)!
    expect(readyAt).toBeGreaterThanOrEqual(startedAt)
    expect(readyAt).toBeLessThanOrEqual(startedAt + P)
    expect(eventTimes(tl, 'Pod/warming', 'Killing')).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------
describe('C1/B1/B4 restartPolicy with `exit` in the annotation (kubelet_pods.go getPhase, ShouldContainerBeRestarted)', () => {
  const exiting = (name: string, policy: string, code: number) =>
    pod(
      name,
      `  restartPolicy: ${policy}
  containers:
    - name: app
      image: example.com/app:1.0`,
      `app: {pullSeconds: 2, exit: {after: 5, code: ${code}}}`,
    )
  const tl = run(
    [
      exiting('never-ok', 'Never', 0),
      exiting('never-bad', 'Never', 2),
      exiting('onfailure-ok', 'OnFailure', 0),
      exiting('onfailure-bad', 'OnFailure', 1),
      exiting('always-ok', 'Always', 0),
    ].join('---\n'),
    14,
  )
  const m = at(tl, 14)

  it('Never, exit 0: Succeeded, terminated Completed, no restart, STATUS Completed', () => {
    const p = m.pod('never-ok')
    expect(p.status!.phase).toBe('Succeeded')
    expect(app(p).state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(app(p).restartCount).toBe(0)
    expect(m.row('never-ok').slice(1, 4)).toEqual(['0/1', 'Completed', '0'])
  })

  it('Never, exit 2: Failed, terminated Error exit 2, STATUS Error', () => {
    const p = m.pod('never-bad')
    expect(p.status!.phase).toBe('Failed')
    expect(app(p).state?.terminated).toMatchObject({ exitCode: 2, reason: 'Error' })
    expect(m.row('never-bad').slice(1, 4)).toEqual(['0/1', 'Error', '0'])
  })

  it('OnFailure, exit 0: Succeeded, not restarted', () => {
    const p = m.pod('onfailure-ok')
    expect(p.status!.phase).toBe('Succeeded')
    expect(app(p).restartCount).toBe(0)
    expect(eventTimes(tl, 'Normal Started Pod/onfailure-ok')).toHaveLength(1)
  })

  it('OnFailure, exit 1: restarted at once (first restart free), Running, restartCount 1, lastState Error', () => {
    const p = m.pod('onfailure-bad')
    const starts = eventTimes(tl, 'Normal Started Pod/onfailure-bad')
    expect(starts).toHaveLength(2)
    expect(starts[1]! - (starts[0]! + 5)).toBeLessThanOrEqual(SYNC_SLACK_S)
    expect(p.status!.phase).toBe('Running')
    expect(app(p).restartCount).toBe(1)
    expect(app(p).lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
  })

  it('Always, exit 0: restarted too, lastState Completed, phase Running', () => {
    const p = m.pod('always-ok')
    expect(p.status!.phase).toBe('Running')
    expect(app(p).restartCount).toBe(1)
    expect(app(p).lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(app(p).state?.running).toBeDefined()
  })
})

describe('B4 OOMKilled (`oomAfter`): terminated reason OOMKilled, exit code 137', () => {
  const oom = (name: string, policy: string) =>
    pod(
      name,
      `  restartPolicy: ${policy}
  containers:
    - name: app
      image: example.com/app:1.0`,
      'app: {pullSeconds: 2, oomAfter: 4}',
    )
  const tl = run([oom('oom-never', 'Never'), oom('oom-always', 'Always')].join('---\n'), 12)

  it('Never: Failed, state terminated OOMKilled 137, STATUS OOMKilled', () => {
    const m = at(tl, 12)
    const p = m.pod('oom-never')
    expect(p.status!.phase).toBe('Failed')
    expect(app(p).state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' })
    expect(m.row('oom-never')[2]).toBe('OOMKilled')
  })

  it('Always: restarted, lastState terminated OOMKilled 137', () => {
    const p = at(tl, 12).pod('oom-always')
    expect(app(p).restartCount).toBe(1)
    expect(app(p).lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' })
  })
})

// ---------------------------------------------------------------------------------------------------
describe('B2/B3 crash-loop back-off (kuberuntime doBackOff, client-go flowcontrol.Backoff)', () => {
  const RUN_S = 5
  const tl = run(
    pod(
      'crash',
      `  containers:
    - name: app
      image: example.com/app:1.0`,
      `app: {pullSeconds: 2, exit: {after: ${RUN_S}, code: 1}}`,
    ),
    1300,
  )
  // Each restart begins with the image check (`Pulled … already present`) when the back-off allows it.
  const begins = eventTimes(tl, 'Normal Pulled Pod/crash spec.containers{app}')
  const starts = eventTimes(tl, 'Normal Started Pod/crash spec.containers{app}')
  const exits = starts.map((s) => s + RUN_S)

  it('restarts the first time at once, then after 10, 20, 40, 80, 160, 300, 300 s from the previous exit', () => {
    expect(starts.length).toBeGreaterThanOrEqual(9)
    const delays = begins.slice(1, 9).map((b, i) => Math.round((b - exits[i]!) * 1000) / 1000)
    const expected = [0, 10, 20, 40, 80, 160, 300, 300]
    delays.forEach((d, i) => {
      expect(d, `restart ${i + 1}`).toBeGreaterThanOrEqual(expected[i]!)
      expect(d, `restart ${i + 1}`).toBeLessThanOrEqual(expected[i]! + SYNC_SLACK_S)
    })
  })

  it('waits in CrashLoopBackOff with `back-off <d> restarting failed container=app pod=crash_default(<uid>)`', () => {
    const cases: [number, string][] = [
      [2, '10s'],
      [3, '20s'],
      [4, '40s'],
      [5, '1m20s'],
      [6, '2m40s'],
      [7, '5m0s'],
    ]
    for (const [i, d] of cases) {
      const m = at(tl, exits[i - 1]! + SYNC_SLACK_S + 1)
      const p = m.pod('crash')
      expect(app(p).state?.waiting, `after exit ${i}`).toEqual({
        reason: 'CrashLoopBackOff',
        message: `back-off ${d} restarting failed container=app pod=crash_default(${p.metadata!.uid})`,
      })
      expect(app(p).lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
      expect(p.status!.phase).toBe('Running')
    }
  })

  it('records Warning BackOff `Back-off restarting failed container app in pod crash_default(<uid>)`', () => {
    const m = at(tl, exits[1]! + SYNC_SLACK_S + 1)
    const uid = m.pod('crash').metadata!.uid
    expect(m.events('crash', 'BackOff').map((e) => [e.type, e.message])).toEqual([
      ['Warning', `Back-off restarting failed container app in pod crash_default(${uid})`],
    ])
    // No back-off before the second exit: the first restart is free (#133472).
    expect(at(tl, exits[0]! + SYNC_SLACK_S + 1).events('crash', 'BackOff')).toEqual([])
  })

  it('D1: kubectl get pods prints CrashLoopBackOff and `2 (5s ago)` 5 s after the third exit', () => {
    const t = Math.floor(exits[2]!) + 5 + 0.5
    const row = at(tl, t).row('crash')
    expect(row.slice(1, 4)).toEqual(['0/1', 'CrashLoopBackOff', '2 (5s ago)'])
    // Once running again, RESTARTS still counts from the last exit (lastState.terminated.finishedAt).
    const later = starts[3]! + 1
    const ago = Math.floor(later - Math.floor(exits[2]!))
    expect(at(tl, later).row('crash').slice(1, 4)).toEqual(['1/1', 'Running', `3 (${ago}s ago)`])
  })
})

describe('B2 back-off reset after a run longer than 10 minutes', () => {
  const tl = run(
    pod(
      'reset',
      `  containers:
    - name: app
      image: example.com/app:1.0`,
      `app:
  pullSeconds: 2
  exit: {after: 5, code: 1}
  runs:
    - {}
    - {}
    - {}
    - {exit: {after: 700, code: 1}}
    - {}`,
    ),
    800,
  )
  const begins = eventTimes(tl, 'Normal Pulled Pod/reset spec.containers{app}')
  const starts = eventTimes(tl, 'Normal Started Pod/reset spec.containers{app}')
  const runLength = [5, 5, 5, 700, 5, 5]
  const exits = starts.map((s, i) => s + runLength[i]!)

  it('restarts at once after the 700 s run, and the next delay is the initial 10 s again', () => {
    expect(starts.length).toBeGreaterThanOrEqual(6)
    // Before: 0 (free), 10, 20.
    expect(begins[2]! - exits[1]!).toBeGreaterThanOrEqual(10)
    expect(begins[3]! - exits[2]!).toBeGreaterThanOrEqual(20)
    // After the long run the entry has expired (FinishedAt − lastUpdate > 600 s): no wait…
    expect(begins[4]! - exits[3]!).toBeLessThanOrEqual(SYNC_SLACK_S)
    // …and Next() starts over at 10 s, not 40 s.
    expect(begins[5]! - exits[4]!).toBeGreaterThanOrEqual(10)
    expect(begins[5]! - exits[4]!).toBeLessThanOrEqual(10 + SYNC_SLACK_S)
  })
})
