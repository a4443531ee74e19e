/**
 * The DaemonSet controller (`k8s.io/kubernetes/pkg/controller/daemon`: `daemon_controller.go`,
 * `util/daemonset_util.go`): one pod per node that should run it (`NodeShouldRunDaemonPod`: the
 * template's nodeSelector and required node affinity, and the node's NoSchedule/NoExecute taints against
 * the pod's tolerations plus the DaemonSet's automatic ones). The pod is left to the scheduler but tied
 * to its node by required node affinity `matchFields metadata.name In [<node>]`
 * (`ReplaceDaemonSetPodNodeNameNodeAffinity`). Pods on nodes that should not run one, and extra pods,
 * are deleted; failed pods are replaced. A changed template rolls out node by node (maxUnavailable 1).
 */
import type { DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1'
import type {
  Affinity,
  Node,
  NodeSelectorRequirement,
  PodTemplateSpec,
  Taint,
  Toleration,
} from 'kubernetes-types/core/v1'
import { podTemplateHash } from '../model/names'
import { listObjects, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import {
  cmp,
  controlledObjects,
  controllerEvent,
  failedCreate,
  deletePodGracefully,
  generateName,
  generationOf,
  isPodActive,
  isPodAvailable,
  isPodReady,
  isTerminal,
  latest,
  nowMs,
  podFromTemplate,
  requeueForAvailability,
  scaledValue,
  writeStatus,
  type NewPod,
  type PodObj,
} from './common'

export type DSObj = DaemonSet & KObject
type NodeObj = Node & KObject

const COMPONENT = 'daemonset-controller'

/** `AddOrUpdateDaemonPodTolerations`: what every daemon pod tolerates (network-unavailable for hostNetwork). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect })
  return [
    t('node.kubernetes.io/not-ready', 'NoExecute'),
    t('node.kubernetes.io/unreachable', 'NoExecute'),
    t('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    t('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    t('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    t('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ]
}

function withTolerations(existing: readonly Toleration[], add: readonly Toleration[]): Toleration[] {
  const out = [...existing]
  for (const t of add) {
    const i = out.findIndex((x) => x.key === t.key && x.effect === t.effect)
    if (i >= 0) out[i] = t
    else out.push(t)
  }
  return out
}

/** `ToleratesTaint`: same effect (or any), same key (or an empty key with Exists), Exists or equal value. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if ((t.key ?? '') !== taint.key && !((t.key ?? '') === '' && t.operator === 'Exists')) return false
  if (t.operator === 'Exists') return true
  return (t.value ?? '') === (taint.value ?? '')
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? []
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value)
    case 'NotIn':
      return value === undefined || !values.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    case 'Gt':
    case 'Lt': {
      const a = Number.parseInt(value ?? '', 10)
      const b = Number.parseInt(values[0] ?? '', 10)
      if (!Number.isFinite(a) || !Number.isFinite(b)) return false
      return r.operator === 'Gt' ? a > b : a < b
    }
    default:
      return false
  }
}

/** nodeSelector and `requiredDuringSchedulingIgnoredDuringExecution` (terms ORed, requirements ANDed). */
export function nodeMatches(spec: PodTemplateSpec['spec'], node: NodeObj): boolean {
  const labels = node.metadata.labels ?? {}
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) if (labels[k] !== v) return false
  const terms =
    spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (!terms) return true
  return terms.some(
    (term) =>
      ((term.matchExpressions?.length ?? 0) > 0 || (term.matchFields?.length ?? 0) > 0) &&
      (term.matchExpressions ?? []).every((r) => requirementMatches(r, labels[r.key])) &&
      (term.matchFields ?? []).every(
        (r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata.name),
      ),
  )
}

/**
 * `NodeShouldRunDaemonPod`: `shouldRun` when the node fits and every NoSchedule/NoExecute taint is
 * tolerated; `shouldContinueRunning` also when only NoSchedule taints are not.
 */
export function nodeShouldRunDaemonPod(
  ds: DSObj,
  node: NodeObj,
): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = ds.spec?.template?.spec
  if (!nodeMatches(spec, node)) return { shouldRun: false, shouldContinueRunning: false }
  const tolerations = withTolerations(spec?.tolerations ?? [], daemonTolerations(!!spec?.hostNetwork))
  const untolerated = (node.spec?.taints ?? []).filter(
    (taint) =>
      (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') &&
      !tolerations.some((t) => toleratesTaint(t, taint)),
  )
  return {
    shouldRun: untolerated.length === 0,
    shouldContinueRunning: untolerated.every((t) => t.effect !== 'NoExecute'),
  }
}

/** `ReplaceDaemonSetPodNodeNameNodeAffinity`: the required terms become `metadata.name In [node]`. */
export function bindToNode(affinity: Affinity | undefined, node: string): Affinity {
  const required = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
  }
  return {
    ...affinity,
    nodeAffinity: { ...affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required },
  }
}

/** The node a daemon pod is for: its nodeName, else the node of its `metadata.name` affinity. */
export function targetNode(p: PodObj): string | undefined {
  if (p.spec?.nodeName) return p.spec.nodeName
  const terms =
    p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  for (const term of terms ?? [])
    for (const f of term.matchFields ?? [])
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0]
  return undefined
}

/** One `syncDaemonSet`: `manage` (per node), the rolling update, then `updateDaemonSetStatus`. */
export function reconcileDaemonSet(sim: Sim, ds: DSObj, newPod: NewPod): void {
  if (ds.metadata.deletionTimestamp) return
  const template = (ds.spec?.template ?? {}) as PodTemplateSpec
  const hash = podTemplateHash(template, ds.status?.collisionCount ?? 0)
  const nodes = listObjects<NodeObj>(sim, 'Node').sort((a, b) => cmp(a.metadata.name, b.metadata.name))
  const byNode = (): Map<string, PodObj[]> => {
    const out = new Map<string, PodObj[]>()
    for (const p of controlledObjects<PodObj>(sim, 'Pod', ds)) {
      const n = targetNode(p)
      if (n === undefined) continue
      out.set(n, [...(out.get(n) ?? []), p])
    }
    return out
  }
  const deletePod = (p: PodObj): void => {
    deletePodGracefully(sim, p)
    controllerEvent(sim, ds, COMPONENT, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`)
  }
  const pods = byNode()
  for (const node of nodes) {
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(ds, node)
    const onNode = pods.get(node.metadata.name) ?? []
    const running = onNode.filter((p) => !p.metadata.deletionTimestamp)
    if (shouldRun && onNode.length === 0) {
      createDaemonPod(sim, ds, newPod, node.metadata.name, hash)
    } else if (shouldContinueRunning) {
      // Failed pods are deleted (and replaced on the next pass); extra pods beyond the oldest go.
      const failed = running.filter((p) => p.status?.phase === 'Failed')
      for (const p of failed) deletePod(p)
      const alive = running.filter((p) => !isTerminal(p))
      const sorted = [...alive].sort(
        (a, b) =>
          cmp(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') ||
          cmp(a.metadata.name, b.metadata.name),
      )
      for (const p of sorted.slice(1)) deletePod(p)
    } else {
      for (const p of running) deletePod(p)
    }
  }
  rollingUpdate(sim, ds, hash, nodes, byNode(), deletePod)

  const now = nowMs(sim)
  const minReady = ds.spec?.minReadySeconds ?? 0
  const after = byNode()
  let desired = 0
  let scheduled = 0
  let misscheduled = 0
  let ready = 0
  let available = 0
  let updated = 0
  const activePods: PodObj[] = []
  for (const node of nodes) {
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(ds, node)
    const onNode = (after.get(node.metadata.name) ?? []).filter(isPodActive)
    if (shouldRun) desired++
    if (onNode.length === 0) continue
    if (!shouldContinueRunning) {
      misscheduled++
      continue
    }
    if (!shouldRun) continue
    scheduled++
    const p = [...onNode].sort((a, b) =>
      cmp(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? ''),
    )[0]!
    activePods.push(p)
    if (isPodReady(p)) {
      ready++
      if (isPodAvailable(p, minReady, now)) available++
    }
    if (p.metadata.labels?.['controller-revision-hash'] === hash) updated++
  }
  const status: DaemonSetStatus = {
    currentNumberScheduled: scheduled,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: generationOf(ds),
    ...(updated ? { updatedNumberScheduled: updated } : {}),
    ...(available ? { numberAvailable: available } : {}),
    ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
  }
  const stored = latest(sim, ds)
  if (stored) writeStatus(sim, stored, status)
  requeueForAvailability(sim, activePods, minReady)
}

function createDaemonPod(sim: Sim, ds: DSObj, newPod: NewPod, node: string, hash: string): void {
  const template = (ds.spec?.template ?? {}) as PodTemplateSpec
  const spec = template.spec!
  const base = `${ds.metadata.name}-`
  const name = generateName(sim, 'Pod', ds.metadata.namespace, base)
  const refused = newPod(
    sim,
    podFromTemplate(template, ds, {
      name,
      generateName: base,
      labels: { 'controller-revision-hash': hash, 'pod-template-generation': String(generationOf(ds)) },
      spec: {
        ...spec,
        affinity: bindToNode(spec.affinity, node),
        tolerations: withTolerations(spec.tolerations ?? [], daemonTolerations(!!spec.hostNetwork)),
      },
    }),
  )
  // Warning FailedCreate `Error creating: <apiserver error>` (reference F2, F7).
  if (failedCreate(sim, ds, COMPONENT, refused)) return
  controllerEvent(sim, ds, COMPONENT, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`)
}

/**
 * `rollingUpdate` with maxSurge 0: old pods are deleted while the unavailable count stays within
 * maxUnavailable; `manage` then creates the new ones.
 */
function rollingUpdate(
  sim: Sim,
  ds: DSObj,
  hash: string,
  nodes: readonly NodeObj[],
  pods: Map<string, PodObj[]>,
  deletePod: (p: PodObj) => void,
): void {
  const strategy = ds.spec?.updateStrategy
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return
  const eligible = nodes.filter((n) => nodeShouldRunDaemonPod(ds, n).shouldRun)
  const maxUnavailable = Math.max(
    1,
    scaledValue(strategy?.rollingUpdate?.maxUnavailable ?? 1, eligible.length, true),
  )
  const minReady = ds.spec?.minReadySeconds ?? 0
  const now = nowMs(sim)
  let unavailable = 0
  const old: PodObj[] = []
  for (const n of eligible) {
    const p = (pods.get(n.metadata.name) ?? []).find(isPodActive)
    if (!p || !isPodAvailable(p, minReady, now)) unavailable++
    if (p && p.metadata.labels?.['controller-revision-hash'] !== hash) old.push(p)
  }
  for (const p of old) {
    if (!isPodAvailable(p, minReady, now)) {
      deletePod(p)
      continue
    }
    if (unavailable >= maxUnavailable) break
    deletePod(p)
    unavailable++
  }
}
