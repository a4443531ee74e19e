/**
 * A compact table of the v1.35 API fields kubeplay checks, and a walker that reports what the API
 * server's decoder would: a value of the wrong JSON type (`json: cannot unmarshal number into Go struct
 * field Container.spec.containers.image of type string`) and fields that strict field validation rejects
 * (`unknown field "spec.containers[0].imagee"`). Field names follow `k8s.io/api` (core/v1, apps/v1,
 * batch/v1, meta/v1 `types.go`).
 */
import { isRecord } from './json'

/** A field's type: a scalar, a struct named in {@link STRUCTS}, a list or a string map. */
export type FieldType =
  | 'string'
  | 'int32'
  | 'int64'
  | 'bool'
  | 'quantity'
  | 'intOrString'
  | 'any'
  | { readonly list: FieldType }
  | { readonly map: 'string' | 'quantity' }
  | { readonly struct: string }

/** A struct: its Go name (as `encoding/json` names it in errors) and its fields; `open` skips unknown-field checks. */
export interface StructType {
  readonly go: string
  readonly fields: Readonly<Record<string, FieldType>>
  readonly open?: boolean
}

const S = 'string' as const
const I = 'int32' as const
const I64 = 'int64' as const
const B = 'bool' as const
const A = 'any' as const
const list = (t: FieldType): FieldType => ({ list: t })
const struct = (name: string): FieldType => ({ struct: name })
const strings: FieldType = { map: 'string' }
const quantities: FieldType = { map: 'quantity' }
const open = (go: string, fields: Record<string, FieldType> = {}): StructType => ({ go, fields, open: true })

const handler = {
  exec: struct('ExecAction'),
  httpGet: struct('HTTPGetAction'),
  tcpSocket: struct('TCPSocketAction'),
}

/** The structs, keyed by Go type name. */
export const STRUCTS: Readonly<Record<string, StructType>> = {
  ObjectMeta: {
    go: 'ObjectMeta',
    fields: {
      name: S,
      generateName: S,
      namespace: S,
      selfLink: S,
      uid: S,
      resourceVersion: S,
      generation: I64,
      creationTimestamp: A,
      deletionTimestamp: A,
      deletionGracePeriodSeconds: I64,
      labels: strings,
      annotations: strings,
      ownerReferences: list(A),
      finalizers: list(S),
      managedFields: list(A),
    },
  },
  PodTemplateSpec: {
    go: 'PodTemplateSpec',
    fields: { metadata: struct('ObjectMeta'), spec: struct('PodSpec') },
  },
  PodSpec: {
    go: 'PodSpec',
    fields: {
      volumes: list(struct('Volume')),
      initContainers: list(struct('Container')),
      containers: list(struct('Container')),
      ephemeralContainers: list(A),
      restartPolicy: S,
      terminationGracePeriodSeconds: I64,
      activeDeadlineSeconds: I64,
      dnsPolicy: S,
      nodeSelector: strings,
      serviceAccountName: S,
      serviceAccount: S,
      automountServiceAccountToken: B,
      nodeName: S,
      hostNetwork: B,
      hostPID: B,
      hostIPC: B,
      shareProcessNamespace: B,
      securityContext: A,
      imagePullSecrets: list(A),
      hostname: S,
      hostnameOverride: S,
      subdomain: S,
      affinity: A,
      schedulerName: S,
      tolerations: list(struct('Toleration')),
      hostAliases: list(A),
      priorityClassName: S,
      priority: I,
      dnsConfig: A,
      readinessGates: list(A),
      runtimeClassName: S,
      enableServiceLinks: B,
      preemptionPolicy: S,
      overhead: quantities,
      topologySpreadConstraints: list(A),
      setHostnameAsFQDN: B,
      os: A,
      hostUsers: B,
      schedulingGates: list(A),
      resourceClaims: list(A),
      resources: struct('ResourceRequirements'),
      workloadRef: A,
    },
  },
  Container: {
    go: 'Container',
    fields: {
      name: S,
      image: S,
      command: list(S),
      args: list(S),
      workingDir: S,
      ports: list(struct('ContainerPort')),
      envFrom: list(A),
      env: list(struct('EnvVar')),
      resources: struct('ResourceRequirements'),
      resizePolicy: list(A),
      restartPolicy: S,
      restartPolicyRules: list(A),
      volumeMounts: list(struct('VolumeMount')),
      volumeDevices: list(A),
      livenessProbe: struct('Probe'),
      readinessProbe: struct('Probe'),
      startupProbe: struct('Probe'),
      lifecycle: struct('Lifecycle'),
      terminationMessagePath: S,
      terminationMessagePolicy: S,
      imagePullPolicy: S,
      securityContext: A,
      stdin: B,
      stdinOnce: B,
      tty: B,
    },
  },
  ContainerPort: {
    go: 'ContainerPort',
    fields: { name: S, hostPort: I, containerPort: I, protocol: S, hostIP: S },
  },
  EnvVar: { go: 'EnvVar', fields: { name: S, value: S, valueFrom: A } },
  ResourceRequirements: {
    go: 'ResourceRequirements',
    fields: { limits: quantities, requests: quantities, claims: list(A) },
  },
  VolumeMount: {
    go: 'VolumeMount',
    fields: {
      name: S,
      readOnly: B,
      recursiveReadOnly: S,
      mountPath: S,
      subPath: S,
      mountPropagation: S,
      subPathExpr: S,
    },
  },
  Volume: open('Volume', { name: S }),
  Probe: {
    go: 'Probe',
    fields: {
      ...handler,
      grpc: struct('GRPCAction'),
      initialDelaySeconds: I,
      timeoutSeconds: I,
      periodSeconds: I,
      successThreshold: I,
      failureThreshold: I,
      terminationGracePeriodSeconds: I64,
    },
  },
  Lifecycle: {
    go: 'Lifecycle',
    fields: { postStart: struct('LifecycleHandler'), preStop: struct('LifecycleHandler'), stopSignal: S },
  },
  LifecycleHandler: { go: 'LifecycleHandler', fields: { ...handler, sleep: A } },
  ExecAction: { go: 'ExecAction', fields: { command: list(S) } },
  HTTPGetAction: {
    go: 'HTTPGetAction',
    fields: { path: S, port: 'intOrString', host: S, scheme: S, httpHeaders: list(struct('HTTPHeader')) },
  },
  HTTPHeader: { go: 'HTTPHeader', fields: { name: S, value: S } },
  TCPSocketAction: { go: 'TCPSocketAction', fields: { port: 'intOrString', host: S } },
  GRPCAction: { go: 'GRPCAction', fields: { port: I, service: S } },
  Toleration: {
    go: 'Toleration',
    fields: { key: S, operator: S, value: S, effect: S, tolerationSeconds: I64 },
  },
  LabelSelector: {
    go: 'LabelSelector',
    fields: { matchLabels: strings, matchExpressions: list(struct('LabelSelectorRequirement')) },
  },
  LabelSelectorRequirement: {
    go: 'LabelSelectorRequirement',
    fields: { key: S, operator: S, values: list(S) },
  },
  DeploymentSpec: {
    go: 'DeploymentSpec',
    fields: {
      replicas: I,
      selector: struct('LabelSelector'),
      template: struct('PodTemplateSpec'),
      strategy: struct('DeploymentStrategy'),
      minReadySeconds: I,
      revisionHistoryLimit: I,
      paused: B,
      progressDeadlineSeconds: I,
    },
  },
  DeploymentStrategy: {
    go: 'DeploymentStrategy',
    fields: { type: S, rollingUpdate: struct('RollingUpdateDeployment') },
  },
  RollingUpdateDeployment: {
    go: 'RollingUpdateDeployment',
    fields: { maxUnavailable: 'intOrString', maxSurge: 'intOrString' },
  },
  ReplicaSetSpec: {
    go: 'ReplicaSetSpec',
    fields: {
      replicas: I,
      minReadySeconds: I,
      selector: struct('LabelSelector'),
      template: struct('PodTemplateSpec'),
    },
  },
  StatefulSetSpec: {
    go: 'StatefulSetSpec',
    fields: {
      replicas: I,
      selector: struct('LabelSelector'),
      template: struct('PodTemplateSpec'),
      volumeClaimTemplates: list(A),
      serviceName: S,
      podManagementPolicy: S,
      updateStrategy: A,
      revisionHistoryLimit: I,
      minReadySeconds: I,
      persistentVolumeClaimRetentionPolicy: A,
      ordinals: A,
    },
  },
  DaemonSetSpec: {
    go: 'DaemonSetSpec',
    fields: {
      selector: struct('LabelSelector'),
      template: struct('PodTemplateSpec'),
      updateStrategy: A,
      minReadySeconds: I,
      revisionHistoryLimit: I,
    },
  },
  JobSpec: {
    go: 'JobSpec',
    fields: {
      parallelism: I,
      completions: I,
      activeDeadlineSeconds: I64,
      podFailurePolicy: A,
      successPolicy: A,
      backoffLimit: I,
      backoffLimitPerIndex: I,
      maxFailedIndexes: I,
      selector: struct('LabelSelector'),
      manualSelector: B,
      template: struct('PodTemplateSpec'),
      ttlSecondsAfterFinished: I,
      completionMode: S,
      suspend: B,
      podReplacementPolicy: S,
      managedBy: S,
    },
  },
  ServiceSpec: {
    go: 'ServiceSpec',
    fields: {
      ports: list(struct('ServicePort')),
      selector: strings,
      clusterIP: S,
      clusterIPs: list(S),
      type: S,
      externalIPs: list(S),
      sessionAffinity: S,
      loadBalancerIP: S,
      loadBalancerSourceRanges: list(S),
      externalName: S,
      externalTrafficPolicy: S,
      healthCheckNodePort: I,
      publishNotReadyAddresses: B,
      sessionAffinityConfig: A,
      ipFamilies: list(S),
      ipFamilyPolicy: S,
      allocateLoadBalancerNodePorts: B,
      loadBalancerClass: S,
      internalTrafficPolicy: S,
      trafficDistribution: S,
    },
  },
  ServicePort: {
    go: 'ServicePort',
    fields: { name: S, protocol: S, appProtocol: S, port: I, targetPort: 'intOrString', nodePort: I },
  },
}

/** The spec struct of each kind whose fields are checked; other kinds get their `metadata` checked only. */
export const SPEC_OF_KIND: Readonly<Record<string, string>> = {
  Pod: 'PodSpec',
  Deployment: 'DeploymentSpec',
  ReplicaSet: 'ReplicaSetSpec',
  StatefulSet: 'StatefulSetSpec',
  DaemonSet: 'DaemonSetSpec',
  Job: 'JobSpec',
  Service: 'ServiceSpec',
}

/** One problem found by {@link checkFields}: where, and the message kubectl would print. */
export interface FieldProblem {
  readonly kind: 'wrong-type' | 'unknown-field'
  readonly path: (string | number)[]
  readonly message: string
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (v === null) return 'null'
  if (typeof v === 'object') return 'object'
  if (typeof v === 'boolean') return 'bool'
  return typeof v
}

function goTypeName(t: FieldType): string {
  if (typeof t === 'string') {
    if (t === 'quantity') return 'resource.Quantity'
    if (t === 'intOrString') return 'intstr.IntOrString'
    return t
  }
  if ('list' in t) return `[]${goTypeName(t.list)}`
  if ('map' in t) return `map[string]${t.map === 'string' ? 'string' : 'resource.Quantity'}`
  return `v1.${STRUCTS[t.struct]?.go ?? t.struct}`
}

function fitsScalar(t: string, v: unknown): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string'
    case 'bool':
      return typeof v === 'boolean'
    case 'int32':
    case 'int64':
      return typeof v === 'number' && Number.isInteger(v)
    case 'quantity':
    case 'intOrString':
      return typeof v === 'string' || (typeof v === 'number' && (t === 'quantity' || Number.isInteger(v)))
    default:
      return true
  }
}

/** `spec.containers[0].image` from a path. */
export function fieldPathString(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

/**
 * Walks `value` against `type` and collects the decoder's complaints. `path` is where `value` sits in
 * the object; `owner` is the Go struct holding it (for the `Go struct field X.a.b` wording).
 */
export function checkFields(
  value: unknown,
  type: FieldType,
  path: (string | number)[],
  owner: string,
  out: FieldProblem[],
  goPath: readonly string[] = path.filter((p): p is string => typeof p === 'string'),
): void {
  if (value === null || value === undefined || type === 'any') return
  const wrong = (): void => {
    // Go names a number that does not fit an integer field by its literal (`number 1.5`), and the
    // field by its struct field names only (no list indices, no map keys).
    const intoInt = type === 'int32' || type === 'int64' || type === 'intOrString'
    const what = typeof value === 'number' && intoInt ? `number ${value}` : jsonKind(value)
    out.push({
      kind: 'wrong-type',
      path,
      message: `json: cannot unmarshal ${what} into Go struct field ${owner}.${goPath.join('.')} of type ${goTypeName(type)}`,
    })
  }
  if (typeof type === 'string') {
    if (!fitsScalar(type, value)) wrong()
    return
  }
  if ('list' in type) {
    if (!Array.isArray(value)) return wrong()
    value.forEach((item, i) => checkFields(item, type.list, [...path, i], owner, out, goPath))
    return
  }
  if ('map' in type) {
    if (!isRecord(value)) return wrong()
    for (const [k, v] of Object.entries(value)) checkFields(v, type.map, [...path, k], owner, out, goPath)
    return
  }
  const struct = STRUCTS[type.struct]
  if (!struct) return
  if (!isRecord(value)) return wrong()
  for (const [k, v] of Object.entries(value)) {
    const fieldType = struct.fields[k]
    if (fieldType) checkFields(v, fieldType, [...path, k], struct.go, out, [...goPath, k])
    else if (!struct.open)
      out.push({
        kind: 'unknown-field',
        path: [...path, k],
        message: `unknown field "${fieldPathString([...path, k])}"`,
      })
  }
}

/** Checks a whole object of a known kind: top-level fields, `metadata`, and its `spec` if listed. */
export function checkObjectFields(kind: string, body: Readonly<Record<string, unknown>>): FieldProblem[] {
  const out: FieldProblem[] = []
  const specStruct = SPEC_OF_KIND[kind]
  const top: StructType = {
    go: kind,
    fields: {
      apiVersion: S,
      kind: S,
      metadata: struct('ObjectMeta'),
      ...(specStruct ? { spec: struct(specStruct), status: A } : {}),
    },
    open: !specStruct,
  }
  for (const [k, v] of Object.entries(body)) {
    const fieldType = top.fields[k]
    if (fieldType) checkFields(v, fieldType, [k], kind, out)
    else if (!top.open) out.push({ kind: 'unknown-field', path: [k], message: `unknown field "${k}"` })
  }
  return out
}
