import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate } from '../sim/simulate'
import { clusterObjects } from '../views'

/**
 * PodDisruptionBudget status as the disruption controller writes it (k/k `pkg/controller/disruption/disruption.go`
 * `getExpectedPodCount`, `countHealthyPods`, `updatePdbStatus`; `pdbhelper.UpdateDisruptionAllowedCondition`).
 */
const text = (pdbSpec: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-pdb}
spec:
  selector: {matchLabels: {app: web}}
  ${pdbSpec}`

function pdbAt(pdbSpec: string, s: number): PodDisruptionBudget {
  const analysis = analyzeScenario(text(pdbSpec))
  expect(analysis.diagnostics).toEqual([])
  const tl = simulate(analysis.objects, { untilMs: 60_000 })
  return clusterObjects(tl.stateAt(s * 1000)).podDisruptionBudgets![0]!
}

describe('PodDisruptionBudget status (disruption.go updatePdbStatus)', () => {
  it('minAvailable 2 of 3 ready pods: currentHealthy 3, desiredHealthy 2, disruptionsAllowed 1, DisruptionAllowed True', () => {
    const pdb = pdbAt('minAvailable: 2', 60)
    expect(pdb.status).toEqual({
      observedGeneration: 1,
      disruptionsAllowed: 1,
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
      conditions: [
        expect.objectContaining({
          type: 'DisruptionAllowed',
          status: 'True',
          reason: 'SufficientPods',
          message: '',
        }),
      ],
    })
  })

  it('before the pods are ready no disruption is allowed (InsufficientPods)', () => {
    const pdb = pdbAt('minAvailable: 2', 1)
    expect(pdb.status?.currentHealthy).toBe(0)
    expect(pdb.status?.disruptionsAllowed).toBe(0)
    expect(pdb.status?.conditions?.[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' })
  })

  it('maxUnavailable 34% of the Deployment scale 3 rounds up to 2: desiredHealthy 1, disruptionsAllowed 2', () => {
    const pdb = pdbAt('maxUnavailable: 34%', 60)
    expect(pdb.status).toMatchObject({ expectedPods: 3, desiredHealthy: 1, disruptionsAllowed: 2 })
  })
})
