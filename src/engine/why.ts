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
    if (eviction)
      push(
        `Terminating: evicted from its node by the taint manager (a NoExecute taint it does not tolerate); ${grace}.`,
        eviction,
      )
    else push(`Terminating: it is being deleted; ${grace}.`)
  }
  if (!pod.spec?.nodeName) {
    const verdicts = whyPending(s, key)
    if (verdicts && verdicts.length > 0) {
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
