/**
 * Label selectors as `metav1.LabelSelectorAsSelector` reads them: `matchLabels` and `matchExpressions`
 * (In, NotIn, Exists, DoesNotExist), all ANDed. An empty selector matches everything.
 */
import { isRecord } from './json'

/** True when `selector` (a `metav1.LabelSelector` as JSON) selects `labels`. Malformed parts never match. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isRecord(selector)) return false
  const { matchLabels, matchExpressions } = selector
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) return false
    for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return false
    for (const req of matchExpressions) {
      if (!isRecord(req) || typeof req.key !== 'string') return false
      const values = Array.isArray(req.values) ? req.values : []
      const has = Object.hasOwn(labels, req.key)
      const value = labels[req.key]
      switch (req.operator) {
        case 'In':
          if (!has || !values.includes(value)) return false
          break
        case 'NotIn':
          if (has && values.includes(value)) return false
          break
        case 'Exists':
          if (!has) return false
          break
        case 'DoesNotExist':
          if (has) return false
          break
        default:
          return false
      }
    }
  }
  return true
}

/** True when a Service's `spec.selector` (a plain map) selects `labels`. */
export function mapSelectorMatches(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v)
}

/** Go's `%#v` of a `map[string]string` (keys sorted, as `fmt` prints maps). */
export function goMapString(m: Readonly<Record<string, string>>): string {
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`)
  return `map[string]string{${entries.join(', ')}}`
}
