/**
 * Compiles a container's argv (`command` + `args`) into a {@link Program}: a flat list of plain-data
 * instructions with jumps for `&&`, `||`, `if` and loops, so a running process is just a program
 * counter and a few variables (DESIGN §2.3 point 2).
 */
import { isKnownCommand, appletName, shellDialect } from './commands'
import { Unsupported, type PPart } from './lexer'
import { parseScript, plainText, type Node, type PRedir, type PWord } from './parser'
import type { Dialect, Instr, Program, Redir, Word, WordPart } from './types'

/** The result of {@link compileProcess}. */
export type CompileResult = { ok: true; program: Program } | { ok: false; reason: string }

interface Loop {
  slot: number
  /** Where `continue` goes. */
  head: number
  /** Instructions to patch with the loop's end (`break`). */
  breaks: number[]
}

class Compiler {
  readonly code: Instr[] = []
  readonly unknown = new Set<string>()

  constructor(
    private readonly slotsUsed: { n: number },
    private readonly depth = 0,
  ) {}

  private emit(i: Instr): number {
    this.code.push(i)
    return this.code.length - 1
  }

  private here(): number {
    return this.code.length
  }

  private patch(at: number, to: number): void {
    const i = this.code[at]
    if (i && (i.op === 'jmp' || i.op === 'jt' || i.op === 'jf')) i.to = to
    else if (i && i.op === 'forNext') i.end = to
  }

  node(n: Node, checked: boolean, loops: Loop[]): void {
    switch (n.k) {
      case 'seq':
        if (n.items.length === 0) this.emit({ op: 'status', value: 0 })
        for (const item of n.items) this.node(item, checked, loops)
        return
      case 'simple':
        return this.simple(n, checked, loops)
      case 'cond':
        this.emit({
          op: 'cond',
          args: n.args.map((a) => (typeof a === 'string' ? a : this.word(a))),
          line: n.line,
          checked,
        })
        return
      case 'not':
        this.node(n.node, true, loops)
        this.emit({ op: 'not' })
        return
      case 'andor': {
        this.node(n.first, true, loops)
        n.rest.forEach((r, idx) => {
          const j = this.emit({ op: r.op === '&&' ? 'jf' : 'jt', to: -1 })
          this.node(r.node, idx === n.rest.length - 1 ? checked : true, loops)
          this.patch(j, this.here())
        })
        return
      }
      case 'if': {
        const ends: number[] = []
        for (const b of n.branches) {
          this.node(b.cond, true, loops)
          const skip = this.emit({ op: 'jf', to: -1 })
          this.node(b.body, checked, loops)
          ends.push(this.emit({ op: 'jmp', to: -1 }))
          this.patch(skip, this.here())
        }
        if (n.else) this.node(n.else, checked, loops)
        else this.emit({ op: 'status', value: 0 })
        for (const e of ends) this.patch(e, this.here())
        return
      }
      case 'loop': {
        const slot = this.slotsUsed.n++
        this.emit({ op: 'status', value: 0 })
        this.emit({ op: 'store', slot })
        const head = this.here()
        const loop: Loop = { slot, head, breaks: [] }
        this.node(n.cond, true, loops)
        loop.breaks.push(this.emit({ op: n.until ? 'jt' : 'jf', to: -1 }))
        this.node(n.body, checked, [...loops, loop])
        this.emit({ op: 'store', slot })
        this.emit({ op: 'jmp', to: head })
        this.finishLoop(loop)
        return
      }
      case 'for': {
        const slot = this.slotsUsed.n++
        this.emit({ op: 'forInit', slot, items: n.items ? n.items.map((w) => this.word(w)) : null })
        this.emit({ op: 'status', value: 0 })
        this.emit({ op: 'store', slot })
        const head = this.here()
        const loop: Loop = { slot, head, breaks: [this.emit({ op: 'forNext', slot, name: n.name, end: -1 })] }
        this.node(n.body, checked, [...loops, loop])
        this.emit({ op: 'store', slot })
        this.emit({ op: 'jmp', to: head })
        this.finishLoop(loop)
        return
      }
    }
  }

  private finishLoop(loop: Loop): void {
    const end = this.emit({ op: 'load', slot: loop.slot })
    for (const b of loop.breaks) this.patch(b, end)
  }

  private simple(n: Node & { k: 'simple' }, checked: boolean, loops: Loop[]): void {
    const name = n.words[0] ? plainText(n.words[0]) : null
    if ((name === 'break' || name === 'continue') && n.redirs.length === 0 && n.assigns.length === 0) {
      const arg = n.words[1] ? plainText(n.words[1]) : '1'
      const levels = arg !== null && /^\d+$/.test(arg) && Number(arg) >= 1 ? Number(arg) : 1
      const target = loops[Math.max(0, loops.length - levels)]
      this.emit({ op: 'status', value: 0 })
      if (!target) return
      if (name === 'continue') this.emit({ op: 'jmp', to: target.head })
      else {
        this.emit({ op: 'store', slot: target.slot })
        target.breaks.push(this.emit({ op: 'jmp', to: -1 }))
      }
      return
    }
    if (name !== null && !isKnownCommand(name) && !name.includes('=')) this.unknown.add(name)
    this.emit({
      op: 'cmd',
      assigns: n.assigns.map((a) => ({ name: a.name, value: this.word(a.value) })),
      words: n.words.map((w) => this.word(w)),
      redirs: n.redirs.map((r) => this.redir(r)),
      line: n.line,
      checked,
    })
  }

  private redir(r: PRedir): Redir {
    return r.op === '>&' ? r : { fd: r.fd, op: r.op, target: this.word(r.target) }
  }

  word(w: PWord): Word {
    return w.map((p) => this.part(p))
  }

  private part(p: PPart): WordPart {
    switch (p.t) {
      case 'lit':
        return p
      case 'var':
        return p.arg
          ? { ...p, arg: this.word(p.arg) }
          : { t: 'var', name: p.name, q: p.q, ...(p.op ? { op: p.op } : {}) }
      case 'arith':
        return { t: 'arith', expr: this.word(p.expr), q: p.q }
      case 'sub': {
        if (this.depth > 8) throw new Unsupported('command substitutions nested too deeply')
        const inner = new Compiler(this.slotsUsed, this.depth + 1)
        inner.node(parseScript(p.src, p.line), false, [])
        for (const u of inner.unknown) this.unknown.add(u)
        return { t: 'sub', code: inner.code, q: p.q }
      }
    }
  }
}

/** Compiles a shell script (the text after `sh -c`). */
export function compileScript(
  script: string,
  opts: {
    dialect?: Dialect
    shellName?: string
    positional?: string[]
    errexit?: boolean
    xtrace?: boolean
  } = {},
): CompileResult {
  try {
    const slots = { n: 0 }
    const c = new Compiler(slots)
    c.node(parseScript(script), false, [])
    return {
      ok: true,
      program: {
        dialect: opts.dialect ?? 'ash',
        shellName: opts.shellName ?? 'sh',
        code: c.code,
        positional: opts.positional ?? [opts.shellName ?? 'sh'],
        errexit: opts.errexit ?? false,
        xtrace: opts.xtrace ?? false,
        slots: slots.n,
        unknownCommands: [...c.unknown].sort(),
      },
    }
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, reason: e.message }
    throw e
  }
}

function literal(s: string): Word {
  return [{ t: 'lit', v: s, q: true }]
}

/**
 * Compiles a container's resolved `command` followed by its `args`. A shell (`sh`, `/bin/sh`, `ash`,
 * `dash`, `bash`) with `-c SCRIPT [NAME [ARG…]]` runs the script; a supported applet (`sleep 3600`,
 * `cat /tmp/healthy`) runs directly, its arguments taken literally. Anything else, or a script using
 * what this interpreter does not model (pipes, `&`, subshells, `case`, functions, here-documents,
 * script files), is `ok: false` with the reason, and the caller falls back to its image catalog.
 */
export function compileProcess(argv: readonly string[]): CompileResult {
  const [cmd, ...args] = argv
  if (cmd === undefined || cmd === '') return { ok: false, reason: 'no command' }
  const dialect = shellDialect(cmd)
  if (dialect) {
    let errexit = false
    let xtrace = false
    let script: string
    let i = 0
    let minusC = false
    for (; i < args.length; i++) {
      const a = args[i] as string
      if (a === '--' || a === '-') {
        i++
        break
      }
      if (!/^[-+][a-zA-Z]+$/.test(a)) break
      const on = a.startsWith('-')
      for (const f of a.slice(1)) {
        if (f === 'c') minusC = true
        else if (f === 'e') errexit = on
        else if (f === 'x') xtrace = on
        else if (f === 'o') i++
      }
    }
    if (minusC) {
      const given = args[i]
      if (given === undefined) return { ok: false, reason: `${cmd} -c: option requires an argument` }
      script = given
      i++
    } else if (i < args.length) {
      return { ok: false, reason: `shell script files are not supported: ${args[i] ?? ''}` }
    } else script = ''
    const rest = args.slice(i)
    return compileScript(script, {
      dialect,
      shellName: cmd,
      positional: rest.length ? rest : [cmd],
      errexit,
      xtrace,
    })
  }
  const name = appletName(cmd)
  if (name === null) return { ok: false, reason: `not a shell or a built-in command: ${cmd}` }
  return {
    ok: true,
    program: {
      dialect: 'none',
      shellName: name,
      code: [
        {
          op: 'cmd',
          assigns: [],
          words: [literal(name), ...args.map(literal)],
          redirs: [],
          line: 1,
          checked: false,
        },
      ],
      positional: [name],
      errexit: false,
      xtrace: false,
      slots: 0,
      unknownCommands: [],
    },
  }
}
