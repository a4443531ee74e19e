import type { Event, Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1'
import type { ClusterView, NodeView, PodView, ServiceView } from './cluster/view'
import type { ClusterObjects } from './kubectl/command'
import { podRow } from './kubectl/pod-row'
import type { SimState } from './sim/state'
import { logKey } from './kubelet/pod-worker'

/** The v1 objects of a state, as `kubectl` (and `-o json`) sees them. */
export function clusterObjects(s: SimState): ClusterObjects & { services: Service[] } {
  const pods: Pod[] = []
  const nodes: Node[] = []
  const namespaces: Namespace[] = []
  const services: Service[] = []
  for (const [key, o] of s.objects) {
    if (key.startsWith('Pod/')) pods.push(o as Pod)
    else if (key.startsWith('Node/')) nodes.push(o as Node)
    else if (key.startsWith('Namespace/')) namespaces.push(o as Namespace)
    else if (key.startsWith('Service/')) services.push(o as Service)
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
  return { pods, nodes, events, namespaces, services, logs }
}

/**
 * What the graph draws at the state's moment: each pod with kubectl's STATUS, READY and RESTARTS
 * columns, each node's Ready status, each Service's ready endpoints (reference F5: pods selected by the
 * Service with an IP whose Ready condition is True and that are not terminating).
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
  const serviceViews: ServiceView[] = services.map((svc) => {
    const selector = svc.spec?.selector ?? {}
    const keys = Object.keys(selector)
    const ns = svc.metadata?.namespace ?? 'default'
    const endpoints =
      keys.length === 0
        ? 0
        : pods.filter(
            (p) =>
              (p.metadata?.namespace ?? 'default') === ns &&
              !p.metadata?.deletionTimestamp &&
              !!p.status?.podIP &&
              keys.every((k) => p.metadata?.labels?.[k] === selector[k]) &&
              p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
          ).length
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

function ownerOf(p: Pod): string | null {
  const ref = p.metadata?.ownerReferences?.find((o) => o.controller) ?? p.metadata?.ownerReferences?.[0]
  if (!ref) return null
  if (ref.kind === 'ReplicaSet') {
    const hash = p.metadata?.labels?.['pod-template-hash']
    if (hash && ref.name.endsWith(`-${hash}`)) return `Deployment/${ref.name.slice(0, -hash.length - 1)}`
  }
  return `${ref.kind}/${ref.name}`
}
