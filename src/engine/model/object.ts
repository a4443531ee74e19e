import type { SourceRange } from './diagnostic'

/** The identifying part of any Kubernetes object as written in a manifest. */
export interface ObjectMeta {
  name: string
  namespace?: string
  generateName?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  [key: string]: unknown
}

/**
 * One Kubernetes object read from the scenario text: the plain JSON value of the document (what
 * `kubectl apply` would send), plus where it came from. `body` is never mutated by the engine.
 */
export interface LoadedObject {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: ObjectMeta
  readonly body: Readonly<Record<string, unknown>>
  /** The range of the whole document (or `kind: List` item) in the source text. */
  readonly range: SourceRange
  /** 0-based index of the YAML document the object came from. */
  readonly doc: number
}

/** `kind/namespace/name`; cluster-scoped objects use an empty namespace. */
export function objectKey(o: { kind: string; metadata: { name: string; namespace?: string } }): string {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`
}
