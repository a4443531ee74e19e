import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Node as YamlNode } from 'yaml'
import type { Diagnostic, Severity, SourceRange } from '../model/diagnostic'
import { WHOLE_TEXT } from '../model/diagnostic'
import { kindInfo } from '../model/kinds'
import type { LoadedObject, ObjectMeta } from '../model/object'
import { objectKey } from '../model/object'

/** Scenario texts above this size are refused with a diagnostic rather than parsed. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024

export interface LoadResult {
  readonly objects: LoadedObject[]
  readonly diagnostics: Diagnostic[]
  /**
   * Where a field of a loaded object is written, e.g. `locate(pod, ['spec', 'containers', 0, 'image'])`.
   * Falls back to the nearest enclosing field that exists, then to the object itself.
   */
  locate(object: LoadedObject, path: readonly (string | number)[]): SourceRange
}

/**
 * Reads a scenario text: `---`-separated YAML documents, each one Kubernetes object or a `kind: List`
 * whose `items` are objects. Never throws on user input; every problem comes back as a diagnostic with a
 * line and column. Empty documents are skipped. Namespaced kinds without a namespace get `default`, as
 * `kubectl apply` would give them.
 *
 * @example
 * const { objects } = loadManifests('kind: Pod\napiVersion: v1\nmetadata: {name: web}\n')
 * objects[0].metadata // { name: 'web', namespace: 'default' }
 */
export function loadManifests(text: string): LoadResult {
  const diagnostics: Diagnostic[] = []
  const objects: LoadedObject[] = []
  if (utf8Length(text) > MAX_TEXT_BYTES) {
    diagnostics.push({
      ...WHOLE_TEXT,
      severity: 'error',
      code: 'too-large',
      message: `the scenario is ${formatMiB(utf8Length(text))}; kubeplay reads at most ${formatMiB(MAX_TEXT_BYTES)}`,
    })
    return { objects, diagnostics, locate: (o) => o.range }
  }

  const lines = new LineCounter()
  const pos = (offset: number): { line: number; col: number } => lines.linePos(Math.min(offset, text.length))
  const rangeOf = (start: number, end: number): SourceRange => {
    const a = pos(start)
    const b = pos(end)
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col }
  }
  const nodeRange = (node: YamlNode | null | undefined, fallback: SourceRange): SourceRange =>
    node?.range ? rangeOf(node.range[0], node.range[1]) : fallback
  const report = (severity: Severity, code: string, message: string, range: SourceRange): void => {
    diagnostics.push({ ...range, severity, code, message })
  }

  const textEnd = Math.max(1, text.trimEnd().length)
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const seen = new Map<string, number>()
  const warnedKinds = new Set<string>()
  const astOf = new WeakMap<LoadedObject, YamlNode>()

  docs.forEach((doc, docIndex) => {
    const docRange = rangeOf(doc.range[0], doc.range[1])
    for (const problem of [...doc.errors, ...doc.warnings]) {
      // An error at the very end of the text (an unclosed bracket or quote) would underline nothing:
      // point it at the last character written instead.
      const [start, end] = problem.pos[0] >= textEnd ? [textEnd - 1, textEnd] : problem.pos
      report(
        problem.name === 'YAMLWarning' ? 'warning' : 'error',
        'yaml-syntax',
        firstLine(problem.message),
        rangeOf(start, Math.max(end, start)),
      )
    }
    if (doc.errors.length > 0) return

    const root = doc.contents
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return // empty
    if (!isMap(root)) {
      const what = isSeq(root) ? 'a list' : 'a plain value'
      report(
        'error',
        'not-an-object',
        `expected a Kubernetes object (a mapping), found ${what}`,
        nodeRange(root, docRange),
      )
      return
    }
    let value: unknown
    try {
      value = doc.toJS({ maxAliasCount: 100 })
    } catch {
      // The only throw left once parsing succeeded: aliases that expand without bound (billion laughs).
      let first: YamlNode | undefined
      visit(doc, {
        Alias(_, node) {
          first = node
          return visit.BREAK
        },
      })
      report(
        'error',
        'yaml-aliases',
        'yaml: document contains excessive aliasing (aliases that expand without bound are refused)',
        nodeRange(first, docRange),
      )
      return
    }
    if (!isRecord(value)) return

    if (typeof value.kind === 'string' && value.kind.endsWith('List')) {
      const itemsNode = root.get('items', true)
      const items = value.items
      if (!Array.isArray(items)) {
        report(
          'error',
          'list-items',
          '`kind: List` needs an `items` list',
          nodeRange(itemsNode ?? root, docRange),
        )
        return
      }
      items.forEach((item, i) => {
        const itemNode = isSeq(itemsNode) ? (itemsNode.items[i] as YamlNode | undefined) : undefined
        accept(item, nodeRange(itemNode, docRange), docIndex, itemNode)
      })
      return
    }
    accept(value, nodeRange(root, docRange), docIndex, root)
  })

  return { objects, diagnostics, locate }

  function locate(object: LoadedObject, path: readonly (string | number)[]): SourceRange {
    let node: unknown = astOf.get(object)
    let found: SourceRange = object.range
    for (const key of path) {
      if (!isMap(node) && !isSeq(node)) break
      const child: unknown = node.get(key, true)
      if (child === undefined || child === null) break
      node = child
      found = nodeRange(child as YamlNode, found)
    }
    return found
  }

  function accept(value: unknown, range: SourceRange, doc: number, node: YamlNode | undefined): void {
    const at = (key: string): SourceRange => {
      const child = isMap(node) ? (node.get(key, true) as YamlNode | undefined) : undefined
      return nodeRange(child, headOf(range))
    }
    if (!isRecord(value)) {
      report('error', 'not-an-object', 'expected a Kubernetes object (a mapping)', range)
      return
    }
    const { kind, apiVersion, metadata } = value
    if (typeof kind !== 'string' || kind === '') {
      report(
        'error',
        'missing-kind',
        'the object has no `kind`',
        kind === undefined ? headOf(range) : at('kind'),
      )
      return
    }
    if (typeof apiVersion !== 'string' || apiVersion === '') {
      report(
        'error',
        'missing-apiVersion',
        `${kind}: the object has no \`apiVersion\``,
        apiVersion === undefined ? headOf(range) : at('apiVersion'),
      )
      return
    }
    if (!isRecord(metadata)) {
      report('error', 'missing-metadata', `${kind}: the object has no \`metadata\``, headOf(range))
      return
    }
    const name = metadata.name
    const generateName = metadata.generateName
    if (typeof name !== 'string' || name === '') {
      if (typeof generateName !== 'string' || generateName === '') {
        report('error', 'missing-name', `${kind}: \`metadata.name\` is required`, at('metadata'))
        return
      }
    }
    const info = kindInfo(kind)
    const meta: ObjectMeta = { ...metadata, name: typeof name === 'string' ? name : '' }
    if (info.namespaced && (typeof meta.namespace !== 'string' || meta.namespace === ''))
      meta.namespace = 'default'
    if (!info.namespaced) delete meta.namespace

    if (!info.simulated && !warnedKinds.has(kind)) {
      warnedKinds.add(kind)
      report(
        'warning',
        'not-simulated',
        `kind ${kind} is kept and shown, but kubeplay does not simulate it`,
        at('kind'),
      )
    }
    const object: LoadedObject = { apiVersion, kind, metadata: meta, body: value, range, doc }
    if (node) astOf.set(object, node)
    if (meta.name !== '') {
      const key = objectKey(object)
      const earlier = seen.get(key)
      if (earlier !== undefined) {
        report(
          'warning',
          'duplicate-object',
          `${kind} "${meta.name}" is defined again; this later definition replaces the earlier one`,
          range,
        )
        objects.splice(earlier, 1, object)
        return
      }
      seen.set(key, objects.length)
    }
    objects.push(object)
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function headOf(r: SourceRange): SourceRange {
  return { line: r.line, col: r.col, endLine: r.line, endCol: r.col }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

function utf8Length(text: string): number {
  // Cheap upper-bound-free count without TextEncoder allocations for the common ASCII case.
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}
