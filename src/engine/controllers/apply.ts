/**
 * What `kubectl apply`, `kubectl scale` and `kubectl delete` do to the API store, for the scenario's
 * `apply` / `scale` / `delete` actions: pure functions over the simulation that write the object the
 * way the API server would (defaulting through `sim.admit`, `metadata.generation` bumped on a spec
 * change, graceful deletion with a propagation policy). The controllers' watches then roll out, scale
 * or collect, in the next `controllers` pass.
 */
import type { Pod } from 'kubernetes-types/core/v1'
import { isRefusal } from '../api/refusal'
import { createObject, deleteObject, getObject, updateObject, type Sim } from '../sim/sim'
import { objKey, type KObject } from '../sim/state'
import { deletePodGracefully, generationOf, nowStamp, type PodObj } from './common'
import { FOREGROUND, ORPHAN } from './gc'

/** The outcome, worded as kubectl prints it (stdout on success, stderr otherwise). */
export type WorkloadResult =
  { readonly ok: true; readonly message: string } | { readonly ok: false; readonly message: string }

const GROUP: Readonly<Record<string, string>> = {
  Deployment: 'apps',
  ReplicaSet: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  ControllerRevision: 'apps',
  Job: 'batch',
  CronJob: 'batch',
}

/** `deployment.apps` / `pod`: the resource as kubectl names it in its messages. */
function resource(kind: string, plural = false): string {
  const lower = kind.toLowerCase()
  const name = plural ? (lower.endsWith('s') ? `${lower}es` : `${lower}s`) : lower
  return GROUP[kind] ? `${name}.${GROUP[kind]}` : name
}

function notFound(kind: string, name: string): WorkloadResult {
  return { ok: false, message: `Error from server (NotFound): ${resource(kind, true)} "${name}" not found` }
}

/** The kinds `kubectl scale` accepts (its `scale` subresource). */
export const SCALABLE_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet'] as const

/**
 * `kubectl apply -f` of one object: created when absent (`deployment.apps/web created`), else its
 * spec, labels and annotations replaced (`configured`, or `unchanged`); status, UID, owner references
 * and controller annotations stay. A Deployment whose template changed rolls out on the next pass.
 *
 * @example
 * applyObject(sim, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec })
 * // { ok: true, message: 'deployment.apps/web configured' }
 */
export function applyObject(sim: Sim, body: Record<string, unknown>): WorkloadResult {
  const kind = typeof body.kind === 'string' ? body.kind : ''
  const meta = (body.metadata ?? {}) as KObject['metadata']
  if (!kind || typeof meta.name !== 'string' || meta.name === '')
    return { ok: false, message: 'error: error validating data: object has no kind or name' }
  const namespaced = kind !== 'Node' && kind !== 'Namespace'
  const namespace = namespaced ? (meta.namespace ?? 'default') : undefined
  const admitted = sim.admit(
    kind,
    { ...body, metadata: { ...meta, ...(namespace ? { namespace } : {}) } },
    sim,
  ) as unknown as KObject
  // The API server's refusal (namespace, LimitRange, quota, Service allocation: api/refusal.ts).
  if (isRefusal(admitted))
    return { ok: false, message: `Error from server (${admitted.reason}): ${admitted.message}` }
  const existing = getObject(sim, kind, namespace, meta.name)
  const id = `${resource(kind)}/${meta.name}`
  if (!existing) {
    const status =
      kind === 'Pod' ? { phase: 'Pending', ...((admitted.status as object) ?? {}) } : admitted.status
    createObject(sim, {
      ...admitted,
      ...(status ? { status } : {}),
      metadata: { ...admitted.metadata, generation: 1 },
    })
    return { ok: true, message: `${id} created` }
  }
  const specChanged = JSON.stringify(admitted.spec) !== JSON.stringify(existing.spec)
  if (specChanged && kind === 'Pod')
    return {
      ok: false,
      message: `The Pod "${meta.name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`,
    }
  if (specChanged && kind === 'Job') {
    const a = JSON.stringify((admitted.spec as { template?: unknown }).template)
    const b = JSON.stringify((existing.spec as { template?: unknown }).template)
    if (a !== b)
      return {
        ok: false,
        message: `The Job "${meta.name}" is invalid: spec.template: Invalid value: field is immutable`,
      }
  }
  const next = {
    ...existing,
    metadata: {
      ...existing.metadata,
      labels: admitted.metadata.labels,
      annotations: { ...(existing.metadata.annotations ?? {}), ...(admitted.metadata.annotations ?? {}) },
      ...(specChanged ? { generation: generationOf(existing) + 1 } : {}),
    },
    spec: admitted.spec,
  } as KObject
  if (!next.metadata.labels) delete next.metadata.labels
  const written = updateObject(sim, next)
  return { ok: true, message: `${id} ${written === existing ? 'unchanged' : 'configured'}` }
}

/**
 * `kubectl scale <kind>/<name> --replicas=<n>`: spec.replicas through the scale subresource
 * (`deployment.apps/web scaled`).
 */
export function scaleWorkload(
  sim: Sim,
  kind: string,
  namespace: string,
  name: string,
  replicas: number,
): WorkloadResult {
  if (!(SCALABLE_KINDS as readonly string[]).includes(kind))
    return { ok: false, message: `error: cannot scale ${resource(kind, true)}: no scale subresource` }
  if (!Number.isInteger(replicas) || replicas < 0)
    return {
      ok: false,
      message: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    }
  const o = getObject(sim, kind, namespace, name)
  if (!o) return notFound(kind, name)
  const spec = (o.spec ?? {}) as { replicas?: number }
  if (spec.replicas !== replicas)
    updateObject(sim, {
      ...o,
      metadata: { ...o.metadata, generation: generationOf(o) + 1 },
      spec: { ...spec, replicas },
    })
  return { ok: true, message: `${resource(kind)}/${name} scaled` }
}

/**
 * `kubectl delete <kind>/<name> [--cascade=background|foreground|orphan]`: pods go gracefully; other
 * objects at once with their dependents collected in the background, or, foreground, after their
 * dependents (`foregroundDeletion` finalizer), or orphaned (`orphan` finalizer).
 */
export function deleteWorkload(
  sim: Sim,
  kind: string,
  namespace: string | undefined,
  name: string,
  propagation: 'Background' | 'Foreground' | 'Orphan' = 'Background',
): WorkloadResult {
  const o = getObject(sim, kind, namespace, name)
  if (!o) return notFound(kind, name)
  const message = `${resource(kind)} "${name}" deleted`
  if (kind === 'Pod') {
    deletePodGracefully(sim, o as Pod as PodObj)
    return { ok: true, message }
  }
  if (propagation === 'Background') {
    deleteObject(sim, objKey(o))
    return { ok: true, message }
  }
  if (o.metadata.deletionTimestamp) return { ok: true, message }
  const finalizer = propagation === 'Foreground' ? FOREGROUND : ORPHAN
  const finalizers = [...((o.metadata.finalizers as string[] | undefined) ?? []), finalizer]
  updateObject(sim, {
    ...o,
    metadata: { ...o.metadata, deletionTimestamp: nowStamp(sim), deletionGracePeriodSeconds: 0, finalizers },
  })
  return { ok: true, message }
}
