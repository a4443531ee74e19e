/**
 * Tokeniser for the POSIX shell subset kubeplay runs: words (with quoting, `$var`, `${…}`, `$(…)`,
 * backquotes and `$((…))` kept as parts), operators, newlines. Unsupported syntax throws
 * {@link Unsupported}; the compiler turns that into `ok: false`.
 */

/** A word part before compilation: command substitutions still hold their source text. */
export type PPart =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; q: boolean; op?: '-' | ':-' | '=' | ':=' | '+' | ':+' | 'len'; arg?: PPart[] }
  | { t: 'sub'; src: string; line: number; q: boolean }
  | { t: 'arith'; expr: PPart[]; q: boolean }

export type Token =
  | { type: 'word'; parts: PPart[]; line: number }
  | { type: 'op'; v: string; fd?: number; line: number }
  | { type: 'nl'; line: number }
  | { type: 'eof'; line: number }

/** Something this interpreter does not handle (or a syntax error): the reason, for `ok: false`. */
export class Unsupported extends Error {}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>'])
const SPECIAL_PARAMS = new Set([
  '?',
  '$',
  '#',
  '@',
  '*',
  '!',
  '-',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
])
const OPS = ['&&', '||', ';;', '>>', '>&', '<&', '<<', '&>', '>|', ';', '&', '|', '(', ')', '<', '>']

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z_]/.test(c)
}

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c)
}

/** Index just past the `)` that closes an opening `(` at `start - 1`, skipping quotes. */
function scanParens(s: string, start: number, depth = 1): number {
  let i = start
  while (i < s.length) {
    const c = s[i]
    if (c === '\\') i += 2
    else if (c === "'") {
      const j = s.indexOf("'", i + 1)
      if (j < 0) throw new Unsupported('unterminated quoted string')
      i = j + 1
    } else if (c === '"') {
      i++
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1
      if (i >= s.length) throw new Unsupported('unterminated quoted string')
      i++
    } else {
      if (c === '(') depth++
      else if (c === ')' && --depth === 0) return i + 1
      i++
    }
  }
  throw new Unsupported("missing ')'")
}

/** The lexer: call {@link Lexer.next} for each token; {@link Lexer.peek} looks ahead one. */
export class Lexer {
  private i = 0
  private line: number
  private ahead: Token | null = null

  constructor(
    private readonly s: string,
    firstLine = 1,
  ) {
    this.line = firstLine
  }

  peek(): Token {
    this.ahead ??= this.read()
    return this.ahead
  }

  next(): Token {
    const t = this.peek()
    this.ahead = null
    return t
  }

  private read(): Token {
    const s = this.s
    for (;;) {
      const c = s[this.i]
      if (c === ' ' || c === '\t') this.i++
      else if (c === '\\' && s[this.i + 1] === '\n') {
        this.i += 2
        this.line++
      } else if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++
      } else break
    }
    const line = this.line
    if (this.i >= s.length) return { type: 'eof', line }
    const c = s[this.i]
    if (c === '\n') {
      this.i++
      this.line++
      return { type: 'nl', line }
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.i)) {
        this.i += op.length
        return { type: 'op', v: op, line }
      }
    }
    const start = this.i
    const parts = this.readWord()
    const raw = s.slice(start, this.i)
    const nextC = s[this.i]
    if (/^\d+$/.test(raw) && (nextC === '<' || nextC === '>')) {
      const t = this.read()
      if (t.type === 'op') return { ...t, fd: Number(raw) }
    }
    return { type: 'word', parts, line }
  }

  /** Reads one unquoted-context word from the current position. */
  private readWord(): PPart[] {
    const s = this.s
    const parts: PPart[] = []
    const lit = (v: string, q: boolean): void => {
      const last = parts[parts.length - 1]
      if (last && last.t === 'lit' && last.q === q) last.v += v
      else parts.push({ t: 'lit', v, q })
    }
    while (this.i < s.length) {
      const c = s[this.i] as string
      if (META.has(c)) break
      if (c === '\\') {
        const n = s[this.i + 1]
        this.i += 2
        if (n === '\n') this.line++
        else if (n !== undefined) lit(n, true)
      } else if (c === "'") {
        const j = s.indexOf("'", this.i + 1)
        if (j < 0) throw new Unsupported('unterminated quoted string')
        const v = s.slice(this.i + 1, j)
        this.line += v.split('\n').length - 1
        lit(v, true)
        this.i = j + 1
      } else if (c === '"') {
        this.i++
        this.readDouble(parts, lit)
      } else if (c === '$') {
        this.readDollar(parts, lit, false)
      } else if (c === '`') {
        parts.push(this.readBackquote(false))
      } else {
        if (c === '\n') this.line++
        lit(c, false)
        this.i++
      }
    }
    return parts
  }

  private readDouble(parts: PPart[], lit: (v: string, q: boolean) => void): void {
    const s = this.s
    const before = parts.length
    while (this.i < s.length && s[this.i] !== '"') {
      const c = s[this.i] as string
      if (c === '\\') {
        const n = s[this.i + 1]
        if (n === '\n') this.line++
        else if (n === '$' || n === '`' || n === '"' || n === '\\') lit(n, true)
        else lit(`\\${n ?? ''}`, true)
        this.i += 2
      } else if (c === '$') this.readDollar(parts, lit, true)
      else if (c === '`') parts.push(this.readBackquote(true))
      else {
        if (c === '\n') this.line++
        lit(c, true)
        this.i++
      }
    }
    if (this.i >= s.length) throw new Unsupported('unterminated quoted string')
    this.i++
    if (parts.length === before) lit('', true)
  }

  private readBackquote(q: boolean): PPart {
    const s = this.s
    let j = this.i + 1
    let src = ''
    while (j < s.length && s[j] !== '`') {
      if (s[j] === '\\' && (s[j + 1] === '`' || s[j + 1] === '\\' || s[j + 1] === '$')) {
        src += s[j + 1]
        j += 2
      } else src += s[j++]
    }
    if (j >= s.length) throw new Unsupported('unterminated backquote')
    const line = this.line
    this.line += src.split('\n').length - 1
    this.i = j + 1
    return { t: 'sub', src, line, q }
  }

  private readDollar(parts: PPart[], lit: (v: string, q: boolean) => void, q: boolean): void {
    const s = this.s
    const n = s[this.i + 1]
    if (n === '(' && s[this.i + 2] === '(') {
      const end = scanParens(s, this.i + 3, 2)
      if (s[end - 2] !== ')') throw new Unsupported('unsupported $(( … ) … ) nesting')
      const src = s.slice(this.i + 3, end - 2)
      this.i = end
      parts.push({ t: 'arith', expr: new Lexer(src, this.line).readDoubleText(), q })
    } else if (n === '(') {
      const end = scanParens(s, this.i + 2)
      const src = s.slice(this.i + 2, end - 1)
      const line = this.line
      this.line += src.split('\n').length - 1
      this.i = end
      parts.push({ t: 'sub', src, line, q })
    } else if (n === '{') {
      const end = s.indexOf('}', this.i + 2)
      if (end < 0) throw new Unsupported("missing '}'")
      parts.push(this.parseBraced(s.slice(this.i + 2, end), q))
      this.i = end + 1
    } else if (isNameStart(n)) {
      let j = this.i + 1
      while (isNameChar(s[j])) j++
      parts.push({ t: 'var', name: s.slice(this.i + 1, j), q })
      this.i = j
    } else if (n !== undefined && SPECIAL_PARAMS.has(n)) {
      parts.push({ t: 'var', name: n, q })
      this.i += 2
    } else {
      lit('$', q)
      this.i++
    }
  }

  /** `${…}` contents: `name`, `#name`, `name:-word` and the other default/alternative forms. */
  private parseBraced(body: string, q: boolean): PPart {
    if (body.startsWith('#') && body.length > 1) {
      const name = body.slice(1)
      if (!/^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9])$/.test(name))
        throw new Unsupported(`unsupported \${${body}}`)
      return { t: 'var', name, q, op: 'len' }
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9])(:?[-=+])?([\s\S]*)$/.exec(body)
    if (!m || (!m[2] && m[3])) throw new Unsupported(`unsupported \${${body}}`)
    const name = m[1] as string
    if (!m[2]) return { t: 'var', name, q }
    const arg = new Lexer(m[3] ?? '', this.line).readDoubleText()
    return { t: 'var', name, q, op: m[2] as '-' | ':-' | '=' | ':=' | '+' | ':+', arg }
  }

  /** The whole input read as if inside double quotes (for `$((…))` and `${v:-word}`). */
  readDoubleText(): PPart[] {
    const parts: PPart[] = []
    const lit = (v: string, q: boolean): void => {
      const last = parts[parts.length - 1]
      if (last && last.t === 'lit' && last.q === q) last.v += v
      else parts.push({ t: 'lit', v, q })
    }
    const s = this.s
    while (this.i < s.length) {
      const c = s[this.i] as string
      if (c === '$') this.readDollar(parts, lit, true)
      else if (c === '`') parts.push(this.readBackquote(true))
      else if (c === '\\' && this.i + 1 < s.length) {
        lit(s[this.i + 1] as string, true)
        this.i += 2
      } else if (c === "'" || c === '"') {
        this.i++ // quotes inside ${v:-'x'} group text; the shell would drop them too
      } else {
        lit(c, true)
        this.i++
      }
    }
    return parts
  }
}
