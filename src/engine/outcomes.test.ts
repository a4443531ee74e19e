import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'
import { kubectl } from './kubectl/command'
import { kindInfo } from './model/kinds'
import { objectKey } from './model/object'
import { simulate, type Timeline } from './sim/simulate'
import { clusterObjects } from './views'

/**
 * Outcome tests (issue 5 §6): whole scenario texts run to a horizon, checked the way a user checks a
 * real cluster, with kubectl. Each block cites the reference section (/work/shared/reference/
 * k8s-semantics.md) or the Kubernetes source it relies on.
 */

function run(text: string, untilS: number): Timeline {
  const analysis = analyzeScenario(text)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000 })
}

function at(tl: Timeline, s: number) {
  const objects = clusterObjects(tl.stateAt(s * 1000))
  return {
    objects,
    pods: objects.pods,
    events: objects.events,
    get: (args: string) => kubectl(args.split(' '), objects, tl.epochMs + s * 1000).stdout,
  }
}

const seconds = (tl: Timeline, stamp: string | undefined | null): number =>
  (Date.parse(stamp ?? '') - tl.epochMs) / 1000
const live = (pods: Pod[]) => pods.filter((p) => !p.metadata?.deletionTimestamp)
const named = (events: Event[], reason: string) => events.filter((e) => e.reason === reason)
const ready = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status
const indent = (text: string, n: number) =>
  text
    .split('\n')
    .map((l) => `${' '.repeat(n)}${l}`)
    .join('\n')

describe('1. a taint keeps pods Pending (reference E1, E2; k/k FitError.Error, RunPostFilterPlugins)', () => {
  const nodes = ['a', 'b']
    .map(
      (n) => `apiVersion: v1
kind: Node
metadata: {name: node-${n}, labels: {disk: ssd}}
spec:
  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
status:
  capacity: {cpu: "4", memory: 16Gi, pods: "110"}`,
    )
    .join('\n---\n')
  const tl = run(
    `${nodes}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: web, image: nginx:1.27}]
`,
    60,
  )
  // 1.35: TaintToleration's reason is `node(s) had untolerated taint(s)` (E2); DynamicResources'
  // PostFilter (DRA GA, default profile since 1.34) answers before DefaultPreemption, whose nested
  // FitError counts the taint rejections as UnschedulableAndUnresolvable (src/engine/scheduler/fit-error.ts).
  const MESSAGE =
    '0/2 nodes are available: 2 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.'

  it('records Warning FailedScheduling from default-scheduler with the exact message, also the PodScheduled condition', () => {
    const { events, pods } = at(tl, 60)
    const [failed] = named(events, 'FailedScheduling')
    expect(failed).toMatchObject({
      type: 'Warning',
      message: MESSAGE,
      involvedObject: { kind: 'Pod', name: 'web' },
    })
    expect(failed?.source?.component ?? failed?.reportingComponent).toBe('default-scheduler')
    expect(pods[0]?.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: MESSAGE,
    })
    expect(pods[0]?.spec?.nodeName).toBeUndefined()
  })

  it('kubectl get pods shows Pending 0/1; kubectl get events shows the message', () => {
    expect(at(tl, 60).get('get pods')).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          60s\n',
    )
    expect(at(tl, 60).get('get events')).toContain(`Warning   FailedScheduling   pod/web   ${MESSAGE}`)
    expect(at(tl, 60).get('describe pod web')).toContain(MESSAGE)
  })
})

const deployment = (
  replicas: number,
  image: string,
  extra: { annotations?: string; probe?: boolean; deadline?: number } = {},
) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
${extra.deadline ? `  progressDeadlineSeconds: ${extra.deadline}\n` : ''}  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
${extra.annotations ? `      annotations:\n        kubeplay.dev/behavior: |\n${indent(extra.annotations, 10)}\n` : ''}    spec:
      containers:
        - name: web
          image: ${image}
          ports: [{containerPort: 80}]
${extra.probe ? '          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}\n' : ''}`

describe('2. a ResourceQuota rejects the 4th replica (reference F2, F7; apiserver resourcequota admission)', () => {
  const tl = run(
    `apiVersion: v1
kind: ResourceQuota
metadata: {name: pod-count}
spec:
  hard: {pods: "3"}
---
${deployment(4, 'nginx:1.27')}`,
    90,
  )

  it('runs 3 pods; the ReplicaSet records Warning FailedCreate with the exceeded quota message', () => {
    const { pods, events } = at(tl, 90)
    expect(pods).toHaveLength(3)
    for (const p of pods) expect(p.status?.phase).toBe('Running')
    const failed = named(events, 'FailedCreate')
    expect(failed.length).toBeGreaterThan(0)
    for (const e of failed) {
      expect(e.type).toBe('Warning')
      expect(e.involvedObject.kind).toBe('ReplicaSet')
      expect(e.message).toMatch(
        /^Error creating: pods "web-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}" is forbidden: exceeded quota: pod-count, requested: pods=1, used: pods=3, limited: pods=3$/,
      )
    }
  })

  it('kubectl get deploy shows 3/4 and kubectl get quota shows pods: 3/3', () => {
    expect(at(tl, 90).get('get deploy')).toMatch(/^web\s+3\/4\s+3\s+3\s+90s$/m)
    // Newest printer column order: NAME REQUEST LIMIT AGE (reference D4).
    expect(at(tl, 90).get('get quota')).toMatch(/^pod-count\s+pods: 3\/3\s+90s$/m)
  })
})

describe('3. a rollout whose new pods never become ready stalls (reference F1, F5; deployment rolling.go, progress.go)', () => {
  const NEW = deployment(4, 'nginx:1.28', {
    annotations: 'web: {probes: {readiness: {fail: [[0, null]]}}}',
    probe: true,
    deadline: 120,
  })
  const END = 300
  const tl = run(
    `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: stalled-rollout}
spec:
  timeline:
    - at: 60s
      action: apply
      manifest:
${indent(NEW, 8)}
---
${deployment(4, 'nginx:1.27', { probe: true, deadline: 120 })}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]`,
    END,
  )
  const images = (s: number) => live(at(tl, s).pods).map((p) => p.spec?.containers[0]?.image)
  const readyAddresses = (s: number) =>
    (at(tl, s).objects.endpoints ?? [])
      .filter((e) => e.metadata?.name === 'web')
      .flatMap((e) => e.subsets ?? [])
      .flatMap((ss) => ss.addresses ?? []).length

  it('is fully rolled on the old image before the apply', () => {
    expect(images(59)).toEqual(Array(4).fill('nginx:1.27'))
    expect(at(tl, 59).get('get deploy')).toMatch(/^web\s+4\/4\s+4\s+4\s+59s$/m)
  })

  it('keeps 3 old pods serving (maxUnavailable 25% of 4 = 1, maxSurge 1) next to 2 unready new pods', () => {
    const pods = live(at(tl, END).pods)
    const old = pods.filter((p) => p.spec?.containers[0]?.image === 'nginx:1.27')
    const neu = pods.filter((p) => p.spec?.containers[0]?.image === 'nginx:1.28')
    expect(old).toHaveLength(3)
    expect(neu).toHaveLength(2)
    for (const p of old) expect(ready(p)).toBe('True')
    for (const p of neu) expect(ready(p)).toBe('False')
    expect(readyAddresses(END)).toBe(3)
  })

  it('the Endpoints object never has zero ready addresses once the old pods are up, through the rollout to the end', () => {
    let first = -1
    for (let s = 0; s <= 30 && first < 0; s += 1) if (readyAddresses(s) > 0) first = s
    expect(first).toBeGreaterThanOrEqual(0)
    for (let s = first; s <= END; s += 1) expect(readyAddresses(s), `t=${s}s`).toBeGreaterThanOrEqual(3)
  })

  it('reports Progressing False ProgressDeadlineExceeded 120 s after the last progress, not before', () => {
    const progressing = (s: number) =>
      (
        at(tl, s).objects.deployments?.[0]?.status?.conditions as
          | { type: string; status: string; reason?: string; message?: string; lastUpdateTime?: string }[]
          | undefined
      )?.find((c) => c.type === 'Progressing')
    expect(progressing(175)?.reason).not.toBe('ProgressDeadlineExceeded')
    const c = progressing(END)
    expect(c).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' })
    expect(c?.message).toMatch(/^ReplicaSet "web-[4-9bcdf]+" has timed out progressing\.$/)
    let timedOutAt = -1
    for (let s = 175; s <= END && timedOutAt < 0; s += 1)
      if (progressing(s)?.reason === 'ProgressDeadlineExceeded') timedOutAt = s
    // The last progress is the new ReplicaSet's scale-up right after the apply at 60 s; the controller
    // requeues the Deployment for the moment its deadline passes (`requeueStuckDeployment`).
    const lastProgress = seconds(tl, progressing(175)?.lastUpdateTime)
    expect(progressing(175)).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' })
    expect(lastProgress).toBeGreaterThanOrEqual(60)
    expect(lastProgress).toBeLessThan(70)
    expect(timedOutAt).toBeGreaterThanOrEqual(lastProgress + 120)
    expect(timedOutAt).toBeLessThanOrEqual(lastProgress + 122)
    expect(at(tl, END).get('describe deployment web')).toMatch(
      /^\s+Progressing\s+False\s+ProgressDeadlineExceeded$/m,
    )
  })

  it('kubectl get deploy shows the stalled counts: READY 3/4, UP-TO-DATE 2, AVAILABLE 3', () => {
    expect(at(tl, END).get('get deploy')).toMatch(/^web\s+3\/4\s+2\s+3\s+5m$/m)
  })
})

describe('4. a failed node: pods move after the 300 s toleration, not before (reference F6, C2; taint-eviction controller)', () => {
  const END = 600
  const tl = run(
    `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: node-failure}
spec:
  nodes: 3
  timeline:
    - {at: 60s, action: fail-node, target: node/worker-2}
---
${deployment(3, 'nginx:1.27')}`,
    END,
  )
  const onNode = at(tl, 59).pods.filter((p) => p.spec?.nodeName === 'worker-2')
  const victims = onNode.map((p) => p.metadata!.name!)
  const notReadyAt = (() => {
    for (let s = 60; s <= 200; s += 1) if (/^worker-2\s+NotReady/m.test(at(tl, s).get('get nodes'))) return s
    return -1
  })()
  const evictedAt = (() => {
    for (let s = 60; s <= END; s += 1)
      if (
        at(tl, s).pods.some((p) => victims.includes(p.metadata?.name ?? '') && p.metadata?.deletionTimestamp)
      )
        return s
    return -1
  })()

  it('the node had a pod, and goes NotReady after the 50 s node-monitor grace period', () => {
    expect(victims.length).toBeGreaterThan(0)
    expect(notReadyAt).toBeGreaterThanOrEqual(110)
    expect(notReadyAt).toBeLessThanOrEqual(120)
  })

  // MarkPodsNotReady flips only the pod's Ready condition; the container statuses keep ready: true, so
  // kubectl's READY column (ready containers) stays 1/1 while `describe` shows Ready False (C2, D1).
  it('its pods stay listed on it, Running; the Ready condition turns False at NotReady', () => {
    const row = (s: number, name: string) =>
      at(tl, s)
        .get('get pods -o wide')
        .split('\n')
        .find((l) => l.startsWith(`${name} `)) ?? ''
    for (const name of victims) {
      expect(row(notReadyAt - 5, name)).toMatch(/^\S+\s+1\/1\s+Running\s+0\s+\S+\s+\S+\s+worker-2\s/)
      expect(row(notReadyAt + 5, name)).toMatch(/^\S+\s+1\/1\s+Running\s+0\s+\S+\s+\S+\s+worker-2\s/)
      expect(row(evictedAt - 1, name)).toMatch(/^\S+\s+1\/1\s+Running\s+0\s+\S+\s+\S+\s+worker-2\s/)
      const pod = (s: number) => at(tl, s).pods.find((p) => p.metadata?.name === name)!
      expect(ready(pod(notReadyAt - 5))).toBe('True')
      expect(ready(pod(notReadyAt + 5))).toBe('False')
      expect(ready(pod(evictedAt - 1))).toBe('False')
      expect(at(tl, notReadyAt + 5).get(`describe pod ${name}`)).toMatch(/^\s+Ready\s+False\s*$/m)
    }
  })

  it('evicts them (TaintManagerEviction, Terminating) 300 s after the taint, and not before', () => {
    expect(evictedAt).toBeGreaterThanOrEqual(notReadyAt + 300)
    expect(evictedAt).toBeLessThanOrEqual(notReadyAt + 310)
    const { events, get } = at(tl, evictedAt + 1)
    for (const name of victims) {
      expect(named(events, 'TaintManagerEviction').map((e) => e.message)).toContain(
        `Marking for deletion Pod default/${name}`,
      )
      expect(get('get pods')).toMatch(new RegExp(`^${name}\\s+1/1\\s+Terminating\\s`, 'm'))
    }
  })

  it('no replacement exists before the eviction; afterwards replacements run on other nodes', () => {
    for (let s = 60; s < evictedAt; s += 1) {
      const pods = at(tl, s).pods
      expect(pods, `t=${s}s`).toHaveLength(3)
      expect(
        pods.filter((p) => seconds(tl, p.metadata?.creationTimestamp) > 59),
        `t=${s}s`,
      ).toEqual([])
    }
    const end = at(tl, END)
    const replacements = live(end.pods).filter((p) => seconds(tl, p.metadata?.creationTimestamp) >= evictedAt)
    expect(replacements).toHaveLength(victims.length)
    for (const p of replacements) {
      expect(p.spec?.nodeName).not.toBe('worker-2')
      expect(p.status?.phase).toBe('Running')
    }
    expect(live(end.pods).filter((p) => ready(p) === 'True')).toHaveLength(3)
    // The evicted pods stay Terminating: their kubelet is gone (F6).
    for (const name of victims)
      expect(end.get('get pods')).toMatch(new RegExp(`^${name}\\s+1/1\\s+Terminating\\s`, 'm'))
  })
})

describe('5. a Job exceeding backoffLimit fails (reference F4; job_controller.go)', () => {
  const tl = run(
    `apiVersion: batch/v1
kind: Job
metadata: {name: flaky}
spec:
  backoffLimit: 2
  template:
    metadata:
      annotations:
        kubeplay.dev/behavior: |
          work: {exit: {after: 2, code: 1}}
    spec:
      restartPolicy: Never
      containers: [{name: work, image: busybox:1.36, command: [sh, -c, "sleep 3600"]}]`,
    180,
  )

  it('creates exactly 3 pods (1 + backoffLimit), all Error, then sets Failed BackoffLimitExceeded', () => {
    const { pods, objects } = at(tl, 180)
    expect(pods).toHaveLength(3)
    for (const p of pods) expect(p.status?.phase).toBe('Failed')
    const job = objects.jobs![0]!
    expect(job.status?.failed).toBe(3)
    expect(job.status?.conditions?.find((c) => c.type === 'Failed')).toMatchObject({
      status: 'True',
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    })
    expect(named(at(tl, 180).events, 'BackoffLimitExceeded')[0]?.message).toBe(
      'Job has reached the specified backoff limit',
    )
  })

  it('delays the replacements 10 s then 20 s (DefaultJobPodFailureBackOff)', () => {
    const created = at(tl, 180)
      .pods.map((p) => seconds(tl, p.metadata?.creationTimestamp))
      .sort((a, b) => a - b)
    const finished = at(tl, 180)
      .pods.map((p) => seconds(tl, p.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt))
      .sort((a, b) => a - b)
    expect(created[1]! - finished[0]!).toBeGreaterThanOrEqual(10)
    expect(created[1]! - finished[0]!).toBeLessThan(12)
    expect(created[2]! - finished[1]!).toBeGreaterThanOrEqual(20)
    expect(created[2]! - finished[1]!).toBeLessThan(22)
  })

  it('kubectl get jobs shows Failed and 0/1; get pods shows 3 pods in Error', () => {
    expect(at(tl, 180).get('get jobs')).toMatch(/^flaky\s+Failed\s+0\/1\s+\S+\s+3m$/m)
    const rows = at(tl, 180).get('get pods').trim().split('\n').slice(1)
    expect(rows).toHaveLength(3)
    for (const r of rows) expect(r).toMatch(/^flaky-[a-z0-9]{5}\s+0\/1\s+Error\s+0\s/)
  })
})

describe('6. every k8s website example simulates 5 minutes, or says what it does not do', () => {
  const CORPUS = fileURLToPath(new URL('./testdata/k8s-website-examples/', import.meta.url))
  const files = (readdirSync(CORPUS, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .sort()

  it('finds the 289 manifests (testdata README)', () => {
    expect(files).toHaveLength(289)
  })

  it('analyzes and simulates each for 5 min without throwing; each object is stored, or a diagnostic on its document says why', () => {
    const silent: string[] = []
    let simulated = 0
    let refused = 0
    for (const f of files) {
      const analysis = analyzeScenario(readFileSync(`${CORPUS}${f}`, 'utf8'))
      let tl: Timeline | undefined
      expect(() => (tl = simulate(analysis.objects, { untilMs: 300_000 })), f).not.toThrow()
      expect(() => clusterObjects(tl!.stateAt(300_000)), f).not.toThrow()
      const errors = analysis.diagnostics.filter((d) => d.severity === 'error')
      if (errors.length > 0) {
        // Refused (as `kubectl apply` would refuse it, or as kubeplay cannot read it): said with a place.
        refused += 1
        for (const d of errors) expect(d.line, `${f}: ${d.message}`).toBeGreaterThan(0)
        continue
      }
      simulated += 1
      const stored = tl!.stateAt(0).objects
      for (const o of analysis.objects) {
        if (o.kind === 'Scenario') continue
        const warnings = analysis.diagnostics.filter(
          (d) => d.severity === 'warning' && d.line >= o.range.line && d.line <= o.range.endLine,
        )
        // A kind the engine keeps but does not simulate carries a `not-simulated` warning (once per kind).
        if (!kindInfo(o.kind).simulated && !analysis.diagnostics.some((d) => d.code === 'not-simulated'))
          silent.push(`${f}: ${o.kind} not simulated, no warning`)
        // An object the API server does not store (e.g. its namespace is missing) is warned about.
        if (!stored.has(objectKey(o)) && warnings.length === 0)
          silent.push(`${f}: ${objectKey(o)} not stored, no warning`)
      }
    }
    expect(silent).toEqual([])
    expect(simulated + refused).toBe(files.length)
    // Most of the docs' examples simulate as they are.
    expect(simulated).toBeGreaterThan(250)
  }, 20_000)
})
