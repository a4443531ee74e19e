/**
 * The StatefulSet controller (`k8s.io/kubernetes/pkg/controller/statefulset`: `stateful_set_control.go`,
 * `stateful_set_utils.go`, `stateful_pod_control.go`): pods `<set>-<ordinal>` with a stable name,
 * hostname and subdomain; `OrderedReady` creates one pod at a time, each Running and Ready (and
 * available after minReadySeconds) before the next, and removes from the highest ordinal, one at a
 * time; `Parallel` does both at once. A failed or deleted pod is recreated under the same name. A
 * changed template is rolled out from the highest ordinal down to the partition. Events:
 * `create Pod web-0 in StatefulSet web successful` (`recordPodEvent`).
 */
import type { Refusal } from '../api/refusal'
import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1'
import type { PodTemplateSpec, Volume } from 'kubernetes-types/core/v1'
import { podTemplateHash } from '../model/names'
import { createObject, getObject, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import {
  controlledObjects,
  controllerEvent,
  controllerRef,
  deletePodGracefully,
  generationOf,
  isPodAvailable,
  isPodReady,
  isTerminal,
  latest,
  nowMs,
  podFromTemplate,
  requeueForAvailability,
  writeStatus,
  type NewPod,
  type PodObj,
} from './common'

export type STSObj = StatefulSet & KObject

const COMPONENT = 'statefulset-controller'
export const REVISION_LABEL = 'controller-revision-hash'
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name'
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index'

const runningAndReady = (p: PodObj): boolean => p.status?.phase === 'Running' && isPodReady(p)

/** One `UpdateStatefulSet`. */
export function reconcileStatefulSet(sim: Sim, sts: STSObj, newPod: NewPod): void {
  if (sts.metadata.deletionTimestamp) return
  const name = sts.metadata.name
  const updateRevision = ensureRevision(sim, sts)
  const replicas = sts.spec?.replicas ?? 1
  const start = sts.spec?.ordinals?.start ?? 0
  const monotonic = (sts.spec?.podManagementPolicy ?? 'OrderedReady') !== 'Parallel'
  const minReady = sts.spec?.minReadySeconds ?? 0
  const now = nowMs(sim)
  const pods = (): Map<number, PodObj> => {
    const out = new Map<number, PodObj>()
    for (const p of controlledObjects<PodObj>(sim, 'Pod', sts)) {
      const ord = ordinalOf(name, p.metadata.name)
      if (ord !== null) out.set(ord, p)
    }
    return out
  }
  const record = (verb: 'create' | 'delete', pod: string): void =>
    controllerEvent(
      sim,
      sts,
      COMPONENT,
      'Normal',
      verb === 'create' ? 'SuccessfulCreate' : 'SuccessfulDelete',
      `${verb} Pod ${pod} in StatefulSet ${name} successful`,
    )

  const step = (): void => {
    const byOrd = pods()
    const inRange = (o: number): boolean => o >= start && o < start + replicas
    const all = [...byOrd.entries()].sort((a, b) => a[0] - b[0])
    const firstUnhealthy = all.find(([, p]) => !runningAndReady(p) || !!p.metadata.deletionTimestamp)?.[0]
    for (let ord = start; ord < start + replicas; ord++) {
      let p = byOrd.get(ord)
      if (p && isTerminal(p) && !p.metadata.deletionTimestamp) {
        // A failed (or succeeded) pod is deleted and recreated under the same name.
        deletePodGracefully(sim, p)
        record('delete', p.metadata.name)
        p = latest(sim, p)
        if (p) {
          if (monotonic) return
          continue
        }
      }
      if (!p) {
        const refused = createReplica(sim, sts, newPod, ord, updateRevision)
        // `recordPodEvent` on error (stateful_pod_control.go): Warning FailedCreate, and the sync stops.
        if (refused) {
          const message = `create Pod ${name}-${ord} in StatefulSet ${name} failed error: ${refused.message}`
          return controllerEvent(sim, sts, COMPONENT, 'Warning', 'FailedCreate', message)
        }
        record('create', `${name}-${ord}`)
        if (monotonic) return
        continue
      }
      if (!monotonic) continue
      if (p.metadata.deletionTimestamp) return
      if (!runningAndReady(p)) return
      if (!isPodAvailable(p, minReady, now)) return
    }
    const condemned = all.filter(([o]) => !inRange(o)).reverse()
    for (const [ord, p] of condemned) {
      if (p.metadata.deletionTimestamp) {
        if (monotonic) return
        continue
      }
      if (monotonic && !runningAndReady(p) && ord !== firstUnhealthy) return
      deletePodGracefully(sim, p)
      record('delete', p.metadata.name)
      if (monotonic) return
    }
    // RollingUpdate: from the highest ordinal down to the partition, once every pod is healthy.
    const strategy = sts.spec?.updateStrategy
    if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return
    const partition = strategy?.rollingUpdate?.partition ?? 0
    const current = pods()
    for (let ord = start + replicas - 1; ord >= start + partition; ord--) {
      const p = current.get(ord)
      if (!p) return
      if (p.metadata.labels?.[REVISION_LABEL] !== updateRevision) {
        if (p.metadata.deletionTimestamp) return
        if ([...current.values()].some((x) => !runningAndReady(x) && x !== p)) return
        deletePodGracefully(sim, p)
        record('delete', p.metadata.name)
        return
      }
      if (!runningAndReady(p)) return
    }
  }
  step()

  const owned = [...pods().values()]
  const live = owned.filter((p) => !!p.status?.phase)
  const updated = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length
  const prev = sts.status as StatefulSetStatus | undefined
  const currentRevision =
    updated === live.length && live.length === replicas
      ? updateRevision
      : (prev?.currentRevision ?? updateRevision)
  const current = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length
  const status: StatefulSetStatus = {
    observedGeneration: generationOf(sts),
    replicas: live.length,
    ...(live.filter(runningAndReady).length ? { readyReplicas: live.filter(runningAndReady).length } : {}),
    ...(current ? { currentReplicas: current } : {}),
    ...(updated ? { updatedReplicas: updated } : {}),
    currentRevision,
    updateRevision,
    collisionCount: 0,
    availableReplicas: live.filter((p) => runningAndReady(p) && isPodAvailable(p, minReady, nowMs(sim)))
      .length,
  }
  const stored = latest(sim, sts)
  if (stored) writeStatus(sim, stored, status)
  requeueForAvailability(sim, live, minReady)
}

/** `getOrdinal`: the number after the set's name and a dash; null for another pod. */
export function ordinalOf(set: string, pod: string): number | null {
  if (!pod.startsWith(`${set}-`)) return null
  const rest = pod.slice(set.length + 1)
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : null
}

/**
 * The set's current ControllerRevision `<set>-<hash>` (created when the template is new, numbered after
 * the highest revision so far); its name is the pods' `controller-revision-hash` label.
 */
function ensureRevision(sim: Sim, sts: STSObj): string {
  const template = (sts.spec?.template ?? {}) as PodTemplateSpec
  const hash = podTemplateHash(template, sts.status?.collisionCount ?? 0)
  const name = `${sts.metadata.name}-${hash}`
  if (getObject(sim, 'ControllerRevision', sts.metadata.namespace, name)) return name
  const revisions = controlledObjects<KObject & { revision?: number }>(sim, 'ControllerRevision', sts)
  const revision = Math.max(0, ...revisions.map((r) => r.revision ?? 0)) + 1
  createObject(sim, {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: sts.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), 'controller.kubernetes.io/hash': hash },
      ownerReferences: [controllerRef(sts)],
    },
    data: { spec: { template: { ...template, $patch: 'replace' } } },
    revision,
  })
  return name
}

/** `newVersionedStatefulSetPod`: identity (name, hostname, subdomain, labels) and claim volumes. */
function createReplica(sim: Sim, sts: STSObj, newPod: NewPod, ord: number, revision: string): Refusal | void {
  const template = (sts.spec?.template ?? {}) as PodTemplateSpec
  const pod = `${sts.metadata.name}-${ord}`
  const claims: Volume[] = (sts.spec?.volumeClaimTemplates ?? []).map((c) => ({
    name: c.metadata?.name ?? '',
    persistentVolumeClaim: { claimName: `${c.metadata?.name ?? ''}-${pod}` },
  }))
  const claimNames = new Set(claims.map((v) => v.name))
  const volumes = [...(template.spec?.volumes ?? []).filter((v) => !claimNames.has(v.name)), ...claims]
  const spec = {
    ...template.spec!,
    hostname: pod,
    ...(sts.spec?.serviceName ? { subdomain: sts.spec.serviceName } : {}),
    ...(volumes.length > 0 ? { volumes } : {}),
  }
  return newPod(
    sim,
    podFromTemplate(template, sts, {
      name: pod,
      labels: { [POD_INDEX_LABEL]: String(ord), [REVISION_LABEL]: revision, [POD_NAME_LABEL]: pod },
      spec,
    }),
  )
}
