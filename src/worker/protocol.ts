import type { ClusterView, Diagnostic } from '../engine'
import type { ViewPatch } from './view-patch'
import type { QuizQuestion } from '../engine/scenario/quiz'

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
  /** True when the Scenario document sets `spec.duration`: the horizon does not grow with playback. */
  readonly horizonFixed: boolean
  /** The cluster at the requested time, or null when the text has errors (the page keeps the last good one). */
  readonly view: ClusterView | null
  /**
   * The number of `view` in the stream of views (`viewPatchAt`), so the next one can be sent as a
   * patch on it; 0 with no view.
   */
  readonly viewSeq?: number
  /**
   * Where the new timeline's simulation started, in seconds: a keyframe of the previous timeline when
   * only the actions or the horizon changed (what came before it was kept), null when it ran from t = 0
   * or when the text has errors.
   */
  readonly resumedFromS: number | null
  /** Moments worth marking on the timeline (events by reason, per second), for the new timeline. */
  readonly markers: TimelineMarker[]
  /** The Scenario's "predict, then play" questions (`spec.quiz`), by time; empty when it has none. */
  readonly quiz: readonly QuizQuestion[]
}

/** Events of one reason within one second of the timeline. */
export interface TimelineMarker {
  readonly t: number
  /** The event's reason, or `Ready` for a pod whose containers all turned ready (no event says so). */
  readonly reason: string
  readonly type: 'Normal' | 'Warning'
  readonly count: number
  /** The first such event: `Pod/web-0: Liveness probe failed: …`. */
  readonly sample: string
}

/** One occurrence of an event (a new event, or a repeat that raised its count), as the log recorded it. */
export interface EventLine {
  /** Simulated seconds (millisecond precision). */
  readonly t: number
  readonly type: 'Normal' | 'Warning'
  readonly reason: string
  /** The involved object. */
  readonly kind: string
  readonly namespace: string
  readonly name: string
  /** `spec.containers{web}` for container events, else empty. */
  readonly fieldPath: string
  readonly message: string
}

/** An object of the cluster at some moment. `namespace` is empty for cluster-scoped kinds. */
export interface ObjectRef {
  readonly kind: string
  readonly namespace: string
  readonly name: string
}

/** A moment of the timeline a "why" reason refers to. */
export interface WhyMoment {
  /** Simulated seconds (millisecond precision). */
  readonly t: number
  /** The reason of the event there (`Unhealthy`, `Killing`, `FailedScheduling`, …). */
  readonly reason: string
}

/** A plain-language reason for a pod's state, with the moments that explain it. */
export interface WhyLine {
  readonly text: string
  readonly moments: readonly WhyMoment[]
}

/** The engine worker's interface, called through comlink. */
export interface EngineWorkerApi {
  /**
   * Analyses and simulates the text, and returns the cluster at `atS` seconds. The timeline reaches at
   * least `minHorizonS` seconds unless the scenario fixes its duration. What did not change since the
   * last timeline is not simulated again (`resimulate`). A long run calls `progress` a few times a
   * second with how far it got, which keeps the watchdog from taking it for a hang. The view leaves
   * out probe tick times where the graph does not pulse at playback `speed` (`probeTicksShown`).
   */
  analyze(
    revision: number,
    text: string,
    atS: number,
    minHorizonS?: number,
    progress?: (simulatedS: number, horizonS: number) => void,
    speed?: number,
  ): AnalyzeReply
  /** The cluster at `atS` seconds of the last timeline without errors, or null if there is none. */
  viewAt(atS: number): ClusterView | null
  /**
   * The same as `viewAt`, as changes to the view numbered `base` that this worker sent last (0, or
   * another number: the whole view), without probe tick times where the graph does not pulse at
   * playback `speed`. What the time cursor follows during playback and scrubbing.
   */
  viewPatchAt(atS: number, base: number, speed: number): ViewPatch | null
  /** Plain-language reasons for a pod's state at `atS` seconds (why Pending, not Ready, restarted…). */
  explain(namespace: string, name: string, atS: number): WhyLine[]
  /** A read-only kubectl command (`get pods -o wide`, `describe pod x`, `logs x`) at `atS` seconds. */
  kubectl(args: readonly string[], atS: number): KubectlReply
  /** The last `limit` event occurrences at or before `atS` seconds, oldest first. */
  events(atS: number, limit: number): EventLine[]
  /** Every object of the cluster at `atS` seconds but events, by kind, namespace and name. */
  objects(atS: number): ObjectRef[]
  /** One object as the API server holds it at `atS` seconds (status included), or null. */
  object(kind: string, namespace: string, name: string, atS: number): Record<string, unknown> | null
  /**
   * The last timeline's event-log digest (`logDigest`) and horizon, or null: what a Node run of the same
   * text to the same horizon must reproduce (DESIGN §2.1).
   */
  logDigest(): { readonly digest: string; readonly untilMs: number } | null
}

/** What a kubectl command printed, as kubectl prints it. */
export interface KubectlReply {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}
