import type { Event, Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1'
import type { ClusterView, NodeView, PodView, ProbeDot, ServiceView } from './cluster/view'
import type { ClusterObjects } from './kubectl/command'
import { podRow } from './kubectl/pod-row'
import type { SimState } from './sim/state'
import { logKey } from './kubelet/pod-worker'
import { readyAddressCount } from './services/endpoints'

/** The `ClusterObjects` list each kind of the state goes to; kinds not listed go to `others`. */
const LISTS: Record<string, keyof ClusterObjects> = {
  Pod: 'pods',
  Node: 'nodes',
  Namespace: 'namespaces',
  Deployment: 'deployments',
  ReplicaSet: 'replicaSets',
  StatefulSet: 'statefulSets',
  DaemonSet: 'daemonSets',
  Job: 'jobs',
  CronJob: 'cronJobs',
  Service: 'services',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointSlices',
  ResourceQuota: 'resourceQuotas',
  PodDisruptionBudget: 'podDisruptionBudgets',
  LimitRange: 'limitRanges',
  PersistentVolumeClaim: 'persistentVolumeClaims',
  ConfigMap: 'configMaps',
  Secret: 'secrets',
}

/** The v1 objects of a state, as `kubectl` (and `-o json`) sees them. */
export function clusterObjects(s: SimState): ClusterObjects & { services: Service[] } {
  const pods: Pod[] = []
  const nodes: Node[] = []
  const namespaces: Namespace[] = []
  const services: Service[] = []
  const lists: Record<string, unknown[]> = { pods, nodes, namespaces, services }
  const others: NonNullable<ClusterObjects['others']> = []
  for (const [key, o] of s.objects) {
    const kind = key.slice(0, key.indexOf('/'))
    const list = LISTS[kind]
    if (list) (lists[list] ??= []).push(o)
    else if (kind !== 'Event') others.push(o as unknown as NonNullable<ClusterObjects['others']>[number])
  }
  const events: Event[] = [...s.events.values()]
  const logs = (
    namespace: string,
    pod: string,
    container: string,
    previous: boolean,
  ): readonly string[] | null => {
    const key = `Pod/${namespace}/${pod}`
    const c = s.runtime.get(key)?.containers.find((x) => x.name === container)
    if (!c || c.runs === 0) return null
    const run = previous ? c.runs - 1 : c.runs
    if (run < 1) return null
    return s.logs.get(logKey(key, container, run)) ?? []
  }
  return { ...(lists as Partial<ClusterObjects>), pods, nodes, events, namespaces, services, others, logs }
}

/**
 * What the graph draws at the state's moment: each pod with kubectl's STATUS, READY and RESTARTS
 * columns, each node's Ready status, each Service's ready endpoints: the addresses of its Endpoints
 * object, which the endpoints controller keeps (reference F5, src/engine/services). The API server's own
 * `default/kubernetes` Service is left out of the graph (kubectl still lists it).
 */
export function clusterView(s: SimState): ClusterView {
  const { pods, nodes, services } = clusterObjects(s)
  const now = s.epochMs + s.now
  const podViews: PodView[] = pods.map((p) => {
    const [, ready, status, restarts] = podRow(p, now)
    return {
      namespace: p.metadata?.namespace ?? 'default',
      name: p.metadata?.name ?? '',
      node: p.spec?.nodeName ?? null,
      status: status ?? '',
      ready: ready ?? '0/0',
      restarts: Number.parseInt(restarts ?? '0', 10) || 0,
      labels: p.metadata?.labels ?? {},
      owner: ownerOf(p),
      probes: probeDots(s, `Pod/${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`),
    }
  })
  const nodeViews: NodeView[] = nodes
    .map((n) => {
      const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status
      return {
        name: n.metadata?.name ?? '',
        status:
          ready === 'True'
            ? ('Ready' as const)
            : ready === undefined
              ? ('Unknown' as const)
              : ('NotReady' as const),
        cpu: String(n.status?.allocatable?.cpu ?? ''),
        memory: String(n.status?.allocatable?.memory ?? ''),
        maxPods: Number(n.status?.allocatable?.pods ?? 110),
      }
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const graphed = services.filter((svc) => !isKubernetesService(svc))
  const serviceViews: ServiceView[] = graphed.map((svc) => {
    const selector = svc.spec?.selector ?? {}
    const ns = svc.metadata?.namespace ?? 'default'
    const endpoints = readyAddressCount(s.objects.get(`Endpoints/${ns}/${svc.metadata?.name ?? ''}`))
    return {
      namespace: ns,
      name: svc.metadata?.name ?? '',
      type: svc.spec?.type ?? 'ClusterIP',
      ports: (svc.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',') || '<none>',
      selector,
      endpoints,
    }
  })
  return { nodes: nodeViews, pods: podViews, services: serviceViews }
}

function isKubernetesService(svc: Service): boolean {
  return svc.metadata?.namespace === 'default' && svc.metadata?.name === 'kubernetes'
}

function ownerOf(p: Pod): string | null {
  const ref = p.metadata?.ownerReferences?.find((o) => o.controller) ?? p.metadata?.ownerReferences?.[0]
  if (!ref) return null
  if (ref.kind === 'ReplicaSet') {
    const hash = p.metadata?.labels?.['pod-template-hash']
    if (hash && ref.name.endsWith(`-${hash}`)) return `Deployment/${ref.name.slice(0, -hash.length - 1)}`
  }
  return `${ref.kind}/${ref.name}`
}

const PROBE_LETTER = { startup: 'S', liveness: 'L', readiness: 'R' } as const

/** The probe dots of a pod: each container's probes with their last raw result (reference A4). */
function probeDots(s: SimState, podKey: string): ProbeDot[] {
  const rt = s.runtime.get(podKey)
  if (!rt) return []
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
      dots.push({ container: c.name, kind: PROBE_LETTER[type], state })
    }
  }
  return dots
}
