/**
 * What the graph draws at one moment: plain, serialisable data, sent from the worker to the page.
 * Field values follow kubectl: `status` is the STATUS column of `kubectl get pods`, `ready` the READY one.
 * Times are simulated milliseconds since the scenario was applied (the timeline's clock).
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
  /** The pod's own controller (its controller ownerReference), e.g. `ReplicaSet/web-7d4b9c`. */
  readonly controller?: string | null
  /** When the pod was created (metadata.creationTimestamp), to keep tiles in creation order. */
  readonly createdMs?: number
  /** One entry per probe of each container: its last raw result, `none` before the first one. */
  readonly probes?: readonly ProbeDot[]
  /** When a container of the pod last crashed or was killed (a non-zero exit), or null. */
  readonly lastCrashMs?: number | null
  /** The reason of the pod's `DisruptionTarget` condition (`DeletionByTaintManager`, …): it is evicted. */
  readonly evicted?: string | null
  /** For a pod the scheduler could not place: each node's verdict in its last attempt (why Pending). */
  readonly unschedulable?: readonly NodeVerdictView[]
}

export interface ProbeDot {
  readonly container: string
  /** S(tartup), L(iveness), R(eadiness). */
  readonly kind: 'S' | 'L' | 'R'
  readonly state: 'pass' | 'fail' | 'none'
  /**
   * Consecutive results like the last one, as the kubelet's probe worker counts them toward the
   * threshold (reference A4): a failing liveness probe reads 1, 2, 3 of failureThreshold 3.
   */
  readonly count?: number
  /** The threshold that count is heading for: failureThreshold when failing, successThreshold otherwise. */
  readonly threshold?: number
  /** When the probe last ran (its ticker's last tick), or null while it does not run; each tick is a pulse. */
  readonly lastMs?: number | null
}

export interface NodeVerdictView {
  readonly node: string
  /** The filter plugin that rejected the pod there (`NodeResourcesFit`, `TaintToleration`, …). */
  readonly plugin: string
  /** kube-scheduler's wording: `Insufficient cpu`, `node(s) had untolerated taint {…}`. */
  readonly reasons: readonly string[]
}

/** Requests summed over a node's non-terminated pods (as `kubectl describe node` adds them), or what it can hold. */
export interface NodeResources {
  readonly cpuMilli: number
  readonly memoryBytes: number
  readonly pods: number
}

export interface NodeView {
  readonly name: string
  /** The STATUS column of `kubectl get nodes`. */
  readonly status: 'Ready' | 'NotReady' | 'Unknown'
  readonly cpu: string
  readonly memory: string
  readonly maxPods: number
  /** The ROLES column: `control-plane`, … (empty for `<none>`). */
  readonly roles?: readonly string[]
  /** Cordoned (`spec.unschedulable`): STATUS gets `,SchedulingDisabled`. */
  readonly unschedulable?: boolean
  readonly requested?: NodeResources
  readonly allocatable?: NodeResources
}

export interface ServiceView {
  readonly namespace: string
  readonly name: string
  readonly type: string
  readonly ports: string
  readonly selector: Readonly<Record<string, string>>
  /** How many ready endpoints the Service has. */
  readonly endpoints: number
  /** The pods behind its ready addresses (Endpoints `addresses[].targetRef`), by name, sorted. */
  readonly readyPods?: readonly string[]
  /** The pods behind its not-ready addresses (`notReadyAddresses`). */
  readonly notReadyPods?: readonly string[]
}

/** A controller of pods: Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob. */
export interface WorkloadView {
  readonly kind: string
  readonly namespace: string
  readonly name: string
  /** Its own controller, e.g. `Deployment/web` for a ReplicaSet, `CronJob/backup` for a Job. */
  readonly owner: string | null
  /** kubectl's summary column: READY `2/3` (Job: COMPLETIONS `1/1`, DaemonSet: READY/DESIRED). */
  readonly summary: string
  /** The replicas it wants (0 for an old ReplicaSet scaled down). */
  readonly desired: number
}

export interface ClusterView {
  /** The moment the view shows. */
  readonly t?: number
  readonly nodes: NodeView[]
  readonly pods: PodView[]
  readonly services: ServiceView[]
  readonly workloads?: WorkloadView[]
}
