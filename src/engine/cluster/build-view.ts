import type { CronJob, Job } from 'kubernetes-types/batch/v1'
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { Node, Pod, Service } from 'kubernetes-types/core/v1'
import { podRequestsAndLimits } from '../kubectl/describe-node'
import { podRow } from '../kubectl/pod-row'
import { parseQuantity, quantityValue } from '../kubectl/quantity'
import { nodeRoles } from '../kubectl/rows'
import { jobRow } from '../kubectl/workload-rows'
import type { ContainerRuntime, PodRuntime, ProbeWorker } from '../kubelet/runtime'
import { nodeLife } from '../nodes/health'
import { whyPending } from '../scheduler/scheduler'
import { readyAddressCount } from '../services/endpoints'
import type { KObject, SimState } from '../sim/state'
import { parseTime } from '../sim/time'
import type {
  ClusterView,
  NodeResources,
  NodeView,
  PodView,
  ProbeDot,
  ServiceView,
  WorkloadView,
} from './view'

const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'])

/**
 * What the graph draws at the state's moment: each pod with kubectl's STATUS, READY and RESTARTS
 * columns, each node's Ready status with the requests of its pods against what it can hold, each
 * Service's ready endpoints: the addresses of its Endpoints object, which the endpoints controller keeps
 * (reference F5, src/engine/services), and the controllers that own the pods. The API server's own
 * `default/kubernetes` Service is left out of the graph (kubectl still lists it). Without `ticks`, probe
 * dots leave out when their probe last ran (`lastMs` is null): for a graph that does not pulse them.
 */
export function clusterView(s: SimState, { ticks = true }: { readonly ticks?: boolean } = {}): ClusterView {
  const pods: Pod[] = []
  const nodes: Node[] = []
  const services: Service[] = []
  const workloads: KObject[] = []
  for (const [key, o] of s.objects) {
    const kind = key.slice(0, key.indexOf('/'))
    if (kind === 'Pod') pods.push(o as unknown as Pod)
    else if (kind === 'Node') nodes.push(o as unknown as Node)
    else if (kind === 'Service') services.push(o as unknown as Service)
    else if (WORKLOAD_KINDS.has(kind)) workloads.push(o)
  }
  const now = s.epochMs + s.now
  const requested = new Map<string, { cpu: number; memory: number; pods: number }>()
  const podViews: PodView[] = pods.map((p) => {
    const namespace = p.metadata?.namespace ?? 'default'
    const name = p.metadata?.name ?? ''
    const key = `Pod/${namespace}/${name}`
    const nodeName = p.spec?.nodeName ?? null
    const { ready, status, restarts } = columnsOf(p, now)
    const phase = p.status?.phase
    if (nodeName !== null && phase !== 'Succeeded' && phase !== 'Failed') {
      const r = requested.get(nodeName) ?? { cpu: 0, memory: 0, pods: 0 }
      const req = requestsOf(p)
      r.cpu += req.cpu
      r.memory += req.memory
      r.pods++
      requested.set(nodeName, r)
    }
    const rt = s.runtime.get(key)
    const created = parseTime(p.metadata?.creationTimestamp)
    const view: PodView = {
      namespace,
      name,
      node: nodeName,
      status,
      ready,
      restarts,
      labels: p.metadata?.labels ?? {},
      owner: ownerOf(p),
      controller: controllerOf(p),
      createdMs: created === null ? 0 : created - s.epochMs,
      probes: rt ? probeDots(s, rt, ticks) : [],
      lastCrashMs: rt ? lastCrash(rt) : null,
      evicted:
        p.status?.conditions?.find((c) => c.type === 'DisruptionTarget' && c.status === 'True')?.reason ??
        null,
    }
    if (nodeName === null && !p.metadata?.deletionTimestamp) {
      const verdicts = whyPending(s, key)
      if (verdicts && verdicts.length > 0) return { ...view, unschedulable: verdicts }
    }
    return view
  })
  const nodeViews: NodeView[] = nodes
    .map((n): NodeView => {
      const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status
      const name = n.metadata?.name ?? ''
      const alloc = n.status?.allocatable ?? n.status?.capacity ?? {}
      const used = requested.get(name) ?? { cpu: 0, memory: 0, pods: 0 }
      const allocatable: NodeResources = {
        cpuMilli: milli(alloc.cpu),
        memoryBytes: bytes(alloc.memory),
        pods: Number(alloc.pods ?? 110),
      }
      return {
        name,
        status: ready === 'True' ? 'Ready' : ready === undefined ? 'Unknown' : 'NotReady',
        cpu: String(alloc.cpu ?? ''),
        memory: String(alloc.memory ?? ''),
        maxPods: allocatable.pods,
        roles: nodeRoles(n),
        unschedulable: n.spec?.unschedulable === true,
        requested: { cpuMilli: Math.round(used.cpu), memoryBytes: Math.round(used.memory), pods: used.pods },
        allocatable,
      }
    })
    .sort((a, b) => cmp(a.name, b.name))
  const serviceViews: ServiceView[] = services
    .filter((svc) => !isKubernetesService(svc))
    .map((svc) => {
      const ns = svc.metadata?.namespace ?? 'default'
      const endpoints = s.objects.get(`Endpoints/${ns}/${svc.metadata?.name ?? ''}`)
      const { ready, notReady } = endpointPods(endpoints)
      return {
        namespace: ns,
        name: svc.metadata?.name ?? '',
        type: svc.spec?.type ?? 'ClusterIP',
        ports: (svc.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',') || '<none>',
        selector: svc.spec?.selector ?? {},
        endpoints: readyAddressCount(endpoints),
        readyPods: ready,
        notReadyPods: notReady,
      }
    })
  return {
    t: s.now,
    nodes: nodeViews,
    pods: podViews,
    services: serviceViews,
    workloads: workloads.map((w) => workloadView(w, now)),
  }
}

function isKubernetesService(svc: Service): boolean {
  return svc.metadata?.namespace === 'default' && svc.metadata?.name === 'kubernetes'
}

type Owned = { metadata?: { ownerReferences?: { kind: string; name: string; controller?: boolean }[] } }

function controllerRef(o: Owned): { kind: string; name: string } | undefined {
  return o.metadata?.ownerReferences?.find((r) => r.controller) ?? o.metadata?.ownerReferences?.[0]
}

function controllerOf(o: Owned): string | null {
  const ref = controllerRef(o)
  return ref ? `${ref.kind}/${ref.name}` : null
}

/** The top controller: a ReplicaSet's pods belong to its Deployment (by the pod-template-hash suffix). */
function ownerOf(p: Pod): string | null {
  const ref = controllerRef(p)
  if (!ref) return null
  if (ref.kind === 'ReplicaSet') {
    const hash = p.metadata?.labels?.['pod-template-hash']
    if (hash && ref.name.endsWith(`-${hash}`)) return `Deployment/${ref.name.slice(0, -hash.length - 1)}`
  }
  return `${ref.kind}/${ref.name}`
}

/**
 * kubectl's READY, STATUS and RESTARTS (the count) of a pod, memoised per object: none of the three
 * depends on the time (only the "(5m ago)" after the count does), and objects are never changed in place.
 */
const columnsCache = new WeakMap<object, { ready: string; status: string; restarts: number }>()
function columnsOf(p: Pod, now: number): { ready: string; status: string; restarts: number } {
  const cached = columnsCache.get(p)
  if (cached) return cached
  const [, ready, status, restarts] = podRow(p, now)
  const out = {
    ready: ready ?? '0/0',
    status: status ?? '',
    restarts: Number.parseInt(restarts ?? '0', 10) || 0,
  }
  columnsCache.set(p, out)
  return out
}

/** A pod's cpu (millicores) and memory (bytes) requests, memoised per object: objects are never changed in place. */
const requestsCache = new WeakMap<object, { cpu: number; memory: number }>()
function requestsOf(p: Pod): { cpu: number; memory: number } {
  const cached = requestsCache.get(p)
  if (cached) return cached
  const { requests } = podRequestsAndLimits(p)
  const cpu = requests.get('cpu')
  const memory = requests.get('memory')
  const out = { cpu: cpu ? quantityValue(cpu) * 1000 : 0, memory: memory ? quantityValue(memory) : 0 }
  requestsCache.set(p, out)
  return out
}

function milli(v: string | number | undefined): number {
  const q = parseQuantity(v)
  return q ? Math.round(quantityValue(q) * 1000) : 0
}

function bytes(v: string | number | undefined): number {
  const q = parseQuantity(v)
  return q ? Math.round(quantityValue(q)) : 0
}

type Address = { targetRef?: { kind?: string; name?: string } }

/** The pods behind an Endpoints object's ready and not-ready addresses. */
function endpointPods(endpoints: KObject | undefined): { ready: string[]; notReady: string[] } {
  const subsets =
    (endpoints as { subsets?: { addresses?: Address[]; notReadyAddresses?: Address[] }[] } | undefined)
      ?.subsets ?? []
  const ready = new Set<string>()
  const notReady = new Set<string>()
  for (const sub of subsets) {
    for (const a of sub.addresses ?? []) if (a.targetRef?.name) ready.add(a.targetRef.name)
    for (const a of sub.notReadyAddresses ?? []) if (a.targetRef?.name) notReady.add(a.targetRef.name)
  }
  for (const n of ready) notReady.delete(n)
  return { ready: [...ready].sort(cmp), notReady: [...notReady].sort(cmp) }
}

const PROBE_LETTER = { startup: 'S', liveness: 'L', readiness: 'R' } as const

/**
 * The probe dots of a pod: each container's probes with their last raw result for the current
 * container (reference A4), the run count toward the threshold, and the last tick of the worker's
 * ticker (anchored at its start, A2). A worker that keeps succeeding skips the ticks that cannot change
 * anything (src/engine/kubelet/prober.ts), so its ticks are computed from the anchor, not recorded.
 */
function probeDots(s: SimState, rt: PodRuntime, ticks: boolean): ProbeDot[] {
  const downSince = nodeLife(s).nodes[rt.node]?.downSince ?? null
  const ref = downSince === null ? s.now : Math.min(s.now, downSince)
  const dots: ProbeDot[] = []
  for (const c of rt.containers) {
    for (const type of ['startup', 'liveness', 'readiness'] as const) {
      const w = c.probes[type]
      if (!w) continue
      const current = c.containerId !== '' && w.probedId === c.containerId
      const state = !current
        ? 'none'
        : w.lastRaw === 'success'
          ? 'pass'
          : w.lastRaw === 'failure'
            ? 'fail'
            : 'none'
      if (state === 'none') {
        dots.push({ container: c.name, kind: PROBE_LETTER[type], state })
        continue
      }
      const threshold = state === 'fail' ? (w.probe.failureThreshold ?? 3) : (w.probe.successThreshold ?? 1)
      dots.push({
        container: c.name,
        kind: PROBE_LETTER[type],
        state,
        // On hold (after a liveness kill or a startup verdict) the count was reset; the verdict stands.
        count: w.onHold ? threshold : Math.max(1, w.runCount),
        threshold,
        lastMs: ticks && probing(c, w) ? lastTick(w, ref) : null,
      })
    }
  }
  return dots
}

function probing(c: ContainerRuntime, w: ProbeWorker): boolean {
  return !w.stopped && !w.onHold && c.phase === 'running' && c.process !== null
}

function lastTick(w: ProbeWorker, ref: number): number {
  return w.anchor + Math.floor((ref - w.anchor) / w.periodMs) * w.periodMs
}

/** The latest moment a container of the pod ended with a non-zero exit (a crash, OOM or kill). */
function lastCrash(rt: PodRuntime): number | null {
  let at: number | null = null
  for (const c of rt.containers) {
    for (const t of [c.terminated, c.last]) {
      if (t && t.exitCode !== 0 && (at === null || t.finishedAt > at)) at = t.finishedAt
    }
  }
  return at
}

function workloadView(o: KObject, now: number): WorkloadView {
  const base = {
    kind: o.kind,
    namespace: o.metadata.namespace ?? 'default',
    name: o.metadata.name,
    owner: controllerOf(o as Owned),
  }
  switch (o.kind) {
    case 'Deployment':
    case 'StatefulSet': {
      const d = o as unknown as Deployment | StatefulSet
      const desired = d.spec?.replicas ?? 1
      return { ...base, summary: `${d.status?.readyReplicas ?? 0}/${desired}`, desired }
    }
    case 'ReplicaSet': {
      const rs = o as unknown as ReplicaSet
      const desired = rs.spec?.replicas ?? 1
      return { ...base, summary: `${rs.status?.readyReplicas ?? 0}/${desired}`, desired }
    }
    case 'DaemonSet': {
      const ds = o as unknown as DaemonSet
      const desired = ds.status?.desiredNumberScheduled ?? 0
      return { ...base, summary: `${ds.status?.numberReady ?? 0}/${desired}`, desired }
    }
    case 'Job': {
      const job = o as unknown as Job
      const [, status, completions] = jobRow(job, now)
      return {
        ...base,
        summary: `${completions ?? ''} · ${status ?? ''}`,
        desired: job.spec?.parallelism ?? 1,
      }
    }
    default: {
      const cj = o as unknown as CronJob
      return { ...base, summary: cj.spec?.schedule ?? '', desired: cj.status?.active?.length ?? 0 }
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
