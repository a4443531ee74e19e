/**
 * YAML as kubectl's `-o yaml` prints it: sigs.k8s.io/yaml → go-yaml v2 (libyaml's emitter). Map keys in go-yaml's
 * order, sequences not indented under their key, strings plain when possible, double-quoted when they would read
 * back as another type (`""`, `"1"`, `"true"`, timestamps), single-quoted when plain is not allowed (`': '`),
 * literal blocks for multi-line text, and long scalars folded at the first space past column 80 (libyaml
 * best_width), continued two spaces deeper.
 */

const BEST_WIDTH = 80

/** go-yaml v2 `keyList.Less`: runes compared, but digit runs compared as numbers and non-letters first. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  const isLetter = (r: string) => /\p{L}/u.test(r)
  const isDigit = (r: string | undefined) => r !== undefined && r >= '0' && r <= '9'
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i]!)
    const bl = isLetter(br[i]!)
    if (al && bl) return ar[i]! < br[i]!
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai])
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi])
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i]! < br[i]!
  }
  return ar.length < br.length
}

const YAML11_SPECIAL = new Set([
  '', '~', 'null', 'Null', 'NULL',
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN', '<<',
]) // prettier-ignore

/** Whether go-yaml v2's `resolve` would read this plain scalar as something other than a string. */
export function resolvesToNonString(s: string): boolean {
  if (YAML11_SPECIAL.has(s)) return true
  if (!/^[-+.0-9]/.test(s)) return false
  const plain = s.replace(/_/g, '')
  if (/^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/.test(plain)) return true
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true
  // Timestamps (go-yaml allowedTimestampFormats) and base-60 floats such as 1:20.
  if (/^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[-+]\d{2}:\d{2})?)?$/.test(s))
    return true
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)
}

const FIRST_INDICATORS = new Set([
  '#',
  ',',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
])

function isBlank(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n'
}

function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    (c >= 0x10000 && c <= 0x10ffff)
  )
}

/** libyaml `yaml_emitter_analyze_scalar`, reduced to what decides between plain, single and double quotes. */
function analyze(s: string): { plain: boolean; single: boolean } {
  const chars = [...s]
  if (s.startsWith('---') || s.startsWith('...')) return { plain: false, single: true }
  let blockIndicators = false
  let special = false
  chars.forEach((ch, i) => {
    const next = chars[i + 1]
    if (i === 0) {
      if (FIRST_INDICATORS.has(ch)) blockIndicators = true
      if ((ch === '?' || ch === ':' || ch === '-') && isBlank(next)) blockIndicators = true
    } else {
      if (ch === ':' && isBlank(next)) blockIndicators = true
      if (ch === '#' && (chars[i - 1] === ' ' || chars[i - 1] === '\t')) blockIndicators = true
    }
    if (!isPrintable(ch) || ch === '\t') special = true
  })
  const edgeSpace = chars[0] === ' ' || chars[chars.length - 1] === ' '
  return { plain: !blockIndicators && !special && !edgeSpace, single: !special }
}

/** Writes scalar text, folding at spaces once the line is past BEST_WIDTH (libyaml write_plain/single_quoted). */
function folded(text: string, startColumn: number, indent: number, quoted: boolean): string {
  const chars = [...text]
  let out = ''
  let column = startColumn
  let spaces = false
  chars.forEach((ch, i) => {
    if (ch === ' ') {
      const inside = !quoted || (i !== 0 && i !== chars.length - 1)
      if (!spaces && column > BEST_WIDTH && inside && chars[i + 1] !== ' ') {
        out += '\n' + ' '.repeat(indent)
        column = indent
      } else {
        out += ch
        column++
      }
      spaces = true
    } else {
      out += ch
      column++
      spaces = false
    }
  })
  return out
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
} // prettier-ignore

function doubleQuoted(s: string, startColumn: number, indent: number): string {
  const chars = [...s]
  let out = '"'
  let column = startColumn + 1
  let spaces = false
  chars.forEach((ch, i) => {
    const c = ch.codePointAt(0)!
    if (!isPrintable(ch) || ch === '\ufeff' || ESCAPES[ch] !== undefined || ch === '\n') {
      const e = ESCAPES[ch]
      const text = e
        ? '\\' + e
        : c <= 0xff
          ? '\\x' + c.toString(16).toUpperCase().padStart(2, '0')
          : '\\u' + c.toString(16).toUpperCase().padStart(4, '0')
      out += text
      column += text.length
      spaces = false
    } else if (ch === ' ') {
      if (!spaces && column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        out += '\n' + ' '.repeat(indent)
        column = indent
        if (chars[i + 1] === ' ') {
          out += '\\'
          column++
        }
      } else {
        out += ch
        column++
      }
      spaces = true
    } else {
      out += ch
      column++
      spaces = false
    }
  })
  return out + '"'
}

function literal(s: string, indent: number): string {
  const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') || s === '\n' ? '+' : '') : '-'
  const indicator = s.startsWith(' ') || s.startsWith('\n') ? '2' : ''
  const body = chomp === '' ? s.slice(0, -1) : chomp === '+' ? s.slice(0, -1) : s
  const lines = body.split('\n').map((l) => (l === '' ? '' : ' '.repeat(indent) + l))
  return `|${indicator}${chomp}\n` + lines.join('\n')
}

/** A scalar as go-yaml writes it, starting at startColumn; continuation lines are indented by indent. */
function scalar(v: unknown, startColumn: number, indent: number): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan'
    if (!Number.isFinite(v)) return v > 0 ? '+.inf' : '-.inf'
    return String(v)
  }
  const s = String(v)
  if (resolvesToNonString(s)) return doubleQuoted(s, startColumn, indent)
  if (s.includes('\n')) {
    if ([...s].every((ch) => isPrintable(ch)) && !/ \n|\n /.test(s.replace(/^ +/, '')))
      return literal(s, indent)
    return doubleQuoted(s, startColumn, indent)
  }
  const a = analyze(s)
  if (a.plain) return folded(s, startColumn, indent, false)
  if (a.single) return "'" + folded(s.replace(/'/g, "''"), startColumn + 1, indent, true) + "'"
  return doubleQuoted(s, startColumn, indent)
}

function isCollection(v: unknown): v is object {
  return typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0)
}

function emptyCollection(v: unknown): string | null {
  if (Array.isArray(v) && v.length === 0) return '[]'
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0) return '{}'
  return null
}

/** Emits a node whose first line continues after `prefix` (already written at column `column`). */
function node(v: unknown, indent: number, column: number, inSeq: boolean): string {
  const empty = emptyCollection(v)
  if (empty) return empty
  if (Array.isArray(v)) {
    return v
      .map((item, i) => {
        const lead = i === 0 && inSeq ? '' : ' '.repeat(indent)
        const itemColumn = (i === 0 && inSeq ? column : indent) + 2
        return lead + '- ' + node(item, indent + 2, itemColumn, true)
      })
      .join('\n')
  }
  if (isCollection(v)) {
    const obj = v as Record<string, unknown>
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0))
    return keys
      .map((k, i) => {
        const lead = i === 0 && inSeq ? '' : ' '.repeat(indent)
        const keyColumn = i === 0 && inSeq ? column : indent
        const key = scalar(k, keyColumn, indent + 2)
        const val = obj[k]
        if (isCollection(val)) {
          // Sequences sit at the key's indentation; mappings two deeper.
          const childIndent = Array.isArray(val) ? indent : indent + 2
          return `${lead}${key}:\n` + node(val, childIndent, childIndent, false)
        }
        const after = keyColumn + [...key].length + 2
        return `${lead}${key}: ${emptyCollection(val) ?? scalar(val, after, indent + 2)}`
      })
      .join('\n')
  }
  // A sequence item's continuation lines sit under the item (libyaml increase_indent), a root scalar's at 2.
  return scalar(v, column, inSeq ? indent : indent + 2)
}

/**
 * Marshals plain data as kubectl `-o yaml` does (go-yaml v2 via sigs.k8s.io/yaml), ending with a newline.
 * @param v JSON-like data
 */
export function goYaml(v: unknown): string {
  return node(v, 0, 0, false) + '\n'
}
