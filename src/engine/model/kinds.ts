/**
 * What kubeplay knows about each kind: whether it is namespaced (as the API server's discovery says) and
 * whether the engine simulates it. Kinds that are not simulated are kept and shown, with one warning.
 */
export interface KindInfo {
  readonly namespaced: boolean
  readonly simulated: boolean
}

const k = (namespaced: boolean, simulated: boolean): KindInfo => ({ namespaced, simulated })

export const KINDS: Readonly<Record<string, KindInfo>> = {
  Pod: k(true, true),
  Deployment: k(true, true),
  ReplicaSet: k(true, true),
  StatefulSet: k(true, true),
  DaemonSet: k(true, true),
  Job: k(true, true),
  CronJob: k(true, true),
  Service: k(true, true),
  Endpoints: k(true, false),
  EndpointSlice: k(true, false),
  Namespace: k(false, true),
  Node: k(false, true),
  ConfigMap: k(true, false),
  Secret: k(true, false),
  ServiceAccount: k(true, false),
  PersistentVolumeClaim: k(true, false),
  PersistentVolume: k(false, false),
  StorageClass: k(false, false),
  ResourceQuota: k(true, true),
  LimitRange: k(true, true),
  PodDisruptionBudget: k(true, true),
  HorizontalPodAutoscaler: k(true, false),
  Ingress: k(true, false),
  IngressClass: k(false, false),
  NetworkPolicy: k(true, false),
  PriorityClass: k(false, true),
  RuntimeClass: k(false, false),
  Role: k(true, false),
  RoleBinding: k(true, false),
  ClusterRole: k(false, false),
  ClusterRoleBinding: k(false, false),
  CustomResourceDefinition: k(false, false),
  Scenario: k(false, true),
}

/** Unknown kinds (custom resources) are assumed namespaced, as most are. */
export function kindInfo(kind: string): KindInfo {
  return KINDS[kind] ?? { namespaced: true, simulated: false }
}
