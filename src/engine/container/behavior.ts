/**
 * The `kubeplay.dev/behavior` annotation (DESIGN §2.3 point 1): a YAML map, keyed by container name, that
 * scripts what a fake container does — pull time or failure, start time, exits, OOM kills, probe failure
 * windows — with per-run overrides. All times are converted to integer milliseconds of virtual time.
 */
import type { Document, Node as YamlNode } from 'yaml'
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import { BEHAVIOR_ANNOTATION, CONTAINER_KEYS, PROBE_KINDS, RUN_KEYS, type ProbeKind } from './behavior-keys'

export { BEHAVIOR_ANNOTATION, CONTAINER_KEYS, PROBE_KINDS, RUN_KEYS, type ProbeKind } from './behavior-keys'

/** A window, in ms since the run started, during which a probe fails; `toMs: null` = open end. */
export interface FailWindow {
  readonly fromMs: number
  readonly toMs: number | null
}

/** What one run of a container does. Absent fields fall back to the catalog / defaults. */
export interface RunBehavior {
  /** Image pull time (first pull on a node). */
  readonly pullMs?: number
  /** `pull: fail` — the pull fails: ErrImagePull → ImagePullBackOff. */
  readonly pullFails?: boolean
  /** Until the process listens and answers probes. */
  readonly startMs?: number
  /** The process exits on its own, `afterMs` after the run started, with `code`. */
  readonly exit?: { readonly afterMs: number; readonly code: number }
  /** The process is OOMKilled (exit 137) this long after the run started. */
  readonly oomAfterMs?: number
  /** Probe failure windows by probe kind. */
  readonly probes?: Partial<Record<ProbeKind, readonly FailWindow[]>>
}

/** A `runs` entry: like {@link RunBehavior}, where `null` removes a base setting for that run. */
export type RunOverride = {
  readonly [K in Exclude<keyof RunBehavior, 'probes'>]?: RunBehavior[K] | null
} & {
  readonly probes?: Partial<Record<ProbeKind, readonly FailWindow[] | null>> | null
}

/** The behaviour of one container: a base plus per-run overrides (the last entry repeats). */
export interface ContainerBehavior extends RunBehavior {
  readonly runs?: readonly RunOverride[]
}

/** A problem in the annotation; positions are 1-based and relative to the annotation text. */
export interface BehaviorDiagnostic {
  readonly message: string
  readonly line: number
  readonly col: number
  readonly endLine: number
  readonly endCol: number
  readonly severity: 'error' | 'warning'
}

export interface ParsedBehavior {
  readonly behavior: Record<string, ContainerBehavior>
  readonly diagnostics: BehaviorDiagnostic[]
}

const UNITS_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}
const DURATION = /^(?:(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g

/**
 * Reads a behaviour duration: a number of seconds (`30`, `1.5`) or a Go-style duration string (`"30s"`,
 * `"2m"`, `"1h30m"`, `"500ms"`). Returns integer milliseconds (rounded), or an error message.
 */
export function parseSeconds(v: unknown): { ms: number } | { error: string } {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: `${v} is not a duration` }
    if (v < 0) return { error: `must not be negative (got ${v})` }
    return { ms: Math.round(v * 1000) }
  }
  if (typeof v === 'string') {
    const s = v.trim()
    if (s.startsWith('-')) return { error: `must not be negative (got "${v}")` }
    if (/^\+?(\d+(\.\d*)?|\.\d+)$/.test(s))
      return {
        error: `"${v}" has no unit: write ${s.replace(/^\+/, '')} (seconds) or "${s.replace(/^\+/, '')}s"`,
      }
    const body = s.replace(/^\+/, '')
    if (!DURATION.test(body))
      return { error: `"${v}" is not a duration (use seconds, or e.g. "30s", "2m", "1h30m", "500ms")` }
    let ms = 0
    for (const m of body.matchAll(DURATION_PART)) ms += Number(m[1]) * (UNITS_MS[m[2] as string] as number)
    return { ms: Math.round(ms) }
  }
  return { error: `expected a duration (seconds, or a string such as "30s"), got ${describe(v)}` }
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a map'
  if (typeof v === 'string') return `"${v}"`
  return String(v)
}

/** Edit distance, for "did you mean" hints on misspelt keys. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    prev = cur
  }
  return prev[b.length] as number
}

function suggest(key: string, known: readonly string[]): string {
  let best: string | undefined
  let bestD = Infinity
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase())
    if (d < bestD) [best, bestD] = [k, d]
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3))
    ? ` (did you mean "${best}"?)`
    : ''
}

/** Walks the YAML tree and collects diagnostics; one instance per parse. */
class Reader {
  readonly diagnostics: BehaviorDiagnostic[] = []
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  report(node: YamlNode | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    const [start, end] = node?.range ?? [0, 0]
    this.at(start, end, message, severity)
  }

  at(start: number, end: number, message: string, severity: 'error' | 'warning'): void {
    const a = this.lines.linePos(start)
    const b = this.lines.linePos(Math.max(start, end))
    this.diagnostics.push({ message, line: a.line, col: a.col, endLine: b.line, endCol: b.col, severity })
  }

  /** Follows an alias to its node. */
  deref(node: unknown): YamlNode | null {
    if (isAlias(node)) return (node.resolve(this.doc) as YamlNode | undefined) ?? null
    return (node as YamlNode | null) ?? null
  }

  /** The node as a list of [key text, key node, value node]; reports non-maps. Null = unusable. */
  entries(node: YamlNode | null, path: string): [string, YamlNode, YamlNode | null][] | null {
    if (node === null || (isScalar(node) && node.value === null)) return []
    if (!isMap(node)) {
      this.report(node, `${path}: expected a map, got ${describe(scalarValue(node))}`)
      return null
    }
    const out: [string, YamlNode, YamlNode | null][] = []
    for (const pair of node.items) {
      const key = this.deref(pair.key)
      if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
        this.report(key, `${path}: keys must be names`)
        continue
      }
      out.push([String(key.value), key, this.deref(pair.value)])
    }
    return out
  }

  duration(node: YamlNode | null, path: string): number | undefined {
    const r = parseSeconds(scalarValue(node))
    if ('error' in r) {
      this.report(node, `${path}: ${r.error}`)
      return undefined
    }
    return r.ms
  }

  exit(node: YamlNode | null, path: string): RunBehavior['exit'] {
    const entries = this.entries(node, path)
    if (!entries) return undefined
    let afterMs: number | undefined
    let code: number | undefined
    for (const [key, keyNode, value] of entries) {
      if (key === 'after') afterMs = this.duration(value, `${path}.after`)
      else if (key === 'code') {
        const v = scalarValue(value)
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 255)
          this.report(
            value,
            `${path}.code: expected an exit code, an integer from 0 to 255, got ${describe(v)}`,
          )
        else code = v
      } else
        this.report(keyNode, `${path}: unknown key "${key}"${suggest(key, ['after', 'code'])}`, 'warning')
    }
    if (entries.length === 0 || !entries.some(([k]) => k === 'after'))
      this.report(node, `${path}: needs "after" (when the process exits), e.g. {after: 30, code: 1}`)
    else if (!entries.some(([k]) => k === 'code'))
      this.report(node, `${path}: needs "code" (the exit code), e.g. {after: 30, code: 1}`)
    return afterMs !== undefined && code !== undefined ? { afterMs, code } : undefined
  }

  windows(node: YamlNode | null, path: string): FailWindow[] | undefined {
    if (!isSeq(node)) {
      this.report(node, `${path}: expected a list of [from, to] windows, e.g. [[30, 60], [90, null]]`)
      return undefined
    }
    const out: FailWindow[] = []
    node.items.forEach((raw, i) => {
      const item = this.deref(raw)
      const where = `${path}[${i}]`
      if (!isSeq(item) || item.items.length !== 2) {
        this.report(
          item,
          `${where}: a window is a pair [from, to] in seconds (to may be null), e.g. [30, 60]`,
        )
        return
      }
      const fromNode = this.deref(item.items[0])
      const toNode = this.deref(item.items[1])
      const fromMs = this.duration(fromNode, `${where} from`)
      const toValue = scalarValue(toNode)
      const toMs = toValue === null ? null : this.duration(toNode, `${where} to`)
      if (fromMs === undefined || toMs === undefined) return
      if (toMs !== null && fromMs > toMs) {
        this.report(item, `${where}: the window ends (${toMs / 1000}s) before it starts (${fromMs / 1000}s)`)
        return
      }
      out.push({ fromMs, toMs })
    })
    return out
  }

  probes(node: YamlNode | null, path: string, allowNull: boolean): RunOverride['probes'] {
    const entries = this.entries(node, path)
    if (!entries) return undefined
    const out: Partial<Record<ProbeKind, FailWindow[] | null>> = {}
    for (const [key, keyNode, value] of entries) {
      if (!(PROBE_KINDS as readonly string[]).includes(key)) {
        this.report(keyNode, `${path}: unknown probe "${key}"${suggest(key, PROBE_KINDS)}`, 'warning')
        continue
      }
      const kind = key as ProbeKind
      if (allowNull && scalarValue(value) === null) {
        out[kind] = null
        continue
      }
      const fields = this.entries(value, `${path}.${kind}`)
      if (!fields) continue
      for (const [fkey, fkeyNode, fvalue] of fields) {
        if (fkey !== 'fail') {
          this.report(fkeyNode, `${path}.${kind}: unknown key "${fkey}"${suggest(fkey, ['fail'])}`, 'warning')
          continue
        }
        const w = this.windows(fvalue, `${path}.${kind}.fail`)
        if (w) out[kind] = w
      }
    }
    return out
  }

  /** Reads a container's base map (`inRun` false) or one `runs` entry (`inRun` true). */
  run(node: YamlNode | null, path: string, inRun: boolean): Record<string, unknown> | undefined {
    const entries = this.entries(node, path)
    if (!entries) return undefined
    const out: Record<string, unknown> = {}
    const known: readonly string[] = inRun ? RUN_KEYS : CONTAINER_KEYS
    for (const [key, keyNode, value] of entries) {
      const p = `${path}.${key}`
      if (inRun && (key === 'pullSeconds' || key === 'pull')) {
        this.report(
          keyNode,
          `${p}: image pulls are not per run; set "${key}" on the container instead`,
          'warning',
        )
        continue
      }
      if (inRun && key === 'runs') {
        this.report(keyNode, `${p}: "runs" cannot be nested inside a run`)
        continue
      }
      if (!known.includes(key)) {
        this.report(keyNode, `${path}: unknown key "${key}"${suggest(key, known)}`, 'warning')
        continue
      }
      // A null value: "not set" on the base, "remove the base setting" in a run override.
      if (scalarValue(value) === null && key !== 'runs') {
        if (inRun) out[renamed(key)] = null
        continue
      }
      switch (key) {
        case 'pullSeconds':
        case 'startSeconds':
        case 'oomAfter': {
          const ms = this.duration(value, p)
          if (ms !== undefined) out[renamed(key)] = ms
          break
        }
        case 'pull':
          if (scalarValue(value) === 'fail') out.pullFails = true
          else this.report(value, `${p}: the only value is "fail" (got ${describe(scalarValue(value))})`)
          break
        case 'exit': {
          const e = this.exit(value, p)
          if (e) out.exit = e
          break
        }
        case 'probes': {
          const pr = this.probes(value, p, inRun)
          if (pr) out.probes = pr
          break
        }
        case 'runs': {
          if (scalarValue(value) === null) break
          if (!isSeq(value)) {
            this.report(
              value,
              `${p}: expected a list of per-run overrides, e.g. [{exit: {after: 3, code: 1}}, {}]`,
            )
            break
          }
          const runs: Record<string, unknown>[] = []
          value.items.forEach((item, i) => {
            const r = this.run(this.deref(item), `${p}[${i}]`, true)
            runs.push(r ?? {})
          })
          out.runs = runs
          break
        }
      }
    }
    return out
  }
}

function renamed(key: string): string {
  return key === 'pullSeconds'
    ? 'pullMs'
    : key === 'startSeconds'
      ? 'startMs'
      : key === 'oomAfter'
        ? 'oomAfterMs'
        : key
}

function scalarValue(node: YamlNode | null | undefined): unknown {
  if (node === null || node === undefined) return null
  if (isScalar(node)) return node.value
  if (isSeq(node)) return []
  return {}
}

/**
 * Parses the `kubeplay.dev/behavior` annotation text. `containerNames` are the pod's containers (init,
 * sidecar and app); entries for other names are reported and dropped. Never throws: every problem —
 * YAML syntax, unknown keys or containers, wrong types, negative durations, windows that end before they
 * start — becomes a diagnostic positioned inside the annotation text.
 */
export function parseBehavior(annotation: string, containerNames: readonly string[]): ParsedBehavior {
  const behavior: Record<string, ContainerBehavior> = {}
  const lines = new LineCounter()
  let doc: Document
  try {
    doc = parseDocument(typeof annotation === 'string' ? annotation : '', {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
    })
  } catch (e) {
    return {
      behavior,
      diagnostics: [
        {
          message: `cannot read the annotation: ${String(e)}`,
          line: 1,
          col: 1,
          endLine: 1,
          endCol: 1,
          severity: 'error',
        },
      ],
    }
  }
  const reader = new Reader(doc, lines)
  for (const err of doc.errors) reader.at(err.pos[0], err.pos[1], `YAML: ${err.message}`, 'error')
  for (const w of doc.warnings) reader.at(w.pos[0], w.pos[1], `YAML: ${w.message}`, 'warning')
  if (doc.errors.length > 0) return { behavior, diagnostics: reader.diagnostics }

  const root = reader.deref(doc.contents)
  const entries = reader.entries(root, BEHAVIOR_ANNOTATION)
  for (const [name, keyNode, value] of entries ?? []) {
    const body = reader.run(value, name, false)
    if (!containerNames.includes(name)) {
      const known = containerNames.length ? `containers: ${containerNames.join(', ')}` : 'no containers'
      reader.report(
        keyNode,
        `no container named "${name}" in this pod (${known})${suggest(name, containerNames)}`,
        'warning',
      )
      continue
    }
    if (body) behavior[name] = body as ContainerBehavior
  }
  return { behavior, diagnostics: reader.diagnostics }
}

/**
 * The behaviour of run `runIndex` (0 = the first start, 1 = the first restart, …): the `runs` entry for
 * that run — the last entry when there are fewer — merged over the base, key by key; probe windows merge
 * per probe kind. A `null` in the override removes the base setting for that run.
 */
export function behaviorForRun(b: ContainerBehavior, runIndex: number): RunBehavior {
  const { runs, ...base } = b
  const merged: Record<string, unknown> = { ...base }
  if (!runs || runs.length === 0) return merged as RunBehavior
  const override = runs[Math.min(Math.max(0, Math.trunc(runIndex) || 0), runs.length - 1)] ?? {}
  for (const [key, v] of Object.entries(override)) {
    if (key === 'probes') continue
    if (v === null || v === undefined) delete merged[key]
    else merged[key] = v
  }
  if ('probes' in override) {
    const probes: Record<string, unknown> = override.probes === null ? {} : { ...base.probes }
    for (const [kind, w] of Object.entries(override.probes ?? {})) {
      if (w === null) delete probes[kind]
      else probes[kind] = w
    }
    if (Object.keys(probes).length > 0) merged.probes = probes
    else delete merged.probes
  }
  return merged as RunBehavior
}
