import { readFileSync } from 'node:fs'
import type { Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { applyDefaults, createPod } from '../api/defaults'
import { SAFE_ALPHABET } from '../model/names'
import { createObject, deleteObject, listObjects, updateObject, type Sim } from '../sim/sim'
import { simulate, snapshot, type Timeline } from '../sim/simulate'
import type { KObject, SimState } from '../sim/state'
import { rfc3339 } from '../sim/time'
import { clusterObjects } from '../views'
import { applyObject, deleteWorkload, scaleWorkload } from './apply'
import type { PodObj } from './common'
import { resolveFenceposts } from './deployment'
import { gcWatch, reconcileWorkloads } from './index'
import { podFailureBackoffMs } from './job'
import { lessRanked } from './replicaset'

const EXAMPLES = new URL('../testdata/k8s-website-examples/', import.meta.url)
const example = (path: string): string => readFileSync(new URL(path, EXAMPLES), 'utf8')

function run(text: string, untilS: number): Timeline {
  const analysis = analyzeScenario(text)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000 })
}

interface Cond {
  type: string
  status: string
  reason?: string
  message?: string
  lastTransitionTime?: string
}
interface Obj extends KObject {
  spec: { replicas: number; selector: { matchLabels: Record<string, string> } }
  status: { conditions: Cond[]; [k: string]: unknown }
}
const objects = (s: SimState, kind: string): Obj[] =>
  [...s.objects.entries()].filter(([k]) => k.startsWith(`${kind}/`)).map(([, o]) => o as Obj)
const pods = (s: SimState): PodObj[] => objects(s, 'Pod') as PodObj[]
const events = (s: SimState, reason?: string): Event[] =>
  clusterObjects(s).events.filter((e) => reason === undefined || e.reason === reason)
const messages = (s: SimState, reason: string): string[] =>
  events(s, reason)
    .sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))
    .map((e) => e.message!)
const ready = (p: Pod): boolean =>
  !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
const atMs = (tl: Timeline, stamp: string | undefined): number => Date.parse(stamp ?? '') - tl.epochMs
const hashRe = new RegExp(`^[${SAFE_ALPHABET}]+$`)

describe('Deployment → ReplicaSet → Pods (deployment/sync.go, reference F1, F2)', () => {
  const tl = run(example('controllers/nginx-deployment.yaml'), 60)
  const end = tl.stateAt(60_000)

  it('names the ReplicaSet <deployment>-<pod-template-hash> and its pods <rs>-<5 characters>', () => {
    const [rs] = objects(end, 'ReplicaSet')
    const hash = rs!.metadata.labels!['pod-template-hash']!
    expect(hash).toMatch(hashRe)
    expect(rs!.metadata.name).toBe(`nginx-deployment-${hash}`)
    expect(rs!.spec.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'nginx',
      'pod-template-hash': hash,
    })
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    })
    const ps = pods(end)
    expect(ps).toHaveLength(3)
    for (const p of ps) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rs!.metadata.name}-[${SAFE_ALPHABET}]{5}$`))
      expect(p.metadata.generateName).toBe(`${rs!.metadata.name}-`)
      expect(p.metadata.labels!['pod-template-hash']).toBe(hash)
      expect(p.metadata.ownerReferences).toEqual([
        expect.objectContaining({ kind: 'ReplicaSet', name: rs!.metadata.name, controller: true }),
      ])
    }
  })

  it('words the events as the controllers do', () => {
    const rs = objects(end, 'ReplicaSet')[0]!.metadata.name
    expect(messages(end, 'ScalingReplicaSet')).toEqual([`Scaled up replica set ${rs} from 0 to 3`])
    expect(messages(end, 'SuccessfulCreate').sort()).toEqual(
      pods(end)
        .map((p) => `Created pod: ${p.metadata.name}`)
        .sort(),
    )
    expect(events(end, 'ScalingReplicaSet')[0]!.source).toEqual({ component: 'deployment-controller' })
  })

  it('ends Available (MinimumReplicasAvailable) and Progressing (NewReplicaSetAvailable), in that order', () => {
    const d = objects(end, 'Deployment')[0]!
    const rs = objects(end, 'ReplicaSet')[0]!.metadata.name
    expect(d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('1')
    expect(d.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    })
    expect(d.status.unavailableReplicas).toBeUndefined()
    expect(d.status.conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs}" has successfully progressed.`],
    ])
    expect(objects(end, 'ReplicaSet')[0]!.status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
      terminatingReplicas: 0,
    })
  })

  it('passes through Progressing NewReplicaSetCreated and Available False while the pods start', () => {
    const early = tl.stateAt(0)
    const d = objects(early, 'Deployment')[0]!
    const types = d.status.conditions.map((c) => `${c.type}=${c.status}/${c.reason}`)
    expect(types).toContain('Available=False/MinimumReplicasUnavailable')
    expect(d.status.conditions.find((c) => c.type === 'Available')!.message).toBe(
      'Deployment does not have minimum availability.',
    )
  })
})

describe('fenceposts (deployment_util.go ResolveFenceposts, reference F1)', () => {
  it.each([
    {
      name: '25%/25% of 3',
      surge: '25%',
      unavailable: '25%',
      replicas: 3,
      want: { surge: 1, unavailable: 0 },
    },
    {
      name: '25%/25% of 10',
      surge: '25%',
      unavailable: '25%',
      replicas: 10,
      want: { surge: 3, unavailable: 2 },
    },
    {
      name: '0/0 → unavailable 1',
      surge: 0,
      unavailable: 0,
      replicas: 5,
      want: { surge: 0, unavailable: 1 },
    },
    { name: '0%/10% of 5', surge: '0%', unavailable: '10%', replicas: 5, want: { surge: 0, unavailable: 1 } },
    { name: 'ints', surge: 2, unavailable: 1, replicas: 4, want: { surge: 2, unavailable: 1 } },
  ])('$name', ({ surge, unavailable, replicas, want }) => {
    expect(resolveFenceposts(surge, unavailable, replicas)).toEqual(want)
  })
})

/** A Deployment whose selector matches an older, orphaned ReplicaSet: it adopts it and rolls over it. */
function rollover(strategy: string): string {
  const template = (image: string) => `
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: nginx
          image: ${image}
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2}`
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-old
  labels: {app: web, pod-template-hash: old}
spec:
  replicas: 4
  selector: {matchLabels: {app: web, pod-template-hash: old}}
  template:${template('nginx:1.14.2').replace('labels: {app: web}', 'labels: {app: web, pod-template-hash: old}')}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  strategy: ${strategy}
  selector: {matchLabels: {app: web}}
  template:${template('nginx:1.16.1')}
`
}

describe('rolling update (deployment/rolling.go: maxSurge rounds up, maxUnavailable down)', () => {
  const tl = run(rollover('{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}'), 120)

  it('adopts the old ReplicaSet, never runs more than replicas + maxSurge pods, never drops below replicas − maxUnavailable once available', () => {
    let seenAvailable = false
    for (let t = 0; t <= 120_000; t += 500) {
      const s = tl.stateAt(t)
      const live = pods(s).filter((p) => !p.metadata.deletionTimestamp)
      const rss = objects(s, 'ReplicaSet')
      expect(
        rss.reduce((n, rs) => n + rs.spec.replicas, 0),
        `t=${t}`,
      ).toBeLessThanOrEqual(5)
      expect(live.length, `t=${t}`).toBeLessThanOrEqual(5)
      const available = live.filter(ready).length
      if (available >= 3) seenAvailable = true
      if (seenAvailable) expect(available, `t=${t}`).toBeGreaterThanOrEqual(3)
    }
    expect(seenAvailable).toBe(true)
  }, 30_000)

  it('ends with every pod on the new revision, the old ReplicaSet kept at 0 as history', () => {
    const end = tl.stateAt(120_000)
    const byName = new Map(objects(end, 'ReplicaSet').map((rs) => [rs.metadata.name, rs]))
    const old = byName.get('web-old')!
    expect(old.metadata.ownerReferences![0]!.kind).toBe('Deployment')
    expect(old.spec.replicas).toBe(0)
    const [newRS] = [...byName.values()].filter((rs) => rs.metadata.name !== 'web-old')
    expect(newRS!.spec.replicas).toBe(4)
    expect(newRS!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('1')
    const live = pods(end).filter((p) => !p.metadata.deletionTimestamp)
    expect(live.map((p) => p.spec!.containers[0]!.image)).toEqual(Array(4).fill('nginx:1.16.1'))
    const scaling = messages(end, 'ScalingReplicaSet')
    expect(scaling[0]).toBe(`Scaled up replica set ${newRS!.metadata.name} from 0 to 1`)
    expect(scaling.at(-1)).toMatch(
      /^Scaled (down replica set web-old from 1 to 0|up replica set web-\w+ from 3 to 4)$/,
    )
    for (const m of scaling) expect(m).toMatch(/^Scaled (up|down) replica set web-\w+ from \d+ to \d+$/)
    const d = objects(end, 'Deployment')[0]!
    expect(d.status.conditions.find((c) => c.type === 'Progressing')!.reason).toBe('NewReplicaSetAvailable')
  })
})

describe('Recreate (deployment/recreate.go)', () => {
  it('scales the old ReplicaSet to 0 and starts new pods only once no old pod is left', () => {
    const tl = run(rollover('{type: Recreate}'), 90)
    for (let t = 0; t <= 90_000; t += 500) {
      const images = new Set(pods(tl.stateAt(t)).map((p) => p.spec!.containers[0]!.image))
      expect(images.size, `t=${t}`).toBeLessThanOrEqual(1)
    }
    const end = tl.stateAt(90_000)
    expect(pods(end).map((p) => p.spec!.containers[0]!.image)).toEqual(Array(4).fill('nginx:1.16.1'))
    expect(messages(end, 'ScalingReplicaSet')).toEqual([
      'Scaled down replica set web-old from 4 to 0',
      expect.stringMatching(/^Scaled up replica set web-\w+ from 0 to 4$/),
    ])
  }, 30_000)
})

describe('progressDeadlineSeconds (deployment/progress.go)', () => {
  it('sets Progressing False ProgressDeadlineExceeded when no progress is made for the deadline', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: stuck}
spec:
  replicas: 2
  progressDeadlineSeconds: 30
  selector: {matchLabels: {app: stuck}}
  template:
    metadata:
      labels: {app: stuck}
      annotations:
        kubeplay.dev/behavior: |
          app: {pull: fail}
    spec:
      containers: [{name: app, image: example.com/missing:1}]
`
    const tl = run(text, 60)
    const cond = (t: number) =>
      objects(tl.stateAt(t), 'Deployment')[0]!.status.conditions.find((c) => c.type === 'Progressing')!
    expect(cond(20_000).status).toBe('True')
    const rs = objects(tl.stateAt(60_000), 'ReplicaSet')[0]!.metadata.name
    expect(cond(60_000)).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs}" has timed out progressing.`,
    })
    const flipped = atMs(tl, cond(60_000).lastTransitionTime)
    expect(flipped).toBeGreaterThanOrEqual(30_000)
    expect(flipped).toBeLessThanOrEqual(32_000)
  })
})

describe('minReadySeconds (podutil.IsPodAvailable)', () => {
  it('counts a pod available only minReadySeconds after it became Ready', () => {
    const text = example('controllers/nginx-deployment.yaml').replace(
      'replicas: 3',
      'replicas: 1\n  minReadySeconds: 10',
    )
    const tl = run(text, 40)
    const pod = pods(tl.stateAt(40_000))[0]!
    const readyAt = atMs(tl, pod.status!.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime)
    const rsAt = (t: number) => objects(tl.stateAt(t), 'ReplicaSet')[0]!.status
    expect(rsAt(readyAt + 9_000)).toMatchObject({ readyReplicas: 1 })
    expect(rsAt(readyAt + 9_000).availableReplicas).toBeUndefined()
    expect(rsAt(readyAt + 10_100).availableReplicas).toBe(1)
  })
})

describe('ReplicaSet (replica_set.go)', () => {
  it('replaces a deleted pod: SuccessfulCreate for a new name', () => {
    const text = example('controllers/frontend.yaml')
    const first = run(text, 10).stateAt(10_000)
    const victim = pods(first)[0]!.metadata.name
    const tl = run(
      `${text}\n---\napiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  timeline:\n    - {at: 20s, action: delete, target: pod/${victim}}\n`,
      60,
    )
    const end = tl.stateAt(60_000)
    const names = pods(end).map((p) => p.metadata.name)
    expect(names).toHaveLength(3)
    expect(names).not.toContain(victim)
    const created = messages(end, 'SuccessfulCreate')
    expect(created).toHaveLength(4)
    const rs = objects(end, 'ReplicaSet')[0]!
    expect(rs.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 })
    // The replacement is created as soon as the pod is marked for deletion (it is no longer active).
    const replacement = pods(end).find((p) => atMs(tl, p.metadata.creationTimestamp) >= 20_000)!
    expect(atMs(tl, replacement.metadata.creationTimestamp)).toBe(20_000)
  })
})

describe('ActivePodsWithRanks.Less (controller_utils.go, reference F3)', () => {
  const NOW = Date.parse('2026-01-01T01:00:00Z')
  const t = (s: number) => rfc3339(NOW - s * 1000)
  const pod = (o: {
    node?: string
    phase?: string
    readyFor?: number
    cost?: string
    restarts?: number
    age?: number
    uid?: string
  }): PodObj =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'p',
        uid: o.uid ?? 'u',
        creationTimestamp: t(o.age ?? 1000),
        ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
      },
      spec: { nodeName: o.node ?? 'n1', containers: [] },
      status: {
        phase: o.phase ?? 'Running',
        conditions:
          o.readyFor === undefined
            ? []
            : [{ type: 'Ready', status: 'True', lastTransitionTime: t(o.readyFor) }],
        containerStatuses: [{ restartCount: o.restarts ?? 0 }],
      },
    }) as unknown as PodObj
  const first = (a: PodObj, b: PodObj, ranks: [number, number] = [1, 1]) =>
    lessRanked({ pod: a, rank: ranks[0] }, { pod: b, rank: ranks[1] }, NOW)
  it.each([
    { name: '1 unassigned before assigned', a: pod({ node: '' }), b: pod({ readyFor: 100 }) },
    { name: '2 Pending before Running', a: pod({ phase: 'Pending' }), b: pod({}) },
    { name: '2 Unknown before Running', a: pod({ phase: 'Unknown' }), b: pod({}) },
    { name: '3 not ready before ready', a: pod({}), b: pod({ readyFor: 10 }) },
    { name: '4 lower deletion cost first', a: pod({ readyFor: 10, cost: '-5' }), b: pod({ readyFor: 10 }) },
    { name: '6 ready more recently (log2 scale)', a: pod({ readyFor: 10 }), b: pod({ readyFor: 1000 }) },
    { name: '7 more restarts first', a: pod({ restarts: 3 }), b: pod({ restarts: 1 }) },
    { name: '8 newer first (log2 scale)', a: pod({ age: 5 }), b: pod({ age: 5000 }) },
    {
      name: '8 same log2 bucket: UID decides',
      a: pod({ age: 1000, uid: 'a' }),
      b: pod({ age: 1001, uid: 'b' }),
    },
  ])('$name', ({ a, b }) => {
    expect(first(a, b)).toBe(true)
    expect(first(b, a)).toBe(false)
  })
  it('5 doubled up (higher rank) first', () => {
    expect(first(pod({}), pod({}), [3, 1])).toBe(true)
    expect(first(pod({}), pod({}), [1, 3])).toBe(false)
  })
})

describe('StatefulSet (stateful_set_control.go, stateful_pod_control.go)', () => {
  const tl = run(example('controllers/statefulset.yaml'), 90)
  const end = tl.stateAt(90_000)

  it('creates web-0, web-1, web-2 one at a time, each after the previous is Ready for minReadySeconds (10 s)', () => {
    const byName = new Map(pods(end).map((p) => [p.metadata.name, p]))
    expect([...byName.keys()].sort()).toEqual(['web-0', 'web-1', 'web-2'])
    for (const [prev, next] of [
      ['web-0', 'web-1'],
      ['web-1', 'web-2'],
    ] as const) {
      const readyAt = atMs(
        tl,
        byName.get(prev)!.status!.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime,
      )
      const created = atMs(tl, byName.get(next)!.metadata.creationTimestamp)
      expect(created).toBeGreaterThanOrEqual(readyAt + 10_000)
      expect(created).toBeLessThanOrEqual(readyAt + 12_000)
    }
    const p = byName.get('web-1')!
    expect(p.spec!.hostname).toBe('web-1')
    expect(p.spec!.subdomain).toBe('nginx')
    expect(p.metadata.labels).toMatchObject({
      app: 'nginx',
      'apps.kubernetes.io/pod-index': '1',
      'statefulset.kubernetes.io/pod-name': 'web-1',
    })
    expect(p.metadata.labels!['controller-revision-hash']).toMatch(/^web-\w+$/)
    expect(p.spec!.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } })
  })

  it('words SuccessfulCreate as recordPodEvent does and reports status', () => {
    expect(messages(end, 'SuccessfulCreate')).toEqual([
      'create Pod web-0 in StatefulSet web successful',
      'create Pod web-1 in StatefulSet web successful',
      'create Pod web-2 in StatefulSet web successful',
    ])
    const sts = objects(end, 'StatefulSet')[0]!
    expect(sts.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      collisionCount: 0,
    })
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision)
  })

  it('Parallel creates every pod at once', () => {
    const text = example('controllers/statefulset.yaml').replace(
      'serviceName: "nginx"',
      'serviceName: "nginx"\n  podManagementPolicy: Parallel',
    )
    const s = run(text, 1).stateAt(0)
    expect(
      pods(s)
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(['web-0', 'web-1', 'web-2'])
  })

  it('recreates a deleted pod under the same name', () => {
    const text = `${example('controllers/statefulset.yaml')}\n---\napiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  timeline:\n    - {at: 80s, action: delete, target: pod/web-1}\n`
    const tl2 = run(text, 150)
    const s = tl2.stateAt(150_000)
    const p = pods(s).find((x) => x.metadata.name === 'web-1')!
    expect(atMs(tl2, p.metadata.creationTimestamp)).toBeGreaterThanOrEqual(80_000)
    expect(p.metadata.uid).not.toBe(
      pods(tl2.stateAt(79_000)).find((x) => x.metadata.name === 'web-1')!.metadata.uid,
    )
    expect(messages(s, 'SuccessfulDelete')).toEqual([])
    // The same message again: the recorder aggregates it into the first event (count 2).
    expect(events(s, 'SuccessfulCreate').find((e) => e.message!.includes('web-1'))!.count).toBe(2)
  })
})

describe('DaemonSet (daemon_controller.go, util/daemonset_util.go)', () => {
  const nodes = `apiVersion: v1
kind: Node
metadata: {name: cp-1, labels: {node-role.kubernetes.io/control-plane: ""}}
spec:
  taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]
---
apiVersion: v1
kind: Node
metadata: {name: worker-1}
---
apiVersion: v1
kind: Node
metadata: {name: worker-2}
spec:
  taints: [{key: dedicated, value: gpu, effect: NoExecute}]
---
apiVersion: v1
kind: Node
metadata: {name: worker-3}
spec:
  unschedulable: true
---
`
  const tl = run(nodes + example('controllers/daemonset.yaml'), 30)
  const end = tl.stateAt(30_000)

  it('runs one pod per eligible node, tied to it by matchFields metadata.name, with the automatic tolerations', () => {
    const ps = pods(end)
    const target = (p: PodObj) =>
      p.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms
    // cp-1: NoSchedule taint not tolerated (the manifest tolerates the old "master" key); worker-2: NoExecute.
    expect(ps.map((p) => target(p)[0]!.matchFields![0]!.values![0]).sort()).toEqual(['worker-1', 'worker-3'])
    for (const p of ps) {
      expect(target(p)).toEqual([
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: [expect.any(String)] }] },
      ])
      expect(p.metadata.name).toMatch(new RegExp(`^fluentd-elasticsearch-[${SAFE_ALPHABET}]{5}$`))
      expect(p.metadata.labels).toMatchObject({
        name: 'fluentd-elasticsearch',
        'pod-template-generation': '1',
      })
      const keys = p.spec!.tolerations!.map((t) => `${t.key}:${t.effect}`)
      for (const k of [
        'node-role.kubernetes.io/master:NoSchedule',
        'node.kubernetes.io/not-ready:NoExecute',
        'node.kubernetes.io/unreachable:NoExecute',
        'node.kubernetes.io/disk-pressure:NoSchedule',
        'node.kubernetes.io/memory-pressure:NoSchedule',
        'node.kubernetes.io/pid-pressure:NoSchedule',
        'node.kubernetes.io/unschedulable:NoSchedule',
      ])
        expect(keys).toContain(k)
    }
    expect(messages(end, 'SuccessfulCreate').sort()).toEqual(
      ps.map((p) => `Created pod: ${p.metadata.name}`).sort(),
    )
    // The scheduler binds each pod to the node its affinity names.
    for (const p of ps)
      if (p.spec!.nodeName) expect(p.spec!.nodeName).toBe(target(p)[0]!.matchFields![0]!.values![0])
  })

  it('reports desired/current/ready counts', () => {
    expect(objects(end, 'DaemonSet')[0]!.status).toMatchObject({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
    })
  })
})

const job = (spec: string, command: string, extra = '') => `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
${spec}
  template:
    spec:
      restartPolicy: Never${extra}
      containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "${command}"]
`

describe('Job (job_controller.go, reference F4)', () => {
  it('runs completions with parallelism, labels its pods, then SuccessCriteriaMet and Complete', () => {
    const tl = run(job('  completions: 3\n  parallelism: 2', 'sleep 5'), 60)
    const end = tl.stateAt(60_000)
    const j = objects(end, 'Job')[0]!
    const ps = pods(end)
    expect(ps).toHaveLength(3)
    for (const p of ps) {
      expect(p.metadata.name).toMatch(new RegExp(`^work-[${SAFE_ALPHABET}]{5}$`))
      expect(p.metadata.labels).toEqual({
        'batch.kubernetes.io/controller-uid': j.metadata.uid,
        'batch.kubernetes.io/job-name': 'work',
        'controller-uid': j.metadata.uid,
        'job-name': 'work',
      })
      expect(p.metadata.finalizers).toBeUndefined()
    }
    // Two at a time: the third starts after one of the first two succeeded.
    const created = ps.map((p) => atMs(tl, p.metadata.creationTimestamp)).sort((a, b) => a - b)
    expect(created[0]).toBe(0)
    expect(created[1]).toBe(0)
    expect(created[2]).toBeGreaterThan(5_000)
    expect(j.status.conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ])
    expect(j.status).toMatchObject({ succeeded: 3, ready: 0, terminating: 0, uncountedTerminatedPods: {} })
    expect(j.status.completionTime).toBeDefined()
    expect(messages(end, 'Completed')).toEqual(['Job completed'])
    expect(messages(end, 'SuccessfulCreate').sort()).toEqual(
      ps.map((p) => `Created pod: ${p.metadata.name}`).sort(),
    )
  })

  it('holds running pods with the job-tracking finalizer and counts them active', () => {
    const tl = run(job('  completions: 1', 'sleep 30'), 10)
    const s = tl.stateAt(10_000)
    expect(pods(s)[0]!.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking'])
    expect(objects(s, 'Job')[0]!.status).toMatchObject({ active: 1, ready: 1, terminating: 0 })
  })

  it('backs off 10 s × 2^(n−1) between failed pods and fails with BackoffLimitExceeded', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(podFailureBackoffMs)).toEqual([
      10_000, 20_000, 40_000, 80_000, 600_000, 600_000, 600_000,
    ])
    const tl = run(job('  backoffLimit: 2', 'exit 1'), 120)
    const end = tl.stateAt(120_000)
    const ps = pods(end).sort(
      (a, b) => atMs(tl, a.metadata.creationTimestamp) - atMs(tl, b.metadata.creationTimestamp),
    )
    expect(ps).toHaveLength(3)
    expect(ps.every((p) => p.status!.phase === 'Failed')).toBe(true)
    const finished = (p: PodObj) => atMs(tl, p.status!.containerStatuses![0]!.state!.terminated!.finishedAt)
    const created = (p: PodObj) => atMs(tl, p.metadata.creationTimestamp)
    expect(created(ps[1]!) - finished(ps[0]!)).toBeGreaterThanOrEqual(10_000)
    expect(created(ps[1]!) - finished(ps[0]!)).toBeLessThan(11_000)
    expect(created(ps[2]!) - finished(ps[1]!)).toBeGreaterThanOrEqual(20_000)
    expect(created(ps[2]!) - finished(ps[1]!)).toBeLessThan(21_000)
    const j = objects(end, 'Job')[0]!
    expect(j.status.failed).toBe(3)
    expect(j.status.conditions.map((c) => [c.type, c.reason, c.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ])
    const [warning] = events(end, 'BackoffLimitExceeded')
    expect(warning).toMatchObject({ type: 'Warning', message: 'Job has reached the specified backoff limit' })
  })

  it('stops at activeDeadlineSeconds: DeadlineExceeded, the running pod deleted, Failed once it is gone', () => {
    const tl = run(
      job('  activeDeadlineSeconds: 10', 'sleep 600', '\n      terminationGracePeriodSeconds: 3'),
      60,
    )
    const end = tl.stateAt(60_000)
    const j = objects(end, 'Job')[0]!
    const target = j.status.conditions.find((c) => c.type === 'FailureTarget')!
    expect(target).toMatchObject({
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    })
    expect(atMs(tl, target.lastTransitionTime)).toBe(10_000)
    const failed = j.status.conditions.find((c) => c.type === 'Failed')!
    expect(failed.reason).toBe('DeadlineExceeded')
    expect(atMs(tl, failed.lastTransitionTime)).toBeGreaterThanOrEqual(12_000)
    expect(pods(end)).toEqual([])
    expect(messages(end, 'SuccessfulDelete')).toHaveLength(1)
    expect(events(end, 'DeadlineExceeded')[0]!.type).toBe('Warning')
  })

  it('Indexed: pods <job>-<index>-<5>, completion index annotation and completedIndexes', () => {
    const tl = run(job('  completions: 3\n  parallelism: 3\n  completionMode: Indexed', 'sleep 2'), 30)
    const end = tl.stateAt(30_000)
    const names = pods(end)
      .map((p) => p.metadata.name)
      .sort()
    expect(names.map((n) => n.replace(/-\w{5}$/, ''))).toEqual(['work-0', 'work-1', 'work-2'])
    expect(pods(end)[0]!.metadata.annotations!['batch.kubernetes.io/job-completion-index']).toMatch(/^[0-2]$/)
    expect(objects(end, 'Job')[0]!.status.completedIndexes).toBe('0-2')
  })
})

/**
 * A hand-driven simulation: the controllers, with pods made Ready (or removed) by the test. The garbage
 * collector's informer is the one watch it keeps.
 */
function handSim(text: string): { sim: Sim; pass: (ms?: number) => void } {
  const tl = run(text, 0)
  const state = snapshot(tl.stateAt(0))
  const suffix = () => 'abcde'
  const sim: Sim = {
    s: state,
    watchers: [gcWatch],
    admit: (kind, body) =>
      kind === 'Pod'
        ? (createPod(body, { suffix }) as unknown as Record<string, unknown>)
        : applyDefaults(kind, body, { suffix }),
  }
  const newPod = (sm: Sim, pod: PodObj) => {
    const admitted = sm.admit('Pod', pod as unknown as Record<string, unknown>, sm) as unknown as KObject
    createObject(sm, { ...admitted, status: { phase: 'Pending' } })
  }
  const pass = (ms = 1000) => {
    sim.s.now += ms
    for (const p of listObjects<PodObj>(sim, 'Pod')) {
      if (p.metadata.deletionTimestamp) deleteObject(sim, `Pod/${p.metadata.namespace}/${p.metadata.name}`)
      else if (p.status?.phase === 'Pending')
        updateObject(sim, {
          ...p,
          spec: { ...p.spec!, nodeName: 'worker-1' },
          status: {
            phase: 'Running',
            conditions: [
              { type: 'Ready', status: 'True', lastTransitionTime: rfc3339(sim.s.epochMs + sim.s.now) },
            ],
          },
        })
    }
    for (let i = 0; i < 5; i++) reconcileWorkloads(sim, newPod)
  }
  return { sim, pass }
}

describe('apply / scale / delete (controllers/apply.ts)', () => {
  const base = example('controllers/nginx-deployment.yaml')

  it('a changed template rolls out: a second ReplicaSet, revision 2, pods counted by revision step by step', () => {
    const { sim, pass } = handSim(base.replace('replicas: 3', 'replicas: 4'))
    pass()
    pass()
    const d = listObjects<Obj>(sim, 'Deployment')[0]!
    const body = JSON.parse(
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: d.metadata.name, labels: d.metadata.labels },
        spec: d.spec,
      }),
    )
    body.spec.template.spec.containers[0].image = 'nginx:1.16.1'
    expect(applyObject(sim, body)).toEqual({
      ok: true,
      message: 'deployment.apps/nginx-deployment configured',
    })
    expect(applyObject(sim, body)).toEqual({
      ok: true,
      message: 'deployment.apps/nginx-deployment unchanged',
    })
    const steps: string[] = []
    for (let i = 0; i < 12; i++) {
      pass()
      const live = listObjects<PodObj>(sim, 'Pod').filter((p) => !p.metadata.deletionTimestamp)
      const count = (img: string) => live.filter((p) => p.spec!.containers[0]!.image === img).length
      steps.push(`${count('nginx:1.14.2')}+${count('nginx:1.16.1')}`)
      expect(live.length).toBeLessThanOrEqual(5) // 4 + maxSurge ⌈25% × 4⌉ = 1
    }
    // maxUnavailable ⌊25% × 4⌋ = 1: 4 old → 3 old + 1 new (surge) … → 0 + 4.
    expect(steps[0]).toBe('3+2')
    expect(steps.at(-1)).toBe('0+4')
    const rss = listObjects<Obj>(sim, 'ReplicaSet')
    expect(rss.map((rs) => rs.metadata.annotations!['deployment.kubernetes.io/revision']).sort()).toEqual([
      '1',
      '2',
    ])
    expect(
      listObjects<Obj>(sim, 'Deployment')[0]!.metadata.annotations!['deployment.kubernetes.io/revision'],
    ).toBe('2')
    expect(listObjects<Obj>(sim, 'Deployment')[0]!.metadata.generation).toBe(2)
  })

  it('scale: spec.replicas, ScalingReplicaSet from a to b; not found in kubectl words', () => {
    const { sim, pass } = handSim(base)
    pass()
    expect(scaleWorkload(sim, 'Deployment', 'default', 'nginx-deployment', 5)).toEqual({
      ok: true,
      message: 'deployment.apps/nginx-deployment scaled',
    })
    pass()
    expect(listObjects<PodObj>(sim, 'Pod')).toHaveLength(5)
    const rs = listObjects<Obj>(sim, 'ReplicaSet')[0]!.metadata.name
    expect(messages(sim.s, 'ScalingReplicaSet')).toContain(`Scaled up replica set ${rs} from 3 to 5`)
    scaleWorkload(sim, 'Deployment', 'default', 'nginx-deployment', 1)
    pass(0)
    expect(messages(sim.s, 'ScalingReplicaSet')).toContain(`Scaled down replica set ${rs} from 5 to 1`)
    expect(messages(sim.s, 'SuccessfulDelete')).toHaveLength(4)
    expect(scaleWorkload(sim, 'Deployment', 'default', 'nope', 1)).toEqual({
      ok: false,
      message: 'Error from server (NotFound): deployments.apps "nope" not found',
    })
  })

  it('garbage collection: deleting a Deployment removes its ReplicaSet, then its pods (background)', () => {
    const { sim, pass } = handSim(base)
    pass()
    expect(deleteWorkload(sim, 'Deployment', 'default', 'nginx-deployment')).toEqual({
      ok: true,
      message: 'deployment.apps "nginx-deployment" deleted',
    })
    reconcileWorkloads(sim, () => {})
    expect(listObjects(sim, 'ReplicaSet')).toEqual([])
    reconcileWorkloads(sim, () => {})
    expect(listObjects<PodObj>(sim, 'Pod').every((p) => !!p.metadata.deletionTimestamp)).toBe(true)
    pass()
    expect(listObjects(sim, 'Pod')).toEqual([])
  })

  it('foreground deletion keeps the owner until its dependents are gone', () => {
    const { sim, pass } = handSim(base)
    pass()
    deleteWorkload(sim, 'Deployment', 'default', 'nginx-deployment', 'Foreground')
    reconcileWorkloads(sim, () => {})
    expect(listObjects<Obj>(sim, 'Deployment')[0]!.metadata.finalizers).toEqual(['foregroundDeletion'])
    for (let i = 0; i < 4; i++) pass()
    expect(listObjects(sim, 'Pod')).toEqual([])
    expect(listObjects(sim, 'ReplicaSet')).toEqual([])
    expect(listObjects(sim, 'Deployment')).toEqual([])
  })
})
