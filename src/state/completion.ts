import { RESOURCE_TYPES } from '../engine/kubectl/resource-types'
import type { ObjectRef } from '../worker/protocol'

/** What Tab did to a console line. */
export interface Completion {
  /** The line after completion (unchanged when nothing fits or several do with nothing in common). */
  readonly line: string
  /** Where the caret goes. */
  readonly caret: number
  /** The candidates, when more than one fits (shown under the input, as a shell lists them). */
  readonly options: readonly string[]
}

const VERBS = ['describe', 'get', 'logs']
const OUTPUTS = ['json', 'name', 'wide', 'yaml']
const FLAGS: Record<string, readonly string[]> = {
  get: ['--all-namespaces', '--field-selector', '--namespace', '--no-headers', '--output', '--selector', '--show-labels', '--sort-by', '-A', '-l', '-n', '-o'], // prettier-ignore
  describe: ['--all-namespaces', '--namespace', '--selector', '-A', '-l', '-n'],
  logs: ['--container', '--namespace', '--previous', '-c', '-n', '-p'],
}
/** Flags whose value is the next word. */
const VALUE_FLAGS = new Set(['-o', '--output', '-n', '--namespace', '-l', '--selector', '--field-selector', '--sort-by', '-c', '--container']) // prettier-ignore

/** The kind a resource word names (`po`, `pods`, `deployment.apps`), or null. */
export function kindOfResource(word: string): { kind: string; namespaced: boolean } | null {
  const w = word.toLowerCase()
  const r = RESOURCE_TYPES.find((x) => x.aliases.includes(w))
  return r ? { kind: r.kind, namespaced: r.namespaced } : null
}

/**
 * Tab completion of a kubectl command line at `caret`, against the objects of the cluster at the time
 * cursor: the verb, resource types (their plural names, as `kubectl api-resources` lists them), object
 * names of the type typed before (in the `-n` namespace, `default` without one, any with `-A`), `type/name`,
 * namespaces after `-n`, formats after `-o`, and flags.
 */
export function complete(line: string, caret: number, objects: readonly ObjectRef[]): Completion {
  const before = line.slice(0, caret)
  const after = line.slice(caret)
  const words = before.split(/\s+/).filter((w, i, all) => w !== '' || i === all.length - 1)
  const partial = words.pop() ?? ''
  if (words[0] === 'kubectl') words.shift()
  const verb = words[0]
  const namespace = flagValue(words, ['-n', '--namespace']) ?? 'default'
  const all = words.includes('-A') || words.includes('--all-namespaces')
  const names = (kind: string): string[] => {
    const namespaced = RESOURCE_TYPES.find((r) => r.kind === kind)?.namespaced ?? true
    return objects
      .filter((o) => o.kind === kind && (!namespaced || all || o.namespace === namespace))
      .map((o) => o.name)
  }

  let candidates: string[]
  const previous = words.at(-1)
  if (verb === undefined) candidates = VERBS
  else if (previous === '-o' || previous === '--output') candidates = OUTPUTS
  else if (previous === '-n' || previous === '--namespace')
    candidates = objects.filter((o) => o.kind === 'Namespace').map((o) => o.name)
  else if (previous !== undefined && VALUE_FLAGS.has(previous)) candidates = []
  else if (partial.startsWith('-')) candidates = [...(FLAGS[verb] ?? [])]
  else {
    const positional = positionals(words.slice(1))
    if (verb === 'logs') candidates = positional.length === 0 ? names('Pod') : []
    else if (verb !== 'get' && verb !== 'describe') candidates = []
    else if (positional.length === 0) {
      const slash = partial.indexOf('/')
      if (slash >= 0) {
        const type = kindOfResource(partial.slice(0, slash))
        candidates = type ? names(type.kind).map((n) => `${partial.slice(0, slash)}/${n}`) : []
      } else candidates = RESOURCE_TYPES.map((r) => r.resource)
    } else {
      const type = positional[0]!.includes('/') ? null : kindOfResource(positional[0]!.split(',')[0]!)
      const taken = new Set(positional.slice(1))
      candidates = type ? names(type.kind).filter((n) => !taken.has(n)) : []
    }
  }
  const fits = [...new Set(candidates.filter((c) => c.startsWith(partial)))].sort()
  if (fits.length === 0) return { line, caret, options: [] }
  const head = before.slice(0, before.length - partial.length)
  if (fits.length === 1) {
    const word = `${fits[0]!}${after.startsWith(' ') ? '' : ' '}`
    return { line: head + word + after, caret: head.length + word.length, options: [] }
  }
  const common = commonPrefix(fits)
  return { line: head + common + after, caret: head.length + common.length, options: fits }
}

/** The words that are neither flags nor flag values. */
function positionals(words: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (VALUE_FLAGS.has(w)) i++
    else if (!w.startsWith('-')) out.push(w)
  }
  return out
}

function flagValue(words: readonly string[], flags: readonly string[]): string | undefined {
  for (let i = words.length - 2; i >= 0; i--) if (flags.includes(words[i]!)) return words[i + 1]
  for (const w of words) {
    const eq = flags.find((f) => w.startsWith(`${f}=`))
    if (eq) return w.slice(eq.length + 1)
  }
  return undefined
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0]!
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1)
  return prefix
}
