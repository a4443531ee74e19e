import { readFileSync } from 'node:fs'
import type { Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate, type Timeline } from '../sim/simulate'
import type { KObject } from '../sim/state'
import { clusterObjects } from '../views'

/**
 * ResourceQuota and LimitRange admission (reference F7; `staging/src/k8s.io/apiserver/pkg/admission/
 * plugin/resourcequota/controller.go`, `pkg/quota/v1/evaluator/core/pods.go`,
 * `plugin/pkg/admission/limitranger/admission.go`), on the Kubernetes docs' own examples
 * (content/en/examples/admin/resource, tasks "Configure Memory and CPU Quotas for a Namespace",
 * "Configure Default Memory Requests and Limits", "Configure Minimum and Maximum CPU Constraints").
 */
const RESOURCE = new URL('../testdata/k8s-website-examples/admin/resource/', import.meta.url)
const file = (name: string): string => readFileSync(new URL(name, RESOURCE), 'utf8')

function run(text: string, untilS = 5): Timeline {
  const analysis = analyzeScenario(text)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000 })
}

const at = (tl: Timeline, s = 5) => clusterObjects(tl.stateAt(s * 1000))
const pod = (tl: Timeline, name: string): Pod | undefined =>
  at(tl).pods.find((p) => p.metadata!.name === name)
const failedCreate = (tl: Timeline): Event[] => at(tl).events.filter((e) => e.reason === 'FailedCreate')

/** A Deployment whose pod template is the given docs example Pod's spec. */
function deploymentOf(podFile: string, replicas = 1): string {
  const spec = (analyzeScenario(file(podFile)).objects[0]!.body as { spec: unknown }).spec
  return `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec: ${JSON.stringify(spec)}
`
}

describe('F7 ResourceQuota', () => {
  it('computes status.hard and status.used (quota-mem-cpu.yaml + quota-mem-cpu-pod.yaml)', () => {
    const tl = run(file('quota-mem-cpu.yaml') + file('quota-mem-cpu-pod.yaml'))
    const quota = tl.stateAt(5000).objects.get('ResourceQuota/default/mem-cpu-demo')!
    expect(quota.status).toEqual({
      hard: { 'limits.cpu': '2', 'limits.memory': '2Gi', 'requests.cpu': '1', 'requests.memory': '1Gi' },
      used: {
        'limits.cpu': '800m',
        'limits.memory': '800Mi',
        'requests.cpu': '400m',
        'requests.memory': '600Mi',
      },
    })
  })

  it('refuses a pod over the quota with the docs’ message, as the ReplicaSet’s FailedCreate', () => {
    // The docs: `pods "quota-mem-cpu-demo-2" is forbidden: exceeded quota: mem-cpu-demo,
    // requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi`.
    const tl = run(
      file('quota-mem-cpu.yaml') + file('quota-mem-cpu-pod.yaml') + deploymentOf('quota-mem-cpu-pod-2.yaml'),
    )
    expect(at(tl).pods.map((p) => p.metadata!.name)).toEqual(['quota-mem-cpu-demo'])
    const [event] = failedCreate(tl)
    expect(event!.type).toBe('Warning')
    expect(event!.involvedObject.kind).toBe('ReplicaSet')
    expect(event!.source?.component).toBe('replicaset-controller')
    expect(event!.message).toMatch(
      /^Error creating: pods "app-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: mem-cpu-demo, requested: requests\.memory=700Mi, used: requests\.memory=600Mi, limited: requests\.memory=1Gi$/,
    )
    expect(
      at(tl).events.some((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.kind === 'ReplicaSet'),
    ).toBe(false)
  })

  it('creates pods up to a pod-count quota, then FailedCreate (quota-pod.yaml + quota-pod-deployment.yaml)', () => {
    const tl = run(file('quota-pod.yaml') + file('quota-pod-deployment.yaml'), 30)
    expect(at(tl, 30).pods).toHaveLength(2)
    const messages = failedCreate(tl).map((e) => e.message!.replace(/"pod-quota-demo-\w+-\w{5}"/, '"<pod>"'))
    expect(messages[0]).toBe(
      'Error creating: pods "<pod>" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2',
    )
    const rs = [...tl.stateAt(30_000).objects.values()].find((o) => o.kind === 'ReplicaSet')!
    expect((rs.status as { replicas: number }).replicas).toBe(2)
    const quota = tl.stateAt(30_000).objects.get('ResourceQuota/default/pod-demo')!
    expect(quota.status).toEqual({ hard: { pods: '2' }, used: { pods: '2' } })
  })

  it('requires requests and limits a quota tracks: `failed quota: <q>: must specify <res> for: <containers>`', () => {
    const tl = run(file('quota-mem-cpu.yaml') + file('quota-pod-deployment.yaml'))
    const [event] = failedCreate(tl)
    expect(event!.message).toMatch(
      /^Error creating: pods "pod-quota-demo-\w+-\w{5}" is forbidden: failed quota: mem-cpu-demo: must specify limits\.cpu for: pod-quota-demo; limits\.memory for: pod-quota-demo; requests\.cpu for: pod-quota-demo; requests\.memory for: pod-quota-demo$/,
    )
  })
})

describe('LimitRange', () => {
  it('defaults memory request and limit (memory-defaults.yaml + memory-defaults-pod.yaml)', () => {
    const tl = run(file('memory-defaults.yaml') + file('memory-defaults-pod.yaml'))
    const p = pod(tl, 'default-mem-demo')!
    expect(p.spec!.containers[0]!.resources).toEqual({
      limits: { memory: '512Mi' },
      requests: { memory: '256Mi' },
    })
    expect(p.metadata!.annotations!['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: memory request for container default-mem-demo-ctr; memory limit for container default-mem-demo-ctr',
    )
  })

  it('defaults cpu (cpu-defaults.yaml: `cpu: 1`, `cpu: 0.5` stored as 1 and 500m)', () => {
    const tl = run(file('cpu-defaults.yaml') + file('cpu-defaults-pod.yaml'))
    const lr = tl.stateAt(0).objects.get('LimitRange/default/cpu-limit-range')! as KObject & {
      spec: { limits: unknown[] }
    }
    expect(lr.spec.limits).toEqual([
      { default: { cpu: '1' }, defaultRequest: { cpu: '500m' }, type: 'Container' },
    ])
    const p = at(tl).pods[0]!
    expect(p.spec!.containers[0]!.resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '500m' } })
  })

  it('fills defaultRequest from max/default when a LimitRange has only min and max (cpu-constraints.yaml)', () => {
    const tl = run(file('cpu-constraints.yaml') + file('cpu-constraints-pod.yaml'))
    const lr = tl.stateAt(0).objects.get('LimitRange/default/cpu-min-max-demo-lr')! as KObject & {
      spec: { limits: unknown[] }
    }
    expect(lr.spec.limits).toEqual([
      {
        default: { cpu: '800m' },
        defaultRequest: { cpu: '800m' },
        max: { cpu: '800m' },
        min: { cpu: '200m' },
        type: 'Container',
      },
    ])
  })

  it('refuses a container over max with the docs’ message (cpu-constraints-pod-2.yaml)', () => {
    // The docs: `pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m,
    // but limit is 1500m.`
    const tl = run(file('cpu-constraints.yaml') + deploymentOf('cpu-constraints-pod-2.yaml'))
    expect(at(tl).pods).toEqual([])
    expect(failedCreate(tl)[0]!.message).toMatch(
      /^Error creating: pods "app-\w+-\w{5}" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m\.$/,
    )
  })

  it('refuses below min and aggregates several violations (memory-constraints.yaml)', () => {
    const tl = run(
      file('memory-constraints.yaml') +
        `---
apiVersion: v1
kind: Pod
metadata: {name: ok}
spec:
  containers: [{name: c, image: nginx, resources: {limits: {memory: 800Mi}, requests: {memory: 600Mi}}}]
` +
        deploymentOf('memory-constraints-pod-2.yaml'),
    )
    expect(pod(tl, 'ok')).toBeDefined()
    expect(failedCreate(tl)[0]!.message).toMatch(
      /is forbidden: maximum memory usage per Container is 1Gi, but limit is 1536Mi\.$/,
    )
  })
})

describe('namespaces', () => {
  it('refuses objects in a namespace that does not exist: a warning diagnostic, nothing created', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: lost, namespace: nowhere}
spec:
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: found, namespace: team}
spec:
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Namespace
metadata: {name: team}
`
    const analysis = analyzeScenario(text)
    expect(analysis.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      [
        'warning',
        3,
        'namespaces "nowhere" not found: the API server refuses this Pod; add a Namespace document named nowhere',
      ],
    ])
    const tl = simulate(analysis.objects, { untilMs: 5000 })
    expect(at(tl).pods.map((p) => `${p.metadata!.namespace}/${p.metadata!.name}`)).toEqual(['team/found'])
    const ns = at(tl).namespaces.find((n) => n.metadata!.name === 'team')!
    expect(ns.status).toEqual({ phase: 'Active' })
  })
})
