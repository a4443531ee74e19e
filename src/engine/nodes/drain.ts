/**
 * `kubectl cordon`, `uncordon` and `drain` (k8s.io/kubectl `pkg/drain`), and the API server's eviction
 * subresource with its PodDisruptionBudget check (k/k `pkg/registry/core/pod/storage/eviction.go`),
 * with the budget computed as the disruption controller would (`pkg/controller/disruption`).
 *
 * `drain` is `kubectl drain <node> --ignore-daemonsets --delete-emptydir-data --force`: DaemonSet pods
 * stay, every other pod is evicted; an eviction the budget refuses is retried every 5 s, as kubectl does.
 */
import type { Pod } from 'kubernetes-types/core/v1'
import { deletePodGracefully, isPodReady, isTerminal, type PodObj } from '../controllers/common'
import { selectorMatches } from '../api/selectors'
import { getObject, listObjects, scheduleAt, updateObject, type Change, type Sim } from '../sim/sim'
import { objKey, type KObject, type SimState } from '../sim/state'
import { nodeLife, type DrainRun, type NodeLifeState } from './health'
import { addDisruptionTarget, getNode } from './lifecycle'

/** kubectl drain's wait between eviction attempts refused with 429 (`evictPods`). */
export const DRAIN_RETRY_MS = 5_000

export const PDB_VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget."

function update(sim: Sim, f: (l: NodeLifeState) => NodeLifeState): void {
  sim.s.nodeLife = f(nodeLife(sim.s))
}

/** What `kubectl drain` printed for this node so far (stdout and stderr lines, in order). */
export function drainOutput(s: SimState, node: string): readonly string[] {
  return nodeLife(s).drains[node]?.output ?? []
}

function print(sim: Sim, node: string, line: string): void {
  update(sim, (l) => {
    const run: DrainRun = { output: [...(l.drains[node]?.output ?? []), line] }
    return { ...l, drains: { ...l.drains, [node]: run } }
  })
}

/**
 * `kubectl cordon` / `uncordon`: spec.unschedulable set (or removed). The controller's taint and the
 * kubelet's `NodeNotSchedulable` / `NodeSchedulable` event follow through the node watch.
 */
export function cordon(sim: Sim, name: string, unschedulable: boolean): string {
  const node = getNode(sim, name)
  if (!node) return `Error from server (NotFound): nodes "${name}" not found`
  if (!!node.spec?.unschedulable === unschedulable)
    return `node/${name} already ${unschedulable ? 'cordoned' : 'uncordoned'}`
  const spec = { ...node.spec }
  if (unschedulable) spec.unschedulable = true
  else delete spec.unschedulable
  updateObject(sim, { ...node, spec })
  return `node/${name} ${unschedulable ? 'cordoned' : 'uncordoned'}`
}

function isDaemonPod(p: Pod): boolean {
  return !!p.metadata?.ownerReferences?.some((r) => r.controller && r.kind === 'DaemonSet')
}

/** `kubectl drain`: cordon, then evict every pod on the node but DaemonSet pods. */
export function drain(sim: Sim, name: string): void {
  if (!getNode(sim, name)) return print(sim, name, `Error from server (NotFound): nodes "${name}" not found`)
  print(sim, name, cordon(sim, name, true))
  const pods = listObjects<PodObj>(sim, 'Pod').filter(
    (p) => p.spec?.nodeName === name && !p.metadata.deletionTimestamp,
  )
  const daemons = pods.filter(isDaemonPod)
  if (daemons.length > 0)
    print(
      sim,
      name,
      `Warning: ignoring DaemonSet-managed Pods: ${daemons.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`,
    )
  const evict = pods.filter((p) => !isDaemonPod(p))
  for (const p of evict) print(sim, name, `evicting pod ${p.metadata.namespace}/${p.metadata.name}`)
  for (const p of evict) tryEvict(sim, name, objKey(p))
}

/** One eviction attempt; a refusal is printed and retried after 5 s. */
export function tryEvict(sim: Sim, node: string, podKey: string): void {
  const pod = sim.s.objects.get(podKey) as PodObj | undefined
  if (!pod || pod.metadata.deletionTimestamp || pod.spec?.nodeName !== node) return
  const refusal = evictionRefusal(sim, pod)
  if (refusal) {
    print(
      sim,
      node,
      `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${refusal}`,
    )
    scheduleAt(sim, sim.s.now + DRAIN_RETRY_MS, {
      type: 'node',
      step: 'evict-retry',
      node,
      gen: 0,
      pod: podKey,
    })
    return
  }
  // The eviction subresource: DisruptionTarget `EvictionByEvictionAPI`, then an ordinary delete.
  const marked = isTerminal(pod)
    ? pod
    : addDisruptionTarget(sim, pod, 'EvictionByEvictionAPI', 'Eviction API: evicting')
  deletePodGracefully(sim, marked)
}

interface PdbObj extends KObject {
  spec?: { selector?: unknown; minAvailable?: number | string; maxUnavailable?: number | string }
}

/**
 * The API server's answer to an eviction: null when allowed, else its message. Pods that are not
 * Running, or already terminating, ignore budgets; more than one budget is an error; a budget with no
 * disruption allowed refuses (429).
 */
export function evictionRefusal(sim: Sim, pod: PodObj): string | null {
  if (pod.metadata.deletionTimestamp || pod.status?.phase !== 'Running') return null
  const labels = pod.metadata.labels ?? {}
  const pdbs = listObjects<PdbObj>(sim, 'PodDisruptionBudget', pod.metadata.namespace).filter((b) =>
    selectorMatches(b.spec?.selector, labels),
  )
  if (pdbs.length === 0) return null
  if (pdbs.length > 1)
    return 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'
  const budget = disruptionBudget(sim, pdbs[0]!)
  // An unready pod may go while the budget is met (unhealthyPodEvictionPolicy IfHealthyBudget).
  if (!isPodReady(pod)) return budget.currentHealthy >= budget.desiredHealthy ? null : PDB_VIOLATION
  return budget.disruptionsAllowed > 0 ? null : PDB_VIOLATION
}

/** The disruption controller's status: healthy pods now, how many must stay, how many may go. */
export function disruptionBudget(
  sim: Sim,
  pdb: PdbObj,
): { currentHealthy: number; desiredHealthy: number; expectedPods: number; disruptionsAllowed: number } {
  const pods = listObjects<PodObj>(sim, 'Pod', pdb.metadata.namespace).filter((p) =>
    selectorMatches(pdb.spec?.selector, p.metadata.labels ?? {}),
  )
  const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && isPodReady(p)).length
  const { minAvailable, maxUnavailable } = pdb.spec ?? {}
  let expectedPods: number
  let desiredHealthy: number
  if (typeof minAvailable === 'number') {
    expectedPods = pods.length
    desiredHealthy = minAvailable
  } else {
    expectedPods = expectedScale(sim, pods)
    if (typeof minAvailable === 'string')
      desiredHealthy = Math.ceil((percent(minAvailable) * expectedPods) / 100)
    else if (maxUnavailable !== undefined) {
      const max =
        typeof maxUnavailable === 'number'
          ? maxUnavailable
          : Math.ceil((percent(maxUnavailable) * expectedPods) / 100)
      desiredHealthy = Math.max(0, expectedPods - max)
    } else desiredHealthy = expectedPods
  }
  const allowed = currentHealthy - desiredHealthy
  return {
    currentHealthy,
    desiredHealthy,
    expectedPods,
    disruptionsAllowed: expectedPods <= 0 || allowed <= 0 ? 0 : allowed,
  }
}

const percent = (v: string): number => Number.parseInt(v.replace('%', ''), 10) || 0

/** `getExpectedScale`: the replicas of the pods' controllers (a Deployment through its ReplicaSet). */
function expectedScale(sim: Sim, pods: PodObj[]): number {
  const seen = new Map<string, number>()
  for (const p of pods) {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller)
    if (!ref) continue
    let owner = getObject(sim, ref.kind, p.metadata.namespace, ref.name)
    const up = owner?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment')
    if (owner?.kind === 'ReplicaSet' && up)
      owner = getObject(sim, 'Deployment', p.metadata.namespace, up.name)
    if (!owner) continue
    const replicas = (owner.spec as { replicas?: number } | undefined)?.replicas ?? 1
    seen.set(objKey(owner), replicas)
  }
  let total = 0
  for (const n of seen.values()) total += n
  return total
}

/** The drain's watch: `pod/<name> evicted` once an evicted pod is gone, `node/<n> drained` at the end. */
export function drainWatcher(sim: Sim, ch: Change): void {
  if (ch.object.kind !== 'Pod' || ch.op !== 'delete') return
  const node = (ch.object as PodObj).spec?.nodeName
  if (!node || !nodeLife(sim.s).drains[node]) return
  const output = drainOutput(sim.s, node)
  if (output.some((l) => l.startsWith(`node/${node} drained`))) return
  const name = ch.object.metadata.name
  const ns = ch.object.metadata.namespace
  if (!output.includes(`evicting pod ${ns}/${name}`)) return
  print(sim, node, `pod/${name} evicted`)
  const left = listObjects<PodObj>(sim, 'Pod').some(
    (p) =>
      p.spec?.nodeName === node &&
      !isDaemonPod(p) &&
      output.includes(`evicting pod ${p.metadata.namespace}/${p.metadata.name}`),
  )
  if (!left) print(sim, node, `node/${node} drained`)
}
