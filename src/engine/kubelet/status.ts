import type {
  Container,
  ContainerState,
  ContainerStatus,
  Pod,
  PodCondition,
  PodStatus,
} from 'kubernetes-types/core/v1'
import { fnv32a } from '../model/names'
import { rfc3339 } from '../sim/time'
import type { ContainerRuntime, PodRuntime, TerminatedInfo } from './runtime'

/**
 * The pod status the kubelet would write for this runtime (reference C1–C3): phase, conditions in the
 * kubelet's order, container statuses (app containers sorted by name, init containers in spec order).
 * Conditions keep their lastTransitionTime while their status does not change.
 */
export function generatePodStatus(pod: Pod, rt: PodRuntime, epochMs: number, now: number): PodStatus {
  const prev = pod.status ?? {}
  const stamp = (t: number): string => rfc3339(epochMs + t)
  const spec = pod.spec!
  const initSpecs = spec.initContainers ?? []
  const hasInit = initSpecs.length > 0
  const byName = new Map(rt.containers.map((c) => [c.name, c]))

  const status = (c: ContainerRuntime, specC: Container): ContainerStatus => {
    // Fields assigned in the order the kubelet writes them (no spreads of optional objects: this runs
    // on every status change of every pod).
    const out: ContainerStatus = {
      name: c.name,
      image: specC.image ?? '',
      imageID: c.runs > 0 ? imageId(specC.image ?? '') : '',
    } as ContainerStatus
    if (c.containerId) out.containerID = c.containerId
    out.ready = c.ready
    out.restartCount = c.restartCount
    out.started = c.started
    // convertToAPIContainerStatuses gets `len(InitContainers) > 0` for init statuses too.
    out.state = currentState(c, hasInit, stamp)
    out.lastState = c.last ? { terminated: terminatedState(c.last, stamp) } : {}
    return out
  }

  const initStatuses = initSpecs.map((s) => status(byName.get(s.name)!, s))
  const appStatuses = (spec.containers ?? [])
    .map((s) => status(byName.get(s.name)!, s))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

  const phase = podPhase(pod, rt)
  const conditions = podConditions(pod, rt, phase, prev.conditions ?? [], stamp(now))
  const ip = rt.podIP
  const hostIP = rt.hostIP || prev.hostIP
  const out: PodStatus = { phase, conditions }
  if (hostIP) {
    out.hostIP = hostIP
    out.hostIPs = [{ ip: hostIP }]
  }
  if (ip) {
    out.podIP = ip
    out.podIPs = [{ ip }]
  }
  out.startTime = prev.startTime ?? stamp(rt.workerStart)
  if (initStatuses.length > 0) out.initContainerStatuses = initStatuses
  out.containerStatuses = appStatuses
  out.qosClass = qosClass(pod)
  if (prev.reason) out.reason = prev.reason
  if (prev.message) out.message = prev.message
  return out
}

function currentState(
  c: ContainerRuntime,
  podHasInit: boolean,
  stamp: (t: number) => string,
): ContainerState {
  if (c.phase === 'running') return { running: { startedAt: stamp(c.startedAt) } }
  if (c.phase === 'terminated' && c.terminated) return { terminated: terminatedState(c.terminated, stamp) }
  const reason = c.waitingReason || (podHasInit ? 'PodInitializing' : 'ContainerCreating')
  return { waiting: { reason, ...(c.waitingMessage ? { message: c.waitingMessage } : {}) } }
}

function terminatedState(
  t: TerminatedInfo,
  stamp: (t: number) => string,
): NonNullable<ContainerState['terminated']> {
  return {
    exitCode: t.exitCode,
    ...(t.signal ? { signal: t.signal } : {}),
    reason: t.reason,
    ...(t.message ? { message: t.message } : {}),
    startedAt: stamp(t.startedAt),
    finishedAt: stamp(t.finishedAt),
    containerID: t.containerId,
  }
}

/** Pod phase as `getPhase` computes it (reference C1). */
export function podPhase(pod: Pod, rt: PodRuntime): NonNullable<PodStatus['phase']> {
  const policy = pod.spec?.restartPolicy ?? 'Always'
  const prevPhase = pod.status?.phase
  if (prevPhase === 'Succeeded' || prevPhase === 'Failed') return prevPhase
  let pendingInit = false
  let failedInit = false
  for (const c of rt.containers) {
    if (c.role !== 'init') continue
    if (c.phase === 'terminated' && c.terminated?.exitCode === 0) continue
    if (c.phase === 'terminated' || (c.phase === 'waiting' && c.last && c.last.exitCode !== 0))
      failedInit = true
    else pendingInit = true
  }
  let running = 0
  let waiting = 0
  let stopped = 0
  let succeeded = 0
  for (const c of rt.containers) {
    if (c.role === 'init') continue
    if (c.role === 'sidecar') {
      if (c.phase === 'running' && !c.started) pendingInit = true
      continue
    }
    if (c.phase === 'running') running++
    else if (c.phase === 'terminated') {
      stopped++
      if (c.terminated?.exitCode === 0) succeeded++
    } else if (c.last) {
      stopped++
      if (c.last.exitCode === 0) succeeded++
    } else waiting++
  }
  if (failedInit && policy === 'Never') return 'Failed'
  const appStarted = running + stopped > 0
  if ((pendingInit || failedInit) && !appStarted) return 'Pending'
  if (waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  if (stopped > 0) {
    if (rt.terminal) return succeeded === stopped ? 'Succeeded' : 'Failed'
    if (policy === 'Always') return 'Running'
    if (succeeded === stopped) return 'Succeeded'
    if (policy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}

function podConditions(
  pod: Pod,
  rt: PodRuntime,
  phase: string,
  prev: readonly PodCondition[],
  nowStamp: string,
): PodCondition[] {
  const cond = (type: string, ok: boolean, reason?: string, message?: string): PodCondition => {
    const status = ok ? 'True' : 'False'
    const before = prev.find((c) => c.type === type)
    const kept = before && before.status === status
    const c: PodCondition = {
      type,
      status,
      lastProbeTime: null as unknown as string,
      lastTransitionTime: kept ? before.lastTransitionTime : nowStamp,
    }
    if (reason) c.reason = reason
    if (message) c.message = message
    return c
  }
  const sandbox =
    rt.sandboxReadyAt !== null && !(rt.terminal && (phase === 'Succeeded' || phase === 'Failed'))
  const names = (list: ContainerRuntime[]): string => `[${list.map((c) => c.name).join(' ')}]`

  const incompleteInit = rt.containers.filter(
    (c) =>
      (c.role === 'init' && !(c.phase === 'terminated' && c.terminated?.exitCode === 0)) ||
      (c.role === 'sidecar' && !c.started),
  )
  const anyAppStarted = rt.containers.some((c) => c.role === 'app' && (c.runs > 0 || c.started))
  let initialized: PodCondition
  if (phase === 'Succeeded') initialized = cond('Initialized', true, 'PodCompleted')
  else if (incompleteInit.length === 0 || anyAppStarted) initialized = cond('Initialized', true)
  else
    initialized = cond(
      'Initialized',
      false,
      'ContainersNotInitialized',
      `containers with incomplete status: ${names(incompleteInit)}`,
    )

  const unready = rt.containers
    .filter((c) => c.role !== 'init' && !c.ready)
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'sidecar' ? -1 : 1))
  let containersReady: PodCondition
  let ready: PodCondition
  if (phase === 'Succeeded') {
    containersReady = cond('ContainersReady', false, 'PodCompleted')
    ready = cond('Ready', false, 'PodCompleted')
  } else if (phase === 'Failed') {
    containersReady = cond('ContainersReady', false, 'PodFailed')
    ready = cond('Ready', false, 'PodFailed')
  } else if (unready.length === 0) {
    containersReady = cond('ContainersReady', true)
    ready = cond('Ready', true)
  } else {
    const msg = `containers with unready status: ${names(unready)}`
    containersReady = cond('ContainersReady', false, 'ContainersNotReady', msg)
    ready = cond('Ready', false, 'ContainersNotReady', msg)
  }
  const scheduled = prev.find((c) => c.type === 'PodScheduled') ?? cond('PodScheduled', true)
  const out = [cond('PodReadyToStartContainers', sandbox), initialized, ready, containersReady, scheduled]
  for (const c of prev) if (c.type === 'DisruptionTarget') out.push(c)
  return out
}

/** QoS class from requests and limits (k/k `pkg/apis/core/v1/helper/qos`). */
export function qosClass(pod: Pod): QOSClass {
  // Remembered per containers list (a status write or a bind copies the spec, not its containers).
  const containers = pod.spec?.containers
  if (!Array.isArray(containers)) return computeQosClass(pod)
  const known = qosClasses.get(containers)
  if (known && known.initContainers === pod.spec?.initContainers) return known.qos
  const qos = computeQosClass(pod)
  qosClasses.set(containers, { initContainers: pod.spec?.initContainers, qos })
  return qos
}

type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort'
const qosClasses = new WeakMap<object, { initContainers: unknown; qos: QOSClass }>()

function computeQosClass(pod: Pod): QOSClass {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
  let any = false
  let guaranteed = true
  for (const c of all) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r])))
        guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

/** A stable, plausible image ID: the repository with a sha256 digest derived from the image name. */
export function imageId(image: string): string {
  const known = imageIds.get(image)
  if (known !== undefined) return known
  const id = computeImageId(image)
  if (imageIds.size >= IMAGE_IDS_MAX) imageIds.clear()
  imageIds.set(image, id)
  return id
}

/** Image IDs already derived: every status of a running container carries one. */
const imageIds = new Map<string, string>()
const IMAGE_IDS_MAX = 1024

function computeImageId(image: string): string {
  const repo = image.split('@')[0]!.replace(/:[^/:]+$/, '')
  const full = repo.includes('/')
    ? repo.split('/')[0]!.includes('.')
      ? repo
      : `docker.io/${repo}`
    : `docker.io/library/${repo}`
  let hex = ''
  for (let i = 0; hex.length < 64; i++) hex += fnv32a(`${image}#${i}`).toString(16).padStart(8, '0')
  return `${full}@sha256:${hex.slice(0, 64)}`
}
