import { kubectlLogs, type LogSource } from './logs'
import { r, RESOURCES, type AnyObject, type ResourceInfo } from './resource-types'
export { RESOURCE_TYPES } from './resource-types'
import { logsTargetFor } from './logs-target'
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job } from 'kubernetes-types/batch/v1'
import type { ConfigMap, Endpoints, Event, LimitRange, Namespace, Node, PersistentVolumeClaim, Pod, ResourceQuota, Secret, Service } from 'kubernetes-types/core/v1' // prettier-ignore
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import { describeNode } from './describe-node'
import { describePod } from './describe-pod'
import { describeCronJob, describeDaemonSet, describeDeployment, describeEndpoints, describeJob, describePodDisruptionBudget, describeReplicaSet, describeResourceQuota, describeService, describeStatefulSet } from './describe-workloads' // prettier-ignore
import { type OtherObject } from './other-rows'
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
  deployments?: Deployment[]
  replicaSets?: ReplicaSet[]
  statefulSets?: StatefulSet[]
  daemonSets?: DaemonSet[]
  jobs?: Job[]
  cronJobs?: CronJob[]
  services?: Service[]
  endpoints?: Endpoints[]
  endpointSlices?: EndpointSlice[]
  resourceQuotas?: ResourceQuota[]
  podDisruptionBudgets?: PodDisruptionBudget[]
  limitRanges?: LimitRange[]
  persistentVolumeClaims?: PersistentVolumeClaim[]
  configMaps?: ConfigMap[]
  secrets?: Secret[]
  /** Objects of kinds kubeplay has no printer for; `get` shows them with the default table. */
  others?: OtherObject[]
  /** What containers printed, for `kubectl logs`. */
  logs?: LogSource
}

/** What a kubectl run printed and how it exited. */
export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
}

/**
 * `kubectl get all`: the resources in the `all` category, in discovery order (core, apps, batch; alphabetical within
 * a group version, so cronjobs before jobs).
 */
const ALL = [
  'pods',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
  'cronjobs',
  'jobs',
]

/** A resource type that exists only among `others`: matched by kind, plural or `plural.group`. */
function otherInfo(type: string, cluster: ClusterObjects): ResourceInfo | null {
  const t = type.toLowerCase()
  const objs = (cluster.others ?? []).filter((o) => {
    const kind = o.kind.toLowerCase()
    const group = o.apiVersion.includes('/') ? o.apiVersion.slice(0, o.apiVersion.indexOf('/')) : ''
    const plural = kind.endsWith('s')
      ? `${kind}es`
      : kind.endsWith('y')
        ? `${kind.slice(0, -1)}ies`
        : `${kind}s`
    return [kind, plural, `${kind}.${group}`, `${plural}.${group}`].includes(t)
  })
  if (objs.length === 0) return null
  const first = objs[0]!
  const info = r(
    'others',
    first.kind,
    first.apiVersion,
    objs.some((o) => !!o.metadata.namespace),
    [],
    () => objs.filter((o) => o.kind === first.kind && o.apiVersion === first.apiVersion),
  )
  const lower = first.kind.toLowerCase()
  const plural = lower.endsWith('s')
    ? `${lower}es`
    : lower.endsWith('y')
      ? `${lower.slice(0, -1)}ies`
      : `${lower}s`
  const group = first.apiVersion.includes('/') ? first.apiVersion.slice(0, first.apiVersion.indexOf('/')) : ''
  return { ...info, qualified: group ? `${plural}.${group}` : plural }
}

function lookup(type: string, cluster: ClusterObjects): ResourceInfo {
  const t = type.toLowerCase()
  const info = RESOURCES.find((x) => x.aliases.includes(t)) ?? otherInfo(t, cluster)
  if (!info) throw new NotFoundType(type)
  return info
}

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
  fieldSelector: string
  sortBy: string
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
  '--field-selector': 'fieldSelector',
  '--sort-by': 'sortBy',
}

function parseArgs(args: readonly string[]): Parsed {
  const p: Parsed = {
    verb: '',
    positional: [],
    output: '',
    namespace: 'default',
    allNamespaces: false,
    selector: '',
    fieldSelector: '',
    sortBy: '',
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

/** Splits `pods web-0`, `pod/web-0`, `pods/a pods/b` and `pods,svc` into resources and names. */
function resolveTargets(
  positional: readonly string[],
  verb: string,
  cluster: ClusterObjects,
): { infos: ResourceInfo[]; names: string[] } {
  if (positional.length === 0) {
    throw new UsageError(
      verb === 'get'
        ? 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples'
        : 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    )
  }
  const first = positional[0]!
  const [type, inlineName] = first.includes('/') ? [first.slice(0, first.indexOf('/')), first.slice(first.indexOf('/') + 1)] : [first, undefined] // prettier-ignore
  const types = type.split(',').filter((t) => t !== '')
  const infos: ResourceInfo[] = []
  for (const t of types) {
    if (t.toLowerCase() === 'all' && verb === 'get') infos.push(...ALL.map((a) => lookup(a, cluster)))
    else infos.push(lookup(t, cluster))
  }
  const names = inlineName !== undefined ? [inlineName, ...positional.slice(1).map((s) => s.replace(/^[^/]*\//, ''))] : positional.slice(1) // prettier-ignore
  return { infos, names }
}

function withTypeMeta(obj: AnyObject, info: ResourceInfo): Record<string, unknown> {
  const o = obj as unknown as Record<string, unknown>
  return { ...o, apiVersion: o.apiVersion ?? info.apiVersion, kind: o.kind ?? info.kind }
}

function notFound(info: ResourceInfo, name: string): string {
  return `Error from server (NotFound): ${info.qualified} "${name}" not found\n`
}

/** The value at a dotted path (`involvedObject.name`, `.lastTimestamp`, `{.metadata.name}`), or undefined. */
function valueAt(obj: unknown, path: string): unknown {
  const clean = path.replace(/^\{/, '').replace(/\}$/, '').replace(/^\./, '')
  let cur: unknown = obj
  for (const part of clean.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[part]
  }
  return cur
}

/** `--field-selector`: `path=value`, `path==value`, `path!=value`, comma-joined (fields.ParseSelector). */
function fieldFilter(sel: string): ((o: AnyObject) => boolean) | null {
  if (!sel.trim()) return () => true
  const reqs: { path: string; neg: boolean; value: string }[] = []
  for (const part of sel.split(',')) {
    const m = /^\s*([A-Za-z0-9_.]+)\s*(!=|==|=)\s*(.*?)\s*$/.exec(part)
    if (!m) return null
    reqs.push({ path: m[1]!, neg: m[2] === '!=', value: m[3]! })
  }
  return (o) =>
    reqs.every((q) => {
      const v = valueAt(o, q.path)
      const s = v === undefined || v === null ? '' : String(v)
      return q.neg ? s !== q.value : s === q.value
    })
}

/** `--sort-by`: a stable sort by the value at a JSONPath; objects without the field first. */
function sortByPath(items: AnyObject[], path: string): AnyObject[] {
  const key = (o: AnyObject) => valueAt(o, path)
  return [...items].sort((a, b) => {
    const x = key(a)
    const y = key(b)
    if (x === undefined || x === null) return y === undefined || y === null ? 0 : -1
    if (y === undefined || y === null) return 1
    if (typeof x === 'number' && typeof y === 'number') return x - y
    const sx = String(x)
    const sy = String(y)
    return sx < sy ? -1 : sx > sy ? 1 : 0
  })
}

function inScope(info: ResourceInfo, p: Parsed, cluster: ClusterObjects): AnyObject[] {
  return info
    .list(cluster)
    .filter(
      (o) => !info.namespaced || p.allNamespaces || (o.metadata?.namespace ?? 'default') === p.namespace,
    )
    .sort(byKey)
}

function get(p: Parsed, cluster: ClusterObjects, now: number): KubectlResult {
  const { infos, names } = resolveTargets(p.positional, 'get', cluster)
  if (p.output && !OUTPUT_FORMATS.includes(p.output))
    throw new UsageError(`error: unable to match a printer suitable for the output format "${p.output}", allowed formats are: ${ALLOWED_FORMATS}`) // prettier-ignore
  if (p.allNamespaces && names.length > 0 && infos.some((i) => i.namespaced))
    throw new UsageError('error: a resource cannot be retrieved by name across all namespaces')
  const reqs: Requirement[] | null = parseSelector(p.selector)
  if (reqs === null)
    throw new UsageError(`error: unable to parse requirement: invalid label selector "${p.selector}"`)
  const fields = fieldFilter(p.fieldSelector)
  if (fields === null) throw new UsageError(`error: invalid selector: '${p.fieldSelector}'; can't understand '${p.fieldSelector}'`) // prettier-ignore
  let stderr = ''
  const blocks: { info: ResourceInfo; items: AnyObject[] }[] = []
  for (const info of infos) {
    const scope = inScope(info, p, cluster)
    let items: AnyObject[]
    if (names.length > 0) {
      items = []
      for (const name of names) {
        const found = scope.find((o) => o.metadata?.name === name)
        if (found) items.push(found)
        else stderr += notFound(info, name)
      }
    } else items = scope.filter((o) => matchesSelector(reqs, o.metadata?.labels) && fields(o))
    if (p.sortBy) items = sortByPath(items, p.sortBy)
    blocks.push({ info, items })
  }
  const exitCode = stderr ? 1 : 0
  const all = blocks.flatMap((b) => b.items.map((o) => ({ o, info: b.info })))
  const several = infos.length > 1

  if (p.output === 'json' || p.output === 'yaml') {
    const encode = p.output === 'json' ? goJson : goYaml
    if (!several && names.length === 1 && all.length === 1) return { stdout: encode(withTypeMeta(all[0]!.o, all[0]!.info)), stderr, exitCode } // prettier-ignore
    if (names.length > 0 && all.length === 0) return { stdout: '', stderr, exitCode }
    const list = { apiVersion: 'v1', items: all.map(({ o, info }) => withTypeMeta(o, info)), kind: 'List', metadata: { resourceVersion: '' } } // prettier-ignore
    return { stdout: encode(list), stderr, exitCode }
  }
  if (p.output === 'name') {
    return { stdout: all.map(({ o, info }) => `${info.singular}/${o.metadata?.name ?? ''}\n`).join(''), stderr, exitCode } // prettier-ignore
  }
  const tables = blocks
    .filter((b) => b.items.length > 0)
    .map((b) =>
      getTable(b.info.resource, b.items, now, {
        wide: p.output === 'wide',
        withNamespace: p.allNamespaces && b.info.namespaced,
        showLabels: p.showLabels,
        noHeaders: p.noHeaders,
        kindPrefix: several ? b.info.singular : undefined,
      }),
    )
  const stdout = tables.join('\n')
  if (all.length === 0 && names.length === 0) {
    stderr +=
      infos.some((i) => i.namespaced) && !p.allNamespaces
        ? `No resources found in ${p.namespace} namespace.\n`
        : 'No resources found\n'
  }
  return { stdout, stderr, exitCode }
}

function eventsFor(cluster: ClusterObjects, info: ResourceInfo, obj: AnyObject): Event[] {
  const uid = obj.metadata?.uid
  return cluster.events.filter((e) => {
    const ref = e.involvedObject
    if (ref.name !== obj.metadata?.name) return false
    if (ref.kind && ref.kind !== info.kind) return false
    if (info.namespaced && (e.metadata?.namespace ?? ref.namespace ?? 'default') !== (obj.metadata?.namespace ?? 'default')) return false // prettier-ignore
    // Node events carry either the node's UID or its name as the UID (describe.go NodeDescriber).
    return !uid || !ref.uid || ref.uid === uid || ref.uid === obj.metadata?.name
  })
}

const DESCRIBABLE: TableResource[] = ['pods', 'nodes', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'services', 'endpoints', 'resourcequotas', 'poddisruptionbudgets'] // prettier-ignore

function describeOne(info: ResourceInfo, o: AnyObject, cluster: ClusterObjects, now: number): string {
  const events = eventsFor(cluster, info, o)
  const ns = o.metadata?.namespace ?? 'default'
  switch (info.resource) {
    case 'pods':
      return describePod(o as Pod, events, now)
    case 'nodes':
      return describeNode(
        o as Node,
        cluster.pods.filter((pod) => pod.spec?.nodeName === o.metadata?.name).sort(byKey),
        events,
        now,
      )
    case 'deployments':
      return describeDeployment(o as Deployment, [...(cluster.replicaSets ?? [])].sort(byKey), events, now)
    case 'replicasets':
      return describeReplicaSet(o as ReplicaSet, cluster.pods, events, now)
    case 'statefulsets':
      return describeStatefulSet(o as StatefulSet, cluster.pods, events, now)
    case 'daemonsets':
      return describeDaemonSet(o as DaemonSet, cluster.pods, events, now)
    case 'jobs':
      return describeJob(o as Job, events, now)
    case 'cronjobs':
      return describeCronJob(o as CronJob, events, now)
    case 'poddisruptionbudgets':
      return describePodDisruptionBudget(o as PodDisruptionBudget, events, now)
    case 'services': {
      const name = o.metadata?.name
      const slices = cluster.endpointSlices
        ?.filter(
          (s) =>
            (s.metadata?.namespace ?? 'default') === ns &&
            s.metadata?.labels?.['kubernetes.io/service-name'] === name,
        ) // prettier-ignore
        .sort(byKey)
      const ep = cluster.endpoints?.find((e) => (e.metadata?.namespace ?? 'default') === ns && e.metadata?.name === name) // prettier-ignore
      return describeService(o as Service, slices, ep, events, now)
    }
    case 'endpoints':
      return describeEndpoints(o as Endpoints, events, now)
    default:
      return describeResourceQuota(o as ResourceQuota)
  }
}

function describe(p: Parsed, cluster: ClusterObjects, now: number): KubectlResult {
  const { infos, names } = resolveTargets(p.positional, 'describe', cluster)
  const unsupported = infos.find((i) => !DESCRIBABLE.includes(i.resource))
  if (unsupported)
    return {
      stdout: '',
      stderr: `error: describe ${unsupported.resource === 'others' ? unsupported.qualified : unsupported.resource} is not supported by kubeplay\n`, // prettier-ignore
      exitCode: 1,
    }
  const reqs = parseSelector(p.selector)
  if (reqs === null)
    throw new UsageError(`error: unable to parse requirement: invalid label selector "${p.selector}"`)
  let stderr = ''
  const texts: string[] = []
  for (const info of infos) {
    const scope = inScope(info, p, cluster)
    let targets: AnyObject[] = []
    if (names.length === 0) targets = scope.filter((o) => matchesSelector(reqs, o.metadata?.labels))
    for (const name of names) {
      // kubectl describe falls back to a name-prefix match when no object has the exact name.
      const exact = scope.filter((o) => o.metadata?.name === name)
      const found = exact.length ? exact : scope.filter((o) => (o.metadata?.name ?? '').startsWith(name))
      if (found.length === 0) stderr += notFound(info, name)
      targets.push(...found)
    }
    texts.push(...targets.map((o) => describeOne(info, o, cluster, now)))
  }
  if (texts.length === 0 && names.length === 0)
    stderr +=
      infos.some((i) => i.namespaced) && !p.allNamespaces
        ? `No resources found in ${p.namespace} namespace.\n`
        : 'No resources found\n'
  return { stdout: texts.join('\n\n'), stderr, exitCode: stderr && names.length > 0 ? 1 : 0 }
}

/**
 * Runs a `kubectl get` or `kubectl describe` command line against plain objects and returns what kubectl would
 * print. Supported: `get <type>[,<type>…]|all [NAME…] [-o wide|json|yaml|name] [-n NS|-A] [-l SELECTOR]
 * [--field-selector F] [--sort-by PATH] [--show-labels] [--no-headers]` for pods, nodes, events, namespaces,
 * deployments, replicasets, statefulsets, daemonsets, jobs, cronjobs, services, endpoints, endpointslices,
 * resourcequotas, poddisruptionbudgets, limitranges, persistentvolumeclaims, configmaps, secrets and the kinds in `others`;
 * `describe pod|node|deployment|replicaset|statefulset|daemonset|job|cronjob|service|endpoints|quota|pdb [NAME…]`. Errors use kubectl's wording and
 * exit code 1.
 * @param args the arguments after `kubectl`
 * @param cluster the objects of the cluster at the moment of the view
 * @param now that moment, epoch milliseconds
 */
export function kubectl(args: readonly string[], cluster: ClusterObjects, now: number): KubectlResult {
  if (args[0] === 'logs')
    return kubectlLogs(args.slice(1), cluster.pods, cluster.logs, (type, name, namespace) => {
      let info: ResourceInfo
      try {
        info = lookup(type, cluster)
      } catch {
        return { error: `error: the server doesn't have a resource type "${type}"` }
      }
      const object = info
        .list(cluster)
        .find((o) => o.metadata?.name === name && (o.metadata?.namespace ?? 'default') === namespace)
      if (!object) return { error: notFound(info, name).trimEnd() }
      return logsTargetFor(
        { ...object, kind: info.kind } as Parameters<typeof logsTargetFor>[0],
        namespace,
        cluster.pods,
      )
    })
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
