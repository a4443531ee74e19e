import type { Diagnostic } from './model/diagnostic'
import type { LoadedObject } from './model/object'

/** The most pods a scenario may ask for. */
export const MAX_PODS = 10_000
/** The most nodes a cluster may have (`spec.nodes` of the Scenario, or `kind: Node` documents). */
export const MAX_NODES = 1_000
/**
 * The most changes one run records (its log): a run that reaches it stops there, with a message (about
 * 1 GB of browser memory would be needed for ten times as many). An hour of 2,000 probed pods records
 * about 30,000.
 */
export const MAX_LOG_ENTRIES = 500_000
/**
 * The most map entries the timeline's keyframes may hold, summed over keyframes (each may copy the
 * cluster's objects, events and kubelet records): about 500 MB. An hour of 2,000 probed pods uses about
 * 2 million; a day of them would need 60 million, so such a run stops early with a message.
 */
export const MAX_KEYFRAME_ENTRIES = 12_000_000
/** The longest simulated horizon. */
export const MAX_HORIZON_MS = 24 * 60 * 60 * 1000

/**
 * Refuses scenarios too big to simulate in a browser tab, with a clear message instead of a hang: more
 * than MAX_PODS pods once every workload has its replicas, or more than MAX_NODES nodes.
 */
export function checkLimits(objects: readonly LoadedObject[]): Diagnostic[] {
  let pods = 0
  let nodes = 3
  let nodeDocs = 0
  let scenario: LoadedObject | undefined
  // The object that asks for the most pods, where the message points.
  let biggest: { o: LoadedObject; pods: number } | undefined
  for (const o of objects) {
    const before = pods
    const spec = (o.body.spec ?? {}) as Record<string, unknown>
    const n = (v: unknown, d: number): number =>
      typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d
    if (o.kind === 'Pod') pods += 1
    else if (o.kind === 'Deployment' || o.kind === 'ReplicaSet' || o.kind === 'StatefulSet')
      pods += n(spec.replicas, 1)
    else if (o.kind === 'Job') pods += n(spec.parallelism, 1)
    else if (o.kind === 'Scenario') {
      scenario = o
      nodes = Array.isArray(spec.nodes) ? spec.nodes.length : n(spec.nodes, 3)
    } else if (o.kind === 'Node') nodeDocs++
    if (pods - before > (biggest?.pods ?? 0)) biggest = { o, pods: pods - before }
  }
  if (nodeDocs > 0) nodes = nodeDocs
  const out: Diagnostic[] = []
  if (nodes > MAX_NODES)
    out.push({
      ...(nodeDocs > 0 ? objects.find((o) => o.kind === 'Node')! : (scenario ?? objects[0]!)).range,
      severity: 'error',
      code: 'too-many-nodes',
      message: `the scenario asks for ${nodes.toLocaleString('en-US')} nodes; kubeplay simulates at most ${MAX_NODES.toLocaleString('en-US')}`,
    })
  pods += objects.filter((o) => o.kind === 'DaemonSet').length * nodes
  if (pods > MAX_PODS)
    out.push({
      ...(biggest?.o ?? objects[0]!).range,
      severity: 'error',
      code: 'too-many-pods',
      message: `the scenario asks for ${pods.toLocaleString('en-US')} pods; kubeplay simulates at most ${MAX_PODS.toLocaleString('en-US')}`,
    })
  return out
}
