import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1'
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import { podTemplateHash, randomSuffix } from '../model/names'
import { createRng } from '../sim/rng'
import { recordEvent } from '../sim/recorder'
import { createObject, listObjects, updateObject, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'
import { keyOf } from '../sim/state'

type RSObj = ReplicaSet & KObject
type DeployObj = Deployment & KObject
type PodObj = Pod & KObject

/**
 * A first Deployment → ReplicaSet → Pod chain: each Deployment owns one ReplicaSet named
 * `<deployment>-<pod-template-hash>` (reference F2); each ReplicaSet keeps `replicas` active pods,
 * named `<replicaset>-<5 random characters>`. Rolling updates come with the full controllers.
 */
export function reconcileWorkloads(sim: Sim, newPod: (sim: Sim, pod: PodObj) => void): void {
  for (const d of listObjects<DeployObj>(sim, 'Deployment')) reconcileDeployment(sim, d)
  for (const rs of listObjects<RSObj>(sim, 'ReplicaSet')) reconcileReplicaSet(sim, rs, newPod)
}

function reconcileDeployment(sim: Sim, d: DeployObj): void {
  const template = (d.spec?.template ?? {}) as PodTemplateSpec
  const hash = podTemplateHash(template)
  const name = `${d.metadata.name}-${hash}`
  const ns = d.metadata.namespace
  const replicas = d.spec?.replicas ?? 1
  const existing = sim.s.objects.get(keyOf('ReplicaSet', ns, name)) as RSObj | undefined
  if (!existing) {
    const labels = { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash }
    const rs = createObject<RSObj>(sim, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: ns,
        labels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas * 0.25)),
          'deployment.kubernetes.io/revision': '1',
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: d.metadata.name,
            uid: d.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas,
        selector: { matchLabels: { ...(d.spec?.selector?.matchLabels ?? {}), 'pod-template-hash': hash } },
        template: { ...template, metadata: { ...template.metadata, labels } },
      },
    } as RSObj)
    recordEvent(
      sim,
      d,
      { component: 'deployment-controller' },
      {
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: `Scaled up replica set ${rs.metadata.name} from 0 to ${replicas}`,
      },
    )
  } else if ((existing.spec?.replicas ?? 1) !== replicas) {
    const from = existing.spec?.replicas ?? 1
    updateObject(sim, { ...existing, spec: { ...existing.spec!, replicas } } as RSObj)
    recordEvent(
      sim,
      d,
      { component: 'deployment-controller' },
      {
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: `Scaled ${replicas > from ? 'up' : 'down'} replica set ${name} from ${from} to ${replicas}`,
      },
    )
  }
}

function reconcileReplicaSet(sim: Sim, rs: RSObj, newPod: (sim: Sim, pod: PodObj) => void): void {
  const ns = rs.metadata.namespace
  const owned = listObjects<PodObj>(sim, 'Pod', ns).filter((p) =>
    p.metadata.ownerReferences?.some((o) => o.uid === rs.metadata.uid),
  )
  const active = owned.filter(
    (p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  )
  const want = rs.spec?.replicas ?? 1
  const template = rs.spec?.template ?? {}
  for (let i = active.length; i < want; i++) {
    const rng = createRng(sim.s.rng)
    let name = `${rs.metadata.name}-${randomSuffix(rng)}`
    while (sim.s.objects.has(keyOf('Pod', ns, name))) name = `${rs.metadata.name}-${randomSuffix(rng)}`
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...(template.metadata ?? {}),
        name,
        generateName: `${rs.metadata.name}-`,
        namespace: ns,
        labels: { ...(template.metadata?.labels ?? {}) },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: rs.metadata.name,
            uid: rs.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: template.spec,
    } as PodObj
    newPod(sim, pod)
    recordEvent(
      sim,
      rs,
      { component: 'replicaset-controller' },
      { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}` },
    )
  }
  const ready = active.filter((p) =>
    p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  ).length
  const status = {
    replicas: active.length + Math.max(0, want - active.length),
    fullyLabeledReplicas: active.length,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: 1,
  }
  const current = sim.s.objects.get(keyOf('ReplicaSet', ns, rs.metadata.name)) as RSObj
  if (JSON.stringify(current.status) !== JSON.stringify(status))
    updateObject(sim, { ...current, status } as RSObj)
}
