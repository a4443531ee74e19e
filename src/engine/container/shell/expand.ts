/**
 * Word expansion: parameters (`$v`, `${v:-w}`, `$?`, `$1`…), command substitution, arithmetic, then
 * field splitting of unquoted results on blanks. No pathname expansion (globs stay literal).
 */
import { evalArith, type ArithError } from './arith'
import type { Instr, Word, WordPart } from './types'

/** What expansion needs from the running shell. */
export interface ExpandEnv {
  /** A variable's value, or undefined when unset (special parameters included). */
  get(name: string): string | undefined
  set(name: string, value: string): void
  /** Runs a command substitution; returns its stdout. */
  runSub(code: Instr[]): string
}

/** Raised when expansion must abort the command (arithmetic errors). */
export class ExpandError extends Error {
  constructor(
    readonly expr: string,
    readonly why: ArithError,
  ) {
    super(why)
  }
}

function param(p: WordPart & { t: 'var' }, env: ExpandEnv): string {
  const v = env.get(p.name)
  switch (p.op) {
    case undefined:
      return v ?? ''
    case 'len':
      return String((v ?? '').length)
    case '-':
      return v === undefined ? expandString(p.arg ?? [], env) : v
    case ':-':
      return v === undefined || v === '' ? expandString(p.arg ?? [], env) : v
    case '=':
    case ':=': {
      if (v === undefined || (p.op === ':=' && v === '')) {
        const d = expandString(p.arg ?? [], env)
        env.set(p.name, d)
        return d
      }
      return v
    }
    case '+':
      return v === undefined ? '' : expandString(p.arg ?? [], env)
    case ':+':
      return v === undefined || v === '' ? '' : expandString(p.arg ?? [], env)
  }
}

function partValue(p: WordPart, env: ExpandEnv): string {
  switch (p.t) {
    case 'lit':
      return p.v
    case 'var':
      return param(p, env)
    case 'sub':
      return env.runSub(p.code).replace(/\n+$/, '')
    case 'arith': {
      const text = expandString(p.expr, env)
      const r = evalArith(text, (n) => env.get(n))
      if (!r.ok) throw new ExpandError(text, r.error)
      return r.value
    }
  }
}

/** Expands a word to one string, without field splitting (assignments, redirection targets, `[[`). */
export function expandString(w: Word, env: ExpandEnv): string {
  return w.map((p) => partValue(p, env)).join('')
}

/** Expands a word into fields: unquoted expansions split on spaces, tabs and newlines. */
export function expandFields(w: Word, env: ExpandEnv): string[] {
  const fields: string[] = []
  let cur = ''
  let has = false
  for (const p of w) {
    const v = partValue(p, env)
    if (p.t === 'lit' || p.q) {
      cur += v
      has ||= p.q || v !== ''
      continue
    }
    const pieces = v.split(/[ \t\n]+/)
    pieces.forEach((piece, i) => {
      if (i > 0 && has) {
        fields.push(cur)
        cur = ''
        has = false
      }
      cur += piece
      if (piece !== '') has = true
    })
  }
  if (has) fields.push(cur)
  return fields
}

/** True when a word is one unquoted-free pattern candidate: used by `[[ x == pat ]]`. */
export function hasUnquotedGlob(w: Word): boolean {
  return w.some((p) => !p.q && p.t === 'lit' && /[*?]/.test(p.v))
}
