import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Node as YamlNode,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml'
import { parseDuration } from '../engine'
import type { UserAction } from './action-kinds'

export { actionTarget, SCALABLE, type UserAction } from './action-kinds'

/** `at` as the engine parses it (a Go duration): whole seconds, `83s`. */
export function formatAt(timeS: number): string {
  return `${Math.max(0, Math.floor(timeS))}s`
}

/** The timeline entry of an action, keys in the order the Scenario document's examples write them. */
export function timelineEntry(atS: number, a: UserAction): Record<string, unknown> {
  const entry: Record<string, unknown> = { at: formatAt(atS), action: a.action, target: a.target }
  if (a.action === 'kill-container') {
    entry.container = a.container
    entry.exitCode = a.exitCode
  }
  if (a.action === 'scale') entry.replicas = a.replicas
  return entry
}

export interface ActionEdit {
  /** The whole scenario text with the action in its Scenario document's `spec.timeline`. */
  readonly text: string
  /** The 1-based line where the new entry starts, to show it in the editor. */
  readonly line: number
}

/** Thrown when the scenario text cannot take the action (its Scenario document does not parse). */
export class ActionEditError extends Error {}

/**
 * Adds the action at `atS` seconds to the `spec.timeline` of the text's `kind: Scenario` document,
 * kept in time order (after entries at the same time), creating the timeline, its `spec`, or the whole
 * document (at the end of the text) when missing. The rest of the text is left byte for byte: the new
 * entry is written as text where the parsed Document's ranges place it, in the style of its neighbours
 * (flow `{ … }` or block). A timeline or spec written in flow style is edited through the Document
 * and that one document re-printed.
 */
export function addAction(text: string, atS: number, action: UserAction): ActionEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const entry = timelineEntry(atS, action)
  const docs = parseAllDocuments(text) as Document.Parsed[]
  const index = docs.findIndex((d) => isMap(d.contents) && scalarValue(d.contents.get('kind', true)) === 'Scenario') // prettier-ignore
  if (index < 0) return appendScenario(text, entry, eol)
  const doc = docs[index]!
  if (doc.errors.length > 0)
    throw new ActionEditError(`the Scenario document has an error: ${doc.errors[0]!.message}`)
  const root = doc.contents as YAMLMap
  const spec = root.get('spec', true) as YamlNode | undefined
  if (spec === undefined || (isScalar(spec) && spec.value === null)) {
    if (spec !== undefined) return reprint(text, docs, index, entry)
    // No spec: add one after the document's last key, at the indentation of its keys.
    const indent = columnOf(text, rangeOf(root.items[0]!.key)[0])
    const block = [`spec:`, `  timeline:`, ...entryLines(entry, true, '    ')].map((l) => indent + l)
    return insertLines(text, lineAfter(text, rangeOf(root)[1]), block, eol)
  }
  if (!isMap(spec)) throw new ActionEditError('the Scenario document’s spec is not a mapping')
  if (spec.flow) return reprint(text, docs, index, entry)
  const timeline = spec.get('timeline', true) as YamlNode | undefined
  if (timeline === undefined || (isScalar(timeline) && timeline.value === null)) {
    if (timeline !== undefined) return reprint(text, docs, index, entry)
    const indent = columnOf(text, rangeOf(spec.items[0]!.key)[0])
    const block = [`timeline:`, ...entryLines(entry, true, '  ')].map((l) => indent + l)
    return insertLines(text, lineAfter(text, rangeOf(spec)[1]), block, eol)
  }
  if (!isSeq(timeline)) throw new ActionEditError('the Scenario document’s spec.timeline is not a list')
  if (timeline.flow || timeline.items.length === 0) return reprint(text, docs, index, entry)
  return insertIntoSeq(text, timeline, entry, atS, eol) ?? reprint(text, docs, index, entry)
}

/** A new entry into a block sequence, after the last entry at or before its time. */
function insertIntoSeq(
  text: string,
  seq: YAMLSeq,
  entry: Record<string, unknown>,
  atS: number,
  eol: string,
): ActionEdit | null {
  const items = seq.items as YamlNode[]
  const atMs = Math.floor(atS) * 1000
  let after = -1
  items.forEach((item, i) => {
    const at = isMap(item) ? parseDuration(item.toJSON().at) : null
    if (at !== null && at <= atMs) after = i
  })
  const model = items[Math.max(0, after)]!
  const start = rangeOf(model)[0]
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const prefix = text.slice(lineStart, start)
  // `    - {…}` or `    - at: …`: the dash on the item's own line; anything else is left to reprint.
  const m = /^(\s*)-\s+$/.exec(prefix)
  if (!m) return null
  const flow = !isMap(model) || model.flow === true
  const lines = entryLines(entry, flow, m[1]!)
  const at = after < 0 ? lineStart : lineAfter(text, rangeOf(items[after]!)[1])
  return insertLines(text, at, lines, eol)
}

/** The entry as list-item lines at `indent`: `- { at: 83s, … }` or a block mapping under `- `. */
function entryLines(entry: Record<string, unknown>, flow: boolean, indent: string): string[] {
  const doc = new Document(entry)
  if (flow && isMap(doc.contents)) doc.contents.flow = true
  const body = doc.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n')
  return body.map((l, i) => (i === 0 ? `${indent}- ${l}` : `${indent}  ${l}`))
}

/** A new Scenario document at the end of the text, after a `---` when something comes before it. */
function appendScenario(text: string, entry: Record<string, unknown>, eol: string): ActionEdit {
  const scenario = {
    apiVersion: 'kubeplay.dev/v1alpha1',
    kind: 'Scenario',
    metadata: { name: 'scenario' },
    spec: { timeline: [entry] },
  }
  const doc = new Document(scenario)
  const seq = doc.getIn(['spec', 'timeline'], true)
  if (isSeq(seq) && isMap(seq.items[0])) seq.items[0].flow = true
  const body = doc.toString({ lineWidth: 0 }).replace(/\n/g, eol)
  let head = text
  if (head !== '' && !head.endsWith('\n')) head += eol
  const lastLine =
    head
      .replace(/(\r?\n)+$/, '')
      .split(/\r?\n/)
      .at(-1)
      ?.trim() ?? ''
  const hasContent = head.trim() !== ''
  if (hasContent && lastLine !== '---') head += `---${eol}`
  const before = head.split('\n').length - 1
  const entryLine = body.split('\n').findIndex((l) => l.trimStart().startsWith('- '))
  return { text: head + body, line: before + entryLine + 1 }
}

/** Edits the Scenario document through the Document API and re-prints that one document. */
function reprint(
  text: string,
  docs: readonly Document.Parsed[],
  index: number,
  entry: Record<string, unknown>,
): ActionEdit {
  const doc = docs[index]!
  const root = doc.contents as YAMLMap
  const spec: unknown = root.get('spec', true)
  const specMap: YAMLMap = isMap(spec) ? spec : doc.createNode({})
  if (specMap !== spec) root.set('spec', specMap)
  // A block list cannot live inside a flow mapping: the spec turns block as well.
  specMap.flow = false
  const timeline: unknown = specMap.get('timeline', true)
  const seq: YAMLSeq = isSeq(timeline) ? timeline : doc.createNode([])
  if (seq !== timeline) specMap.set('timeline', seq)
  const atMs = parseDuration(entry.at) ?? 0
  const node = doc.createNode(entry, { flow: true })
  let at = seq.items.length
  while (at > 0) {
    const prev = seq.items[at - 1]
    const prevAt = isMap(prev) ? parseDuration(prev.toJSON().at) : null
    if (prevAt === null || prevAt <= atMs) break
    at--
  }
  seq.items.splice(at, 0, node)
  if (seq.flow) seq.flow = false
  const start = index === 0 ? 0 : doc.range[0]
  const printed = doc.toString({ lineWidth: 0 })
  const out = text.slice(0, start) + printed + text.slice(doc.range[2])
  const lineOfDoc = text.slice(0, start).split('\n').length
  const printedLines = printed.split('\n')
  const wanted = entryLines(entry, true, '')[0]
  const found = printedLines.findIndex((l) => l.trim() === wanted)
  return { text: out, line: lineOfDoc + Math.max(0, found) }
}

function insertLines(text: string, offset: number, lines: readonly string[], eol: string): ActionEdit {
  let head = text.slice(0, offset)
  if (head !== '' && !head.endsWith('\n')) head += eol
  const line = head.split('\n').length
  return { text: head + lines.join(eol) + eol + text.slice(offset), line }
}

/** The offset of the start of the line after the one holding `offset` (the end of the text if none). */
function lineAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', Math.max(0, offset - 1))
  return nl < 0 ? text.length : nl + 1
}

function columnOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  return ' '.repeat(offset - lineStart)
}

function rangeOf(node: unknown): [number, number, number] {
  const r = (node as { range?: [number, number, number] | null }).range
  if (!r) throw new ActionEditError('the Scenario document could not be located in the text')
  return r
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined
}
