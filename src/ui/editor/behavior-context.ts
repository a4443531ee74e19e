/**
 * Where the cursor is inside a `kubeplay.dev/behavior: |` block, read from the lines of the text alone
 * (the block is a string to the YAML language service, so it cannot help): which keys enclose it and
 * what may be written there. Pure functions over lines, so they are tested without Monaco.
 */
import { CONTAINER_KEYS, PROBE_KINDS, RUN_KEYS } from '../../engine/container/behavior-keys'
import { CONTAINER_KEY_DOCS, EXIT_KEY_DOCS, FAIL_KEY_DOC, PROBE_KEY_DOCS, type KeyDoc } from './behavior-docs'

const HEADER = /^(\s*)(["']?)kubeplay\.dev\/behavior\2\s*:\s*[|>][-+0-9]*\s*(#.*)?$/
const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z0-9_.-]+)\s*:(\s|$)/

const indentOf = (line: string): number => line.length - line.trimStart().length
const isBlank = (line: string): boolean => line.trim() === '' || line.trim().startsWith('#')

export interface BehaviorContext {
  /** The keys that enclose the position, outermost first: `[]` is the level of container names. */
  readonly path: readonly string[]
  /** The containers (init containers included) of the object the annotation belongs to. */
  readonly containers: readonly string[]
  /** The keys already written at this level, which completion does not offer again. */
  readonly siblings: readonly string[]
}

/** One key that may be written at a place, with what it means. */
export interface KeyOption extends KeyDoc {
  readonly key: string
}

/**
 * The behavior block around `lineIndex` (0-based), with `indent` the column (0-based) of what is being
 * written on that line, or null when the line is not inside such a block.
 */
export function behaviorContext(
  lines: readonly string[],
  lineIndex: number,
  indent: number,
): BehaviorContext | null {
  let header = -1
  let minIndent = indent
  for (let j = lineIndex - 1; j >= 0 && j >= lineIndex - 1000; j--) {
    const line = lines[j]!
    if (line.trim() === '') continue
    if (HEADER.test(line)) {
      header = j
      break
    }
    if (/^---/.test(line)) return null
    minIndent = Math.min(minIndent, indentOf(line))
    if (minIndent === 0) return null
  }
  if (header < 0) return null
  const headerIndent = indentOf(lines[header]!)
  if (minIndent <= headerIndent) return null

  // Keys of the lines above, as a stack by indentation.
  const stack: { indent: number; key: string }[] = []
  const keysAt = new Map<string, string[]>() // path → keys seen directly under it
  for (let j = header + 1; j < lineIndex; j++) {
    const line = lines[j]!
    if (isBlank(line)) continue
    const m = KEY_LINE.exec(line)
    if (!m) continue
    const keyIndent = m[1]!.length + (m[2]?.length ?? 0)
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= keyIndent) stack.pop()
    const parent = stack.map((s) => s.key).join('\u0000')
    keysAt.set(parent, [...(keysAt.get(parent) ?? []), m[3]!])
    // A flow mapping on the line (`exit: {after: 3}`) is complete: nothing nests under it.
    stack.push({ indent: keyIndent, key: m[3]! })
  }
  while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop()
  const path = stack.map((s) => s.key)
  return {
    path,
    containers: containerNames(lines, header),
    siblings: keysAt.get(path.join('\u0000')) ?? [],
  }
}

/** The names of the containers and init containers of the document that holds line `at`. */
export function containerNames(lines: readonly string[], at: number): string[] {
  let start = at
  while (start > 0 && !/^---/.test(lines[start - 1]!)) start--
  let end = at
  while (end < lines.length && !/^---/.test(lines[end]!)) end++
  const names: string[] = []
  for (let i = start; i < end; i++) {
    const m = /^(\s*)(initContainers|containers)\s*:\s*$/.exec(lines[i]!)
    if (!m) continue
    const listIndent = m[1]!.length
    let dash = -1
    for (let k = i + 1; k < end; k++) {
      const line = lines[k]!
      if (isBlank(line)) continue
      const ind = indentOf(line)
      if (ind < listIndent || (ind === listIndent && !line.trimStart().startsWith('-'))) break
      const item = /^(\s*)-\s+(?:name\s*:\s*["']?([^"'\s#]+))?/.exec(line)
      if (item) {
        dash = item[1]!.length
        if (item[2]) names.push(item[2])
        continue
      }
      const named = /^(\s*)name\s*:\s*["']?([^"'\s#]+)/.exec(line)
      if (named && named[1]!.length === dash + 2) names.push(named[2]!)
    }
  }
  return [...new Set(names)]
}

/** The keys that may be written under `path`, with their documentation. */
export function keysFor(path: readonly string[], containers: readonly string[]): KeyOption[] {
  const pick = <K extends string>(docs: Readonly<Record<K, KeyDoc>>, keys: readonly K[]): KeyOption[] =>
    keys.map((key) => ({ key, ...docs[key] }))
  if (path.length === 0)
    return containers.map((key) => ({
      key,
      doc: `How container **${key}** behaves.`,
      value: '\n  ${1|startSeconds,pullSeconds,pull,exit,oomAfter,probes,runs|}: $0',
    }))
  const [, ...rest] = path
  const inRun = rest[0] === 'runs'
  const inner = inRun ? rest.slice(1) : rest
  if (inner.length === 0)
    return inRun ? pick(CONTAINER_KEY_DOCS, RUN_KEYS) : pick(CONTAINER_KEY_DOCS, CONTAINER_KEYS)
  if (inner.length === 1 && inner[0] === 'exit') return pick(EXIT_KEY_DOCS, ['after', 'code'])
  if (inner.length === 1 && inner[0] === 'probes') return pick(PROBE_KEY_DOCS, PROBE_KINDS)
  if (inner.length === 2 && inner[0] === 'probes') return [{ key: 'fail', ...FAIL_KEY_DOC }]
  return []
}

/** The documentation of `key` written under `path`, or null when it is not a behavior key there. */
export function docFor(path: readonly string[], key: string, containers: readonly string[]): string | null {
  if (path.length === 0)
    return containers.includes(key)
      ? `How container **${key}** behaves in kubeplay’s simulation.`
      : `**${key}** is not a container of this object (${containers.length > 0 ? containers.join(', ') : 'none found'}).`
  return keysFor(path, containers).find((o) => o.key === key)?.doc ?? null
}
