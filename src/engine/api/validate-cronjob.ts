/**
 * The API server's checks of a CronJob's schedule and time zone (pkg/apis/batch/validation/validation.go:
 * validateCronJobSpec, validateScheduleFormat, validateTimeZone, validateConcurrencyPolicy), with its
 * messages. The schedule is parsed by the same `cron.ParseStandard` the controller uses.
 */
import { loadLocation, parseStandard } from '../controllers/cron'
import { goQuote } from './dns'
import { recordAt, type JsonObject } from './json'
import { invalid, type Finding } from './validate-pod'

/** `validTimeZoneCharacters`: one component of an IANA name (digits and + tolerated for legacy names). */
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/
const CONCURRENCY = ['Allow', 'Forbid', 'Replace']

export function checkCronJob(body: JsonObject, out: Finding[]): void {
  const spec = recordAt(body, 'spec')
  if (!spec) return
  const err = (path: (string | number)[], code: string, message: string): void => {
    out.push({ path, severity: 'error', code, message })
  }
  const schedule = spec.schedule
  if (schedule === undefined || schedule === null || schedule === '')
    err(['spec', 'schedule'], 'cronjob-schedule', 'spec.schedule: Required value')
  else if (typeof schedule === 'string') {
    try {
      parseStandard(schedule)
    } catch (e) {
      err(
        ['spec', 'schedule'],
        'cronjob-schedule',
        invalid(['spec', 'schedule'], schedule, (e as Error).message),
      )
    }
    // On create, a TZ in the schedule is refused outright (allowTZInSchedule is only for old objects).
    if (schedule.includes('TZ'))
      err(
        ['spec', 'schedule'],
        'cronjob-schedule',
        invalid(
          ['spec', 'schedule'],
          schedule,
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        ),
      )
  }
  const tz = spec.timeZone
  if (typeof tz === 'string') {
    const bad = (msg: string): void =>
      err(['spec', 'timeZone'], 'cronjob-time-zone', invalid(['spec', 'timeZone'], tz, msg))
    if (tz === '') bad('timeZone must be nil or non-empty string')
    else if (
      tz.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !TIME_ZONE_PART.test(p))
    )
      bad(`unknown time zone ${tz}`)
    else {
      if (tz.toLowerCase() === 'local')
        bad('timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')
      try {
        loadLocation(tz)
      } catch (e) {
        bad((e as Error).message)
      }
    }
  }
  const policy = spec.concurrencyPolicy
  if (typeof policy === 'string' && policy !== '' && !CONCURRENCY.includes(policy))
    err(
      ['spec', 'concurrencyPolicy'],
      'cronjob-concurrency',
      `spec.concurrencyPolicy: Unsupported value: ${goQuote(policy)}: supported values: ${CONCURRENCY.map(goQuote).join(', ')}`,
    )
}
