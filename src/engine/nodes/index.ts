/**
 * Nodes that fail and recover, cordon and drain (DESIGN §2.2, §2.4; reference F6): the entry points
 * the simulation loop (`sim/simulate.ts`) and the scripted actions (`sim/actions.ts`) use.
 */
import type { Change, Sim } from '../sim/sim'
import type { Task } from '../sim/state'
import { drainWatcher, tryEvict } from './drain'
import { nodeLifecycleWatcher as lifecycleWatcher, runLifecycleTask } from './lifecycle'

export { cordon, drain, drainOutput, disruptionBudget, PDB_VIOLATION } from './drain'
export { failNode, recoverNode, startNodeLifecycle } from './lifecycle'
export { kubeletDown } from './health'

/** A `node` task: kubelet status ticks, controller checks, taint evictions, drain retries. */
export function runNodeTask(sim: Sim, task: Extract<Task, { type: 'node' }>): void {
  if (task.step === 'evict-retry') return tryEvict(sim, task.node, task.pod ?? '')
  runLifecycleTask(sim, task)
}

/** The node watches: node-lifecycle and taint-eviction controllers, and kubectl drain's wait. */
export function nodeLifecycleWatcher(sim: Sim, ch: Change): void {
  lifecycleWatcher(sim, ch)
  drainWatcher(sim, ch)
}
