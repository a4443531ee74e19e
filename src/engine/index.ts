/** The engine's public surface: what the worker, the CLI and the tests import. */
export { loadManifests, MAX_TEXT_BYTES, type LoadResult } from './parse/loader'
export { previewCluster } from './cluster/preview'
export type { ClusterView, NodeView, PodView, ServiceView } from './cluster/view'
export type { Diagnostic, Severity, SourceRange } from './model/diagnostic'
export type { LoadedObject } from './model/object'
export { ENGINE_VERSION, KUBERNETES_VERSION } from './version'
