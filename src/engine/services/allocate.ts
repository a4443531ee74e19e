/**
 * What the Service registry does on create (`pkg/registry/core/service/storage`, `ipallocator`,
 * `portallocator`): a cluster IP from the service CIDR `10.96.0.0/12` (kubeadm's default;
 * `10.96.0.1` is the `kubernetes` Service's, from the static lower band), `clusterIPs` with it, node
 * ports from `30000-32767` for NodePort and LoadBalancer Services, nothing for headless
 * (`clusterIP: None`) or ExternalName ones, and `status.loadBalancer: {}`.
 *
 * The real allocators pick at random from the upper band of each range first. kubeplay picks the same
 * way but from a hash of the Service's namespace/name (and port index), probing upward on collision, so
 * the addresses look like a real cluster's, are the same on every run, and draw nothing from the
 * scenario's PRNG.
 */
import type { JsonObject } from '../api/json'
import { isRecord, recordAt, recordsAt } from '../api/json'
import type { Refusal } from '../api/refusal'
import { fnv32a } from '../model/names'
import { listObjects, type Sim } from '../sim/sim'
import type { KObject } from '../sim/state'

/** `--service-cluster-ip-range` of kubeadm (and kind): 10.96.0.0/12. */
const CIDR_BASE = (10 << 24) | (96 << 16)
const CIDR_SIZE = 1 << 20
/** `calculateRangeOffset`: min(max(16, size/16), 256) addresses at the bottom form the static band. */
const IP_STATIC_BAND = 256
/** `--service-node-port-range` default. */
const NODE_PORT_MIN = 30000
const NODE_PORT_MAX = 32767
/** `calculateRangeOffset` for ports: min(max(16, size/32), 128) = 86 for 2768 ports. */
const NODE_PORT_STATIC_BAND = 86

/** The `kubernetes` Service's address: the first of the range. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1'

export function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

function usedClusterIPs(sim: Sim): Set<string> {
  const used = new Set<string>()
  for (const svc of listObjects(sim, 'Service')) {
    const spec = isRecord(svc.spec) ? svc.spec : {}
    for (const ip of Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [spec.clusterIP])
      if (typeof ip === 'string') used.add(ip)
  }
  return used
}

function usedNodePorts(sim: Sim): Set<number> {
  const used = new Set<number>()
  for (const svc of listObjects(sim, 'Service'))
    for (const p of recordsAt(isRecord(svc.spec) ? svc.spec : {}, 'ports'))
      if (typeof p.nodePort === 'number') used.add(p.nodePort)
  return used
}

/** An address of the upper band chosen from `seed`, probing past used ones (and the range ends). */
function pickIP(seed: string, used: Set<string>): string {
  const dynamic = CIDR_SIZE - 2 - IP_STATIC_BAND
  const start = fnv32a(seed) % dynamic
  for (let i = 0; i < dynamic; i++) {
    const ip = ipToString(CIDR_BASE + 1 + IP_STATIC_BAND + ((start + i) % dynamic))
    if (!used.has(ip)) return ip
  }
  return ''
}

function pickNodePort(seed: string, used: Set<number>): number {
  const lo = NODE_PORT_MIN + NODE_PORT_STATIC_BAND
  const size = NODE_PORT_MAX - lo + 1
  const start = fnv32a(seed) % size
  for (let i = 0; i < NODE_PORT_MAX - NODE_PORT_MIN + 1; i++) {
    const port = i < size ? lo + ((start + i) % size) : NODE_PORT_MIN + (i - size)
    if (!used.has(port)) return port
  }
  return 0
}

function invalid(name: string, detail: string): Refusal {
  return {
    apiVersion: 'v1',
    kind: 'Status',
    status: 'Failure',
    message: `Service "${name}" is invalid: ${detail}`,
    reason: 'Invalid',
    code: 422,
  }
}

/**
 * A defaulted Service (`applyDefaults`) with its cluster IP and node ports allocated, or the registry's
 * refusal when an address or port it asks for is taken.
 */
export function allocateService(sim: Sim, svc: JsonObject): JsonObject | Refusal {
  const meta = recordAt(svc, 'metadata') ?? {}
  const name = typeof meta.name === 'string' ? meta.name : ''
  const seed = `${typeof meta.namespace === 'string' ? meta.namespace : 'default'}/${name}`
  const spec = { ...(recordAt(svc, 'spec') ?? {}) }
  const out: JsonObject = { ...svc, spec, status: { loadBalancer: {} } }
  if (spec.type === 'ExternalName') return out
  const used = usedClusterIPs(sim)
  if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None']
  } else if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '') {
    if (used.has(spec.clusterIP))
      return invalid(
        name,
        `spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
      )
    spec.clusterIPs = [spec.clusterIP]
  } else {
    const ip = pickIP(seed, used)
    spec.clusterIP = ip
    spec.clusterIPs = [ip]
  }
  const wantsNodePorts =
    spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)
  if (wantsNodePorts && Array.isArray(spec.ports)) {
    const ports = usedNodePorts(sim)
    const list: unknown[] = []
    for (const [i, p] of spec.ports.entries()) {
      if (!isRecord(p)) {
        list.push(p)
        continue
      }
      if (typeof p.nodePort === 'number' && p.nodePort !== 0) {
        if (ports.has(p.nodePort))
          return invalid(
            name,
            `spec.ports[${i}].nodePort: Invalid value: ${p.nodePort}: provided port is already allocated`,
          )
        ports.add(p.nodePort)
        list.push(p)
        continue
      }
      const nodePort = pickNodePort(`${seed}/${i}`, ports)
      ports.add(nodePort)
      list.push({ ...p, nodePort })
    }
    spec.ports = list
  }
  return out
}

/** The `default/kubernetes` Service the API server keeps (`pkg/controlplane/controller/kubernetesservice`). */
export function kubernetesService(creationTimestamp: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      creationTimestamp,
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  }
}
