/**
 * The API server's defaulting of pod specs, as in Kubernetes v1.35 `pkg/apis/core/v1/defaults.go` and the
 * generated `zz_generated.defaults.go` (`SetObjectDefaults_Pod`, `SetObjectDefaults_PodTemplate`).
 * Functions here mutate the JSON object they are given; `defaults.ts` copies before calling them.
 */
import type { JsonObject } from './json'
import { ensureRecord, isRecord, isZero, recordAt, recordsAt } from './json'

/** `v1.TerminationMessagePathDefault`. */
export const TERMINATION_MESSAGE_PATH = '/dev/termination-log'
/** `v1.DefaultTerminationGracePeriodSeconds`. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30
/** Octal 0644, the default mode of secret, configMap, downwardAPI and projected volumes. */
export const DEFAULT_VOLUME_MODE = 420

/**
 * The tag `parsers.ParseImageName` finds in an image reference: the given tag, `latest` when there is
 * neither tag nor digest, and `''` when there is only a digest or the reference does not parse.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@')
  const named = at >= 0 ? image.slice(0, at) : image
  const slash = named.lastIndexOf('/')
  const colon = named.lastIndexOf(':')
  const hasTag = colon > slash
  const repo = hasTag ? named.slice(0, colon) : named
  const tag = hasTag ? named.slice(colon + 1) : ''
  // The registry host may carry a port and upper case; the path after it must be lower case.
  const firstSlash = repo.indexOf('/')
  const host = firstSlash >= 0 ? repo.slice(0, firstSlash) : ''
  const hostLike = host !== '' && (host.includes('.') || host.includes(':') || host === 'localhost')
  const path = hostLike ? repo.slice(firstSlash + 1) : repo
  const pathOk = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(
    path,
  )
  if (!pathOk || (hasTag && !/^\w[\w.-]{0,127}$/.test(tag))) return ''
  if (at >= 0 && !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/.test(image.slice(at + 1))) return ''
  if (tag !== '') return tag
  return at >= 0 ? '' : 'latest'
}

/** `SetDefaults_Container`'s rule: `Always` when the tag is `latest` (or absent), else `IfNotPresent`. */
export function defaultImagePullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  return typeof image === 'string' && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent'
}

function setIfZero(obj: JsonObject, key: string, value: unknown): void {
  if (isZero(obj[key])) obj[key] = value
}

function defaultHttpGet(action: JsonObject | undefined): void {
  if (!action) return
  setIfZero(action, 'path', '/')
  setIfZero(action, 'scheme', 'HTTP')
}

/** `SetDefaults_Probe` plus its `httpGet` defaults. Zero values count as unset, as in Go. */
export function defaultProbe(probe: JsonObject): void {
  setIfZero(probe, 'timeoutSeconds', 1)
  setIfZero(probe, 'periodSeconds', 10)
  setIfZero(probe, 'successThreshold', 1)
  setIfZero(probe, 'failureThreshold', 3)
  defaultHttpGet(recordAt(probe, 'httpGet'))
}

function defaultFieldRef(holder: JsonObject | undefined): void {
  const ref = holder && recordAt(holder, 'fieldRef')
  if (ref) setIfZero(ref, 'apiVersion', 'v1')
}

/** `SetDefaults_Container` and the generated defaults of its ports, env, probes and lifecycle hooks. */
export function defaultContainer(c: JsonObject): void {
  setIfZero(c, 'imagePullPolicy', defaultImagePullPolicy(c.image))
  setIfZero(c, 'terminationMessagePath', TERMINATION_MESSAGE_PATH)
  setIfZero(c, 'terminationMessagePolicy', 'File')
  for (const port of recordsAt(c, 'ports')) setIfZero(port, 'protocol', 'TCP')
  for (const env of recordsAt(c, 'env')) defaultFieldRef(recordAt(env, 'valueFrom'))
  // ResourceRequirements is a struct, not a pointer: the API server always writes `resources: {}`.
  ensureRecord(c, 'resources')
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = recordAt(c, key)
    if (probe) defaultProbe(probe)
  }
  const lifecycle = recordAt(c, 'lifecycle')
  if (lifecycle) {
    for (const key of ['postStart', 'preStop']) {
      const handler = recordAt(lifecycle, key)
      if (handler) defaultHttpGet(recordAt(handler, 'httpGet'))
    }
  }
}

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
]

/** `SetDefaults_Volume` (no source ⇒ `emptyDir: {}`) and the defaults of each volume source. */
export function defaultVolume(v: JsonObject): void {
  if (!VOLUME_SOURCES.some((k) => v[k] !== undefined && v[k] !== null)) v.emptyDir = {}
  const hostPath = recordAt(v, 'hostPath')
  if (hostPath && hostPath.type === undefined) hostPath.type = ''
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const source = recordAt(v, key)
    if (source && source.defaultMode === undefined) source.defaultMode = DEFAULT_VOLUME_MODE
  }
  for (const item of recordsAt(recordAt(v, 'downwardAPI') ?? {}, 'items')) defaultFieldRef(item)
  for (const source of recordsAt(recordAt(v, 'projected') ?? {}, 'sources')) {
    for (const item of recordsAt(recordAt(source, 'downwardAPI') ?? {}, 'items')) defaultFieldRef(item)
    const token = recordAt(source, 'serviceAccountToken')
    if (token && token.expirationSeconds === undefined) token.expirationSeconds = 3600
  }
  const image = recordAt(v, 'image')
  if (image) setIfZero(image, 'pullPolicy', defaultImagePullPolicy(image.reference))
  const claim = recordAt(recordAt(v, 'ephemeral') ?? {}, 'volumeClaimTemplate')
  const claimSpec = claim && recordAt(claim, 'spec')
  if (claimSpec) setIfZero(claimSpec, 'volumeMode', 'Filesystem')
}

/**
 * `SetDefaults_PodSpec` and everything the generated defaulter reaches inside a pod spec: what a pod
 * *template* gets (Deployments, Jobs, …). Pod-only defaults are in {@link defaultPodOnly}.
 */
export function defaultPodSpec(spec: JsonObject): void {
  setIfZero(spec, 'dnsPolicy', 'ClusterFirst')
  setIfZero(spec, 'restartPolicy', 'Always')
  if (spec.securityContext === undefined) spec.securityContext = {}
  if (spec.terminationGracePeriodSeconds === undefined)
    spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS
  setIfZero(spec, 'schedulerName', 'default-scheduler')
  for (const v of recordsAt(spec, 'volumes')) defaultVolume(v)
  for (const key of ['initContainers', 'containers', 'ephemeralContainers'])
    for (const c of recordsAt(spec, key)) defaultContainer(c)
}

/**
 * `SetDefaults_Pod`: what only a Pod gets, not a template. Requests copied from limits where a container
 * sets a limit without a request; `enableServiceLinks: true`; host ports under `hostNetwork`.
 */
export function defaultPodOnly(spec: JsonObject): void {
  for (const key of ['containers', 'initContainers']) {
    for (const c of recordsAt(spec, key)) {
      const resources = recordAt(c, 'resources')
      const limits = resources && recordAt(resources, 'limits')
      if (!resources || !limits) continue
      const requests = ensureRecord(resources, 'requests')
      if (!requests) continue
      for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value
    }
  }
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true
  if (spec.hostNetwork === true) {
    for (const key of ['containers', 'initContainers'])
      for (const c of recordsAt(spec, key))
        for (const port of recordsAt(c, 'ports'))
          if (isZero(port.hostPort)) port.hostPort = port.containerPort
  }
}

/** Defaults a pod template (`metadata` + `spec`) in place, as `SetObjectDefaults_PodTemplate` does. */
export function defaultTemplateInPlace(template: unknown): void {
  if (!isRecord(template)) return
  const spec = recordAt(template, 'spec')
  if (spec) defaultPodSpec(spec)
}
