import { describe, expect, it } from 'vitest'
import { loadLocation, parseStandard, ZERO_TIME } from './cron'

const T0 = Date.UTC(2026, 0, 1) // a Thursday
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z')
/** The first `n` activations after `from`. */
function nexts(spec: string, n = 3, from = T0): string[] {
  const s = parseStandard(spec)
  const out: string[] = []
  for (let t = from, i = 0; i < n; i++) out.push(iso((t = s.next(t))))
  return out
}
const error = (spec: string): string => {
  try {
    parseStandard(spec)
  } catch (e) {
    return (e as Error).message
  }
  return 'no error'
}

describe('cron.ParseStandard + SpecSchedule.Next (github.com/robfig/cron/v3 parser.go, spec.go)', () => {
  it('five fields: minute hour day-of-month month day-of-week; Next is strictly after the given time', () => {
    expect(nexts('* * * * *')).toEqual([
      '2026-01-01T00:01:00Z',
      '2026-01-01T00:02:00Z',
      '2026-01-01T00:03:00Z',
    ])
    expect(nexts('*/15 9-10 * * *')).toEqual([
      '2026-01-01T09:00:00Z',
      '2026-01-01T09:15:00Z',
      '2026-01-01T09:30:00Z',
    ])
    expect(nexts('30 6 1,15 * *')).toEqual([
      '2026-01-01T06:30:00Z',
      '2026-01-15T06:30:00Z',
      '2026-02-01T06:30:00Z',
    ])
    // n/step means n-max/step
    expect(nexts('5/20 * * * *')).toEqual([
      '2026-01-01T00:05:00Z',
      '2026-01-01T00:25:00Z',
      '2026-01-01T00:45:00Z',
    ])
  })

  it('month and weekday names, any case', () => {
    expect(nexts('0 12 * feb MON-wed', 4)).toEqual([
      '2026-02-02T12:00:00Z',
      '2026-02-03T12:00:00Z',
      '2026-02-04T12:00:00Z',
      '2026-02-09T12:00:00Z',
    ])
  })

  it('dayMatches: both day fields must match when either is a star; otherwise either one (a step > 1 drops the star)', () => {
    expect(nexts('0 0 * * 1')).toEqual([
      '2026-01-05T00:00:00Z',
      '2026-01-12T00:00:00Z',
      '2026-01-19T00:00:00Z',
    ])
    // the 1st or a Monday
    expect(nexts('0 0 1 * 1', 5)).toEqual([
      '2026-01-05T00:00:00Z',
      '2026-01-12T00:00:00Z',
      '2026-01-19T00:00:00Z',
      '2026-01-26T00:00:00Z',
      '2026-02-01T00:00:00Z',
    ])
    // */2 is no star in robfig: odd days or Tuesdays (Jan 6 is a Tuesday)
    expect(nexts('0 0 */2 * 2')).toEqual([
      '2026-01-03T00:00:00Z',
      '2026-01-05T00:00:00Z',
      '2026-01-06T00:00:00Z',
    ])
    // * with step 1 keeps the star: Tuesdays only
    expect(nexts('0 0 */1 * 2')).toEqual([
      '2026-01-06T00:00:00Z',
      '2026-01-13T00:00:00Z',
      '2026-01-20T00:00:00Z',
    ])
  })

  it('the descriptors @yearly @annually @monthly @weekly @daily @midnight @hourly and @every', () => {
    expect(nexts('@yearly', 1)).toEqual(['2027-01-01T00:00:00Z'])
    expect(nexts('@annually', 1)).toEqual(['2027-01-01T00:00:00Z'])
    expect(nexts('@monthly', 2)).toEqual(['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'])
    expect(nexts('@weekly', 2)).toEqual(['2026-01-04T00:00:00Z', '2026-01-11T00:00:00Z'])
    expect(nexts('@daily', 1)).toEqual(['2026-01-02T00:00:00Z'])
    expect(nexts('@midnight', 1)).toEqual(['2026-01-02T00:00:00Z'])
    expect(nexts('@hourly', 2)).toEqual(['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z'])
    // ConstantDelaySchedule: from the whole second, rounded down to whole seconds, at least 1 s
    expect(nexts('@every 1m30s', 2, T0 + 400)).toEqual(['2026-01-01T00:01:30Z', '2026-01-01T00:03:00Z'])
    expect(nexts('@every 1500ms', 2)).toEqual(['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z'])
    expect(nexts('@every 10ms', 1)).toEqual(['2026-01-01T00:00:01Z'])
  })

  it('TZ= and CRON_TZ= read the wall clock of that zone, and skip a time that DST removes', () => {
    expect(nexts('CRON_TZ=America/New_York 0 9 * * *', 1)).toEqual(['2026-01-01T14:00:00Z'])
    expect(nexts('TZ=Asia/Kolkata 30 1 * * *', 1)).toEqual(['2026-01-01T20:00:00Z'])
    // 02:30 does not exist in New York on 8 March 2026 (clocks go from 02:00 EST to 03:00 EDT)
    expect(nexts('TZ=America/New_York 30 2 * * *', 3, Date.UTC(2026, 2, 6))).toEqual([
      '2026-03-06T07:30:00Z',
      '2026-03-07T07:30:00Z',
      '2026-03-09T06:30:00Z',
    ])
  })

  it('a schedule that parses but never comes (31 February) gives the zero time', () => {
    expect(parseStandard('0 0 31 2 *').next(T0)).toBe(ZERO_TIME)
    expect(iso(ZERO_TIME)).toBe('0001-01-01T00:00:00Z')
  })

  it('rejects what robfig rejects, in its words', () => {
    expect(error('')).toBe('empty spec string')
    expect(error('* * * *')).toBe('expected exactly 5 fields, found 4: [* * * *]')
    expect(error('0 * * * * *')).toBe('expected exactly 5 fields, found 6: [0 * * * * *]')
    expect(error('0 0 * * 7')).toBe('end of range (7) above maximum (6): 7')
    expect(error('0 0 0 * *')).toBe('beginning of range (0) below minimum (1): 0')
    expect(error('5-1 * * * *')).toBe('beginning of range (5) beyond end of range (1): 5-1')
    expect(error('*/0 * * * *')).toBe('step of range should be a positive number: */0')
    expect(error('1-2-3 * * * *')).toBe('too many hyphens: 1-2-3')
    expect(error('*/2/3 * * * *')).toBe('too many slashes: */2/3')
    expect(error('0 0 L * *')).toBe('failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax')
    expect(error('@fortnightly')).toBe('unrecognized descriptor: @fortnightly')
    expect(error('@every 5')).toBe('failed to parse duration @every 5: time: invalid duration "5"')
    expect(error('TZ=Mars/Olympus 0 0 * * *')).toBe(
      'provided bad location Mars/Olympus: unknown time zone Mars/Olympus',
    )
  })

  it('time.LoadLocation: "" and UTC are UTC; an IANA zone has its offset at each instant', () => {
    expect(loadLocation('').offsetAt(T0)).toBe(0)
    const ny = loadLocation('America/New_York')
    expect(ny.offsetAt(T0)).toBe(-5 * 3_600_000)
    expect(ny.offsetAt(Date.UTC(2026, 6, 1))).toBe(-4 * 3_600_000)
    expect(() => loadLocation('Nowhere/City')).toThrow('unknown time zone Nowhere/City')
  })
})
