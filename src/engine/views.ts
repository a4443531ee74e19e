import type { Event, Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1'
import type { ClusterObjects } from './kubectl/command'
import type { SimState } from './sim/state'
import { logKey } from './kubelet/pod-worker'

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

export { clusterView } from './cluster/build-view'
