/**
 * Namespaces: the `NamespaceLifecycle` admission plugin
 * (`staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go`) — nothing is
 * created in a namespace that does not exist (`namespaces "x" not found`) or is being terminated
 * (`<resource> "<name>" is forbidden: unable to create new content in namespace x because it is being
 * terminated`, with the `NamespaceTerminating` cause); `default`, `kube-system` and `kube-public` may
 * not be deleted — and the namespace controller (`pkg/controller/namespace/deletion`): a deleted
 * namespace gets a deletionTimestamp and phase `Terminating`, everything in it is deleted (pods
 * gracefully), and once it is empty the `kubernetes` finalizer is removed and the Namespace goes.
 */
import { kindInfo } from '../model/kinds'
import { deleteObject, getObject, listObjects, updateObject, type Sim } from '../sim/sim'
import { keyOf, writableEvents, type KObject } from '../sim/state'
import { rfc3339 } from '../sim/time'
import { forbidden, notFound, type Refusal } from './refusal'

/** `immortalNamespaces` of the lifecycle plugin. */
const IMMORTAL = ['default', 'kube-system', 'kube-public']

/** The lifecycle plugin's check on create: a refusal, or null when the namespace accepts new objects. */
export function namespaceRefusal(
  sim: Sim,
  kind: string,
  namespace: string | undefined,
  name: string,
): Refusal | null {
  if (!kindInfo(kind).namespaced || kind === 'Namespace') return null
  const ns = namespace ?? 'default'
  const object = getObject(sim, 'Namespace', undefined, ns)
  if (!object) return notFound('namespaces', ns)
  const phase = (object.status as { phase?: string } | undefined)?.phase
  if (object.metadata.deletionTimestamp || phase === 'Terminating')
    return forbidden(
      kind,
      name,
      `unable to create new content in namespace ${ns} because it is being terminated`,
      true,
    )
  return null
}

/**
 * `kubectl delete namespace <name>`: the API server marks it (deletionTimestamp, phase Terminating) and
 * the namespace controller empties it (see {@link reconcileNamespaces}, run here once and then on every
 * controller pass).
 */
export function deleteNamespace(sim: Sim, name: string): { ok: boolean; message: string } {
  const ns = getObject(sim, 'Namespace', undefined, name)
  if (!ns) return { ok: false, message: `Error from server (NotFound): namespaces "${name}" not found` }
  if (IMMORTAL.includes(name))
    return {
      ok: false,
      message: `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted`,
    }
  if (!ns.metadata.deletionTimestamp)
    updateObject(sim, {
      ...ns,
      metadata: { ...ns.metadata, deletionTimestamp: rfc3339(sim.s.epochMs + sim.s.now) },
      status: { ...((ns.status as object | undefined) ?? {}), phase: 'Terminating' },
    })
  reconcileNamespaces(sim)
  return { ok: true, message: `namespace "${name}" deleted` }
}

/**
 * The namespace controller's sync of every terminating namespace: deletes what is left in it (a bound,
 * running pod gets deletionTimestamp = now + grace and leaves when its kubelet has stopped it), drops
 * its events, and deletes the Namespace once nothing is left.
 */
export function reconcileNamespaces(sim: Sim): void {
  for (const ns of listObjects(sim, 'Namespace')) {
    if (!ns.metadata.deletionTimestamp) continue
    const name = ns.metadata.name
    for (const [key, o] of [...sim.s.objects]) {
      if (o.metadata.namespace !== name) continue
      if (o.kind === 'Pod') deletePodGracefully(sim, key, o)
      else deleteObject(sim, key)
    }
    for (const [key, e] of [...sim.s.events])
      if (e.metadata?.namespace === name) writableEvents(sim.s).delete(key)
    if (![...sim.s.objects.values()].some((o) => o.metadata.namespace === name))
      deleteObject(sim, keyOf('Namespace', undefined, name))
  }
}

function deletePodGracefully(sim: Sim, key: string, pod: KObject): void {
  if (pod.metadata.deletionTimestamp) return
  const spec = pod.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined
  const phase = (pod.status as { phase?: string } | undefined)?.phase
  if (!spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') return deleteObject(sim, key)
  const grace = spec.terminationGracePeriodSeconds ?? 30
  updateObject(sim, {
    ...pod,
    metadata: {
      ...pod.metadata,
      deletionTimestamp: rfc3339(sim.s.epochMs + sim.s.now + grace * 1000),
      deletionGracePeriodSeconds: grace,
    },
  })
}
