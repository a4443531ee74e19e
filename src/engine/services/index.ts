/**
 * The controllers that follow Services, namespaces and quotas, run in the collapsing `controllers`
 * pass of `sim/simulate.ts` after the workload controllers: the namespace controller (deletion), the
 * endpoints and EndpointSlice controllers, and the ResourceQuota controller's status. Each is a pure
 * function of the store that writes only what changed, so a pass over a converged cluster writes nothing.
 */
import { reconcileNamespaces } from '../api/namespaces'
import { reconcileQuotas } from '../api/quota'
import type { Change, Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import { reconcileEndpoints } from './endpoints'

export { allocateService, kubernetesService, KUBERNETES_SERVICE_IP } from './allocate'
export { readyAddressCount } from './endpoints'

export function reconcileServiceControllers(sim: Sim): void {
  reconcileNamespaces(sim)
  reconcileEndpoints(sim)
  reconcileQuotas(sim)
}

/**
 * Whether a pod change leaves what these controllers read the same: phase, IP, readiness, deletion,
 * labels and node, each compared as its JSON (undefined as null).
 */
function sameSummary(a: KObject | undefined, b: KObject): boolean {
  type S = { phase?: string; podIP?: string; conditions?: { type: string; status: string }[] } | undefined
  const sa = a?.status as S
  const sb = b.status as S
  return (
    sameJson(sa?.phase, sb?.phase) &&
    sameJson(sa?.podIP, sb?.podIP) &&
    sameJson(
      sa?.conditions?.find((c) => c.type === 'Ready')?.status,
      sb?.conditions?.find((c) => c.type === 'Ready')?.status,
    ) &&
    sameJson(a?.metadata.deletionTimestamp, b.metadata.deletionTimestamp) &&
    sameJson(a?.metadata.labels, b.metadata.labels) &&
    sameJson(
      (a?.spec as { nodeName?: string } | undefined)?.nodeName,
      (b.spec as { nodeName?: string } | undefined)?.nodeName,
    )
  )
}

function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true
  const plain = (v: unknown) => v === undefined || v === null || typeof v === 'string'
  if (plain(x) && plain(y)) return (x ?? null) === (y ?? null)
  return JSON.stringify(x ?? null) === JSON.stringify(y ?? null)
}

/** Whether a store change should wake these controllers (their informers' event handlers). */
export function wakesServiceControllers(ch: Change): boolean {
  const kind = ch.object.kind
  if (kind === 'Endpoints' || kind === 'EndpointSlice') return ch.op === 'delete'
  if (kind === 'Pod') return ch.op !== 'update' || !sameSummary(ch.old, ch.object)
  if (kind === 'Service' || kind === 'Namespace' || kind === 'ResourceQuota') return true
  // Object counts of quotas change with any create or delete.
  return ch.op !== 'update'
}
