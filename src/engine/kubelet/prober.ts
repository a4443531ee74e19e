import type { Container, Pod, Probe } from 'kubernetes-types/core/v1'
import type { ContainerModel } from './model'
import { recordEvent } from '../sim/recorder'
import { schedule, scheduleAt, type Sim } from '../sim/sim'
import type { ProbeType } from '../sim/state'
import type { ContainerRuntime, PodRuntime, ProbeWorker } from './runtime'

const LABEL: Record<ProbeType, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' }
const INITIAL: Record<ProbeType, ProbeWorker['result']> = {
  readiness: 'failure',
  liveness: 'success',
  startup: 'unknown',
}

export function probeSpec(container: Container, type: ProbeType): Probe | undefined {
  return type === 'startup'
    ? container.startupProbe
    : type === 'liveness'
      ? container.livenessProbe
      : container.readinessProbe
}

/**
 * Starts the probe workers of a container when the pod worker first syncs the pod (reference A1): a
 * worker probes once at once, then on every tick of a ticker anchored at its start (A2, no jitter).
 */
export function startProbeWorkers(sim: Sim, rt: PodRuntime, c: ContainerRuntime, spec: Container): void {
  for (const type of ['startup', 'liveness', 'readiness'] as const) {
    const probe = probeSpec(spec, type)
    if (!probe) continue
    const worker: ProbeWorker = {
      type,
      periodMs: (probe.periodSeconds ?? 10) * 1000,
      anchor: sim.s.now,
      gen: 0,
      result: INITIAL[type],
      lastRaw: null,
      runCount: 0,
      onHold: false,
      containerId: '',
      stopped: false,
    }
    c.probes[type] = worker
    schedule(sim, 0, { type: 'probe', pod: rt.key, container: c.name, probe: type, gen: 0 })
  }
}

/**
 * The readiness manual trigger (reference A3): when the status is regenerated for a started container
 * without a Success readiness result, its worker probes now and its ticker is reset.
 */
export function triggerReadiness(sim: Sim, rt: PodRuntime, c: ContainerRuntime): void {
  const w = c.probes.readiness
  if (!w || w.stopped || w.result === 'success') return
  w.gen++
  w.anchor = sim.s.now
  schedule(sim, 0, { type: 'probe', pod: rt.key, container: c.name, probe: 'readiness', gen: w.gen })
}

export interface ProbeEffect {
  /** The published result changed: the pod worker must sync (a kill, a readiness flip). */
  readonly changed: boolean
}

/** One tick of a probe worker: `doProbe` in the order of reference A4, then the next tick. */
export function probeTick(
  sim: Sim,
  model: ContainerModel,
  pod: Pod,
  rt: PodRuntime,
  c: ContainerRuntime,
  type: ProbeType,
  gen: number,
): ProbeEffect {
  const w = c.probes[type]
  if (!w || w.stopped || w.gen !== gen) return { changed: false }
  const now = sim.s.now
  // Next tick first: the ticker runs whatever this probe does.
  const next = w.anchor + (Math.floor((now - w.anchor) / w.periodMs) + 1) * w.periodMs
  const effect = doProbe(sim, model, pod, rt, c, w)
  if (!w.stopped)
    scheduleAt(sim, next, { type: 'probe', pod: rt.key, container: c.name, probe: type, gen: w.gen })
  return effect
}

function doProbe(
  sim: Sim,
  model: ContainerModel,
  pod: Pod,
  rt: PodRuntime,
  c: ContainerRuntime,
  w: ProbeWorker,
): ProbeEffect {
  const now = sim.s.now
  const phase = pod.status?.phase
  // 1. A terminal pod: the worker exits for good.
  if (phase === 'Failed' || phase === 'Succeeded' || rt.terminal) {
    w.stopped = true
    return { changed: false }
  }
  // 2. No container yet.
  if (!c.containerId) return { changed: false }
  let changed = false
  // 3. A new container: drop the old result, set the initial one, clear on-hold.
  if (c.containerId !== w.containerId) {
    w.containerId = c.containerId
    changed = w.result !== INITIAL[w.type]
    w.result = INITIAL[w.type]
    w.onHold = false
  }
  // 4. On hold after a liveness failure or a startup verdict, until a new container.
  if (w.onHold) return { changed }
  // 5. Not running: Failure, no event.
  if (c.phase !== 'running' || c.stopping) {
    if (w.result !== 'failure' && w.type === 'readiness') {
      w.result = 'failure'
      changed = true
    }
    return { changed }
  }
  // 6. A pod being deleted: liveness and startup report Success and stop.
  if (rt.deleting && w.type !== 'readiness') {
    w.result = 'success'
    w.stopped = true
    return { changed }
  }
  const spec = containerSpec(pod, c.name)
  const probe = spec ? probeSpec(spec, w.type) : undefined
  if (!spec || !probe) return { changed }
  // 7. Before initialDelaySeconds (integer seconds since startedAt).
  if (Math.floor((now - c.startedAt) / 1000) < (probe.initialDelaySeconds ?? 0)) return { changed }
  // 8. Startup gating.
  if (w.type === 'startup' ? c.started : !c.started) return { changed }
  // 9. Probe, count, publish at the threshold.
  if (!c.process) return { changed }
  const resolved = resolvePorts(probe, spec)
  const outcome = model.probe(c.process, w.type, resolved, rt.podIP, now, rt)
  if (outcome.result === 'failure') {
    recordEvent(
      sim,
      pod as never,
      { component: 'kubelet', host: rt.node },
      {
        type: 'Warning',
        reason: 'Unhealthy',
        message: `${LABEL[w.type]} probe failed: ${outcome.output}`,
        fieldPath: `${c.role === 'app' ? 'spec.containers' : 'spec.initContainers'}{${c.name}}`,
      },
    )
  }
  w.runCount = w.lastRaw === outcome.result ? w.runCount + 1 : 1
  w.lastRaw = outcome.result
  const threshold =
    outcome.result === 'failure' ? (probe.failureThreshold ?? 3) : (probe.successThreshold ?? 1)
  if (w.runCount < threshold) return { changed }
  if (w.result !== outcome.result) {
    w.result = outcome.result
    changed = true
  }
  // 10. Hold after a liveness failure or any startup verdict.
  if ((w.type === 'liveness' && outcome.result === 'failure') || (w.type === 'startup' && changed)) {
    w.onHold = true
    w.runCount = 0
  }
  return { changed }
}

function containerSpec(pod: Pod, name: string): Container | undefined {
  return (
    pod.spec?.containers?.find((x) => x.name === name) ??
    pod.spec?.initContainers?.find((x) => x.name === name)
  )
}

/** Named ports (`port: liveness-port`) resolve through the container's declared ports (reference G7). */
function resolvePorts(probe: Probe, spec: Container): Probe {
  const resolve = (port: number | string): number | string => {
    if (typeof port === 'number' || /^\d+$/.test(port)) return Number(port)
    const found = spec.ports?.find((p) => p.name === port)
    return found ? found.containerPort : port
  }
  if (probe.httpGet) return { ...probe, httpGet: { ...probe.httpGet, port: resolve(probe.httpGet.port) } }
  if (probe.tcpSocket)
    return { ...probe, tcpSocket: { ...probe.tcpSocket, port: resolve(probe.tcpSocket.port) } }
  return probe
}
