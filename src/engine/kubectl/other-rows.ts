import type {
  ConfigMap,
  Endpoints,
  PersistentVolumeClaim,
  ResourceQuota,
  Secret,
  Service,
} from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import { formatLabels } from './labels'
import { canonicalQuantity } from './quantity'
import { parseTime, since } from './time'

/**
 * Rows of `kubectl get services|endpoints|endpointslices|resourcequotas|persistentvolumeclaims|configmaps|secrets`
 * and of kinds without a printer, as k/k `pkg/printers/internalversion/printers.go` prints them (`printService`,
 * `printEndpoints`, `printEndpointSlice`, `printResourceQuota`, `printPersistentVolumeClaim`, `printConfigMap`,
 * `printSecret`; reference D4).
 */

export const SERVICE_COLUMNS = ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']
export const SERVICE_WIDE_COLUMNS = ['SELECTOR']
export const ENDPOINTS_COLUMNS = ['NAME', 'ENDPOINTS', 'AGE']
export const ENDPOINTSLICE_COLUMNS = ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']
export const QUOTA_COLUMNS = ['NAME', 'REQUEST', 'LIMIT', 'AGE']
export const PVC_COLUMNS = ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'] // prettier-ignore
export const PVC_WIDE_COLUMNS = ['VOLUMEMODE']
export const CONFIGMAP_COLUMNS = ['NAME', 'DATA', 'AGE']
export const SECRET_COLUMNS = ['NAME', 'TYPE', 'DATA', 'AGE']
/** A CustomResource without additionalPrinterColumns (apiextensions adds Age). */
export const CUSTOM_COLUMNS = ['NAME', 'AGE']
/** A built-in kind without a printer (apiserver `rest.DefaultTableConvertor`). */
export const DEFAULT_COLUMNS = ['NAME', 'CREATED AT']

const LOAD_BALANCER_WIDTH = 16

/** `loadBalancerStatusStringer`: the ingress IPs (or hostnames) as a sorted set, clipped to 16 bytes unless wide. */
function loadBalancerStatus(svc: Service, wide: boolean): string {
  const set = new Set<string>()
  for (const i of svc.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip)
    else if (i.hostname) set.add(i.hostname)
  }
  let r = [...set].sort().join(',')
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...'
  return r
}

/** `getServiceExternalIP`. */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const external = svc.spec?.externalIPs ?? []
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>'
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(svc, wide)
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',')
      return lb || '<pending>'
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? ''
  }
  return '<unknown>'
}

/** `makePortString`: `80/TCP`, `80:30080/TCP`, comma-joined. */
export function servicePorts(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) =>
      p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`,
    )
    .join(',')
}

/** `printService`. TYPE defaults to ClusterIP (the API default) when unset; CLUSTER-IP is `clusterIPs[0]`. */
export function serviceRow(svc: Service, now: number, opts: { wide?: boolean } = {}): string[] {
  const clusterIP = svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? '<none>'
  const cells = [
    svc.metadata?.name ?? '',
    svc.spec?.type ?? 'ClusterIP',
    clusterIP || '<none>',
    serviceExternalIP(svc, !!opts.wide),
    servicePorts(svc) || '<none>',
    since(svc.metadata?.creationTimestamp, now),
  ]
  return opts.wide ? [...cells, formatLabels(svc.spec?.selector)] : cells
}

/** Go `net.JoinHostPort`: IPv6 addresses in brackets. */
function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/**
 * `formatEndpoints`: `<none>` without subsets; else ready addresses (`ip:port` per port, bare IPs for port-less
 * subsets), at most 3, then ` + N more...`. notReadyAddresses are not shown.
 * @param ports when given, only ports of these names count (describe's per-port Endpoints line)
 */
export function formatEndpoints(ep: Endpoints, ports?: ReadonlySet<string>): string {
  if (!ep.subsets?.length) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const ss of ep.subsets) {
    const addresses = ss.addresses ?? []
    if (!ss.ports?.length) {
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(a.ip)
      }
      continue
    }
    for (const port of ss.ports) {
      if (ports && !ports.has(port.name ?? '')) continue
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(joinHostPort(a.ip, port.port))
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

/** `printEndpoints`. */
export function endpointsRow(ep: Endpoints, now: number): string[] {
  return [ep.metadata?.name ?? '', formatEndpoints(ep), since(ep.metadata?.creationTimestamp, now)]
}

/** `listWithMoreString`: `<unset>` for an empty list. */
function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',')
  if (more) return `${ret} + ${count - max} more...`
  return ret || '<unset>'
}

/** `printEndpointSlice`: ADDRESSTYPE, PORTS (number, else name, else `*`), ENDPOINTS (every address). */
export function endpointSliceRow(eps: EndpointSlice, now: number): string[] {
  const max = 3
  const ports: string[] = []
  let morePorts = false
  for (const p of eps.ports ?? []) {
    if (ports.length < max)
      ports.push(p.port !== undefined && p.port !== null ? `${p.port}` : (p.name ?? '*'))
    else morePorts = true
  }
  const addrs: string[] = []
  let moreAddrs = false
  let count = 0
  for (const e of eps.endpoints ?? [])
    for (const a of e.addresses ?? []) {
      if (addrs.length < max) addrs.push(a)
      else moreAddrs = true
      count++
    }
  return [
    eps.metadata?.name ?? '',
    eps.addressType ?? '',
    listWithMore(ports, morePorts, (eps.ports ?? []).length, max),
    listWithMore(addrs, moreAddrs, count, max),
    since(eps.metadata?.creationTimestamp, now),
  ]
}

/** `printResourceQuota`: `res: used/hard` for each hard resource (sorted), `limits.*` in LIMIT, the rest in REQUEST. */
export function resourceQuotaRow(q: ResourceQuota, now: number): string[] {
  const hard = q.status?.hard ?? {}
  const used = q.status?.used ?? {}
  const request: string[] = []
  const limit: string[] = []
  for (const res of Object.keys(hard).sort()) {
    const cell = `${res}: ${canonicalQuantity(used[res] ?? '0')}/${canonicalQuantity(hard[res]!)}`
    const pieces = res.split('.')
    ;(pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(cell)
  }
  return [
    q.metadata?.name ?? '',
    request.join(', '),
    limit.join(', '),
    since(q.metadata?.creationTimestamp, now),
  ]
}

/** `helper.GetAccessModesAsString`: RWO, ROX, RWX, RWOP in that order. */
export function accessModes(modes: readonly string[] | undefined): string {
  const m = new Set(modes ?? [])
  const out: string[] = []
  if (m.has('ReadWriteOnce')) out.push('RWO')
  if (m.has('ReadOnlyMany')) out.push('ROX')
  if (m.has('ReadWriteMany')) out.push('RWX')
  if (m.has('ReadWriteOncePod')) out.push('RWOP')
  return out.join(',')
}

/** `printPersistentVolumeClaim`: capacity and access modes only once bound to a volume. */
export function pvcRow(pvc: PersistentVolumeClaim, now: number, opts: { wide?: boolean } = {}): string[] {
  const phase = pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '')
  const volumeName = pvc.spec?.volumeName ?? ''
  let capacity = ''
  let modes = ''
  if (volumeName) {
    modes = accessModes(pvc.status?.accessModes)
    capacity = canonicalQuantity(pvc.status?.capacity?.storage ?? '0')
  }
  const storageClass =
    pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? ''
  const cells = [
    pvc.metadata?.name ?? '',
    phase,
    volumeName,
    capacity,
    modes,
    storageClass,
    pvc.spec?.volumeAttributesClassName ?? '<unset>',
    since(pvc.metadata?.creationTimestamp, now),
  ]
  return opts.wide ? [...cells, pvc.spec?.volumeMode ?? '<unset>'] : cells
}

/** `printConfigMap`: DATA counts data and binaryData keys. */
export function configMapRow(cm: ConfigMap, now: number): string[] {
  const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length
  return [cm.metadata?.name ?? '', `${n}`, since(cm.metadata?.creationTimestamp, now)]
}

/** `printSecret`: TYPE and the number of data keys (stringData, as the API server folds it into data). */
export function secretRow(secret: Secret, now: number): string[] {
  const keys = new Set([...Object.keys(secret.data ?? {}), ...Object.keys(secret.stringData ?? {})])
  return [secret.metadata?.name ?? '', secret.type ?? 'Opaque', `${keys.size}`, since(secret.metadata?.creationTimestamp, now)] // prettier-ignore
}

/** An object of a kind kubeplay has no printer for. */
export interface OtherObject {
  apiVersion: string
  kind: string
  metadata: { name?: string; namespace?: string; creationTimestamp?: string; labels?: Record<string, string> }
}

/** Whether the object is a CustomResource (its API group has a dot and is not a `*.k8s.io` group). */
export function isCustomResource(o: Pick<OtherObject, 'apiVersion'>): boolean {
  const group = o.apiVersion.includes('/') ? o.apiVersion.slice(0, o.apiVersion.indexOf('/')) : ''
  return group.includes('.') && !group.endsWith('.k8s.io') && !group.endsWith('.kubernetes.io')
}

/**
 * The default table: NAME AGE for a CustomResource without printer columns; NAME CREATED AT (RFC 3339) for a built-in
 * kind without a printer (`rest.DefaultTableConvertor`, e.g. LimitRange, Role).
 */
export function otherRow(o: OtherObject, now: number): string[] {
  if (isCustomResource(o)) return [o.metadata.name ?? '', since(o.metadata.creationTimestamp, now)]
  const t = parseTime(o.metadata.creationTimestamp)
  const created = t === null ? '0001-01-01T00:00:00Z' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return [o.metadata.name ?? '', created]
}

/** `printPodDisruptionBudget` columns (printers.go). */
export const PDB_COLUMNS = ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE']

/** `printPodDisruptionBudget`: minAvailable / maxUnavailable or `N/A`, status.disruptionsAllowed, AGE. */
export function pdbRow(pdb: PodDisruptionBudget, now: number): string[] {
  const v = (x: number | string | undefined | null) => (x === undefined || x === null ? 'N/A' : String(x))
  return [
    pdb.metadata?.name ?? '',
    v(pdb.spec?.minAvailable),
    v(pdb.spec?.maxUnavailable),
    `${pdb.status?.disruptionsAllowed ?? 0}`,
    since(pdb.metadata?.creationTimestamp, now),
  ]
}
