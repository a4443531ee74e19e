/**
 * NodePorts (k/k `pkg/scheduler/framework/plugins/nodeports/node_ports.go`, `HostPortInfo.CheckConflict`
 * in `pkg/scheduler/framework/types.go`): a container's `hostPort` must be free on the node for its
 * protocol and host IP; `0.0.0.0` (or no hostIP) conflicts with every IP.
 */
import type { ContainerPort, Pod } from 'kubernetes-types/core/v1'
import { list, status, type FilterPlugin, type NodeInfo } from '../framework'

export const NAME = 'NodePorts'
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports"

const ANY_IP = '0.0.0.0'

/** The container ports of a pod that ask for a host port (`getContainerPorts`). */
export function hostPorts(pod: Pod): ContainerPort[] {
  return list(pod.spec?.containers)
    .flatMap((c) => list(c?.ports))
    .filter((p) => typeof p?.hostPort === 'number' && p.hostPort > 0)
}

function conflicts(a: ContainerPort, b: ContainerPort): boolean {
  if (a.hostPort !== b.hostPort || (a.protocol || 'TCP') !== (b.protocol || 'TCP')) return false
  const ipA = a.hostIP || ANY_IP
  const ipB = b.hostIP || ANY_IP
  return ipA === ANY_IP || ipB === ANY_IP || ipA === ipB
}

/** `fitsPorts`: none of the wanted host ports is used by a pod already on the node. */
export function fitsPorts(wanted: readonly ContainerPort[], node: NodeInfo): boolean {
  if (wanted.length === 0) return true
  const used = node.pods.flatMap(hostPorts)
  return !wanted.some((w) => used.some((u) => conflicts(w, u)))
}

export const nodePorts: FilterPlugin = {
  name: NAME,
  prepare: (cycle) => {
    const wanted = hostPorts(cycle.pod)
    return {
      filter: (node) => (fitsPorts(wanted, node) ? null : status('Unschedulable', NAME, ERR_REASON)),
      // `PreFilter`: a pod without host ports is Skip.
      skip: wanted.length === 0,
    }
  },
}
