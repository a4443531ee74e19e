import type { Event as K8sEvent, ObjectReference } from 'kubernetes-types/core/v1'
import { record, type Sim } from './sim'
import { writableEvents, type KObject } from './state'
import { rfc3339 } from './time'
import { flat } from '../model/flat'

export interface EventSource {
  /** `kubelet`, `default-scheduler`, `deployment-controller`, … */
  readonly component: string
  /** The node, for kubelet events. */
  readonly host?: string
}

export interface EventInput {
  readonly type: 'Normal' | 'Warning'
  readonly reason: string
  readonly message: string
  /** e.g. `spec.containers{web}` for container events. */
  readonly fieldPath?: string
}

/**
 * Records a core/v1 Event the way client-go's recorder does (reference D5): an event identical in source,
 * object (fieldPath included), type, reason and message increments `count` and `lastTimestamp` of the
 * existing one; otherwise a new Event named `<object>.<hex unix nanos>` is created.
 */
export function recordEvent(sim: Sim, involved: KObject, source: EventSource, input: EventInput): K8sEvent {
  const s = sim.s
  const ns = involved.metadata.namespace ?? 'default'
  const key = flat(
    `${source.component}\u0000${source.host ?? ''}\u0000${involved.kind}\u0000${ns}\u0000${involved.metadata.name}\u0000${involved.metadata.uid ?? ''}\u0000${input.fieldPath ?? ''}\u0000${input.type}\u0000${input.reason}\u0000${input.message}`,
  )
  const nowStamp = rfc3339(s.epochMs + s.now)
  const existing = s.events.get(key)
  let event: K8sEvent
  if (existing) {
    event = {
      ...existing,
      count: (existing.count ?? 1) + 1,
      lastTimestamp: nowStamp,
      metadata: { ...existing.metadata, resourceVersion: String(++s.rv) },
    }
  } else {
    const nanos = hexNanos(s.epochMs + s.now, s.seq++ % 1_000_000)
    event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: flat(`${involved.metadata.name}.${nanos}`),
        namespace: ns,
        resourceVersion: String(++s.rv),
        creationTimestamp: nowStamp,
      },
      involvedObject: involvedObject(involved, input.fieldPath),
      reason: input.reason,
      message: flat(input.message),
      source: source.host
        ? { component: source.component, host: source.host }
        : { component: source.component },
      firstTimestamp: nowStamp,
      lastTimestamp: nowStamp,
      count: 1,
      type: input.type,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    }
  }
  writableEvents(s).set(key, event)
  record(sim, {
    t: s.now,
    op: existing ? 'update' : 'create',
    key: `Event/${ns}/${event.metadata!.name}`,
    rv: s.rv,
    summary: `${input.type} ${input.reason} ${involved.kind}/${involved.metadata.name}${input.fieldPath ? ` ${input.fieldPath}` : ''}: ${input.message}`,
  })
  return event
}

/** The event's `involvedObject` (`ref.GetReference`), its fields in the order the API server prints them. */
function involvedObject(o: KObject, fieldPath: string | undefined): ObjectReference {
  const m = o.metadata
  const ref: ObjectReference = { apiVersion: o.apiVersion, kind: o.kind, name: m.name }
  // Plain assignments, not spreads of optional objects: one event per pod change adds up.
  if (m.namespace) ref.namespace = m.namespace
  if (m.uid) ref.uid = m.uid
  if (m.resourceVersion) ref.resourceVersion = m.resourceVersion
  if (fieldPath) ref.fieldPath = fieldPath
  return ref
}

/**
 * `ms × 10⁶ + extra` in hex (the event name's unix nanoseconds), exact: with double arithmetic on
 * 20-bit halves for any time before 2039, with BigInt otherwise.
 */
export function hexNanos(ms: number, extra: number): string {
  if (!(ms >= 0 && ms < 2 ** 41 && Number.isInteger(ms) && extra >= 0 && extra < 1_000_000))
    return (BigInt(ms) * 1_000_000n + BigInt(extra)).toString(16)
  const high = Math.floor(ms / 2 ** 20)
  const low = (ms % 2 ** 20) * 1_000_000 + extra
  const top = high * 1_000_000 + Math.floor(low / 2 ** 20)
  const bottom = low % 2 ** 20
  if (top === 0) return bottom.toString(16)
  return top.toString(16) + bottom.toString(16).padStart(5, '0')
}
