import type { Pod } from 'kubernetes-types/core/v1'
import type { LoadedObject } from '../model/object'
import { parseDuration } from '../model/duration'
import { processDied } from '../kubelet/pod-worker'
import { ownRuntime } from '../kubelet/runtime'
import { applyObject, deleteWorkload, scaleWorkload } from '../controllers/apply'
import { cordon, drain, failNode, recoverNode } from '../nodes'
import { deleteObject, updateObject, type Sim } from './sim'
import { keyOf, type KObject } from './state'
import { rfc3339 } from './time'

export { NODE_ACTIONS, SUPPORTED_ACTIONS } from './action-names'

export interface Action {
  readonly at: number
  readonly action: string
  /** `kind/name` or `kind/namespace/name` (empty for `apply`, whose manifest names the object). */
  readonly target: string
  readonly container?: string
  readonly exitCode?: number
  readonly gracePeriodSeconds?: number
  /** `scale`: the new spec.replicas. */
  readonly replicas?: number
  /** `apply`: the object, as `kubectl apply -f` would send it. */
  readonly manifest?: Record<string, unknown>
}

/** kubectl's resource names (singular, plural, short) → kind, for action targets. */
const KIND_OF: Readonly<Record<string, string>> = {
  pod: 'Pod',
  pods: 'Pod',
  po: 'Pod',
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  replicaset: 'ReplicaSet',
  replicasets: 'ReplicaSet',
  rs: 'ReplicaSet',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
  job: 'Job',
  jobs: 'Job',
  cronjob: 'CronJob',
  cronjobs: 'CronJob',
  cj: 'CronJob',
  service: 'Service',
  services: 'Service',
  svc: 'Service',
  configmap: 'ConfigMap',
  configmaps: 'ConfigMap',
  cm: 'ConfigMap',
  secret: 'Secret',
  secrets: 'Secret',
  poddisruptionbudget: 'PodDisruptionBudget',
  poddisruptionbudgets: 'PodDisruptionBudget',
  pdb: 'PodDisruptionBudget',
  node: 'Node',
  nodes: 'Node',
  no: 'Node',
}

export interface ActionTarget {
  readonly kind: string
  /** Undefined for nodes. */
  readonly namespace: string | undefined
  readonly name: string
}

/**
 * An action's target: `deployment/web`, `deployment.apps/web`, `pod/prod/web-0`, `node/worker-2`. Null
 * when the resource is unknown or the name is missing.
 */
export function parseTarget(target: string): ActionTarget | null {
  const parts = target.split('/')
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) return null
  const kind = KIND_OF[parts[0]!.toLowerCase().replace(/\.(apps|batch|policy)$/, '')]
  if (!kind) return null
  if (kind === 'Node') return parts.length === 2 ? { kind, namespace: undefined, name: parts[1]! } : null
  return parts.length === 2
    ? { kind, namespace: 'default', name: parts[1]! }
    : { kind, namespace: parts[1]!, name: parts[2]! }
}

/** The Scenario's `spec.timeline`, as plain actions (entries that cannot be read are skipped). */
export function scenarioActions(objects: readonly LoadedObject[]): Action[] {
  const scenario = objects.find((o) => o.kind === 'Scenario')
  const timeline = (scenario?.body.spec as { timeline?: unknown } | undefined)?.timeline
  if (!Array.isArray(timeline)) return []
  const out: Action[] = []
  for (const entry of timeline) {
    if (typeof entry !== 'object' || entry === null) continue
    const e = entry as Record<string, unknown>
    const at = parseDuration(e.at)
    if (at === null || at < 0 || typeof e.action !== 'string') continue
    const manifest =
      typeof e.manifest === 'object' && e.manifest !== null && !Array.isArray(e.manifest)
        ? (e.manifest as Record<string, unknown>)
        : undefined
    if (typeof e.target !== 'string' && !(e.action === 'apply' && manifest)) continue
    out.push({
      at,
      action: e.action,
      target: typeof e.target === 'string' ? e.target : '',
      ...(typeof e.container === 'string' ? { container: e.container } : {}),
      ...(typeof e.exitCode === 'number' ? { exitCode: e.exitCode } : {}),
      ...(typeof e.gracePeriodSeconds === 'number' ? { gracePeriodSeconds: e.gracePeriodSeconds } : {}),
      ...(typeof e.replicas === 'number' ? { replicas: e.replicas } : {}),
      ...(manifest ? { manifest } : {}),
    })
  }
  return out
}

/**
 * The actions in the order a run carries them out: by time (whole milliseconds), ties in timeline order.
 * Two scenarios whose lists agree up to some position run the same actions up to that position's time.
 */
export function actionRunOrder(actions: readonly Action[]): Action[] {
  return actions
    .map((a, index) => ({ a: Math.round(a.at) === a.at ? a : { ...a, at: Math.round(a.at) }, index }))
    .sort((x, y) => x.a.at - y.a.at || x.index - y.index)
    .map((x) => x.a)
}

/**
 * Sets up the scenario's scripted actions. They are not queued: the run takes the next one when its
 * time comes (before the queued tasks due at the same millisecond; see `SimState.actions`).
 */
export function scheduleActions(sim: Sim, objects: readonly LoadedObject[]): void {
  sim.s.actions = actionRunOrder(scenarioActions(objects))
  sim.s.actionsRun = 0
}

/** Carries out one scripted action, as kubectl, a failing machine or a crashing process would. */
export function runAction(sim: Sim, action: Action): void {
  if (action.action === 'apply') {
    if (action.manifest) applyObject(sim, action.manifest)
    return
  }
  const target = parseTarget(action.target)
  if (!target) return
  if (target.kind === 'Node') {
    if (action.action === 'fail-node') failNode(sim, target.name)
    else if (action.action === 'recover-node') recoverNode(sim, target.name)
    else if (action.action === 'cordon') cordon(sim, target.name, true)
    else if (action.action === 'uncordon') cordon(sim, target.name, false)
    else if (action.action === 'drain') drain(sim, target.name)
    return
  }
  if (action.action === 'scale') {
    if (action.replicas !== undefined)
      scaleWorkload(sim, target.kind, target.namespace ?? 'default', target.name, action.replicas)
    return
  }
  if (target.kind !== 'Pod') {
    if (action.action === 'delete') deleteWorkload(sim, target.kind, target.namespace, target.name)
    return
  }
  const key = keyOf('Pod', target.namespace, target.name)
  const pod = sim.s.objects.get(key) as (Pod & KObject) | undefined
  if (!pod) return
  if (action.action === 'delete') return deletePod(sim, pod, action.gracePeriodSeconds)
  if (action.action === 'kill-container') {
    const rt = ownRuntime(sim.s, key)
    const name = action.container ?? pod.spec?.containers?.[0]?.name
    const c = rt?.containers.find((x) => x.name === name)
    if (rt && c) processDied(sim, rt, c, action.exitCode ?? 137)
  }
}

/**
 * `kubectl delete pod`: the API server sets deletionTimestamp (now + grace) and
 * deletionGracePeriodSeconds; an unbound pod goes at once, a bound one when its kubelet has stopped it.
 */
export function deletePod(sim: Sim, pod: Pod & KObject, gracePeriodSeconds?: number): void {
  if (pod.metadata.deletionTimestamp) return
  const key = keyOf('Pod', pod.metadata.namespace, pod.metadata.name)
  if (!pod.spec?.nodeName) return deleteObject(sim, key)
  const grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
  updateObject(sim, {
    ...pod,
    metadata: {
      ...pod.metadata,
      deletionTimestamp: rfc3339(sim.s.epochMs + sim.s.now + grace * 1000),
      deletionGracePeriodSeconds: grace,
    },
  })
}
