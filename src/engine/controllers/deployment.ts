/**
 * The Deployment controller (`k8s.io/kubernetes/pkg/controller/deployment`): `sync.go` (new
 * ReplicaSet `<deployment>-<pod-template-hash>`, revisions, proportional scaling, history cleanup,
 * status), `rolling.go` (maxSurge / maxUnavailable), `recreate.go`, `progress.go` (the Progressing
 * condition and progressDeadlineSeconds) and `util/deployment_util.go` (annotations, fenceposts, the
 * condition reasons and messages of reference F1). `ScalingReplicaSet` events read
 * `Scaled up|down replica set <rs> from <a> to <b>`.
 */
import type { Deployment, DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import { canonicalJson, podTemplateHash } from '../model/names'
import { createObject, deleteObject, getObject, listObjects, updateObject, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import { objKey } from '../sim/state'
import { parseTime } from '../sim/time'
import {
  adoptOrphans,
  cmp,
  controlledBy,
  controlledObjects,
  controllerEvent,
  controllerRef,
  generationOf,
  isTerminal,
  latest,
  nowMs,
  nowStamp,
  omitZero,
  requeueAt,
  scaledValue,
  writeSpec,
  type PodObj,
} from './common'
import type { RSObj } from './replicaset'

export type DeployObj = Deployment & KObject

const COMPONENT = 'deployment-controller'
export const REVISION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history'
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'
const HASH_LABEL = 'pod-template-hash'
const MAX_INT32 = 2147483647

/** Annotations never copied from a Deployment to its ReplicaSets (`skipCopyAnnotation`). */
const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
])

/** The condition reasons of `util/deployment_util.go` (reference F1). */
export const REASON = {
  newRSCreated: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  rsUpdated: 'ReplicaSetUpdated',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  minAvailable: 'MinimumReplicasAvailable',
  minUnavailable: 'MinimumReplicasUnavailable',
} as const

const replicasOf = (o: { spec?: { replicas?: number } }): number => o.spec?.replicas ?? 1
const isRollingUpdate = (d: DeployObj): boolean =>
  (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'

/**
 * `ResolveFenceposts`: maxSurge rounded up, maxUnavailable rounded down, and maxUnavailable 1 when both
 * come to 0 (reference F1).
 * @example resolveFenceposts('25%', '25%', 3) // { surge: 1, unavailable: 0 }
 */
export function resolveFenceposts(
  maxSurge: unknown,
  maxUnavailable: unknown,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, desired, true)
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return { surge, unavailable }
}

/** `MaxSurge`: 0 unless RollingUpdate. */
export function maxSurge(d: DeployObj): number {
  if (!isRollingUpdate(d)) return 0
  const ru = d.spec?.strategy?.rollingUpdate
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d)).surge
}

/** `MaxUnavailable`: 0 unless RollingUpdate with replicas > 0, and never more than replicas. */
export function maxUnavailable(d: DeployObj): number {
  const replicas = replicasOf(d)
  if (!isRollingUpdate(d) || replicas === 0) return 0
  const ru = d.spec?.strategy?.rollingUpdate
  return Math.min(replicas, resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas).unavailable)
}

const revisionOf = (rs: KObject): number => {
  const n = Number.parseInt(rs.metadata.annotations?.[REVISION] ?? '', 10)
  return Number.isFinite(n) ? n : 0
}

const rsReplicas = (rs: RSObj | undefined): number => rs?.spec?.replicas ?? 0
interface RSCounts {
  replicas?: number
  readyReplicas?: number
  availableReplicas?: number
  terminatingReplicas?: number
}
const rsStatus = (rs: RSObj | undefined): RSCounts => rs?.status ?? {}
const sum = (list: readonly (RSObj | undefined)[], f: (rs: RSObj | undefined) => number): number =>
  list.reduce((n, rs) => n + (rs ? f(rs) : 0), 0)

/**
 * Template equality ignoring the pod-template-hash label (`EqualIgnoreHash`). Remembered per template
 * object (stored objects are never changed in place): every sync compares each ReplicaSet's.
 */
function templateKey(t: PodTemplateSpec | undefined): string {
  const known = t ? templateKeys.get(t) : undefined
  if (known !== undefined) return known
  const labels = { ...(t?.metadata?.labels ?? {}) }
  delete labels[HASH_LABEL]
  const key = canonicalJson({ ...t, metadata: { ...t?.metadata, labels } })
  if (t) templateKeys.set(t, key)
  return key
}

const templateKeys = new WeakMap<PodTemplateSpec, string>()

const byCreation = (a: KObject, b: KObject): number =>
  cmp(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') ||
  cmp(a.metadata.name, b.metadata.name)

/** One sync of a Deployment (`syncDeployment`). */
export function reconcileDeployment(sim: Sim, deployment: DeployObj): void {
  const ctx: Ctx = { sim, d: deployment }
  adoptOrphans(sim, 'ReplicaSet', deployment, deployment.spec?.selector)
  const rsList = (): RSObj[] => controlledObjects<RSObj>(sim, 'ReplicaSet', ctx.d).sort(byCreation)
  if (ctx.d.metadata.deletionTimestamp) return syncStatusOnly(ctx, rsList())
  if (ctx.d.spec?.paused) return syncScale(ctx, rsList())
  if (isScalingEvent(ctx, rsList())) return syncScale(ctx, rsList())
  if (isRollingUpdate(ctx.d)) rolloutRolling(ctx, rsList)
  else rolloutRecreate(ctx, rsList)
}

interface Ctx {
  readonly sim: Sim
  /** The Deployment as this sync last wrote it. */
  d: DeployObj
}

function split(ctx: Ctx, rsList: readonly RSObj[]): { newRS: RSObj | undefined; old: RSObj[] } {
  const key = templateKey(ctx.d.spec?.template)
  const newRS = rsList.find((rs) => templateKey(rs.spec?.template) === key)
  return { newRS, old: rsList.filter((rs) => rs !== newRS) }
}

/** `getAllReplicaSetsAndSyncRevision`: the new ReplicaSet (created when asked) and the old ones. */
function allReplicaSets(
  ctx: Ctx,
  rsList: readonly RSObj[],
  create: boolean,
): { newRS: RSObj | undefined; old: RSObj[] } {
  const { newRS, old } = split(ctx, rsList)
  return { newRS: getNewReplicaSet(ctx, newRS, old, create), old }
}

function getNewReplicaSet(
  ctx: Ctx,
  existing: RSObj | undefined,
  old: readonly RSObj[],
  create: boolean,
): RSObj | undefined {
  const { sim } = ctx
  const d = ctx.d
  const newRevision = Math.max(0, ...old.map(revisionOf)) + 1
  if (existing) {
    const annotations = newRSAnnotations(d, existing, newRevision, true)
    const minReady = d.spec?.minReadySeconds ?? 0
    let rs = existing
    if ((rs.spec?.minReadySeconds ?? 0) !== minReady)
      rs = writeSpec(sim, rs, { ...rs.spec!, minReadySeconds: minReady }, { ...rs.metadata, annotations })
    else if (JSON.stringify(annotations) !== JSON.stringify(rs.metadata.annotations ?? {}))
      rs = updateObject(sim, { ...rs, metadata: { ...rs.metadata, annotations } })
    let status = { ...(d.status ?? {}) }
    const hasProgressing = status.conditions?.some((c) => c.type === 'Progressing')
    if (hasProgressDeadline(d) && !hasProgressing)
      status = setCondition(
        status,
        condition(
          sim,
          'Progressing',
          'True',
          REASON.foundNewRS,
          `Found new replica set "${rs.metadata.name}"`,
        ),
      )
    writeDeployment(ctx, String(revisionOf(rs)), status)
    return rs
  }
  if (!create) return undefined

  const template = (d.spec?.template ?? {}) as PodTemplateSpec
  let collisions = d.status?.collisionCount ?? 0
  let hash = podTemplateHash(template, collisions)
  let name = `${d.metadata.name}-${hash}`
  // A ReplicaSet of that name with another template: `collisionCount` is bumped and the hash redone.
  for (let taken = getObject<RSObj>(sim, 'ReplicaSet', d.metadata.namespace, name); taken;) {
    if (controlledBy(taken, d) && templateKey(taken.spec?.template) === templateKey(template)) return taken
    collisions++
    hash = podTemplateHash(template, collisions)
    name = `${d.metadata.name}-${hash}`
    taken = getObject<RSObj>(sim, 'ReplicaSet', d.metadata.namespace, name)
  }
  const labels = { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash }
  const draft = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: d.metadata.namespace, labels, ownerReferences: [controllerRef(d)] },
    spec: {
      replicas: 0,
      minReadySeconds: d.spec?.minReadySeconds ?? 0,
      selector: {
        ...d.spec?.selector,
        matchLabels: { ...(d.spec?.selector?.matchLabels ?? {}), [HASH_LABEL]: hash },
      },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  } as RSObj
  const replicas = newRSNewReplicas(d, [...old, draft], draft)
  const created = createObject<RSObj>(sim, {
    ...draft,
    metadata: {
      ...draft.metadata,
      annotations: newRSAnnotations(d, draft, newRevision, false),
      generation: 1,
    },
    spec: { ...draft.spec!, replicas },
  })
  if (replicas > 0)
    scalingEvent(sim, d, `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`)
  let status: DeploymentStatus = { ...(d.status ?? {}) }
  if (collisions !== (d.status?.collisionCount ?? 0)) status.collisionCount = collisions
  if (hasProgressDeadline(d))
    status = setCondition(
      status,
      condition(sim, 'Progressing', 'True', REASON.newRSCreated, `Created new replica set "${name}"`),
    )
  writeDeployment(ctx, String(newRevision), status)
  return created
}

/**
 * `SetNewReplicaSetAnnotations`: the Deployment's own annotations copied, the revision raised to the
 * new one (the old revision appended to `revision-history`), and on creation the replicas annotations.
 */
function newRSAnnotations(
  d: DeployObj,
  rs: RSObj,
  newRevision: number,
  exists: boolean,
): Record<string, string> {
  const out: Record<string, string> = { ...(rs.metadata.annotations ?? {}) }
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP_COPY.has(k)) out[k] = v
  const old = out[REVISION]
  const oldN = Number.parseInt(old ?? '', 10)
  if (!Number.isFinite(oldN) || oldN < newRevision) {
    out[REVISION] = String(newRevision)
    if (old) out[REVISION_HISTORY] = out[REVISION_HISTORY] ? `${out[REVISION_HISTORY]},${old}` : old
  }
  if (!exists) {
    out[DESIRED_REPLICAS] = String(replicasOf(d))
    out[MAX_REPLICAS] = String(replicasOf(d) + maxSurge(d))
  }
  return out
}

/** Writes the Deployment's revision annotation and status (the controller's `UpdateStatus`). */
function writeDeployment(ctx: Ctx, revision: string, status: DeploymentStatus): void {
  const d = latest(ctx.sim, ctx.d) ?? ctx.d
  const annotations = { ...(d.metadata.annotations ?? {}) }
  const oldN = Number.parseInt(annotations[REVISION] ?? '', 10)
  if (!Number.isFinite(oldN) || oldN < Number(revision)) annotations[REVISION] = revision
  ctx.d = updateObject(ctx.sim, { ...d, metadata: { ...d.metadata, annotations }, status })
}

/** `NewRSNewReplicas`: how far the new ReplicaSet may grow now. */
function newRSNewReplicas(d: DeployObj, all: readonly RSObj[], newRS: RSObj): number {
  if (!isRollingUpdate(d)) return replicasOf(d)
  const current = sum(all, rsReplicas)
  const maxTotal = replicasOf(d) + maxSurge(d)
  if (current >= maxTotal) return rsReplicas(newRS)
  const up = Math.min(maxTotal - current, Math.max(0, replicasOf(d) - rsReplicas(newRS)))
  return rsReplicas(newRS) + up
}

function scalingEvent(sim: Sim, d: DeployObj, message: string): void {
  controllerEvent(sim, d, COMPONENT, 'Normal', 'ScalingReplicaSet', message)
}

/**
 * `scaleReplicaSet`: the new size and the replicas annotations in one update, and a `ScalingReplicaSet`
 * event when the size changed. Returns the ReplicaSet as stored.
 */
function scaleReplicaSet(ctx: Ctx, rs: RSObj, size: number, op?: 'up' | 'down'): RSObj {
  const d = ctx.d
  const desired = String(replicasOf(d))
  const max = String(replicasOf(d) + maxSurge(d))
  const from = rsReplicas(rs)
  const annotations = rs.metadata.annotations ?? {}
  if (from === size && annotations[DESIRED_REPLICAS] === desired && annotations[MAX_REPLICAS] === max)
    return rs
  const meta = {
    ...rs.metadata,
    annotations: { ...annotations, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max },
  }
  const updated = writeSpec(ctx.sim, rs, { ...rs.spec!, replicas: size }, meta)
  if (from !== size) {
    const verb = op ?? (from < size ? 'up' : 'down')
    scalingEvent(ctx.sim, d, `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${size}`)
  }
  return updated
}

/** `isScalingEvent`: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
function isScalingEvent(ctx: Ctx, rsList: readonly RSObj[]): boolean {
  const { newRS, old } = split(ctx, rsList)
  for (const rs of [...old, newRS]) {
    if (!rs || rsReplicas(rs) === 0) continue
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS]
    if (desired !== undefined && Number(desired) !== replicasOf(ctx.d)) return true
  }
  return false
}

/** `sync`: scaling (proportional during a rollout) and status, without a rollout step. */
function syncScale(ctx: Ctx, rsList: readonly RSObj[]): void {
  const { newRS, old } = allReplicaSets(ctx, rsList, false)
  scale(ctx, newRS, old)
  const all = refreshed(ctx, newRS, old)
  if (ctx.d.spec?.paused) cleanupDeployment(ctx, all.old)
  writeStatusOf(ctx, calculateStatus(ctx, all.newRS, all.old))
}

function syncStatusOnly(ctx: Ctx, rsList: readonly RSObj[]): void {
  const { newRS, old } = allReplicaSets(ctx, rsList, false)
  writeStatusOf(ctx, calculateStatus(ctx, newRS, old))
}

function refreshed(ctx: Ctx, newRS: RSObj | undefined, old: readonly RSObj[]) {
  const fresh = (rs: RSObj): RSObj | undefined => latest(ctx.sim, rs)
  return {
    newRS: newRS ? fresh(newRS) : undefined,
    old: old.map(fresh).filter((x): x is RSObj => !!x),
  }
}

/** `scale`: one active ReplicaSet takes the whole size; during a rollout, sizes change in proportion. */
function scale(ctx: Ctx, newRS: RSObj | undefined, old: readonly RSObj[]): void {
  const d = ctx.d
  const replicas = replicasOf(d)
  const activeOld = old.filter((rs) => rsReplicas(rs) > 0)
  const all = [...old, ...(newRS ? [newRS] : [])]
  // FindActiveOrLatest
  const active = all.filter((rs) => rsReplicas(rs) > 0)
  let target: RSObj | undefined
  if (active.length === 1) target = active[0]
  else if (active.length === 0 && all.length > 0) target = newRS ?? [...all].sort(byCreation).at(-1)
  if (target) {
    if (rsReplicas(target) !== replicas) scaleReplicaSet(ctx, target, replicas)
    return
  }
  // IsSaturated: the new ReplicaSet has all its replicas available.
  if (
    newRS &&
    rsReplicas(newRS) === replicas &&
    Number(newRS.metadata.annotations?.[DESIRED_REPLICAS]) === replicas &&
    (rsStatus(newRS).availableReplicas ?? 0) === replicas
  ) {
    for (const rs of activeOld) scaleReplicaSet(ctx, rs, 0)
    return
  }
  if (!isRollingUpdate(d)) return
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0
  const toAdd = allowed - sum(active, rsReplicas)
  if (toAdd === 0) return
  // ReplicaSetsBySizeNewer (scaling up) / BySizeOlder (down): larger first, then newer / older first.
  const sorted = [...active].sort((a, b) => {
    const bySize = rsReplicas(b) - rsReplicas(a)
    if (bySize !== 0) return bySize
    return toAdd > 0 ? byCreation(b, a) : byCreation(a, b)
  })
  const sizes = new Map<string, number>()
  let added = 0
  for (const rs of sorted) {
    const p = proportion(d, rs, toAdd, added)
    sizes.set(rs.metadata.name, rsReplicas(rs) + p)
    added += p
  }
  sorted.forEach((rs, i) => {
    let size = sizes.get(rs.metadata.name)!
    if (i === 0) size = Math.max(0, size + toAdd - added)
    scaleReplicaSet(ctx, rs, size, toAdd > 0 ? 'up' : 'down')
  })
}

/** `GetProportion` / `getReplicaSetFraction`, with Go's `math.Round` (half away from zero). */
function proportion(d: DeployObj, rs: RSObj, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  let fraction: number
  if (replicasOf(d) === 0) fraction = -rsReplicas(rs)
  else {
    const deploymentReplicas = replicasOf(d) + maxSurge(d)
    const annotated = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10)
    const base = Number.isFinite(annotated) ? annotated : (d.status?.replicas ?? 0)
    const size = base === 0 ? 0 : (rsReplicas(rs) * deploymentReplicas) / base
    fraction = Math.sign(size) * Math.round(Math.abs(size)) - rsReplicas(rs)
  }
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

/** `rolloutRolling`: scale up if we can, else scale down if we can, then the rollout status. */
function rolloutRolling(ctx: Ctx, rsList: () => RSObj[]): void {
  let { newRS, old } = allReplicaSets(ctx, rsList(), true)
  if (!newRS) return
  const all = (): RSObj[] => [...old, newRS!]
  // reconcileNewReplicaSet
  let scaled = false
  const want = replicasOf(ctx.d)
  if (rsReplicas(newRS) !== want) {
    const size = rsReplicas(newRS) > want ? want : newRSNewReplicas(ctx.d, all(), newRS)
    if (size !== rsReplicas(newRS)) {
      newRS = scaleReplicaSet(ctx, newRS, size)
      scaled = true
    }
  }
  if (!scaled) scaled = reconcileOldReplicaSets(ctx, newRS, old)
  ;({ newRS, old } = refreshed(ctx, newRS, old))
  if (!scaled && newRS && deploymentComplete(ctx.d, ctx.d.status ?? {})) {
    cleanupDeployment(ctx, old)
    old = refreshed(ctx, newRS, old).old
  }
  syncRolloutStatus(ctx, newRS, old)
}

function reconcileOldReplicaSets(ctx: Ctx, newRS: RSObj, old: RSObj[]): boolean {
  const oldCount = sum(old, rsReplicas)
  if (oldCount === 0) return false
  const all = [...old, newRS]
  const allCount = sum(all, rsReplicas)
  const minAvailable = replicasOf(ctx.d) - maxUnavailable(ctx.d)
  const newUnavailable = rsReplicas(newRS) - (rsStatus(newRS).availableReplicas ?? 0)
  const maxScaledDown = allCount - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return false
  // cleanupUnhealthyReplicas: old ReplicaSets' unavailable replicas go first, oldest set first.
  const sortedOld = [...old].sort(byCreation)
  let cleaned = 0
  for (let i = 0; i < sortedOld.length && cleaned < maxScaledDown; i++) {
    const rs = sortedOld[i]!
    const available = rsStatus(rs).availableReplicas ?? 0
    if (rsReplicas(rs) === 0 || rsReplicas(rs) === available) continue
    const n = Math.min(maxScaledDown - cleaned, rsReplicas(rs) - available)
    sortedOld[i] = scaleReplicaSet(ctx, rs, rsReplicas(rs) - n)
    cleaned += n
  }
  // scaleDownOldReplicaSetsForRollingUpdate: only while enough pods stay available.
  let scaledDown = 0
  const availableCount = sum([...sortedOld, newRS], (rs) => rsStatus(rs).availableReplicas ?? 0)
  if (availableCount > minAvailable) {
    const total = availableCount - minAvailable
    for (const rs of sortedOld) {
      if (scaledDown >= total) break
      if (rsReplicas(rs) === 0) continue
      const n = Math.min(rsReplicas(rs), total - scaledDown)
      scaleReplicaSet(ctx, rs, rsReplicas(rs) - n)
      scaledDown += n
    }
  }
  return cleaned + scaledDown > 0
}

/** `rolloutRecreate`: old ReplicaSets to 0, wait until no old pod runs, then the new one to full size. */
function rolloutRecreate(ctx: Ctx, rsList: () => RSObj[]): void {
  let { newRS, old } = allReplicaSets(ctx, rsList(), false)
  let scaledDown = false
  for (const rs of old.filter((x) => rsReplicas(x) > 0)) {
    scaleReplicaSet(ctx, rs, 0)
    scaledDown = true
  }
  if (scaledDown || oldPodsRunning(ctx, old)) {
    ;({ newRS, old } = refreshed(ctx, newRS, old))
    return syncRolloutStatus(ctx, newRS, old)
  }
  if (!newRS) ({ newRS, old } = allReplicaSets(ctx, rsList(), true))
  if (newRS && rsReplicas(newRS) !== replicasOf(ctx.d)) newRS = scaleReplicaSet(ctx, newRS, replicasOf(ctx.d))
  if (deploymentComplete(ctx.d, ctx.d.status ?? {})) cleanupDeployment(ctx, old)
  ;({ newRS, old } = refreshed(ctx, newRS, old))
  syncRolloutStatus(ctx, newRS, old)
}

/** `oldPodsRunning`: an old ReplicaSet still reports replicas, or one of its pods is not finished. */
function oldPodsRunning(ctx: Ctx, old: readonly RSObj[]): boolean {
  if (sum(old, (rs) => rsStatus(rs).replicas ?? 0) > 0) return true
  const pods = listObjects<PodObj>(ctx.sim, 'Pod', ctx.d.metadata.namespace)
  return old.some((rs) => pods.some((p) => controlledBy(p, rs) && !isTerminal(p)))
}

/** `cleanupDeployment`: old, empty ReplicaSets beyond revisionHistoryLimit go, lowest revision first. */
function cleanupDeployment(ctx: Ctx, old: readonly RSObj[]): void {
  const limit = ctx.d.spec?.revisionHistoryLimit
  if (limit === undefined || limit === null) return
  const cleanable = old.filter((rs) => !rs.metadata.deletionTimestamp)
  const diff = cleanable.length - limit
  if (diff <= 0) return
  const sorted = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b))
  for (const rs of sorted.slice(0, diff)) {
    const observed = (rs.status as { observedGeneration?: number } | undefined)?.observedGeneration ?? 0
    if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || generationOf(rs) > observed) continue
    deleteObject(ctx.sim, objKey(rs))
  }
}

function hasProgressDeadline(d: DeployObj): boolean {
  const s = d.spec?.progressDeadlineSeconds
  return s !== undefined && s !== null && s !== MAX_INT32
}

function condition(
  sim: Sim,
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
): DeploymentCondition {
  const now = nowStamp(sim)
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message }
}

/** `SetDeploymentCondition`: same status and reason → unchanged; else moved to the end of the list. */
function setCondition(status: DeploymentStatus, c: DeploymentCondition): DeploymentStatus {
  const conditions = status.conditions ?? []
  const current = conditions.find((x) => x.type === c.type)
  if (current && current.status === c.status && current.reason === c.reason) return status
  const next =
    current && current.status === c.status ? { ...c, lastTransitionTime: current.lastTransitionTime } : c
  return { ...status, conditions: [...conditions.filter((x) => x.type !== c.type), next] }
}

/** `calculateStatus`: counts summed over the ReplicaSets, and the Available condition. */
function calculateStatus(ctx: Ctx, newRS: RSObj | undefined, old: readonly RSObj[]): DeploymentStatus {
  const d = ctx.d
  const all = [...old, ...(newRS ? [newRS] : [])]
  const available = sum(all, (rs) => rsStatus(rs).availableReplicas ?? 0)
  const total = sum(all, rsReplicas)
  // `GetTerminatingReplicaCountForReplicaSets`: unknown (left out) while a ReplicaSet has not said.
  const terms = all.map((rs) => (rsStatus(rs) as { terminatingReplicas?: number }).terminatingReplicas)
  const terminating = terms.every((n) => n !== undefined) ? terms.reduce((a, b) => a + b, 0) : undefined
  let status: DeploymentStatus = {
    ...omitZero({
      observedGeneration: generationOf(d),
      replicas: sum(all, (rs) => rsStatus(rs).replicas ?? 0),
      updatedReplicas: newRS ? (rsStatus(newRS).replicas ?? 0) : 0,
      readyReplicas: sum(all, (rs) => rsStatus(rs).readyReplicas ?? 0),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, total - available),
    }),
    ...(terminating !== undefined ? { terminatingReplicas: terminating } : {}),
    ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
    ...(d.status?.conditions ? { conditions: d.status.conditions } : {}),
  } as DeploymentStatus
  status =
    available >= replicasOf(d) - maxUnavailable(d)
      ? setCondition(
          status,
          condition(
            ctx.sim,
            'Available',
            'True',
            REASON.minAvailable,
            'Deployment has minimum availability.',
          ),
        )
      : setCondition(
          status,
          condition(
            ctx.sim,
            'Available',
            'False',
            REASON.minUnavailable,
            'Deployment does not have minimum availability.',
          ),
        )
  return status
}

/** `DeploymentComplete`: every replica updated, available, and no old one left. */
function deploymentComplete(d: DeployObj, s: DeploymentStatus): boolean {
  const r = replicasOf(d)
  return (
    (s.updatedReplicas ?? 0) === r &&
    (s.replicas ?? 0) === r &&
    (s.availableReplicas ?? 0) === r &&
    (s.observedGeneration ?? 0) >= generationOf(d)
  )
}

/** `DeploymentProgressing`: more updated, ready or available replicas, or fewer old ones, than before. */
function deploymentProgressing(d: DeployObj, s: DeploymentStatus): boolean {
  const o = d.status ?? {}
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0)
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0)
  return (
    (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
  )
}

/** `DeploymentTimedOut`: the Progressing condition was last updated more than the deadline ago. */
function deploymentTimedOut(d: DeployObj, s: DeploymentStatus, now: number): boolean {
  const c = s.conditions?.find((x) => x.type === 'Progressing')
  if (!c || c.reason === REASON.newRSAvailable) return false
  if (c.reason === REASON.timedOut) return true
  const from = parseTime(c.lastUpdateTime)
  return from !== null && from + (d.spec?.progressDeadlineSeconds ?? 600) * 1000 < now
}

/** `syncRolloutStatus` (progress.go): Available, then Progressing by the reasons of reference F1. */
function syncRolloutStatus(ctx: Ctx, newRS: RSObj | undefined, old: readonly RSObj[]): void {
  const d = ctx.d
  const sim = ctx.sim
  let status = calculateStatus(ctx, newRS, old)
  if (!hasProgressDeadline(d) && status.conditions)
    status = { ...status, conditions: status.conditions.filter((c) => c.type !== 'Progressing') }
  const current = d.status?.conditions?.find((c) => c.type === 'Progressing')
  const complete =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === REASON.newRSAvailable
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, status)) {
      status = setCondition(
        status,
        condition(
          sim,
          'Progressing',
          'True',
          REASON.newRSAvailable,
          `${subject} has successfully progressed.`,
        ),
      )
    } else if (deploymentProgressing(d, status)) {
      let c = condition(sim, 'Progressing', 'True', REASON.rsUpdated, `${subject} is progressing.`)
      if (current) {
        if (current.status === 'True') c = { ...c, lastTransitionTime: current.lastTransitionTime }
        status = { ...status, conditions: (status.conditions ?? []).filter((x) => x.type !== 'Progressing') }
      }
      status = setCondition(status, c)
    } else if (deploymentTimedOut(d, status, nowMs(sim))) {
      status = setCondition(
        status,
        condition(sim, 'Progressing', 'False', REASON.timedOut, `${subject} has timed out progressing.`),
      )
    }
  }
  writeStatusOf(ctx, status)
  requeueStuck(ctx, status)
}

/**
 * `requeueStuckDeployment`: a sync one second after the progress deadline would pass, so that
 * `ProgressDeadlineExceeded` is noticed without any other change.
 */
function requeueStuck(ctx: Ctx, status: DeploymentStatus): void {
  const d = ctx.d
  const c = status.conditions?.find((x) => x.type === 'Progressing')
  if (!hasProgressDeadline(d) || !c || c.reason === REASON.newRSAvailable || c.reason === REASON.timedOut)
    return
  if (deploymentComplete(d, status)) return
  const from = parseTime(c.lastUpdateTime)
  if (from === null) return
  const at = from + (d.spec?.progressDeadlineSeconds ?? 600) * 1000 + 1000
  requeueAt(ctx.sim, at - ctx.sim.s.epochMs)
}

function writeStatusOf(ctx: Ctx, status: DeploymentStatus): void {
  const d = latest(ctx.sim, ctx.d) ?? ctx.d
  ctx.d = updateObject(ctx.sim, { ...d, status })
}
