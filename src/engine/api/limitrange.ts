/**
 * LimitRange: the object's defaulting (`SetDefaults_LimitRangeItem`, `pkg/apis/core/v1/defaults.go`) and
 * the `LimitRanger` admission plugin on pod create (`plugin/pkg/admission/limitranger/admission.go`):
 * `Admit` fills missing container requests/limits from `defaultRequest`/`default` and notes it in the
 * `kubernetes.io/limit-ranger` annotation; `Validate` enforces min, max and maxLimitRequestRatio per
 * Container and per Pod with the plugin's messages (lower-case since v1.16), aggregated as
 * `utilerrors.NewAggregate` prints them. Go iterates maps in random order; kubeplay sorts names.
 */
import { formatQuantity, scaledValue, type Quantity } from '../model/quantity'
import type { JsonObject } from './json'
import { cloneJson, ensureRecord, isRecord, recordAt, recordsAt } from './json'
import { aggregate } from './refusal'
import { canonicalQuantity, podResources, resourceList, type ResourceList } from './resource-list'

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger'

const QUANTITY_MAPS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const

function canonicalMap(m: unknown): JsonObject | undefined {
  if (!isRecord(m)) return undefined
  const out: JsonObject = {}
  for (const k of Object.keys(m)) out[k] = canonicalQuantity(m[k])
  return out
}

/**
 * `SetDefaults_LimitRangeItem` for `type: Container`: `default` from `max`, then `defaultRequest` from
 * `default`, then from `min`. Quantities are written back in canonical form (`cpu: 0.5` → `500m`).
 */
export function defaultLimitRange(raw: unknown): JsonObject {
  const lr = isRecord(raw) ? cloneJson(raw) : {}
  const spec = recordAt(lr, 'spec')
  for (const item of recordsAt(spec ?? {}, 'limits')) {
    for (const key of QUANTITY_MAPS) {
      const m = canonicalMap(item[key])
      if (m) item[key] = m
    }
    if (item.type !== 'Container') continue
    const def = ensureRecord(item, 'default')!
    const defReq = ensureRecord(item, 'defaultRequest')!
    for (const [k, v] of Object.entries(recordAt(item, 'max') ?? {})) if (!(k in def)) def[k] = v
    for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v
    for (const [k, v] of Object.entries(recordAt(item, 'min') ?? {})) if (!(k in defReq)) defReq[k] = v
  }
  return lr
}

const sortedKeys = (o: JsonObject | undefined): string[] => Object.keys(o ?? {}).sort()

/**
 * `PodMutateLimitFunc` for each LimitRange in turn (the caller sorts them): containers (then init
 * containers) without a request or limit for a resource the `type: Container` items default get it.
 * Mutates `pod`.
 */
export function applyLimitRangeDefaults(pod: JsonObject, limitRanges: readonly JsonObject[]): void {
  const spec = recordAt(pod, 'spec')
  if (!spec) return
  for (const lr of limitRanges) {
    const limits: JsonObject = {}
    const requests: JsonObject = {}
    for (const item of recordsAt(recordAt(lr, 'spec') ?? {}, 'limits')) {
      if (item.type !== 'Container') continue
      Object.assign(requests, recordAt(item, 'defaultRequest') ?? {})
      Object.assign(limits, recordAt(item, 'default') ?? {})
    }
    const notes: string[] = []
    const merge = (c: JsonObject, prefix: string): void => {
      const had = c.resources !== undefined
      const resources = ensureRecord(c, 'resources')
      if (!resources) return
      const cLimits = ensureRecord(resources, 'limits')!
      const cRequests = ensureRecord(resources, 'requests')!
      const setLimits: string[] = []
      const setRequests: string[] = []
      for (const k of sortedKeys(limits))
        if (!(k in cLimits)) {
          cLimits[k] = limits[k]
          setLimits.push(k)
        }
      for (const k of sortedKeys(requests))
        if (!(k in cRequests)) {
          cRequests[k] = requests[k]
          setRequests.push(k)
        }
      // The Go structs drop the empty maps again when the pod is written.
      if (Object.keys(cLimits).length === 0) delete resources.limits
      if (Object.keys(cRequests).length === 0) delete resources.requests
      if (!had && Object.keys(resources).length === 0) delete c.resources
      const name = typeof c.name === 'string' ? c.name : ''
      if (setRequests.length > 0) notes.push(`${setRequests.join(', ')} request for ${prefix} ${name}`)
      if (setLimits.length > 0) notes.push(`${setLimits.join(', ')} limit for ${prefix} ${name}`)
    }
    for (const c of recordsAt(spec, 'containers')) merge(c, 'container')
    for (const c of recordsAt(spec, 'initContainers')) merge(c, 'init container')
    if (notes.length > 0) {
      const meta = ensureRecord(pod, 'metadata')!
      const annotations = ensureRecord(meta, 'annotations')!
      annotations[LIMIT_RANGER_ANNOTATION] = `LimitRanger plugin set: ${notes.join('; ')}`
    }
  }
}

/** `requestLimitEnforcedValues`: compared in milli-units (kubeplay's quantities never overflow). */
const milli = (q: Quantity | undefined): bigint => (q ? scaledValue(q, -3) : 0n)

function minConstraint(type: string, name: string, enforced: Quantity, req: ResourceList, lim: ResourceList) {
  const r = req.get(name)
  const l = lim.get(name)
  const e = formatQuantity(enforced)
  if (!r) return `minimum ${name} usage per ${type} is ${e}.  No request is specified.`
  if (milli(r) < milli(enforced))
    return `minimum ${name} usage per ${type} is ${e}, but request is ${formatQuantity(r)}.`
  if (l && milli(l) < milli(enforced))
    return `minimum ${name} usage per ${type} is ${e}, but limit is ${formatQuantity(l)}.`
  return null
}

function maxConstraint(type: string, name: string, enforced: Quantity, req: ResourceList, lim: ResourceList) {
  const r = req.get(name)
  const l = lim.get(name)
  const e = formatQuantity(enforced)
  if (!l) return `maximum ${name} usage per ${type} is ${e}.  No limit is specified.`
  if (milli(l) > milli(enforced))
    return `maximum ${name} usage per ${type} is ${e}, but limit is ${formatQuantity(l)}.`
  if (r && milli(r) > milli(enforced))
    return `maximum ${name} usage per ${type} is ${e}, but request is ${formatQuantity(r)}.`
  return null
}

function ratioConstraint(
  type: string,
  name: string,
  enforced: Quantity,
  req: ResourceList,
  lim: ResourceList,
) {
  const r = milli(req.get(name))
  const l = milli(lim.get(name))
  const e = formatQuantity(enforced)
  if (r === 0n)
    return `${name} max limit to request ratio per ${type} is ${e}, but no request is specified or request is 0.`
  if (l === 0n)
    return `${name} max limit to request ratio per ${type} is ${e}, but no limit is specified or limit is 0.`
  const ratio = Number(l) / Number(r)
  if (ratio * 1000 > Number(milli(enforced)))
    return `${name} max limit to request ratio per ${type} is ${e}, but provided ratio is ${ratio.toFixed(6)}.`
  return null
}

function check(item: JsonObject, type: string, req: ResourceList, lim: ResourceList, errs: string[]): void {
  const rules = [
    ['min', minConstraint],
    ['max', maxConstraint],
    ['maxLimitRequestRatio', ratioConstraint],
  ] as const
  for (const [key, rule] of rules) {
    const bounds = resourceList(item[key])
    for (const name of [...bounds.keys()].sort()) {
      const err = rule(type, name, bounds.get(name)!, req, lim)
      if (err) errs.push(err)
    }
  }
}

/**
 * `PodValidateLimitFunc` over the LimitRanges (sorted by the caller): the first LimitRange the pod
 * violates gives the error message (several violations aggregated as `[a, b]`); null when it passes.
 */
export function validateLimitRanges(pod: JsonObject, limitRanges: readonly JsonObject[]): string | null {
  const spec = recordAt(pod, 'spec') ?? {}
  for (const lr of limitRanges) {
    const errs: string[] = []
    for (const item of recordsAt(recordAt(lr, 'spec') ?? {}, 'limits')) {
      if (item.type === 'Container') {
        for (const key of ['containers', 'initContainers'])
          for (const c of recordsAt(spec, key)) {
            const resources = recordAt(c, 'resources') ?? {}
            check(item, 'Container', resourceList(resources.requests), resourceList(resources.limits), errs)
          }
      } else if (item.type === 'Pod') {
        check(item, 'Pod', podResources(spec, 'requests'), podResources(spec, 'limits'), errs)
      }
    }
    if (errs.length > 0) return aggregate(errs)
  }
  return null
}
