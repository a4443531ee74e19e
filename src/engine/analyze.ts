import { recordsAt } from './api/json'
import { validateObjects } from './api/validate'
import { clusterNodes, scenarioNodesSpec } from './cluster/nodes'
import { scenarioNodeList } from './cluster/scenario-nodes'
import { BEHAVIOR_ANNOTATION, parseBehavior } from './container/behavior'
import { checkLimits, MAX_HORIZON_MS, MAX_NODES } from './limits'
import { NODE_ACTIONS, parseTarget, SUPPORTED_ACTIONS } from './sim/actions'
import { SCALABLE_KINDS } from './controllers/apply'
import { parseDuration } from './model/duration'
import { kindInfo } from './model/kinds'
import type { Diagnostic } from './model/diagnostic'
import type { LoadedObject } from './model/object'
import { loadManifests } from './parse/loader'
import { quizDiagnostics } from './scenario/quiz'

export interface Analysis {
  readonly objects: LoadedObject[]
  readonly diagnostics: Diagnostic[]
  readonly hasErrors: boolean
}

/**
 * Everything kubeplay can say about a scenario text before simulating it: YAML and object structure,
 * the API server's validation, the behavior annotations, and the limits. Sorted by position.
 */
export function analyzeScenario(text: string): Analysis {
  const { objects, diagnostics, locate } = loadManifests(text)
  const all: Diagnostic[] = [...diagnostics]
  if (objects.length > 0) {
    const nodes = clusterNodes(objects, '').map((n) => ({
      name: n.metadata?.name ?? '',
      labels: n.metadata?.labels ?? {},
      taints: (Array.isArray(n.spec?.taints) ? n.spec.taints : [])
        .filter((t) => typeof t === 'object' && t !== null)
        .map((t) => ({
          key: t.key,
          ...(t.value ? { value: t.value } : {}),
          effect: t.effect,
        })),
      allocatable: {
        cpu: String(n.status?.allocatable?.cpu ?? '0'),
        memory: String(n.status?.allocatable?.memory ?? '0'),
        pods: Number(n.status?.allocatable?.pods ?? 110),
      },
    }))
    all.push(...nullListItems(objects, locate))
    all.push(...validateObjects(objects, locate, { nodes }))
    all.push(...behaviorDiagnostics(objects, locate))
    all.push(...checkLimits(objects))
    all.push(...timelineDiagnostics(objects, locate))
    all.push(...namespaceDiagnostics(objects, locate))
    all.push(...priorityClassDiagnostics(objects, locate))
    all.push(...nodesDiagnostics(objects, locate))
    all.push(...danglingOwnerDiagnostics(objects, locate))
  }
  all.sort((a, b) => a.line - b.line || a.col - b.col)
  return { objects, diagnostics: all, hasErrors: all.some((d) => d.severity === 'error') }
}

/** Problems inside `kubeplay.dev/behavior` annotations, placed at their line in the scenario text. */
function behaviorDiagnostics(
  objects: readonly LoadedObject[],
  locate: ReturnType<typeof loadManifests>['locate'],
): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const o of objects) {
    const spec = (o.body.spec ?? {}) as Record<string, unknown>
    const template = (spec.template ?? null) as {
      metadata?: { annotations?: Record<string, unknown> }
      spec?: Record<string, unknown>
    } | null
    const [meta, podSpec, path] =
      o.kind === 'Pod'
        ? [
            o.metadata as { annotations?: Record<string, unknown> },
            spec,
            ['metadata', 'annotations', BEHAVIOR_ANNOTATION],
          ]
        : [
            template?.metadata ?? {},
            template?.spec ?? {},
            ['spec', 'template', 'metadata', 'annotations', BEHAVIOR_ANNOTATION],
          ]
    const text = meta.annotations?.[BEHAVIOR_ANNOTATION]
    if (typeof text !== 'string') continue
    const containers = [...recordsAt(podSpec, 'initContainers'), ...recordsAt(podSpec, 'containers')]
    const names = containers.map((c) => (typeof c.name === 'string' ? c.name : ''))
    const at = locate(o, path)
    // A block scalar (`|`) starts on the line after the key; its text keeps its own lines and columns.
    const blockStart = at.endLine > at.line ? at.line + 1 : at.line
    const indent = at.endLine > at.line ? at.col + 1 : at.col
    const parsed = parseBehavior(text, names)
    containers.forEach((c) => {
      const startMs = typeof c?.name === 'string' ? parsed.behavior[c.name]?.startMs : undefined
      if (startMs === undefined) return
      const limit = startupWindow(c)
      if (limit === null || startMs <= limit.ms) return
      const spec = o.kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec']
      const list = (podSpec.containers as unknown[] | undefined)?.includes(c)
        ? 'containers'
        : 'initContainers'
      const index = ((podSpec[list] as unknown[] | undefined) ?? []).indexOf(c)
      out.push({
        ...locate(o, [...spec, list, index, limit.probe]),
        severity: 'warning',
        code: 'startup-window',
        message: `container ${String(c.name)} starts listening after ${startMs / 1000}s (kubeplay.dev/behavior startSeconds), but its ${limit.probe} gives up after ${limit.ms / 1000}s (initialDelaySeconds + failureThreshold × periodSeconds): it will be killed and restarted before it is up`,
      })
    })
    for (const d of parsed.diagnostics) {
      const line = blockStart + d.line - 1
      out.push({
        severity: d.severity,
        code: 'behavior',
        message: `${BEHAVIOR_ANNOTATION}: ${d.message}`,
        line,
        col: d.col + indent - 1,
        endLine: line,
        endCol: d.col + indent,
      })
    }
  }
  return out
}

/**
 * An empty list item (`- ` with nothing after it) is null in JSON; the API server decodes it as an empty
 * struct and rejects the object for the fields that struct lacks. Report it where it is written.
 */
function nullListItems(
  objects: readonly LoadedObject[],
  locate: ReturnType<typeof loadManifests>['locate'],
): Diagnostic[] {
  const out: Diagnostic[] = []
  const walk = (o: LoadedObject, v: unknown, path: (string | number)[]): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (item === null) {
          const at = locate(o, [...path, i])
          out.push({
            ...at,
            severity: 'error',
            code: 'null-item',
            message: `${fieldPath([...path, i])}: Required value: an empty list item`,
          })
        } else walk(o, item, [...path, i])
      })
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) walk(o, x, [...path, k])
    }
  }
  for (const o of objects) walk(o, o.body, [])
  return out
}

function fieldPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

const ALL_ACTIONS = [
  'apply',
  'delete',
  'scale',
  'fail-node',
  'recover-node',
  'cordon',
  'uncordon',
  'drain',
  'kill-container',
]

/**
 * Objects in a namespace that neither the cluster (`default`, `kube-system`, …) nor the scenario has:
 * the API server refuses them with `namespaces "x" not found` (the `NamespaceLifecycle` admission
 * plugin), and the simulation leaves them out, as `kubectl apply` goes on with the other objects.
 */
function namespaceDiagnostics(
  objects: readonly LoadedObject[],
  locate: ReturnType<typeof loadManifests>['locate'],
): Diagnostic[] {
  const known = new Set(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
  for (const o of objects) if (o.kind === 'Namespace') known.add(o.metadata.name)
  const out: Diagnostic[] = []
  for (const o of objects) {
    const ns = o.metadata.namespace
    if (typeof ns !== 'string' || ns === '' || known.has(ns) || !kindInfo(o.kind).namespaced) continue
    if (o.kind === 'Scenario') continue
    out.push({
      ...locate(o, ['metadata', 'namespace']),
      severity: 'warning',
      code: 'namespace-not-found',
      message: `namespaces "${ns}" not found: the API server refuses this ${o.kind}; add a Namespace document named ${ns}`,
    })
  }
  return out
}

/**
 * Pods, and the pod templates of workloads, naming a PriorityClass that is neither a system class nor
 * in the scenario: the `Priority` admission plugin refuses such pods (`no PriorityClass with name x was
 * found`, api/priority.ts), so they are never created.
 */
function priorityClassDiagnostics(
  objects: readonly LoadedObject[],
  locate: ReturnType<typeof loadManifests>['locate'],
): Diagnostic[] {
  const known = new Set(['system-node-critical', 'system-cluster-critical'])
  for (const o of objects) if (o.kind === 'PriorityClass') known.add(o.metadata.name)
  const out: Diagnostic[] = []
  const at = (v: unknown, key: string): unknown =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined
  for (const o of objects) {
    const path =
      o.kind === 'Pod'
        ? ['spec']
        : o.kind === 'CronJob'
          ? ['spec', 'jobTemplate', 'spec', 'template', 'spec']
          : ['spec', 'template', 'spec']
    if (
      o.kind !== 'Pod' &&
      !['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'].includes(o.kind)
    )
      continue
    const name = at(
      path.reduce<unknown>((v, k) => at(v, k), o.body),
      'priorityClassName',
    )
    if (typeof name !== 'string' || name === '' || known.has(name)) continue
    out.push({
      ...locate(o, [...path, 'priorityClassName']),
      severity: 'warning',
      code: 'priorityclass-not-found',
      message: `no PriorityClass with name ${name} was found: the API server refuses ${o.kind === 'Pod' ? 'this Pod' : `the pods of this ${o.kind}`}; add a PriorityClass document named ${name}`,
    })
  }
  return out
}

/**
 * Objects (pasted from a real cluster, say) whose every owner is missing: the garbage collector deletes
 * an object none of whose ownerReferences resolves, by UID (`pkg/controller/garbagecollector`
 * attemptToDeleteItem, "dangling" owners), as it does in controllers/gc.ts. Said before it happens.
 */
function danglingOwnerDiagnostics(
  objects: readonly LoadedObject[],
  locate: ReturnType<typeof loadManifests>['locate'],
): Diagnostic[] {
  const uids = new Set<string>()
  for (const o of objects) if (typeof o.metadata.uid === 'string') uids.add(o.metadata.uid)
  const out: Diagnostic[] = []
  for (const o of objects) {
    const refs = o.metadata.ownerReferences
    if (!Array.isArray(refs) || refs.length === 0) continue
    if (refs.some((r) => typeof r?.uid === 'string' && uids.has(r.uid))) continue
    const names = refs.map((r) => `${String(r?.kind)} ${String(r?.name)}`).join(', ')
    out.push({
      ...locate(o, ['metadata', 'ownerReferences']),
      severity: 'warning',
      code: 'owner-missing',
      message: `no object in the scenario has the uid of its owner (${names}): the garbage collector deletes this ${o.kind} as soon as the scenario starts; remove ownerReferences to keep it`,
    })
  }
  return out
}

/** The Scenario's `spec.nodes`: a number of default workers, or a list of nodes (cluster/scenario-nodes). */
function nodesDiagnostics(
  objects: readonly LoadedObject[],
  locate: ReturnType<typeof loadManifests>['locate'],
): Diagnostic[] {
  const nodes = scenarioNodesSpec(objects)
  const scenario = objects.find((o) => o.kind === 'Scenario')
  if (nodes === undefined || !scenario) return []
  const at = (path: (string | number)[], severity: Diagnostic['severity'], message: string): Diagnostic => ({
    ...locate(scenario, ['spec', 'nodes', ...path]),
    severity,
    code: 'scenario-nodes',
    message,
  })
  if (objects.some((o) => o.kind === 'Node'))
    return [at([], 'warning', 'spec.nodes is ignored: the kind: Node documents describe the cluster')]
  if (Array.isArray(nodes))
    return scenarioNodeList(nodes.slice(0, MAX_NODES)).findings.map((f) => at(f.path, f.severity, f.message))
  if (typeof nodes !== 'number' || !Number.isInteger(nodes) || nodes < 0)
    return [
      at(
        [],
        'error',
        'spec.nodes: a number of workers (like 3) or a list of nodes (like [{name: big, cpu: "16", memory: 64Gi}]) is required',
      ),
    ]
  return []
}

/** The Scenario's `spec.timeline`: each entry needs a time, a known action and a target. */
function timelineDiagnostics(
  objects: readonly LoadedObject[],
  locate: ReturnType<typeof loadManifests>['locate'],
): Diagnostic[] {
  const out: Diagnostic[] = []
  const scenario = objects.find((o) => o.kind === 'Scenario')
  if (!scenario) return out
  const duration = (scenario.body.spec as { duration?: unknown } | undefined)?.duration
  if (duration !== undefined) {
    const ms = parseDuration(duration)
    const where = locate(scenario, ['spec', 'duration'])
    if (ms === null || ms <= 0) {
      out.push({
        ...where,
        severity: 'error',
        code: 'duration',
        message: 'spec.duration: a time like 10m or 1h is required',
      })
    } else if (ms > MAX_HORIZON_MS) {
      out.push({
        ...where,
        severity: 'error',
        code: 'duration',
        message: `spec.duration: kubeplay simulates at most 24h`,
      })
    }
  }
  const quiz = (scenario.body.spec as { quiz?: unknown } | undefined)?.quiz
  out.push(...quizDiagnostics(quiz, (path) => locate(scenario, path)))
  const timeline = (scenario.body.spec as { timeline?: unknown } | undefined)?.timeline
  if (timeline === undefined) return out
  const at = (path: (string | number)[], severity: Diagnostic['severity'], message: string): void => {
    out.push({ ...locate(scenario, ['spec', 'timeline', ...path]), severity, code: 'timeline', message })
  }
  if (!Array.isArray(timeline)) {
    at([], 'error', 'spec.timeline must be a list of actions')
    return out
  }
  const nodeNames = clusterNodes(objects, '').map((n) => n.metadata?.name ?? '')
  timeline.forEach((entry, i) => {
    if (typeof entry !== 'object' || entry === null)
      return at([i], 'error', `spec.timeline[${i}] must be a mapping`)
    const e = entry as Record<string, unknown>
    const when = parseDuration(e.at)
    if (when === null || when < 0)
      at([i, 'at'], 'error', `spec.timeline[${i}].at: a time like 90s or 2m is required`)
    if (typeof e.action !== 'string' || !ALL_ACTIONS.includes(e.action)) {
      at([i, 'action'], 'error', `spec.timeline[${i}].action: must be one of ${ALL_ACTIONS.join(', ')}`)
    } else if (!(SUPPORTED_ACTIONS as readonly string[]).includes(e.action)) {
      at(
        [i, 'action'],
        'warning',
        `spec.timeline[${i}].action: ${e.action} is not simulated yet; the entry is ignored`,
      )
    }
    // An unknown action has been reported; what it would need of its target is unknowable.
    if (typeof e.action === 'string' && ALL_ACTIONS.includes(e.action)) actionDiagnostics(e, i, nodeNames, at)
  })
  return out
}

/** What one timeline entry needs for its action: the right kind of target, replicas, a manifest. */
function actionDiagnostics(
  e: Record<string, unknown>,
  i: number,
  nodeNames: readonly string[],
  at: (path: (string | number)[], severity: Diagnostic['severity'], message: string) => void,
): void {
  const where = `spec.timeline[${i}]`
  if (e.action === 'apply') {
    const m = e.manifest as { kind?: unknown; metadata?: { name?: unknown } } | undefined
    if (typeof m !== 'object' || m === null || Array.isArray(m))
      return at([i], 'error', `${where}.manifest: apply needs the object to apply, as a mapping`)
    if (typeof m.kind !== 'string' || typeof m.metadata?.name !== 'string')
      at([i, 'manifest'], 'error', `${where}.manifest: the object needs a kind and metadata.name`)
    return
  }
  if (typeof e.target !== 'string' || !e.target.includes('/'))
    return at([i, 'target'], 'error', `${where}.target: a target like pod/web-0 is required`)
  const target = parseTarget(e.target)
  if (!target) return at([i, 'target'], 'error', `${where}.target: unknown resource or name in "${e.target}"`)
  const isNodeAction = (NODE_ACTIONS as readonly string[]).includes(e.action as string)
  if (isNodeAction !== (target.kind === 'Node')) {
    const example = isNodeAction ? 'node/worker-1' : e.action === 'scale' ? 'deployment/web' : 'pod/web-0'
    return at([i, 'target'], 'error', `${where}.target: ${String(e.action)} needs a target like ${example}`)
  }
  if (isNodeAction && !nodeNames.includes(target.name))
    at(
      [i, 'target'],
      'warning',
      `${where}.target: the cluster has no node ${target.name}; the entry does nothing`,
    )
  if (e.action === 'kill-container' && target.kind !== 'Pod')
    at([i, 'target'], 'error', `${where}.target: kill-container needs a target like pod/web-0`)
  if (e.action === 'scale') {
    if (!(SCALABLE_KINDS as readonly string[]).includes(target.kind))
      at(
        [i, 'target'],
        'error',
        `${where}.target: cannot scale ${target.kind}: only ${SCALABLE_KINDS.join(', ')}`,
      )
    if (typeof e.replicas !== 'number' || !Number.isInteger(e.replicas) || e.replicas < 0)
      at([i], 'error', `${where}.replicas: scale needs replicas, an integer ≥ 0`)
  }
}

/**
 * How long a container may take to start before its probes kill it: the startup probe's window, or
 * without one the liveness probe's (initialDelaySeconds + failureThreshold × periodSeconds, defaults of
 * reference A7). Null when no probe kills it.
 */
function startupWindow(
  c: Record<string, unknown>,
): { probe: 'startupProbe' | 'livenessProbe'; ms: number } | null {
  for (const probe of ['startupProbe', 'livenessProbe'] as const) {
    const p = c[probe] as Record<string, unknown> | undefined
    if (!p || typeof p !== 'object') continue
    const num = (v: unknown, d: number): number => (typeof v === 'number' && v > 0 ? v : d)
    const seconds = num(p.initialDelaySeconds, 0) + num(p.failureThreshold, 3) * num(p.periodSeconds, 10)
    return { probe, ms: seconds * 1000 }
  }
  return null
}
