/**
 * NodeName (k/k `pkg/scheduler/framework/plugins/nodename/node_name.go`): a pod naming a node fits only there.
 */
import { status, type FilterPlugin, type NodeInfo, type PodObj } from '../framework'

export const NAME = 'NodeName'
export const ERR_REASON = "node(s) didn't match the requested node name"

/** `Fits`: no requested node, or this one. */
export function fitsNodeName(pod: PodObj, node: NodeInfo): boolean {
  const want = pod.spec?.nodeName
  return !want || want === node.name
}

export const nodeName: FilterPlugin = {
  name: NAME,
  prepare: (cycle) => ({
    filter: (node) =>
      fitsNodeName(cycle.pod, node) ? null : status('UnschedulableAndUnresolvable', NAME, ERR_REASON),
    // No PreFilter upstream, but without a requested node the Filter passes everywhere.
    skip: !cycle.pod.spec?.nodeName,
  }),
}
