import {
  analyzeScenario,
  clusterObjects,
  clusterView,
  explainPodReasons,
  kubectl,
  logDigest,
  parseDuration,
  resimulate,
  scenarioSeed,
  WHOLE_TEXT,
  simulate,
  type Timeline,
  type TimelineCursor,
} from '../engine'
import type {
  AnalyzeReply,
  EngineWorkerApi,
  EventLine,
  ObjectRef,
  TimelineMarker,
  WhyLine,
  WhyMoment,
} from './protocol'
import { readQuiz } from '../engine/scenario/quiz'
import { probeTicksShown } from './ticks'
import { ViewEncoder } from './view-patch'

/** How many pods the state holds: the graph draws as many tiles. */
function podCount(s: ReturnType<TimelineCursor['stateAt']>): number {
  let n = 0
  for (const key of s.objects.keys()) if (key.startsWith('Pod/')) n++
  return n
}

/** The horizon simulated when the scenario does not set `spec.duration`. */
export const DEFAULT_HORIZON_S = 600

/** The longest horizon simulated, whatever the scenario or the page asks for. */
export const MAX_HORIZON_S = 24 * 3600
/** Most moments a "why" reason links to for one event (the latest ones). */
export const MAX_MOMENTS_PER_EVENT = 5

/**
 * The worker's state: the last timeline computed from text without errors. Kept apart from the worker
 * glue so tests can drive it directly. A new text re-simulates from that timeline (`resimulate`): when
 * only the Scenario's actions or the horizon changed, the run resumes from the nearest keyframe before
 * the first change (DESIGN §2.4), and otherwise starts over; the timeline is the same either way.
 */
export function createAnalyzer(): EngineWorkerApi {
  let timeline: Timeline | null = null
  /** Views follow the time cursor: playback replays each stretch of time once (`Timeline.cursor`). */
  let viewCursor: TimelineCursor | null = null
  let occurrences: EventLine[] = []
  let byEvent: EventTimes = new Map()
  const clampMs = (atS: number): number =>
    timeline ? Math.max(0, Math.min(atS * 1000, timeline.untilMs)) : 0
  const stateAt = (atS: number) => timeline!.stateAt(clampMs(atS))
  /** The view at `atS`; with `speed`, without probe ticks when the graph does not pulse at that speed. */
  const viewAt = (atS: number, speed?: number): AnalyzeReply['view'] => {
    if (!timeline) return null
    const state = (viewCursor ??= timeline.cursor()).stateAt(clampMs(atS))
    return clusterView(state, { ticks: speed === undefined || probeTicksShown(speed, podCount(state)) })
  }
  const encoder = new ViewEncoder()
  return {
    analyze(revision, text, atS, minHorizonS = 0, progress, speed = 1) {
      const { objects, diagnostics, hasErrors } = analyzeScenario(text)
      const kinds: Record<string, number> = {}
      for (const o of objects) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1
      const fixed = scenarioDurationS(objects)
      if (hasErrors) {
        return {
          revision,
          diagnostics,
          objectCount: objects.length,
          kinds,
          horizonS: 0,
          horizonFixed: fixed !== null,
          view: null,
          resumedFromS: null,
          markers: [],
          quiz: [],
        }
      }
      const horizonS = fixed ?? Math.min(Math.max(DEFAULT_HORIZON_S, Math.ceil(minHorizonS)), MAX_HORIZON_S)
      const options = {
        untilMs: horizonS * 1000,
        seed: scenarioSeed(objects),
        onProgress: progress && ((ms: number) => void progress(ms / 1000, horizonS)),
      }
      timeline = timeline ? resimulate(timeline, objects, options) : simulate(objects, options)
      viewCursor = null
      occurrences = eventLines(timeline)
      byEvent = eventTimes(timeline, occurrences)
      const stopped = timeline.stopped
      const simulatedS = stopped ? stopped.atMs / 1000 : horizonS
      const view = viewAt(Math.min(atS, simulatedS), speed)
      return {
        revision,
        diagnostics: stopped
          ? [
              ...diagnostics,
              { ...WHOLE_TEXT, severity: 'warning', code: 'run-stopped', message: stopped.reason },
            ]
          : diagnostics,
        objectCount: objects.length,
        kinds,
        horizonS: simulatedS,
        horizonFixed: fixed !== null,
        view,
        viewSeq: view ? encoder.sent(view) : 0,
        resumedFromS: timeline.run.resumedFrom === null ? null : timeline.run.resumedFrom / 1000,
        markers: timelineMarkers(timeline),
        quiz: readQuiz(
          (objects.find((o) => o.kind === 'Scenario')?.body.spec as { quiz?: unknown } | undefined)?.quiz,
        ),
      }
    },
    viewAt: (atS) => viewAt(atS),
    viewPatchAt(atS, base, speed) {
      const view = viewAt(atS, speed)
      return view ? encoder.encode(view, base) : null
    },
    explain(namespace, name, atS) {
      if (!timeline) return []
      const atMs = clampMs(atS)
      return explainPodReasons(timeline.stateAt(atMs), namespace, name).map((r) =>
        whyLine(r.text, r.events, byEvent, atMs),
      )
    },
    kubectl(args, atS) {
      if (!timeline)
        return { stdout: '', stderr: 'error: the scenario has not been simulated yet\n', exitCode: 1 }
      const ms = clampMs(atS)
      const words = args[0] === 'kubectl' ? args.slice(1) : args
      return kubectl(words, clusterObjects(timeline.stateAt(ms)), timeline.epochMs + ms)
    },
    events(atS, limit) {
      if (!timeline) return []
      const end = upperBound(occurrences, clampMs(atS) / 1000)
      return occurrences.slice(Math.max(0, end - limit), end)
    },
    objects(atS) {
      if (!timeline) return []
      const out: ObjectRef[] = []
      for (const key of stateAt(atS).objects.keys()) {
        const [kind, namespace, ...rest] = key.split('/')
        if (kind === 'Event' || kind === undefined || namespace === undefined) continue
        out.push({ kind, namespace, name: rest.join('/') })
      }
      return out
    },
    object(kind, namespace, name, atS) {
      if (!timeline) return null
      const o = stateAt(atS).objects.get(`${kind}/${namespace}/${name}`)
      return o ? (structuredClone(o) as unknown as Record<string, unknown>) : null
    },
    logDigest() {
      return timeline ? { digest: logDigest(timeline), untilMs: timeline.untilMs } : null
    },
  }
}

/** The Scenario document's `spec.duration` in whole seconds, or null when it sets none. */
function scenarioDurationS(objects: ReturnType<typeof analyzeScenario>['objects']): number | null {
  const scenario = objects.find((o) => o.kind === 'Scenario')
  const duration = parseDuration((scenario?.body.spec as { duration?: unknown } | undefined)?.duration)
  return duration !== null && duration > 0 ? Math.min(Math.round(duration / 1000), MAX_HORIZON_S) : null
}

/** The index after the last line at or before `t` seconds. */
function upperBound(lines: readonly EventLine[], t: number): number {
  let lo = 0
  let hi = lines.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (lines[mid]!.t <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Each event's reason and the times (ms) of its occurrences: the first one and every repeat. */
export type EventTimes = ReadonlyMap<string, { readonly reason: string; readonly times: readonly number[] }>

/**
 * A reason with the moments of its events up to `atMs` (the latest few of each). When a kill is among
 * them (a restart by a failed probe), only the last kill counts, and the other events only from after
 * the kill before it: the failures that led to the last restart, not every failure so far.
 */
export function whyLine(
  text: string,
  eventKeys: readonly string[],
  byEvent: EventTimes,
  atMs: number,
): WhyLine {
  const found = eventKeys.flatMap((k) => {
    const e = byEvent.get(k)
    return e ? [e] : []
  })
  let from = -Infinity
  const kill = found.find((e) => e.reason === 'Killing')
  if (kill) {
    const kills = kill.times.filter((t) => t <= atMs)
    if (kills.length > 0) atMs = kills.at(-1)!
    if (kills.length > 1) from = kills.at(-2)!
  }
  const moments: WhyMoment[] = found
    .flatMap((e) =>
      e.times
        .filter((t) => t > from && t <= atMs)
        .slice(e === kill ? -1 : -MAX_MOMENTS_PER_EVENT)
        .map((t) => ({ t: t / 1000, reason: e.reason })),
    )
    .sort((a, b) => a.t - b.t)
  return { text, moments }
}

/** The event reasons the timeline marks: what a learner looks for when scrubbing. */
export const MARKED_REASONS = new Set([
  'Scheduled',
  'FailedScheduling',
  'Started',
  'Unhealthy',
  'Killing',
  'BackOff',
  'Failed',
  'ScalingReplicaSet',
  'SuccessfulCreate',
  'SuccessfulDelete',
  'Preempted',
  'TaintManagerEviction',
  'NodeNotReady',
  'Completed',
  'Evicted',
])

/** Most markers sent to the page; beyond that the busiest seconds are kept. */
export const MAX_MARKERS = 1500

const EVENT_SUMMARY = /^(Normal|Warning) (\S+) ([^/\s]+)\/(\S+?)(?: (\S+))?: ([\s\S]*)$/

/** Each event key's reason and occurrence times, from the log and its parsed lines (same order). */
function eventTimes(timeline: Timeline, lines: readonly EventLine[]): EventTimes {
  const out = new Map<string, { reason: string; times: number[] }>()
  let i = 0
  for (const e of timeline.log) {
    if (!e.key.startsWith('Event/') || !EVENT_SUMMARY.test(e.summary)) continue
    const line = lines[i++]!
    const found = out.get(e.key)
    if (found) found.times.push(e.t)
    else out.set(e.key, { reason: line.reason, times: [e.t] })
  }
  return out
}

/** Every event occurrence of the log, in time order. */
export function eventLines(timeline: Timeline): EventLine[] {
  const out: EventLine[] = []
  for (const e of timeline.log) {
    if (!e.key.startsWith('Event/')) continue
    const m = EVENT_SUMMARY.exec(e.summary)
    if (!m) continue
    out.push({
      t: e.t / 1000,
      type: m[1] as 'Normal' | 'Warning',
      reason: m[2]!,
      kind: m[3]!,
      namespace: e.key.split('/')[1] ?? '',
      name: m[4]!,
      fieldPath: m[5] ?? '',
      message: m[6]!,
    })
  }
  return out
}

const POD_SUMMARY = /^Pod (\S+) \S+ (\d+)\/(\d+)$/

/**
 * Markers from the event log: one per (second, reason), counting the events it stands for; and
 * `Ready` where a pod's containers have all turned ready, which no event reports.
 */
export function timelineMarkers(timeline: Timeline): TimelineMarker[] {
  const byKey = new Map<string, TimelineMarker & { count: number }>()
  const add = (t: number, reason: string, type: 'Normal' | 'Warning', sample: string): void => {
    const k = `${t}/${reason}`
    const found = byKey.get(k)
    if (found) found.count++
    else byKey.set(k, { t, reason, type, count: 1, sample })
  }
  const ready = new Map<string, boolean>()
  for (const e of timeline.log) {
    const t = Math.floor(e.t / 1000)
    if (e.key.startsWith('Pod/')) {
      const m = e.op === 'delete' ? null : POD_SUMMARY.exec(e.summary)
      const now = m !== null && m[2] === m[3] && m[3] !== '0'
      if (now && ready.get(e.key) !== true) add(t, 'Ready', 'Normal', `Pod/${m![1]!.split('/')[1]}: all containers ready`) // prettier-ignore
      ready.set(e.key, now)
      continue
    }
    if (!e.key.startsWith('Event/')) continue
    const m = EVENT_SUMMARY.exec(e.summary)
    if (!m || !MARKED_REASONS.has(m[2]!)) continue
    add(t, m[2]!, m[1] as 'Normal' | 'Warning', `${m[3]}/${m[4]}: ${m[6]}`)
  }
  let markers = [...byKey.values()]
  if (markers.length > MAX_MARKERS) markers = markers.sort((a, b) => b.count - a.count).slice(0, MAX_MARKERS)
  return markers.sort((a, b) => a.t - b.t || (a.reason < b.reason ? -1 : 1))
}
