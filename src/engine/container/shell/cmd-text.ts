/**
 * Text and time commands, worded as busybox words them: `echo`, `printf`, `date`, `sleep`, `printenv`,
 * `env`, `hostname`.
 */
import type { CmdResult, Command, Io } from './io'

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
}

/**
 * Interprets backslash escapes as `echo -e` and `printf` do. `stop` is set when `\c` ends the output.
 * `printfStyle`: octal is `\NNN` (printf) rather than `\0NNN` (echo).
 */
export function unescape(s: string, printfStyle = false): { text: string; stop: boolean } {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string
    if (c !== '\\' || i + 1 >= s.length) {
      out += c
      continue
    }
    const n = s[i + 1] as string
    if (n === 'c') return { text: out, stop: true }
    const oct = printfStyle
      ? /^[0-7]{1,3}/.exec(s.slice(i + 1))
      : n === '0'
        ? /^0[0-7]{0,3}/.exec(s.slice(i + 1))
        : null
    if (oct) {
      const digits = printfStyle ? oct[0] : oct[0].slice(1)
      out += String.fromCharCode(parseInt(digits || '0', 8) & 255)
      i += oct[0].length
    } else if (n === 'x' && /^[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2))?.[0] ?? '0'
      out += String.fromCharCode(parseInt(hex, 16))
      i += 1 + hex.length
    } else if (ESCAPES[n] !== undefined) {
      out += ESCAPES[n]
      i++
    } else out += c
  }
  return { text: out, stop: false }
}

/** `echo [-neE] args…`: escapes only with `-e` (busybox and bash alike). */
export const echo: Command = (args, io) => {
  let newline = true
  let escapes = false
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i] as string
    if (!/^-[neE]+$/.test(a)) break
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false
      else escapes = c === 'e'
    }
  }
  let text = args.slice(i).join(' ')
  if (escapes) {
    const r = unescape(text)
    if (r.stop) {
      io.out(r.text)
      return 0
    }
    text = r.text
  }
  io.out(newline ? `${text}\n` : text)
  return 0
}

function toInt(arg: string, io: Io): { n: number; bad: boolean } {
  const t = arg.trim()
  if (t === '') return { n: 0, bad: false }
  if (/^['"]./.test(t)) return { n: t.charCodeAt(1), bad: false }
  if (/^[+-]?(0x[0-9a-fA-F]+|\d+)$/.test(t)) return { n: Number(t.replace(/^\+/, '')), bad: false }
  const lead = /^[+-]?\d+/.exec(t)
  io.err(`printf: invalid number '${arg}'\n`)
  return { n: lead ? Number(lead[0]) : 0, bad: true }
}

function pad(s: string, flags: string, width: number | null): string {
  if (width === null || s.length >= width) return s
  if (flags.includes('-')) return s.padEnd(width)
  if (flags.includes('0') && /^[+-]?\d/.test(s)) {
    const sign = /^[+-]/.test(s) ? (s[0] as string) : ''
    return sign + s.slice(sign.length).padStart(width - sign.length, '0')
  }
  return s.padStart(width)
}

/** `printf FORMAT [args…]`: `%s %b %c %d %i %u %x %X %o %%` with flags and widths; the format repeats. */
export const printf: Command = (args, io) => {
  const [format, ...rest] = args
  if (format === undefined) {
    io.err('printf: missing format\n')
    return 1
  }
  let status = 0
  let argi = 0
  const take = (): string | undefined => rest[argi++]
  let out = ''
  do {
    const start = argi
    for (let i = 0; i < format.length; i++) {
      const c = format[i] as string
      if (c === '\\') {
        const seq = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)?/.exec(format.slice(i))?.[0] ?? '\\'
        if (seq === '\\c') {
          io.out(out)
          return status
        }
        out += unescape(seq, true).text
        i += seq.length - 1
        continue
      }
      if (c !== '%') {
        out += c
        continue
      }
      const m = /^%([-+ #0]*)(\d+)?(?:\.(\d+))?([sbcdiuxXo%])/.exec(format.slice(i))
      if (!m) {
        out += c
        continue
      }
      i += m[0].length - 1
      const [, flags = '', w, prec, conv] = m
      const width = w ? Number(w) : null
      if (conv === '%') {
        out += '%'
        continue
      }
      const arg = take()
      if (conv === 's') {
        const s = arg ?? ''
        out += pad(prec !== undefined ? s.slice(0, Number(prec)) : s, flags, width)
      } else if (conv === 'b') {
        const r = unescape(arg ?? '')
        out += pad(r.text, flags, width)
        if (r.stop) {
          io.out(out)
          return status
        }
      } else if (conv === 'c') out += pad((arg ?? '').slice(0, 1), flags, width)
      else {
        const { n, bad } = toInt(arg ?? '', io)
        if (bad) status = 1
        let s =
          conv === 'x'
            ? n.toString(16)
            : conv === 'X'
              ? n.toString(16).toUpperCase()
              : conv === 'o'
                ? n.toString(8)
                : String(Math.trunc(n))
        if (flags.includes('+') && n >= 0 && (conv === 'd' || conv === 'i')) s = `+${s}`
        out += pad(s, flags, width)
      }
    }
    if (argi === start) break
  } while (argi < rest.length)
  io.out(out)
  return status
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function two(n: number): string {
  return String(n).padStart(2, '0')
}

/** strftime for the conversions scripts use, in UTC (containers run with TZ unset). */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms)
  const conv: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()] as string,
    b: () => MONTHS[d.getUTCMonth()] as string,
    h: () => MONTHS[d.getUTCMonth()] as string,
    d: () => two(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2, ' '),
    H: () => two(d.getUTCHours()),
    M: () => two(d.getUTCMinutes()),
    S: () => two(d.getUTCSeconds()),
    m: () => two(d.getUTCMonth() + 1),
    Y: () => String(d.getUTCFullYear()),
    y: () => two(d.getUTCFullYear() % 100),
    Z: () => 'UTC',
    z: () => '+0000',
    s: () => String(Math.floor(ms / 1000)),
    N: () => String((ms % 1000) * 1_000_000).padStart(9, '0'),
    F: () => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`,
    T: () => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  }
  return format.replace(/%(.)/g, (all, c: string) => conv[c]?.() ?? all)
}

/** busybox's default `date` format: `Thu Jan  1 00:00:05 UTC 2026`. */
export const DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y'

/** `date [-u] [+FORMAT]`: the current virtual time (epoch + now), in UTC. */
export const date: Command = (args, io) => {
  let format = DATE_FORMAT
  for (const a of args) {
    if (a.startsWith('+')) format = a.slice(1)
    else if (a === '-u' || a === '--utc') continue
    else {
      io.err(`date: invalid date '${a}'\n`)
      return 1
    }
  }
  io.out(`${strftime(format, io.epochMs + io.nowMs)}\n`)
  return 0
}

const SLEEP_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

/**
 * Parses one `sleep` operand as busybox does (`parse_duration_str`): a decimal number with an optional
 * `s`/`m`/`h`/`d` suffix, in ms; `inf…` is forever (Infinity); null when invalid.
 */
export function parseSleep(arg: string): number | null {
  if (/^inf/i.test(arg)) return Infinity
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg)
  if (!m) return null
  return Number(m[1]) * (SLEEP_UNITS[m[2] ?? ''] ?? 1) * 1000
}

/**
 * `sleep DURATION…`: the durations add up, rounded to whole virtual ms; a total under 0.5 ms does not
 * yield at all (so `while true; do sleep 0; done` is a busy loop, not an endless stream of wake-ups).
 */
export const sleep: Command = (args, io): CmdResult => {
  if (args.length === 0) {
    io.err('Usage: sleep [N]...\n')
    return 1
  }
  let total = 0
  for (const a of args) {
    const ms = parseSleep(a)
    if (ms === null) {
      io.err(`sleep: invalid number '${a}'\n`)
      return 1
    }
    total += ms
  }
  if (total === Infinity) return { forever: true }
  return { sleepMs: Math.round(total) }
}

/** `printenv [NAME…]`: the values, or every `NAME=value`; 1 when a name is not set. */
export const printenv: Command = (args, io) => {
  const env = io.environ()
  if (args.length === 0) {
    io.out(env.map(([k, v]) => `${k}=${v}\n`).join(''))
    return 0
  }
  let status = 0
  for (const name of args) {
    const hit = env.find(([k]) => k === name)
    if (hit) io.out(`${hit[1]}\n`)
    else status = 1
  }
  return status
}

/** `env` with no arguments: every `NAME=value`. */
export const env: Command = (args, io) => {
  if (args.length > 0) {
    io.err(`env: can't execute '${args[0] ?? ''}': No such file or directory\n`)
    return 127
  }
  return printenv([], io, 'env')
}

/** `hostname`: the pod's hostname, which the kubelet also puts in `$HOSTNAME`. */
export const hostname: Command = (_args, io) => {
  const h = io.environ().find(([k]) => k === 'HOSTNAME')
  io.out(`${h?.[1] ?? 'localhost'}\n`)
  return 0
}
