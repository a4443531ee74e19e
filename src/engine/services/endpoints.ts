/**
 * The endpoints controller (`pkg/controller/endpoint/endpoints_controller.go`) and the EndpointSlice
 * controller (`pkg/controller/endpointslice`, `staging/src/k8s.io/endpointslice`), as one sync per
 * Service with a selector (reference F5):
 *
 * - a selected pod counts only with a pod IP and not terminal (`ShouldPodBeInEndpoints`);
 * - Endpoints: pods whose Ready condition is True (every pod with `publishNotReadyAddresses`) in
 *   `addresses`, the others in `notReadyAddresses`; terminating pods are dropped (kept with
 *   `publishNotReadyAddresses`); subsets repacked by port set (`RepackSubsets`); label
 *   `endpoints.kubernetes.io/managed-by: endpoint-controller`; no owner reference;
 * - EndpointSlices `<svc>-<5 chars>` owned by the Service, labels `kubernetes.io/service-name` and
 *   `endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io`, one per distinct port set,
 *   keeping terminating pods with `serving` = Ready, `terminating` = deletionTimestamp set, `ready` =
 *   publishNotReadyAddresses || (serving && !terminating); an empty Service gets a placeholder slice;
 *   slices are updated in place (and recycled) rather than replaced, as the reconciler does;
 * - named target ports resolved per pod (`podutil.FindPort`): a pod lacking the port is left out of
 *   that port's subset (and gets a slice without it).
 *
 * Where Go orders by hash or map iteration (subset and port order), kubeplay sorts by IP, name and port.
 */
import type { JsonObject } from '../api/json'
import { isRecord, recordAt, recordsAt } from '../api/json'
import { generateName } from '../controllers/common'
import { createObject, deleteObject, listObjects, updateObject, type Sim } from '../sim/sim'
import { keyOf, type KObject } from '../sim/state'
import { rfc3339 } from '../sim/time'

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
export const SLICE_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by'
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io'
export const ENDPOINTS_MANAGED_BY = 'endpoints.kubernetes.io/managed-by'
export const ENDPOINTS_CONTROLLER = 'endpoint-controller'
export const HEADLESS_LABEL = 'service.kubernetes.io/headless'
export const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time'
/** `maxEndpointsPerSlice` default of kube-controller-manager. */
const MAX_ENDPOINTS_PER_SLICE = 100

type Obj = KObject
interface PodInfo {
  pod: Obj
  ip: string
  ready: boolean
  terminating: boolean
  node: string
}

const specOf = (o: Obj): JsonObject => (isRecord(o.spec) ? o.spec : {})
const statusOf = (o: Obj): JsonObject => (isRecord(o.status) ? o.status : {})
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The Service's selector as a map, or null when it has none (an empty map is dropped by the API). */
function selectorOf(svc: Obj): Record<string, string> | null {
  const sel = recordAt(specOf(svc), 'selector')
  if (!sel || Object.keys(sel).length === 0) return null
  return sel as Record<string, string>
}

function isReady(pod: Obj): boolean {
  return recordsAt(statusOf(pod), 'conditions').some((c) => c.type === 'Ready' && c.status === 'True')
}

/** `ShouldPodBeInEndpoints(pod, includeTerminating)`. */
function podInfo(pod: Obj, includeTerminating: boolean): PodInfo | null {
  const status = statusOf(pod)
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return null
  const ip = typeof status.podIP === 'string' ? status.podIP : ''
  if (ip === '') return null
  const terminating = !!pod.metadata.deletionTimestamp
  if (!includeTerminating && terminating) return null
  const node = typeof specOf(pod).nodeName === 'string' ? (specOf(pod).nodeName as string) : ''
  return { pod, ip, ready: isReady(pod), terminating, node }
}

/** `podutil.FindPort`: an int target port as is; a name looked up in the containers' (and sidecars') ports. */
function findPort(pod: Obj, sp: JsonObject): number | null {
  const target = sp.targetPort ?? sp.port
  if (typeof target === 'number') return target
  if (typeof target !== 'string') return null
  const spec = specOf(pod)
  const containers = [
    ...recordsAt(spec, 'containers'),
    ...recordsAt(spec, 'initContainers').filter((c) => c.restartPolicy === 'Always'),
  ]
  for (const c of containers)
    for (const p of recordsAt(c, 'ports'))
      if (
        p.name === target &&
        (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP') &&
        typeof p.containerPort === 'number'
      )
        return p.containerPort
  return null
}

/** The endpoint ports of one pod for the Service's ports (`getEndpointPorts` / the Endpoints loop). */
function podPorts(pod: Obj, svc: Obj): JsonObject[] {
  const out: JsonObject[] = []
  for (const sp of recordsAt(specOf(svc), 'ports')) {
    const port = findPort(pod, sp)
    if (port === null) continue
    out.push({
      ...(typeof sp.name === 'string' && sp.name !== '' ? { name: sp.name } : {}),
      port,
      protocol: sp.protocol ?? 'TCP',
      ...(typeof sp.appProtocol === 'string' ? { appProtocol: sp.appProtocol } : {}),
    })
  }
  return out
}

const portKey = (p: JsonObject): string =>
  `${String(p.name ?? '')}\u0000${String(p.port)}\u0000${String(p.protocol)}`
const comparePorts = (a: JsonObject, b: JsonObject): number =>
  cmp(String(a.name ?? ''), String(b.name ?? '')) || Number(a.port) - Number(b.port)

function targetRef(pod: Obj): JsonObject {
  return {
    kind: 'Pod',
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}),
  }
}

/** `ShouldSetHostname`: the pod's hostname when its subdomain is this Service. */
function hostnameFor(pod: Obj, svc: Obj): string | null {
  const spec = specOf(pod)
  return typeof spec.hostname === 'string' && spec.hostname !== '' && spec.subdomain === svc.metadata.name
    ? spec.hostname
    : null
}

/** The labels the controllers copy from the Service, plus their own and the headless marker. */
function labelsFor(svc: Obj, own: Record<string, string>): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), ...own }
  if (specOf(svc).clusterIP === 'None') labels[HEADLESS_LABEL] = ''
  else delete labels[HEADLESS_LABEL]
  return labels
}

function selectedPods(sim: Sim, svc: Obj, selector: Record<string, string>): Obj[] {
  return listObjects(sim, 'Pod', svc.metadata.namespace ?? 'default').filter((p) =>
    Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v),
  )
}

/**
 * Writes `desired` (an Endpoints or EndpointSlice without the trigger-time annotation) over `current`:
 * unchanged content keeps the stored object; a change stamps `last-change-trigger-time` with now.
 */
function write(sim: Sim, current: Obj | undefined, desired: Obj): void {
  const strip = (o: Obj): string => {
    const annotations = { ...(o.metadata.annotations ?? {}) }
    delete annotations[TRIGGER_TIME]
    const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, ...meta } = o.metadata
    return JSON.stringify({ ...o, metadata: { ...meta, annotations } })
  }
  const stamped = (o: Obj): Obj => ({
    ...o,
    metadata: {
      ...o.metadata,
      annotations: { ...(o.metadata.annotations ?? {}), [TRIGGER_TIME]: rfc3339(sim.s.epochMs + sim.s.now) },
    },
  })
  if (!current) {
    createObject(sim, stamped(desired))
    return
  }
  const merged: Obj = {
    ...desired,
    metadata: {
      ...current.metadata,
      labels: desired.metadata.labels,
      annotations: current.metadata.annotations,
      ...(desired.metadata.ownerReferences ? { ownerReferences: desired.metadata.ownerReferences } : {}),
    },
  }
  if (strip(merged) === strip(current)) return
  updateObject(sim, stamped(merged))
}

/** `syncService` of the endpoints controller. */
function syncEndpoints(sim: Sim, svc: Obj, selector: Record<string, string>): void {
  const ns = svc.metadata.namespace ?? 'default'
  const publish = specOf(svc).publishNotReadyAddresses === true
  const headless = specOf(svc).clusterIP === 'None'
  const noPorts = recordsAt(specOf(svc), 'ports').length === 0
  // address key → address; port key → (address key → ready)
  const addresses = new Map<string, JsonObject>()
  const byPort = new Map<string, { port: JsonObject | null; addrs: Map<string, boolean> }>()
  for (const pod of selectedPods(sim, svc, selector)) {
    const info = podInfo(pod, publish)
    if (!info) continue
    const hostname = hostnameFor(pod, svc)
    const address: JsonObject = {
      ip: info.ip,
      ...(hostname ? { hostname } : {}),
      nodeName: info.node,
      targetRef: targetRef(pod),
    }
    const key = `${info.ip}\u0000${pod.metadata.uid ?? ''}`
    const ready = publish || info.ready
    const ports: (JsonObject | null)[] = noPorts && headless ? [null] : podPorts(pod, svc)
    if (ports.length === 0) continue
    addresses.set(key, address)
    for (const port of ports) {
      const pk = port ? portKey(port) : ''
      const entry = byPort.get(pk) ?? { port, addrs: new Map<string, boolean>() }
      entry.addrs.set(key, ready)
      byPort.set(pk, entry)
    }
  }
  // RepackSubsets: ports with the same set of (address, readiness) share a subset.
  const groups = new Map<string, { ports: JsonObject[]; addrs: Map<string, boolean> }>()
  for (const { port, addrs } of byPort.values()) {
    const gk = [...addrs.entries()]
      .sort(([a], [b]) => cmp(a, b))
      .map(([a, r]) => `${a}=${r}`)
      .join(',')
    const g = groups.get(gk) ?? { ports: [], addrs }
    if (port) g.ports.push(port)
    groups.set(gk, g)
  }
  const byIP = (a: JsonObject, b: JsonObject): number =>
    cmp(String(a.ip), String(b.ip)) ||
    cmp(String((a.targetRef as JsonObject).uid ?? ''), String((b.targetRef as JsonObject).uid ?? ''))
  const subsets = [...groups.values()]
    .map(({ ports, addrs }) => {
      const ready = [...addrs].filter(([, r]) => r).map(([k]) => addresses.get(k)!)
      const notReady = [...addrs].filter(([, r]) => !r).map(([k]) => addresses.get(k)!)
      return {
        ...(ready.length > 0 ? { addresses: ready.sort(byIP) } : {}),
        ...(notReady.length > 0 ? { notReadyAddresses: notReady.sort(byIP) } : {}),
        ...(ports.length > 0 ? { ports: ports.sort(comparePorts) } : {}),
      }
    })
    .sort((a, b) => {
      const first = (s: { addresses?: JsonObject[]; notReadyAddresses?: JsonObject[] }): string =>
        String((s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '')
      return cmp(first(a), first(b))
    })
  const desired: Obj = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: svc.metadata.name,
      namespace: ns,
      labels: labelsFor(svc, { [ENDPOINTS_MANAGED_BY]: ENDPOINTS_CONTROLLER }),
    },
    ...(subsets.length > 0 ? { subsets } : {}),
  }
  write(sim, sim.s.objects.get(keyOf('Endpoints', ns, svc.metadata.name)), desired)
}

/** The endpoints of the Service's pods, grouped by their port set (`endpointMeta`). */
function sliceGroups(
  sim: Sim,
  svc: Obj,
  selector: Record<string, string>,
): Map<string, { ports: JsonObject[]; endpoints: JsonObject[] }> {
  const publish = specOf(svc).publishNotReadyAddresses === true
  const zones = new Map<string, string | undefined>()
  const zoneOf = (node: string): string | undefined => {
    if (!zones.has(node))
      zones.set(
        node,
        sim.s.objects.get(keyOf('Node', undefined, node))?.metadata.labels?.['topology.kubernetes.io/zone'],
      )
    return zones.get(node)
  }
  const groups = new Map<string, { ports: JsonObject[]; endpoints: JsonObject[] }>()
  for (const pod of selectedPods(sim, svc, selector)) {
    const info = podInfo(pod, true)
    if (!info) continue
    const serving = info.ready
    const ready = publish || (serving && !info.terminating)
    const hostname = hostnameFor(pod, svc)
    const zone = info.node ? zoneOf(info.node) : undefined
    const endpoint: JsonObject = {
      addresses: [info.ip],
      conditions: { ready, serving, terminating: info.terminating },
      ...(hostname ? { hostname } : {}),
      ...(info.node ? { nodeName: info.node } : {}),
      targetRef: targetRef(pod),
      ...(zone ? { zone } : {}),
    }
    const ports = podPorts(pod, svc).sort(comparePorts)
    const key = ports.map(portKey).join('|')
    const g = groups.get(key) ?? { ports, endpoints: [] }
    g.endpoints.push(endpoint)
    groups.set(key, g)
  }
  return groups
}

/** `reconciler.reconcile` of the EndpointSlice controller for one Service. */
function syncSlices(sim: Sim, svc: Obj, selector: Record<string, string>): void {
  const ns = svc.metadata.namespace ?? 'default'
  const existing = listObjects(sim, 'EndpointSlice', ns)
    .filter(
      (s) =>
        s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name &&
        s.metadata.labels?.[SLICE_MANAGED_BY] === SLICE_CONTROLLER,
    )
    .sort((a, b) => cmp(a.metadata.name, b.metadata.name))
  const desired: { ports: JsonObject[]; endpoints: JsonObject[] }[] = []
  const groups = [...sliceGroups(sim, svc, selector).entries()].sort(([a], [b]) => cmp(a, b))
  for (const [, g] of groups) {
    g.endpoints.sort((a, b) =>
      cmp(String((a.addresses as string[])[0]), String((b.addresses as string[])[0])),
    )
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE)
      desired.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) })
  }
  // The placeholder slice of a Service without endpoints.
  if (desired.length === 0) desired.push({ ports: [], endpoints: [] })
  const sliceKey = (s: { ports?: unknown } | KObject): string =>
    (Array.isArray(s.ports) ? (s.ports as JsonObject[]) : []).map(portKey).join('|')
  const unused = [...existing]
  const assigned: (Obj | undefined)[] = desired.map((d) => {
    const i = unused.findIndex((s) => sliceKey(s) === sliceKey(d))
    return i >= 0 ? unused.splice(i, 1)[0] : undefined
  })
  // Creates become updates of slices that would otherwise be deleted (`finalize`).
  for (let i = 0; i < desired.length; i++) if (!assigned[i] && unused.length > 0) assigned[i] = unused.shift()
  const owner = {
    apiVersion: 'v1',
    kind: 'Service',
    name: svc.metadata.name,
    uid: svc.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  }
  desired.forEach((d, i) => {
    const current = assigned[i]
    const base = `${svc.metadata.name}-`
    const name = current?.metadata.name ?? generateName(sim, 'EndpointSlice', ns, base)
    write(sim, current, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name,
        generateName: base,
        namespace: ns,
        labels: labelsFor(svc, {
          [SLICE_MANAGED_BY]: SLICE_CONTROLLER,
          [SERVICE_NAME_LABEL]: svc.metadata.name,
        }),
        ownerReferences: [owner],
      },
      addressType: 'IPv4',
      endpoints: d.endpoints.length > 0 ? d.endpoints : null,
      ports: d.ports.length > 0 ? d.ports : null,
    })
  })
  for (const s of unused) deleteObject(sim, keyOf('EndpointSlice', ns, s.metadata.name))
}

/**
 * One pass of both controllers over every Service; Endpoints and slices of Services that are gone (or
 * lost their selector) are deleted.
 */
export function reconcileEndpoints(sim: Sim): void {
  const managed = new Set<string>()
  for (const svc of listObjects(sim, 'Service')) {
    const selector = selectorOf(svc)
    if (!selector || specOf(svc).type === 'ExternalName') continue
    managed.add(`${svc.metadata.namespace}/${svc.metadata.name}`)
    syncEndpoints(sim, svc, selector)
    syncSlices(sim, svc, selector)
  }
  for (const ep of listObjects(sim, 'Endpoints'))
    if (
      ep.metadata.labels?.[ENDPOINTS_MANAGED_BY] === ENDPOINTS_CONTROLLER &&
      !managed.has(`${ep.metadata.namespace}/${ep.metadata.name}`)
    )
      deleteObject(sim, keyOf('Endpoints', ep.metadata.namespace, ep.metadata.name))
  for (const s of listObjects(sim, 'EndpointSlice'))
    if (
      s.metadata.labels?.[SLICE_MANAGED_BY] === SLICE_CONTROLLER &&
      !managed.has(`${s.metadata.namespace}/${s.metadata.labels?.[SERVICE_NAME_LABEL] ?? ''}`)
    )
      deleteObject(sim, keyOf('EndpointSlice', s.metadata.namespace, s.metadata.name))
}

/** The ready addresses of a Service's Endpoints object (what `kubectl get endpoints` lists). */
export function readyAddressCount(endpoints: KObject | undefined): number {
  type Address = { ip?: string; targetRef?: { uid?: string } }
  const subsets = (endpoints as { subsets?: { addresses?: Address[] }[] } | undefined)?.subsets ?? []
  // An address listed in several subsets (pods with different port sets) is one endpoint.
  const seen = new Set<string>()
  for (const s of subsets) for (const a of s.addresses ?? []) seen.add(`${a.ip}/${a.targetRef?.uid ?? ''}`)
  return seen.size
}
