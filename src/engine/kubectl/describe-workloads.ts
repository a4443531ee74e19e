import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1'
import type { Endpoints, Event, PersistentVolumeClaim, Pod, PodTemplateSpec, ResourceQuota, Service } from 'kubernetes-types/core/v1' // prettier-ignore
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import type { ObjectMeta } from 'kubernetes-types/meta/v1'
import { humanDuration } from '../model/duration'
import { describeContainers, describeVolume } from './describe-pod'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, PrefixWriter } from './describe-writer' // prettier-ignore
import { formatLabelSelector, labelSelectorString } from './label-selector'
import { formatLabels } from './labels'
import { formatEndpoints } from './other-rows'
import { canonicalQuantity, formatQuantity, parseQuantity } from './quantity'
import { scaledValue } from '../model/quantity'
import { parseTime, rfc1123z } from './time'
import { printBoolPtr } from './workload-rows'

/**
 * `kubectl describe deployment|replicaset|statefulset|daemonset|job|cronjob|service|endpoints|resourcequota|pdb`, in
 * the order and wording of kubectl `pkg/describe/describe.go` (`describeDeployment`, `describeReplicaSet`,
 * `describeStatefulSet`, `describeDaemonSet`, `describeJob`, `describeCronJob`, `describeService`, `describeEndpoints`,
 * `DescribeResourceQuota`, `describePodDisruptionBudgetV1`), through describe's tabwriter.
 */

/** `printController`: `Kind/name` of the controlling owner, or ''. */
function controlledBy(meta: ObjectMeta | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/** `DescribePodTemplate`: `Pod Template:` with the template's labels, containers, volumes and scheduling fields. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(0, 'Pod Template:\n')
  if (!template) return w.write(1, '<unset>')
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length)
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations)
  const spec = template.spec ?? { containers: [] }
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`)
  if (spec.initContainers?.length)
    describeContainers(null, 'Init Containers', spec.initContainers, [], w, '  ')
  describeContainers(null, 'Containers', spec.containers ?? [], [], w, '  ')
  if (!spec.volumes?.length) w.write(0, '  Volumes:\t<none>\n')
  else {
    w.write(0, '  Volumes:\n')
    for (const v of spec.volumes) describeVolume(v, w, ' ')
  }
  const tscs = [...(spec.topologySpreadConstraints ?? [])].sort((a, b) =>
    a.topologyKey < b.topologyKey ? -1 : 1,
  )
  tscs.forEach((t, i) => {
    w.write(0, i === 0 ? '  Topology Spread Constraints:\t' : '\t')
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`
    w.write(0, s + '\n')
  })
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations)
}

/** The `Type Status Reason` table of controller conditions (the trailing space after the type is kubectl's). */
function describeConditions(
  conditions: readonly { type: string; status: string; reason?: string }[] | undefined,
  w: PrefixWriter,
): void {
  // prettier-ignore
  if (!conditions?.length) return
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(1, '----\t------\t------\n')
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}

/** Whether the object's controller is the given owner (by UID when both have one, else by kind and name). */
export function isControlledBy(
  meta: ObjectMeta | undefined,
  kind: string,
  owner: ObjectMeta | undefined,
): boolean {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller)
  if (!ref || ref.kind !== kind) return false
  if (ref.uid && owner?.uid) return ref.uid === owner.uid
  return ref.name === owner?.name
}

/** `getPodStatusForController`: the controller's pods by phase (Pending counts as Waiting). */
function podsStatus(pods: readonly Pod[], kind: string, owner: ObjectMeta | undefined): string {
  const n = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 }
  for (const p of pods) {
    if ((p.metadata?.namespace ?? 'default') !== (owner?.namespace ?? 'default')) continue
    if (!isControlledBy(p.metadata, kind, owner)) continue
    const phase = p.status?.phase as keyof typeof n | undefined
    if (phase && phase in n) n[phase]++
  }
  return `${n.Running} Running / ${n.Pending} Waiting / ${n.Succeeded} Succeeded / ${n.Failed} Failed`
}

/** `printReplicaSetsByLabels`: `name (current/desired replicas created)`, comma-joined, or `<none>`. */
function replicaSetsList(rss: readonly ReplicaSet[]): string {
  return rss.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ') || '<none>' // prettier-ignore
}

/** JSON with sorted keys, to compare pod templates. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object')
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}` // prettier-ignore
  return JSON.stringify(v)
}

/** The template without the `pod-template-hash` label the controller adds (`EqualIgnoreHash`). */
function templateKey(t: PodTemplateSpec | undefined): string {
  const labels = { ...(t?.metadata?.labels ?? {}) }
  delete labels['pod-template-hash']
  return canonical({ ...t, metadata: { ...t?.metadata, labels } })
}

/**
 * The Deployment's new ReplicaSet (same revision annotation, else equal template) and its old ones with replicas
 * (`deploymentutil.GetAllReplicaSets`: `FindOldReplicaSets` keeps only those with spec.replicas ≠ 0).
 */
export function deploymentReplicaSets(
  d: Deployment,
  replicaSets: readonly ReplicaSet[],
): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  // prettier-ignore
  const owned = replicaSets.filter(
    (rs) => (rs.metadata?.namespace ?? 'default') === (d.metadata?.namespace ?? 'default') && isControlledBy(rs.metadata, 'Deployment', d.metadata), // prettier-ignore
  )
  const key = templateKey(d.spec?.template)
  const newRS = owned.find((rs) => templateKey(rs.spec?.template) === key)
  const oldRSs = owned.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 1) !== 0)
  return { newRS, oldRSs }
}

/** `kubectl describe deployment`. */
export function describeDeployment(
  d: Deployment,
  replicaSets: readonly ReplicaSet[],
  events: readonly Event[],
  now: number,
): string {
  // prettier-ignore
  const w = new PrefixWriter()
  const s = d.status ?? {}
  w.write(0, `Name:\t${d.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`)
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`)
  printLabelsMultiline(w, 'Labels', d.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations)
  w.write(0, `Selector:\t${labelSelectorString(d.spec?.selector)}\n`)
  w.write(0, `Replicas:\t${d.spec?.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`) // prettier-ignore
  const strategy = d.spec?.strategy
  w.write(0, `StrategyType:\t${strategy?.type ?? 'RollingUpdate'}\n`)
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`)
  if ((strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const ru = strategy?.rollingUpdate
    w.write(0, `RollingUpdateStrategy:\t${ru?.maxUnavailable ?? '25%'} max unavailable, ${ru?.maxSurge ?? '25%'} max surge\n`) // prettier-ignore
  }
  describePodTemplate(d.spec?.template, w)
  describeConditions(s.conditions, w)
  const { newRS, oldRSs } = deploymentReplicaSets(d, replicaSets)
  if (newRS || oldRSs.length) {
    w.write(0, `OldReplicaSets:\t${replicaSetsList(oldRSs)}\n`)
    w.write(0, `NewReplicaSet:\t${replicaSetsList(newRS ? [newRS] : [])}\n`)
  }
  describeEvents(events, w, now)
  return w.toString()
}

/** `kubectl describe replicaset`. */
export function describeReplicaSet(
  rs: ReplicaSet,
  pods: readonly Pod[],
  events: readonly Event[],
  now: number,
): string {
  const w = new PrefixWriter()
  w.write(0, `Name:\t${rs.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`)
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`)
  printLabelsMultiline(w, 'Labels', rs.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations)
  const owner = controlledBy(rs.metadata)
  if (owner) w.write(0, `Controlled By:\t${owner}\n`)
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`)
  w.write(0, `Pods Status:\t${podsStatus(pods, 'ReplicaSet', rs.metadata)}\n`)
  describePodTemplate(rs.spec?.template, w)
  describeConditions(rs.status?.conditions, w)
  describeEvents(events, w, now)
  return w.toString()
}

/** `kubectl describe job`. */
export function describeJob(job: Job, events: readonly Event[], now: number): string {
  const w = new PrefixWriter()
  const spec = job.spec
  const st = job.status ?? {}
  w.write(0, `Name:\t${job.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${job.metadata?.namespace ?? ''}\n`)
  w.write(0, `Selector:\t${labelSelectorString(spec?.selector)}\n`)
  printLabelsMultiline(w, 'Labels', job.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', job.metadata?.annotations)
  const owner = controlledBy(job.metadata)
  if (owner) w.write(0, `Controlled By:\t${owner}\n`)
  if (spec?.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`)
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`)
  if (spec?.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`)
  if (spec?.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`)
  if (spec?.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`)
  if (spec?.ttlSecondsAfterFinished !== undefined)
    w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`)
  if (st.completionTime) w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`)
  const start = parseTime(st.startTime)
  const end = parseTime(st.completionTime)
  if (start !== null && end !== null) w.write(0, `Duration:\t${humanDuration(end - start)}\n`)
  if (spec?.activeDeadlineSeconds !== undefined)
    w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
  if (st.ready === undefined)
    w.write(0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`) // prettier-ignore
  else
    w.write(0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`) // prettier-ignore
  if (spec?.completionMode === 'Indexed')
    w.write(0, `Completed Indexes:\t${st.completedIndexes || '<none>'}\n`)
  describePodTemplate(spec?.template, w)
  describeEvents(events, w, now)
  return w.toString()
}

/** Go `net.JoinHostPort`. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** `formatEndpointSlices`: ready endpoints of the named port, at most 3, then ` + N more...`; `<none>` without slices. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  const add = (value: () => string, ready: boolean | undefined) => {
    if (list.length === max) more = true
    if (ready === undefined || ready === null || ready) {
      if (!more) list.push(value())
      count++
    }
  }
  for (const s of slices) {
    if (!s.ports?.length) {
      for (const e of s.endpoints ?? []) add(() => e.addresses[0] ?? '', e.conditions?.ready)
      continue
    }
    for (const p of s.ports) {
      if ((p.name ?? '') !== portName) continue
      for (const e of s.endpoints ?? [])
        add(() => joinHostPort(e.addresses[0] ?? '', p.port ?? 0), e.conditions?.ready)
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

/**
 * `kubectl describe service`. Endpoints come from the Service's EndpointSlices (label
 * `kubernetes.io/service-name`); when the cluster keeps no EndpointSlices, from its Endpoints object.
 */
export function describeService(
  svc: Service,
  slices: readonly EndpointSlice[] | undefined,
  endpoints: Endpoints | undefined,
  events: readonly Event[],
  now: number,
): string {
  const w = new PrefixWriter()
  const spec = svc.spec ?? {}
  w.write(0, `Name:\t${svc.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', svc.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations)
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`)
  w.write(0, `Type:\t${spec.type ?? 'ClusterIP'}\n`)
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`)
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`)
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`)
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`)
  const ingress = svc.status?.loadBalancer?.ingress ?? []
  if (ingress.length)
    w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : (i.hostname ?? ''))).join(', ')}\n`) // prettier-ignore
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>'
    const protocol = sp.protocol ?? 'TCP'
    w.write(0, `Port:\t${name}\t${sp.port}/${protocol}\n`)
    w.write(0, `TargetPort:\t${sp.targetPort ?? sp.port}/${protocol}\n`)
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`)
    const eps =
      slices !== undefined
        ? formatEndpointSlices(slices, sp.name ?? '')
        : endpoints
          ? formatEndpoints(endpoints, new Set([sp.name ?? '']))
          : '<none>'
    w.write(0, `Endpoints:\t${eps}\n`)
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`)
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
  if (spec.loadBalancerSourceRanges?.length)
    w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`)
  describeEvents(events, w, now)
  return w.toString()
}

/** `kubectl describe endpoints`. */
export function describeEndpoints(ep: Endpoints, events: readonly Event[], now: number): string {
  const w = new PrefixWriter()
  w.write(0, `Name:\t${ep.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${ep.metadata?.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', ep.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', ep.metadata?.annotations)
  w.write(0, 'Subsets:\n')
  for (const ss of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    w.write(1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    if (ss.ports?.length) {
      w.write(1, 'Ports:\n')
      w.write(2, 'Name\tPort\tProtocol\n')
      w.write(2, '----\t----\t--------\n')
      for (const p of ss.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`)
    }
    w.write(0, '\n')
  }
  describeEvents(events, w, now)
  return w.toString()
}

/** `resource.NewQuantity(q.Value(), format)`: the value rounded up to an integer, in another format. */
function reformat(used: string, hard: string): string {
  const u = parseQuantity(used)
  const h = parseQuantity(hard)
  if (!u || !h || u.format === h.format) return canonicalQuantity(used)
  return formatQuantity({ nanos: scaledValue(u, 0) * 1_000_000_000n, format: h.format })
}

/** `DescribeResourceQuota`: Name, Namespace, Scopes, then the `Resource Used Hard` table (sorted). */
export function describeResourceQuota(q: ResourceQuota): string {
  const w = new PrefixWriter()
  w.write(0, `Name:\t${q.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${q.metadata?.namespace ?? ''}\n`)
  const scopes = [...(q.spec?.scopes ?? [])].sort()
  if (scopes.length) {
    w.write(0, `Scopes:\t${scopes.join(', ')}\n`)
    const help: Record<string, string> = {
      Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.', // prettier-ignore
      NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.', // prettier-ignore
      BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.', // prettier-ignore
      NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.', // prettier-ignore
    }
    for (const s of scopes) if (help[s]) w.write(0, `* ${help[s]}\n`)
  }
  w.write(0, 'Resource\tUsed\tHard\n')
  w.write(0, '--------\t----\t----\n')
  const hard = q.status?.hard ?? {}
  const used = q.status?.used ?? {}
  for (const res of Object.keys(hard).sort())
    w.write(0, `${res}\t${reformat(used[res] ?? '0', hard[res]!)}\t${canonicalQuantity(hard[res]!)}\n`)
  return w.toString()
}

/** `printLabelsMultilineWithIndent(w, "  ", title, "\t", …)` as the volume claim templates use it. */
function printIndentedMap(w: PrefixWriter, title: string, m: Record<string, string> | undefined): void {
  printLabelsMultiline(w, title, m, '  ')
}

/** `describeVolumeClaimTemplates`. */
function describeVolumeClaimTemplates(
  templates: readonly PersistentVolumeClaim[] | undefined,
  w: PrefixWriter,
): void {
  if (!templates?.length) return w.write(0, 'Volume Claims:\t<none>\n')
  w.write(0, 'Volume Claims:\n')
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`)
    const cls =
      pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ??
      pvc.spec?.storageClassName ??
      ''
    w.write(1, `StorageClass:\t${cls}\n`)
    printIndentedMap(w, 'Labels', pvc.metadata?.labels)
    printIndentedMap(w, 'Annotations', pvc.metadata?.annotations)
    const storage = pvc.spec?.resources?.requests?.storage
    w.write(1, `Capacity:\t${storage !== undefined ? canonicalQuantity(String(storage)) : '<default>'}\n`)
    w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`)
  }
}

/** `kubectl describe statefulset` (`describeStatefulSet`). */
export function describeStatefulSet(
  sts: StatefulSet,
  pods: readonly Pod[],
  events: readonly Event[],
  now: number,
): string {
  const w = new PrefixWriter()
  const spec = sts.spec
  w.write(0, `Name:\t${sts.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${sts.metadata?.namespace ?? ''}\n`)
  w.write(0, `CreationTimestamp:\t${rfc1123z(sts.metadata?.creationTimestamp)}\n`)
  w.write(0, `Selector:\t${labelSelectorString(spec?.selector)}\n`)
  printLabelsMultiline(w, 'Labels', sts.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', sts.metadata?.annotations)
  w.write(0, `Replicas:\t${spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`)
  w.write(0, `Update Strategy:\t${spec?.updateStrategy?.type ?? ''}\n`)
  const ru = spec?.updateStrategy?.rollingUpdate
  if (ru && ru.partition !== undefined && ru.partition !== null) {
    w.write(1, `Partition:\t${ru.partition}\n`)
    if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null)
      w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`)
  }
  w.write(0, `Pods Status:\t${podsStatus(pods, 'StatefulSet', sts.metadata)}\n`)
  describePodTemplate(spec?.template, w)
  describeVolumeClaimTemplates(spec?.volumeClaimTemplates, w)
  describeEvents(events, w, now)
  return w.toString()
}

/** `kubectl describe daemonset` (`describeDaemonSet`). */
export function describeDaemonSet(
  ds: DaemonSet,
  pods: readonly Pod[],
  events: readonly Event[],
  now: number,
): string {
  const w = new PrefixWriter()
  const s = ds.status
  w.write(0, `Name:\t${ds.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${ds.metadata?.namespace ?? ''}\n`)
  w.write(0, `Selector:\t${labelSelectorString(ds.spec?.selector)}\n`)
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`)
  printLabelsMultiline(w, 'Labels', ds.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', ds.metadata?.annotations)
  w.write(0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`)
  w.write(0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`)
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`)
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`)
  w.write(0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`)
  w.write(0, `Pods Status:\t${podsStatus(pods, 'DaemonSet', ds.metadata)}\n`)
  describePodTemplate(ds.spec?.template, w)
  describeEvents(events, w, now)
  return w.toString()
}

/** `describeJobTemplate`: the job template's selector, parallelism, completions, deadline and pod template. */
function describeJobTemplate(template: JobTemplateSpec | undefined, w: PrefixWriter): void {
  const spec = template?.spec
  w.write(0, `Selector:\t${spec?.selector ? labelSelectorString(spec.selector) : '<unset>'}\n`)
  w.write(0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`)
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`)
  if (spec?.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null)
    w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
  describePodTemplate(spec?.template, w)
}

/** `kubectl describe cronjob` (`describeCronJob`). */
export function describeCronJob(cj: CronJob, events: readonly Event[], now: number): string {
  const w = new PrefixWriter()
  const spec = cj.spec
  const unset = (v: number | null | undefined, suffix = '') =>
    v === undefined || v === null ? '<unset>' : `${v}${suffix}`
  w.write(0, `Name:\t${cj.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${cj.metadata?.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', cj.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', cj.metadata?.annotations)
  w.write(0, `Schedule:\t${spec?.schedule ?? ''}\n`)
  w.write(0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`)
  w.write(0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`)
  w.write(0, `Time Zone:\t${spec?.timeZone ?? '<unset>'}\n`)
  w.write(0, `Successful Job History Limit:\t${unset(spec?.successfulJobsHistoryLimit)}\n`)
  w.write(0, `Failed Job History Limit:\t${unset(spec?.failedJobsHistoryLimit)}\n`)
  w.write(0, `Starting Deadline Seconds:\t${unset(spec?.startingDeadlineSeconds, 's')}\n`)
  describeJobTemplate(spec?.jobTemplate, w)
  const last = cj.status?.lastScheduleTime
  w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`)
  // `printActiveJobs`
  w.write(0, 'Active Jobs:\t')
  const active = cj.status?.active ?? []
  if (active.length === 0) w.writeLine('<none>')
  else w.writeLine(active.map((r) => r.name ?? '').join(', '))
  describeEvents(events, w, now)
  return w.toString()
}

/** `kubectl describe poddisruptionbudget` (`describePodDisruptionBudgetV1`). */
export function describePodDisruptionBudget(
  pdb: PodDisruptionBudget,
  events: readonly Event[],
  now: number,
): string {
  const w = new PrefixWriter()
  const spec = pdb.spec
  w.write(0, `Name:\t${pdb.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${pdb.metadata?.namespace ?? ''}\n`)
  if (spec?.minAvailable !== undefined && spec.minAvailable !== null)
    w.write(0, `Min available:\t${spec.minAvailable}\n`)
  else if (spec?.maxUnavailable !== undefined && spec.maxUnavailable !== null)
    w.write(0, `Max unavailable:\t${spec.maxUnavailable}\n`)
  w.write(0, `Selector:\t${spec?.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`)
  const s = pdb.status
  w.write(0, 'Status:\n')
  w.write(2, `Allowed disruptions:\t${s?.disruptionsAllowed ?? 0}\n`)
  w.write(2, `Current:\t${s?.currentHealthy ?? 0}\n`)
  w.write(2, `Desired:\t${s?.desiredHealthy ?? 0}\n`)
  w.write(2, `Total:\t${s?.expectedPods ?? 0}\n`)
  describeEvents(events, w, now)
  return w.toString()
}
