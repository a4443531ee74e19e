import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Event,
  Pod,
  Probe,
  ResourceRequirements,
  Volume,
} from 'kubernetes-types/core/v1'
import { canonicalQuantity } from './quantity'
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  PrefixWriter,
} from './describe-writer'
import { rfc1123z, since } from './time'

/**
 * `kubectl describe pod`, as kubectl `pkg/describe/describe.go` `describePod` writes it (reference D6): the same
 * sections in the same order and words, through the same tabwriter.
 */

function intOrString(v: number | string | undefined): string {
  return v === undefined ? '' : String(v)
}

/** `DescribeProbe` (kubectl ≤ 1.36 wording: `#success=` / `#failure=`). */
export function describeProbe(p: Probe): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s ` +
    `#success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`
  if (p.httpGet) {
    const g = p.httpGet
    const port = intOrString(g.port)
    const host = g.host ?? ''
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host
    const scheme = (g.scheme ?? 'HTTP').toLowerCase()
    return `http-get ${scheme}://${hostPort}${g.path ?? ''} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${intOrString(p.tcpSocket.port)} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(2, `${stateName}:\tRunning\n`)
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(2, `${stateName}:\tWaiting\n`)
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(2, `${stateName}:\tTerminated\n`)
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(3, `Message:\t${t.message}\n`)
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`)
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`)
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`)
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`)
  } else w.write(2, `${stateName}:\tWaiting\n`)
}

/** `describeResources` at the given level: Limits then Requests, names sorted, quantities canonical. */
export function describeResources(r: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!r) return
  for (const [title, list] of [
    ['Limits', r.limits],
    ['Requests', r.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const n of names) w.write(level + 1, `${n}:\t${canonicalQuantity(list![n]!)}\n`)
  }
}

/** `EnvValueRetriever` for the fieldRef paths a pod can resolve. */
function fieldValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (m) return (m[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations)?.[m[2]!] ?? ''
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  }
  return values[path] ?? ''
}

function describeEnv(pod: Pod | null, c: Container, w: PrefixWriter): void {
  if (c.envFrom?.length) {
    w.write(2, 'Environment Variables from:\n')
    for (const e of c.envFrom) {
      const [from, name, optional] = e.configMapRef
        ? ['ConfigMap', e.configMapRef.name ?? '', !!e.configMapRef.optional]
        : ['Secret', e.secretRef?.name ?? '', !!e.secretRef?.optional]
      const what = e.prefix ? `${from} with prefix '${e.prefix}'` : from
      w.write(3, `${name}\t${what}\tOptional: ${optional}\n`)
    }
  }
  w.write(2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`)
  for (const e of c.env ?? ([] as EnvVar[])) {
    const vf = e.valueFrom
    if (!vf) {
      ;(e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
    } else if (vf.fieldRef) {
      const value = pod ? fieldValue(pod, vf.fieldRef.fieldPath) : ''
      w.write(3, `${e.name}:\t${value} (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`)
    } else if (vf.resourceFieldRef) {
      w.write(3, `${e.name}:\t (${vf.resourceFieldRef.resource})\n`)
    } else if (vf.secretKeyRef) {
      const k = vf.secretKeyRef
      w.write(
        3,
        `${e.name}:\t<set to the key '${k.key}' in secret '${k.name ?? ''}'>\tOptional: ${!!k.optional}\n`,
      )
    } else if (vf.configMapKeyRef) {
      const k = vf.configMapKeyRef
      w.write(
        3,
        `${e.name}:\t<set to the key '${k.key}' of config map '${k.name ?? ''}'>\tOptional: ${!!k.optional}\n`,
      )
    }
  }
}

/**
 * `describeContainers`. With a `space` (a pod template: `DescribePodTemplate` passes two spaces), the label is
 * prefixed with it, names get one more space, and field references print no value (no resolver).
 */
export function describeContainers(
  pod: Pod | null,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[],
  w: PrefixWriter,
  space = '',
): void {
  const byName = new Map(statuses.map((s) => [s.name, s]))
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const c of containers) {
    const status = byName.get(c.name)
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`)
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(2, `Image:\t${c.image ?? ''}\n`)
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`)
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`)
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ')
    w.write(
      2,
      hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
    )
    for (const [title, items] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if (!items?.length) continue
      w.write(2, `${title}:\n`)
      for (const item of items) for (const s of item.split('\n')) w.write(3, `${s}\n`)
    }
    if (status) {
      describeStatus('State', status.state, w)
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`)
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`)
    }
    describeResources(c.resources, w, 2)
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
    describeEnv(pod, c, w)
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
      a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
    )
    w.write(2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`)
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw']
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`)
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
    }
  }
}

/** One volume of `describeVolumes`; `nameIndent` is the extra space a pod template's volume names get. */
export function describeVolume(v: Volume, w: PrefixWriter, nameIndent = ''): void {
  w.write(1, `${nameIndent}${v.name}:\n`)
  if (v.hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`) // prettier-ignore
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit ? canonicalQuantity(v.emptyDir.sizeLimit) : '<unset>'
    w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`) // prettier-ignore
  } else if (v.secret) {
    w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${!!v.secret.optional}\n`) // prettier-ignore
  } else if (v.configMap) {
    w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${!!v.configMap.optional}\n`) // prettier-ignore
  } else if (v.persistentVolumeClaim) {
    w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`) // prettier-ignore
  } else if (v.projected) {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
    for (const s of v.projected.sources ?? []) {
      if (s.secret) w.write(2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${!!s.secret.optional}\n`)
      else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n')
      else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${!!s.configMap.optional}\n`) // prettier-ignore
      else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`) // prettier-ignore
    }
  } else w.write(1, '<unknown>\n')
}

/** `qos.GetPodQOS`: status.qosClass if set, else computed from requests and limits. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
  const res = ['cpu', 'memory']
  let any = false
  let guaranteed = true
  for (const c of all) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    for (const r of res) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true
      if (lim[r] === undefined) guaranteed = false
      else if (req[r] !== undefined && canonicalQuantity(req[r]) !== canonicalQuantity(lim[r]))
        guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

/**
 * The text of `kubectl describe pod` for one pod.
 * @param pod the Pod, status included
 * @param events the Events whose involvedObject is this pod
 * @param now the time the view is taken at, epoch milliseconds
 */
export function describePod(pod: Pod, events: readonly Event[], now: number): string {
  const w = new PrefixWriter()
  const spec = pod.spec ?? { containers: [] }
  const status = pod.status ?? {}
  const meta = pod.metadata ?? {}
  w.write(0, `Name:\t${meta.name ?? ''}\n`)
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`)
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`)
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`)
    w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`)
  } else w.write(0, `Status:\t${status.phase ?? ''}\n`)
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`)
  if (status.message) w.write(0, `Message:\t${status.message}\n`)
  const seccomp = spec.securityContext?.seccompProfile
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
  w.write(0, `IP:\t${status.podIP ?? ''}\n`)
  if (!status.podIPs?.length) w.write(0, 'IPs:\t<none>\n')
  else {
    w.write(0, 'IPs:\n')
    for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip}\n`)
  }
  const controller = (meta.ownerReferences ?? []).find((r) => r.controller)
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
  if (spec.initContainers?.length)
    describeContainers(pod, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], w)
  describeContainers(pod, 'Containers', spec.containers ?? [], status.containerStatuses ?? [], w)
  if (spec.readinessGates?.length) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n')
    for (const g of spec.readinessGates) {
      const c = (status.conditions ?? []).find((c) => c.type === g.conditionType)
      w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
    }
  }
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n')
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`)
  }
  if (!spec.volumes?.length) w.write(0, 'Volumes:\t<none>\n')
  else {
    w.write(0, 'Volumes:\n')
    for (const v of spec.volumes) describeVolume(v, w)
  }
  w.write(0, `QoS Class:\t${podQOS(pod)}\n`)
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
  const tscs = [...(spec.topologySpreadConstraints ?? [])].sort((a, b) =>
    a.topologyKey < b.topologyKey ? -1 : 1,
  )
  tscs.forEach((t, i) => {
    w.write(0, i === 0 ? 'Topology Spread Constraints:\t' : '\t')
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`
    const ml = t.labelSelector?.matchLabels
    if (t.labelSelector) s += ` for selector ${Object.keys(ml ?? {}).sort().map((k) => `${k}=${ml![k]}`).join(',') || '<none>'}` // prettier-ignore
    w.write(0, s + '\n')
  })
  describeEvents(events, w, now)
  return w.toString()
}
