/** The engine's public surface: what the worker, the CLI and the tests import. */
export { loadManifests, MAX_TEXT_BYTES, type LoadResult } from './parse/loader'
export type {
  ClusterView,
  NodeResources,
  NodeVerdictView,
  NodeView,
  PodView,
  ProbeDot,
  ServiceView,
  WorkloadView,
} from './cluster/view'
export type { Diagnostic, Severity, SourceRange } from './model/diagnostic'
export { WHOLE_TEXT } from './model/diagnostic'
export type { LoadedObject } from './model/object'
export { ENGINE_VERSION, KUBERNETES_VERSION } from './version'
export {
  resimulate,
  scenarioSeed,
  simulate,
  type RunStats,
  type Timeline,
  type TimelineCursor,
  type SimulateOptions,
} from './sim/simulate'
export { DEFAULT_EPOCH_MS } from './sim/latencies'
export { logDigest } from './sim/log-digest'
export { clusterObjects, clusterView } from './views'
export { kubectl, RESOURCE_TYPES, type ClusterObjects, type KubectlResult } from './kubectl/command'
export { parseDuration, humanDuration, goDuration } from './model/duration'
export { checkLimits, MAX_HORIZON_MS, MAX_NODES, MAX_PODS } from './limits'
export { validateObjects } from './api/validate'
export { analyzeScenario, type Analysis } from './analyze'
export { explainPod, explainPodReasons, type WhyReason } from './why'
