import type { CronJob, Job } from 'kubernetes-types/batch/v1'
import type { Event } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { kubectl } from '../kubectl/command'
import { simulate, type Timeline } from '../sim/simulate'
import { clusterObjects } from '../views'
import { parseStandard } from './cron'
import { jobNameFor, mostRecentScheduleTime, SCHEDULED_TIMESTAMP_ANNOTATION } from './cronjob'

/**
 * The CronJob controller, rule by rule, against k/k `pkg/controller/cronjob/cronjob_controllerv2.go`
 * (`syncCronJob`, `cleanupFinishedJobs`, `removeOldestJobs`, `deleteJob`) and `utils.go`
 * (`mostRecentScheduleTime`, `nextScheduleTimeDuration`, `nextScheduleTime`, `getJobFromTemplate2`,
 * `getTimeHashInMinutes`). The default epoch is 2026-01-01T00:00:00Z, 29453760 minutes after 1970.
 */

const EPOCH_MINUTES = 29453760

function run(text: string, untilS: number): Timeline {
  const analysis = analyzeScenario(text)
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000 })
}

function at(tl: Timeline, s: number) {
  const objects = clusterObjects(tl.stateAt(s * 1000))
  const cronJobs = (objects.cronJobs ?? []) as CronJob[]
  return {
    objects,
    jobs: [...((objects.jobs ?? []) as Job[])].sort((a, b) =>
      a.metadata!.name! < b.metadata!.name! ? -1 : 1,
    ),
    jobNames: () => at(tl, s).jobs.map((j) => j.metadata!.name!),
    cj: cronJobs[0]!,
    events: (reason: string): Event[] =>
      objects.events.filter((e) => e.reason === reason && e.involvedObject.kind === 'CronJob'),
    get: (args: string) => kubectl(args.split(' '), objects, tl.epochMs + s * 1000).stdout,
  }
}

/** A CronJob whose pods run `sh -c "<script>"` in busybox. */
function cronJob(
  schedule: string,
  script: string,
  spec: Record<string, unknown> = {},
  extraJobSpec = '',
): string {
  const extra = Object.entries(spec)
    .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}\n`)
    .join('')
  return `apiVersion: batch/v1
kind: CronJob
metadata: {name: tick}
spec:
  schedule: ${JSON.stringify(schedule)}
${extra}  jobTemplate:
    spec:
${extraJobSpec}      template:
        spec:
          restartPolicy: Never
          containers:
          - name: tick
            image: busybox
            command: [sh, -c, ${JSON.stringify(script)}]`
}

const minuteJob = (m: number) => `tick-${EPOCH_MINUTES + m}`

describe('job names and the Job made from the template (utils.go getJobFromTemplate2, getTimeHashInMinutes)', () => {
  const tl = run(cronJob('*/2 * * * *', 'echo hi', {}, '      backoffLimit: 2\n'), 130)
  const first = at(tl, 130).jobs.find((j) => j.metadata?.name === minuteJob(2))!

  it('names each Job <cronjob>-<scheduled time in minutes since the Unix epoch>', () => {
    expect(jobNameFor('tick', Date.UTC(2026, 0, 1, 0, 2))).toBe('tick-29453762')
    expect(at(tl, 130).jobNames()).toEqual([minuteJob(2)])
  })

  it('creates it 100 ms after the scheduled time (nextScheduleDelta), owned by the CronJob, annotated with the time', () => {
    expect(at(tl, 120).jobs).toEqual([])
    expect(first.metadata?.creationTimestamp).toBe('2026-01-01T00:02:00Z')
    expect(first.metadata?.annotations).toEqual({ [SCHEDULED_TIMESTAMP_ANNOTATION]: '2026-01-01T00:02:00Z' })
    expect(first.metadata?.ownerReferences).toEqual([
      expect.objectContaining({ apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', controller: true, blockOwnerDeletion: true }), // prettier-ignore
    ])
    expect(first.spec?.backoffLimit).toBe(2)
  })

  it('records SuccessfulCreate "Created job <name>" and puts the Job in status.active with lastScheduleTime', () => {
    const s = at(tl, 121)
    expect(s.events('SuccessfulCreate').map((e) => e.message)).toEqual([`Created job ${minuteJob(2)}`])
    expect(s.cj.status?.active).toEqual([
      expect.objectContaining({
        kind: 'Job',
        namespace: 'default',
        name: minuteJob(2),
        apiVersion: 'batch/v1',
      }),
    ])
    expect(s.cj.status?.lastScheduleTime).toBe('2026-01-01T00:02:00Z')
    expect(s.get('get cj')).toMatch(/^tick\s+\*\/2 \* \* \* \*\s+<none>\s+False\s+1\s+1s\s+2m1s$/m)
  })

  it('takes a finished Job off the list: SawCompletedJob "Saw completed job: <name>, condition: Complete", lastSuccessfulTime', () => {
    const s = at(tl, 130)
    expect(s.cj.status?.active).toBeUndefined()
    expect(s.events('SawCompletedJob').map((e) => e.message)).toEqual([
      `Saw completed job: ${minuteJob(2)}, condition: Complete`,
    ])
    expect(s.cj.status?.lastSuccessfulTime).toBe(first.status?.completionTime)
  })

  it('with a time zone, schedules on that wall clock and annotates the time in that zone', () => {
    const ny = run(cronJob('5 19 * * *', 'true', { timeZone: 'America/New_York' }), 310)
    const [job] = at(ny, 310).jobs
    expect(job?.metadata?.name).toBe(minuteJob(5))
    expect(job?.metadata?.annotations?.[SCHEDULED_TIMESTAMP_ANNOTATION]).toBe('2025-12-31T19:05:00-05:00')
    expect(at(ny, 310).get('get cj')).toMatch(
      /^tick\s+5 19 \* \* \*\s+America\/New_York\s+False\s+0\s+10s\s+5m10s$/m,
    )
  })
})

describe('the work queue: one sync at the next schedule time, never a task per second (syncCronJob → nextScheduleTimeDuration)', () => {
  it('an @hourly CronJob waits with one controller pass queued at 1h + 100 ms', () => {
    const tl = run(cronJob('@hourly', 'true'), 3 * 3600 + 1)
    const queued = tl
      .stateAt(600_000)
      .queue.filter((q) => q.task.type === 'controllers')
      .map((q) => q.at)
    expect(queued).toContain(3_600_100)
    expect(queued.filter((t) => t > 600_000 && t < 3_600_100)).toEqual([])
    expect(at(tl, 3 * 3600).jobNames()).toEqual([minuteJob(60), minuteJob(120)])
    expect(at(tl, 3 * 3600 + 1).jobNames()).toEqual([minuteJob(60), minuteJob(120), minuteJob(180)])
  })
})

describe('concurrencyPolicy (syncCronJob)', () => {
  const long = 'sleep 150'

  it('Allow (the default) runs Jobs side by side', () => {
    const tl = run(cronJob('* * * * *', long), 150)
    const s = at(tl, 150)
    expect(s.cj.status?.active?.map((r) => r.name)).toEqual([minuteJob(1), minuteJob(2)])
    expect(s.get('get cj')).toMatch(/^tick\s+\* \* \* \* \*\s+<none>\s+False\s+2\s+30s\s+2m30s$/m)
  })

  it('Forbid skips with JobAlreadyActive while one runs, then starts the missed run once it has finished', () => {
    const tl = run(cronJob('* * * * *', long, { concurrencyPolicy: 'Forbid' }), 240)
    expect(at(tl, 200).jobNames()).toEqual([minuteJob(1)])
    const skipped = at(tl, 200).events('JobAlreadyActive')
    expect(skipped.map((e) => [e.type, e.message, e.count])).toEqual([
      ['Normal', 'Not starting job because prior execution is running and concurrency policy is Forbid', 2],
    ])
    // The first Job ends after 150 s; the 3-minute run, still unmet, starts at once (no startingDeadlineSeconds).
    const late = at(tl, 240).jobs.find((j) => j.metadata?.name === minuteJob(3))!
    const created = Date.parse(late.metadata!.creationTimestamp!) - tl.epochMs
    expect(created).toBeGreaterThan(210_000)
    expect(created).toBeLessThan(215_000)
  })

  it('Replace deletes the running Job (SuccessfulDelete "Deleted job <name>") and starts the new one', () => {
    const tl = run(cronJob('* * * * *', long, { concurrencyPolicy: 'Replace' }), 125)
    const s = at(tl, 125)
    expect(s.jobNames()).toEqual([minuteJob(2)])
    expect(s.events('SuccessfulDelete').map((e) => e.message)).toEqual([`Deleted job ${minuteJob(1)}`])
    expect(s.cj.status?.active?.map((r) => r.name)).toEqual([minuteJob(2)])
    // The replaced Job's pod is collected (background propagation) and terminates.
    const pods = s.objects.pods.filter((p) => p.metadata?.name?.startsWith(`${minuteJob(1)}-`))
    expect(pods.every((p) => !!p.metadata?.deletionTimestamp)).toBe(true)
  })
})

describe('history limits (cleanupFinishedJobs, removeOldestJobs: oldest start time first)', () => {
  it('keeps successfulJobsHistoryLimit (3) Complete Jobs', () => {
    const tl = run(cronJob('* * * * *', 'echo ok'), 330)
    const s = at(tl, 330)
    expect(s.jobNames()).toEqual([minuteJob(3), minuteJob(4), minuteJob(5)])
    expect(s.events('SuccessfulDelete').map((e) => e.message)).toEqual([
      `Deleted job ${minuteJob(1)}`,
      `Deleted job ${minuteJob(2)}`,
    ])
    expect(s.objects.pods.map((p) => p.metadata?.name?.replace(/-[a-z0-9]{5}$/, '')).sort()).toEqual([
      minuteJob(3),
      minuteJob(4),
      minuteJob(5),
    ])
  })

  it('keeps failedJobsHistoryLimit (1) Failed Jobs; SawCompletedJob says condition: Failed', () => {
    const tl = run(cronJob('* * * * *', 'exit 1', {}, '      backoffLimit: 0\n'), 210)
    const s = at(tl, 210)
    expect(s.jobNames()).toEqual([minuteJob(3)])
    expect(s.jobs[0]?.status?.conditions?.some((c) => c.type === 'Failed' && c.status === 'True')).toBe(true)
    expect(s.events('SawCompletedJob').map((e) => e.message)).toContain(
      `Saw completed job: ${minuteJob(3)}, condition: Failed`,
    )
    expect(s.cj.status?.lastSuccessfulTime).toBeUndefined()
  })

  it('history limits of 0 delete each Job as soon as it has finished', () => {
    const tl = run(cronJob('* * * * *', 'true', { successfulJobsHistoryLimit: 0 }), 130)
    expect(at(tl, 130).jobs).toEqual([])
  })
})

/** A suspended CronJob resumed at `resumeS` by an apply, as `kubectl apply` would do it. */
function resumed(resumeS: number, spec: Record<string, unknown> = {}): string {
  const body = cronJob('* * * * *', 'true', { ...spec, suspend: false })
  const manifest = body
    .split('\n')
    .map((l) => `        ${l}`)
    .join('\n')
  return `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: resume}
spec:
  timeline:
    - at: ${resumeS}s
      action: apply
      manifest:
${manifest}
---
${cronJob('* * * * *', 'true', { ...spec, suspend: true })}`
}

describe('suspend and startingDeadlineSeconds (syncCronJob, mostRecentScheduleTime)', () => {
  it('a suspended CronJob creates nothing; resumed, it runs the most recent missed time at once', () => {
    const tl = run(resumed(210), 215)
    expect(at(tl, 209).jobs).toEqual([])
    expect(at(tl, 209).get('get cj')).toMatch(/^tick\s+\* \* \* \* \*\s+<none>\s+True\s+0\s+<none>\s+3m29s$/m)
    expect(at(tl, 215).jobNames()).toEqual([minuteJob(3)])
  })

  it('with startingDeadlineSeconds, a missed time older than the deadline is not started', () => {
    const tl = run(resumed(210, { startingDeadlineSeconds: 10 }), 245)
    expect(at(tl, 239).jobs).toEqual([])
    expect(at(tl, 245).jobNames()).toEqual([minuteJob(4)])
    // ... and within it, it is.
    const inTime = run(resumed(210, { startingDeadlineSeconds: 60 }), 215)
    expect(at(inTime, 215).jobNames()).toEqual([minuteJob(3)])
  })

  it('more than 100 missed times: Warning TooManyMissedTimes, and only the most recent one runs', () => {
    const tl = run(resumed(2 * 3600 + 30), 2 * 3600 + 40)
    const s = at(tl, 2 * 3600 + 40)
    expect(s.events('TooManyMissedTimes').map((e) => [e.type, e.message])).toEqual([
      [
        'Warning',
        'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      ],
    ])
    expect(s.jobNames()).toEqual([minuteJob(120)])
  })

  it('mostRecentScheduleTime counts the missed times by the interval of the next two', () => {
    const sched = parseStandard('*/10 * * * *')
    const cj: CronJob = { metadata: { creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { schedule: '', jobTemplate: {} } } // prettier-ignore
    const min = (m: number) => Date.UTC(2026, 0, 1) + m * 60_000
    expect(mostRecentScheduleTime(cj, min(5), sched, false)).toEqual({ earliest: min(0), mostRecent: null, missed: 'none' }) // prettier-ignore
    expect(mostRecentScheduleTime(cj, min(15), sched, false)).toEqual({ earliest: min(0), mostRecent: min(10), missed: 'none' }) // prettier-ignore
    expect(mostRecentScheduleTime(cj, min(35), sched, false)).toEqual({ earliest: min(0), mostRecent: min(30), missed: 'few' }) // prettier-ignore
    const never = mostRecentScheduleTime(cj, min(35), parseStandard('0 0 31 2 *'), false)
    expect(never.error).toBe('time difference between two schedules is less than 1 second')
  })
})

describe('Jobs that go missing or are not in the list (syncCronJob)', () => {
  it('an active Job deleted by hand: MissingJob "Active job went missing: <name>"', () => {
    const text = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: missing}
spec:
  timeline:
    - {at: 70s, action: delete, target: job/${minuteJob(1)}}
---
${cronJob('* * * * *', 'sleep 300')}`
    const tl = run(text, 80)
    const s = at(tl, 80)
    expect(s.events('MissingJob').map((e) => e.message)).toEqual([`Active job went missing: ${minuteJob(1)}`])
    expect(s.cj.status?.active).toBeUndefined()
  })

  it('an unparseable schedule (a bypassed validation) gives Warning UnparseableSchedule and no Job', () => {
    const analysis = analyzeScenario(cronJob('0 0 * * 7', 'true'))
    const tl = simulate(analysis.objects, { untilMs: 120_000 })
    const s = at(tl, 120)
    expect(s.jobs).toEqual([])
    expect(s.events('UnparseableSchedule').map((e) => e.message)).toEqual([
      'unparseable schedule: "0 0 * * 7" : end of range (7) above maximum (6): 7',
    ])
  })
})
