import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1'
import { humanDuration } from '../model/duration'
import { parseTime, since } from './time'

/** The columns of `kubectl get pods`; the last four only with `-o wide` (printers.go podColumnDefinitions). */
export const POD_COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']
export const POD_WIDE_COLUMNS = ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']

/** The reason the node lifecycle controller gives evicted pods of an unreachable node (`NodeUnreachablePodReason`). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost'

/** `podutil.IsRestartableInitContainer`: an init container with `restartPolicy: Always` (a sidecar). */
export function isSidecar(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always'
}

function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === 'True')
}

/** Latest of the two (epoch ms), treating null as the zero time. */
function later(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return b > a ? b : a
}

function lastFinished(s: ContainerStatus): number | null {
  return parseTime(s.lastState?.terminated?.finishedAt)
}

/**
 * The cells of one `kubectl get pods` row, computed as k/k `pkg/printers/internalversion/printers.go` `printPod`
 * does (reference D1): NAME READY STATUS RESTARTS AGE, then with `wide` IP NODE NOMINATED NODE READINESS GATES.
 * @param pod a v1 Pod, status included
 * @param now the time the view is taken at, epoch milliseconds
 */
export function podRow(pod: Pod, now: number, opts: { wide?: boolean } = {}): string[] {
  const spec = pod.spec
  const status = pod.status ?? {}
  let restarts = 0
  let sidecarRestarts = 0
  let total = spec?.containers?.length ?? 0
  let ready = 0
  let lastRestart: number | null = null
  let lastSidecarRestart: number | null = null

  const phase = status.phase ?? ''
  let reason: string = phase
  if (status.reason) reason = status.reason
  for (const c of status.conditions ?? [])
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated'

  const initSpecs = new Map<string, Container>()
  for (const c of spec?.initContainers ?? []) {
    initSpecs.set(c.name, c)
    if (isSidecar(c)) total++
  }
  const initCount = spec?.initContainers?.length ?? 0

  let initializing = false
  const initStatuses = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!
    restarts += c.restartCount ?? 0
    lastRestart = later(lastRestart, lastFinished(c))
    const sidecar = isSidecar(initSpecs.get(c.name))
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0
      lastSidecarRestart = later(lastSidecarRestart, lastFinished(c))
    }
    const term = c.state?.terminated
    const waiting = c.state?.waiting
    if (term && (term.exitCode ?? 0) === 0) continue
    if (sidecar && c.started === true) {
      if (c.ready) ready++
      continue
    }
    if (term) {
      if (!term.reason) {
        reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`
      } else {
        reason = 'Init:' + term.reason
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = 'Init:' + waiting.reason
    } else {
      reason = `Init:${i}/${initCount}`
    }
    initializing = true
    break
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    let hasRunning = false
    const statuses = status.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!
      restarts += c.restartCount ?? 0
      lastRestart = later(lastRestart, lastFinished(c))
      const term = c.state?.terminated
      if (c.state?.waiting?.reason) {
        reason = c.state.waiting.reason
      } else if (term?.reason) {
        reason = term.reason
      } else if (term) {
        reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`
      } else if (c.ready && c.state?.running) {
        hasRunning = true
        ready++
      }
    }
    // A pod whose first container completed but another still runs is Running (or NotReady), not Completed.
    if (reason === 'Completed' && hasRunning)
      reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady'
  }

  const deleting = !!pod.metadata?.deletionTimestamp
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown'
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating'

  let restartsCell = `${restarts}`
  if (restarts !== 0 && lastRestart !== null)
    restartsCell = `${restarts} (${humanDuration(now - lastRestart)} ago)`

  const cells = [
    pod.metadata?.name ?? '',
    `${ready}/${total}`,
    reason,
    restartsCell,
    since(pod.metadata?.creationTimestamp, now),
  ]
  if (!opts.wide) return cells

  const gates = spec?.readinessGates ?? []
  let gatesCell = '<none>'
  if (gates.length > 0) {
    let trueGates = 0
    for (const g of gates) {
      const cond = (status.conditions ?? []).find((c) => c.type === g.conditionType)
      if (cond?.status === 'True') trueGates++
    }
    gatesCell = `${trueGates}/${gates.length}`
  }
  return [
    ...cells,
    status.podIPs?.[0]?.ip || '<none>',
    spec?.nodeName || '<none>',
    status.nominatedNodeName || '<none>',
    gatesCell,
  ]
}
