/**
 * The actions a person can take at the time cursor and how they name their targets: light enough for
 * the page to load at once (writing an action into the text, actions.ts, loads with the first action).
 */

/**
 * What a person can do to the cluster at the time cursor: the actions of the Scenario document's
 * `spec.timeline` that the engine carries out (src/engine/sim/actions.ts, DESIGN §2.4).
 */
export type UserAction =
  | { readonly action: 'delete'; readonly target: string }
  | {
      readonly action: 'kill-container'
      readonly target: string
      readonly container: string
      readonly exitCode: number
    }
  | { readonly action: 'scale'; readonly target: string; readonly replicas: number }
  | {
      readonly action: 'fail-node' | 'recover-node' | 'cordon' | 'uncordon' | 'drain'
      readonly target: string
    }

/** The kinds whose replica count a `scale` action sets (the engine's SCALABLE_KINDS). */
export const SCALABLE = ['Deployment', 'ReplicaSet', 'StatefulSet'] as const

/**
 * An action's target as the engine reads it: `pod/web-0` in the default namespace, `pod/shop/web-0`
 * elsewhere, `node/worker-1` for nodes (kubectl's singular resource names).
 */
export function actionTarget(kind: string, namespace: string, name: string): string {
  const resource = kind.toLowerCase()
  if (kind === 'Node' || namespace === '' || namespace === 'default') return `${resource}/${name}`
  return `${resource}/${namespace}/${name}`
}
