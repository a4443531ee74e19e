/**
 * The names of the Scenario's timeline actions. A leaf module with no imports, so the editor's Scenario
 * schema lists the same actions the engine carries out (actions.ts) without bundling the engine.
 */

/** The scripted actions of the Scenario document that the engine carries out (DESIGN §2.4). */
export const SUPPORTED_ACTIONS = [
  'apply',
  'delete',
  'scale',
  'fail-node',
  'recover-node',
  'cordon',
  'uncordon',
  'drain',
  'kill-container',
] as const

/** Actions on a node (`node/<name>`). */
export const NODE_ACTIONS = ['fail-node', 'recover-node', 'cordon', 'uncordon', 'drain'] as const
