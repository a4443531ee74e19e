import type { ClusterView, Diagnostic } from '../engine'

/** What the page learns from one analysis (and simulation) of the scenario text. */
export interface AnalyzeReply {
  /** Echoes the request, so the page can drop replies for text it no longer shows. */
  readonly revision: number
  readonly diagnostics: Diagnostic[]
  readonly objectCount: number
  /** Counts per kind, e.g. `{ Deployment: 1, Service: 1 }`. */
  readonly kinds: Record<string, number>
  /** The simulated horizon in seconds, or 0 when the text has errors (no new timeline). */
  readonly horizonS: number
  /** The cluster at the requested time, or null when the text has errors (the page keeps the last good one). */
  readonly view: ClusterView | null
  /**
   * Where the new timeline's simulation started, in seconds: a keyframe of the previous timeline when
   * only the actions or the horizon changed (what came before it was kept), null when it ran from t = 0
   * or when the text has errors.
   */
  readonly resumedFromS: number | null
  /** Moments worth marking on the timeline (events by reason, per second), for the new timeline. */
  readonly markers: TimelineMarker[]
}

/** Events of one reason within one second of the timeline. */
export interface TimelineMarker {
  readonly t: number
  readonly reason: string
  readonly type: 'Normal' | 'Warning'
  readonly count: number
  /** The first such event: `Pod/web-0: Liveness probe failed: …`. */
  readonly sample: string
}

/** The engine worker's interface, called through comlink. */
export interface EngineWorkerApi {
  /**
   * Analyses and simulates the text, and returns the cluster at `atS` seconds. The horizon is the
   * Scenario's `spec.duration` (10 min without one), or `horizonS` when given: the page extends it as
   * playback nears the end. What did not change since the last timeline is not simulated again.
   */
  analyze(revision: number, text: string, atS: number, horizonS?: number): AnalyzeReply
  /** The cluster at `atS` seconds of the last timeline without errors, or null if there is none. */
  viewAt(atS: number): ClusterView | null
  /** Plain-language reasons for a pod's state at `atS` seconds (why Pending, not Ready, restarted…). */
  explain(namespace: string, name: string, atS: number): string[]
  /** A read-only kubectl command (`get pods -o wide`, `describe pod x`, `logs x`) at `atS` seconds. */
  kubectl(args: readonly string[], atS: number): KubectlReply
}

/** What a kubectl command printed, as kubectl prints it. */
export interface KubectlReply {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}
