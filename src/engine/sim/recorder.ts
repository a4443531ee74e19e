import type { Event as K8sEvent } from 'kubernetes-types/core/v1'
import { record, type Sim } from './sim'
import { writableEvents, type KObject } from './state'
import { rfc3339 } from './time'

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
  const key = `${source.component}\u0000${source.host ?? ''}\u0000${involved.kind}\u0000${ns}\u0000${involved.metadata.name}\u0000${involved.metadata.uid ?? ''}\u0000${input.fieldPath ?? ''}\u0000${input.type}\u0000${input.reason}\u0000${input.message}`
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
        name: `${involved.metadata.name}.${nanos}`,
        namespace: ns,
        resourceVersion: String(++s.rv),
        creationTimestamp: nowStamp,
      },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involved.metadata.name,
        ...(involved.metadata.namespace ? { namespace: involved.metadata.namespace } : {}),
        ...(involved.metadata.uid ? { uid: involved.metadata.uid } : {}),
        ...(involved.metadata.resourceVersion ? { resourceVersion: involved.metadata.resourceVersion } : {}),
        ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
      },
      reason: input.reason,
      message: input.message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
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
