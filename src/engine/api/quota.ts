/**
 * ResourceQuota: what an object charges (`pkg/quota/v1/evaluator/core/pods.go` `PodUsageFunc`,
 * `services.go`, the generic object-count evaluator), the status the quota controller writes
 * (`status.hard` = `spec.hard`, `status.used` for every hard resource, zeros included), and the admission
 * check of `staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go`
 * `CheckRequest`: `failed quota: <q>: must specify <res> for: <containers>; …` when a tracked cpu/memory
 * resource is missing from a container, and `exceeded quota: <q>, requested: …, used: …, limited: …`
 * (each list `name=qty` sorted, comma-joined, restricted to the exceeded resources; reference F7).
 * Usage is computed from the store at admission, which is what the real plugin's running `status.used`
 * converges to. Quotas are visited by name (Go's lister order is unspecified).
 */
import { compareQuantity, parseQuantity, type Quantity } from '../model/quantity'
import { listObjects, updateObject, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import { parseTime } from '../sim/time'
import type { JsonObject } from './json'
import { isRecord, recordAt, recordsAt } from './json'
import { groupResource } from './refusal'
import {
  addInto,
  listToJson,
  podResources,
  prettyPrint,
  resourceList,
  type ResourceList,
} from './resource-list'
import { selectorMatches } from './selectors'

const ONE: Quantity = parseQuantity('1')!

/** Legacy object-count names (`generic.ObjectCountQuotaResourceNameFor` has `count/<resource>` too). */
const LEGACY_COUNT: Readonly<Record<string, string>> = {
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  ReplicationController: 'replicationcontrollers',
  ResourceQuota: 'resourcequotas',
}

/** `validationSet` of pods.go: a quota on these requires every container to set them. */
const VALIDATION_SET = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']

/** The resources the pod evaluator handles (`podResources` + hugepages/extended prefixes). */
function podMatchingResource(name: string): boolean {
  return (
    [
      'count/pods',
      'cpu',
      'memory',
      'ephemeral-storage',
      'requests.cpu',
      'requests.memory',
      'requests.ephemeral-storage',
      'limits.cpu',
      'limits.memory',
      'limits.ephemeral-storage',
      'pods',
    ].includes(name) ||
    name.startsWith('hugepages-') ||
    name.startsWith('requests.hugepages-') ||
    (name.startsWith('requests.') && name.includes('/'))
  )
}

/** `podComputeUsageHelper`: one pod's (or one container's) compute usage from requests and limits. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = new Map([['pods', ONE]])
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(r)
    if (req) {
      out.set(r, req)
      out.set(`requests.${r}`, req)
    }
    const lim = limits.get(r)
    if (lim) out.set(`limits.${r}`, lim)
  }
  for (const [r, q] of requests) {
    if (r.startsWith('hugepages-')) {
      out.set(r, q)
      out.set(`requests.${r}`, q)
    } else if (r.includes('/') && !r.startsWith('kubernetes.io/')) out.set(`requests.${r}`, q)
  }
  return out
}

/**
 * `QuotaV1Pod`: a pod is charged unless terminal, or deleted with its grace period (counted from the
 * deletionTimestamp) over.
 */
function podCharged(pod: KObject, nowEpochMs: number): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return false
  const deleted = parseTime(pod.metadata.deletionTimestamp)
  const grace = pod.metadata.deletionGracePeriodSeconds
  if (deleted !== null && typeof grace === 'number' && nowEpochMs > deleted + grace * 1000) return false
  return true
}

/** What one object charges against quotas in its namespace. */
export function quotaUsage(o: KObject, nowEpochMs: number): ResourceList {
  const out: ResourceList = new Map([[`count/${groupResource(o.kind)}`, ONE]])
  const spec = isRecord(o.spec) ? o.spec : {}
  if (o.kind === 'Pod') {
    if (podCharged(o, nowEpochMs))
      addInto(out, computeUsage(podResources(spec, 'requests'), podResources(spec, 'limits')))
    return out
  }
  const legacy = LEGACY_COUNT[o.kind]
  if (legacy) out.set(legacy, ONE)
  if (o.kind === 'Service') {
    const ports = recordsAt(spec, 'ports').length
    const nodePorts =
      spec.type === 'NodePort' ||
      (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)
    if (spec.type === 'LoadBalancer') out.set('services.loadbalancers', ONE)
    if (nodePorts && ports > 0) out.set('services.nodeports', parseQuantity(ports)!)
  }
  if (o.kind === 'PersistentVolumeClaim') {
    const storage = resourceList(recordAt(recordAt(spec, 'resources') ?? {}, 'requests')).get('storage')
    if (storage) out.set('requests.storage', storage)
  }
  return out
}

/** The resource names of a quota's `spec.hard` that an object of `kind` is charged for. */
function matchingResources(kind: string, hard: ResourceList): string[] {
  const names = [...hard.keys()]
  if (kind === 'Pod') return names.filter(podMatchingResource)
  const own = new Set([`count/${groupResource(kind)}`, LEGACY_COUNT[kind]])
  if (kind === 'Service') own.add('services.loadbalancers').add('services.nodeports')
  if (kind === 'PersistentVolumeClaim') own.add('requests.storage')
  return names.filter((n) => own.has(n))
}

function isBestEffort(spec: JsonObject): boolean {
  return [...recordsAt(spec, 'containers'), ...recordsAt(spec, 'initContainers')].every((c) => {
    const r = recordAt(c, 'resources') ?? {}
    const has = (which: string): boolean => ['cpu', 'memory'].some((k) => resourceList(r[which]).has(k))
    return !has('requests') && !has('limits')
  })
}

/** `podMatchesScopeFunc` for every scope of the quota (`spec.scopes` and `spec.scopeSelector`). */
function scopesMatch(quota: KObject, o: KObject): boolean {
  const qspec = isRecord(quota.spec) ? quota.spec : {}
  const selectors: JsonObject[] = [
    ...(Array.isArray(qspec.scopes) ? qspec.scopes : []).map((s) => ({ scopeName: s, operator: 'Exists' })),
    ...recordsAt(recordAt(qspec, 'scopeSelector') ?? {}, 'matchExpressions'),
  ]
  if (selectors.length === 0) return true
  if (o.kind !== 'Pod') return false
  const spec = isRecord(o.spec) ? o.spec : {}
  return selectors.every((sel) => {
    const deadline = spec.activeDeadlineSeconds
    const terminating = typeof deadline === 'number' && deadline >= 0
    switch (sel.scopeName) {
      case 'Terminating':
        return terminating
      case 'NotTerminating':
        return !terminating
      case 'BestEffort':
        return isBestEffort(spec)
      case 'NotBestEffort':
        return !isBestEffort(spec)
      case 'PriorityClass': {
        const pc = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : ''
        if (sel.operator === 'Exists') return pc !== ''
        const labels: Record<string, string> = pc ? { PriorityClass: pc } : {}
        return selectorMatches(
          { matchExpressions: [{ key: 'PriorityClass', operator: sel.operator, values: sel.values }] },
          labels,
        )
      }
      default:
        return false
    }
  })
}

/** `generic.Matches`: the quota limits something the object is charged for, and its scopes match. */
function quotaMatches(quota: KObject, o: KObject): boolean {
  const hard = resourceList(recordAt(isRecord(quota.spec) ? quota.spec : {}, 'hard'))
  return matchingResources(o.kind, hard).length > 0 && scopesMatch(quota, o)
}

/** The usage of everything in the quota's namespace, masked to its hard resources (zeros included). */
function usedBy(sim: Sim, quota: KObject): ResourceList {
  const hard = resourceList(recordAt(isRecord(quota.spec) ? quota.spec : {}, 'hard'))
  const used: ResourceList = new Map()
  for (const name of hard.keys()) used.set(name, { nanos: 0n, format: hard.get(name)!.format })
  const now = sim.s.epochMs + sim.s.now
  for (const o of sim.s.objects.values()) {
    if (o.metadata.namespace !== quota.metadata.namespace) continue
    if (o.kind === 'Event' || !quotaMatches(quota, o)) continue
    const usage = quotaUsage(o, now)
    for (const name of matchingResources(o.kind, hard)) {
      const q = usage.get(name)
      if (q) addInto(used, new Map([[name, q]]))
    }
  }
  return used
}

/** The status the ResourceQuota controller writes: `hard` from the spec, `used` recalculated. */
export function quotaStatus(
  sim: Sim,
  quota: KObject,
): { hard: Record<string, string>; used: Record<string, string> } {
  const hard = resourceList(recordAt(isRecord(quota.spec) ? quota.spec : {}, 'hard'))
  return { hard: listToJson(hard), used: listToJson(usedBy(sim, quota)) }
}

/** The ResourceQuota controller's sync: every quota's status, written when it changed. */
export function reconcileQuotas(sim: Sim): void {
  for (const q of listObjects(sim, 'ResourceQuota')) {
    const current = sim.s.objects.get(`ResourceQuota/${q.metadata.namespace}/${q.metadata.name}`)
    if (current) updateObject(sim, { ...current, status: quotaStatus(sim, current) })
  }
}

/** `podEvaluator.Constraints`: `must specify <res> for: <containers>; …`, or null. */
function podConstraints(required: readonly string[], spec: JsonObject): string | null {
  const wanted = required.filter((r) => VALIDATION_SET.includes(r))
  const missing = new Map<string, Set<string>>()
  for (const c of [...recordsAt(spec, 'containers'), ...recordsAt(spec, 'initContainers')]) {
    const r = recordAt(c, 'resources') ?? {}
    const have = computeUsage(resourceList(r.requests), resourceList(r.limits))
    for (const res of wanted)
      if (!have.has(res)) missing.set(res, (missing.get(res) ?? new Set()).add(String(c.name ?? '')))
  }
  if (missing.size === 0) return null
  const parts = [...missing.keys()]
    .sort()
    .map((res) => `${res} for: ${[...missing.get(res)!].sort().join(',')}`)
  return `must specify ${parts.join('; ')}`
}

/**
 * `CheckRequest` on create: the refusal message (without the `<resource> "<name>" is forbidden: `
 * wrapper) or null when every quota of the namespace admits `o`.
 */
export function checkQuota(sim: Sim, o: KObject): string | null {
  const quotas = listObjects(sim, 'ResourceQuota', o.metadata.namespace ?? 'default')
    .filter((q) => quotaMatches(q, o))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0))
  if (quotas.length === 0) return null
  const spec = isRecord(o.spec) ? o.spec : {}
  for (const q of quotas) {
    if (o.kind !== 'Pod') break
    const hard = resourceList(recordAt(isRecord(q.spec) ? q.spec : {}, 'hard'))
    const err = podConstraints(matchingResources('Pod', hard), spec)
    if (err) return `failed quota: ${q.metadata.name}: ${err}`
  }
  const usage = quotaUsage(o, sim.s.epochMs + sim.s.now)
  for (const [k, v] of usage) if (v.nanos === 0n) usage.delete(k)
  for (const q of quotas) {
    const hard = resourceList(recordAt(isRecord(q.spec) ? q.spec : {}, 'hard'))
    const used = usedBy(sim, q)
    const requested: ResourceList = new Map([...usage].filter(([k]) => hard.has(k)))
    const exceeded = [...requested.keys()].filter((k) => {
      const total = new Map(used.has(k) ? [[k, used.get(k)!]] : [])
      addInto(total, new Map([[k, requested.get(k)!]]))
      return compareQuantity(total.get(k)!, hard.get(k)!) > 0
    })
    if (exceeded.length > 0) {
      const mask = (l: ResourceList): ResourceList => new Map([...l].filter(([k]) => exceeded.includes(k)))
      return `exceeded quota: ${q.metadata.name}, requested: ${prettyPrint(mask(requested))}, used: ${prettyPrint(mask(used))}, limited: ${prettyPrint(mask(hard))}`
    }
  }
  return null
}
