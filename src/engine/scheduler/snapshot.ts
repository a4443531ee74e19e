/**
 * The scheduler cache's snapshot of the cluster (`pkg/scheduler/backend/cache/snapshot.go`): one
 * `NodeInfo` per node with its bound, non-terminal pods and what they request. Rebuilt at the start of
 * every scheduling pass from the API store; pods bound during the pass are added as they are assumed.
 */
import type { KObject, SimState } from '../sim/state'
import { cmp, strMap, type NodeInfo, type NodeObj, type PodObj } from './framework'
import { addAmounts, emptyAmounts, nodeAllocatable, podNonZeroRequests, podRequests } from './pod-requests'

export function nodeInfo(node: NodeObj, pods: readonly PodObj[], index = -1): NodeInfo {
  const alloc = nodeAllocatable(node)
  const info: NodeInfo = {
    name: node.metadata.name,
    index,
    node,
    labels: strMap(node.metadata.labels),
    pods: [],
    podsWithAffinity: [],
    requested: emptyAmounts(),
    nonZeroRequested: emptyAmounts(),
    allocatable: alloc.amounts,
    allowedPods: alloc.pods,
  }
  for (const p of pods) addPod(info, p)
  return info
}

/** `NodeInfo.AddPod`. */
export function addPod(info: NodeInfo, pod: PodObj): void {
  info.pods.push(pod)
  const a = pod.spec?.affinity
  if (a?.podAffinity || a?.podAntiAffinity) info.podsWithAffinity.push(pod)
  addAmounts(info.requested, podRequests(pod))
  addAmounts(info.nonZeroRequested, podNonZeroRequests(pod))
}

/** True for a pod the scheduler's informer still sees on its node (not Succeeded or Failed). */
export function isActiveBound(p: PodObj): boolean {
  return (
    typeof p.spec?.nodeName === 'string' &&
    p.spec.nodeName !== '' &&
    p.status?.phase !== 'Succeeded' &&
    p.status?.phase !== 'Failed'
  )
}

/** The scheduler assumes the pod on the node (`assume`): the node's info counts it from now on. */
export function assume(snap: Snapshot, info: NodeInfo, pod: PodObj): void {
  addPod(info, pod)
  snap.assumed.push(info)
}

export interface Snapshot {
  readonly nodes: NodeInfo[]
  /** The nodes that took a pod during the pass, one entry per pod (see `Cycle.assumed`). */
  readonly assumed: NodeInfo[]
  readonly byName: Map<string, NodeInfo>
  readonly namespaceLabels: Map<string, Record<string, string>>
  /** The Services of each namespace, for default spreading (set by the pass). */
  services?: Map<string, KObject[]>
  /**
   * Pending pods with `status.nominatedNodeName`, by node (the scheduling queue's `nominator`): set by
   * the pass, kept up to date as pods are nominated and bound during it.
   */
  nominated?: Map<string, PodObj[]>
}

export function takeSnapshot(s: SimState): Snapshot {
  const nodes: NodeObj[] = []
  const pods: PodObj[] = []
  const namespaceLabels = new Map<string, Record<string, string>>()
  for (const [k, o] of s.objects) {
    if (k.startsWith('Node/')) nodes.push(o as NodeObj)
    else if (k.startsWith('Pod/')) pods.push(o as PodObj)
    else if (k.startsWith('Namespace/')) namespaceLabels.set(o.metadata.name, strMap(o.metadata.labels))
  }
  nodes.sort((a, b) => cmp(a.metadata.name, b.metadata.name))
  const byNode = new Map<string, PodObj[]>()
  for (const p of pods) {
    if (!isActiveBound(p)) continue
    const l = byNode.get(p.spec!.nodeName!) ?? []
    l.push(p)
    byNode.set(p.spec!.nodeName!, l)
  }
  const infos = nodes.map((n, i) => nodeInfo(n, byNode.get(n.metadata.name) ?? [], i))
  return { nodes: infos, assumed: [], byName: new Map(infos.map((i) => [i.name, i])), namespaceLabels }
}

export type { KObject }
