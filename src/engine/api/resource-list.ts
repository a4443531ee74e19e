/**
 * `corev1.ResourceList` arithmetic on exact quantities (`model/quantity.ts`), and a pod's aggregate
 * requests and limits as `k8s.io/component-helpers/resource` `PodRequests` / `PodLimits` compute them
 * (sum of app containers and sidecars, or the largest init container plus the sidecars started before
 * it, plus `spec.overhead`). Used by LimitRange and ResourceQuota admission.
 */
import { addQuantity, compareQuantity, formatQuantity, parseQuantity, type Quantity } from '../model/quantity'
import type { JsonObject } from './json'
import { isRecord, recordAt, recordsAt } from './json'

/** A resource list: resource name → exact quantity. */
export type ResourceList = Map<string, Quantity>

/** Parses `requests` / `limits` / `hard` as JSON; entries that do not parse are skipped. */
export function resourceList(raw: unknown): ResourceList {
  const out: ResourceList = new Map()
  if (!isRecord(raw)) return out
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string' && typeof v !== 'number') continue
    const q = parseQuantity(v)
    if (q) out.set(k, q)
  }
  return out
}

/** The canonical text of a quantity as the API server writes it back (`0.5` → `500m`); raw when bad. */
export function canonicalQuantity(v: unknown): unknown {
  if (typeof v !== 'string' && typeof v !== 'number') return v
  const q = parseQuantity(v)
  return q ? formatQuantity(q) : v
}

/** A resource list as JSON, names sorted (how `encoding/json` writes a Go map). */
export function listToJson(list: ResourceList): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of [...list.keys()].sort()) out[k] = formatQuantity(list.get(k)!)
  return out
}

/** `quota.Add` / `addResourceList`: adds `b` into `a` (in place). */
export function addInto(a: ResourceList, b: ResourceList): void {
  for (const [k, q] of b) {
    const have = a.get(k)
    a.set(k, have ? addQuantity(have, q) : q)
  }
}

/** `maxResourceList`: for each name of `b`, keeps the larger of `a`'s and `b`'s (in place). */
function maxInto(a: ResourceList, b: ResourceList): void {
  for (const [k, q] of b) {
    const have = a.get(k)
    if (!have || compareQuantity(q, have) > 0) a.set(k, q)
  }
}

function containerList(c: JsonObject, which: 'requests' | 'limits'): ResourceList {
  return resourceList(recordAt(recordAt(c, 'resources') ?? {}, which))
}

/**
 * `resource.PodRequests` / `PodLimits` for a pod spec given as JSON. Overhead is added to every request,
 * and only to the limits the pod already has.
 */
export function podResources(spec: JsonObject, which: 'requests' | 'limits'): ResourceList {
  const total: ResourceList = new Map()
  for (const c of recordsAt(spec, 'containers')) addInto(total, containerList(c, which))
  const sidecars: ResourceList = new Map()
  const initMax: ResourceList = new Map()
  for (const c of recordsAt(spec, 'initContainers')) {
    const own = containerList(c, which)
    let effective: ResourceList
    if (c.restartPolicy === 'Always') {
      addInto(total, own)
      addInto(sidecars, own)
      effective = new Map(sidecars)
    } else {
      effective = new Map(own)
      addInto(effective, sidecars)
    }
    maxInto(initMax, effective)
  }
  maxInto(total, initMax)
  const overhead = resourceList(spec.overhead)
  for (const [k, q] of overhead) {
    const have = total.get(k)
    if (which === 'requests') total.set(k, have ? addQuantity(have, q) : q)
    else if (have) total.set(k, addQuantity(have, q))
  }
  return total
}

/** `prettyPrint` of the quota admission: `name=qty` sorted by name, comma-joined (no spaces). */
export function prettyPrint(list: ResourceList): string {
  return [...list.keys()]
    .sort()
    .map((k) => `${k}=${formatQuantity(list.get(k)!)}`)
    .join(',')
}
