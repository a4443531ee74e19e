import { writableRuntime, type ProbeType, type SimState } from '../sim/state'
import type { Probe } from 'kubernetes-types/core/v1'
import type { ProcessRun } from '../container/process'
import type { FsData } from '../container/shell'

/** One probe worker (reference A1–A6): its ticker and its run counter. */
export interface ProbeWorker {
  readonly type: ProbeType
  /** The container's probe, with named ports resolved to numbers. */
  readonly probe: Probe
  periodMs: number
  /** Ticks are anchored here (the worker's start, or a readiness manual trigger). */
  anchor: number
  /** Bumped when the ticker is reset, so stale tick tasks are dropped. */
  gen: number
  /**
   * The worker skips ticks that cannot change anything (a steady success, see `steadyUntil`): its next
   * task is later than the next tick of its ticker, or there is none. Any change to the pod wakes it.
   */
  skipping: boolean
  result: 'unknown' | 'success' | 'failure'
  lastRaw: 'success' | 'failure' | null
  runCount: number
  onHold: boolean
  /** The container ID the current result belongs to. */
  containerId: string
  /** The container ID of the last probe that actually ran (for display: a new container shows no result yet). */
  probedId?: string
  stopped: boolean
}

export type ContainerPhase = 'waiting' | 'running' | 'terminated'

export interface TerminatedInfo {
  readonly exitCode: number
  readonly reason: string
  readonly signal?: number
  readonly message?: string
  readonly startedAt: number
  readonly finishedAt: number
  readonly containerId: string
}

/** What the kubelet knows of one container of a pod. */
export interface ContainerRuntime {
  readonly name: string
  /** 'init' for regular init containers, 'sidecar' for restartable ones, 'app' otherwise. */
  readonly role: 'init' | 'sidecar' | 'app'
  readonly index: number
  phase: ContainerPhase
  /** Waiting reason shown while `phase` is waiting. */
  waitingReason: string
  waitingMessage?: string
  restartCount: number
  /** Number of runs started (restartCount + 1 once running). */
  runs: number
  containerId: string
  startedAt: number
  /** The current instance's exit, once terminated. */
  terminated: TerminatedInfo | null
  /** The previous instance's exit (lastState). */
  last: TerminatedInfo | null
  /** Crash-loop back-off entry (reference B3): current delay and when it was last raised. */
  backoff: { delay: number; lastUpdate: number } | null
  /** When a back-off wait ends, if the container is waiting in one. */
  backoffUntil: number | null
  imageState: 'absent' | 'pulling' | 'present' | 'failed'
  pullBackoff: { delay: number; until: number } | null
  pullAttempts: number
  started: boolean
  ready: boolean
  /** A stop in progress (kill), with the reason, and whether a restart follows in the same sync. */
  stopping: {
    since: number
    graceMs: number
    restart: boolean
    cause: 'liveness' | 'startup' | 'delete' | 'kill'
  } | null
  probes: Partial<Record<ProbeType, ProbeWorker>>
  process: ProcessRun | null
  /** A start in progress: image, then create, then start, each finishing at `until`. */
  pipeline: Pipeline | null
}

export interface Pipeline {
  stage: 'pull' | 'create' | 'start'
  until: number
  pullStartedAt: number
}

/** What the kubelet knows of one pod on its node. */
export interface PodRuntime {
  /**
   * The state that may change this record in place. Keyframes share records; a state writes to a
   * record it does not own only after copying it (`ownRuntime`).
   */
  owner: object
  readonly key: string
  readonly uid: string
  readonly node: string
  /** The node's InternalIP (status.hostIP). */
  readonly hostIP: string
  /** When the pod worker first synced the pod: probe workers start here (reference A1). */
  readonly workerStart: number
  sandboxReadyAt: number | null
  podIP: string
  containers: ContainerRuntime[]
  /** The pod's emptyDir volumes: shared by its containers, kept across restarts. */
  volumes: Record<string, FsData>
  /** Set once the pod is being deleted: when, and the grace period. */
  deleting: { since: number; graceMs: number } | null
  /** Set when the pod reached a terminal phase (never restarts again). */
  terminal: boolean
  /** True when status must be regenerated and pushed. */
  dirty: boolean
}

/** Copy-on-write access for a change: the record owned by this state, copied first when shared. */
export function ownRuntime(s: SimState, key: string): PodRuntime | undefined {
  const rt = s.runtime.get(key)
  if (!rt || rt.owner === s.owner) return rt
  const copy = copyRuntime(rt, s.owner)
  writableRuntime(s).set(key, copy)
  return copy
}

/**
 * A copy of a pod's runtime that can be changed without touching the original. Only what the kubelet
 * changes in place is copied: the records, the probe workers, the files (a script's own tree and the
 * pod's volumes) and the interpreter state. Plans, specs, programs and finished-container records are
 * never changed in place, so they are shared.
 */
export function copyRuntime(rt: PodRuntime, owner: object): PodRuntime {
  return {
    ...rt,
    owner,
    volumes: Object.keys(rt.volumes).length === 0 ? {} : structuredClone(rt.volumes),
    containers: rt.containers.map((c) => {
      const probes: ContainerRuntime['probes'] = {}
      for (const [type, w] of Object.entries(c.probes)) if (w) probes[type as ProbeType] = { ...w }
      const shell = c.process?.shell
      return {
        ...c,
        probes,
        process:
          c.process && shell
            ? {
                ...c.process,
                shell: { ...shell, state: structuredClone(shell.state), local: structuredClone(shell.local) },
              }
            : c.process,
      }
    }),
  }
}
