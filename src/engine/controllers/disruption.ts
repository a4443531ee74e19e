/**
 * The disruption controller's status half (`k8s.io/kubernetes/pkg/controller/disruption/disruption.go`
 * `trySync` → `updatePdbStatus`, and `pdbhelper.UpdateDisruptionAllowedCondition`): each
 * PodDisruptionBudget gets currentHealthy, desiredHealthy, expectedPods and disruptionsAllowed as the
 * eviction check computes them (`nodes/drain.ts` `disruptionBudget`), and the `DisruptionAllowed`
 * condition (`SufficientPods` / `InsufficientPods`). The eviction subresource's `disruptedPods` is not kept.
 */
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1'
import { disruptionBudget } from '../nodes/drain'
import { listObjects, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import { generationOf, nowStamp, writeStatus } from './common'

export type PdbObj = PodDisruptionBudget & KObject

/** One `sync` of every PodDisruptionBudget; a write only when something changed. */
export function reconcileDisruptionBudgets(sim: Sim): void {
  for (const pdb of listObjects<PdbObj>(sim, 'PodDisruptionBudget')) {
    if (pdb.metadata.deletionTimestamp) continue
    const b = disruptionBudget(sim, pdb as unknown as Parameters<typeof disruptionBudget>[1])
    const generation = generationOf(pdb)
    const allowed = b.disruptionsAllowed > 0
    const previous = pdb.status?.conditions?.find((c) => c.type === 'DisruptionAllowed')
    const status = allowed ? 'True' : 'False'
    // `apimeta.SetStatusCondition`: the transition time moves only when the status changes.
    const condition = {
      type: 'DisruptionAllowed',
      status,
      observedGeneration: generation,
      lastTransitionTime:
        previous && previous.status === status ? previous.lastTransitionTime : nowStamp(sim),
      reason: allowed ? 'SufficientPods' : 'InsufficientPods',
      message: '',
    }
    const next: PodDisruptionBudgetStatus = {
      observedGeneration: generation,
      disruptionsAllowed: b.disruptionsAllowed,
      currentHealthy: b.currentHealthy,
      desiredHealthy: b.desiredHealthy,
      expectedPods: b.expectedPods,
      conditions: [
        ...(pdb.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed'),
        condition,
      ],
    }
    writeStatus(sim, pdb, next)
  }
}
