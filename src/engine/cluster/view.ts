/**
 * What the graph draws at one moment: plain, serialisable data, sent from the worker to the page.
 * Field values follow kubectl: `status` is the STATUS column of `kubectl get pods`, `ready` the READY one.
 */
export interface PodView {
  readonly namespace: string
  readonly name: string
  /** The node the pod is bound to, or null while it is unscheduled. */
  readonly node: string | null
  readonly status: string
  readonly ready: string
  readonly restarts: number
  readonly labels: Readonly<Record<string, string>>
  /** The controller that owns the pod, e.g. `Deployment/web` (through its ReplicaSet). */
  readonly owner: string | null
  /** One entry per probe of each container: its last raw result, `none` before the first one. */
  readonly probes?: readonly ProbeDot[]
}

export interface ProbeDot {
  readonly container: string
  /** S(tartup), L(iveness), R(eadiness). */
  readonly kind: 'S' | 'L' | 'R'
  readonly state: 'pass' | 'fail' | 'none'
}

export interface NodeView {
  readonly name: string
  /** The STATUS column of `kubectl get nodes`. */
  readonly status: 'Ready' | 'NotReady' | 'Unknown'
  readonly cpu: string
  readonly memory: string
  readonly maxPods: number
}

export interface ServiceView {
  readonly namespace: string
  readonly name: string
  readonly type: string
  readonly ports: string
  readonly selector: Readonly<Record<string, string>>
  /** How many ready endpoints the Service has. */
  readonly endpoints: number
}

export interface ClusterView {
  readonly nodes: NodeView[]
  readonly pods: PodView[]
  readonly services: ServiceView[]
}
