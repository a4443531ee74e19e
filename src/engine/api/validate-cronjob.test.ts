import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'

/**
 * A CronJob's schedule and time zone as the API server validates them on create
 * (pkg/apis/batch/validation/validation.go: validateScheduleFormat, validateTimeZone).
 */
function messages(schedule: string, extra = ''): string[] {
  const text = `apiVersion: batch/v1
kind: CronJob
metadata: {name: tick}
spec:
  schedule: ${JSON.stringify(schedule)}${extra}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: busybox:1.36, command: [date]}]
`
  return analyzeScenario(text).diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.message}`)
}

describe('CronJob admission: spec.schedule and spec.timeZone', () => {
  it('accepts standard schedules, descriptors and an IANA time zone', () => {
    expect(messages('*/5 * * * *')).toEqual([])
    expect(messages('@hourly')).toEqual([])
    expect(messages('0 3 * * mon-fri', '\n  timeZone: Europe/Paris')).toEqual([])
  })

  it('refuses what cron.ParseStandard refuses, quoting robfig/cron', () => {
    expect(messages('61 * * * *')).toEqual([
      '5:13 error spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    ])
    expect(messages('* * * *')).toEqual([
      '5:13 error spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]',
    ])
  })

  it('refuses a TZ or CRON_TZ prefix on create', () => {
    expect(messages('CRON_TZ=UTC * * * * *')).toEqual([
      '5:13 error spec.schedule: Invalid value: "CRON_TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ])
  })

  it('refuses unknown, malformed, empty and Local time zones', () => {
    expect(messages('* * * * *', '\n  timeZone: Europe/Pariss')).toEqual([
      '6:13 error spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss',
    ])
    expect(messages('* * * * *', '\n  timeZone: ../etc/passwd')).toEqual([
      '6:13 error spec.timeZone: Invalid value: "../etc/passwd": unknown time zone ../etc/passwd',
    ])
    // Zone names are file names to Go's time.LoadLocation: exact in case.
    expect(messages('* * * * *', '\n  timeZone: europe/paris')).toEqual([
      '6:13 error spec.timeZone: Invalid value: "europe/paris": unknown time zone europe/paris',
    ])
    expect(messages('* * * * *', '\n  timeZone: ""')).toEqual([
      '6:13 error spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string',
    ])
    expect(messages('* * * * *', '\n  timeZone: Local')).toEqual([
      '6:13 error spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
    ])
  })

  it('refuses an unknown concurrencyPolicy', () => {
    expect(messages('* * * * *', '\n  concurrencyPolicy: Sometimes')).toEqual([
      '6:22 error spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    ])
  })
})
