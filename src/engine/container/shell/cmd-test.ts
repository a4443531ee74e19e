/**
 * `test`, `[` and `[[`: file tests (`-e -f -d -s -r -w -x`), string tests (`-z -n = == != < >`),
 * integer comparisons (`-eq -ne -lt -le -gt -ge`), `!`, grouping, and `-a`/`-o` (`&&`/`||` in `[[`).
 */
import { normalizePath, readFile, statPath, type FsView } from './vfs'

/** One argument: `op` marks `[[`'s operator tokens (`&&`, `(`…) as opposed to expanded words. */
export interface TestTok {
  v: string
  op?: boolean
  /** `[[ x == pat ]]`: an unquoted right-hand side is a glob pattern. */
  glob?: boolean
}

/** Why a test could not be evaluated (status 2); worded by the shell dialect. */
export type TestError =
  | { kind: 'missing]' }
  | { kind: 'badNumber'; arg: string }
  | { kind: 'unknownOperand'; arg: string }
  | { kind: 'argExpected' }

class Fail extends Error {
  constructor(readonly why: TestError) {
    super(why.kind)
  }
}

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-L',
  '-h',
  '-z',
  '-n',
  '-t',
  '-b',
  '-c',
  '-p',
  '-S',
])
const BINARY = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
])

function globToRegExp(pat: string): RegExp {
  let re = ''
  for (const c of pat) re += c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^${re}$`, 's')
}

function toInt(s: string): number {
  const t = s.trim()
  if (!/^[+-]?\d+$/.test(t)) throw new Fail({ kind: 'badNumber', arg: s })
  return Number(t)
}

function unary(op: string, arg: string, fs: FsView, cwd: string): boolean {
  if (op === '-z') return arg === ''
  if (op === '-n') return arg !== ''
  if (op === '-t' || op === '-L' || op === '-h' || op === '-b' || op === '-c' || op === '-p' || op === '-S')
    return false
  const p = normalizePath(arg, cwd)
  const kind = arg === '' ? null : statPath(fs, p)
  if (op === '-f') return kind === 'file'
  if (op === '-d') return kind === 'dir'
  if (op === '-s') {
    const r = kind === 'file' ? readFile(fs, p) : null
    return kind === 'dir' || (r?.ok === true && r.content.length > 0)
  }
  return kind !== null
}

function binary(a: string, op: string, b: TestTok): boolean {
  switch (op) {
    case '=':
    case '==':
      return b.glob ? globToRegExp(b.v).test(a) : a === b.v
    case '!=':
      return b.glob ? !globToRegExp(b.v).test(a) : a !== b.v
    case '<':
      return a < b.v
    case '>':
      return a > b.v
    case '-eq':
      return toInt(a) === toInt(b.v)
    case '-ne':
      return toInt(a) !== toInt(b.v)
    case '-lt':
      return toInt(a) < toInt(b.v)
    case '-le':
      return toInt(a) <= toInt(b.v)
    case '-gt':
      return toInt(a) > toInt(b.v)
    case '-ge':
      return toInt(a) >= toInt(b.v)
    default:
      return false
  }
}

/**
 * Evaluates a test expression: status 0 (true), 1 (false), or 2 with the error. `cond`: the `[[`
 * syntax (`&&`, `||` and only operator tokens group or negate).
 */
export function evalTest(
  toks: TestTok[],
  fs: FsView,
  cwd: string,
  cond = false,
): { status: number; error?: TestError } {
  let p = 0
  const isOp = (t: TestTok | undefined, v: string): boolean =>
    t !== undefined && t.v === v && (!cond || t.op === true)
  const AND = cond ? '&&' : '-a'
  const OR = cond ? '||' : '-o'

  const primary = (): boolean => {
    const t = toks[p]
    if (t === undefined) throw new Fail({ kind: 'argExpected' })
    if (isOp(t, '(')) {
      p++
      const v = orExpr()
      if (!isOp(toks[p], ')')) throw new Fail({ kind: 'argExpected' })
      p++
      return v
    }
    const next = toks[p + 1]
    if (next !== undefined && BINARY.has(next.v) && !next.op && toks[p + 2] !== undefined) {
      p += 3
      return binary(t.v, next.v, toks[p - 1] as TestTok)
    }
    if (UNARY.has(t.v) && !t.op && toks[p + 1] !== undefined && !(cond && toks[p + 1]?.op)) {
      p += 2
      return unary(t.v, (toks[p - 1] as TestTok).v, fs, cwd)
    }
    p++
    return t.v !== ''
  }
  const notExpr = (): boolean => {
    if (isOp(toks[p], '!') && toks[p + 1] !== undefined) {
      p++
      return !notExpr()
    }
    return primary()
  }
  const andExpr = (): boolean => {
    let v = notExpr()
    while (isOp(toks[p], AND)) {
      p++
      const r = notExpr()
      v = v && r
    }
    return v
  }
  const orExpr = (): boolean => {
    let v = andExpr()
    while (isOp(toks[p], OR)) {
      p++
      const r = andExpr()
      v = v || r
    }
    return v
  }

  try {
    if (toks.length === 0) return { status: 1 }
    const v = orExpr()
    const extra = toks[p]
    if (extra !== undefined) return { status: 2, error: { kind: 'unknownOperand', arg: extra.v } }
    return { status: v ? 0 : 1 }
  } catch (e) {
    if (e instanceof Fail) return { status: 2, error: e.why }
    throw e
  }
}
