/**
 * What the API server does to an object before anyone sees it: defaulting as in Kubernetes v1.35
 * (`pkg/apis/core/v1/defaults.go`, `pkg/apis/apps/v1/defaults.go`, `pkg/apis/batch/v1/defaults.go`, the
 * generated `zz_generated.defaults.go`), a few deterministic parts of the registry strategies
 * (Namespace finalizers, Service IP families), and for Pods the mutating admission plugins of
 * `admission.ts`. Every function returns a new object and never mutates its input.
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job } from 'kubernetes-types/batch/v1'
import type { Namespace, Pod, PodTemplateSpec, Service } from 'kubernetes-types/core/v1'
import type { AdmissionOptions } from './admission'
import { admitDefaultTolerations, admitPriority, admitServiceAccount } from './admission'
import type { JsonObject } from './json'
import { cloneJson, ensureRecord, isRecord, isZero, recordAt, recordsAt, stringMapAt } from './json'
import { defaultPodOnly, defaultPodSpec, defaultTemplateInPlace } from './pod-defaults'

export type { AdmissionOptions } from './admission'

/** A copy of `raw` as a JSON object (an empty object when `raw` is not one). */
function copyOf(raw: unknown): JsonObject {
  return isRecord(raw) ? cloneJson(raw) : {}
}

/** `SetObjectDefaults_Pod`: the defaulting of a Pod, without admission. */
export function defaultPod(raw: unknown): Pod {
  const pod = copyOf(raw)
  const spec = recordAt(pod, 'spec')
  if (spec) {
    defaultPodOnly(spec)
    defaultPodSpec(spec)
  }
  return pod as Pod
}

/**
 * A Pod as `kubectl create` leaves it in the store: {@link defaultPod}, then the `Priority`,
 * `ServiceAccount` and `DefaultTolerationSeconds` admission plugins.
 */
export function createPod(raw: unknown, opts: AdmissionOptions): Pod {
  const pod = defaultPod(raw) as JsonObject
  const spec = recordAt(pod, 'spec')
  if (spec) {
    admitPriority(spec)
    admitServiceAccount(pod, spec, opts)
    admitDefaultTolerations(spec)
  }
  return pod as Pod
}

/** The defaulting of a pod template (`SetDefaults_PodSpec` and below, none of the Pod-only defaults). */
export function defaultPodTemplateSpec(raw: unknown): PodTemplateSpec {
  const template = copyOf(raw)
  defaultTemplateInPlace(template)
  return template as PodTemplateSpec
}

function specOf(obj: JsonObject): JsonObject | undefined {
  return ensureRecord(obj, 'spec')
}

const setIfUnset = (obj: JsonObject, key: string, value: unknown): void => {
  if (obj[key] === undefined) obj[key] = value
}

/** `SetDefaults_Deployment`: replicas 1, RollingUpdate 25 %/25 %, history 10, progress deadline 600 s. */
export function defaultDeployment(raw: unknown): Deployment {
  const d = copyOf(raw)
  const spec = specOf(d)
  if (spec) {
    setIfUnset(spec, 'replicas', 1)
    const strategy = ensureRecord(spec, 'strategy')
    if (strategy) {
      if (isZero(strategy.type)) strategy.type = 'RollingUpdate'
      if (strategy.type === 'RollingUpdate') {
        const ru = ensureRecord(strategy, 'rollingUpdate')
        if (ru) {
          setIfUnset(ru, 'maxUnavailable', '25%')
          setIfUnset(ru, 'maxSurge', '25%')
        }
      }
    }
    setIfUnset(spec, 'revisionHistoryLimit', 10)
    setIfUnset(spec, 'progressDeadlineSeconds', 600)
    defaultTemplateInPlace(spec.template)
  }
  return d as Deployment
}

/** `SetDefaults_ReplicaSet`: replicas 1. */
export function defaultReplicaSet(raw: unknown): ReplicaSet {
  const rs = copyOf(raw)
  const spec = specOf(rs)
  if (spec) {
    setIfUnset(spec, 'replicas', 1)
    defaultTemplateInPlace(spec.template)
  }
  return rs as ReplicaSet
}

/**
 * `SetDefaults_StatefulSet`: OrderedReady, RollingUpdate with partition 0, PVC retention Retain/Retain,
 * replicas 1, history 10; claim templates get `volumeMode: Filesystem` and `status.phase: Pending`, and
 * are written back with their `apiVersion`/`kind`.
 */
export function defaultStatefulSet(raw: unknown): StatefulSet {
  const s = copyOf(raw)
  const spec = specOf(s)
  if (spec) {
    if (isZero(spec.podManagementPolicy)) spec.podManagementPolicy = 'OrderedReady'
    const us = ensureRecord(spec, 'updateStrategy')
    if (us) {
      if (isZero(us.type)) {
        us.type = 'RollingUpdate'
        ensureRecord(us, 'rollingUpdate')
      }
      const ru = recordAt(us, 'rollingUpdate')
      if (us.type === 'RollingUpdate' && ru) setIfUnset(ru, 'partition', 0)
    }
    const retention = ensureRecord(spec, 'persistentVolumeClaimRetentionPolicy')
    if (retention) {
      if (isZero(retention.whenDeleted)) retention.whenDeleted = 'Retain'
      if (isZero(retention.whenScaled)) retention.whenScaled = 'Retain'
    }
    setIfUnset(spec, 'replicas', 1)
    setIfUnset(spec, 'revisionHistoryLimit', 10)
    defaultTemplateInPlace(spec.template)
    if (Array.isArray(spec.volumeClaimTemplates)) {
      spec.volumeClaimTemplates = spec.volumeClaimTemplates.map((claim: unknown) => {
        if (!isRecord(claim)) return claim
        const out: JsonObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...claim }
        const claimSpec = ensureRecord(out, 'spec')
        if (claimSpec && claimSpec.volumeMode === undefined) claimSpec.volumeMode = 'Filesystem'
        const status = ensureRecord(out, 'status')
        if (status && isZero(status.phase)) status.phase = 'Pending'
        return out
      })
    }
  }
  return s as StatefulSet
}

/** `SetDefaults_DaemonSet`: RollingUpdate with maxUnavailable 1 and maxSurge 0, history 10. */
export function defaultDaemonSet(raw: unknown): DaemonSet {
  const ds = copyOf(raw)
  const spec = specOf(ds)
  if (spec) {
    const us = ensureRecord(spec, 'updateStrategy')
    if (us) {
      if (isZero(us.type)) us.type = 'RollingUpdate'
      if (us.type === 'RollingUpdate') {
        const ru = ensureRecord(us, 'rollingUpdate')
        if (ru) {
          setIfUnset(ru, 'maxUnavailable', 1)
          setIfUnset(ru, 'maxSurge', 0)
        }
      }
    }
    setIfUnset(spec, 'revisionHistoryLimit', 10)
    defaultTemplateInPlace(spec.template)
  }
  return ds as DaemonSet
}

/**
 * `SetDefaults_Job`: completions and parallelism 1 when both are unset, parallelism 1, backoffLimit 6
 * (max int32 with backoffLimitPerIndex), NonIndexed, suspend false, podReplacementPolicy
 * TerminatingOrFailed (Failed with a podFailurePolicy), manualSelector false, the Job's labels from the
 * template's when it has none. The template's restartPolicy is kept; an empty one becomes `Always` like
 * any pod spec's, which validation then rejects.
 */
export function defaultJob(raw: unknown): Job {
  const job = copyOf(raw)
  const spec = specOf(job)
  if (spec) defaultJobSpec(job, spec)
  return job as Job
}

function defaultJobSpec(job: JsonObject | undefined, spec: JsonObject): void {
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1
  setIfUnset(spec, 'parallelism', 1)
  setIfUnset(spec, 'backoffLimit', spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6)
  const templateLabels = stringMapAt(recordAt(recordAt(spec, 'template') ?? {}, 'metadata') ?? {}, 'labels')
  const meta = job && recordAt(job, 'metadata')
  if (meta && templateLabels && (!isRecord(meta.labels) || Object.keys(meta.labels).length === 0))
    meta.labels = { ...templateLabels }
  setIfUnset(spec, 'completionMode', 'NonIndexed')
  setIfUnset(spec, 'suspend', false)
  const failurePolicy = recordAt(spec, 'podFailurePolicy')
  for (const rule of recordsAt(failurePolicy ?? {}, 'rules'))
    for (const pattern of recordsAt(rule, 'onPodConditions'))
      if (isZero(pattern.status)) pattern.status = 'True'
  setIfUnset(spec, 'podReplacementPolicy', failurePolicy ? 'Failed' : 'TerminatingOrFailed')
  setIfUnset(spec, 'manualSelector', false)
  defaultTemplateInPlace(spec.template)
}

/** `SetDefaults_CronJob`: Allow, suspend false, history 3 successful / 1 failed; the pod template below. */
export function defaultCronJob(raw: unknown): CronJob {
  const cj = copyOf(raw)
  const spec = specOf(cj)
  if (spec) {
    if (isZero(spec.concurrencyPolicy)) spec.concurrencyPolicy = 'Allow'
    setIfUnset(spec, 'suspend', false)
    setIfUnset(spec, 'successfulJobsHistoryLimit', 3)
    setIfUnset(spec, 'failedJobsHistoryLimit', 1)
    const jobSpec = recordAt(recordAt(spec, 'jobTemplate') ?? {}, 'spec')
    if (jobSpec) defaultTemplateInPlace(jobSpec.template)
  }
  return cj as CronJob
}

/**
 * `SetDefaults_Service`, plus the IP-family fields the Service registry fills on create in a
 * single-stack IPv4 cluster. Cluster IPs and node ports are allocated elsewhere.
 */
export function defaultService(raw: unknown): Service {
  const svc = copyOf(raw)
  const spec = specOf(svc)
  if (!spec) return svc as Service
  if (isZero(spec.sessionAffinity)) spec.sessionAffinity = 'None'
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'ClientIP') {
    const clientIP = recordAt(recordAt(spec, 'sessionAffinityConfig') ?? {}, 'clientIP')
    if (clientIP?.timeoutSeconds === undefined)
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } }
  }
  if (isZero(spec.type)) spec.type = 'ClusterIP'
  for (const port of recordsAt(spec, 'ports')) {
    if (isZero(port.protocol)) port.protocol = 'TCP'
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '')
      port.targetPort = port.port
  }
  const type = spec.type
  const external =
    type === 'NodePort' ||
    type === 'LoadBalancer' ||
    (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
  if (external && isZero(spec.externalTrafficPolicy)) spec.externalTrafficPolicy = 'Cluster'
  if (
    (type === 'ClusterIP' || type === 'NodePort' || type === 'LoadBalancer') &&
    spec.internalTrafficPolicy === undefined
  )
    spec.internalTrafficPolicy = 'Cluster'
  if (type === 'LoadBalancer') setIfUnset(spec, 'allocateLoadBalancerNodePorts', true)
  if (type !== 'ExternalName') {
    if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && spec.clusterIPs === undefined)
      spec.clusterIPs = [spec.clusterIP]
    const headlessWithoutSelector = spec.clusterIP === 'None' && !isRecord(spec.selector)
    setIfUnset(spec, 'ipFamilyPolicy', headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack')
    setIfUnset(spec, 'ipFamilies', ['IPv4'])
  }
  return svc as Service
}

/**
 * `SetDefaults_Namespace` (label `kubernetes.io/metadata.name`), `SetDefaults_NamespaceStatus` (phase
 * Active) and the registry's create strategy (`spec.finalizers: [kubernetes]`).
 */
export function defaultNamespace(raw: unknown): Namespace {
  const ns = copyOf(raw)
  const meta = recordAt(ns, 'metadata')
  if (meta && typeof meta.name === 'string' && meta.name !== '') {
    const labels = ensureRecord(meta, 'labels')
    if (labels) labels['kubernetes.io/metadata.name'] = meta.name
  }
  const spec = specOf(ns)
  if (spec && spec.finalizers === undefined) spec.finalizers = ['kubernetes']
  const status = ensureRecord(ns, 'status')
  if (status && isZero(status.phase)) status.phase = 'Active'
  return ns as Namespace
}

const BY_KIND: Readonly<Record<string, (body: JsonObject, opts: AdmissionOptions) => unknown>> = {
  Pod: (b, o) => createPod(b, o),
  Deployment: (b) => defaultDeployment(b),
  ReplicaSet: (b) => defaultReplicaSet(b),
  StatefulSet: (b) => defaultStatefulSet(b),
  DaemonSet: (b) => defaultDaemonSet(b),
  Job: (b) => defaultJob(b),
  CronJob: (b) => defaultCronJob(b),
  Service: (b) => defaultService(b),
  Namespace: (b) => defaultNamespace(b),
}

/**
 * The one entry point: the object as the API server stores it on create. Pods also go through admission
 * (see {@link createPod}); kinds not listed come back as an unchanged copy.
 *
 * @example
 * applyDefaults('Deployment', body, { suffix: () => randomSuffix(rng) }).spec.strategy
 * // { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }
 */
export function applyDefaults(
  kind: string,
  body: Record<string, unknown>,
  opts: { suffix: () => string },
): Record<string, unknown> {
  const apply = Object.hasOwn(BY_KIND, kind) ? BY_KIND[kind] : undefined
  if (!apply || !isRecord(body)) return cloneJson(isRecord(body) ? body : {})
  return apply(body, opts) as Record<string, unknown>
}
