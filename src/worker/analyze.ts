import {
  analyzeScenario,
  clusterObjects,
  clusterView,
  explainPod,
  kubectl,
  parseDuration,
  resimulate,
  scenarioSeed,
  WHOLE_TEXT,
  simulate,
  type Timeline,
} from '../engine'
import type { AnalyzeReply, EngineWorkerApi, TimelineMarker } from './protocol'

/** The horizon simulated when the scenario does not set `spec.duration`. */
export const DEFAULT_HORIZON_S = 600

/** The longest horizon simulated, whatever the scenario or the page asks for. */
export const MAX_HORIZON_S = 24 * 3600

/**
 * The worker's state: the last timeline computed from text without errors. Kept apart from the worker
 * glue so tests can drive it directly. A new text re-simulates from that timeline (`resimulate`): when
 * only the Scenario's actions or the horizon changed, the run resumes from the nearest keyframe before
 * the first change (DESIGN §2.4), and otherwise starts over; the timeline is the same either way.
 */
export function createAnalyzer(): EngineWorkerApi {
  let timeline: Timeline | null = null
  const viewAt = (atS: number): AnalyzeReply['view'] =>
    timeline ? clusterView(timeline.stateAt(atS * 1000)) : null
  return {
    analyze(revision, text, atS, horizonOverrideS) {
      const { objects, diagnostics, hasErrors } = analyzeScenario(text)
      const kinds: Record<string, number> = {}
      for (const o of objects) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1
      if (hasErrors) {
        return {
          revision,
          diagnostics,
          objectCount: objects.length,
          kinds,
          horizonS: 0,
          view: null,
          resumedFromS: null,
          markers: [],
        }
      }
      const horizonS =
        horizonOverrideS !== undefined && horizonOverrideS > 0
          ? Math.min(Math.round(horizonOverrideS), MAX_HORIZON_S)
          : scenarioHorizonS(objects)
      const options = { untilMs: horizonS * 1000, seed: scenarioSeed(objects) }
      timeline = timeline ? resimulate(timeline, objects, options) : simulate(objects, options)
      const stopped = timeline.stopped
      const simulatedS = stopped ? stopped.atMs / 1000 : horizonS
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
        view: viewAt(Math.min(atS, simulatedS)),
        resumedFromS: timeline.run.resumedFrom === null ? null : timeline.run.resumedFrom / 1000,
        markers: timelineMarkers(timeline),
      }
    },
    viewAt,
    explain(namespace, name, atS) {
      if (!timeline) return []
      return explainPod(
        timeline.stateAt(Math.max(0, Math.min(atS * 1000, timeline.untilMs))),
        namespace,
        name,
      )
    },
    kubectl(args, atS) {
      if (!timeline)
        return { stdout: '', stderr: 'error: the scenario has not been simulated yet\n', exitCode: 1 }
      const ms = Math.max(0, Math.min(atS * 1000, timeline.untilMs))
      const words = args[0] === 'kubectl' ? args.slice(1) : args
      return kubectl(words, clusterObjects(timeline.stateAt(ms)), timeline.epochMs + ms)
    },
  }
}

function scenarioHorizonS(objects: ReturnType<typeof analyzeScenario>['objects']): number {
  const scenario = objects.find((o) => o.kind === 'Scenario')
  const duration = parseDuration((scenario?.body.spec as { duration?: unknown } | undefined)?.duration)
  return duration !== null && duration > 0
    ? Math.min(Math.round(duration / 1000), MAX_HORIZON_S)
    : DEFAULT_HORIZON_S
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
])

/** Most markers sent to the page; beyond that the busiest seconds are kept. */
export const MAX_MARKERS = 1500

/** Markers from the event log: one per (second, reason), counting the events it stands for. */
export function timelineMarkers(timeline: Timeline): TimelineMarker[] {
  const byKey = new Map<
    string,
    { t: number; reason: string; type: 'Normal' | 'Warning'; count: number; sample: string }
  >()
  for (const e of timeline.log) {
    if (!e.key.startsWith('Event/')) continue
    const m = /^(Normal|Warning) (\S+) (\S+?)(?: \S+)?: (.*)$/.exec(e.summary)
    if (!m || !MARKED_REASONS.has(m[2]!)) continue
    const t = Math.floor(e.t / 1000)
    const k = `${t}/${m[2]}`
    const found = byKey.get(k)
    if (found) found.count++
    else
      byKey.set(k, {
        t,
        reason: m[2]!,
        type: m[1] as 'Normal' | 'Warning',
        count: 1,
        sample: `${m[3]}: ${m[4]}`,
      })
  }
  let markers = [...byKey.values()]
  if (markers.length > MAX_MARKERS) markers = markers.sort((a, b) => b.count - a.count).slice(0, MAX_MARKERS)
  return markers.sort((a, b) => a.t - b.t || (a.reason < b.reason ? -1 : 1))
}
