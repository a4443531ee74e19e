import {
  analyzeScenario,
  clusterObjects,
  clusterView,
  explainPod,
  kubectl,
  parseDuration,
  simulate,
  type Timeline,
} from '../engine'
import type { AnalyzeReply, EngineWorkerApi } from './protocol'

/** The horizon simulated when the scenario does not set `spec.duration`. */
export const DEFAULT_HORIZON_S = 600

/**
 * The worker's state: the last timeline computed from text without errors. Kept apart from the worker
 * glue so tests can drive it directly.
 */
export function createAnalyzer(): EngineWorkerApi {
  let timeline: Timeline | null = null
  const viewAt = (atS: number): AnalyzeReply['view'] =>
    timeline ? clusterView(timeline.stateAt(atS * 1000)) : null
  return {
    analyze(revision, text, atS) {
      const { objects, diagnostics, hasErrors } = analyzeScenario(text)
      const kinds: Record<string, number> = {}
      for (const o of objects) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1
      if (hasErrors)
        return { revision, diagnostics, objectCount: objects.length, kinds, horizonS: 0, view: null }
      const horizonS = scenarioHorizonS(objects)
      timeline = simulate(objects, { untilMs: horizonS * 1000 })
      return {
        revision,
        diagnostics,
        objectCount: objects.length,
        kinds,
        horizonS,
        view: viewAt(Math.min(atS, horizonS)),
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
    ? Math.min(Math.round(duration / 1000), 24 * 3600)
    : DEFAULT_HORIZON_S
}
