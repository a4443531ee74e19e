import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job, JobCondition } from 'kubernetes-types/batch/v1'
import type { Container } from 'kubernetes-types/core/v1'
import { humanDuration } from '../model/duration'
import { formatLabels } from './labels'
import { formatLabelSelector, labelSelectorString } from './label-selector'
import { parseTime, since } from './time'

/**
 * Rows of `kubectl get deployments|replicasets|statefulsets|daemonsets|jobs|cronjobs`, as k/k
 * `pkg/printers/internalversion/printers.go` prints them (`printDeployment`, `printReplicaSet`, `printStatefulSet`,
 * `printDaemonSet`, `printJob`, `printCronJob`; reference D4). Columns after the `*_COLUMNS` come with `-o wide`.
 * `spec.replicas` left unset counts as the API default, 1.
 */

export const DEPLOYMENT_COLUMNS = ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']
export const REPLICASET_COLUMNS = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']
export const STATEFULSET_COLUMNS = ['NAME', 'READY', 'AGE']
export const DAEMONSET_COLUMNS = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'] // prettier-ignore
export const JOB_COLUMNS = ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']
export const CRONJOB_COLUMNS = ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE']
/** The wide columns of deploy, rs, ds, job and cj. */
export const TEMPLATE_WIDE_COLUMNS = ['CONTAINERS', 'IMAGES', 'SELECTOR']
/** The wide columns of sts (no SELECTOR). */
export const STATEFULSET_WIDE_COLUMNS = ['CONTAINERS', 'IMAGES']

/** `layoutContainerCells`: container names and images, comma-joined. */
export function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? []
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')]
}

/** `printDeployment`: READY `ready/desired`, UP-TO-DATE, AVAILABLE; wide SELECTOR is `selector.String()`. */
export function deploymentRow(d: Deployment, now: number, opts: { wide?: boolean } = {}): string[] {
  const s = d.status ?? {}
  const cells = [
    d.metadata?.name ?? '',
    `${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
    `${s.updatedReplicas ?? 0}`,
    `${s.availableReplicas ?? 0}`,
    since(d.metadata?.creationTimestamp, now),
  ]
  if (!opts.wide) return cells
  return [...cells, ...layoutContainerCells(d.spec?.template?.spec?.containers), labelSelectorString(d.spec?.selector)] // prettier-ignore
}

/** `printReplicaSet`: DESIRED (spec), CURRENT and READY (status). */
export function replicaSetRow(rs: ReplicaSet, now: number, opts: { wide?: boolean } = {}): string[] {
  const cells = [
    rs.metadata?.name ?? '',
    `${rs.spec?.replicas ?? 1}`,
    `${rs.status?.replicas ?? 0}`,
    `${rs.status?.readyReplicas ?? 0}`,
    since(rs.metadata?.creationTimestamp, now),
  ]
  if (!opts.wide) return cells
  return [...cells, ...layoutContainerCells(rs.spec?.template?.spec?.containers), formatLabelSelector(rs.spec?.selector)] // prettier-ignore
}

/** `printStatefulSet`: READY `ready/desired`; wide CONTAINERS IMAGES only. */
export function statefulSetRow(sts: StatefulSet, now: number, opts: { wide?: boolean } = {}): string[] {
  const cells = [
    sts.metadata?.name ?? '',
    `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`,
    since(sts.metadata?.creationTimestamp, now),
  ]
  if (!opts.wide) return cells
  return [...cells, ...layoutContainerCells(sts.spec?.template?.spec?.containers)]
}

/** `printDaemonSet`: the five status counts, NODE SELECTOR (`labels.FormatLabels` of the template's nodeSelector). */
export function daemonSetRow(ds: DaemonSet, now: number, opts: { wide?: boolean } = {}): string[] {
  const s = ds.status
  const cells = [
    ds.metadata?.name ?? '',
    `${s?.desiredNumberScheduled ?? 0}`,
    `${s?.currentNumberScheduled ?? 0}`,
    `${s?.numberReady ?? 0}`,
    `${s?.updatedNumberScheduled ?? 0}`,
    `${s?.numberAvailable ?? 0}`,
    formatLabels(ds.spec?.template?.spec?.nodeSelector),
    since(ds.metadata?.creationTimestamp, now),
  ]
  if (!opts.wide) return cells
  return [...cells, ...layoutContainerCells(ds.spec?.template?.spec?.containers), formatLabelSelector(ds.spec?.selector)] // prettier-ignore
}

/** `hasJobCondition`: the first condition of the type decides. */
function hasJobCondition(conditions: readonly JobCondition[] | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type)
  return c?.status === 'True'
}

/** The STATUS column of `printJob` (kubectl ≥ 1.30): Complete, Failed, Terminating, Suspended, FailureTarget, Running. */
export function jobStatus(job: Job): string {
  const conds = job.status?.conditions
  if (hasJobCondition(conds, 'Complete')) return 'Complete'
  if (hasJobCondition(conds, 'Failed')) return 'Failed'
  if (job.metadata?.deletionTimestamp) return 'Terminating'
  if (hasJobCondition(conds, 'Suspended')) return 'Suspended'
  if (hasJobCondition(conds, 'FailureTarget')) return 'FailureTarget'
  return 'Running'
}

/** `printJob`: STATUS, COMPLETIONS (`n/m`, `n/1`, `n/1 of p`), DURATION (start to completion, or to now). */
export function jobRow(job: Job, now: number, opts: { wide?: boolean } = {}): string[] {
  const succeeded = job.status?.succeeded ?? 0
  let completions: string
  if (job.spec?.completions !== undefined && job.spec.completions !== null)
    completions = `${succeeded}/${job.spec.completions}`
  else {
    const parallelism = job.spec?.parallelism ?? 0
    completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`
  }
  const start = parseTime(job.status?.startTime)
  const end = parseTime(job.status?.completionTime)
  const duration = start === null ? '' : humanDuration((end ?? now) - start)
  const cells = [job.metadata?.name ?? '', jobStatus(job), completions, duration, since(job.metadata?.creationTimestamp, now)] // prettier-ignore
  if (!opts.wide) return cells
  return [...cells, ...layoutContainerCells(job.spec?.template?.spec?.containers), formatLabelSelector(job.spec?.selector)] // prettier-ignore
}

/** `printBoolPtr`: `True`, `False` or `<unset>`. */
export function printBoolPtr(v: boolean | undefined | null): string {
  return v === undefined || v === null ? '<unset>' : v ? 'True' : 'False'
}

/** `printCronJob`: SCHEDULE, TIMEZONE (`<none>`), SUSPEND, ACTIVE (count), LAST SCHEDULE (`<none>`), AGE. */
export function cronJobRow(cj: CronJob, now: number, opts: { wide?: boolean } = {}): string[] {
  const last = cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>'
  const cells = [
    cj.metadata?.name ?? '',
    cj.spec?.schedule ?? '',
    cj.spec?.timeZone ?? '<none>',
    printBoolPtr(cj.spec?.suspend),
    `${cj.status?.active?.length ?? 0}`,
    last,
    since(cj.metadata?.creationTimestamp, now),
  ]
  if (!opts.wide) return cells
  const jobSpec = cj.spec?.jobTemplate?.spec
  return [...cells, ...layoutContainerCells(jobSpec?.template?.spec?.containers), formatLabelSelector(jobSpec?.selector)] // prettier-ignore
}
