/**
 * The cluster a scenario runs on when it declares no `kind: Node` documents: three worker nodes, each
 * with the capacity of a modest cloud VM. `kubectl get nodes` shows them as `worker-1` … `worker-3`.
 */
export interface NodeSpecLite {
  readonly name: string
  readonly cpu: string
  readonly memory: string
  readonly pods: number
  readonly labels: Readonly<Record<string, string>>
}

export const DEFAULT_NODE_CAPACITY = { cpu: '4', memory: '16Gi', pods: 110 } as const

export function defaultNodes(count = 3): NodeSpecLite[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `worker-${i + 1}`
    return {
      name,
      ...DEFAULT_NODE_CAPACITY,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/zone': `zone-${String.fromCharCode(97 + (i % 3))}`,
      },
    }
  })
}
