import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job } from 'kubernetes-types/batch/v1'
import type { ConfigMap, Endpoints, Event, Namespace, Node, PersistentVolumeClaim, Pod, ResourceQuota, Secret, Service } from 'kubernetes-types/core/v1' // prettier-ignore
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import { formatLabels } from './labels'
import { CONFIGMAP_COLUMNS, configMapRow, CUSTOM_COLUMNS, DEFAULT_COLUMNS, ENDPOINTS_COLUMNS, ENDPOINTSLICE_COLUMNS, endpointSliceRow, endpointsRow, isCustomResource, type OtherObject, otherRow, PDB_COLUMNS, pdbRow, PVC_COLUMNS, PVC_WIDE_COLUMNS, pvcRow, QUOTA_COLUMNS, resourceQuotaRow, SECRET_COLUMNS, secretRow, SERVICE_COLUMNS, SERVICE_WIDE_COLUMNS, serviceRow } from './other-rows' // prettier-ignore
import { POD_COLUMNS, POD_WIDE_COLUMNS, podRow } from './pod-row'
import { EVENT_COLUMNS, EVENT_WIDE_ORDER, eventRow, NAMESPACE_COLUMNS, namespaceRow, NODE_COLUMNS, NODE_WIDE_COLUMNS, nodeRow } from './rows' // prettier-ignore
import { GET_TABWRITER, tabwrite } from './tabwriter'
import { CRONJOB_COLUMNS, cronJobRow, DAEMONSET_COLUMNS, daemonSetRow, DEPLOYMENT_COLUMNS, deploymentRow, JOB_COLUMNS, jobRow, REPLICASET_COLUMNS, replicaSetRow, STATEFULSET_COLUMNS, STATEFULSET_WIDE_COLUMNS, statefulSetRow, TEMPLATE_WIDE_COLUMNS } from './workload-rows' // prettier-ignore

/** The resources `get` prints as tables. */
export type TableResource =
  | 'pods'
  | 'nodes'
  | 'events'
  | 'namespaces'
  | 'deployments'
  | 'replicasets'
  | 'statefulsets'
  | 'daemonsets'
  | 'jobs'
  | 'cronjobs'
  | 'services'
  | 'endpoints'
  | 'endpointslices'
  | 'resourcequotas'
  | 'poddisruptionbudgets'
  | 'limitranges'
  | 'persistentvolumeclaims'
  | 'configmaps'
  | 'secrets'
  | 'others'

/** Options of the human-readable printer (cli-runtime `printers.PrintOptions`). */
export interface TableOptions {
  wide?: boolean
  /** `-A`: a NAMESPACE column first. */
  withNamespace?: boolean
  /** `--show-labels`: a LABELS column last. */
  showLabels?: boolean
  /** `--no-headers`. */
  noHeaders?: boolean
  /** Prefix names with `<kind>[.<group>]/` (`get all`, several types at once). */
  kindPrefix?: string
}

type AnyObject = { metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } }

function headersOf(resource: TableResource, wide: boolean, first: AnyObject | undefined): string[] {
  const w = (cols: string[], wideCols: string[]) => (wide ? [...cols, ...wideCols] : cols)
  switch (resource) {
    case 'deployments':
      return w(DEPLOYMENT_COLUMNS, TEMPLATE_WIDE_COLUMNS)
    case 'replicasets':
      return w(REPLICASET_COLUMNS, TEMPLATE_WIDE_COLUMNS)
    case 'statefulsets':
      return w(STATEFULSET_COLUMNS, STATEFULSET_WIDE_COLUMNS)
    case 'daemonsets':
      return w(DAEMONSET_COLUMNS, TEMPLATE_WIDE_COLUMNS)
    case 'jobs':
      return w(JOB_COLUMNS, TEMPLATE_WIDE_COLUMNS)
    case 'cronjobs':
      return w(CRONJOB_COLUMNS, TEMPLATE_WIDE_COLUMNS)
    case 'services':
      return w(SERVICE_COLUMNS, SERVICE_WIDE_COLUMNS)
    case 'endpoints':
      return ENDPOINTS_COLUMNS
    case 'endpointslices':
      return ENDPOINTSLICE_COLUMNS
    case 'resourcequotas':
      return QUOTA_COLUMNS
    case 'poddisruptionbudgets':
      return PDB_COLUMNS
    case 'persistentvolumeclaims':
      return w(PVC_COLUMNS, PVC_WIDE_COLUMNS)
    case 'configmaps':
      return CONFIGMAP_COLUMNS
    case 'secrets':
      return SECRET_COLUMNS
    case 'limitranges':
      return DEFAULT_COLUMNS
    case 'others':
      return first && isCustomResource(first as OtherObject) ? CUSTOM_COLUMNS : DEFAULT_COLUMNS
    case 'pods':
      return wide ? [...POD_COLUMNS, ...POD_WIDE_COLUMNS] : POD_COLUMNS
    case 'nodes':
      return wide ? [...NODE_COLUMNS, ...NODE_WIDE_COLUMNS] : NODE_COLUMNS
    case 'events':
      return wide ? EVENT_WIDE_ORDER : EVENT_COLUMNS
    case 'namespaces':
      return NAMESPACE_COLUMNS
  }
}

function rowOf(resource: TableResource, obj: AnyObject, now: number, wide: boolean): string[] {
  const opts = { wide }
  switch (resource) {
    case 'deployments':
      return deploymentRow(obj as Deployment, now, opts)
    case 'replicasets':
      return replicaSetRow(obj as ReplicaSet, now, opts)
    case 'statefulsets':
      return statefulSetRow(obj as StatefulSet, now, opts)
    case 'daemonsets':
      return daemonSetRow(obj as DaemonSet, now, opts)
    case 'jobs':
      return jobRow(obj as Job, now, opts)
    case 'cronjobs':
      return cronJobRow(obj as CronJob, now, opts)
    case 'services':
      return serviceRow(obj as Service, now, opts)
    case 'endpoints':
      return endpointsRow(obj as Endpoints, now)
    case 'endpointslices':
      return endpointSliceRow(obj as EndpointSlice, now)
    case 'resourcequotas':
      return resourceQuotaRow(obj as ResourceQuota, now)
    case 'poddisruptionbudgets':
      return pdbRow(obj as PodDisruptionBudget, now)
    case 'persistentvolumeclaims':
      return pvcRow(obj as PersistentVolumeClaim, now, opts)
    case 'configmaps':
      return configMapRow(obj as ConfigMap, now)
    case 'secrets':
      return secretRow(obj as Secret, now)
    case 'limitranges':
    case 'others':
      return otherRow({ apiVersion: 'v1', kind: '', metadata: {}, ...(obj as Partial<OtherObject>) }, now)
    case 'pods':
      return podRow(obj as Pod, now, { wide })
    case 'nodes':
      return nodeRow(obj as Node, now, { wide })
    case 'events':
      return eventRow(obj as Event, now, { wide })
    case 'namespaces':
      return namespaceRow(obj as Namespace, now)
  }
}

/**
 * Lays cells out as kubectl's human-readable printer does: tab-joined through a tabwriter with minwidth 6,
 * tabwidth 4, padding 3 (cli-runtime `printers.GetNewTabWriter`, reference D3).
 */
export function renderTable(rows: readonly (readonly string[])[]): string {
  return tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), GET_TABWRITER)
}

/**
 * The `kubectl get <resource>` table for the given objects (already filtered and in server order), headers
 * included. Returns the empty string for no objects (kubectl then says "No resources found" on stderr).
 */
export function getTable(
  resource: TableResource,
  objects: readonly AnyObject[],
  now: number,
  opts: TableOptions = {},
): string {
  if (objects.length === 0) return ''
  const wide = !!opts.wide
  const rows: string[][] = []
  if (!opts.noHeaders) {
    const headers = [...headersOf(resource, wide, objects[0])]
    if (opts.withNamespace) headers.unshift('NAMESPACE')
    if (opts.showLabels) headers.push('LABELS')
    rows.push(headers)
  }
  for (const obj of objects) {
    const cells = rowOf(resource, obj, now, wide)
    if (opts.kindPrefix && resource !== 'events') cells[0] = `${opts.kindPrefix}/${cells[0]}`
    if (opts.withNamespace) cells.unshift(obj.metadata?.namespace ?? '')
    if (opts.showLabels) cells.push(formatLabels(obj.metadata?.labels))
    rows.push(cells)
  }
  return renderTable(rows)
}
