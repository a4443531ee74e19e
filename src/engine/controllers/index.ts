/**
 * The workload controllers of kube-controller-manager, run as one pass over the store (the collapsing
 * `controllers` task of `sim/simulate.ts`): garbage collection, Deployment → ReplicaSet → Pod,
 * StatefulSet, DaemonSet, CronJob → Job → Pod, and the disruption controller's PodDisruptionBudget status. Each controller is a pure function of the store that
 * writes through `createObject` / `updateObject` / `deleteObject`; the writes wake the next pass, which
 * finds nothing left to do once the cluster has converged.
 */
import type { Sim, Change } from '../sim/sim'
import { listObjects } from '../sim/sim'
import type { KObject } from '../sim/state'
import { clearDueRequeues, latest, type NewPod } from './common'
import { reconcileDaemonSet, type DSObj } from './daemonset'
import { reconcileDeployment, type DeployObj } from './deployment'
import { reconcileCronJob, type CronJobObj } from './cronjob'
import { reconcileDisruptionBudgets } from './disruption'
import { collectGarbage } from './gc'
import { reconcileJob, type JobObj } from './job'
import { reconcileReplicaSet, type RSObj } from './replicaset'
import { reconcileStatefulSet, type STSObj } from './statefulset'

export type { NewPod } from './common'
export { gcWatch } from './gc'

/** The kinds whose changes wake the controllers (besides owned pods, nodes and deletions). */
export const WORKLOAD_KINDS = [
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'PodDisruptionBudget',
] as const

/**
 * One pass of every workload controller. `newPod` creates a pod as the API server does (defaulting
 * and admission); the controllers build the pod from their template and hand it over.
 */
export function reconcileWorkloads(sim: Sim, newPod: NewPod): void {
  clearDueRequeues(sim)
  collectGarbage(sim)
  const each = <T extends KObject>(kind: string, f: (o: T) => void): void => {
    for (const o of listObjects<T>(sim, kind)) {
      const current = latest(sim, o)
      if (current) f(current)
    }
  }
  each<DeployObj>('Deployment', (d) => reconcileDeployment(sim, d))
  each<RSObj>('ReplicaSet', (rs) => reconcileReplicaSet(sim, rs, newPod))
  each<STSObj>('StatefulSet', (s) => reconcileStatefulSet(sim, s, newPod))
  each<DSObj>('DaemonSet', (ds) => reconcileDaemonSet(sim, ds, newPod))
  each<CronJobObj>('CronJob', (cj) => reconcileCronJob(sim, cj))
  each<JobObj>('Job', (j) => reconcileJob(sim, j, newPod))
  reconcileDisruptionBudgets(sim)
}

/**
 * Whether a store change concerns a controller (its informers' event handlers): any workload object,
 * a deletion (for the garbage collector), a node's labels, taints or existence (DaemonSets), and an
 * owned pod whose phase, readiness, node, restarts or deletion changed.
 */
export function wantsReconcile(ch: Change): boolean {
  const k = ch.object.kind
  if ((WORKLOAD_KINDS as readonly string[]).includes(k)) return true
  if (ch.op === 'delete') return true
  if (k === 'Node') return ch.op !== 'update' || nodeSummary(ch.old) !== nodeSummary(ch.object)
  if (k !== 'Pod' || (ch.object.metadata.ownerReferences?.length ?? 0) === 0) return false
  if (ch.op !== 'update') return true
  // Most pod updates keep every field of the summary: compare those first, the text only when one differs.
  if (sameSummaryFields(ch.old, ch.object)) return false
  return podSummary(ch.old) !== podSummary(ch.object)
}

type SummaryStatus = {
  phase?: string
  conditions?: { type: string; status: string }[]
  containerStatuses?: { restartCount?: number }[]
  initContainerStatuses?: { restartCount?: number }[]
}

/** True when every field {@link podSummary} reads is the same value in both (so the summaries are equal). */
function sameSummaryFields(a: KObject | undefined, b: KObject): boolean {
  if (!a) return false
  const sa = a.status as SummaryStatus | undefined
  const sb = b.status as SummaryStatus | undefined
  return (
    sa?.phase === sb?.phase &&
    a.metadata.deletionTimestamp === b.metadata.deletionTimestamp &&
    (a.spec as { nodeName?: string } | undefined)?.nodeName ===
      (b.spec as { nodeName?: string } | undefined)?.nodeName &&
    sa?.conditions?.find((c) => c.type === 'Ready')?.status ===
      sb?.conditions?.find((c) => c.type === 'Ready')?.status &&
    restartsOf(sa) === restartsOf(sb)
  )
}

function restartsOf(status: SummaryStatus | undefined): number {
  let n = 0
  for (const c of status?.containerStatuses ?? []) n += c.restartCount ?? 0
  for (const c of status?.initContainerStatuses ?? []) n += c.restartCount ?? 0
  return n
}

function podSummary(o: KObject | undefined): string {
  const status = o?.status as
    | {
        phase?: string
        conditions?: { type: string; status: string }[]
        containerStatuses?: { restartCount?: number }[]
        initContainerStatuses?: { restartCount?: number }[]
      }
    | undefined
  const ready = status?.conditions?.find((c) => c.type === 'Ready')?.status
  const restarts = [...(status?.containerStatuses ?? []), ...(status?.initContainerStatuses ?? [])].reduce(
    (n, c) => n + (c.restartCount ?? 0),
    0,
  )
  const node = (o?.spec as { nodeName?: string } | undefined)?.nodeName ?? ''
  return `${status?.phase}/${ready}/${o?.metadata.deletionTimestamp ?? ''}/${node}/${restarts}`
}

function nodeSummary(o: KObject | undefined): string {
  const spec = o?.spec as { taints?: unknown; unschedulable?: boolean } | undefined
  return JSON.stringify([o?.metadata.labels, spec?.taints, spec?.unschedulable])
}
