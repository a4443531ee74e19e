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

/** What a pod change means to these controllers: IP, readiness, deletion, labels, phase, node, resources. */
function podSummary(o: KObject | undefined): string {
  const status = o?.status as
    { phase?: string; podIP?: string; conditions?: { type: string; status: string }[] } | undefined
  const ready = status?.conditions?.find((c) => c.type === 'Ready')?.status
  return JSON.stringify([
    status?.phase,
    status?.podIP,
    ready,
    o?.metadata.deletionTimestamp,
    o?.metadata.labels,
    (o?.spec as { nodeName?: string } | undefined)?.nodeName,
  ])
}

/** True when every field {@link podSummary} reads is the same value (or object) in both. */
function sameSummaryFields(a: KObject | undefined, b: KObject): boolean {
  if (!a) return false
  type S = { phase?: string; podIP?: string; conditions?: { type: string; status: string }[] } | undefined
  const sa = a.status as S
  const sb = b.status as S
  return (
    sa?.phase === sb?.phase &&
    sa?.podIP === sb?.podIP &&
    a.metadata.deletionTimestamp === b.metadata.deletionTimestamp &&
    a.metadata.labels === b.metadata.labels &&
    (a.spec as { nodeName?: string } | undefined)?.nodeName ===
      (b.spec as { nodeName?: string } | undefined)?.nodeName &&
    sa?.conditions?.find((c) => c.type === 'Ready')?.status ===
      sb?.conditions?.find((c) => c.type === 'Ready')?.status
  )
}

/** Whether a store change should wake these controllers (their informers' event handlers). */
export function wakesServiceControllers(ch: Change): boolean {
  const kind = ch.object.kind
  if (kind === 'Endpoints' || kind === 'EndpointSlice') return ch.op === 'delete'
  if (kind === 'Pod')
    return (
      ch.op !== 'update' ||
      (!sameSummaryFields(ch.old, ch.object) && podSummary(ch.old) !== podSummary(ch.object))
    )
  if (kind === 'Service' || kind === 'Namespace' || kind === 'ResourceQuota') return true
  // Object counts of quotas change with any create or delete.
  return ch.op !== 'update'
}
