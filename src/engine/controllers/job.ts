/**
 * The Job controller (`k8s.io/kubernetes/pkg/controller/job/job_controller.go`, reference F4), as v1.35
 * runs it: pods `<job>-<5 characters>` (Indexed: `<job>-<index>-<5>`) labelled with the job name and
 * controller UID and held by the `batch.kubernetes.io/job-tracking` finalizer until counted;
 * parallelism and completions; the pod failure back-off 10 s × 2^(n−1) capped at 10 min before a
 * replacement; backoffLimit (`BackoffLimitExceeded`) and activeDeadlineSeconds (`DeadlineExceeded`);
 * the interim `SuccessCriteriaMet` / `FailureTarget` conditions, then `Complete` / `Failed` once no pod
 * is left running; ttlSecondsAfterFinished (the TTL-after-finished controller).
 */
import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import { updateObject, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import { parseTime, rfc3339 } from '../sim/time'
import {
  controlledObjects,
  controllerEvent,
  failedCreate,
  deletePodGracefully,
  generateName,
  isPodActive,
  isPodReady,
  isPodTerminating,
  isTerminal,
  latest,
  nowMs,
  nowStamp,
  podFromTemplate,
  requeueAt,
  writeStatus,
  type NewPod,
  type PodObj,
} from './common'
import { FOREGROUND } from './gc'

export type JobObj = Job & KObject

const COMPONENT = 'job-controller'
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking'
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index'
/** `DefaultJobPodFailureBackOff` and `MaxJobPodFailureBackOff` (reference F4). */
export const POD_FAILURE_BACKOFF_MS = 10_000
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000

export const JOB_MESSAGES = {
  backoffLimit: 'Job has reached the specified backoff limit',
  deadline: 'Job was active longer than specified deadline',
  completions: 'Reached expected number of succeeded pods',
  completed: 'Job completed',
} as const

const finalCondition = (job: JobObj): JobCondition | undefined =>
  job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
const targetCondition = (job: JobObj): JobCondition | undefined =>
  job.status?.conditions?.find(
    (c) => (c.type === 'SuccessCriteriaMet' || c.type === 'FailureTarget') && c.status === 'True',
  )

/**
 * `backoffRecord.getRemainingTime`: 10 s doubled per failure since the last success, capped at 10 min,
 * counted from the last failure. Returns 0 when a replacement may be created now.
 * @example podFailureBackoffMs(3) // 40_000
 */
export function podFailureBackoffMs(failuresAfterLastSuccess: number): number {
  if (failuresAfterLastSuccess <= 0) return 0
  let d = POD_FAILURE_BACKOFF_MS
  for (let i = 1; i < failuresAfterLastSuccess; i++) {
    d *= 2
    if (d >= MAX_POD_FAILURE_BACKOFF_MS) return MAX_POD_FAILURE_BACKOFF_MS
  }
  return d
}

/** One `syncJob`. */
export function reconcileJob(sim: Sim, job: JobObj, newPod: NewPod): void {
  if (job.metadata.deletionTimestamp) return
  const final = finalCondition(job)
  if (final) return ttlAfterFinished(sim, job, final)
  const spec = job.spec!
  const suspended = !!spec.suspend
  let status: JobStatus = { ...(job.status ?? {}) }
  if (!suspended && !status.startTime) status.startTime = nowStamp(sim)

  // Terminal pods still holding the tracking finalizer are counted once, then released.
  let pods = controlledObjects<PodObj>(sim, 'Pod', job)
  const indexed = spec.completionMode === 'Indexed'
  let succeeded = status.succeeded ?? 0
  let failed = status.failed ?? 0
  const completed = new Set(parseIndexes(status.completedIndexes))
  for (const p of pods) {
    if (!isTerminal(p) || !(p.metadata.finalizers as string[] | undefined)?.includes(TRACKING_FINALIZER))
      continue
    if (p.status?.phase === 'Succeeded') {
      const index = completionIndex(p)
      if (!indexed) succeeded++
      else if (index !== null && !completed.has(index)) {
        completed.add(index)
        succeeded++
      }
    } else failed++
    releaseFinalizer(sim, p)
  }
  pods = controlledObjects<PodObj>(sim, 'Pod', job)
  status.succeeded = succeeded
  status.failed = failed
  if (indexed) status.completedIndexes = formatIndexes([...completed])

  const active = pods.filter(isPodActive)
  const backoffLimit = spec.backoffLimit ?? 6
  let target = targetCondition(job)
  if (!target) {
    const restarts = spec.template.spec?.restartPolicy === 'OnFailure' ? onFailureRestarts(active) : 0
    const pastOnFailure =
      spec.template.spec?.restartPolicy === 'OnFailure' &&
      (backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit)
    const start = parseTime(status.startTime)
    const deadline =
      spec.activeDeadlineSeconds !== undefined && start !== null && !suspended
        ? start + spec.activeDeadlineSeconds * 1000
        : null
    if (failed > backoffLimit || pastOnFailure)
      target = condition(sim, 'FailureTarget', 'BackoffLimitExceeded', JOB_MESSAGES.backoffLimit)
    else if (deadline !== null && nowMs(sim) >= deadline)
      target = condition(sim, 'FailureTarget', 'DeadlineExceeded', JOB_MESSAGES.deadline)
    else {
      if (deadline !== null) requeueAt(sim, deadline - sim.s.epochMs)
      const completions = spec.completions
      const done =
        completions === undefined || completions === null
          ? succeeded > 0 && active.length === 0
          : succeeded >= completions
      if (done) target = condition(sim, 'SuccessCriteriaMet', 'CompletionsReached', JOB_MESSAGES.completions)
      else if (!suspended) manageJob(sim, job, pods, status, newPod)
    }
    if (target) status = { ...status, conditions: [...(status.conditions ?? []), target] }
  }
  if (target) {
    // Pods still running are deleted; the terminal condition waits for them to finish.
    for (const p of pods.filter(isPodActive)) {
      deletePodGracefully(sim, p)
      controllerEvent(sim, job, COMPONENT, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`)
    }
    pods = controlledObjects<PodObj>(sim, 'Pod', job)
    if (!pods.some((p) => !isTerminal(p))) {
      const type = target.type === 'FailureTarget' ? 'Failed' : 'Complete'
      const done = condition(sim, type, target.reason ?? '', target.message ?? '')
      status = { ...status, conditions: [...(status.conditions ?? []), done] }
      if (type === 'Complete') status.completionTime = nowStamp(sim)
      if (type === 'Complete')
        controllerEvent(sim, job, COMPONENT, 'Normal', 'Completed', JOB_MESSAGES.completed)
      else controllerEvent(sim, job, COMPONENT, 'Warning', target.reason ?? '', target.message ?? '')
    }
  }
  pods = controlledObjects<PodObj>(sim, 'Pod', job)
  const activeNow = pods.filter(isPodActive)
  const out: JobStatus = {
    ...(status.conditions ? { conditions: status.conditions } : {}),
    ...(status.startTime ? { startTime: status.startTime } : {}),
    ...(status.completionTime ? { completionTime: status.completionTime } : {}),
    ...(activeNow.length ? { active: activeNow.length } : {}),
    ...(status.succeeded ? { succeeded: status.succeeded } : {}),
    ...(status.failed ? { failed: status.failed } : {}),
    terminating: pods.filter(isPodTerminating).length,
    ...(status.completedIndexes ? { completedIndexes: status.completedIndexes } : {}),
    uncountedTerminatedPods: {},
    ready: activeNow.filter(isPodReady).length,
  }
  const written = writeStatus(sim, job, out)
  const nowFinal = finalCondition(written)
  if (nowFinal) ttlAfterFinished(sim, written, nowFinal)
}

function condition(sim: Sim, type: string, reason: string, message: string): JobCondition {
  const now = nowStamp(sim)
  return { type, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message }
}

/** `manageJob`: as many active pods as parallelism and the remaining completions allow, after back-off. */
function manageJob(sim: Sim, job: JobObj, pods: readonly PodObj[], status: JobStatus, newPod: NewPod): void {
  const spec = job.spec!
  const active = pods.filter(isPodActive)
  const parallelism = spec.parallelism ?? 1
  const succeeded = status.succeeded ?? 0
  let want: number
  if (spec.completions === undefined || spec.completions === null)
    want = succeeded > 0 ? active.length : parallelism
  else want = Math.max(0, Math.min(parallelism, spec.completions - succeeded))
  if (active.length > want) {
    // Newest first, as the deletion ranking would pick unready, newer pods first.
    for (const p of [...active].reverse().slice(0, active.length - want)) {
      deletePodGracefully(sim, p)
      controllerEvent(sim, job, COMPONENT, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`)
    }
    return
  }
  if (active.length >= want) return
  const wait = remainingBackoff(sim, pods)
  if (wait > 0) return requeueAt(sim, sim.s.now + wait)
  const indexes = spec.completionMode === 'Indexed' ? freeIndexes(spec.completions ?? 1, pods, status) : null
  const n = Math.min(want - active.length, indexes ? indexes.length : Infinity)
  for (let i = 0; i < n; i++) createJobPod(sim, job, newPod, indexes ? indexes[i]! : null)
}

/** The time left of the pod failure back-off: failures since the last success, from the last failure. */
function remainingBackoff(sim: Sim, pods: readonly PodObj[]): number {
  const finished = (p: PodObj): number => finishTime(p) ?? nowMs(sim)
  const lastSuccess = Math.max(
    -Infinity,
    ...pods.filter((p) => p.status?.phase === 'Succeeded').map(finished),
  )
  const failures = pods.filter((p) => p.status?.phase === 'Failed' && finished(p) > lastSuccess)
  if (failures.length === 0) return 0
  const last = Math.max(...failures.map(finished))
  const backoff = podFailureBackoffMs(failures.length)
  const elapsed = nowMs(sim) - last
  return backoff < elapsed ? 0 : backoff - elapsed
}

/** `getFinishedTime`: the latest container finish, else the deletion time. */
function finishTime(p: PodObj): number | null {
  const times = [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])]
    .map((c) => parseTime(c.state?.terminated?.finishedAt))
    .filter((t): t is number => t !== null)
  if (times.length > 0) return Math.max(...times)
  return parseTime(p.metadata.deletionTimestamp)
}

function onFailureRestarts(active: readonly PodObj[]): number {
  let n = 0
  for (const p of active) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue
    for (const c of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])])
      n += c.restartCount ?? 0
  }
  return n
}

function createJobPod(sim: Sim, job: JobObj, newPod: NewPod, index: number | null): void {
  const template = (job.spec?.template ?? {}) as PodTemplateSpec
  const uid = job.metadata.uid ?? ''
  const labels: Record<string, string> = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': job.metadata.name,
    'controller-uid': uid,
    'job-name': job.metadata.name,
  }
  const base = index === null ? `${job.metadata.name}-` : `${job.metadata.name}-${index}-`
  const name = generateName(sim, 'Pod', job.metadata.namespace, base)
  let spec = template.spec
  let annotations: Record<string, string> | undefined
  if (index !== null) {
    labels[COMPLETION_INDEX] = String(index)
    annotations = { [COMPLETION_INDEX]: String(index) }
    // `addCompletionIndexEnvVariables` and the pod hostname of Indexed Jobs.
    const env = {
      name: 'JOB_COMPLETION_INDEX',
      valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } },
    }
    const withEnv = <T extends { env?: unknown[] }>(c: T): T =>
      (c.env ?? []).some((e) => (e as { name?: string }).name === env.name)
        ? c
        : { ...c, env: [...(c.env ?? []), env] }
    spec = {
      ...spec!,
      hostname: `${job.metadata.name}-${index}`,
      containers: (spec?.containers ?? []).map(withEnv),
      ...(spec?.initContainers ? { initContainers: spec.initContainers.map(withEnv) } : {}),
    }
  }
  const refused = newPod(
    sim,
    podFromTemplate(template, job, {
      name,
      generateName: base,
      labels,
      ...(annotations ? { annotations } : {}),
      finalizers: [TRACKING_FINALIZER],
      ...(spec ? { spec } : {}),
    }),
  )
  // Warning FailedCreate `Error creating: <apiserver error>` (reference F2, F7).
  if (failedCreate(sim, job, COMPONENT, refused)) return
  controllerEvent(sim, job, COMPONENT, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`)
}

function releaseFinalizer(sim: Sim, p: PodObj): void {
  const current = latest(sim, p) ?? p
  const finalizers = ((current.metadata.finalizers as string[] | undefined) ?? []).filter(
    (f) => f !== TRACKING_FINALIZER,
  )
  const metadata = { ...current.metadata }
  if (finalizers.length > 0) metadata.finalizers = finalizers
  else delete metadata.finalizers
  updateObject(sim, { ...current, metadata })
}

function completionIndex(p: PodObj): number | null {
  const v = p.metadata.annotations?.[COMPLETION_INDEX] ?? p.metadata.labels?.[COMPLETION_INDEX]
  const n = v === undefined ? NaN : Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : null
}

/** Indexes neither completed nor held by an active pod, lowest first. */
function freeIndexes(completions: number, pods: readonly PodObj[], status: JobStatus): number[] {
  const taken = new Set(parseIndexes(status.completedIndexes))
  for (const p of pods) {
    const i = completionIndex(p)
    if (i !== null && (isPodActive(p) || isPodTerminating(p))) taken.add(i)
  }
  const out: number[] = []
  for (let i = 0; i < completions; i++) if (!taken.has(i)) out.push(i)
  return out
}

/** `completedIndexes` as the API writes it: `1,3-5,7`. */
export function formatIndexes(list: readonly number[]): string {
  const sorted = [...new Set(list)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]))
    i = j + 1
  }
  return parts.join(',')
}

function parseIndexes(s: string | undefined): number[] {
  if (!s) return []
  const out: number[] = []
  for (const part of s.split(',')) {
    const [a, b] = part.split('-').map((x) => Number.parseInt(x, 10))
    if (a === undefined || !Number.isFinite(a)) continue
    for (let i = a; i <= (b !== undefined && Number.isFinite(b) ? b : a); i++) out.push(i)
  }
  return out
}

/**
 * The TTL-after-finished controller: `ttlSecondsAfterFinished` after the Complete/Failed condition, the
 * Job is deleted with foreground propagation (its pods first).
 */
function ttlAfterFinished(sim: Sim, job: JobObj, final: JobCondition): void {
  const ttl = job.spec?.ttlSecondsAfterFinished
  if (ttl === undefined || ttl === null || job.metadata.deletionTimestamp) return
  const finished = parseTime(final.lastTransitionTime)
  if (finished === null) return
  const at = finished + ttl * 1000
  if (nowMs(sim) < at) return requeueAt(sim, at - sim.s.epochMs)
  const finalizers = [...((job.metadata.finalizers as string[] | undefined) ?? []), FOREGROUND]
  updateObject(sim, {
    ...job,
    metadata: {
      ...job.metadata,
      deletionTimestamp: rfc3339(nowMs(sim)),
      deletionGracePeriodSeconds: 0,
      finalizers,
    },
  })
}
