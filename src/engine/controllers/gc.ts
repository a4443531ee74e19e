/**
 * The garbage collector (`k8s.io/kubernetes/pkg/controller/garbagecollector`) along ownerReferences:
 * an object none of whose owners exists any more (by UID) is deleted, pods gracefully (background
 * cascading deletion). Foreground deletion: an owner with a deletionTimestamp and the
 * `foregroundDeletion` finalizer waits until its dependents that block owner deletion are gone, and
 * those are deleted first; `orphan` removes the references instead.
 */
import { deleteObject, updateObject, type Change, type Sim } from '../sim/sim'
import { keyOf, objKey, type KObject, type SimState } from '../sim/state'
import { deletePodGracefully, nowStamp, type PodObj } from './common'

export const FOREGROUND = 'foregroundDeletion'
export const ORPHAN = 'orphan'

/**
 * The collector's informer (its graph builder's event handlers): notes a change that may give the next
 * pass something to do, so that a pass over a store where nothing changed that way is skipped. That is
 * any deletion, any object being deleted (or that was), and an object with an owner reference that
 * does not name a live owner (looked up by kind, namespace and name, then compared by UID); anything
 * else leaves every pass decision as it was. A state that never noted anything counts as changed.
 */
export function gcWatch(sim: Sim, ch: Change): void {
  const s = sim.s as SimState & GcState
  if (s.gcDirty) return
  if (ch.op === 'delete' || ch.object.metadata.deletionTimestamp || ch.old?.metadata.deletionTimestamp)
    s.gcDirty = true
  else if (!ownersLive(sim, ch.object)) s.gcDirty = true
}

/** The collector's flag on the state (plain data, so keyframes carry it). */
interface GcState {
  gcDirty?: boolean
}

function ownersLive(sim: Sim, o: KObject): boolean {
  const refs = o.metadata.ownerReferences
  if (!refs) return true
  for (const r of refs) {
    const owner =
      sim.s.objects.get(keyOf(r.kind, o.metadata.namespace, r.name)) ??
      sim.s.objects.get(keyOf(r.kind, undefined, r.name))
    if (!owner || owner.metadata.uid !== r.uid || owner.metadata.deletionTimestamp) return false
  }
  return true
}

/** One pass of the collector over the whole store (none when nothing changed that matters to it). */
export function collectGarbage(sim: Sim): void {
  const st = sim.s as SimState & GcState
  if (st.gcDirty === false) return
  st.gcDirty = false
  const byUid = new Map<string, KObject>()
  for (const o of sim.s.objects.values()) if (o.metadata.uid) byUid.set(o.metadata.uid, o)
  const finalizers = (o: KObject): string[] => (o.metadata.finalizers as string[] | undefined) ?? []
  // Decisions come from the store as it was when the pass began (the dependents, and `byUid`): only
  // objects with owners are kept, not a copy of the whole store.
  const withOwners: KObject[] = []
  for (const o of sim.s.objects.values()) {
    const refs = o.metadata.ownerReferences
    if (refs && refs.length > 0) withOwners.push(o)
  }
  for (const o of withOwners) {
    const refs = o.metadata.ownerReferences!
    // The common case, every owner there and none being deleted, without the lists below.
    const settled = refs.every((r) => {
      const owner = byUid.get(r.uid)
      return owner !== undefined && !owner.metadata.deletionTimestamp
    })
    if (settled) continue
    const owners = refs.map((r) => byUid.get(r.uid))
    // Owners being deleted with `orphan`: the references go, the dependent stays.
    const orphaning = refs.filter((_, i) => {
      const owner = owners[i]
      return !!owner?.metadata.deletionTimestamp && finalizers(owner).includes(ORPHAN)
    })
    if (orphaning.length > 0) {
      const keep = refs.filter((r) => !orphaning.includes(r))
      const metadata = { ...o.metadata }
      if (keep.length > 0) metadata.ownerReferences = keep
      else delete metadata.ownerReferences
      updateObject(sim, { ...o, metadata })
      continue
    }
    const gone = owners.every((owner) => !owner)
    const foreground = owners.some(
      (owner) => !!owner?.metadata.deletionTimestamp && finalizers(owner).includes(FOREGROUND),
    )
    if (gone || foreground) remove(sim, o, foreground)
  }
  // Owners whose foreground deletion is done (no blocking dependent left) or whose orphaning is done.
  const finishing: KObject[] = []
  for (const o of sim.s.objects.values()) {
    if (!o.metadata.deletionTimestamp) continue
    const f = finalizers(o)
    if (f.includes(FOREGROUND) || f.includes(ORPHAN)) finishing.push(o)
  }
  for (const o of finishing) {
    const f = finalizers(o)
    const uid = o.metadata.uid
    const dependents = [...sim.s.objects.values()].filter((x) =>
      x.metadata.ownerReferences?.some((r) => r.uid === uid && (f.includes(ORPHAN) || r.blockOwnerDeletion)),
    )
    if (dependents.length > 0) continue
    const rest = f.filter((x) => x !== FOREGROUND && x !== ORPHAN)
    if (rest.length === 0) deleteObject(sim, objKey(o))
    else updateObject(sim, { ...o, metadata: { ...o.metadata, finalizers: rest } })
  }
}

/** Deletes a dependent; under a foreground deletion, non-pod dependents are deleted in foreground too. */
function remove(sim: Sim, o: KObject, foreground: boolean): void {
  if (o.metadata.deletionTimestamp) return
  if (o.kind === 'Pod') return deletePodGracefully(sim, o as PodObj)
  if (!foreground) return deleteObject(sim, objKey(o))
  const finalizers = [...((o.metadata.finalizers as string[] | undefined) ?? []), FOREGROUND]
  updateObject(sim, {
    ...o,
    metadata: { ...o.metadata, deletionTimestamp: nowStamp(sim), deletionGracePeriodSeconds: 0, finalizers },
  })
}
