import type { ContainerStatus, Event, Pod } from 'kubernetes-types/core/v1'
import { whyPending } from './scheduler/scheduler'
import type { SimState } from './sim/state'

/**
 * Plain-language answers for a pod at the state's moment: why it is Pending, why it is not Ready, why
 * it restarted, why it is going away. Each line comes from the pod's status, its events and the
 * scheduler's per-node verdicts, never from guesses.
 *
 * @example explainPod(state, 'default', 'web-0') // ['Not ready: container web fails its readiness probe: …']
 */
export function explainPod(s: SimState, namespace: string, name: string): string[] {
  const key = `Pod/${namespace}/${name}`
  const pod = s.objects.get(key) as Pod | undefined
  if (!pod) return [`There is no pod ${namespace}/${name} at this moment.`]
  const out: string[] = []
  const events = [...s.events.values()].filter(
    (e) => e.involvedObject.name === name && (e.involvedObject.namespace ?? 'default') === namespace,
  )
  const last = (reason: string, fieldPath?: string): Event | undefined =>
    events
      .filter(
        (e) => e.reason === reason && (fieldPath === undefined || e.involvedObject.fieldPath === fieldPath),
      )
      .sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''))
      .at(-1)

  if (pod.metadata?.deletionTimestamp) {
    out.push(
      `Terminating: it is being deleted; its containers get ${pod.metadata.deletionGracePeriodSeconds ?? 30}s to stop before they are killed.`,
    )
  }
  if (!pod.spec?.nodeName) {
    const verdicts = whyPending(s, key)
    if (verdicts && verdicts.length > 0) {
      out.push('Pending: no node can take it.')
      for (const v of verdicts) out.push(`  ${v.node}: ${v.reasons.join(', ')} (${v.plugin})`)
    } else out.push('Pending: waiting for the scheduler.')
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
      out.push(
        `Container ${c.name} keeps stopping; the kubelet waits before starting it again (${waiting.message ?? 'back-off'}).`,
      )
    } else if (waiting?.reason === 'ErrImagePull' || waiting?.reason === 'ImagePullBackOff') {
      out.push(
        `Container ${c.name} cannot start: its image cannot be pulled (${waiting.message ?? waiting.reason}).`,
      )
    } else if (waiting?.reason === 'ContainerCreating' || waiting?.reason === 'PodInitializing') {
      const pulling = last('Pulling', path)
      out.push(`Container ${c.name} is being created${pulling ? ` (${pulling.message})` : ''}.`)
    }
    if (c.state?.running && !c.ready) {
      const unhealthy = last('Unhealthy', path)
      const startup = unhealthy?.message?.startsWith('Startup') ? unhealthy : undefined
      if (!c.started)
        out.push(
          `Container ${c.name} has not passed its startup probe yet${startup ? `: ${startup.message}` : ''}.`,
        )
      else
        out.push(
          `Not ready: container ${c.name} fails its readiness probe${unhealthy ? `: ${unhealthy.message}` : ' (no success yet)'}.`,
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
      out.push(
        `Container ${c.name} restarted ${c.restartCount} time${c.restartCount === 1 ? '' : 's'}; the last time because ${cause}.`,
      )
    }
  }
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')
  if (out.length === 0 && ready?.status === 'True') out.push('Running and Ready: nothing holds it back.')
  if (out.length === 0 && pod.status?.phase === 'Succeeded')
    out.push('Completed: every container exited with code 0.')
  if (out.length === 0 && pod.status?.phase === 'Failed')
    out.push(`Failed: ${pod.status.reason ?? 'a container exited with an error and will not be restarted'}.`)
  return out
}
