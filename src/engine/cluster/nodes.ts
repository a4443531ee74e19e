import type { Node } from 'kubernetes-types/core/v1'
import type { LoadedObject } from '../model/object'
import { KUBERNETES_VERSION } from '../version'
import { defaultNodes } from './default-cluster'
import { MAX_NODES } from '../limits'
import { scenarioNodeList } from './scenario-nodes'

/** The kubelet version the nodes report (`kubectl get nodes` VERSION). */
export const KUBELET_VERSION = `${KUBERNETES_VERSION}.0`

/**
 * The cluster's Node objects: the scenario's `kind: Node` documents if it has any, else `spec.nodes` of
 * the Scenario document (a list of nodes, or a number of default workers; 3 if absent), with the status a
 * healthy kubelet reports.
 */
export function clusterNodes(objects: readonly LoadedObject[], createdAt: string): Node[] {
  const declared = objects.filter((o) => o.kind === 'Node')
  const listed = scenarioNodesSpec(objects)
  const base =
    declared.length > 0
      ? declared.map((o) => o.body as unknown as Node)
      : Array.isArray(listed)
        ? scenarioNodeList(listed.slice(0, MAX_NODES)).nodes
        : defaultNodes(scenarioNodeCount(listed)).map((n): Node => ({
            apiVersion: 'v1',
            kind: 'Node',
            metadata: { name: n.name, labels: { ...n.labels } },
            spec: {},
            status: { capacity: { cpu: n.cpu, memory: n.memory, pods: String(n.pods) } },
          }))
  return base.map((n, i) => withStatus(n, i, createdAt))
}

/** `spec.nodes` of the Scenario document: a number of workers, or a list of nodes. */
export function scenarioNodesSpec(objects: readonly LoadedObject[]): unknown {
  const scenario = objects.find((o) => o.kind === 'Scenario')
  return (scenario?.body.spec as { nodes?: unknown } | undefined)?.nodes
}

function scenarioNodeCount(nodes: unknown): number {
  return typeof nodes === 'number' && Number.isInteger(nodes) && nodes >= 0 ? Math.min(nodes, MAX_NODES) : 3
}

function withStatus(n: Node, index: number, createdAt: string): Node {
  const name = n.metadata?.name ?? `node-${index + 1}`
  const capacity = {
    cpu: '4',
    memory: '16Gi',
    pods: '110',
    'ephemeral-storage': '100Gi',
    ...(n.status?.capacity ?? {}),
  }
  const ip = `172.18.0.${index + 2}`
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: createdAt,
    lastTransitionTime: createdAt,
    reason,
    message,
  })
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      ...n.metadata,
      name,
      creationTimestamp: createdAt,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(n.metadata?.labels ?? {}),
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', ...(n.metadata?.annotations ?? {}) },
    },
    spec: { podCIDR: `10.244.${index + 1}.0/24`, podCIDRs: [`10.244.${index + 1}.0/24`], ...(n.spec ?? {}) },
    status: {
      capacity,
      allocatable: { ...capacity, ...(n.status?.allocatable ?? {}) },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.8.0-1027-gcp',
        kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  }
}
