/**
 * What the workload controllers share, as `k8s.io/kubernetes/pkg/controller/controller_utils.go` and
 * `pkg/api/v1/pod` give it to them: controller references, pod activity/readiness/availability, the
 * percent rounding of `intstr.GetScaledValueFromIntOrPercent`, pod creation from a template with a
 * generated name, graceful pod deletion, and the delayed re-sync (`queue.AddAfter`) on virtual time.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1'
import { randomSuffix } from '../model/names'
import { recordEvent } from '../sim/recorder'
import { createRng } from '../sim/rng'
import { deleteObject, listObjects, scheduleAt, updateObject, type Sim } from '../sim/sim'
import { keyOf, objKey, type KObject } from '../sim/state'
import { parseTime, rfc3339 } from '../sim/time'
import { selectorMatches } from '../api/selectors'
import type { Refusal } from '../api/refusal'
import { flat } from '../model/flat'

export type PodObj = Pod & KObject
/**
 * Creates a pod as the API server would (defaults, admission): `createPod` of `sim/simulate.ts`. Returns
 * the API server's refusal (quota, LimitRange, namespace) when the pod was not created.
 */
export type NewPod = (sim: Sim, pod: PodObj) => Refusal | void

/**
 * `podControl.CreatePods` on error (controller_utils.go): Warning `FailedCreate` `Error creating: <err>`,
 * except when the namespace is terminating. True when the pod was refused (the caller then stops).
 */
export function failedCreate(sim: Sim, owner: KObject, component: string, refusal: Refusal | void): boolean {
  if (!refusal) return false
  if (!refusal.namespaceTerminating)
    controllerEvent(sim, owner, component, 'Warning', 'FailedCreate', `Error creating: ${refusal.message}`)
  return true
}
export type OwnerRef = NonNullable<KObject['metadata']['ownerReferences']>[number]

/** `metav1.NewControllerRef`: the owner reference a controller puts on what it creates. */
export function controllerRef(owner: KObject): OwnerRef {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  }
}

/** True when `owner` is the controller of `o` (`metav1.GetControllerOf` compared by UID). */
export function controlledBy(o: KObject, owner: KObject): boolean {
  return !!o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid)
}

/** The objects of `kind` in the owner's namespace that it controls, in store order. */
export function controlledObjects<T extends KObject>(sim: Sim, kind: string, owner: KObject): T[] {
  return listObjects<T>(sim, kind, owner.metadata.namespace).filter((o) => controlledBy(o, owner))
}

/** The current value of an object in the store (controllers re-read after their own writes). */
export function latest<T extends KObject>(sim: Sim, o: T): T | undefined {
  return sim.s.objects.get(objKey(o)) as T | undefined
}

/** Virtual now as epoch ms, and as the API server's RFC 3339 timestamp. */
export const nowMs = (sim: Sim): number => sim.s.epochMs + sim.s.now
export const nowStamp = (sim: Sim): string => rfc3339(nowMs(sim))

export const isTerminal = (p: Pod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'

/** `controller.IsPodActive`: not Succeeded, not Failed, no deletionTimestamp. */
export const isPodActive = (p: Pod): boolean => !isTerminal(p) && !p.metadata?.deletionTimestamp

/** `controller.IsPodTerminating`: a deletionTimestamp on a pod that has not finished. */
export const isPodTerminating = (p: Pod): boolean => !isTerminal(p) && !!p.metadata?.deletionTimestamp

/** `podutil.IsPodReady`: the Ready condition is True. */
export const isPodReady = (p: Pod): boolean =>
  !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')

/** The Ready condition's lastTransitionTime, epoch ms (null when not Ready). */
export function readySince(p: Pod): number | null {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True')
  return c ? parseTime(c.lastTransitionTime) : null
}

/**
 * `podutil.IsPodAvailable`: Ready, and Ready for longer than minReadySeconds
 * (`lastTransitionTime + minReadySeconds` strictly before now).
 */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(p)) return false
  if (minReadySeconds <= 0) return true
  const since = readySince(p)
  return since !== null && since + minReadySeconds * 1000 < now
}

/**
 * Re-syncs after minReadySeconds for pods that are Ready but not yet available: the controllers'
 * `queue.AddAfter(key, minReadySeconds)`, made exact (the first millisecond the pod counts as available).
 */
export function requeueForAvailability(sim: Sim, pods: readonly Pod[], minReadySeconds: number): void {
  if (minReadySeconds <= 0) return
  for (const p of pods) {
    const since = readySince(p)
    if (since !== null && !isPodAvailable(p, minReadySeconds, nowMs(sim)))
      requeueAt(sim, since + minReadySeconds * 1000 + 1 - sim.s.epochMs)
  }
}

const REQUEUE = 'controllers@'

/**
 * A controller pass at virtual time `atMs` (ms since t = 0): the `AddAfter` of the controllers' work
 * queues. One task per distinct time; the marker lives in `pendingOnce` (plain data, so keyframes copy it).
 */
export function requeueAt(sim: Sim, atMs: number): void {
  const at = Math.max(sim.s.now, Math.ceil(atMs))
  const marker = `${REQUEUE}${at}`
  if (sim.s.pendingOnce.has(marker)) return
  sim.s.pendingOnce.add(marker)
  scheduleAt(sim, at, { type: 'controllers' })
}

/** Forgets the requeue markers whose time has come. */
export function clearDueRequeues(sim: Sim): void {
  for (const m of [...sim.s.pendingOnce])
    if (m.startsWith(REQUEUE) && Number(m.slice(REQUEUE.length)) <= sim.s.now) sim.s.pendingOnce.delete(m)
}

/**
 * `intstr.GetScaledValueFromIntOrPercent`: an int as is, a percent of `total` rounded up or down.
 * @example scaledValue('25%', 3, true) // 1; scaledValue('25%', 3, false) // 0
 */
export function scaledValue(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v
  if (typeof v === 'string') {
    const m = /^(\d+)%$/.exec(v)
    if (m) {
      const x = (Number(m[1]) * total) / 100
      return roundUp ? Math.ceil(x) : Math.floor(x)
    }
    const n = Number.parseInt(v, 10)
    if (Number.isFinite(n)) return n
  }
  return 0
}

/** `names.SimpleNameGenerator`: the base cut to 58 characters, then 5 random ones. */
export function generateName(sim: Sim, kind: string, namespace: string | undefined, base: string): string {
  const rng = createRng(sim.s.rng)
  const cut = base.length > 58 ? base.slice(0, 58) : base
  let name = `${cut}${randomSuffix(rng)}`
  while (sim.s.objects.has(keyOf(kind, namespace, name))) name = `${cut}${randomSuffix(rng)}`
  return flat(name)
}

/**
 * `controller.GetPodFromTemplate`: the template's labels, annotations, finalizers and spec, the
 * controller reference, and a name (given, or generated from `generateName`).
 */
export function podFromTemplate(
  template: PodTemplateSpec,
  owner: KObject,
  opts: {
    name: string
    generateName?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
    finalizers?: string[]
    spec?: Pod['spec']
  },
): PodObj {
  const labels = { ...(template.metadata?.labels ?? {}), ...(opts.labels ?? {}) }
  const annotations = { ...(template.metadata?.annotations ?? {}), ...(opts.annotations ?? {}) }
  const finalizers = [...(template.metadata?.finalizers ?? []), ...(opts.finalizers ?? [])]
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: opts.name,
      ...(opts.generateName ? { generateName: opts.generateName } : {}),
      namespace: owner.metadata.namespace ?? 'default',
      labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      ...(finalizers.length > 0 ? { finalizers } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec: opts.spec ?? template.spec,
  } as PodObj
}

/** Records an event from a controller (`source.component` is the controller's name). */
export function controllerEvent(
  sim: Sim,
  involved: KObject,
  component: string,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  recordEvent(sim, involved, { component }, { type, reason, message })
}

/**
 * A controller's pod delete (`podControl.DeletePod`): the API server's graceful deletion, as
 * `sim/actions.ts` `deletePod` does it: an unbound or finished pod goes at once; a running one gets
 * deletionTimestamp = now + grace and leaves when its kubelet has stopped it.
 */
export function deletePodGracefully(sim: Sim, pod: PodObj): void {
  if (pod.metadata.deletionTimestamp) return
  const key = objKey(pod)
  if (!pod.spec?.nodeName || isTerminal(pod)) return deleteObject(sim, key)
  const grace = pod.spec.terminationGracePeriodSeconds ?? 30
  updateObject(sim, {
    ...pod,
    metadata: {
      ...pod.metadata,
      deletionTimestamp: rfc3339(nowMs(sim) + grace * 1000),
      deletionGracePeriodSeconds: grace,
    },
  })
}

/** Writes `status` when it differs from the stored one (the `UpdateStatus` every controller ends with). */
export function writeStatus<T extends KObject>(sim: Sim, o: T, status: unknown): T {
  const current = latest(sim, o) ?? o
  return updateObject(sim, { ...current, status } as T)
}

/** Replaces the spec and bumps `metadata.generation`, as the API server does on a spec change. */
export function writeSpec<T extends KObject>(sim: Sim, o: T, spec: unknown, metadata?: T['metadata']): T {
  const current = latest(sim, o) ?? o
  const meta = metadata ?? current.metadata
  const changed = JSON.stringify(spec) !== JSON.stringify(current.spec)
  const generation = (typeof current.metadata.generation === 'number' ? current.metadata.generation : 1) + 1
  return updateObject(sim, {
    ...current,
    metadata: changed ? { ...meta, generation } : meta,
    spec,
  } as T)
}

/** `metadata.generation`, 1 when the store never set it. */
export const generationOf = (o: KObject): number =>
  typeof o.metadata.generation === 'number' ? o.metadata.generation : 1

/** Go's `omitempty` for the integer status fields: zero values are left out. */
export function omitZero<T extends Record<string, unknown>>(o: T, keep: readonly string[] = []): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (keep.includes(k) || (v !== 0 && v !== undefined)) out[k] = v
  return out as T
}

/** Plain string order (Go's `<` on strings), for deterministic sorts. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * `ClaimObjects` (controller_ref_manager.go), adoption half: objects of `kind` in the owner's namespace
 * with no controller whose labels its selector matches get the owner's controller reference.
 */
export function adoptOrphans(sim: Sim, kind: string, owner: KObject, selector: unknown): void {
  if (owner.metadata.deletionTimestamp || !selector) return
  for (const o of listObjects(sim, kind, owner.metadata.namespace)) {
    if (o.metadata.deletionTimestamp || o.metadata.ownerReferences?.some((r) => r.controller)) continue
    if (!selectorMatches(selector, o.metadata.labels ?? {})) continue
    if (
      Object.keys((selector as { matchLabels?: object }).matchLabels ?? {}).length === 0 &&
      ((selector as { matchExpressions?: unknown[] }).matchExpressions ?? []).length === 0
    )
      continue
    updateObject(sim, {
      ...o,
      metadata: {
        ...o.metadata,
        ownerReferences: [...(o.metadata.ownerReferences ?? []), controllerRef(owner)],
      },
    })
  }
}
