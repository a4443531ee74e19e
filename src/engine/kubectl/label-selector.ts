import type { LabelSelector } from 'kubernetes-types/meta/v1'

/**
 * `metav1.LabelSelectorAsSelector(s).String()` (apimachinery `pkg/labels`): requirements sorted by key, `k=v` for
 * matchLabels, `k in (a,b)` / `k notin (a,b)` (values sorted), `k`, `!k`, comma-joined; `""` for a nil or empty
 * selector (Nothing / Everything both print as the empty string).
 */
export function labelSelectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return ''
  const reqs: { key: string; text: string }[] = []
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` })
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort()
    const list = values.join(',')
    let text: string
    switch (e.operator) {
      case 'In':
        text = `${e.key} in (${list})`
        break
      case 'NotIn':
        text = `${e.key} notin (${list})`
        break
      case 'Exists':
        text = e.key
        break
      case 'DoesNotExist':
        text = `!${e.key}`
        break
      default:
        text = `${e.key} ${e.operator} (${list})`
    }
    reqs.push({ key: e.key, text })
  }
  // internalSelector.Add sorts by key with sort.Sort (ties keep insertion order here).
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return reqs.map((r) => r.text).join(',')
}

/** `metav1.FormatLabelSelector`: {@link labelSelectorString}, or `<none>` when that is empty. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  return labelSelectorString(sel) || '<none>'
}
