/**
 * The mutating admission plugins of a default v1.35 API server that change a Pod on create, after
 * defaulting: `Priority`, `ServiceAccount` and `DefaultTolerationSeconds`. `LimitRanger` and
 * `ResourceQuota` live elsewhere. Functions here mutate the JSON object they are given.
 */
import type { JsonObject } from './json'
import { isRecord, recordAt, recordsAt } from './json'

/** `plugin/pkg/admission/serviceaccount`: `DefaultAPITokenMountPath`. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
/** `ServiceAccountVolumeName`: the prefix of the projected token volume's generated name. */
export const SERVICE_ACCOUNT_VOLUME_PREFIX = 'kube-api-access-'
/** `serviceaccount.WarnOnlyBoundTokenExpirationSeconds` (1 h + 7 s), what real pods show. */
export const TOKEN_EXPIRATION_SECONDS = 3607
/** `--default-not-ready-toleration-seconds` and `--default-unreachable-toleration-seconds`. */
export const DEFAULT_TOLERATION_SECONDS = 300

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/** The built-in PriorityClasses every cluster has (`scheduling.SystemPriorityClasses`). */
const SYSTEM_PRIORITY: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
}

/** Options of pod admission. */
export interface AdmissionOptions {
  /**
   * The 5-character random suffix of the `kube-api-access-` volume (`names.SimpleNameGenerator`). The
   * caller draws it from the scenario's seeded PRNG; it is called at most once, and only when the volume
   * is added.
   */
  readonly suffix: () => string
}

/**
 * `Priority` admission with no global-default PriorityClass: a pod without `priorityClassName` gets
 * priority 0 and `preemptionPolicy: PreemptLowerPriority`; the system classes get their values. Pods
 * naming a user-defined class are left as they are (the class is looked up elsewhere).
 */
export function admitPriority(spec: JsonObject): void {
  const className = spec.priorityClassName
  if (className === undefined || className === '') {
    spec.priority ??= 0
    spec.preemptionPolicy ??= 'PreemptLowerPriority'
  } else if (typeof className === 'string' && className in SYSTEM_PRIORITY) {
    spec.priority ??= SYSTEM_PRIORITY[className]
    spec.preemptionPolicy ??= 'PreemptLowerPriority'
  }
}

/**
 * `DefaultTolerationSeconds`: unless a toleration already covers them (same key or empty key, effect
 * NoExecute or empty), adds `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable`
 * NoExecute tolerations, `Exists`, for 300 s.
 */
export function admitDefaultTolerations(spec: JsonObject): void {
  if (spec.tolerations !== undefined && !Array.isArray(spec.tolerations)) return
  const tolerations = (spec.tolerations as unknown[] | undefined) ?? []
  const covers = (key: string): boolean =>
    tolerations.some(
      (t) =>
        isRecord(t) &&
        (t.key === key || t.key === undefined || t.key === '') &&
        (t.effect === 'NoExecute' || t.effect === undefined || t.effect === ''),
    )
  const added: JsonObject[] = []
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!covers(key))
      added.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      })
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added]
}

/** `TokenVolumeSource()`: the projected volume with the token, the cluster CA and the namespace. */
export function tokenVolumeSource(): JsonObject {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
        },
      },
    ],
  }
}

/**
 * `ServiceAccount` admission: `serviceAccountName` defaults to `default` (the deprecated
 * `serviceAccount` mirrors it, as the v1 conversion writes it), and unless `automountServiceAccountToken`
 * is false the projected `kube-api-access-xxxxx` volume is added and mounted read-only at
 * `/var/run/secrets/kubernetes.io/serviceaccount` in every init and app container that has no mount
 * there. Mirror pods are left alone.
 */
export function admitServiceAccount(pod: JsonObject, spec: JsonObject, opts: AdmissionOptions): void {
  const annotations = recordAt(recordAt(pod, 'metadata') ?? {}, 'annotations')
  if (annotations && MIRROR_POD_ANNOTATION in annotations) return
  if (spec.serviceAccountName === undefined || spec.serviceAccountName === '') {
    spec.serviceAccountName =
      typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '' ? spec.serviceAccount : 'default'
  }
  // The v1 conversion writes the deprecated field from serviceAccountName on every read.
  spec.serviceAccount = spec.serviceAccountName
  if (spec.automountServiceAccountToken === false) return
  if (spec.volumes !== undefined && !Array.isArray(spec.volumes)) return

  const volumes = recordsAt(spec, 'volumes')
  const existing = volumes.find(
    (v) => typeof v.name === 'string' && v.name.startsWith(SERVICE_ACCOUNT_VOLUME_PREFIX),
  )
  let volumeName = typeof existing?.name === 'string' ? existing.name : undefined
  let needsVolume = false
  for (const key of ['initContainers', 'containers']) {
    for (const c of recordsAt(spec, key)) {
      if (c.volumeMounts !== undefined && !Array.isArray(c.volumeMounts)) continue
      const mounts = recordsAt(c, 'volumeMounts')
      if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue
      volumeName ??= SERVICE_ACCOUNT_VOLUME_PREFIX + opts.suffix()
      c.volumeMounts = [
        ...((c.volumeMounts as unknown[] | undefined) ?? []),
        { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH },
      ]
      needsVolume = true
    }
  }
  if (needsVolume && !existing && volumeName !== undefined) {
    spec.volumes = [
      ...((spec.volumes as unknown[] | undefined) ?? []),
      { name: volumeName, projected: tokenVolumeSource() },
    ]
  }
}
