/**
 * Label helpers as kubectl uses them: `labels.FormatLabels` (the LABELS column of `--show-labels`) and label
 * selectors (`-l`), parsed and matched like apimachinery `pkg/labels` (equality- and set-based requirements).
 */

/** `labels.FormatLabels`: `k=v` pairs sorted by key, comma-joined, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${labels![k]}`).join(',')
}

/** One requirement of a label selector. */
export interface Requirement {
  key: string
  op: 'in' | 'notin' | 'exists' | '!'
  values: string[]
}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_./]*[a-z0-9A-Z])?)$/
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

/** Splits at commas that are not inside parentheses. */
function splitTop(s: string): string[] {
  const parts: string[] = []
  let depth = 0
  let cur = ''
  for (const ch of s) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      parts.push(cur)
      cur = ''
    } else cur += ch
  }
  parts.push(cur)
  return parts
}

/**
 * Parses a label selector string (`app=web,tier!=db`, `env in (a,b)`, `env notin (c)`, `key`, `!key`).
 * @returns the requirements, or null if the string is not a valid selector
 */
export function parseSelector(s: string): Requirement[] | null {
  if (s.trim() === '') return []
  const reqs: Requirement[] = []
  for (const raw of splitTop(s)) {
    const part = raw.trim()
    let m: RegExpExecArray | null
    if ((m = /^(\S+?)\s*(==|!=|=)\s*(\S*)$/.exec(part)) && !m[1]!.includes('!')) {
      const [, key, op, value] = m as unknown as [string, string, string, string]
      if (!KEY.test(key) || !VALUE.test(value)) return null
      reqs.push({ key, op: op === '!=' ? 'notin' : 'in', values: [value] })
    } else if ((m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part))) {
      const [, key, op, list] = m as unknown as [string, string, 'in' | 'notin', string]
      const values = list.split(',').map((v) => v.trim())
      if (!KEY.test(key) || values.some((v) => !VALUE.test(v))) return null
      reqs.push({ key, op, values })
    } else if ((m = /^!\s*(\S+)$/.exec(part))) {
      if (!KEY.test(m[1]!)) return null
      reqs.push({ key: m[1]!, op: '!', values: [] })
    } else if (KEY.test(part)) {
      reqs.push({ key: part, op: 'exists', values: [] })
    } else return null
  }
  return reqs
}

/** Whether labels satisfy every requirement (`labels.Selector.Matches`). */
export function matchesSelector(
  reqs: readonly Requirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {}
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key)
    switch (r.op) {
      case 'in':
        return has && r.values.includes(l[r.key]!)
      case 'notin':
        return !has || !r.values.includes(l[r.key]!)
      case 'exists':
        return has
      case '!':
        return !has
    }
  })
}
