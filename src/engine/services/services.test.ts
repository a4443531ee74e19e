import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate, type Timeline } from '../sim/simulate'
import type { KObject } from '../sim/state'
import { clusterObjects, clusterView } from '../views'

/**
 * Services, Endpoints and EndpointSlices, scenario-level (reference F5; DESIGN §2.2; the registry's
 * allocators `pkg/registry/core/service/ipallocator`, `portallocator`).
 */
function run(text: string, untilS: number, seed?: number): Timeline {
  const analysis = analyzeScenario(text)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000, ...(seed ? { seed } : {}) })
}

const objectsOf = (tl: Timeline, s: number, kind: string): KObject[] =>
  [...tl.stateAt(s * 1000).objects.values()].filter((o) => o.kind === kind)
const get = (tl: Timeline, s: number, key: string): KObject | undefined =>
  tl.stateAt(s * 1000).objects.get(key)

interface Subset {
  addresses?: { ip: string; targetRef: { name: string } }[]
  notReadyAddresses?: { ip: string; targetRef: { name: string } }[]
  ports?: { name?: string; port: number; protocol: string }[]
}
interface SliceEndpoint {
  addresses: string[]
  conditions: { ready: boolean; serving: boolean; terminating: boolean }
  nodeName?: string
  targetRef: { kind: string; name: string }
  zone?: string
}
const subsets = (o: KObject | undefined): Subset[] => (o as { subsets?: Subset[] } | undefined)?.subsets ?? []
const ready = (o: KObject | undefined): number =>
  subsets(o).reduce((n, s) => n + (s.addresses?.length ?? 0), 0)
const notReady = (o: KObject | undefined): number =>
  subsets(o).reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0)
const sliceEndpoints = (tl: Timeline, s: number): SliceEndpoint[] =>
  objectsOf(tl, s, 'EndpointSlice').flatMap(
    (o) => (o as { endpoints?: SliceEndpoint[] | null }).endpoints ?? [],
  )

const DEFAULT = readFileSync(new URL('../../ui/default-scenario.yaml', import.meta.url), 'utf8')

/** A Deployment of `replicas` nginx pods with a named port and a readiness probe, behind a Service. */
function webScenario(opts: { replicas?: number; behavior?: string; service?: string } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${opts.replicas ?? 3}
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
${opts.behavior ? `      annotations:\n        kubeplay.dev/behavior: '${opts.behavior}'\n` : ''}    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80, name: http}]
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
---
apiVersion: v1
kind: Service
metadata: {name: web, labels: {tier: front}}
spec:
  selector: {app: web}
  ports: [{name: web, port: 80, targetPort: http}]
${opts.service ?? ''}`
}

describe('the default scenario', () => {
  it('shows the web Service with 3 ready endpoints at 60 s, from its Endpoints object (e2e data-endpoints)', () => {
    const state = run(DEFAULT, 60).stateAt(60_000)
    expect(clusterView(state).services.map((s) => [s.name, s.endpoints])).toEqual([['web', 3]])
    expect(ready(state.objects.get('Endpoints/default/web'))).toBe(3)
  })
})

describe('Service allocation (ipallocator, portallocator)', () => {
  it('gives default/kubernetes 10.96.0.1 and every other Service the same address on every run and seed', () => {
    const a = run(DEFAULT, 1)
    const b = run(DEFAULT, 1, 7)
    const kube = get(a, 0, 'Service/default/kubernetes')!.spec as { clusterIP: string; ports: unknown[] }
    expect(kube.clusterIP).toBe('10.96.0.1')
    expect(kube.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }])
    const web = get(a, 0, 'Service/default/web')!.spec as { clusterIP: string; clusterIPs: string[] }
    expect(web.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|110|111)\.\d+\.\d+$/)
    expect(web.clusterIP).not.toBe('10.96.0.1')
    expect(web.clusterIPs).toEqual([web.clusterIP])
    expect((get(b, 0, 'Service/default/web')!.spec as { clusterIP: string }).clusterIP).toBe(web.clusterIP)
    expect(get(a, 0, 'Service/default/web')!.status).toEqual({ loadBalancer: {} })
  })

  it('allocates node ports in 30000-32767 for NodePort and LoadBalancer Services, keeps a requested one', () => {
    const tl = run(
      `${webScenario()}  type: NodePort
---
apiVersion: v1
kind: Service
metadata: {name: lb}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 443, targetPort: 8080}, {name: fixed, port: 80, targetPort: 8080, nodePort: 30080}]
`,
      1,
    )
    const ports = (name: string) =>
      (get(tl, 0, `Service/default/${name}`)!.spec as { ports: { nodePort: number }[] }).ports.map(
        (p) => p.nodePort,
      )
    const [web] = ports('web')
    expect(web).toBeGreaterThanOrEqual(30000)
    expect(web).toBeLessThanOrEqual(32767)
    const [first, fixed] = ports('lb')
    expect(fixed).toBe(30080)
    expect(first).toBeGreaterThanOrEqual(30000)
    expect(new Set([web, first, fixed]).size).toBe(3)
  })

  it('headless (clusterIP: None) gets no address: clusterIPs [None], and its Endpoints list the pods', () => {
    const tl = run(`${webScenario()}  clusterIP: None\n`, 60)
    const spec = get(tl, 60, 'Service/default/web')!.spec as { clusterIP: string; clusterIPs: string[] }
    expect(spec.clusterIP).toBe('None')
    expect(spec.clusterIPs).toEqual(['None'])
    const ep = get(tl, 60, 'Endpoints/default/web')!
    expect(ready(ep)).toBe(3)
    expect(ep.metadata.labels).toEqual({
      tier: 'front',
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
      'service.kubernetes.io/headless': '',
    })
  })
})

describe('F5 Endpoints and EndpointSlices follow readiness', () => {
  const tl = run(webScenario({ behavior: 'web: {probes: {readiness: {fail: [[30, 60]]}}}' }), 120)

  it('keeps one Endpoints object (ready pods in addresses, named targetPort resolved to 80)', () => {
    const ep = get(tl, 20, 'Endpoints/default/web')!
    expect(ready(ep)).toBe(3)
    expect(notReady(ep)).toBe(0)
    expect(subsets(ep)[0]!.ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }])
    expect(ep.metadata.ownerReferences).toBeUndefined()
    expect(clusterView(tl.stateAt(20_000)).services.map((s) => [s.name, s.endpoints])).toEqual([['web', 3]])
  })

  it('moves every pod to notReadyAddresses while readiness fails, and back afterwards', () => {
    const during = get(tl, 55, 'Endpoints/default/web')!
    expect(ready(during)).toBe(0)
    expect(notReady(during)).toBe(3)
    expect(clusterView(tl.stateAt(55_000)).services[0]!.endpoints).toBe(0)
    for (const e of sliceEndpoints(tl, 55))
      expect(e.conditions).toEqual({ ready: false, serving: false, terminating: false })
    expect(ready(get(tl, 110, 'Endpoints/default/web'))).toBe(3)
    for (const e of sliceEndpoints(tl, 110))
      expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false })
  })

  it('keeps one EndpointSlice <svc>-<5 chars> with the controller labels, owned by the Service', () => {
    const slices = objectsOf(tl, 110, 'EndpointSlice')
    expect(slices).toHaveLength(1)
    const slice = slices[0]! as KObject & { addressType: string; ports: unknown[] }
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    // Updated in place through the readiness window, never replaced.
    expect(objectsOf(tl, 20, 'EndpointSlice')[0]!.metadata.name).toBe(slice.metadata.name)
    expect(slice.metadata.labels).toEqual({
      tier: 'front',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    })
    expect(slice.metadata.ownerReferences).toMatchObject([{ kind: 'Service', name: 'web', controller: true }])
    expect(slice.addressType).toBe('IPv4')
    expect(slice.ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }])
    const pods = clusterObjects(tl.stateAt(110_000)).pods
    for (const e of sliceEndpoints(tl, 110)) {
      const pod = pods.find((p) => p.metadata!.name === e.targetRef.name)!
      expect(e.addresses).toEqual([pod.status!.podIP])
      expect(e.nodeName).toBe(pod.spec!.nodeName)
      expect(e.targetRef.kind).toBe('Pod')
      expect(e.zone).toMatch(/^zone-[abc]$/)
    }
  })

  it('publishNotReadyAddresses lists not-ready pods as ready addresses, and ready in the slices', () => {
    const published = run(
      webScenario({
        behavior: 'web: {probes: {readiness: {fail: [[30, 60]]}}}',
        service: '  publishNotReadyAddresses: true\n',
      }),
      60,
    )
    expect(ready(get(published, 55, 'Endpoints/default/web'))).toBe(3)
    for (const e of sliceEndpoints(published, 55))
      expect(e.conditions).toEqual({ ready: true, serving: false, terminating: false })
  })

  it('gives a Service with no pods an Endpoints without subsets and a placeholder slice', () => {
    const empty = run(webScenario({ replicas: 0 }), 5)
    expect(get(empty, 5, 'Endpoints/default/web')!.subsets).toBeUndefined()
    const slices = objectsOf(empty, 5, 'EndpointSlice')
    expect(slices).toHaveLength(1)
    expect(slices[0]).toMatchObject({ endpoints: null, ports: null })
  })
})

describe('F5 terminating pods', () => {
  // busybox sleep as PID 1 ignores SIGTERM: the pod stays Terminating for its 30 s grace period.
  const text = `apiVersion: v1
kind: Pod
metadata: {name: worker, labels: {app: w}}
spec:
  containers:
    - name: c
      image: busybox
      command: [sleep, '3600']
---
apiVersion: v1
kind: Service
metadata: {name: w}
spec:
  selector: {app: w}
  ports: [{port: 80}]
---
apiVersion: kubeplay.dev/v1
kind: Scenario
metadata: {name: s}
spec:
  timeline:
    - {at: 20s, action: delete, target: pod/worker}
`
  const tl = run(text, 90)

  it('drops a terminating pod from Endpoints but keeps it in the slice with terminating: true', () => {
    expect(ready(get(tl, 15, 'Endpoints/default/w'))).toBe(1)
    const pod = get(tl, 25, 'Pod/default/worker')!
    expect(pod.metadata.deletionTimestamp).toBeDefined()
    expect(subsets(get(tl, 25, 'Endpoints/default/w'))).toEqual([])
    const [e] = sliceEndpoints(tl, 25)
    const podReady = (pod.status as { conditions: { type: string; status: string }[] }).conditions.some(
      (c) => c.type === 'Ready' && c.status === 'True',
    )
    expect(e!.conditions).toEqual({ ready: false, serving: podReady, terminating: true })
  })

  it('leaves only the placeholder slice once the pod is gone', () => {
    expect(get(tl, 85, 'Pod/default/worker')).toBeUndefined()
    expect(sliceEndpoints(tl, 85)).toEqual([])
    expect(objectsOf(tl, 85, 'EndpointSlice')).toHaveLength(1)
  })
})
