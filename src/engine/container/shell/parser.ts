/**
 * Parser for the shell subset: lists with `;`/newlines, `&&`/`||`, `!`, `if`/`elif`/`else`,
 * `while`/`until`, `for`, `{ …; }`, `[[ … ]]`, simple commands with assignments and redirections.
 * Pipes, background jobs, subshells, functions, `case` and here-documents throw {@link Unsupported}.
 */
import { Lexer, Unsupported, type PPart, type Token } from './lexer'

export type PWord = PPart[]

export type PRedir =
  { fd: number; op: '>' | '>>' | '<'; target: PWord } | { fd: number; op: '>&'; to: number }

export type Node =
  | {
      k: 'simple'
      assigns: { name: string; value: PWord }[]
      words: PWord[]
      redirs: PRedir[]
      line: number
    }
  | { k: 'cond'; args: (PWord | string)[]; line: number }
  | { k: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { k: 'not'; node: Node }
  | { k: 'seq'; items: Node[] }
  | { k: 'if'; branches: { cond: Node; body: Node }[]; else: Node | null }
  | { k: 'loop'; until: boolean; cond: Node; body: Node }
  | { k: 'for'; name: string; items: PWord[] | null; body: Node }

const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  'for',
  'in',
  '{',
  '}',
  '!',
])
const UNSUPPORTED_WORDS: Record<string, string> = {
  case: 'case statements',
  function: 'functions',
  select: 'select loops',
  '((': 'arithmetic commands',
}

/** The plain text of a word when it is one unquoted literal (how reserved words are recognised). */
export function plainText(w: PWord): string | null {
  const [p, ...rest] = w
  return p && p.t === 'lit' && !p.q && rest.length === 0 ? p.v : null
}

function reservedAt(t: Token): string | null {
  if (t.type !== 'word') return null
  const v = plainText(t.parts)
  return v !== null && RESERVED.has(v) ? v : null
}

/** Parses a whole script into a `seq` node; throws {@link Unsupported}. */
export function parseScript(src: string, firstLine = 1): Node {
  const p = new Parser(new Lexer(src, firstLine))
  const list = p.list(new Set())
  const t = p.lx.peek()
  if (t.type !== 'eof') throw new Unsupported(`syntax error: unexpected ${describe(t)}`)
  return list
}

function describe(t: Token): string {
  if (t.type === 'op') return `"${t.v}"`
  if (t.type === 'word') return `"${plainText(t.parts) ?? 'word'}"`
  return t.type === 'nl' ? 'newline' : 'end of file'
}

class Parser {
  constructor(readonly lx: Lexer) {}

  private skipNewlines(): void {
    while (this.lx.peek().type === 'nl') this.lx.next()
  }

  private expect(word: string): void {
    this.skipNewlines()
    const t = this.lx.next()
    if (reservedAt(t) !== word) {
      throw new Unsupported(`syntax error: unexpected ${describe(t)} (expecting "${word}")`)
    }
  }

  /** Statements until one of `stops` (a reserved word at command position), `)` or the end. */
  list(stops: Set<string>): Node {
    const items: Node[] = []
    for (;;) {
      const t = this.lx.peek()
      if (t.type === 'nl' || (t.type === 'op' && t.v === ';' && items.length > 0)) {
        this.lx.next()
        continue
      }
      if (t.type === 'eof') break
      const r = reservedAt(t)
      if (r !== null && stops.has(r)) break
      if (t.type === 'op' && t.v === ')') break
      items.push(this.andOr(stops))
      const sep = this.lx.peek()
      if (sep.type === 'op' && sep.v === '&') throw new Unsupported('background jobs (&)')
      if (sep.type === 'op' && sep.v === ';;') throw new Unsupported('case statements')
      if (sep.type === 'op' && sep.v === ';') this.lx.next()
      else if (sep.type !== 'nl' && sep.type !== 'eof') {
        const r2 = reservedAt(sep)
        if (!(r2 !== null && stops.has(r2)) && !(sep.type === 'op' && sep.v === ')')) {
          throw new Unsupported(`syntax error: unexpected ${describe(sep)}`)
        }
      }
    }
    return { k: 'seq', items }
  }

  private andOr(stops: Set<string>): Node {
    const first = this.pipeline(stops)
    const rest: { op: '&&' | '||'; node: Node }[] = []
    for (;;) {
      const t = this.lx.peek()
      if (t.type !== 'op' || (t.v !== '&&' && t.v !== '||')) break
      this.lx.next()
      this.skipNewlines()
      rest.push({ op: t.v, node: this.pipeline(stops) })
    }
    return rest.length ? { k: 'andor', first, rest } : first
  }

  private pipeline(stops: Set<string>): Node {
    const t = this.lx.peek()
    if (reservedAt(t) === '!') {
      this.lx.next()
      return { k: 'not', node: this.pipeline(stops) }
    }
    const node = this.command(stops)
    const after = this.lx.peek()
    if (after.type === 'op' && after.v === '|') throw new Unsupported('pipes (|)')
    return node
  }

  private command(stops: Set<string>): Node {
    const t = this.lx.peek()
    const r = reservedAt(t)
    let node: Node
    if (r === 'if') node = this.ifClause()
    else if (r === 'while' || r === 'until') {
      this.lx.next()
      const cond = this.list(new Set(['do']))
      this.expect('do')
      const body = this.list(new Set(['done']))
      this.expect('done')
      node = { k: 'loop', until: r === 'until', cond, body }
    } else if (r === 'for') node = this.forClause()
    else if (r === '{') {
      this.lx.next()
      node = this.list(new Set(['}']))
      this.expect('}')
    } else if (r !== null) {
      throw new Unsupported(`syntax error: unexpected ${describe(t)}`)
    } else if (t.type === 'op' && t.v === '(') {
      throw new Unsupported('subshells ( … )')
    } else return this.simple(stops)
    const after = this.lx.peek()
    if (after.type === 'op' && /^[<>]|^&>/.test(after.v))
      throw new Unsupported('redirections on compound commands')
    const stop = reservedAt(after)
    if (after.type === 'word' && !(stop !== null && stops.has(stop))) {
      throw new Unsupported(`syntax error: unexpected ${describe(after)}`)
    }
    return node
  }

  private ifClause(): Node {
    this.lx.next()
    const branches: { cond: Node; body: Node }[] = []
    let elseNode: Node | null = null
    for (;;) {
      const cond = this.list(new Set(['then']))
      this.expect('then')
      const body = this.list(new Set(['elif', 'else', 'fi']))
      branches.push({ cond, body })
      this.skipNewlines()
      const kw = reservedAt(this.lx.next())
      if (kw === 'elif') continue
      if (kw === 'else') {
        elseNode = this.list(new Set(['fi']))
        this.expect('fi')
      } else if (kw !== 'fi') throw new Unsupported('syntax error: unexpected end of file (expecting "fi")')
      break
    }
    return { k: 'if', branches, else: elseNode }
  }

  private forClause(): Node {
    this.lx.next()
    const nameTok = this.lx.next()
    const name = nameTok.type === 'word' ? plainText(nameTok.parts) : null
    if (name === null || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new Unsupported('syntax error: bad for loop variable')
    this.skipNewlines()
    let items: PWord[] | null = null
    if (reservedAt(this.lx.peek()) === 'in') {
      this.lx.next()
      items = []
      for (;;) {
        const t = this.lx.peek()
        if (t.type !== 'word') break
        this.lx.next()
        items.push(t.parts)
      }
    }
    const sep = this.lx.peek()
    if (sep.type === 'op' && sep.v === ';') this.lx.next()
    this.expect('do')
    const body = this.list(new Set(['done']))
    this.expect('done')
    return { k: 'for', name, items, body }
  }

  private simple(stops: Set<string>): Node {
    const line = this.lx.peek().line
    const assigns: { name: string; value: PWord }[] = []
    const words: PWord[] = []
    const redirs: PRedir[] = []
    for (;;) {
      const t = this.lx.peek()
      if (t.type === 'word') {
        if (words.length === 0) {
          const first = plainText(t.parts)
          if (first !== null && UNSUPPORTED_WORDS[first]) throw new Unsupported(UNSUPPORTED_WORDS[first])
          if (first === '[[') {
            this.lx.next()
            return this.condCommand(line)
          }
          const a = assignment(t.parts)
          if (a) {
            this.lx.next()
            assigns.push(a)
            continue
          }
        }
        const r = reservedAt(t)
        if (words.length === 0 && r !== null && stops.has(r)) break
        this.lx.next()
        words.push(t.parts)
      } else if (t.type === 'op' && ['>', '>>', '<', '>&', '<&', '&>', '>|', '<<'].includes(t.v)) {
        this.lx.next()
        redirs.push(...this.redirect(t))
      } else break
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) {
      throw new Unsupported(`syntax error: unexpected ${describe(this.lx.peek())}`)
    }
    return { k: 'simple', assigns, words, redirs, line }
  }

  private redirect(t: Token & { type: 'op' }): PRedir[] {
    if (t.v === '<<') throw new Unsupported('here-documents (<<)')
    const target = this.lx.next()
    if (target.type !== 'word') throw new Unsupported(`syntax error: unexpected ${describe(target)}`)
    if (t.v === '>&' || t.v === '<&') {
      const v = plainText(target.parts)
      if (v === null || !/^\d$/.test(v)) throw new Unsupported(`unsupported redirection ${t.v}${v ?? ''}`)
      return [{ fd: t.fd ?? (t.v === '>&' ? 1 : 0), op: '>&', to: Number(v) }]
    }
    if (t.v === '&>')
      return [
        { fd: 1, op: '>', target: target.parts },
        { fd: 2, op: '>&', to: 1 },
      ]
    const op = t.v === '>|' ? '>' : (t.v as '>' | '>>' | '<')
    return [{ fd: t.fd ?? (op === '<' ? 0 : 1), op, target: target.parts }]
  }

  /** `[[ … ]]`: operator tokens become strings, words stay words. */
  private condCommand(line: number): Node {
    const args: (PWord | string)[] = []
    for (;;) {
      const t = this.lx.next()
      if (t.type === 'eof' || t.type === 'nl') throw new Unsupported("syntax error: missing ']]'")
      if (t.type === 'op') {
        if (!['&&', '||', '(', ')', '<', '>'].includes(t.v))
          throw new Unsupported(`unsupported ${t.v} in [[ ]]`)
        args.push(t.v)
        continue
      }
      const v = plainText(t.parts)
      if (v === ']]') break
      if (v === '=~') throw new Unsupported('regular expressions in [[ ]] (=~)')
      args.push(v === '!' ? '!' : t.parts)
    }
    return { k: 'cond', args, line }
  }
}

function assignment(parts: PPart[]): { name: string; value: PWord } | null {
  const first = parts[0]
  if (!first || first.t !== 'lit' || first.q) return null
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v)
  if (!m) return null
  const rest = first.v.slice(m[0].length)
  const value: PWord = rest ? [{ t: 'lit', v: rest, q: false }, ...parts.slice(1)] : parts.slice(1)
  return { name: m[1] as string, value }
}
