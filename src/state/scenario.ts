import { create } from 'zustand'
import type { ClusterView, Diagnostic } from '../engine'
import type { QuizQuestion } from '../engine/scenario/quiz'
import type { AnalyzeReply, TimelineMarker } from '../worker/protocol'

export interface ScenarioState {
  /** The scenario text as the editor holds it. */
  readonly text: string
  /** Bumped on every edit; replies for older revisions are dropped. */
  readonly revision: number
  /** The revision the fields below describe. -1 until the first reply. */
  readonly analyzedRevision: number
  readonly diagnostics: Diagnostic[]
  readonly objectCount: number
  readonly kinds: Record<string, number>
  /** The last cluster computed from text without errors: a typo never blanks the graph. */
  readonly view: ClusterView | null
  /** Whether `view` belongs to the current text (false while it has errors). */
  readonly viewIsCurrent: boolean
  /** The simulated horizon of the current timeline, in seconds. */
  readonly horizonS: number
  /** True when the scenario sets `spec.duration`: playback stops there instead of growing the horizon. */
  readonly horizonFixed: boolean
  /** The horizon asked of the worker (0: its default), raised as playback nears the end. */
  readonly minHorizonS: number
  /** The moments marked on the timeline. */
  readonly markers: readonly TimelineMarker[]
  /** The questions the player asks on the way (`spec.quiz`), of the last text without errors. */
  readonly quiz: readonly QuizQuestion[]
  /** How far the simulation of a revision got, while it runs (null once it answered). */
  readonly progress: SimulationProgress | null
  setText(text: string): void
  /** The worker reported how far the simulation of `revision` got. */
  acceptProgress(progress: SimulationProgress): void
  /** Asks for a timeline reaching at least `horizonS` seconds (re-simulates the same text). */
  extendHorizon(horizonS: number): void
  acceptReply(reply: AnalyzeReply): void
  /** A new view of the same timeline (the time cursor moved). */
  acceptView(view: ClusterView | null): void
}

export interface SimulationProgress {
  readonly revision: number
  readonly simulatedS: number
  readonly horizonS: number
}

export const useScenario = create<ScenarioState>()((set, get) => ({
  text: '',
  revision: 0,
  analyzedRevision: -1,
  diagnostics: [],
  objectCount: 0,
  kinds: {},
  view: null,
  viewIsCurrent: false,
  horizonS: 0,
  horizonFixed: false,
  minHorizonS: 0,
  markers: [],
  quiz: [],
  progress: null,
  setText: (text) => {
    if (text === get().text) return
    set((s) => ({ text, revision: s.revision + 1 }))
  },
  extendHorizon: (horizonS) => {
    if (horizonS <= get().minHorizonS) return
    set((s) => ({ minHorizonS: horizonS, revision: s.revision + 1 }))
  },
  acceptReply: (reply) => {
    if (reply.revision !== get().revision) return
    set((s) => ({
      analyzedRevision: reply.revision,
      diagnostics: reply.diagnostics,
      objectCount: reply.objectCount,
      kinds: reply.kinds,
      view: reply.view ?? s.view,
      viewIsCurrent: reply.view !== null,
      horizonS: reply.view !== null ? reply.horizonS : s.horizonS,
      horizonFixed: reply.view !== null ? reply.horizonFixed : s.horizonFixed,
      markers: reply.view !== null ? reply.markers : s.markers,
      quiz: reply.view !== null ? reply.quiz : s.quiz,
      progress: null,
    }))
  },
  acceptProgress: (progress) => {
    if (progress.revision === get().revision) set({ progress })
  },
  acceptView: (view) => {
    if (view) set({ view })
  },
}))

/** True once the worker has answered for the text on screen. */
export const selectSimReady = (s: ScenarioState): boolean => s.analyzedRevision === s.revision
export const selectErrorCount = (s: ScenarioState): number =>
  s.diagnostics.filter((d) => d.severity === 'error').length
export const selectWarningCount = (s: ScenarioState): number =>
  s.diagnostics.filter((d) => d.severity === 'warning').length
