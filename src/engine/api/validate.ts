/**
 * Diagnostics a user needs before pressing play (DESIGN §2.6): what the API server would reject, in its
 * words, and what would quietly not work (a selector matching nothing, a pod no node can hold), each at
 * the exact field it is about.
 */
import type { Diagnostic, SourceRange } from '../model/diagnostic'
import type { LoadedObject } from '../model/object'
import { goQuote, nameRuleOf } from './dns'
import type { JsonObject } from './json'
import { isRecord, recordAt, stringMapAt } from './json'
import { parseQuantity, podRequests } from './resources'
import { checkObjectFields, fieldPathString } from './schema'
import { goMapString, mapSelectorMatches, selectorMatches } from './selectors'
import { checkCronJob } from './validate-cronjob'
import type { Finding, NodeShape } from './validate-pod'
import { checkContainers, checkProbes, checkRestartPolicy, checkTolerations, invalid } from './validate-pod'

export type { NodeShape } from './validate-pod'

/** The cluster the scenario runs on, as far as validation needs it. */
export interface ClusterShape {
  readonly nodes: readonly NodeShape[]
}

/** `LoadResult.locate`: where a field of a loaded object is written. */
export type Locate = (object: LoadedObject, path: readonly (string | number)[]) => SourceRange

type Path = (string | number)[]

/** Where each kind keeps its pod template's spec. */
const TEMPLATE_PATH: Readonly<Record<string, Path>> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
}

const SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'])

interface PodShape {
  readonly object: LoadedObject
  readonly specPath: Path
  readonly spec: JsonObject
  readonly labels: Record<string, string>
  readonly namespace: string
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value
  for (const key of path) {
    if (Array.isArray(v) && typeof key === 'number') v = v[key]
    else if (isRecord(v) && typeof key === 'string') v = v[key]
    else return undefined
  }
  return v
}

/** The pod spec an object carries (a Pod's own, or its template's), if any. */
function podShapeOf(object: LoadedObject): PodShape | undefined {
  const base: Path | undefined = object.kind === 'Pod' ? [] : TEMPLATE_PATH[object.kind]
  if (!base) return undefined
  const holder = at(object.body, base)
  if (!isRecord(holder)) return undefined
  const spec = recordAt(holder, 'spec')
  if (!spec) return undefined
  const labels = stringMapAt(recordAt(holder, 'metadata') ?? {}, 'labels') ?? {}
  return {
    object,
    specPath: [...base, 'spec'],
    spec,
    labels,
    namespace: object.metadata.namespace ?? 'default',
  }
}

/**
 * All diagnostics for a scenario's objects: wrong field types and unknown fields (strict decoding),
 * names, containers, probes, restart policies, selectors, Services that select nothing, tolerations that
 * match no taint, and pods too big for every node. Never throws on any input.
 */
export function validateObjects(
  objects: LoadedObject[],
  locate: Locate,
  cluster: ClusterShape,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const pods = objects.map(podShapeOf).filter((p): p is PodShape => p !== undefined)
  for (const object of objects) {
    const findings: Finding[] = []
    checkObject(object, findings)
    const pod = pods.find((p) => p.object === object)
    if (pod) checkPod(pod, cluster, findings)
    if (object.kind === 'Service') checkService(object, pods, findings)
    for (const f of findings)
      diagnostics.push({ ...locate(object, f.path), severity: f.severity, code: f.code, message: f.message })
  }
  return diagnostics
}

function checkObject(object: LoadedObject, out: Finding[]): void {
  const { kind, body } = object
  const version = object.apiVersion.includes('/') ? object.apiVersion.split('/')[1] : object.apiVersion
  for (const p of checkObjectFields(kind, body)) {
    if (p.kind === 'wrong-type')
      out.push({
        path: p.path,
        severity: 'error',
        code: 'wrong-type',
        message: `${kind} in version ${goQuote(version ?? '')} cannot be handled as a ${kind}: ${p.message}`,
      })
    else out.push({ path: p.path, severity: 'warning', code: 'unknown-field', message: p.message })
  }
  const rule = nameRuleOf(kind)
  const name = object.metadata.name
  if (rule && typeof name === 'string' && name !== '') {
    for (const msg of rule(name))
      out.push({
        path: ['metadata', 'name'],
        severity: 'error',
        code: 'invalid-name',
        message: `metadata.name: Invalid value: ${goQuote(name)}: ${msg}`,
      })
  }
  if (SELECTOR_KINDS.has(kind)) checkSelector(object, out)
  if (kind === 'CronJob') checkCronJob(body as JsonObject, out)
  checkCounts(object, out)
}

/**
 * The counts a workload's spec may not make negative: `ValidateNonnegativeField` in
 * pkg/apis/apps/validation (ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateStatefulSetSpec) and
 * pkg/apis/batch/validation (validateJobSpec).
 */
const NONNEGATIVE: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['replicas', 'minReadySeconds', 'revisionHistoryLimit'],
  ReplicaSet: ['replicas', 'minReadySeconds'],
  StatefulSet: ['replicas', 'minReadySeconds', 'revisionHistoryLimit'],
  DaemonSet: ['minReadySeconds', 'revisionHistoryLimit'],
  Job: ['parallelism', 'completions', 'backoffLimit'],
}

function checkCounts(object: LoadedObject, out: Finding[]): void {
  const fields = NONNEGATIVE[object.kind]
  const spec = recordAt(object.body as JsonObject, 'spec')
  if (!fields || !spec) return
  for (const field of fields) {
    const v = spec[field]
    if (typeof v === 'number' && v < 0) {
      const path = ['spec', field]
      out.push({
        path,
        severity: 'error',
        code: 'negative-count',
        message: invalid(path, v, 'must be greater than or equal to 0'),
      })
    }
  }
}

function checkSelector(object: LoadedObject, out: Finding[]): void {
  const spec = recordAt(object.body as JsonObject, 'spec')
  if (!spec) return
  const selector = spec.selector
  const empty =
    !isRecord(selector) ||
    ((!isRecord(selector.matchLabels) || Object.keys(selector.matchLabels).length === 0) &&
      (!Array.isArray(selector.matchExpressions) || selector.matchExpressions.length === 0))
  if (empty) {
    if (selector === undefined || selector === null || isRecord(selector))
      out.push({
        path: ['spec', 'selector'],
        severity: 'error',
        code: 'required',
        message: 'spec.selector: Required value',
      })
    return
  }
  const template = recordAt(spec, 'template')
  const labels = stringMapAt(recordAt(template ?? {}, 'metadata') ?? {}, 'labels') ?? {}
  if (!selectorMatches(selector, labels)) {
    const path: Path = ['spec', 'template', 'metadata', 'labels']
    out.push({
      path,
      severity: 'error',
      code: 'selector-mismatch',
      message: `${fieldPathString(path)}: Invalid value: ${goMapString(labels)}: \`selector\` does not match template \`labels\``,
    })
  }
}

function checkPod(pod: PodShape, cluster: ClusterShape, out: Finding[]): void {
  const { spec, specPath, object } = pod
  checkContainers(spec, specPath, out)
  checkProbes(spec, specPath, out)
  const isJob = object.kind === 'Job' || object.kind === 'CronJob'
  checkRestartPolicy(spec, specPath, isJob ? ['OnFailure', 'Never'] : ['Always', 'OnFailure', 'Never'], out)
  checkTolerations(spec, specPath, cluster.nodes, out)
  checkFit(spec, specPath, cluster.nodes, out)
}

function formatCpu(cores: number): string {
  return Number.isInteger(cores) ? String(cores) : `${Math.round(cores * 1000)}m`
}

function formatMemory(bytes: number): string {
  for (const [unit, size] of [
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const)
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`
  return String(bytes)
}

/** Requests larger than every node's allocatable: the pod will stay Pending. */
function checkFit(spec: JsonObject, specPath: Path, nodes: readonly NodeShape[], out: Finding[]): void {
  if (nodes.length === 0) return
  const req = podRequests(spec)
  if (req.cpu === 0 && req.memory === 0) return
  let tooLittleCpu = 0
  let tooLittleMemory = 0
  let fits = false
  for (const n of nodes) {
    const cpuShort = req.cpu > (parseQuantity(n.allocatable.cpu) ?? Infinity)
    const memShort = req.memory > (parseQuantity(n.allocatable.memory) ?? Infinity)
    if (cpuShort) tooLittleCpu++
    if (memShort) tooLittleMemory++
    if (!cpuShort && !memShort) fits = true
  }
  if (fits) return
  const reasons = [
    ...(tooLittleCpu > 0 ? [`${tooLittleCpu} Insufficient cpu`] : []),
    ...(tooLittleMemory > 0 ? [`${tooLittleMemory} Insufficient memory`] : []),
  ].sort()
  const resource = tooLittleCpu > 0 ? 'cpu' : 'memory'
  const asked = [
    ...(req.cpu > 0 ? [`cpu ${formatCpu(req.cpu)}`] : []),
    ...(req.memory > 0 ? [`memory ${formatMemory(req.memory)}`] : []),
  ]
  out.push({
    path: biggestRequestPath(spec, specPath, resource),
    severity: 'warning',
    code: 'too-big-for-nodes',
    message: `the pod requests ${asked.join(', ')}, more than any node can allocate; it will stay Pending (0/${nodes.length} nodes are available: ${reasons.join(', ')}.)`,
  })
}

function biggestRequestPath(spec: JsonObject, specPath: Path, resource: string): Path {
  let best: Path = specPath
  let max = -1
  for (const key of ['containers', 'initContainers']) {
    const list = spec[key]
    if (!Array.isArray(list)) continue
    list.forEach((c: unknown, i) => {
      const resources = isRecord(c) ? recordAt(c, 'resources') : undefined
      if (!resources) return
      for (const kind of ['requests', 'limits']) {
        const value = parseQuantity(recordAt(resources, kind)?.[resource])
        if (value !== undefined && value > max) {
          max = value
          best = [...specPath, key, i, 'resources', kind, resource]
        }
        if (value !== undefined) break
      }
    })
  }
  return best
}

/** A Service whose selector matches no Pod and no pod template in its namespace. */
function checkService(object: LoadedObject, pods: readonly PodShape[], out: Finding[]): void {
  const spec = recordAt(object.body as JsonObject, 'spec')
  const selector = spec && stringMapAt(spec, 'selector')
  if (!selector || Object.keys(selector).length === 0) return
  const namespace = object.metadata.namespace ?? 'default'
  if (pods.some((p) => p.namespace === namespace && mapSelectorMatches(selector, p.labels))) return
  const text = Object.keys(selector)
    .sort()
    .map((k) => `${k}=${selector[k]}`)
    .join(',')
  out.push({
    path: ['spec', 'selector'],
    severity: 'warning',
    code: 'selector-matches-nothing',
    message: `selector ${text} matches no Pod and no pod template in namespace ${goQuote(namespace)}: the Service will have no endpoints`,
  })
}
