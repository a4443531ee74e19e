/**
 * The vocabulary of the `kubeplay.dev/behavior` annotation (DESIGN §2.3): its key and the keys it takes.
 * A leaf module with no imports, so the editor can offer the same keys the parser (behavior.ts) accepts
 * without bundling the parser.
 */

/** The annotation's key on a Pod or a pod template. */
export const BEHAVIOR_ANNOTATION = 'kubeplay.dev/behavior'

export type ProbeKind = 'startup' | 'liveness' | 'readiness'
export const PROBE_KINDS: readonly ProbeKind[] = ['startup', 'liveness', 'readiness']

/** The keys of one container's entry in the annotation. */
export const CONTAINER_KEYS = [
  'pullSeconds',
  'pull',
  'startSeconds',
  'exit',
  'oomAfter',
  'probes',
  'runs',
] as const
/** The keys of one `runs` entry. */
export const RUN_KEYS = ['startSeconds', 'exit', 'oomAfter', 'probes'] as const
