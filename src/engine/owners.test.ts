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

describe('the garbage collector skips passes where nothing changed for it', () => {
  // It reacts to changes (its graph builder's event handlers): a pod that arrives later with a dangling
  // owner is still collected, though every pass since the cluster settled had nothing to do.
  const text = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: late-orphan}
spec:
  timeline:
    - at: 60s
      action: apply
      manifest:
        apiVersion: v1
        kind: Pod
        metadata:
          name: late
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-abc, uid: "9999", controller: true}]
        spec: {containers: [{name: web, image: nginx:1.27}]}
---
${dump('1111')}`

  it('a pod applied at 60 s whose owner is missing is deleted at once; the owned pod stays', () => {
    const a = analyzeScenario(text)
    const tl = simulate(a.objects, { untilMs: 120_000 })
    const names = (t: number) => clusterObjects(tl.stateAt(t)).pods.map((p) => p.metadata?.name)
    expect(names(59_000)).toEqual(['web-abc-x1'])
    const created = tl.log.find((e) => e.op === 'create' && e.key === 'Pod/default/late')
    expect(created?.t).toBe(60_000)
    // Deleted by the collector's next pass, the same millisecond (never bound, so at once).
    const deleted = tl.log.find((e) => e.op === 'delete' && e.key === 'Pod/default/late')
    expect(deleted?.t).toBe(60_000)
    expect(names(120_000)).toEqual(['web-abc-x1'])
  })
})
