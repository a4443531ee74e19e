/**
 * The ReplicaSet controller (`k8s.io/kubernetes/pkg/controller/replicaset/replica_set.go`): keeps
 * `spec.replicas` active pods, creating `<rs>-<5 characters>` pods (`SuccessfulCreate`
 * `Created pod: <pod>`) or deleting the pods ranked first by `ActivePodsWithRanks.Less`
 * (`SuccessfulDelete` `Deleted pod: <pod>`, controller_utils.go), and writes the status of
 * `replica_set_utils.go` `calculateStatus`. Failed and deleted pods are no longer active, so they are
 * replaced.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import { listObjects, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import { parseTime } from '../sim/time'
import {
  adoptOrphans,
  controlledBy,
  controllerEvent,
  deletePodGracefully,
  failedCreate,
  generateName,
  generationOf,
  isPodActive,
  isPodAvailable,
  isPodReady,
  isPodTerminating,
  latest,
  nowMs,
  omitZero,
  podFromTemplate,
  readySince,
  requeueForAvailability,
  writeStatus,
  type NewPod,
  type PodObj,
} from './common'

export type RSObj = ReplicaSet & KObject

const COMPONENT = 'replicaset-controller'
/** `burstReplicas`: at most this many creations or deletions per sync. */
const BURST_REPLICAS = 500
/** `controller.kubernetes.io/pod-deletion-cost` (F3 rule 4). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

/** One sync of a ReplicaSet (`syncReplicaSet`): manage replicas unless it is being deleted, then status. */
export function reconcileReplicaSet(sim: Sim, rs: RSObj, newPod: NewPod): void {
  const ns = rs.metadata.namespace
  adoptOrphans(sim, 'Pod', rs, rs.spec?.selector)
  const owned = (): PodObj[] => listObjects<PodObj>(sim, 'Pod', ns).filter((p) => controlledBy(p, rs))
  // The owned pods, listed again only after this sync created or deleted some (events and the
  // ReplicaSet's own status write leave the pods as they are).
  let pods: PodObj[] | undefined
  if (!rs.metadata.deletionTimestamp) {
    pods = owned()
    const active = pods.filter(isPodActive)
    const want = rs.spec?.replicas ?? 1
    const diff = active.length - want
    if (diff < 0) {
      // A refused create (FailedCreate) ends the batch, as slowStartBatch stops at its first error.
      for (let i = 0; i < Math.min(-diff, BURST_REPLICAS); i++) if (!createReplica(sim, rs, newPod)) break
      pods = undefined
    } else if (diff > 0) {
      for (const pod of podsToDelete(sim, rs, active, Math.min(diff, BURST_REPLICAS))) {
        deletePodGracefully(sim, pod)
        controllerEvent(sim, rs, COMPONENT, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`)
      }
      pods = undefined
    }
  }
  pods ??= owned()
  const current = latest(sim, rs)
  if (current) writeStatus(sim, current, replicaSetStatus(current, pods, nowMs(sim)))
  const minReady = rs.spec?.minReadySeconds ?? 0
  requeueForAvailability(sim, pods.filter(isPodActive), minReady)
}

function createReplica(sim: Sim, rs: RSObj, newPod: NewPod): boolean {
  const template = (rs.spec?.template ?? {}) as PodTemplateSpec
  const base = `${rs.metadata.name}-`
  const name = generateName(sim, 'Pod', rs.metadata.namespace, base)
  const refused = newPod(sim, podFromTemplate(template, rs, { name, generateName: base }))
  // Warning FailedCreate `Error creating: <apiserver error>` (reference F2, F7).
  if (failedCreate(sim, rs, COMPONENT, refused)) return false
  controllerEvent(sim, rs, COMPONENT, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`)
  return true
}

/**
 * `calculateStatus`: counts over the active pods (fully labeled, ready, available after
 * minReadySeconds) and, with `DeploymentReplicaSetTerminatingReplicas` (beta, on in v1.35), the
 * terminating ones. Integer fields are `omitempty` except `replicas`.
 */
export function replicaSetStatus(rs: RSObj, pods: readonly PodObj[], now: number): ReplicaSet['status'] {
  const active = pods.filter(isPodActive)
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {}
  const minReady = rs.spec?.minReadySeconds ?? 0
  const wanted = Object.entries(templateLabels)
  const fully = active.filter((p) => wanted.every(([k, v]) => p.metadata.labels?.[k] === v)).length
  const ready = active.filter(isPodReady)
  const available = ready.filter((p) => isPodAvailable(p, minReady, now)).length
  const base = omitZero(
    {
      replicas: active.length,
      fullyLabeledReplicas: fully,
      readyReplicas: ready.length,
      availableReplicas: available,
      observedGeneration: generationOf(rs),
    },
    ['replicas'],
  )
  return { ...base, terminatingReplicas: pods.filter(isPodTerminating).length } as ReplicaSet['status']
}

/**
 * `getPodsToDelete`: the active pods ranked by `ActivePodsWithRanks.Less`, where a pod's rank is the
 * number of active pods related to it (those of the same ReplicaSet, or of every ReplicaSet of the same
 * Deployment: `getIndirectlyRelatedPods`) on its node.
 */
function podsToDelete(sim: Sim, rs: RSObj, active: readonly PodObj[], n: number): PodObj[] {
  const related = relatedPods(sim, rs)
  const onNode = new Map<string, number>()
  for (const p of related) {
    if (!isPodActive(p)) continue
    const node = p.spec?.nodeName ?? ''
    onNode.set(node, (onNode.get(node) ?? 0) + 1)
  }
  const ranked = active.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }))
  const now = nowMs(sim)
  ranked.sort((a, b) => (lessRanked(a, b, now) ? -1 : lessRanked(b, a, now) ? 1 : 0))
  return ranked.slice(0, n).map((r) => r.pod)
}

function relatedPods(sim: Sim, rs: RSObj): PodObj[] {
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller)
  const pods = listObjects<PodObj>(sim, 'Pod', rs.metadata.namespace)
  if (!owner) return pods.filter((p) => controlledBy(p, rs))
  const siblings = listObjects<RSObj>(sim, 'ReplicaSet', rs.metadata.namespace).filter((x) =>
    x.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.uid),
  )
  return pods.filter((p) => siblings.some((x) => controlledBy(p, x as KObject)))
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 }

/**
 * `ActivePodsWithRanks.Less` (controller_utils.go, reference F3): true when pod `a` should be deleted
 * before pod `b`. With `LogarithmicScaleDown` (on by default) rules 6 and 8 compare ages on a log2 scale
 * of nanoseconds, ties broken by UID.
 */
export function lessRanked(
  a: { pod: PodObj; rank: number },
  b: { pod: PodObj; rank: number },
  now: number,
): boolean {
  const pa = a.pod
  const pb = b.pod
  const na = pa.spec?.nodeName ?? ''
  const nb = pb.spec?.nodeName ?? ''
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === ''
  // 2. Pending < Unknown < Running.
  const oa = PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0
  const ob = PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0
  if (oa !== ob) return oa < ob
  // 3. Not ready < ready.
  const ra = isPodReady(pa)
  const rb = isPodReady(pb)
  if (ra !== rb) return !ra
  // 4. Lower pod-deletion-cost < higher.
  const ca = deletionCost(pa)
  const cb = deletionCost(pb)
  if (ca !== cb) return ca < cb
  // 5. Doubled up (higher rank) < not doubled up.
  if (a.rank !== b.rank) return a.rank > b.rank
  // 6. Ready for less time < more time.
  if (ra && rb) {
    const ta = readySince(pa)
    const tb = readySince(pb)
    if (ta !== tb) {
      if (ta === null || tb === null) return afterOrZero(ta, tb)
      const diff = logRankDiff(ta, tb, now)
      if (diff === 0) return (pa.metadata.uid ?? '') < (pb.metadata.uid ?? '')
      return diff < 0
    }
  }
  // 7. More container restarts < fewer (regular containers, then restartable init containers).
  const [ra1, rs1] = maxRestarts(pa)
  const [rb1, rs2] = maxRestarts(pb)
  if (ra1 !== rb1) return ra1 > rb1
  if (rs1 !== rs2) return rs1 > rs2
  // 8. Newer < older.
  const ka = parseTime(pa.metadata.creationTimestamp)
  const kb = parseTime(pb.metadata.creationTimestamp)
  if (ka !== kb) {
    if (ka === null || kb === null) return afterOrZero(ka, kb)
    const diff = logRankDiff(ka, kb, now)
    if (diff === 0) return (pa.metadata.uid ?? '') < (pb.metadata.uid ?? '')
    return diff < 0
  }
  return false
}

/** `afterOrZero`: a zero time first, then the later time. */
function afterOrZero(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === null
  return a > b
}

/** `logarithmicRankDiff`: ⌊log2(age in ns)⌋ of each (−1 when not positive), subtracted. */
function logRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number): number => {
    const ns = (now - t) * 1e6
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1
  }
  return rank(t1) - rank(t2)
}

function deletionCost(p: PodObj): number {
  const v = p.metadata.annotations?.[POD_DELETION_COST]
  const n = v === undefined ? 0 : Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : 0
}

/** `maxContainerRestarts`: the most restarts of a regular container, and of a sidecar. */
function maxRestarts(p: PodObj): [number, number] {
  const regular = Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
  const sidecars = new Set(
    (p.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  )
  const sidecar = Math.max(
    0,
    ...(p.status?.initContainerStatuses ?? [])
      .filter((c) => sidecars.has(c.name))
      .map((c) => c.restartCount ?? 0),
  )
  return [regular, sidecar]
}
