/**
 * NodeUnschedulable (k/k `pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go`): a
 * cordoned node (`spec.unschedulable`) takes only pods tolerating `node.kubernetes.io/unschedulable:NoSchedule`.
 */
import { status, type FilterPlugin, type NodeInfo, type PodObj } from '../framework'
import { toleratesAny } from './taint-toleration'

export const NAME = 'NodeUnschedulable'
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable'
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable'

/** True when the node is schedulable for the pod as far as `spec.unschedulable` goes. */
export function fitsUnschedulable(pod: PodObj, node: NodeInfo): boolean {
  if (node.node.spec?.unschedulable !== true) return true
  return toleratesAny(pod.spec?.tolerations, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' })
}

export const nodeUnschedulable: FilterPlugin = {
  name: NAME,
  prepare: (cycle) => ({
    filter: (node) =>
      fitsUnschedulable(cycle.pod, node)
        ? null
        : status('UnschedulableAndUnresolvable', NAME, ERR_REASON_UNSCHEDULABLE),
  }),
}
