import { pushItem } from './queue'
import { nextInt } from './rng'
import type { KObject, LogEntry, SimState, Task } from './state'
import { keyOf, objKey, writableObjects } from './state'
import { rfc3339 } from './time'
import { flat } from '../model/flat'

/** A change to the API store, as a watch delivers it. */
export interface Change {
  readonly op: 'create' | 'update' | 'delete'
  readonly key: string
  readonly object: KObject
  readonly old: KObject | undefined
}

/** Code that reacts to store changes (controllers, scheduler, kubelet): never stored in the state. */
export type Watcher = (sim: Sim, change: Change) => void

/** The state plus the code that watches it. */
export interface Sim {
  readonly s: SimState
  readonly watchers: readonly Watcher[]
  /** The API server's defaulting and admission, applied to objects created during the run. */
  readonly admit: (kind: string, body: Record<string, unknown>, sim: Sim) => Record<string, unknown>
}

/** Schedules a task `delay` ms from now (or at an absolute time with `at`). */
export function schedule(sim: Sim, delayMs: number, task: Task): void {
  const s = sim.s
  pushItem(s.queue, { at: s.now + Math.max(0, Math.round(delayMs)), seq: s.seq++, task })
}

export function scheduleAt(sim: Sim, atMs: number, task: Task): void {
  const s = sim.s
  pushItem(s.queue, { at: Math.max(s.now, Math.round(atMs)), seq: s.seq++, task })
}

/** A random RFC 4122 version-4 UUID from the simulation's PRNG. */
export function newUid(sim: Sim): string {
  const hex = '0123456789abcdef'
  let out = ''
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out += '-'
    else if (i === 14) out += '4'
    else if (i === 19) out += hex[8 + nextInt(sim.s.rng, 4)]
    else out += hex[nextInt(sim.s.rng, 16)]
  }
  return flat(out)
}

export function getObject<T extends KObject = KObject>(
  sim: Sim,
  kind: string,
  namespace: string | undefined,
  name: string,
): T | undefined {
  return sim.s.objects.get(keyOf(kind, namespace, name)) as T | undefined
}

export function listObjects<T extends KObject = KObject>(sim: Sim, kind: string, namespace?: string): T[] {
  const s = sim.s
  const version = s.kindWrites?.[kind] ?? 0
  const cacheKey = `${kind}/${namespace ?? '*'}`
  let cache = listCache.get(s.objects)
  const hit = cache?.get(cacheKey)
  if (hit && hit.version === version) return hit.list.slice() as T[]
  const prefix = namespace === undefined ? `${kind}/` : `${kind}/${namespace}/`
  const out: T[] = []
  for (const [k, o] of s.objects) if (k.startsWith(prefix)) out.push(o as T)
  if (!cache) listCache.set(s.objects, (cache = new Map()))
  cache.set(cacheKey, { version, list: out.slice() })
  return out
}

/**
 * Lists by kind, remembered per store map until an object of that kind is written (`kindWrites`):
 * LimitRanges, quotas and Services are looked up on every pod create but rarely change.
 */
const listCache = new WeakMap<
  ReadonlyMap<string, KObject>,
  Map<string, { version: number; list: KObject[] }>
>()

function bumpKind(s: SimState, kind: string): void {
  s.kindWrites = { ...s.kindWrites, [kind]: (s.kindWrites?.[kind] ?? 0) + 1 }
}

/** Creates an object as the API server would: uid, resourceVersion, creationTimestamp. */
export function createObject<T extends KObject>(sim: Sim, object: T, summary?: string): T {
  const s = sim.s
  const created = {
    ...object,
    metadata: {
      ...object.metadata,
      uid: object.metadata.uid ?? newUid(sim),
      resourceVersion: String(++s.rv),
      creationTimestamp: object.metadata.creationTimestamp ?? rfc3339(s.epochMs + s.now),
    },
  } as T
  const key = objKey(created)
  writableObjects(s).set(key, created)
  bumpKind(s, created.kind)
  record(sim, { t: s.now, op: 'create', key, rv: s.rv, summary: summary ?? describeBriefly(created) })
  notify(sim, { op: 'create', key, object: created, old: undefined })
  return created
}

/** Replaces an object with a new value; a no-op when nothing changed. */
export function updateObject<T extends KObject>(sim: Sim, object: T, summary?: string): T {
  const s = sim.s
  const key = objKey(object)
  const old = s.objects.get(key)
  if (old && sameIgnoringVersion(old, object)) return old as T
  const updated = { ...object, metadata: { ...object.metadata, resourceVersion: String(++s.rv) } } as T
  writableObjects(s).set(key, updated)
  bumpKind(s, updated.kind)
  record(sim, { t: s.now, op: 'update', key, rv: s.rv, summary: summary ?? describeBriefly(updated) })
  notify(sim, { op: 'update', key, object: updated, old })
  return updated
}

/** Replaces an object the caller knows has changed (no comparison). */
export function replaceObject<T extends KObject>(sim: Sim, object: T, summary?: string): T {
  const s = sim.s
  const key = objKey(object)
  const old = s.objects.get(key)
  const updated = { ...object, metadata: { ...object.metadata, resourceVersion: String(++s.rv) } } as T
  writableObjects(s).set(key, updated)
  bumpKind(s, updated.kind)
  record(sim, { t: s.now, op: 'update', key, rv: s.rv, summary: summary ?? describeBriefly(updated) })
  notify(sim, { op: 'update', key, object: updated, old })
  return updated
}

export function deleteObject(sim: Sim, key: string): void {
  const s = sim.s
  const old = s.objects.get(key)
  if (!old) return
  writableObjects(s).delete(key)
  bumpKind(s, old.kind)
  s.rv++
  record(sim, { t: s.now, op: 'delete', key, rv: s.rv, summary: `deleted ${key}` })
  notify(sim, { op: 'delete', key, object: old, old })
}

export function record(sim: Sim, entry: LogEntry): void {
  flat(entry.key)
  flat(entry.summary)
  sim.s.log.push(entry)
}

function notify(sim: Sim, change: Change): void {
  for (const w of sim.watchers) w(sim, change)
}

function sameIgnoringVersion(a: KObject, b: KObject): boolean {
  if (a === b) return true
  const { metadata: ma, ...ra } = a
  const { metadata: mb, ...rb } = b
  return (
    jsonEqual(ra, rb) &&
    jsonEqual({ ...ma, resourceVersion: undefined }, { ...mb, resourceVersion: undefined })
  )
}

/**
 * Equality of two values as JSON sees them: keys holding `undefined` are absent, arrays compare in
 * order, objects whatever the order of their keys.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    if (a.length !== bb.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false
    return true
  }
  const oa = a as Record<string, unknown>
  const ob = b as Record<string, unknown>
  let na = 0
  for (const k in oa) {
    if (oa[k] === undefined) continue
    na++
    if (!jsonEqual(oa[k], ob[k])) return false
  }
  let nb = 0
  for (const k in ob) if (ob[k] !== undefined) nb++
  return na === nb
}

/** `Pod default/web-0 Running 1/1` (ready containers of those with a status), `Node worker-1`. */
function describeBriefly(o: KObject): string {
  const status = o.status as { phase?: string; containerStatuses?: { ready?: boolean }[] } | undefined
  let ready = ''
  const statuses = o.kind === 'Pod' ? status?.containerStatuses : undefined
  if (statuses) {
    let n = 0
    for (const c of statuses) if (c.ready) n++
    ready = ` ${n}/${statuses.length}`
  }
  return `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}${status?.phase ? ` ${status.phase}` : ''}${ready}`
}
