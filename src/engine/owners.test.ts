import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'
import { simulate } from './sim/simulate'
import { clusterObjects } from './views'

/**
 * Pasted objects whose owners are missing: the garbage collector deletes an object none of whose
 * ownerReferences resolves by UID (pkg/controller/garbagecollector, attemptToDeleteItem); kubeplay says so.
 */
const dump = (ownerUid: string) => `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata: {name: web-abc, uid: "1111", labels: {app: web}}
  spec:
    replicas: 1
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: web, image: nginx:1.27}]}
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-abc-x1
    labels: {app: web}
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-abc, uid: "${ownerUid}", controller: true}]
  spec: {containers: [{name: web, image: nginx:1.27}]}
`

describe('ownerReferences to an owner that is not there', () => {
  it('an owner present by UID keeps its pod, with no warning', () => {
    const a = analyzeScenario(dump('1111'))
    expect(a.diagnostics).toEqual([])
    const pods = clusterObjects(simulate(a.objects, { untilMs: 30_000 }).stateAt(30_000)).pods
    expect(pods.map((p) => p.metadata?.name)).toEqual(['web-abc-x1'])
  })

  it('a dangling owner: warned where the references are, and the pod is collected as the warning says', () => {
    const a = analyzeScenario(dump('9999'))
    expect(a.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '18 warning no object in the scenario has the uid of its owner (ReplicaSet web-abc): the garbage collector deletes this Pod as soon as the scenario starts; remove ownerReferences to keep it',
    ])
    const pods = clusterObjects(simulate(a.objects, { untilMs: 30_000 }).stateAt(30_000)).pods
    // The ReplicaSet still wants one replica: it makes its own pod; the pasted one is gone.
    expect(pods.map((p) => p.metadata?.name)).not.toContain('web-abc-x1')
    expect(pods).toHaveLength(1)
  })
})
