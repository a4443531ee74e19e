import { loadManifests, previewCluster } from '../engine'
import type { AnalyzeReply } from './protocol'

/** One request, start to end; kept apart from the worker glue so tests can call it directly. */
export function analyze(revision: number, text: string): AnalyzeReply {
  const { objects, diagnostics } = loadManifests(text)
  const kinds: Record<string, number> = {}
  for (const o of objects) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1
  const hasErrors = diagnostics.some((d) => d.severity === 'error')
  return {
    revision,
    diagnostics,
    objectCount: objects.length,
    kinds,
    view: hasErrors ? null : previewCluster(objects),
  }
}
