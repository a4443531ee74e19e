/**
 * A create the API server refuses: the `metav1.Status` failure it answers with (`apierrors`,
 * `staging/src/k8s.io/apiserver/pkg/admission/errors.go`). Admission returns one instead of the object;
 * the caller (the scenario loader, a controller's pod create) learns the message and creates nothing.
 */
import { isRecord } from './json'

export interface Refusal {
  readonly apiVersion: 'v1'
  readonly kind: 'Status'
  readonly status: 'Failure'
  readonly message: string
  readonly reason: 'Forbidden' | 'NotFound' | 'Invalid'
  readonly code: 403 | 404 | 422
  /** `details.causes` with type `NamespaceTerminating` (controllers record no `FailedCreate` for it). */
  readonly namespaceTerminating?: boolean
}

/** True when an admission result is a refusal rather than the object to store. */
export function isRefusal(v: unknown): v is Refusal {
  return isRecord(v) && v.kind === 'Status' && v.status === 'Failure'
}

/** The resource (plural, lower case, `.group` for non-core groups) of a kind, as errors name it. */
const RESOURCES: Readonly<Record<string, string>> = {
  Pod: 'pods',
  Service: 'services',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointslices.discovery.k8s.io',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  ServiceAccount: 'serviceaccounts',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  ReplicationController: 'replicationcontrollers',
  ResourceQuota: 'resourcequotas',
  LimitRange: 'limitranges',
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  StatefulSet: 'statefulsets.apps',
  DaemonSet: 'daemonsets.apps',
  Job: 'jobs.batch',
  CronJob: 'cronjobs.batch',
  Ingress: 'ingresses.networking.k8s.io',
  NetworkPolicy: 'networkpolicies.networking.k8s.io',
  PodDisruptionBudget: 'poddisruptionbudgets.policy',
  HorizontalPodAutoscaler: 'horizontalpodautoscalers.autoscaling',
  Role: 'roles.rbac.authorization.k8s.io',
  RoleBinding: 'rolebindings.rbac.authorization.k8s.io',
}

/** `schema.GroupResource.String()` of a kind: `pods`, `deployments.apps`; unknown kinds lower-cased + s. */
export function groupResource(kind: string): string {
  return RESOURCES[kind] ?? `${kind.toLowerCase()}s`
}

/**
 * `admission.NewForbidden`: `<resource> "<name>" is forbidden: <message>`. The name is the object's name,
 * or its generateName when it has none yet (`extractResourceName`).
 */
export function forbidden(
  kind: string,
  name: string,
  message: string,
  namespaceTerminating = false,
): Refusal {
  return {
    apiVersion: 'v1',
    kind: 'Status',
    status: 'Failure',
    message: `${groupResource(kind)} "${name}" is forbidden: ${message}`,
    reason: 'Forbidden',
    code: 403,
    ...(namespaceTerminating ? { namespaceTerminating } : {}),
  }
}

/** `apierrors.NewNotFound`: `<resource> "<name>" not found`. */
export function notFound(resource: string, name: string): Refusal {
  return {
    apiVersion: 'v1',
    kind: 'Status',
    status: 'Failure',
    message: `${resource} "${name}" not found`,
    reason: 'NotFound',
    code: 404,
  }
}

/**
 * `utilerrors.NewAggregate(errs).Error()`: one message as is, several as `[a, b]` (duplicates dropped).
 */
export function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)]
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`
}
