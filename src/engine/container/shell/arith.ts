/**
 * `$(( … ))` arithmetic: integers, variables (unset or empty is 0), `+ - * / % **`, comparisons,
 * `&& || !`, unary `+ - ~`, parentheses. Assignment operators are not supported (an error).
 */

/** Why arithmetic failed; the shell words it (busybox: `arithmetic syntax error`, `divide by zero`). */
export type ArithError = 'syntax' | 'divzero'

class ArithFail extends Error {
  constructor(readonly why: ArithError) {
    super(why)
  }
}

const BINARY_PREC: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  '<<': 8,
  '>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
  '**': 11,
}

function tokenize(s: string): string[] {
  const toks: string[] = []
  const re =
    /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~&|^])/y
  let i = 0
  while (i < s.length) {
    if (/^\s*$/.test(s.slice(i))) break
    re.lastIndex = i
    const m = re.exec(s)
    if (!m) throw new ArithFail('syntax')
    toks.push(m[1] as string)
    i = re.lastIndex
  }
  return toks
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
    case '%':
      if (b === 0) throw new ArithFail('divzero')
      return op === '/' ? Math.trunc(a / b) : a % b
    case '**':
      if (b < 0) throw new ArithFail('syntax')
      return a ** b
    case '<':
      return Number(a < b)
    case '>':
      return Number(a > b)
    case '<=':
      return Number(a <= b)
    case '>=':
      return Number(a >= b)
    case '==':
      return Number(a === b)
    case '!=':
      return Number(a !== b)
    case '&&':
      return Number(a !== 0 && b !== 0)
    case '||':
      return Number(a !== 0 || b !== 0)
    case '&':
      return a & b
    case '|':
      return a | b
    case '^':
      return a ^ b
    case '<<':
      return a << b
    default:
      return a >> b
  }
}

/**
 * Evaluates an (already `$`-expanded) arithmetic expression; `lookup` gives a variable's value.
 * Returns the decimal result, or the error.
 */
export function evalArith(
  expr: string,
  lookup: (name: string) => string | undefined,
): { ok: true; value: string } | { ok: false; error: ArithError } {
  let depth = 0
  const value = (text: string): number => {
    if (depth > 20) throw new ArithFail('syntax')
    depth++
    try {
      const toks = tokenize(text)
      if (toks.length === 0) return 0
      let p = 0
      const unary = (): number => {
        const t = toks[p++]
        if (t === undefined) throw new ArithFail('syntax')
        if (t === '-') return -unary()
        if (t === '+') return unary()
        if (t === '!') return Number(unary() === 0)
        if (t === '~') return ~unary()
        if (t === '(') {
          const v = binary(0)
          if (toks[p++] !== ')') throw new ArithFail('syntax')
          return v
        }
        if (/^0[xX]/.test(t)) return parseInt(t, 16)
        if (/^0\d+$/.test(t)) {
          if (/[89]/.test(t)) throw new ArithFail('syntax')
          return parseInt(t, 8)
        }
        if (/^\d+$/.test(t)) return Number(t)
        if (/^[A-Za-z_]/.test(t)) {
          if (toks[p] === '=' || toks[p] === '++' || toks[p] === '--') throw new ArithFail('syntax')
          return value(lookup(t) ?? '')
        }
        throw new ArithFail('syntax')
      }
      const binary = (minPrec: number): number => {
        let left = unary()
        for (;;) {
          const op = toks[p]
          const prec = op === undefined ? undefined : BINARY_PREC[op]
          if (prec === undefined || prec < minPrec) return left
          p++
          const right = binary(op === '**' ? prec : prec + 1)
          left = apply(op as string, left, right)
        }
      }
      const v = binary(0)
      if (p !== toks.length) throw new ArithFail('syntax')
      return v
    } finally {
      depth--
    }
  }
  try {
    const v = value(expr)
    if (!Number.isFinite(v)) return { ok: false, error: 'syntax' }
    return { ok: true, value: String(Math.trunc(v)) }
  } catch (e) {
    if (e instanceof ArithFail) return { ok: false, error: e.why }
    throw e
  }
}
