import type { Event, Taint, Toleration } from 'kubernetes-types/core/v1'
import { DESCRIBE_TABWRITER, Tabwriter } from './tabwriter'
import { parseTime, since } from './time'

/**
 * kubectl `describe`'s writer (`pkg/describe/describe.go`): a `PrefixWriter` that indents two spaces per level,
 * over a tabwriter with minwidth 0, tabwidth 8, padding 2 (`tabbedString`), plus the shared section printers.
 */
export class PrefixWriter {
  private readonly tw = new Tabwriter(DESCRIBE_TABWRITER)

  /** `Write(level, format, ...)`: text prefixed by two spaces per level. */
  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text)
  }

  /** `WriteLine(a...)`: the text and a newline, unindented. */
  writeLine(text: string): void {
    this.tw.write(text + '\n')
  }

  /** `Flush()`: ends the current alignment block. */
  flush(): void {
    this.tw.flush()
  }

  /** Flushes and returns everything written. */
  toString(): string {
    this.tw.flush()
    return this.tw.toString()
  }
}

/** `printLabelsMultilineWithIndent`: `title:\tk=v` lines, sorted, or `<none>`. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return w.writeLine('<none>')
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`)
    w.write(0, `${k}=${labels![k]}\n`)
  })
}

const MAX_ANNOTATION_LEN = 140

/** `printAnnotationsMultiline`: sorted `k: v`, long or multi-line values on their own lines, shortened. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort()
  if (keys.length === 0) return w.writeLine('<none>')
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t')
    const value = annotations![k]!.replace(/\n$/, '')
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`)
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s
        w.write(0, `\t  ${short}\n`)
      }
    } else w.write(0, `${k}: ${value}\n`)
  })
}

/** `Taint.ToString()`: `key=value:Effect`, `key:Effect`, `key=value:`. */
export function taintString(t: Taint): string {
  const value = t.value ? `=${t.value}` : ''
  return `${t.key}${value}:${t.effect ?? ''}`
}

/** `printTaintsMultilineWithIndent`: sorted by effect then key. */
export function printTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(0, `${title}:\t`)
  if (!taints?.length) return w.writeLine('<none>')
  const key = (t: Taint) => `${t.effect ?? ''},${t.key}`
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t')
    w.write(0, `${taintString(t)}\n`)
  })
}

/** `printTolerationsMultilineWithIndent`: sorted by key, `key[=value][:effect][ op=Exists][ for Ns]`. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(0, `${title}:\t`)
  if (!tolerations?.length) return w.writeLine('<none>')
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  )
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t')
    let s = t.key ?? ''
    if (t.value) s += `=${t.value}`
    if (t.effect) s += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`
    w.write(0, s + '\n')
  })
}

/** `event.SortableEvents`: by lastTimestamp (the zero time first). */
function sortEvents(events: readonly Event[]): Event[] {
  const key = (e: Event) => parseTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY
  return [...events].sort((a, b) => key(a) - key(b))
}

/**
 * `DescribeEvents`: `Events: <none>`, or the Type Reason Age From Message table, sorted by lastTimestamp, Age
 * `<last> (x<count> over <first>)` for repeated events, and (kubectl ≥ 1.35, kubernetes/kubernetes#133627) the
 * message prefixed with the involved object's fieldPath.
 */
export function describeEvents(events: readonly Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) return w.write(0, 'Events:\t<none>\n')
  w.flush()
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(1, '----\t------\t----\t----\t-------\n')
  for (const e of sortEvents(events)) {
    const first = since(e.eventTime || e.firstTimestamp, now)
    let interval = first
    if (e.series)
      interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`
    const source = e.source?.component || e.reportingComponent || ''
    let message = (e.message ?? '').trim()
    if (e.involvedObject.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`)
  }
}
