import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { reconcileWorkloads } from '../controllers'
import { reconcileServiceControllers } from '../services'
import { createObject, deleteObject, listObjects, type Sim } from '../sim/sim'
import { simulate, snapshot } from '../sim/simulate'
import type { KObject } from '../sim/state'
import { createPod } from './defaults'
import { deleteNamespace } from './namespaces'
import { admitOnCreate } from './store-admission'
import { isRefusal, type Refusal } from './refusal'

/**
 * Namespace deletion (`pkg/controller/namespace/deletion`) and the `NamespaceLifecycle` admission plugin,
 * driven by hand from a simulated state (no kubelet: the test removes terminated pods itself).
 */
const TEXT = `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: team}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: team}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`

function handSim(): { sim: Sim; pass: () => void } {
  const tl = simulate(analyzeScenario(TEXT).objects, { untilMs: 30_000 })
  const sim: Sim = {
    s: snapshot(tl.stateAt(30_000)),
    watchers: [],
    admit: (kind, body, sm) =>
      admitOnCreate(
        sm,
        kind,
        kind === 'Pod' ? (createPod(body, { suffix: () => 'abcde' }) as never) : body,
      ) as never,
  }
  const newPod = (sm: Sim, pod: KObject): Refusal | void => {
    const admitted = sm.admit('Pod', pod as never, sm)
    if (isRefusal(admitted)) return admitted
    createObject(sm, { ...(admitted as KObject), status: { phase: 'Pending' } })
  }
  const pass = (): void => {
    for (let i = 0; i < 3; i++) {
      reconcileWorkloads(sim, newPod)
      reconcileServiceControllers(sim)
    }
  }
  return { sim, pass }
}

const inTeam = (sim: Sim): string[] =>
  [...sim.s.objects.values()].filter((o) => o.metadata.namespace === 'team').map((o) => o.kind)

describe('namespace deletion', () => {
  it('marks the namespace Terminating, deletes its content (pods gracefully), then removes it', () => {
    const { sim, pass } = handSim()
    expect(inTeam(sim).sort()).toEqual(
      ['Deployment', 'EndpointSlice', 'Endpoints', 'Pod', 'Pod', 'ReplicaSet', 'Service'].sort(),
    )
    expect(deleteNamespace(sim, 'team')).toEqual({ ok: true, message: 'namespace "team" deleted' })
    const ns = sim.s.objects.get('Namespace//team')!
    expect(ns.status).toMatchObject({ phase: 'Terminating' })
    expect(ns.metadata.deletionTimestamp).toBeDefined()
    pass()
    // Running pods wait for their kubelet; nothing else is left, and no replacement pod is created.
    const pods = listObjects(sim, 'Pod', 'team')
    expect(inTeam(sim)).toEqual(['Pod', 'Pod'])
    for (const p of pods) expect(p.metadata.deletionTimestamp).toBeDefined()
    expect([...sim.s.events.values()].filter((e) => e.metadata?.namespace === 'team')).toEqual([])
    for (const p of pods) deleteObject(sim, `Pod/team/${p.metadata.name}`)
    pass()
    expect(sim.s.objects.has('Namespace//team')).toBe(false)
  })

  it('refuses new content while terminating, and protects default, kube-system and kube-public', () => {
    const { sim } = handSim()
    deleteNamespace(sim, 'team')
    const refused = sim.admit(
      'ConfigMap',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'team' } },
      sim,
    )
    expect(refused).toMatchObject({
      kind: 'Status',
      code: 403,
      message:
        'configmaps "x" is forbidden: unable to create new content in namespace team because it is being terminated',
    })
    expect(deleteNamespace(sim, 'default')).toEqual({
      ok: false,
      message:
        'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
    })
    expect(
      sim.admit('ConfigMap', { kind: 'ConfigMap', metadata: { name: 'y', namespace: 'gone' } }, sim),
    ).toMatchObject({
      code: 404,
      message: 'namespaces "gone" not found',
    })
  })
})
