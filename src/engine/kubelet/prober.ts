import type { Container, Probe } from 'kubernetes-types/core/v1'
import type { ContainerModel } from './model'
import { recordEvent } from '../sim/recorder'
import { schedule, scheduleAt, type Sim } from '../sim/sim'
import type { ProbeType, Task } from '../sim/state'
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
      probe: resolvePorts(probe, spec),
      // Validation refuses a negative period and defaulting turns 0 into 10; never tick faster than 1 s.
      periodMs: Math.max(1, probe.periodSeconds || 10) * 1000,
      anchor: sim.s.now,
      gen: 0,
      skipping: false,
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
  w.skipping = false
  w.anchor = sim.s.now
  schedule(sim, 0, { type: 'probe', pod: rt.key, container: c.name, probe: 'readiness', gen: w.gen })
}

export interface ProbeEffect {
  /** The published result changed: the pod worker must sync (a kill, a readiness flip). */
  readonly changed: boolean
}

type WorkerPatch = Partial<
  Pick<
    ProbeWorker,
    'result' | 'lastRaw' | 'runCount' | 'onHold' | 'containerId' | 'stopped' | 'skipping' | 'probedId'
  >
>

export interface ProbeTickResult extends ProbeEffect {
  /** Changes to the worker, null when the tick changed nothing (the runtime is then not copied). */
  readonly patch: WorkerPatch | null
}

/**
 * One tick of a probe worker: `doProbe` in the order of reference A4, then the next tick. It only reads
 * the runtime and returns the changes, so a steady probe that keeps passing copies nothing.
 */
export function probeTick(
  sim: Sim,
  model: ContainerModel,
  rt: PodRuntime,
  c: ContainerRuntime,
  task: Extract<Task, { type: 'probe' }>,
): ProbeTickResult {
  const w = c.probes[task.probe]
  if (!w || w.stopped || w.gen !== task.gen) return { changed: false, patch: null }
  const now = sim.s.now
  const next = Math.max(now + 1, w.anchor + (Math.floor((now - w.anchor) / w.periodMs) + 1) * w.periodMs)
  const result = doProbe(sim, model, rt, c, w)
  if (result.patch?.stopped ?? w.stopped) return result
  // A steady success that cannot change before `steady` skips the ticks in between: they would read
  // the same answer and change nothing. Any change to the pod brings the worker back (`wakeProbes`).
  if (result === STEADY && w.result === 'success' && c.process && c.phase === 'running') {
    const steady = model.steadyUntil(c.process, w.type, w.probe, now)
    if (steady > next) {
      const patch: ProbeTickResult = w.skipping ? result : { changed: false, patch: { skipping: true } }
      if (steady !== Infinity) {
        const at = w.anchor + Math.ceil((steady - w.anchor) / w.periodMs) * w.periodMs
        scheduleAt(sim, at, task)
      }
      return patch
    }
  }
  scheduleAt(sim, next, task)
  // Ticking on the grid again: no longer skipping (so a later wake does not tick twice).
  if (w.skipping) return { changed: result.changed, patch: { ...(result.patch ?? {}), skipping: false } }
  return result
}

/**
 * Brings back the workers of a pod that skip steady ticks, after any change to the pod: each probes
 * again at the next tick of its ticker (reference A2), as if it had never skipped.
 */
export function wakeProbes(sim: Sim, rt: PodRuntime): void {
  for (const c of rt.containers) {
    for (const w of Object.values(c.probes)) {
      if (!w || !w.skipping || w.stopped) continue
      w.skipping = false
      w.gen++
      const now = sim.s.now
      const at = w.anchor + Math.ceil((now - w.anchor) / w.periodMs) * w.periodMs
      scheduleAt(sim, at, { type: 'probe', pod: rt.key, container: c.name, probe: w.type, gen: w.gen })
    }
  }
}

/**
 * Node lifecycle hook (src/engine/nodes, `recover-node`): the kubelet of a failed node ran no probes;
 * when it comes back every live worker ticks again at the next tick of its ticker.
 */
export function resumeProbes(sim: Sim, rt: PodRuntime): void {
  for (const c of rt.containers) {
    for (const w of Object.values(c.probes)) {
      if (!w || w.stopped) continue
      w.skipping = false
      w.gen++
      const now = sim.s.now
      const at = w.anchor + Math.ceil((now - w.anchor) / w.periodMs) * w.periodMs
      scheduleAt(sim, at, { type: 'probe', pod: rt.key, container: c.name, probe: w.type, gen: w.gen })
    }
  }
}

const UNCHANGED: ProbeTickResult = { changed: false, patch: null }
/** The probe ran and gave the same success as before: nothing changed (a distinct value from UNCHANGED). */
const STEADY: ProbeTickResult = { changed: false, patch: null }

function outcome(w: ProbeWorker, patch: WorkerPatch, changed: boolean): ProbeTickResult {
  for (const k in patch) {
    if (patch[k as keyof WorkerPatch] !== w[k as keyof WorkerPatch]) return { changed, patch }
  }
  return changed ? { changed, patch: null } : UNCHANGED
}

function doProbe(
  sim: Sim,
  model: ContainerModel,
  rt: PodRuntime,
  c: ContainerRuntime,
  w: ProbeWorker,
): ProbeTickResult {
  const now = sim.s.now
  // 1. A terminal pod: the worker exits for good. (The kubelet's own terminal flag: it is what turns
  // the phase Succeeded or Failed.)
  if (rt.terminal) return outcome(w, { stopped: true }, false)
  // 2. No container yet.
  if (!c.containerId) return UNCHANGED
  // 3. A new container: drop the old result, set the initial one, clear on-hold.
  // The same call then goes on to probe the new container (doProbeLegacy does not return here).
  if (c.containerId !== w.containerId) {
    const fresh: ProbeWorker = { ...w, containerId: c.containerId, result: INITIAL[w.type], onHold: false }
    const next = doProbe(sim, model, rt, c, fresh)
    const patch: WorkerPatch = {
      containerId: c.containerId,
      result: INITIAL[w.type],
      onHold: false,
      ...(next.patch ?? {}),
    }
    return outcome(w, patch, (patch.result ?? fresh.result) !== w.result)
  }
  // 4. On hold after a liveness failure or a startup verdict, until a new container.
  if (w.onHold) return UNCHANGED
  // 5. Not running: Failure, no event.
  if (c.phase !== 'running') {
    return w.type === 'readiness' && w.result !== 'failure'
      ? { changed: true, patch: { result: 'failure' } }
      : UNCHANGED
  }
  // 6. A pod being deleted: liveness and startup report Success and stop.
  if (rt.deleting && w.type !== 'readiness') {
    return outcome(w, { result: 'success', stopped: true }, w.result !== 'success')
  }
  const probe = w.probe
  if (!c.process) return UNCHANGED
  // 7. Before initialDelaySeconds (integer seconds since startedAt).
  if (Math.floor((now - c.startedAt) / 1000) < (probe.initialDelaySeconds ?? 0)) return UNCHANGED
  // 8. Startup gating.
  if (w.type === 'startup' ? c.started : !c.started) return UNCHANGED
  // 9. Probe, count, publish at the threshold.
  const probed = model.probe(c.process, w.type, probe, rt.podIP, now, rt)
  const failed = probed.result === 'failure'
  if (failed) {
    const pod = sim.s.objects.get(rt.key)
    if (pod) {
      recordEvent(
        sim,
        pod,
        { component: 'kubelet', host: rt.node },
        {
          type: 'Warning',
          reason: 'Unhealthy',
          message: `${LABEL[w.type]} probe failed: ${probed.output}`,
          fieldPath: `${c.role === 'app' ? 'spec.containers' : 'spec.initContainers'}{${c.name}}`,
        },
      )
    }
  }
  const threshold = failed ? (probe.failureThreshold ?? 3) : (probe.successThreshold ?? 1)
  // The count only matters up to the threshold: keeping it there leaves a steady worker unchanged.
  const runCount = Math.min(w.lastRaw === probed.result ? w.runCount + 1 : 1, threshold)
  const probedId = c.containerId
  if (runCount < threshold) return outcome(w, { runCount, lastRaw: probed.result, probedId }, false)
  const changed = probed.result !== w.result
  // 10. Hold after a liveness failure or any startup verdict.
  if ((w.type === 'liveness' && failed) || (w.type === 'startup' && changed)) {
    return outcome(
      w,
      { runCount: 0, lastRaw: probed.result, result: probed.result, onHold: true, probedId },
      changed,
    )
  }
  if (!changed && runCount === w.runCount && probed.result === w.lastRaw && probedId === w.probedId) {
    return failed ? UNCHANGED : STEADY
  }
  return outcome(w, { runCount, lastRaw: probed.result, result: probed.result, probedId }, changed)
}

/** Named ports (`port: liveness-port`) resolve through the container's declared ports (reference G7). */
function resolvePorts(probe: Probe, spec: Container): Probe {
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port
  if (port === undefined || typeof port === 'number') return probe
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
