import type { Event, Namespace, Node } from 'kubernetes-types/core/v1'
import { since } from './time'

/**
 * Rows of `kubectl get nodes|events|namespaces`, as k/k `pkg/printers/internalversion/printers.go` prints them
 * (`printNode`, `printEvent`, `printNamespace`; reference D4). Columns after the `*_COLUMNS` come with `-o wide`.
 */

export const NODE_COLUMNS = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']
export const NODE_WIDE_COLUMNS = [
  'INTERNAL-IP',
  'EXTERNAL-IP',
  'OS-IMAGE',
  'KERNEL-VERSION',
  'CONTAINER-RUNTIME',
]
export const EVENT_COLUMNS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']
/** The wide event table interleaves: LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME. */
export const EVENT_WIDE_ORDER = [
  'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME',
] // prettier-ignore
export const NAMESPACE_COLUMNS = ['NAME', 'STATUS', 'AGE']

/** `findNodeRoles`: `node-role.kubernetes.io/<role>` label suffixes and the `kubernetes.io/role` value, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length)
      if (role) roles.add(role)
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return [...roles].sort()
}

/** `printNode`: STATUS `Ready`/`NotReady`/`Unknown` (+`,SchedulingDisabled`), ROLES, AGE, VERSION, wide columns. */
export function nodeRow(node: Node, now: number, opts: { wide?: boolean } = {}): string[] {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready')
  const status: string[] = []
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady')
  else status.push('Unknown')
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  const roles = nodeRoles(node).join(',') || '<none>'
  const info = node.status?.nodeInfo
  const cells = [
    node.metadata?.name ?? '',
    status.join(','),
    roles,
    since(node.metadata?.creationTimestamp, now),
    info?.kubeletVersion ?? '',
  ]
  if (!opts.wide) return cells
  const address = (type: string) =>
    (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>'
  return [
    ...cells,
    address('InternalIP'),
    address('ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ]
}

/** `formatEventSource`: component (or reportingController), then `, host` (or reportingInstance) if any. */
export function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || ''
  const host = e.source?.host || e.reportingInstance || ''
  return host ? `${component}, ${host}` : component
}

/** The Event's first and last times and count as `printEvent` derives them (eventTime and series fallbacks). */
export function eventTimes(e: Event): { first: string | undefined; last: string | undefined; count: number } {
  const first = e.firstTimestamp || e.eventTime
  let last = e.lastTimestamp || first
  let count = e.count ?? 0
  if (e.series) {
    last = e.series.lastObservedTime
    count = e.series.count ?? 0
  } else if (count === 0) count = 1
  return { first, last, count }
}

/** `printEvent`: LAST SEEN TYPE REASON OBJECT MESSAGE, or the ten wide columns in {@link EVENT_WIDE_ORDER}. */
export function eventRow(e: Event, now: number, opts: { wide?: boolean } = {}): string[] {
  const { first, last, count } = eventTimes(e)
  const kind = (e.involvedObject.kind ?? '').toLowerCase()
  const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind
  const message = (e.message ?? '').trim()
  const lastSeen = since(last, now)
  if (!opts.wide) return [lastSeen, e.type ?? '', e.reason ?? '', target, message]
  return [
    lastSeen,
    e.type ?? '',
    e.reason ?? '',
    target,
    e.involvedObject.fieldPath ?? '',
    eventSource(e),
    message,
    since(first, now),
    `${count}`,
    e.metadata?.name ?? '',
  ]
}

/** `printNamespace`: NAME STATUS AGE. */
export function namespaceRow(ns: Namespace, now: number): string[] {
  return [ns.metadata?.name ?? '', ns.status?.phase ?? '', since(ns.metadata?.creationTimestamp, now)]
}
