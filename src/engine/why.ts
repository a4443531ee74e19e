import type { ContainerStatus, Event, Pod } from 'kubernetes-types/core/v1'
import { whyPending } from './scheduler/scheduler'
import type { SimState } from './sim/state'

/** One plain-language reason, with the events (keys `Event/<namespace>/<name>`) it rests on. */
export interface WhyReason {
  readonly text: string
  readonly events: readonly string[]
}

/**
 * Plain-language answers for a pod at the state's moment: why it is Pending, why it is not Ready, why
 * it restarted, why it is going away. Each line comes from the pod's status, its events and the
 * scheduler's per-node verdicts, never from guesses.
 *
 * @example explainPod(state, 'default', 'web-0') // ['Not ready: container web fails its readiness probe: …']
 */
export function explainPod(s: SimState, namespace: string, name: string): string[] {
  return explainPodReasons(s, namespace, name).map((r) => r.text)
}

/**
 * {@link explainPod}'s answers, each with the events behind it: the probe failures and the kill before
 * a restart, the back-off, the eviction, the FailedScheduling.
 */
export function explainPodReasons(s: SimState, namespace: string, name: string): WhyReason[] {
  const key = `Pod/${namespace}/${name}`
  const pod = s.objects.get(key) as Pod | undefined
  if (!pod) return [{ text: `There is no pod ${namespace}/${name} at this moment.`, events: [] }]
  const out: WhyReason[] = []
  const push = (text: string, ...events: (Event | undefined)[]): void => {
    out.push({
      text,
      events: events
        .filter((e): e is Event => e !== undefined)
        .map((e) => `Event/${e.metadata?.namespace ?? namespace}/${e.metadata?.name ?? ''}`),
    })
  }
  const events = [...s.events.values()].filter(
    (e) => e.involvedObject.name === name && (e.involvedObject.namespace ?? 'default') === namespace,
  )
  const last = (reason: string, fieldPath?: string, message?: RegExp): Event | undefined =>
    events
      .filter(
        (e) =>
          e.reason === reason &&
          (fieldPath === undefined || e.involvedObject.fieldPath === fieldPath) &&
          (message === undefined || message.test(e.message ?? '')),
      )
      .sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''))
      .at(-1)

  if (pod.metadata?.deletionTimestamp) {
    const eviction = last('TaintManagerEviction', undefined, /^Marking for deletion/)
    const grace = `its containers get ${pod.metadata.deletionGracePeriodSeconds ?? 30}s to stop before they are killed`
    const preempted = last('Preempted')
    if (eviction)
      push(
        `Terminating: evicted from its node by the taint manager (a NoExecute taint it does not tolerate); ${grace}.`,
        eviction,
      )
    else if (preempted) {
      const by = /^Preempted by pod (\S+) on node/.exec(preempted.message ?? '')?.[1]
      const preemptor = by ? podByUid(s, by) : undefined
      push(
        `Terminating: preempted by the scheduler to make room for ${preemptor ? `the higher-priority pod ${preemptor}` : 'a higher-priority pod'}; ${grace}.`,
        preempted,
      )
    } else push(`Terminating: it is being deleted; ${grace}.`)
  }
  if (!pod.spec?.nodeName) {
    const verdicts = whyPending(s, key)
    const nominated = pod.status?.nominatedNodeName
    if (nominated) {
      // The victims' Preempted events name this pod by UID (`Preempted by pod <uid> on node <node>`).
      const mark = `Preempted by pod ${pod.metadata?.uid ?? ''} on node ${nominated}`
      const victims = [...s.events.values()].filter((e) => e.reason === 'Preempted' && e.message === mark)
      const names = victims.map((e) => e.involvedObject.name ?? '')
      push(
        victims.length > 0
          ? `Pending, nominated to ${nominated}: the scheduler preempted ${victims.length} lower-priority pod${victims.length === 1 ? '' : 's'} there (${names.join(', ')}) and keeps the room for this pod until they are gone.`
          : `Pending, nominated to ${nominated}: the scheduler keeps room there for this pod until the pods it preempted are gone.`,
        ...victims,
      )
      for (const v of verdicts ?? []) push(`  ${v.node}: ${v.reasons.join(', ')} (${v.plugin})`)
    } else if (verdicts && verdicts.length > 0) {
      push('Pending: no node can take it.', last('FailedScheduling'))
      for (const v of verdicts) push(`  ${v.node}: ${v.reasons.join(', ')} (${v.plugin})`)
    } else push('Pending: waiting for the scheduler.', last('FailedScheduling'))
    return out
  }
  const statuses: { status: ContainerStatus; path: string }[] = [
    ...(pod.status?.initContainerStatuses ?? []).map((c) => ({
      status: c,
      path: `spec.initContainers{${c.name}}`,
    })),
    ...(pod.status?.containerStatuses ?? []).map((c) => ({ status: c, path: `spec.containers{${c.name}}` })),
  ]
  for (const { status: c, path } of statuses) {
    const waiting = c.state?.waiting
    if (waiting?.reason === 'CrashLoopBackOff') {
      push(
        `Container ${c.name} keeps stopping; the kubelet waits before starting it again (${waiting.message ?? 'back-off'}).`,
        last('BackOff', path),
      )
    } else if (waiting?.reason === 'ErrImagePull' || waiting?.reason === 'ImagePullBackOff') {
      push(
        `Container ${c.name} cannot start: its image cannot be pulled (${waiting.message ?? waiting.reason}).`,
        last('Failed', path),
      )
    } else if (waiting?.reason === 'ContainerCreating' || waiting?.reason === 'PodInitializing') {
      const pulling = last('Pulling', path)
      push(`Container ${c.name} is being created${pulling ? ` (${pulling.message})` : ''}.`, pulling)
    }
    if (c.state?.running && !c.ready) {
      const unhealthy = last('Unhealthy', path)
      const startup = last('Unhealthy', path, /^Startup/)
      const readiness = last('Unhealthy', path, /^Readiness/)
      if (!c.started)
        push(
          `Container ${c.name} has not passed its startup probe yet${startup ? `: ${startup.message}` : ''}.`,
          startup,
        )
      else
        push(
          `Not ready: container ${c.name} fails its readiness probe${unhealthy ? `: ${unhealthy.message}` : ' (no success yet)'}.`,
          readiness,
        )
    }
    if (c.restartCount > 0) {
      const t = c.lastState?.terminated
      const killing = last('Killing', path)
      const cause =
        killing && /failed (liveness|startup) probe/.test(killing.message ?? '')
          ? `the kubelet killed it: ${killing.message}`
          : t?.reason === 'OOMKilled'
            ? 'it ran out of memory (OOMKilled, exit code 137)'
            : t
              ? `its process exited with code ${t.exitCode} (${t.reason ?? 'Error'})`
              : 'it stopped'
      const byProbe = killing && /failed (liveness|startup) probe/.test(killing.message ?? '')
      push(
        `Container ${c.name} restarted ${c.restartCount} time${c.restartCount === 1 ? '' : 's'}; the last time because ${cause}.`,
        ...(byProbe
          ? [last('Unhealthy', path, /^Liveness/), last('Unhealthy', path, /^Startup/), killing]
          : [last('BackOff', path)]),
      )
    }
  }
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')
  if (out.length === 0 && ready?.status === 'True') push('Running and Ready: nothing holds it back.')
  if (out.length === 0 && pod.status?.phase === 'Succeeded')
    push('Completed: every container exited with code 0.')
  if (out.length === 0 && pod.status?.phase === 'Failed')
    push(`Failed: ${pod.status.reason ?? 'a container exited with an error and will not be restarted'}.`)
  return out
}

/** `namespace/name` of the pod with this UID, if it is in the store. */
function podByUid(s: SimState, uid: string): string | undefined {
  for (const [key, o] of s.objects)
    if (key.startsWith('Pod/') && o.metadata.uid === uid) return `${o.metadata.namespace}/${o.metadata.name}`
  return undefined
}
