/**
 * Label selectors as `metav1.LabelSelectorAsSelector` builds them: a missing selector selects nothing,
 * an empty one everything; extra `In` requirements (from `matchLabelKeys`) are ANDed on.
 */
import { selectorMatches } from '../api/selectors'

export interface Selector {
  /** `labels.Everything()`: no requirement at all (PodTopologySpread counts nothing for it). */
  readonly empty: boolean
  matches(labels: Readonly<Record<string, string>>): boolean
  /** A canonical text of the selector: equal keys select the same pods (used to memoise counts). */
  readonly key?: string
}

export interface Requirement {
  readonly key: string
  readonly values: readonly string[]
}

export function compileSelector(selector: unknown, extra: readonly Requirement[] = []): Selector {
  if (typeof selector !== 'object' || selector === null || Array.isArray(selector))
    return { empty: false, matches: () => false }
  const s = selector as { matchLabels?: unknown; matchExpressions?: unknown }
  const hasLabels =
    typeof s.matchLabels === 'object' && s.matchLabels !== null && Object.keys(s.matchLabels).length > 0
  const hasExprs = Array.isArray(s.matchExpressions) && s.matchExpressions.length > 0
  return {
    empty: !hasLabels && !hasExprs && extra.length === 0,
    key: JSON.stringify([s.matchLabels ?? null, s.matchExpressions ?? null, extra]),
    matches: (labels) =>
      selectorMatches(selector, labels) &&
      extra.every((r) => Object.hasOwn(labels, r.key) && r.values.includes(labels[r.key]!)),
  }
}
