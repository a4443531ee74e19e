/**
 * The CronJob controller as kube-controller-manager v1.35 runs it (`ControllerV2`,
 * `k8s.io/kubernetes/pkg/controller/cronjob/cronjob_controllerv2.go` and `utils.go`): one sync per CronJob
 * when it or one of its Jobs changes, and at the next schedule time plus 100 ms (`nextScheduleDelta`); never
 * a task per simulated second. A sync cleans up finished Jobs beyond the history limits, takes finished
 * Jobs off `status.active`, then creates the Job of the most recent unmet schedule time, named
 * `<cronjob>-<scheduled time in minutes since the Unix epoch>`, honouring suspend, startingDeadlineSeconds,
 * concurrencyPolicy and the "too many missed start times" warning. The Jobs then run through the Job
 * controller (`job.ts`).
 */
import type { CronJob, CronJobStatus, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1'
import type { ObjectReference } from 'kubernetes-types/core/v1'
import { isRefusal } from '../api/refusal'
import { createObject, deleteObject, getObject, listObjects, type Sim } from '../sim/sim'
import { objKey, type KObject } from '../sim/state'
import { parseTime, rfc3339 } from '../sim/time'
import { controllerEvent, latest, nowMs, requeueAt, writeStatus } from './common'
import { loadLocation, parseStandard, type Schedule, type Zone } from './cron'
import type { JobObj } from './job'

export type CronJobObj = CronJob & KObject

const COMPONENT = 'cronjob-controller'
/** `nextScheduleDelta`: the requeue lands this long after the scheduled time (NTP skew padding). */
export const NEXT_SCHEDULE_DELTA_MS = 100
/** `batchv1.CronJobScheduledTimestampAnnotation` (feature CronJobsScheduledAnnotation, GA in 1.32). */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp'

export const CRONJOB_MESSAGES = {
  tooManyMissed:
    'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
  forbid: 'Not starting job because prior execution is running and concurrency policy is Forbid',
} as const

type Missed = 'none' | 'few' | 'many'

interface MostRecent {
  earliest: number
  mostRecent: number | null
  missed: Missed
  error?: string
}

/**
 * `mostRecentScheduleTime` (utils.go): from the last schedule time (else the creation time), moved up to
 * now − startingDeadlineSeconds when asked, the most recent schedule time at or before now, and whether a
 * few or many (> 100) were missed, counted by the interval between the next two schedule times.
 */
export function mostRecentScheduleTime(
  cj: CronJob,
  now: number,
  schedule: Schedule,
  includeStartingDeadlineSeconds: boolean,
): MostRecent {
  let earliest = parseTime(cj.metadata?.creationTimestamp) ?? now
  const last = parseTime(cj.status?.lastScheduleTime)
  if (last !== null) earliest = last
  const sds = cj.spec?.startingDeadlineSeconds
  if (includeStartingDeadlineSeconds && sds !== undefined && sds !== null) {
    const deadline = now - sds * 1000
    if (deadline > earliest) earliest = deadline
  }
  const t1 = schedule.next(earliest)
  const t2 = schedule.next(t1)
  if (now < t1) return { earliest, mostRecent: null, missed: 'none' }
  if (now < t2) return { earliest, mostRecent: t1, missed: 'none' }
  // Feb 31st parses but never comes: both next times are the zero time.
  const between = Math.round((t2 - t1) / 1000)
  if (between < 1)
    return {
      earliest,
      mostRecent: null,
      missed: 'none',
      error: 'time difference between two schedules is less than 1 second',
    }
  const elapsed = Math.trunc((now - t1) / 1000)
  const missedCount = Math.trunc(elapsed / between) + 1
  let mostRecent: number | null = null
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000
  for (let t = schedule.next(potentialEarliest); t <= now; t = schedule.next(t)) mostRecent = t
  const missed: Missed = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none'
  return { earliest, mostRecent, missed }
}

/** `nextScheduleTimeDuration`: how long until the next schedule time after the most recent one, + 100 ms. */
export function nextScheduleTimeDuration(cj: CronJob, now: number, schedule: Schedule): number {
  const r = mostRecentScheduleTime(cj, now, schedule, false)
  let base: number
  if (r.error) base = now
  else if (r.mostRecent === null) base = r.missed === 'none' ? r.earliest : now
  else base = r.mostRecent
  return schedule.next(base) + NEXT_SCHEDULE_DELTA_MS - now
}

/** `getJobName`: `<cronjob>-<scheduled time in minutes since the Unix epoch>`. */
export function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(Math.floor(scheduledMs / 1000) / 60)}`
}

/** `formatSchedule`: the schedule, prefixed with `TZ=<timeZone> ` when the CronJob sets a valid one. */
function formatSchedule(sim: Sim, cj: CronJobObj, warn: boolean): string {
  const schedule = cj.spec?.schedule ?? ''
  if (schedule.includes('TZ')) {
    if (warn)
      controllerEvent(sim, cj, COMPONENT, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${goQuote(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`) // prettier-ignore
    return schedule
  }
  const tz = cj.spec?.timeZone
  if (tz !== undefined && tz !== null) {
    try {
      loadLocation(tz)
    } catch {
      return schedule
    }
    return `TZ=${tz} ${schedule}`
  }
  return schedule
}

/** `jobutil.FinishedCondition`: the type of a True Complete or Failed condition. */
function finishedCondition(job: Job): 'Complete' | 'Failed' | null {
  for (const c of job.status?.conditions ?? [])
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type
  return null
}

/** `getJobsToBeReconciled`: the namespace's Jobs whose controller reference names this CronJob. */
function jobsOf(sim: Sim, cj: CronJobObj): JobObj[] {
  return listObjects<JobObj>(sim, 'Job', cj.metadata.namespace).filter((j) => {
    const ref = j.metadata.ownerReferences?.find((r) => r.controller)
    return !!ref && ref.name === cj.metadata.name
  })
}

/** What the work queue has seen of a CronJob: its resourceVersion and its Jobs' (any change wakes a sync). */
function seenOf(cj: CronJobObj, jobs: readonly JobObj[]): string {
  return [cj.metadata.resourceVersion ?? '', ...jobs.map((j) => `${j.metadata.name}@${j.metadata.resourceVersion ?? ''}`)].join(' ') // prettier-ignore
}

/**
 * One pass of the controller over a CronJob: a `sync` when the CronJob or one of its Jobs changed since
 * the last one, or when its `AddAfter` time has come; otherwise nothing.
 */
export function reconcileCronJob(sim: Sim, cj: CronJobObj): void {
  const key = objKey(cj)
  const jobs = jobsOf(sim, cj)
  const seen = seenOf(cj, jobs)
  const queued = sim.s.cronJobQueue?.[key]
  const now = nowMs(sim)
  const due = queued?.due !== undefined && queued.due <= now
  if (queued && queued.seen === seen && !due) return
  const requeueAfter = sync(sim, cj, jobs, now)
  // The delaying queue keeps one pending time per key, the earliest.
  let next = due ? undefined : queued?.due
  if (requeueAfter !== null) {
    const at = now + requeueAfter
    if (next === undefined || at < next) next = at
  }
  if (next !== undefined) requeueAt(sim, next - sim.s.epochMs)
  // What this sync wrote (status, Jobs) comes back through the informers as one more sync, as in kube.
  sim.s.cronJobQueue = { ...sim.s.cronJobQueue, [key]: next === undefined ? { seen } : { seen, due: next } }
}

/** `ControllerV2.sync`: cleanup, then `syncCronJob`, then one status update. Returns the requeue delay. */
function sync(sim: Sim, original: CronJobObj, jobs: readonly JobObj[], now: number): number | null {
  const cj: CronJobObj = {
    ...original,
    status: { ...(original.status ?? {}), active: [...(original.status?.active ?? [])] },
  }
  const cleaned = cleanupFinishedJobs(sim, cj, jobs)
  const { requeueAfter, updateStatus } = syncCronJob(sim, cj, jobs, now)
  if (cleaned || updateStatus) {
    const current = latest(sim, original) ?? original
    writeStatus(sim, current, statusOf(cj.status ?? {}))
  }
  return requeueAfter
}

/** CronJobStatus in field order, `active` left out when empty (omitempty). */
function statusOf(s: CronJobStatus): CronJobStatus {
  return {
    ...(s.active?.length ? { active: s.active } : {}),
    ...(s.lastScheduleTime ? { lastScheduleTime: s.lastScheduleTime } : {}),
    ...(s.lastSuccessfulTime ? { lastSuccessfulTime: s.lastSuccessfulTime } : {}),
  }
}

const inActiveList = (cj: CronJob, uid: string | undefined): boolean =>
  !!cj.status?.active?.some((r) => r.uid === uid)

function deleteFromActiveList(cj: CronJob, uid: string | undefined): void {
  cj.status = { ...cj.status, active: (cj.status?.active ?? []).filter((r) => r.uid !== uid) }
}

/** `syncCronJob` (cronjob_controllerv2.go). `cj` is the working copy whose status is written afterwards. */
function syncCronJob(
  sim: Sim,
  cj: CronJobObj,
  jobs: readonly JobObj[],
  now: number,
): { requeueAfter: number | null; updateStatus: boolean } {
  let updateStatus = false
  const done = (requeueAfter: number | null) => ({ requeueAfter, updateStatus })
  const children = new Set<string>()
  for (const j of jobs) {
    children.add(j.metadata.uid ?? '')
    const found = inActiveList(cj, j.metadata.uid)
    const finished = finishedCondition(j)
    if (!found && !finished) {
      controllerEvent(sim, cj, COMPONENT, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`) // prettier-ignore
    } else if (finished) {
      if (found) {
        deleteFromActiveList(cj, j.metadata.uid)
        controllerEvent(sim, cj, COMPONENT, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${finished}`) // prettier-ignore
        updateStatus = true
      }
      if (finished === 'Complete') {
        const completed = j.status?.completionTime
        if (!cj.status?.lastSuccessfulTime) {
          cj.status = { ...cj.status, lastSuccessfulTime: completed }
          updateStatus = true
        }
        const at = parseTime(completed)
        const lastOk = parseTime(cj.status?.lastSuccessfulTime)
        if (at !== null && lastOk !== null && at > lastOk) {
          cj.status = { ...cj.status, lastSuccessfulTime: completed }
          updateStatus = true
        }
      }
    }
  }
  // An active Job that no longer exists goes off the list.
  for (const ref of [...(cj.status?.active ?? [])]) {
    if (children.has(ref.uid ?? '')) continue
    if (getObject(sim, 'Job', ref.namespace, ref.name ?? '')) continue
    controllerEvent(sim, cj, COMPONENT, 'Normal', 'MissingJob', `Active job went missing: ${ref.name ?? ''}`)
    deleteFromActiveList(cj, ref.uid)
    updateStatus = true
  }
  if (cj.metadata.deletionTimestamp) return done(null)

  const tz = cj.spec?.timeZone
  if (tz !== undefined && tz !== null) {
    try {
      loadLocation(tz)
    } catch (e) {
      controllerEvent(sim, cj, COMPONENT, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${goQuote(tz)}: ${(e as Error).message}`) // prettier-ignore
      return done(null)
    }
  }
  if (cj.spec?.suspend) return done(null)

  let schedule: Schedule
  try {
    schedule = parseStandard(formatSchedule(sim, cj, true))
  } catch (e) {
    controllerEvent(sim, cj, COMPONENT, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${goQuote(cj.spec?.schedule ?? '')} : ${(e as Error).message}`) // prettier-ignore
    return done(null)
  }
  // `nextScheduleTime`: the most recent unmet time within the starting deadline.
  const recent = mostRecentScheduleTime(cj, now, schedule, true)
  if (recent.mostRecent === null || recent.mostRecent > now) {
    if (recent.error) {
      controllerEvent(sim, cj, COMPONENT, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec?.schedule ?? ''} : ${recent.error}`) // prettier-ignore
      return done(null)
    }
    return done(nextScheduleTimeDuration(cj, now, schedule))
  }
  if (recent.missed === 'many')
    controllerEvent(sim, cj, COMPONENT, 'Warning', 'TooManyMissedTimes', CRONJOB_MESSAGES.tooManyMissed)
  const scheduled = recent.mostRecent
  const sds = cj.spec?.startingDeadlineSeconds
  if (sds !== undefined && sds !== null && scheduled + sds * 1000 < now) {
    controllerEvent(sim, cj, COMPONENT, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`) // prettier-ignore
    return done(nextScheduleTimeDuration(cj, now, schedule))
  }
  const name = jobNameFor(cj.metadata.name, scheduled)
  const namespace = cj.metadata.namespace
  if (
    cj.status?.active?.some((r) => r.name === name && r.namespace === namespace) ||
    parseTime(cj.status?.lastScheduleTime) === scheduled
  )
    return done(nextScheduleTimeDuration(cj, now, schedule))
  const policy = cj.spec?.concurrencyPolicy ?? 'Allow'
  if (policy === 'Forbid' && (cj.status?.active?.length ?? 0) > 0) {
    controllerEvent(sim, cj, COMPONENT, 'Normal', 'JobAlreadyActive', CRONJOB_MESSAGES.forbid)
    return done(nextScheduleTimeDuration(cj, now, schedule))
  }
  if (policy === 'Replace') {
    for (const ref of [...(cj.status?.active ?? [])]) {
      const job = getObject<JobObj>(sim, 'Job', ref.namespace, ref.name ?? '')
      if (!job) {
        controllerEvent(sim, cj, COMPONENT, 'Warning', 'FailedGet', `Get job: jobs.batch ${goQuote(ref.name ?? '')} not found`) // prettier-ignore
        return done(null)
      }
      deleteJob(sim, cj, job)
      updateStatus = true
    }
  }

  let created = getObject<JobObj>(sim, 'Job', namespace, name)
  if (created) {
    // AlreadyExists: adopted into the active list only when this CronJob controls it.
    const controlled = created.metadata.ownerReferences?.some(
      (r) => r.controller && r.uid === cj.metadata.uid,
    )
    if (!controlled || inActiveList(cj, created.metadata.uid)) return done(null)
  } else {
    const admitted = sim.admit('Job', jobFromTemplate(cj, scheduled) as Record<string, unknown>, sim)
    if (isRefusal(admitted)) {
      if (!admitted.namespaceTerminating)
        controllerEvent(sim, cj, COMPONENT, 'Warning', 'FailedCreate', `Error creating job: ${admitted.message}`) // prettier-ignore
      return done(null)
    }
    created = createObject(sim, admitted as unknown as JobObj)
    controllerEvent(sim, cj, COMPONENT, 'Normal', 'SuccessfulCreate', `Created job ${name}`)
  }
  const ref: ObjectReference = {
    kind: 'Job',
    namespace: created.metadata.namespace,
    name: created.metadata.name,
    uid: created.metadata.uid,
    apiVersion: 'batch/v1',
    resourceVersion: created.metadata.resourceVersion,
  }
  cj.status = {
    ...cj.status,
    active: [...(cj.status?.active ?? []), ref],
    lastScheduleTime: rfc3339(scheduled),
  }
  updateStatus = true
  return done(nextScheduleTimeDuration(cj, now, schedule))
}

/**
 * `getJobFromTemplate2`: the template's labels and annotations, the scheduled time annotation (RFC 3339 in
 * the CronJob's time zone), the controller reference, the template's spec.
 */
export function jobFromTemplate(cj: CronJobObj, scheduled: number): JobObj {
  const template = (cj.spec?.jobTemplate ?? {}) as JobTemplateSpec
  const labels = { ...(template.metadata?.labels ?? {}) }
  let zone: Zone
  try {
    zone = loadLocation(cj.spec?.timeZone ?? '')
  } catch {
    zone = loadLocation('')
  }
  const annotations = {
    ...(template.metadata?.annotations ?? {}),
    [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduled, zone),
  }
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj.metadata.name, scheduled),
      namespace: cj.metadata.namespace ?? 'default',
      ...(Object.keys(labels).length ? { labels } : {}),
      annotations,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cj.metadata.name,
          uid: cj.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: structuredClone(template.spec),
  } as JobObj
}

/**
 * `cleanupFinishedJobs` / `removeOldestJobs`: finished Jobs beyond successfulJobsHistoryLimit (Complete) or
 * failedJobsHistoryLimit (Failed) are deleted, oldest start time first.
 */
function cleanupFinishedJobs(sim: Sim, cj: CronJobObj, jobs: readonly JobObj[]): boolean {
  const okLimit = cj.spec?.successfulJobsHistoryLimit
  const failedLimit = cj.spec?.failedJobsHistoryLimit
  if ((okLimit === undefined || okLimit === null) && (failedLimit === undefined || failedLimit === null))
    return false
  const successful = jobs.filter((j) => finishedCondition(j) === 'Complete')
  const failed = jobs.filter((j) => finishedCondition(j) === 'Failed')
  let update = false
  if (okLimit !== undefined && okLimit !== null && removeOldestJobs(sim, cj, successful, okLimit))
    update = true
  if (failedLimit !== undefined && failedLimit !== null && removeOldestJobs(sim, cj, failed, failedLimit))
    update = true
  return update
}

function removeOldestJobs(sim: Sim, cj: CronJobObj, jobs: readonly JobObj[], max: number): boolean {
  const n = jobs.length - max
  if (n <= 0) return false
  const sorted = [...jobs].sort(byJobStartTime)
  let update = false
  for (let i = 0; i < n; i++) if (deleteJob(sim, cj, sorted[i]!)) update = true
  return update
}

/** `byJobStartTime`: started Jobs first, by start time, ties by name. */
function byJobStartTime(a: Job, b: Job): number {
  const sa = parseTime(a.status?.startTime)
  const sb = parseTime(b.status?.startTime)
  if (sa === null && sb !== null) return 1
  if (sa !== null && sb === null) return -1
  if (sa === sb) {
    const na = a.metadata?.name ?? ''
    const nb = b.metadata?.name ?? ''
    return na < nb ? -1 : na > nb ? 1 : 0
  }
  return sa! - sb!
}

/** `deleteJob`: the Job deleted with background propagation (the garbage collector takes its pods). */
function deleteJob(sim: Sim, cj: CronJobObj, job: JobObj): boolean {
  deleteObject(sim, objKey(job))
  deleteFromActiveList(cj, job.metadata.uid)
  controllerEvent(sim, cj, COMPONENT, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`)
  return true
}

/** Go's `%q` of a plain string. */
function goQuote(s: string): string {
  return JSON.stringify(s)
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad2 = (n: number): string => String(n).padStart(2, '0')

/** Go `t.UTC().Format(time.RFC1123Z)`. */
function rfc1123z(ms: number): string {
  const d = new Date(ms)
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000` // prettier-ignore
}

/** Go `t.In(zone).Format(time.RFC3339)`: `2026-01-01T09:00:00-05:00`, `Z` for a zero offset. */
export function rfc3339In(ms: number, zone: Zone): string {
  const offset = zone.offsetAt(ms)
  const local = rfc3339(ms + offset).slice(0, -1)
  if (offset === 0) return `${local}Z`
  const minutes = Math.round(Math.abs(offset) / 60_000)
  return `${local}${offset < 0 ? '-' : '+'}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
}
