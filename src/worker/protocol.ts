import type { ClusterView, Diagnostic } from '../engine'

/** What the page learns from one analysis of the scenario text. */
export interface AnalyzeReply {
  /** Echoes the request, so the page can drop replies for text it no longer shows. */
  readonly revision: number
  readonly diagnostics: Diagnostic[]
  readonly objectCount: number
  /** Counts per kind, e.g. `{ Deployment: 1, Service: 1 }`. */
  readonly kinds: Record<string, number>
  /** The cluster for this text, or null when the text has errors (the page keeps the last good one). */
  readonly view: ClusterView | null
}

/** The engine worker's interface, called through comlink. */
export interface EngineWorkerApi {
  analyze(revision: number, text: string): AnalyzeReply
}
