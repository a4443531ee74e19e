/**
 * What a pod requests, as NodeResourcesFit computes it (k/k `pkg/scheduler/framework/plugins/noderesources/
 * fit.go` `computePodResourceRequest` over `k8s.io/component-helpers/resource/helpers.go` `PodRequests`):
 * app containers and sidecars summed; each regular init container plus the sidecars started before it
 * taken as a floor; pod-level `spec.resources.requests` (cpu, memory) replacing the container sum; then
 * `spec.overhead` added. Sums are exact (quantities in nano-units), then cpu is rounded up to millicores
 * (`MilliValue`) and everything else to units (`Value`).
 */
import type { Container, Node, Pod } from 'kubernetes-types/core/v1'
import { parseQuantity, scaledValue } from '../model/quantity'
import { list, strMap } from './framework'

/** Resource amounts: cpu in millicores, memory and ephemeral-storage in bytes, scalar resources in units. */
export interface Amounts {
  milliCPU: number
  memory: number
  ephemeralStorage: number
  /** Extended resources, hugepages-*, attachable volumes (`ScalarResources`). */
  scalar: Record<string, number>
}

type ResourceList = Map<string, bigint>

/** `schedutil.DefaultMilliCPURequest` / `DefaultMemoryRequest`, for containers that request nothing. */
export const DEFAULT_MILLI_CPU_REQUEST = 100
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

const NANO = 1_000_000_000n

function toList(m: unknown): ResourceList {
  const out: ResourceList = new Map()
  for (const [k, v] of Object.entries(strMap(m))) {
    const nanos = typeof v === 'string' || typeof v === 'number' ? quantityNanos(v) : null
    if (nanos !== null) out.set(k, nanos)
  }
  return out
}

/**
 * A quantity's exact nano-units, remembered per text: every pod of a template spells its requests the
 * same way, and parsing with BigInt is what costs. Bounded, so that odd inputs cannot grow it forever.
 */
function quantityNanos(v: string | number): bigint | null {
  const known = parsedQuantities.get(v)
  if (known !== undefined) return known
  const nanos = parseQuantity(v)?.nanos ?? null
  if (parsedQuantities.size >= MAX_PARSED_QUANTITIES) parsedQuantities.clear()
  parsedQuantities.set(v, nanos)
  return nanos
}
const MAX_PARSED_QUANTITIES = 4096
const parsedQuantities = new Map<string | number, bigint | null>()

/** A container's requests after API defaulting (a limit without a request requests the limit). */
function containerRequests(c: Container, nonMissing: ResourceList | undefined): ResourceList {
  const reqs = toList(c?.resources?.requests)
  for (const [k, v] of toList(c?.resources?.limits)) if (!reqs.has(k)) reqs.set(k, v)
  if (nonMissing) for (const [k, v] of nonMissing) if (!reqs.has(k)) reqs.set(k, v)
  return reqs
}

function add(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0n) + v)
}

function max(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of from) if (v > (into.get(k) ?? 0n)) into.set(k, v)
}

/** `resource.PodRequests`: the pod's effective requests as exact nano-unit amounts. */
export function podRequestList(pod: Pod, nonZero = false): ResourceList {
  const nonMissing: ResourceList | undefined = nonZero
    ? new Map([
        ['cpu', BigInt(DEFAULT_MILLI_CPU_REQUEST) * 1_000_000n],
        ['memory', BigInt(DEFAULT_MEMORY_REQUEST) * NANO],
      ])
    : undefined
  const reqs: ResourceList = new Map()
  for (const c of list(pod.spec?.containers)) add(reqs, containerRequests(c, nonMissing))
  const sidecars: ResourceList = new Map()
  const initReqs: ResourceList = new Map()
  for (const c of list(pod.spec?.initContainers)) {
    const r = containerRequests(c, nonMissing)
    if (c?.restartPolicy === 'Always') {
      add(reqs, r)
      add(sidecars, r)
      max(initReqs, sidecars)
    } else {
      const tmp: ResourceList = new Map(r)
      add(tmp, sidecars)
      max(initReqs, tmp)
    }
  }
  max(reqs, initReqs)
  // Pod-level resources (beta, on by default since 1.34): cpu and memory replace the containers' sum.
  const podLevel = toList(
    (pod.spec as { resources?: { requests?: unknown } } | undefined)?.resources?.requests,
  )
  for (const name of ['cpu', 'memory']) {
    const v = podLevel.get(name)
    if (v !== undefined) reqs.set(name, v)
  }
  add(reqs, toList(pod.spec?.overhead))
  return reqs
}

/** True for names NodeResourcesFit checks as scalar resources (`schedutil.IsScalarResourceName`). */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true
  if (name.includes('kubernetes.io/')) return true
  // An extended resource: a domain-prefixed name outside kubernetes.io, not a quota `requests.` name.
  return name.includes('/') && !name.startsWith('requests.')
}

function toAmounts(reqs: ResourceList): Amounts {
  const out: Amounts = { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} }
  for (const [name, nanos] of reqs) {
    const q = { nanos, format: 'DecimalSI' as const }
    if (name === 'cpu') out.milliCPU = Number(scaledValue(q, -3))
    else if (name === 'memory') out.memory = Number(scaledValue(q, 0))
    else if (name === 'ephemeral-storage') out.ephemeralStorage = Number(scaledValue(q, 0))
    else if (isScalarResourceName(name)) out.scalar[name] = Number(scaledValue(q, 0))
  }
  return out
}

/**
 * `computePodResourceRequest`: what NodeResourcesFit's Filter compares with the node's free room. The
 * result is shared (remembered per pod spec): callers must not change it.
 */
export function podRequests(pod: Pod): Readonly<Amounts> {
  return memoised(pod, false)
}

/** The requests with 100m cpu / 200Mi memory for containers that set none (scoring and `NonZeroRequested`). */
export function podNonZeroRequests(pod: Pod): Readonly<Amounts> {
  return memoised(pod, true)
}

/**
 * What a pod spec requests, remembered per containers list: manifests are never changed in place, and
 * a write that keeps the containers (a bind sets `nodeName` on a copy of the spec) keeps the answer as
 * long as the other fields that count are the same objects.
 */
interface Remembered {
  readonly initContainers: unknown
  readonly resources: unknown
  readonly overhead: unknown
  requests?: Amounts
  nonZero?: Amounts
}
const remembered = new WeakMap<object, Remembered>()

function memoised(pod: Pod, nonZero: boolean): Amounts {
  const spec = pod.spec
  const containers = spec?.containers
  if (!spec || typeof containers !== 'object' || containers === null) {
    return toAmounts(podRequestList(pod, nonZero))
  }
  const resources = (spec as { resources?: unknown }).resources
  let r = remembered.get(containers)
  if (
    !r ||
    r.initContainers !== spec.initContainers ||
    r.resources !== resources ||
    r.overhead !== spec.overhead
  ) {
    r = { initContainers: spec.initContainers, resources, overhead: spec.overhead }
    remembered.set(containers, r)
  }
  if (nonZero) return (r.nonZero ??= toAmounts(podRequestList(pod, true)))
  return (r.requests ??= toAmounts(podRequestList(pod, false)))
}

/**
 * A node's allocatable resources (`NodeInfo.Allocatable`) and its pod limit. Shared, remembered per
 * `status.allocatable` object (a heartbeat copies the status but keeps that object): callers must not
 * change it.
 */
export function nodeAllocatable(node: Node): Readonly<{ amounts: Readonly<Amounts>; pods: number }> {
  const allocatable = node.status?.allocatable
  const key = typeof allocatable === 'object' && allocatable !== null ? allocatable : undefined
  const known = key && allocatables.get(key)
  if (known) return known
  const raw = toList(allocatable)
  const podsNanos = raw.get('pods')
  raw.delete('pods')
  const pods = podsNanos === undefined ? 0 : Number(podsNanos / NANO)
  const out = { amounts: toAmounts(raw), pods }
  if (key) allocatables.set(key, out)
  return out
}
const allocatables = new WeakMap<object, { amounts: Amounts; pods: number }>()

export function emptyAmounts(): Amounts {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} }
}

export function addAmounts(into: Amounts, a: Readonly<Amounts>): void {
  into.milliCPU += a.milliCPU
  into.memory += a.memory
  into.ephemeralStorage += a.ephemeralStorage
  for (const [k, v] of Object.entries(a.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + v
}
