/**
 * Cron schedules as the CronJob controller reads them: `cron.ParseStandard` of github.com/robfig/cron/v3
 * (`parser.go`, `spec.go`, `constantdelay.go`), which kube-controller-manager and the API server's
 * validation both use. Five fields (minute hour day-of-month month day-of-week), names (`jan`, `mon`,
 * case-insensitive), `*` and `?`, ranges, steps, lists; the descriptors `@yearly` `@annually` `@monthly`
 * `@weekly` `@daily` `@midnight` `@hourly` and `@every <duration>`; a `TZ=` / `CRON_TZ=` prefix.
 *
 * Written here rather than taken from an npm parser because the usual ones (croner, cron-parser) accept
 * what robfig rejects (`7` for Sunday, `L`, `#`, `W`, a seconds field) and word their errors differently,
 * and the controller's events quote robfig's errors. Everything is a pure function of the times passed in:
 * times are epoch milliseconds; time zones other than UTC come from `Intl.DateTimeFormat`.
 */
import { parseDuration } from '../model/duration'

/** Go's zero `time.Time` (January 1, year 1, UTC) in epoch ms: what `Next` returns when nothing matches. */
export const ZERO_TIME = -62135596800000

/** A location: its name, and its UTC offset (ms) at an instant. */
export interface Zone {
  readonly name: string
  offsetAt(utcMs: number): number
}

export const UTC: Zone = { name: 'UTC', offsetAt: () => 0 }

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * `time.LoadLocation`: `""` and `UTC` are UTC; `Local` is the controller's zone, UTC in a
 * kube-controller-manager container; any other name must be an IANA zone. Throws Go's error otherwise.
 */
export function loadLocation(name: string): Zone {
  if (name === '' || name === 'UTC' || name === 'Local') return UTC
  let f = formatters.get(name)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
    } catch {
      throw new Error(`unknown time zone ${name}`)
    }
    // Intl reads zone names without regard to case; Go opens a zoneinfo file, whose name is exact.
    const resolved = f.resolvedOptions().timeZone
    if (resolved !== name && resolved.toLowerCase() === name.toLowerCase())
      throw new Error(`unknown time zone ${name}`)
    formatters.set(name, f)
  }
  const fmt = f
  return {
    name,
    offsetAt(utcMs: number): number {
      const at = Math.floor(utcMs / 1000) * 1000
      const p: Record<string, number> = {}
      for (const part of fmt.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value)
      const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!)
      return wall - at
    },
  }
}

/** The wall clock of an instant in a zone. */
interface Wall {
  year: number
  month: number // 1-12
  day: number
  hour: number
  minute: number
  second: number
  weekday: number // 0 = Sunday
}

function wallOf(t: number, zone: Zone): Wall {
  const d = new Date(t + zone.offsetAt(t))
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  }
}

/**
 * Go's `time.Date(y, m, d, h, mi, s, 0, loc)`: fields normalised (month 13 is January of the next year),
 * then the wall time resolved in the zone as Go does it: the offset found at the wall time read as UTC,
 * unless the instant that gives lies in another offset, which is then used.
 */
function goDate(y: number, m: number, d: number, h: number, mi: number, s: number, zone: Zone): number {
  const wall = Date.UTC(y, m - 1, d, h, mi, s)
  const offset = zone.offsetAt(wall)
  if (offset === 0) return wall
  const utc = wall - offset
  const actual = zone.offsetAt(utc)
  return wall - (actual === offset ? offset : actual)
}

/** `t.AddDate(0, months, days)`. */
function addDate(t: number, months: number, days: number, zone: Zone): number {
  const w = wallOf(t, zone)
  return goDate(w.year, w.month + months, w.day + days, w.hour, w.minute, w.second, zone)
}

/** One field's values; `star` is robfig's starBit (the field was `*` or `?`, without a step above 1). */
interface Field {
  readonly bits: readonly boolean[]
  readonly star: boolean
}

interface Bounds {
  readonly min: number
  readonly max: number
  readonly names?: Readonly<Record<string, number>>
}

const MINUTES: Bounds = { min: 0, max: 59 }
const HOURS: Bounds = { min: 0, max: 23 }
const DOM: Bounds = { min: 1, max: 31 }
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: {
    jan: 1,
    feb: 2,
    mar: 3,
    apr: 4,
    may: 5,
    jun: 6,
    jul: 7,
    aug: 8,
    sep: 9,
    oct: 10,
    nov: 11,
    dec: 12,
  },
}
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } }

/** A parsed schedule: `Next(t)` is the first activation strictly after `t` (epoch ms). */
export interface Schedule {
  next(t: number): number
}

/** `SpecSchedule`: second 0, and the five fields, in a location. */
class SpecSchedule implements Schedule {
  constructor(
    readonly minute: Field,
    readonly hour: Field,
    readonly dom: Field,
    readonly month: Field,
    readonly dow: Field,
    readonly zone: Zone,
  ) {}

  /** `SpecSchedule.Next` (spec.go), field by field with wrap-around; the zero time after five years. */
  next(from: number): number {
    const zone = this.zone
    const w = (x: number) => wallOf(x, zone)
    // The upcoming whole second.
    let t = from - mod(from, 1000) + 1000
    let added = false
    const yearLimit = w(t).year + 5
    wrap: for (;;) {
      if (w(t).year > yearLimit) return ZERO_TIME
      while (!this.month.bits[w(t).month]) {
        if (!added) {
          added = true
          const c = w(t)
          t = goDate(c.year, c.month, 1, 0, 0, 0, zone)
        }
        t = addDate(t, 1, 0, zone)
        if (w(t).month === 1) continue wrap
      }
      while (!this.dayMatches(w(t))) {
        if (!added) {
          added = true
          const c = w(t)
          t = goDate(c.year, c.month, c.day, 0, 0, 0, zone)
        }
        t = addDate(t, 0, 1, zone)
        // Midnight may not exist on a DST day: step back (or on) to it.
        const hour = w(t).hour
        if (hour !== 0) t += (hour > 12 ? 24 - hour : -hour) * 3_600_000
        if (w(t).day === 1) continue wrap
      }
      while (!this.hour.bits[w(t).hour]) {
        if (!added) {
          added = true
          const c = w(t)
          t = goDate(c.year, c.month, c.day, c.hour, 0, 0, zone)
        }
        t += 3_600_000
        if (w(t).hour === 0) continue wrap
      }
      while (!this.minute.bits[w(t).minute]) {
        if (!added) {
          added = true
          t -= mod(t, 60_000)
        }
        t += 60_000
        if (w(t).minute === 0) continue wrap
      }
      while (w(t).second !== 0) {
        if (!added) {
          added = true
          t -= mod(t, 1000)
        }
        t += 1000
        if (w(t).second === 0) continue wrap
      }
      return t
    }
  }

  /** `dayMatches`: both day fields must match when either was a star, else either may. */
  private dayMatches(c: Wall): boolean {
    const domMatch = !!this.dom.bits[c.day]
    const dowMatch = !!this.dow.bits[c.weekday]
    if (this.dom.star || this.dow.star) return domMatch && dowMatch
    return domMatch || dowMatch
  }
}

/** `ConstantDelaySchedule` of `@every`: the delay rounded down to whole seconds (at least 1 s). */
class ConstantDelaySchedule implements Schedule {
  constructor(readonly delayMs: number) {}
  next(t: number): number {
    return t - mod(t, 1000) + this.delayMs
  }
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b
}

/**
 * `cron.ParseStandard`: the schedule, or an Error worded as robfig/cron v3 words it (the CronJob
 * controller quotes it in `UnparseableSchedule` events).
 * @example parseStandard('*\/5 * * * *').next(Date.UTC(2026, 0, 1)) // 2026-01-01T00:05:00Z
 */
export function parseStandard(spec: string): Schedule {
  if (spec.length === 0) throw new Error('empty spec string')
  let zone = UTC
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ')
    const eq = spec.indexOf('=')
    // Go slices spec[eq+1:i]; without a space that panics: treat it as a bad location.
    const name = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i)
    try {
      zone = loadLocation(name)
    } catch (e) {
      throw new Error(`provided bad location ${name}: ${(e as Error).message}`, { cause: e })
    }
    spec = i < 0 ? '' : spec.slice(i).trim()
  }
  if (spec.startsWith('@')) return parseDescriptor(spec, zone)
  const fields = spec.split(/\s+/).filter((f) => f !== '')
  if (fields.length !== 5)
    throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
  return new SpecSchedule(
    getField(fields[0]!, MINUTES),
    getField(fields[1]!, HOURS),
    getField(fields[2]!, DOM),
    getField(fields[3]!, MONTHS),
    getField(fields[4]!, DOW),
    zone,
  )
}

function all(b: Bounds): Field {
  return { bits: bitsOf(b.min, b.max, 1), star: true }
}

function only(v: number): Field {
  return { bits: bitsOf(v, v, 1), star: false }
}

function parseDescriptor(descriptor: string, zone: Zone): Schedule {
  const zero = only(0)
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return new SpecSchedule(zero, zero, only(1), only(1), all(DOW), zone)
    case '@monthly':
      return new SpecSchedule(zero, zero, only(1), all(MONTHS), all(DOW), zone)
    case '@weekly':
      return new SpecSchedule(zero, zero, all(DOM), all(MONTHS), only(0), zone)
    case '@daily':
    case '@midnight':
      return new SpecSchedule(zero, zero, all(DOM), all(MONTHS), all(DOW), zone)
    case '@hourly':
      return new SpecSchedule(zero, all(HOURS), all(DOM), all(MONTHS), all(DOW), zone)
  }
  const every = '@every '
  if (descriptor.startsWith(every)) {
    const text = descriptor.slice(every.length)
    // Go's time.ParseDuration: a unit is required except for a bare 0.
    const ms = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) && !/^[-+]?0+$/.test(text) ? null : parseDuration(text)
    if (ms === null)
      throw new Error(
        `failed to parse duration ${descriptor}: time: invalid duration ${JSON.stringify(text)}`,
      )
    return new ConstantDelaySchedule(ms < 1000 ? 1000 : ms - mod(ms, 1000))
  }
  throw new Error(`unrecognized descriptor: ${descriptor}`)
}

/** `getField`: a comma-separated list of ranges. */
function getField(field: string, b: Bounds): Field {
  const bits: boolean[] = []
  let star = false
  for (const expr of field.split(',').filter((x) => x !== '')) {
    const r = getRange(expr, b)
    r.bits.forEach((on, i) => {
      if (on) bits[i] = true
    })
    star = star || r.star
  }
  return { bits, star }
}

/** `getRange`: `*`, `?`, `n`, `n-m`, each with an optional `/step` (`n/step` means `n-max/step`). */
function getRange(expr: string, b: Bounds): Field {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = rangeAndStep[0]!.split('-')
  const singleDigit = lowAndHigh.length === 1
  let start: number
  let end: number
  let star = false
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min
    end = b.max
    star = true
  } else {
    start = parseIntOrName(lowAndHigh[0]!, b.names)
    if (lowAndHigh.length === 1) end = start
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, b.names)
    else throw new Error(`too many hyphens: ${expr}`)
  }
  let step: number
  if (rangeAndStep.length === 1) step = 1
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!)
    if (singleDigit) end = b.max
    if (step > 1) star = false
  } else throw new Error(`too many slashes: ${expr}`)
  if (start < b.min) throw new Error(`beginning of range (${start}) below minimum (${b.min}): ${expr}`)
  if (end > b.max) throw new Error(`end of range (${end}) above maximum (${b.max}): ${expr}`)
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`)
  if (step === 0) throw new Error(`step of range should be a positive number: ${expr}`)
  return { bits: bitsOf(start, end, step), star }
}

function bitsOf(min: number, max: number, step: number): boolean[] {
  const bits: boolean[] = []
  for (let i = min; i <= max; i += step) bits[i] = true
  return bits
}

function parseIntOrName(expr: string, names: Bounds['names']): number {
  const named = names?.[expr.toLowerCase()]
  return named ?? mustParseInt(expr)
}

/** `mustParseInt`: Go's `strconv.Atoi` (an optional sign, decimal digits), then no negatives. */
function mustParseInt(expr: string): number {
  if (!/^[-+]?\d+$/.test(expr))
    throw new Error(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`,
    )
  const num = Number.parseInt(expr, 10)
  if (num < 0) throw new Error(`negative number (${num}) not allowed: ${expr}`)
  return num
}
