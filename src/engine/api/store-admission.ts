/**
 * The admission chain a created object goes through after defaulting, in the API server's order:
 * `NamespaceLifecycle` (the namespace must exist and not be terminating), `Priority` (the pod's
 * PriorityClass, `priority.ts`), `LimitRanger` (mutating:
 * container defaults; then validating: min/max/ratio), the Service registry's allocation of cluster IPs
 * and node ports, and `ResourceQuota`. The result is the object to store, or the API server's refusal
 * (`refusal.ts`), in which case nothing is created.
 */
import { allocateService } from '../services/allocate'
import { listObjects, type Sim } from '../sim/sim'
import { keyOf, type KObject } from '../sim/state'
import { kindInfo } from '../model/kinds'
import type { JsonObject } from './json'
import { cloneJson, isRecord, recordAt, recordsAt } from './json'
import { applyLimitRangeDefaults, defaultLimitRange, validateLimitRanges } from './limitrange'
import { namespaceRefusal } from './namespaces'
import { admitPodPriority } from './priority'
import { checkQuota, quotaStatus } from './quota'
import { forbidden, isRefusal, type Refusal } from './refusal'

const byName = (a: KObject, b: KObject): number =>
  a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0

/** `extractResourceName`: the name, or the generateName while the name is not generated yet. */
function nameOf(o: JsonObject): string {
  const meta = recordAt(o, 'metadata') ?? {}
  if (typeof meta.name === 'string' && meta.name !== '') return meta.name
  return typeof meta.generateName === 'string' ? meta.generateName : ''
}

/** Runs the chain on a defaulted object (never mutated): the object to store, or a refusal. */
export function admitOnCreate(sim: Sim, kind: string, defaulted: JsonObject): JsonObject | Refusal {
  const meta = recordAt(defaulted, 'metadata') ?? {}
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined
  const name = nameOf(defaulted)
  // An object that exists already is an update (`kubectl apply` of a changed manifest): the create-time
  // checks do not apply, and a Service keeps its allocated addresses.
  const existing = sim.s.objects.get(
    keyOf(kind, kindInfo(kind).namespaced ? (namespace ?? 'default') : undefined, name),
  )
  if (existing) return kind === 'Service' ? keepAllocations(defaulted, existing) : defaulted
  const lifecycle = namespaceRefusal(sim, kind, namespace, name)
  if (lifecycle) return lifecycle
  let obj: JsonObject = defaulted
  if (kind === 'Pod') {
    const prioritised = admitPodPriority(sim, obj)
    // A mutating plugin: it runs before the name is generated, so a refusal names the generateName.
    const generateName = typeof meta.generateName === 'string' ? meta.generateName : ''
    if ('refused' in prioritised) return forbidden('Pod', generateName || name, prioritised.refused)
    obj = prioritised.pod
    const ranges = listObjects(sim, 'LimitRange', namespace ?? 'default').sort(byName)
    if (ranges.length > 0) {
      obj = cloneJson(obj)
      applyLimitRangeDefaults(obj, ranges)
      const err = validateLimitRanges(obj, ranges)
      if (err) return forbidden('Pod', name, err)
    }
  }
  if (kind === 'LimitRange') obj = defaultLimitRange(obj)
  if (kind === 'Service') {
    const allocated = allocateService(sim, obj)
    if (isRefusal(allocated)) return allocated
    obj = allocated
  }
  const exceeded = checkQuota(sim, obj as KObject)
  if (exceeded) return forbidden(kind, name, exceeded)
  if (kind === 'ResourceQuota') obj = { ...obj, status: quotaStatus(sim, obj as KObject) }
  return obj
}

/** The cluster IPs and node ports of the stored Service carried over to its new spec. */
function keepAllocations(svc: JsonObject, stored: KObject): JsonObject {
  const spec = { ...(recordAt(svc, 'spec') ?? {}) }
  const old = isRecord(stored.spec) ? stored.spec : {}
  if (spec.clusterIP === undefined && old.clusterIP !== undefined) spec.clusterIP = old.clusterIP
  if (spec.clusterIPs === undefined && old.clusterIPs !== undefined) spec.clusterIPs = old.clusterIPs
  const oldPorts = recordsAt(old, 'ports')
  if (Array.isArray(spec.ports))
    spec.ports = spec.ports.map((p: unknown) => {
      if (!isRecord(p) || p.nodePort !== undefined) return p
      const same = oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'))
      return same?.nodePort !== undefined ? { ...p, nodePort: same.nodePort } : p
    })
  return { ...svc, spec, ...(stored.status !== undefined ? { status: stored.status } : {}) }
}

export { isRefusal, type Refusal }
