/**
 * JSON exactly as kubectl's `-o json` prints it: Go `json.MarshalIndent(obj, "", "    ")` of an unstructured
 * object (map keys sorted, four-space indent, `<`, `>`, `&`, U+2028 and U+2029 escaped), plus a final newline.
 */

function quote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += '\\u' + c.toString(16).padStart(4, '0')
    else out += ch
  }
  return out + '"'
}

function encode(v: unknown, indent: string): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return quote(v)
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  const inner = indent + '    '
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return '[\n' + v.map((x) => inner + encode(x, inner)).join(',\n') + '\n' + indent + ']'
  }
  const obj = v as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (keys.length === 0) return '{}'
  return (
    '{\n' + keys.map((k) => `${inner}${quote(k)}: ${encode(obj[k], inner)}`).join(',\n') + '\n' + indent + '}'
  )
}

/**
 * Go `json.MarshalIndent(v, "", "    ")` plus the newline kubectl's JSON printer appends.
 * @param v plain JSON-like data (objects, arrays, strings, numbers, booleans, null)
 */
export function goJson(v: unknown): string {
  return encode(v, '') + '\n'
}
