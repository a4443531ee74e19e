/**
 * Runs a compiled {@link Program} in virtual time. The simulator calls {@link runUntilBlocked} when the
 * container starts and again at each wake time; each call runs instantly (commands take no virtual
 * time) until the process sleeps, exits, or blocks forever.
 *
 * A busy loop (a loop that never sleeps) would spin forever on a real node; here each call runs at most
 * {@link MAX_OPS} instructions and writes at most {@link MAX_LINES} log lines, then the process is
 * treated as blocked forever (still running, never exiting, printing nothing more).
 */
import { evalTest, type TestTok } from './cmd-test'
import { APPLETS, appletName } from './commands'
import { ExpandError, expandFields, expandString, hasUnquotedGlob, type ExpandEnv } from './expand'
import { normalizePath, readFile, statPath, writeFile, type FsView } from './vfs'
import type { CmdResult, Io } from './io'
import * as msg from './messages'
import type { Instr, OutputLine, ProcContext, ProcState, Program, Redir, Step } from './types'

/** Instructions one call may run before the process counts as a busy loop. */
export const MAX_OPS = 20_000
/** Log lines one call may write before the process counts as a busy loop. */
export const MAX_LINES = 1_000

/** A fresh process at its first instruction. */
export function startProcess(program: Program): ProcState {
  return {
    pc: 0,
    status: 0,
    wait: { kind: 'ready' },
    cwd: '/',
    vars: {},
    exported: [],
    errexit: program.errexit,
    xtrace: program.xtrace,
    slots: Array.from({ length: program.slots }, () => ({ status: 0, items: [], i: 0 })),
  }
}

type Sink =
  | { kind: 'log'; stream: 'stdout' | 'stderr' }
  | { kind: 'file'; path: string }
  | { kind: 'null' }
  | { kind: 'capture' }

/** Why execution stopped early. */
type Halt = { kind: 'exit'; code: number } | { kind: 'sleep'; ms: number } | { kind: 'forever' }

class Busy extends Error {}

class Machine {
  ops = 0
  /** Status of the last command substitution in the current command (`x=$(false)` fails). */
  subStatus = 0
  readonly output: OutputLine[] = []

  constructor(
    readonly program: Program,
    readonly state: ProcState,
    readonly fs: FsView,
    readonly ctx: ProcContext,
  ) {}

  /** Writes to a sink; log text becomes lines (a trailing piece without newline is `partial`). */
  write(sink: Sink, text: string, capture: { text: string }): void {
    if (text === '') return
    if (sink.kind === 'capture') capture.text += text
    else if (sink.kind === 'file') writeFile(this.fs, sink.path, text, true)
    else if (sink.kind === 'log') {
      const pieces = text.split('\n')
      const last = pieces.pop() as string
      for (const p of pieces) this.output.push({ atMs: this.ctx.nowMs, stream: sink.stream, text: p })
      if (last !== '')
        this.output.push({ atMs: this.ctx.nowMs, stream: sink.stream, text: last, partial: true })
      if (this.output.length > MAX_LINES) throw new Busy()
    }
  }

  get(name: string): string | undefined {
    const s = this.state
    if (name === '?') return String(s.status)
    if (name === '$') return '1'
    if (name === '!' || name === '-') return ''
    if (name === '#') return String(Math.max(0, this.program.positional.length - 1))
    if (name === '@' || name === '*') return this.program.positional.slice(1).join(' ')
    if (/^\d$/.test(name)) return this.program.positional[Number(name)]
    if (Object.hasOwn(s.vars, name)) return s.vars[name] ?? undefined
    return Object.hasOwn(this.ctx.env, name) ? this.ctx.env[name] : undefined
  }

  /** The environment a command inherits: the container's env, then exported shell variables. */
  environ(overlay: [string, string][]): [string, string][] {
    const out = new Map<string, string>()
    for (const [k, v] of Object.entries(this.ctx.env)) {
      const own = Object.hasOwn(this.state.vars, k) ? this.state.vars[k] : v
      if (own !== null && own !== undefined) out.set(k, own)
    }
    for (const k of this.state.exported) {
      const v = this.state.vars[k]
      if (v !== null && v !== undefined) out.set(k, v)
    }
    for (const [k, v] of overlay) out.set(k, v)
    return [...out]
  }

  speaker(line: number): msg.Speaker {
    return { dialect: this.program.dialect, shellName: this.program.shellName, line }
  }

  /**
   * Runs `code` from `frame.pc` until it ends or halts. `sub`: a command substitution (sleeps take no
   * time there, and `exit` ends only the substitution).
   */
  exec(
    code: Instr[],
    frame: { pc: number },
    sinks: Sink[],
    capture: { text: string },
    sub: boolean,
  ): Halt | null {
    const s = this.state
    while (frame.pc < code.length) {
      if (++this.ops > MAX_OPS) throw new Busy()
      const ins = code[frame.pc++] as Instr
      switch (ins.op) {
        case 'jmp':
          frame.pc = ins.to
          break
        case 'jt':
          if (s.status === 0) frame.pc = ins.to
          break
        case 'jf':
          if (s.status !== 0) frame.pc = ins.to
          break
        case 'not':
          s.status = s.status === 0 ? 1 : 0
          break
        case 'status':
          s.status = ins.value
          break
        case 'store':
          this.slot(ins.slot).status = s.status
          break
        case 'load':
          s.status = this.slot(ins.slot).status
          break
        case 'forInit': {
          const env = this.expandEnv(sinks)
          const items = ins.items
            ? ins.items.flatMap((w) => expandFields(w, env))
            : this.program.positional.slice(1)
          const sl = this.slot(ins.slot)
          sl.items = items
          sl.i = 0
          break
        }
        case 'forNext': {
          const sl = this.slot(ins.slot)
          const item = sl.items[sl.i]
          if (item === undefined) frame.pc = ins.end
          else {
            sl.i++
            s.vars[ins.name] = item
          }
          break
        }
        case 'cond':
        case 'cmd': {
          let halt: Halt | null
          try {
            halt = ins.op === 'cmd' ? this.command(ins, sinks, capture, sub) : this.cond(ins, sinks, capture)
          } catch (e) {
            if (!(e instanceof ExpandError)) throw e
            this.write(sinks[2] as Sink, msg.arithFailed(this.speaker(ins.line), e.expr, e.why), capture)
            s.status = this.program.dialect === 'bash' ? 1 : 2
            halt = this.program.dialect === 'bash' ? null : { kind: 'exit', code: 2 }
          }
          if (halt) return halt
          if (s.errexit && !ins.checked && s.status !== 0) return { kind: 'exit', code: s.status }
          break
        }
      }
    }
    return null
  }

  private slot(i: number): ProcState['slots'][number] {
    const sl = this.state.slots[i]
    if (sl) return sl
    const fresh = { status: 0, items: [], i: 0 }
    this.state.slots[i] = fresh
    return fresh
  }

  expandEnv(sinks: Sink[]): ExpandEnv {
    return {
      get: (n) => this.get(n),
      set: (n, v) => {
        this.state.vars[n] = v
      },
      runSub: (code) => this.runSub(code, sinks),
    }
  }

  /** A command substitution: a subshell whose stdout is captured. */
  private runSub(code: Instr[], sinks: Sink[]): string {
    const s = this.state
    const saved = { vars: { ...s.vars }, cwd: s.cwd, exported: [...s.exported] }
    const inner = { text: '' }
    const halt = this.exec(
      code,
      { pc: 0 },
      [sinks[0] as Sink, { kind: 'capture' }, sinks[2] as Sink],
      inner,
      true,
    )
    s.vars = saved.vars
    s.cwd = saved.cwd
    s.exported = saved.exported
    if (halt?.kind === 'forever') throw new Forever()
    if (halt?.kind === 'exit') s.status = halt.code
    this.subStatus = s.status
    return inner.text
  }

  private cond(ins: Instr & { op: 'cond' }, sinks: Sink[], capture: { text: string }): Halt | null {
    const env = this.expandEnv(sinks)
    const toks: TestTok[] = ins.args.map((a) =>
      typeof a === 'string' ? { v: a, op: true } : { v: expandString(a, env) },
    )
    // An unquoted right-hand side of `==`, `=` or `!=` is a pattern.
    for (let i = 1; i + 1 < toks.length; i++) {
      const op = toks[i] as TestTok
      const rhs = ins.args[i + 1]
      if (!op.op && (op.v === '==' || op.v === '=' || op.v === '!=') && rhs && typeof rhs !== 'string') {
        if (hasUnquotedGlob(rhs)) (toks[i + 1] as TestTok).glob = true
      }
    }
    const r = evalTest(toks, this.fs, this.state.cwd, true)
    if (r.error) this.write(sinks[2] as Sink, msg.testFailed(this.speaker(ins.line), '[[', r.error), capture)
    this.state.status = r.status
    return null
  }

  /** Opens the command's redirections over the inherited sinks; null (and a message) on failure. */
  private redirect(
    redirs: Redir[],
    sinks: Sink[],
    capture: { text: string },
    line: number,
    env: ExpandEnv,
  ): { sinks: Sink[]; stdin: string } | null {
    const out = [...sinks]
    let stdin = ''
    for (const r of redirs) {
      if (r.op === '>&') {
        out[r.fd] = out[r.to] ?? { kind: 'null' }
        continue
      }
      const target = expandString(r.target, env)
      const p = normalizePath(target, this.state.cwd)
      if (p === '/dev/null') {
        out[r.fd] = { kind: 'null' }
        continue
      }
      if (r.op === '<') {
        const f = readFile(this.fs, p)
        if (!f.ok) {
          this.write(out[2] as Sink, msg.redirectFailed(this.speaker(line), target, f.errno, false), capture)
          return null
        }
        stdin = f.content
        continue
      }
      if (p === '/dev/stdout' || p === '/dev/stderr') {
        out[r.fd] = out[p === '/dev/stdout' ? 1 : 2] ?? { kind: 'null' }
        continue
      }
      const bad = writeFile(this.fs, p, '', r.op === '>>')
      if (bad) {
        this.write(out[2] as Sink, msg.redirectFailed(this.speaker(line), target, bad, true), capture)
        return null
      }
      out[r.fd] = { kind: 'file', path: p }
    }
    return { sinks: out, stdin }
  }

  private command(
    ins: Instr & { op: 'cmd' },
    sinks: Sink[],
    capture: { text: string },
    sub: boolean,
  ): Halt | null {
    const s = this.state
    const env = this.expandEnv(sinks)
    this.subStatus = 0
    const assigns: [string, string][] = ins.assigns.map((a) => [a.name, expandString(a.value, env)])
    const argv = ins.words.flatMap((w) => expandFields(w, env))
    const red = this.redirect(ins.redirs, sinks, capture, ins.line, env)
    if (!red) {
      s.status = msg.redirectStatus(this.speaker(ins.line))
      return null
    }
    const [name, ...args] = argv
    if (name === undefined) {
      for (const [k, v] of assigns) s.vars[k] = v
      s.status = this.subStatus
      return null
    }
    const out = red.sinks
    if (s.xtrace) this.write(out[2] as Sink, `+ ${argv.join(' ')}\n`, capture)
    const io: Io = {
      out: (t) => this.write(out[1] as Sink, t, capture),
      err: (t) => this.write(out[2] as Sink, t, capture),
      stdin: red.stdin,
      fs: this.fs,
      cwd: s.cwd,
      nowMs: this.ctx.nowMs,
      epochMs: this.ctx.epochMs,
      environ: () => this.environ(assigns),
    }
    const result = this.dispatch(name, args, io, ins, assigns, sub)
    if (typeof result === 'number') {
      s.status = result & 255
      return null
    }
    if ('kind' in result) return result
    if ('forever' in result) return { kind: 'forever' }
    s.status = 0
    if (sub || result.sleepMs <= 0) return null
    return { kind: 'sleep', ms: result.sleepMs }
  }

  private dispatch(
    name: string,
    args: string[],
    io: Io,
    ins: Instr & { op: 'cmd' },
    assigns: [string, string][],
    sub: boolean,
  ): CmdResult | (Halt & { kind: 'exit' }) {
    const s = this.state
    const speaker = this.speaker(ins.line)
    const shell = this.program.dialect !== 'none'
    if (shell) {
      switch (name) {
        case ':':
        case 'trap':
        case 'wait':
          return 0
        case 'exit': {
          const a = args[0]
          if (a === undefined) return { kind: 'exit', code: s.status }
          if (!/^\d+$/.test(a)) {
            io.err(msg.badExit(speaker, a))
            return { kind: 'exit', code: 2 }
          }
          return { kind: 'exit', code: Number(a) & 255 }
        }
        case 'export':
        case 'unset':
          for (const a of args) {
            const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=([\s\S]*))?$/.exec(a)
            if (!m) continue
            const k = m[1] as string
            if (name === 'unset') {
              s.vars[k] = null
              s.exported = s.exported.filter((e) => e !== k)
            } else {
              if (m[2] !== undefined) s.vars[k] = m[2]
              else if (!Object.hasOwn(s.vars, k) && this.ctx.env[k] !== undefined)
                s.vars[k] = this.ctx.env[k] ?? ''
              if (!s.exported.includes(k)) s.exported.push(k)
            }
          }
          return 0
        case 'set':
          for (const a of args) {
            if (!/^[-+][a-z]+$/.test(a)) continue
            for (const f of a.slice(1)) {
              if (f === 'e') s.errexit = a.startsWith('-')
              if (f === 'x') s.xtrace = a.startsWith('-')
            }
          }
          return 0
        case 'cd': {
          const target = args[0] ?? this.get('HOME') ?? '/root'
          const p = normalizePath(target, s.cwd)
          const kind = statPath(this.fs, p)
          if (kind !== 'dir') {
            io.err(msg.cdFailed(speaker, target, kind === 'file' ? 'ENOTDIR' : 'ENOENT'))
            return this.program.dialect === 'bash' ? 1 : 2
          }
          s.cwd = p
          return 0
        }
        case 'read':
          // A container's stdin is empty unless redirected: read sees end of file.
          if (io.stdin === '') return 1
          for (const v of args.filter((a) => !a.startsWith('-'))) s.vars[v] = io.stdin.split('\n')[0] ?? ''
          return 0
        case 'exec': {
          if (args.length === 0) return 0
          const [n2, ...a2] = args
          const r = this.dispatch(n2 as string, a2, io, ins, assigns, sub)
          if (typeof r === 'number') return { kind: 'exit', code: r & 255 }
          return r
        }
      }
    }
    if (name === 'test' || name === '[') {
      let toks = args
      if (name === '[') {
        if (args[args.length - 1] !== ']') {
          io.err(msg.testFailed(speaker, name, { kind: 'missing]' }))
          return 2
        }
        toks = args.slice(0, -1)
      }
      const r = evalTest(
        toks.map((v) => ({ v })),
        this.fs,
        s.cwd,
      )
      if (r.error) io.err(msg.testFailed(speaker, name, r.error))
      return r.status
    }
    if (name === 'pwd') {
      io.out(`${s.cwd}\n`)
      return 0
    }
    const applet = appletName(name)
    const impl = applet === null ? undefined : APPLETS[applet]
    if (impl) return impl(args, io, applet as string)
    if (applet === 'test' || applet === '[' || applet === 'pwd')
      return this.dispatch(applet, args, io, ins, assigns, sub)
    io.err(msg.notFound(speaker, name))
    return 127
  }
}

class Forever extends Error {}

/** The sinks a process starts with: stdin empty, stdout and stderr to the log. */
function logSinks(): Sink[] {
  return [{ kind: 'null' }, { kind: 'log', stream: 'stdout' }, { kind: 'log', stream: 'stderr' }]
}

/**
 * Runs the process from where it stands until it sleeps, exits or blocks forever. Call it when the
 * container starts (`ctx.nowMs` = start time) and at each `sleep` step's `untilMs`. Calling before that
 * time, or after the process ended, changes nothing and answers the same step. `state` is mutated in
 * place and returned; `fs` is mutated in place by what the commands write.
 */
export function runUntilBlocked(
  program: Program,
  state: ProcState,
  fs: FsView,
  ctx: ProcContext,
): { state: ProcState; step: Step; output: OutputLine[] } {
  const w = state.wait
  if (w.kind === 'exit') return { state, step: { kind: 'exit', code: w.code }, output: [] }
  if (w.kind === 'forever') return { state, step: { kind: 'forever' }, output: [] }
  if (w.kind === 'sleep' && ctx.nowMs < w.untilMs)
    return { state, step: { kind: 'sleep', untilMs: w.untilMs }, output: [] }
  state.wait = { kind: 'ready' }
  const m = new Machine(program, state, fs, ctx)
  const frame = { pc: state.pc }
  let halt: Halt | null
  try {
    halt = m.exec(program.code, frame, logSinks(), { text: '' }, false)
  } catch (e) {
    if (!(e instanceof Busy) && !(e instanceof Forever)) throw e
    halt = { kind: 'forever' }
  }
  state.pc = frame.pc
  let step: Step
  if (halt === null) step = { kind: 'exit', code: state.status & 255 }
  else if (halt.kind === 'exit') step = { kind: 'exit', code: halt.code & 255 }
  else if (halt.kind === 'sleep') step = { kind: 'sleep', untilMs: ctx.nowMs + halt.ms }
  else step = { kind: 'forever' }
  state.wait = step.kind === 'sleep' ? { kind: 'sleep', untilMs: step.untilMs } : step
  return { state, step, output: m.output }
}
