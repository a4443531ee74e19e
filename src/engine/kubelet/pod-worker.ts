import type { Container, Pod } from 'kubernetes-types/core/v1'
import { pulledEventMessage } from '../container/catalog'
import { goDuration } from '../model/duration'
import {
  BACKOFF_INITIAL_MS,
  BACKOFF_MAX_MS,
  BACKOFF_RESET_MS,
  CREATE_CONTAINER_MS,
  IMAGE_BACKOFF_INITIAL_MS,
  IMAGE_BACKOFF_MAX_MS,
  MIN_GRACE_MS,
  PLEG_MS,
  SANDBOX_MS,
  START_CONTAINER_MS,
  STATUS_SYNC_MS,
} from '../sim/latencies'
import { nextInt } from '../sim/rng'
import { recordEvent } from '../sim/recorder'
import { deleteObject, jsonEqual, replaceObject, schedule, scheduleAt, type Sim } from '../sim/sim'
import { keyOf, writableRuntime, type KObject, type Task } from '../sim/state'
import type { ContainerModel } from './model'
import { probeTick, startProbeWorkers, triggerReadiness, wakeProbes } from './prober'
import { emptyFs } from '../container/shell'
import { ownRuntime, type ContainerRuntime, type Pipeline, type PodRuntime } from './runtime'
import { generatePodStatus } from './status'
import { kubeletDown } from '../nodes/health'

/** The start pipeline of a container lives in its runtime, so keyframes carry it. */
const pipelines = {
  has: (c: ContainerRuntime): boolean => c.pipeline !== null,
  get: (c: ContainerRuntime): Pipeline | null => c.pipeline,
  set: (c: ContainerRuntime, p: Pipeline): void => {
    c.pipeline = p
  },
  delete: (c: ContainerRuntime): void => {
    c.pipeline = null
  },
}

/**
 * The kubelet's pod worker: one `syncPod` brings the pod one step closer to its spec, as
 * `computePodActions` does (init containers in order, then app containers, restarts with back-off,
 * kills after probe failures), then pushes the regenerated status if it changed.
 */
export function syncPod(sim: Sim, model: ContainerModel, podKey: string): void {
  const pod = sim.s.objects.get(podKey) as (Pod & KObject) | undefined
  if (!pod || !pod.spec?.nodeName) return
  // Node lifecycle hook: a failed node's kubelet does nothing; `recover-node` syncs its pods again.
  if (kubeletDown(sim.s, pod.spec.nodeName)) return
  let rt = ownRuntime(sim.s, podKey)
  if (!rt) rt = startPodWorker(sim, pod)
  if (rt.sandboxReadyAt === null) {
    if (sim.s.now < rt.workerStart + SANDBOX_MS) {
      scheduleAt(sim, rt.workerStart + SANDBOX_MS, { type: 'pod-sync', pod: podKey })
      return pushStatus(sim, pod, rt)
    }
    rt.sandboxReadyAt = sim.s.now
    rt.podIP = allocateIP(sim, rt.node)
    rt.dirty = true
  }
  if (pod.metadata.deletionTimestamp && !rt.deleting) {
    const graceMs = Math.max(0, (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000)
    rt.deleting = { since: sim.s.now, graceMs }
    rt.dirty = true
  }
  if (rt.deleting) {
    terminatePod(sim, model, pod, rt)
    return pushStatus(sim, pod, rt)
  }
  if (!rt.terminal) computeActions(sim, model, pod, rt)
  pushStatus(sim, pod, rt)
}

function startPodWorker(sim: Sim, pod: Pod & KObject): PodRuntime {
  const spec = pod.spec!
  const containers: ContainerRuntime[] = []
  const add = (c: Container, role: ContainerRuntime['role'], index: number): void => {
    const cr: ContainerRuntime = {
      name: c.name,
      role,
      index,
      phase: 'waiting',
      waitingReason: '',
      restartCount: 0,
      runs: 0,
      containerId: '',
      startedAt: 0,
      terminated: null,
      last: null,
      backoff: null,
      backoffUntil: null,
      imageState: 'absent',
      pullBackoff: null,
      pullAttempts: 0,
      started: false,
      ready: false,
      stopping: null,
      probes: {},
      process: null,
      pipeline: null,
    }
    containers.push(cr)
  }
  ;(spec.initContainers ?? []).forEach((c, i) => add(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', i))
  ;(spec.containers ?? []).forEach((c, i) => add(c, 'app', i))
  const node = sim.s.objects.get(keyOf('Node', undefined, spec.nodeName!)) as
    { status?: { addresses?: { type: string; address: string }[] } } | undefined
  const rt: PodRuntime = {
    owner: sim.s.owner,
    hostIP: node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
    key: keyOf('Pod', pod.metadata.namespace, pod.metadata.name),
    uid: pod.metadata.uid ?? '',
    node: spec.nodeName!,
    workerStart: sim.s.now,
    sandboxReadyAt: null,
    podIP: '',
    containers,
    volumes: Object.fromEntries(
      (spec.volumes ?? []).filter((v) => v.emptyDir).map((v) => [v.name, emptyFs()]),
    ),
    deleting: null,
    terminal: false,
    dirty: true,
  }
  writableRuntime(sim.s).set(rt.key, rt)
  // Probe workers start with the pod worker, before any container exists (reference A1).
  for (const c of containers) {
    if (c.role === 'init') continue
    const cs = containerSpecOf(pod, c)
    if (cs) startProbeWorkers(sim, rt, c, cs)
  }
  return rt
}

function computeActions(sim: Sim, model: ContainerModel, pod: Pod & KObject, rt: PodRuntime): void {
  const policy = pod.spec?.restartPolicy ?? 'Always'
  // Kills first: liveness or startup failures of running containers (reference A8).
  for (const c of rt.containers) {
    if (c.phase !== 'running' || c.stopping) continue
    // Results are kept per container ID: a failure of the previous instance does not kill this one.
    const failed = (w: ContainerRuntime['probes']['liveness']): boolean =>
      w?.result === 'failure' && w.containerId === c.containerId
    const cause = failed(c.probes.liveness) ? 'liveness' : failed(c.probes.startup) ? 'startup' : null
    if (!cause) continue
    const restart = c.role === 'sidecar' || policy !== 'Never'
    const who = c.role === 'sidecar' ? 'Init container' : 'Container'
    const message = `${who} ${c.name} failed ${cause} probe${restart && c.role !== 'sidecar' ? ', will be restarted' : ''}`
    killContainer(sim, model, pod, rt, c, cause, restart, message)
  }

  // Init containers, one at a time in spec order; sidecars must be running (and started) to go on.
  for (const c of rt.containers) {
    if (c.role === 'app') break
    if (c.role === 'init') {
      if (c.phase === 'terminated' && c.terminated?.exitCode === 0) continue
      if (c.phase === 'running' || c.stopping) return
      if (c.terminated && c.terminated.exitCode !== 0 && policy === 'Never') {
        rt.terminal = true
        rt.dirty = true
        return
      }
      startOrBackOff(sim, model, pod, rt, c)
      return
    }
    // sidecar
    if (c.phase === 'running') {
      if (!c.started) return
      continue
    }
    if (!c.stopping) startOrBackOff(sim, model, pod, rt, c)
    return
  }

  // App containers.
  let anyAlive = false
  for (const c of rt.containers) {
    if (c.role !== 'app') continue
    if (pipelines.has(c)) {
      advancePipeline(sim, model, pod, rt, c)
      // A pull that failed in this sync is reported as ErrImagePull; the back-off shows at the next one.
      if (c.imageState === 'failed' && c.waitingReason === 'ErrImagePull') {
        anyAlive = true
        continue
      }
    }
    if (c.phase === 'running' || c.stopping || pipelines.has(c)) {
      anyAlive = true
      continue
    }
    if (c.runs === 0) {
      startOrBackOff(sim, model, pod, rt, c)
      anyAlive = true
      continue
    }
    const exit = c.terminated?.exitCode ?? c.last?.exitCode ?? 0
    const restart = policy === 'Always' || (policy === 'OnFailure' && exit !== 0)
    if (restart) {
      startOrBackOff(sim, model, pod, rt, c)
      anyAlive = true
    }
  }
  // Restart sidecars that exited while the pod runs.
  if (anyAlive) {
    for (const c of rt.containers) {
      if (c.role === 'sidecar' && c.phase !== 'running' && !c.stopping) startOrBackOff(sim, model, pod, rt, c)
    }
    return
  }
  // Every app container finished for good: the pod is terminal; stop its sidecars (reference C5).
  if (!rt.terminal) {
    rt.terminal = true
    rt.dirty = true
    for (const c of [...rt.containers].reverse()) {
      if (c.role === 'sidecar' && c.phase === 'running' && !c.stopping)
        killContainer(sim, model, pod, rt, c, 'kill', false, `Stopping container ${c.name}`)
    }
  }
}

/** Starts a container, or keeps it waiting in crash-loop back-off (reference B3). */
function startOrBackOff(
  sim: Sim,
  model: ContainerModel,
  pod: Pod & KObject,
  rt: PodRuntime,
  c: ContainerRuntime,
): void {
  const now = sim.s.now
  if (pipelines.has(c)) return advancePipeline(sim, model, pod, rt, c)
  if (c.runs > 0) {
    const finished = c.terminated?.finishedAt ?? c.last?.finishedAt ?? now
    if (c.backoff && finished - c.backoff.lastUpdate > BACKOFF_RESET_MS) c.backoff = null
    if (c.backoff) {
      if (now - finished < c.backoff.delay) {
        enterBackOff(sim, pod, rt, c, finished + c.backoff.delay)
        return
      }
      c.backoff = { delay: Math.min(c.backoff.delay * 2, BACKOFF_MAX_MS), lastUpdate: now }
    } else {
      c.backoff = { delay: BACKOFF_INITIAL_MS, lastUpdate: now }
    }
  }
  c.backoffUntil = null
  beginPipeline(sim, model, pod, rt, c)
}

function enterBackOff(
  sim: Sim,
  pod: Pod & KObject,
  rt: PodRuntime,
  c: ContainerRuntime,
  until: number,
): void {
  if (c.backoffUntil === until) return
  if (c.terminated) {
    c.last = c.terminated
    c.terminated = null
  }
  c.phase = 'waiting'
  c.waitingReason = 'CrashLoopBackOff'
  const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`
  c.waitingMessage = `back-off ${goDuration(c.backoff!.delay)} restarting failed container=${c.name} pod=${podRef}`
  c.backoffUntil = until
  rt.dirty = true
  recordEvent(sim, pod, kubelet(rt), {
    type: 'Warning',
    reason: 'BackOff',
    message: `Back-off restarting failed container ${c.name} in pod ${podRef}`,
    fieldPath: fieldPath(c),
  })
  scheduleAt(sim, until, { type: 'pod-sync', pod: rt.key })
}

function beginPipeline(
  sim: Sim,
  model: ContainerModel,
  pod: Pod & KObject,
  rt: PodRuntime,
  c: ContainerRuntime,
): void {
  const spec = containerSpecOf(pod, c)!
  const image = spec.image ?? ''
  const now = sim.s.now
  if (c.pullBackoff && now < c.pullBackoff.until) {
    // While the pull backs off, each sync reports it (k/k images/image_manager.go: a Normal BackOff
    // event, then kuberuntime's Warning `Error: ImagePullBackOff`).
    if (c.waitingReason !== 'ImagePullBackOff') {
      const failure = c.waitingMessage
      c.phase = 'waiting'
      c.waitingReason = 'ImagePullBackOff'
      c.waitingMessage = `Back-off pulling image "${image}"${failure ? `: ${failure}` : ''}`
      rt.dirty = true
      recordEvent(sim, pod, kubelet(rt), {
        type: 'Normal',
        reason: 'BackOff',
        message: `Back-off pulling image "${image}"`,
        fieldPath: fieldPath(c),
      })
      recordEvent(sim, pod, kubelet(rt), {
        type: 'Warning',
        reason: 'Failed',
        message: 'Error: ImagePullBackOff',
        fieldPath: fieldPath(c),
      })
    }
    return
  }
  const present = sim.s.images.get(rt.node)?.has(image) ?? false
  const policy =
    spec.imagePullPolicy ??
    (/:latest$|^[^:@]+$/.test(image.split('/').pop() ?? '') ? 'Always' : 'IfNotPresent')
  const fieldP = fieldPath(c)
  if (policy === 'Never' && !present) {
    c.phase = 'waiting'
    c.waitingReason = 'ErrImageNeverPull'
    c.waitingMessage = `Container image "${image}" is not present with pull policy of Never`
    rt.dirty = true
    recordEvent(sim, pod, kubelet(rt), {
      type: 'Warning',
      reason: 'ErrImageNeverPull',
      message: c.waitingMessage,
      fieldPath: fieldP,
    })
    return
  }
  if (present && policy !== 'Always') {
    recordEvent(sim, pod, kubelet(rt), {
      type: 'Normal',
      reason: 'Pulled',
      message: `Container image "${image}" already present on machine and can be accessed by the pod`,
      fieldPath: fieldP,
    })
    pipelines.set(c, { stage: 'create', until: now + CREATE_CONTAINER_MS, pullStartedAt: now })
    scheduleAt(sim, now + CREATE_CONTAINER_MS, { type: 'pod-sync', pod: rt.key })
    return
  }
  recordEvent(sim, pod, kubelet(rt), {
    type: 'Normal',
    reason: 'Pulling',
    message: `Pulling image "${image}"`,
    fieldPath: fieldP,
  })
  const pull = model.pull(pod, spec, c.runs, present)
  pipelines.set(c, { stage: 'pull', until: now + pull.ms, pullStartedAt: now })
  c.imageState = 'pulling'
  scheduleAt(sim, now + pull.ms, { type: 'pod-sync', pod: rt.key })
}

function advancePipeline(
  sim: Sim,
  model: ContainerModel,
  pod: Pod & KObject,
  rt: PodRuntime,
  c: ContainerRuntime,
): void {
  const p = pipelines.get(c)
  const now = sim.s.now
  if (!p || now < p.until) return
  const spec = containerSpecOf(pod, c)!
  const image = spec.image ?? ''
  const fieldP = fieldPath(c)
  if (p.stage === 'pull') {
    const pull = model.pull(pod, spec, c.runs, false)
    if (pull.fail) {
      pipelines.delete(c)
      c.imageState = 'failed'
      c.pullAttempts++
      const delay = c.pullBackoff
        ? Math.min(c.pullBackoff.delay * 2, IMAGE_BACKOFF_MAX_MS)
        : IMAGE_BACKOFF_INITIAL_MS
      c.pullBackoff = { delay, until: now + delay }
      c.phase = 'waiting'
      c.waitingReason = 'ErrImagePull'
      c.waitingMessage = pull.fail
      rt.dirty = true
      recordEvent(sim, pod, kubelet(rt), {
        type: 'Warning',
        reason: 'Failed',
        message: `Failed to pull image "${image}": ${pull.fail}`,
        fieldPath: fieldP,
      })
      recordEvent(sim, pod, kubelet(rt), {
        type: 'Warning',
        reason: 'Failed',
        message: 'Error: ErrImagePull',
        fieldPath: fieldP,
      })
      // While the pull backs off the kubelet reports ImagePullBackOff at its next sync.
      scheduleAt(sim, now + PLEG_MS, { type: 'pod-sync', pod: rt.key })
      scheduleAt(sim, now + delay, { type: 'pod-sync', pod: rt.key })
      return
    }
    const took = now - p.pullStartedAt
    recordEvent(sim, pod, kubelet(rt), {
      type: 'Normal',
      reason: 'Pulled',
      message: pulledEventMessage(image, took, took, pull.sizeBytes),
      fieldPath: fieldP,
    })
    let set = sim.s.images.get(rt.node)
    if (!set) sim.s.images.set(rt.node, (set = new Set()))
    set.add(image)
    c.imageState = 'present'
    c.pullBackoff = null
    pipelines.set(c, { stage: 'create', until: now + CREATE_CONTAINER_MS, pullStartedAt: p.pullStartedAt })
    scheduleAt(sim, now + CREATE_CONTAINER_MS, { type: 'pod-sync', pod: rt.key })
    return
  }
  if (p.stage === 'create') {
    recordEvent(sim, pod, kubelet(rt), {
      type: 'Normal',
      reason: 'Created',
      message: 'Container created',
      fieldPath: fieldP,
    })
    pipelines.set(c, { stage: 'start', until: now + START_CONTAINER_MS, pullStartedAt: p.pullStartedAt })
    scheduleAt(sim, now + START_CONTAINER_MS, { type: 'pod-sync', pod: rt.key })
    return
  }
  // start
  pipelines.delete(c)
  recordEvent(sim, pod, kubelet(rt), {
    type: 'Normal',
    reason: 'Started',
    message: 'Container started',
    fieldPath: fieldP,
  })
  if (c.terminated) c.last = c.terminated
  c.terminated = null
  c.phase = 'running'
  c.waitingReason = ''
  c.waitingMessage = undefined
  c.startedAt = now
  c.runs++
  c.restartCount = c.runs - 1
  c.containerId = `containerd://${randomHex(sim, 64)}`
  c.ready = false
  const proc = model.start(pod, spec, c.runs - 1, now, rt)
  c.process = proc
  c.started = !c.probes.startup
  c.ready = c.started && !c.probes.readiness && c.role !== 'init'
  rt.dirty = true
  if (proc.plan.logs) appendLog(sim, rt, c, proc.plan.logs)
  wakeProcess(sim, model, rt, c)
  // PLEG reports ContainerStarted: the pod worker syncs again (the next init container or sidecar).
  schedule(sim, PLEG_MS, { type: 'pod-sync', pod: rt.key })
  // The status sync that sees the new container pokes its readiness worker (reference A3).
  if (c.probes.readiness)
    schedule(sim, STATUS_SYNC_MS, {
      type: 'probe',
      pod: rt.key,
      container: c.name,
      probe: 'readiness',
      gen: -1,
    })
}

/** Lets the process run to its next step: it may exit on its own (exit, crash, OOM) or sleep again. */
export function wakeProcess(sim: Sim, model: ContainerModel, rt: PodRuntime, c: ContainerRuntime): void {
  if (c.phase !== 'running' || !c.process || c.stopping) return
  const { wakeAt, exit, output } = model.wake(c.process, sim.s.now, rt)
  if (output && output.length > 0) appendLog(sim, rt, c, output)
  // The process ran: files may have changed, so probes that skip steady ticks look again.
  wakeProbes(sim, rt)
  if (exit) {
    finish(sim, rt, c, exit.code, exit.reason, sim.s.now)
    // PLEG notices the exit within a relist (reference B3).
    schedule(sim, PLEG_MS, { type: 'pod-sync', pod: rt.key })
    return
  }
  if (wakeAt !== null)
    scheduleAt(sim, wakeAt, { type: 'process-wake', pod: rt.key, container: c.name, run: c.runs })
}

/** Most lines kept per container run, like the kubelet's log rotation keeps the newest. */
export const MAX_LOG_LINES = 5000

/** Appends to what this run of the container printed (its `kubectl logs`). Arrays are replaced, never changed. */
function appendLog(sim: Sim, rt: PodRuntime, c: ContainerRuntime, lines: readonly string[]): void {
  const key = logKey(rt.key, c.name, c.runs)
  const all = [...(sim.s.logs.get(key) ?? []), ...lines]
  sim.s.logs.set(key, all.length > MAX_LOG_LINES ? all.slice(all.length - MAX_LOG_LINES) : all)
}

export function logKey(podKey: string, container: string, run: number): string {
  return `${podKey}/${container}/${run}`
}

/** The process dies from outside (a scripted `kill-container`): it exits with `code`. */
export function processDied(sim: Sim, rt: PodRuntime, c: ContainerRuntime, code: number): void {
  if (c.phase !== 'running' || c.stopping) return
  finish(sim, rt, c, code, code === 0 ? 'Completed' : 'Error', sim.s.now)
  schedule(sim, PLEG_MS, { type: 'pod-sync', pod: rt.key })
}

/** A `process-wake` task: only for the run it was scheduled for. */
export function processWake(
  sim: Sim,
  model: ContainerModel,
  rt: PodRuntime,
  c: ContainerRuntime,
  run: number,
): void {
  if (c.runs !== run) return
  wakeProcess(sim, model, rt, c)
}

function finish(
  sim: Sim,
  rt: PodRuntime,
  c: ContainerRuntime,
  code: number,
  reason: string,
  at: number,
): void {
  c.phase = 'terminated'
  c.terminated = {
    exitCode: code,
    reason,
    startedAt: c.startedAt,
    finishedAt: at,
    containerId: c.containerId,
  }
  c.ready = false
  c.started = false
  c.stopping = null
  rt.dirty = true
  wakeProbes(sim, rt)
}

function killContainer(
  sim: Sim,
  model: ContainerModel,
  pod: Pod & KObject,
  rt: PodRuntime,
  c: ContainerRuntime,
  cause: NonNullable<ContainerRuntime['stopping']>['cause'],
  restart: boolean,
  message: string,
): void {
  const spec = containerSpecOf(pod, c)
  const probe =
    cause === 'liveness' ? spec?.livenessProbe : cause === 'startup' ? spec?.startupProbe : undefined
  const graceS =
    pod.metadata.deletionGracePeriodSeconds ??
    probe?.terminationGracePeriodSeconds ??
    pod.spec?.terminationGracePeriodSeconds ??
    30
  const graceMs = Math.max(MIN_GRACE_MS, graceS * 1000)
  recordEvent(sim, pod, kubelet(rt), { type: 'Normal', reason: 'Killing', message, fieldPath: fieldPath(c) })
  // The container runs until the runtime reports it stopped: READY does not change before (reference G1).
  c.stopping = { since: sim.s.now, graceMs, restart, cause }
  rt.dirty = true
  const reaction = c.process ? model.onSigterm(c.process, sim.s.now) : { afterMs: 0, code: 0 }
  const stopAfter = reaction === null ? graceMs : Math.min(reaction.afterMs, graceMs)
  scheduleAt(sim, sim.s.now + stopAfter, { type: 'kill-done', pod: rt.key, container: c.name, run: c.runs })
}

/** The runtime reports the stop: SIGTERM answered, or SIGKILL at the end of the grace period. */
export function killDone(
  sim: Sim,
  model: ContainerModel,
  rt: PodRuntime,
  c: ContainerRuntime,
  run: number,
): void {
  if (c.runs !== run || !c.stopping || !c.process) return
  const pod = sim.s.objects.get(rt.key) as (Pod & KObject) | undefined
  const elapsed = sim.s.now - c.stopping.since
  const reaction = model.onSigterm(c.process, c.stopping.since)
  const killed = reaction === null || elapsed >= c.stopping.graceMs
  const code = killed && (reaction === null || reaction.afterMs > c.stopping.graceMs) ? 137 : reaction!.code
  const stopping = c.stopping
  const previousFinish = c.last?.finishedAt
  finish(sim, rt, c, code, code === 0 ? 'Completed' : 'Error', sim.s.now)
  if (!pod) return
  // Node lifecycle hook: a kill in flight when the kubelet stopped completes, but nothing restarts.
  if (stopping.restart && !rt.deleting && !rt.terminal && !kubeletDown(sim.s, rt.node)) {
    // The kill and the restart happen in one sync whose status predates the kill: the back-off check
    // uses the previous run's finish (reference B3).
    if (c.backoff && previousFinish !== undefined && sim.s.now - previousFinish >= c.backoff.delay) {
      c.backoff = { delay: Math.min(c.backoff.delay * 2, BACKOFF_MAX_MS), lastUpdate: sim.s.now }
      beginPipeline(sim, model, pod, rt, c)
    } else if (!c.backoff) {
      c.backoff = { delay: BACKOFF_INITIAL_MS, lastUpdate: sim.s.now }
      beginPipeline(sim, model, pod, rt, c)
    } else {
      enterBackOff(sim, pod, rt, c, sim.s.now + c.backoff.delay)
    }
  }
  schedule(sim, 0, { type: 'pod-sync', pod: rt.key })
}

/** Deletion: stop every container with the grace period, then remove the pod (reference A8, C5). */
function terminatePod(sim: Sim, model: ContainerModel, pod: Pod & KObject, rt: PodRuntime): void {
  const running = rt.containers.filter((c) => c.phase === 'running' && !c.stopping)
  for (const c of [...running].reverse())
    killContainer(sim, model, pod, rt, c, 'delete', false, `Stopping container ${c.name}`)
  for (const c of rt.containers) pipelines.delete(c)
  const alive = rt.containers.some((c) => c.phase === 'running' || c.stopping)
  if (!alive) {
    writableRuntime(sim.s).delete(rt.key)
    deleteObject(sim, rt.key)
  }
}

/** Runs a probe tick and syncs the pod when the result changed (reference A6). */
export function onProbeTask(sim: Sim, model: ContainerModel, task: Extract<Task, { type: 'probe' }>): void {
  const shared = sim.s.runtime.get(task.pod)
  if (!shared) return
  // Node lifecycle hook: no probes while the node's kubelet is down (`recover-node` resumes them).
  if (kubeletDown(sim.s, shared.node)) return
  const index = indexOf(shared, task.container)
  if (index < 0) return
  if (task.gen === -1) {
    const rt = ownRuntime(sim.s, task.pod)!
    triggerReadiness(sim, rt, rt.containers[index]!)
    return
  }
  const { changed, patch } = probeTick(sim, model, shared, shared.containers[index]!, task)
  if (!patch && !changed) return
  const rt = ownRuntime(sim.s, task.pod)!
  const c = rt.containers[index]!
  if (patch) Object.assign(c.probes[task.probe]!, patch)
  if (!changed) return
  if (task.probe === 'startup') c.started = c.probes.startup?.result === 'success' && c.phase === 'running'
  if (task.probe === 'readiness' || task.probe === 'startup') {
    c.ready =
      c.started && c.phase === 'running' && (!c.probes.readiness || c.probes.readiness.result === 'success')
  }
  rt.dirty = true
  syncPod(sim, model, task.pod)
}

function indexOf(rt: PodRuntime, name: string): number {
  const list = rt.containers
  for (let i = 0; i < list.length; i++) if (list[i]!.name === name) return i
  return -1
}

function pushStatus(sim: Sim, pod: Pod & KObject, rt: PodRuntime): void {
  if (!rt.dirty || !sim.s.runtime.has(rt.key)) return
  rt.dirty = false
  wakeProbes(sim, rt)
  const current = (sim.s.objects.get(rt.key) as (Pod & KObject) | undefined) ?? pod
  const status = generatePodStatus(current, rt, sim.s.epochMs, sim.s.now)
  if (jsonEqual(status, current.status)) return
  replaceObject(sim, { ...current, status } as Pod & KObject)
}

function kubelet(rt: PodRuntime): { component: string; host: string } {
  return { component: 'kubelet', host: rt.node }
}

function fieldPath(c: ContainerRuntime): string {
  return `${c.role === 'app' ? 'spec.containers' : 'spec.initContainers'}{${c.name}}`
}

function containerSpecOf(pod: Pod, c: ContainerRuntime): Container | undefined {
  return c.role === 'app' ? pod.spec?.containers?.[c.index] : pod.spec?.initContainers?.[c.index]
}

/** The next pod IP in the node's podCIDR (`10.244.N.0/24` → `10.244.N.2`, `.3`, …). */
function allocateIP(sim: Sim, node: string): string {
  const cidr = (sim.s.objects.get(keyOf('Node', undefined, node))?.spec as { podCIDR?: string } | undefined)
    ?.podCIDR
  const prefix = /^(\d+\.\d+\.\d+)\.0\/24$/.exec(cidr ?? '')?.[1] ?? `10.244.${nodeIndex(sim, node) + 1}`
  const next = sim.s.ipNext.get(node) ?? 2
  sim.s.ipNext.set(node, next + 1)
  return `${prefix}.${next}`
}

function nodeIndex(sim: Sim, node: string): number {
  const nodes = [...sim.s.objects.keys()].filter((k) => k.startsWith('Node/')).sort()
  return Math.max(0, nodes.indexOf(keyOf('Node', undefined, node)))
}

function randomHex(sim: Sim, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[nextInt(sim.s.rng, 16)]
  return s
}
