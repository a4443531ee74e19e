/**
 * The resource types kubeplay's kubectl knows, with kubectl's names and short names: a table without the
 * printers, so the page's console completion can load it without the rest of kubectl.
 */
import type { ClusterObjects } from './command'
import type { TableResource } from './get-table'

export interface AnyObject {
  apiVersion?: string
  kind?: string
  metadata?: {
    name?: string
    namespace?: string
    uid?: string
    labels?: Record<string, string>
    ownerReferences?: { kind: string; name: string; uid?: string; controller?: boolean }[]
  }
}

export interface ResourceInfo {
  resource: TableResource
  kind: string
  apiVersion: string
  /** The type as `-o name` and `get all` print it (`pod`, `deployment.apps`). */
  singular: string
  /** The resource as NotFound errors name it (`pods`, `deployments.apps`). */
  qualified: string
  namespaced: boolean
  aliases: string[]
  list: (c: ClusterObjects) => readonly AnyObject[]
}

export const r = (
  resource: TableResource,
  kind: string,
  apiVersion: string,
  namespaced: boolean,
  aliases: string[],
  list: (c: ClusterObjects) => readonly AnyObject[] | undefined,
): ResourceInfo => {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
  const lower = kind.toLowerCase()
  return {
    resource,
    kind,
    apiVersion,
    singular: group ? `${lower}.${group}` : lower,
    qualified: group ? `${resource}.${group}` : resource,
    namespaced,
    aliases: [resource, lower, ...(group ? [`${resource}.${group}`, `${lower}.${group}`] : []), ...aliases],
    list: (c) => list(c) ?? [],
  }
}

/** The resource types `get` and `describe` know, with kubectl's short names (`kubectl api-resources`). */
export const RESOURCES: ResourceInfo[] = [
  r('pods', 'Pod', 'v1', true, ['po'], (c) => c.pods),
  r('nodes', 'Node', 'v1', false, ['no'], (c) => c.nodes),
  r('events', 'Event', 'v1', true, ['ev'], (c) => c.events),
  r('namespaces', 'Namespace', 'v1', false, ['ns'], (c) => c.namespaces),
  r('deployments', 'Deployment', 'apps/v1', true, ['deploy'], (c) => c.deployments),
  r('replicasets', 'ReplicaSet', 'apps/v1', true, ['rs'], (c) => c.replicaSets),
  r('statefulsets', 'StatefulSet', 'apps/v1', true, ['sts'], (c) => c.statefulSets),
  r('daemonsets', 'DaemonSet', 'apps/v1', true, ['ds'], (c) => c.daemonSets),
  r('jobs', 'Job', 'batch/v1', true, [], (c) => c.jobs),
  r('cronjobs', 'CronJob', 'batch/v1', true, ['cj'], (c) => c.cronJobs),
  r('services', 'Service', 'v1', true, ['svc'], (c) => c.services),
  r('endpoints', 'Endpoints', 'v1', true, ['ep'], (c) => c.endpoints),
  r('endpointslices', 'EndpointSlice', 'discovery.k8s.io/v1', true, [], (c) => c.endpointSlices),
  r('resourcequotas', 'ResourceQuota', 'v1', true, ['quota'], (c) => c.resourceQuotas),
  r('poddisruptionbudgets', 'PodDisruptionBudget', 'policy/v1', true, ['pdb'], (c) => c.podDisruptionBudgets),
  r('limitranges', 'LimitRange', 'v1', true, ['limits'], (c) => c.limitRanges),
  r('persistentvolumeclaims', 'PersistentVolumeClaim', 'v1', true, ['pvc'], (c) => c.persistentVolumeClaims),
  r('configmaps', 'ConfigMap', 'v1', true, ['cm'], (c) => c.configMaps),
  r('secrets', 'Secret', 'v1', true, [], (c) => c.secrets),
]

/** The resource types kubeplay's kubectl knows: for completion of `get <TAB>` (kubectl api-resources). */
export const RESOURCE_TYPES: readonly {
  readonly resource: string
  readonly kind: string
  readonly namespaced: boolean
  readonly aliases: readonly string[]
}[] = RESOURCES.map((x) => ({
  resource: x.resource,
  kind: x.kind,
  namespaced: x.namespaced,
  aliases: x.aliases,
}))
