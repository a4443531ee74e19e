import { kubectlLogs, type LogSource } from './logs'
import type { Event, Namespace, Node, Pod } from 'kubernetes-types/core/v1'
import { describeNode } from './describe-node'
import { describePod } from './describe-pod'
import { getTable, type TableResource } from './get-table'
import { goJson } from './go-json'
import { goYaml } from './go-yaml'
import { matchesSelector, parseSelector, type Requirement } from './labels'

/** The objects a `kubectl` view is computed from. */
export interface ClusterObjects {
  pods: Pod[]
  nodes: Node[]
  events: Event[]
  namespaces: Namespace[]
  /** What containers printed, for `kubectl logs`. */
  logs?: LogSource
}

/** What a kubectl run printed and how it exited. */
export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
}

type AnyObject = Pod | Node | Event | Namespace

interface ResourceInfo {
  resource: TableResource
  kind: string
  /** The singular used by `-o name` (`pod/web-0`). */
  singular: string
  namespaced: boolean
  list: (c: ClusterObjects) => AnyObject[]
}

const RESOURCES: ResourceInfo[] = [
  { resource: 'pods', kind: 'Pod', singular: 'pod', namespaced: true, list: (c) => c.pods },
  { resource: 'nodes', kind: 'Node', singular: 'node', namespaced: false, list: (c) => c.nodes },
  { resource: 'events', kind: 'Event', singular: 'event', namespaced: true, list: (c) => c.events },
  {
    resource: 'namespaces',
    kind: 'Namespace',
    singular: 'namespace',
    namespaced: false,
    list: (c) => c.namespaces,
  },
]

const ALIASES: Record<string, TableResource> = {
  pods: 'pods', pod: 'pods', po: 'pods',
  nodes: 'nodes', node: 'nodes', no: 'nodes',
  events: 'events', event: 'events', ev: 'events',
  namespaces: 'namespaces', namespace: 'namespaces', ns: 'namespaces',
} // prettier-ignore

const OUTPUT_FORMATS = ['wide', 'json', 'yaml', 'name']
const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

class UsageError extends Error {}
class NotFoundType extends Error {}

interface Parsed {
  verb: string
  positional: string[]
  output: string
  namespace: string
  allNamespaces: boolean
  selector: string
  showLabels: boolean
  noHeaders: boolean
}

const VALUE_FLAGS: Record<string, keyof Parsed> = {
  '-o': 'output',
  '--output': 'output',
  '-n': 'namespace',
  '--namespace': 'namespace',
  '-l': 'selector',
  '--selector': 'selector',
}

function parseArgs(args: readonly string[]): Parsed {
  const p: Parsed = {
    verb: '',
    positional: [],
    output: '',
    namespace: 'default',
    allNamespaces: false,
    selector: '',
    showLabels: false,
    noHeaders: false,
  }
  const set = (key: keyof Parsed, value: string) => ((p as unknown as Record<string, unknown>)[key] = value)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-A' || a === '--all-namespaces' || a === '--all-namespaces=true') p.allNamespaces = true
    else if (a === '--show-labels' || a === '--show-labels=true') p.showLabels = true
    else if (a === '--no-headers' || a === '--no-headers=true') p.noHeaders = true
    else if (a in VALUE_FLAGS) {
      const v = args[++i]
      if (v === undefined) throw new UsageError(`error: flag needs an argument: ${a.startsWith('--') ? a : `'${a.slice(1)}' in ${a}`}`) // prettier-ignore
      set(VALUE_FLAGS[a]!, v)
    } else if (/^--[a-z-]+=/.test(a) && a.slice(0, a.indexOf('=')) in VALUE_FLAGS) {
      set(VALUE_FLAGS[a.slice(0, a.indexOf('='))]!, a.slice(a.indexOf('=') + 1))
    } else if (/^-[onl]./.test(a)) {
      set(VALUE_FLAGS[a.slice(0, 2)]!, a.slice(2).replace(/^=/, ''))
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`error: unknown flag: ${a.split('=')[0]}`)
    else if (!p.verb) p.verb = a
    else p.positional.push(a)
  }
  return p
}

/** Server list order: by namespace, then name (etcd key order). */
function byKey(a: AnyObject, b: AnyObject): number {
  const ka = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`
  const kb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** Splits `pods web-0`, `pod/web-0` and `pods/a pods/b` into a resource and names. */
function resolveTargets(
  positional: readonly string[],
  verb: string,
): { info: ResourceInfo; names: string[] } {
  if (positional.length === 0) {
    throw new UsageError(
      verb === 'get'
        ? 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples'
        : 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    )
  }
  const first = positional[0]!
  const [type, inlineName] = first.includes('/') ? [first.slice(0, first.indexOf('/')), first.slice(first.indexOf('/') + 1)] : [first, undefined] // prettier-ignore
  const resource = ALIASES[type.toLowerCase()]
  if (!resource) throw new NotFoundType(type)
  const info = RESOURCES.find((r) => r.resource === resource)!
  const names = inlineName !== undefined ? [inlineName, ...positional.slice(1).map((s) => s.replace(/^[^/]*\//, ''))] : positional.slice(1) // prettier-ignore
  return { info, names }
}

function withTypeMeta(obj: AnyObject, kind: string): Record<string, unknown> {
  const o = obj as unknown as Record<string, unknown>
  return { ...o, apiVersion: o.apiVersion ?? 'v1', kind: o.kind ?? kind }
}

function notFound(info: ResourceInfo, name: string): string {
  return `Error from server (NotFound): ${info.resource} "${name}" not found\n`
}

function get(p: Parsed, cluster: ClusterObjects, now: number): KubectlResult {
  const { info, names } = resolveTargets(p.positional, 'get')
  if (p.output && !OUTPUT_FORMATS.includes(p.output))
    throw new UsageError(`error: unable to match a printer suitable for the output format "${p.output}", allowed formats are: ${ALLOWED_FORMATS}`) // prettier-ignore
  if (p.allNamespaces && names.length > 0 && info.namespaced)
    throw new UsageError('error: a resource cannot be retrieved by name across all namespaces')
  const reqs: Requirement[] | null = parseSelector(p.selector)
  if (reqs === null)
    throw new UsageError(`error: unable to parse requirement: invalid label selector "${p.selector}"`)
  const inScope = info
    .list(cluster)
    .filter(
      (o) => !info.namespaced || p.allNamespaces || (o.metadata?.namespace ?? 'default') === p.namespace,
    )
    .sort(byKey)
  let stderr = ''
  let items: AnyObject[]
  if (names.length > 0) {
    items = []
    for (const name of names) {
      const found = inScope.find((o) => o.metadata?.name === name)
      if (found) items.push(found)
      else stderr += notFound(info, name)
    }
  } else items = inScope.filter((o) => matchesSelector(reqs, o.metadata?.labels))
  const exitCode = stderr ? 1 : 0
  const withNamespace = p.allNamespaces && info.namespaced

  if (p.output === 'json' || p.output === 'yaml') {
    const encode = p.output === 'json' ? goJson : goYaml
    if (names.length === 1 && items.length === 1) return { stdout: encode(withTypeMeta(items[0]!, info.kind)), stderr, exitCode } // prettier-ignore
    if (names.length > 0 && items.length === 0) return { stdout: '', stderr, exitCode }
    const list = { apiVersion: 'v1', items: items.map((o) => withTypeMeta(o, info.kind)), kind: 'List', metadata: { resourceVersion: '' } } // prettier-ignore
    return { stdout: encode(list), stderr, exitCode }
  }
  if (p.output === 'name') {
    return {
      stdout: items.map((o) => `${info.singular}/${o.metadata?.name ?? ''}\n`).join(''),
      stderr,
      exitCode,
    }
  }
  const stdout = getTable(info.resource, items, now, {
    wide: p.output === 'wide',
    withNamespace,
    showLabels: p.showLabels,
    noHeaders: p.noHeaders,
  })
  if (items.length === 0 && names.length === 0) {
    stderr +=
      info.namespaced && !p.allNamespaces
        ? `No resources found in ${p.namespace} namespace.\n`
        : 'No resources found\n'
  }
  return { stdout, stderr, exitCode }
}

function eventsFor(cluster: ClusterObjects, kind: string, obj: AnyObject): Event[] {
  const uid = obj.metadata?.uid
  return cluster.events.filter((e) => {
    const ref = e.involvedObject
    if (ref.name !== obj.metadata?.name) return false
    if (ref.kind && ref.kind !== kind) return false
    if (kind === 'Pod' && (e.metadata?.namespace ?? ref.namespace) !== obj.metadata?.namespace) return false
    // Node events carry either the node's UID or its name as the UID (describe.go NodeDescriber).
    return !uid || !ref.uid || ref.uid === uid || ref.uid === obj.metadata?.name
  })
}

function describe(p: Parsed, cluster: ClusterObjects, now: number): KubectlResult {
  const { info, names } = resolveTargets(p.positional, 'describe')
  if (info.resource !== 'pods' && info.resource !== 'nodes')
    return {
      stdout: '',
      stderr: `error: describe ${info.resource} is not supported by kubeplay\n`,
      exitCode: 1,
    }
  const reqs = parseSelector(p.selector)
  if (reqs === null)
    throw new UsageError(`error: unable to parse requirement: invalid label selector "${p.selector}"`)
  const inScope = info
    .list(cluster)
    .filter(
      (o) => !info.namespaced || p.allNamespaces || (o.metadata?.namespace ?? 'default') === p.namespace,
    )
    .sort(byKey)
  let stderr = ''
  let targets: AnyObject[] = []
  if (names.length === 0) targets = inScope.filter((o) => matchesSelector(reqs, o.metadata?.labels))
  for (const name of names) {
    // kubectl describe falls back to a name-prefix match when no object has the exact name.
    const exact = inScope.filter((o) => o.metadata?.name === name)
    const found = exact.length ? exact : inScope.filter((o) => (o.metadata?.name ?? '').startsWith(name))
    if (found.length === 0) stderr += notFound(info, name)
    targets.push(...found)
  }
  const texts = targets.map((o) =>
    info.resource === 'pods'
      ? describePod(o as Pod, eventsFor(cluster, 'Pod', o), now)
      : describeNode(
          o as Node,
          cluster.pods.filter((pod) => pod.spec?.nodeName === o.metadata?.name).sort(byKey),
          eventsFor(cluster, 'Node', o),
          now,
        ),
  )
  if (targets.length === 0 && names.length === 0)
    stderr +=
      info.namespaced && !p.allNamespaces
        ? `No resources found in ${p.namespace} namespace.\n`
        : 'No resources found\n'
  return { stdout: texts.join('\n\n'), stderr, exitCode: stderr && names.length > 0 ? 1 : 0 }
}

/**
 * Runs a `kubectl get` or `kubectl describe` command line against plain objects and returns what kubectl would
 * print. Supported: `get pods|nodes|events|namespaces [NAME…] [-o wide|json|yaml|name] [-n NS|-A] [-l SELECTOR]
 * [--show-labels] [--no-headers]`, `describe pod|node [NAME…]`. Errors use kubectl's wording and exit code 1.
 * @param args the arguments after `kubectl`
 * @param cluster the objects of the cluster at the moment of the view
 * @param now that moment, epoch milliseconds
 */
export function kubectl(args: readonly string[], cluster: ClusterObjects, now: number): KubectlResult {
  if (args[0] === 'logs') return kubectlLogs(args.slice(1), cluster.pods, cluster.logs)
  try {
    const p = parseArgs(args)
    if (p.verb === 'get') return get(p, cluster, now)
    if (p.verb === 'describe') return describe(p, cluster, now)
    if (!p.verb)
      return {
        stdout: '',
        stderr: 'error: kubeplay supports the kubectl commands get, describe and logs\n',
        exitCode: 1,
      }
    return { stdout: '', stderr: `error: unknown command "${p.verb}" for "kubectl"\n`, exitCode: 1 }
  } catch (e) {
    if (e instanceof NotFoundType)
      return {
        stdout: '',
        stderr: `error: the server doesn't have a resource type "${e.message}"\n`,
        exitCode: 1,
      }
    if (e instanceof UsageError) {
      const help = /^error: (unknown flag|flag needs)/.test(e.message) ? `\nSee 'kubectl ${args[0] ?? ''} --help' for usage.` : '' // prettier-ignore
      return { stdout: '', stderr: e.message.replace(/\n?$/, '') + help + '\n', exitCode: 1 }
    }
    throw e
  }
}
