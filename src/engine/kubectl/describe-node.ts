import type { Container, Event, Node, Pod } from 'kubernetes-types/core/v1'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, PrefixWriter } from './describe-writer' // prettier-ignore
import { addQuantity, cmpQuantity, formatQuantity, parseQuantity, type Quantity, quantityValue, ZERO } from './quantity' // prettier-ignore
import { nodeRoles } from './rows'
import { rfc1123z, since } from './time'

type ResourceTotals = Map<string, Quantity>

function addList(into: ResourceTotals, list: Record<string, string> | undefined): void {
  for (const [name, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v)
    if (q) into.set(name, addQuantity(into.get(name) ?? ZERO, q))
  }
}

function maxList(into: ResourceTotals, list: ResourceTotals): void {
  for (const [name, q] of list) {
    const cur = into.get(name)
    if (!cur || cmpQuantity(q, cur) > 0) into.set(name, q)
  }
}

/**
 * kubectl `resourcehelper.PodRequestsAndLimits`: app containers and sidecars summed, each regular init container
 * (plus the sidecars started before it) taken as a floor, plus pod overhead.
 */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceTotals; limits: ResourceTotals } {
  const requests: ResourceTotals = new Map()
  const limits: ResourceTotals = new Map()
  for (const c of pod.spec?.containers ?? []) {
    addList(requests, c.resources?.requests)
    addList(limits, c.resources?.limits)
  }
  const sidecarReqs: ResourceTotals = new Map()
  const sidecarLims: ResourceTotals = new Map()
  for (const c of pod.spec?.initContainers ?? ([] as Container[])) {
    if (c.restartPolicy === 'Always') {
      addList(requests, c.resources?.requests)
      addList(limits, c.resources?.limits)
      addList(sidecarReqs, c.resources?.requests)
      addList(sidecarLims, c.resources?.limits)
      continue
    }
    const r: ResourceTotals = new Map(sidecarReqs)
    addList(r, c.resources?.requests)
    const l: ResourceTotals = new Map(sidecarLims)
    addList(l, c.resources?.limits)
    maxList(requests, r)
    maxList(limits, l)
  }
  addList(requests, pod.spec?.overhead)
  for (const [name, v] of Object.entries(pod.spec?.overhead ?? {}))
    if (limits.has(name)) addList(limits, { [name]: v })
  return { requests, limits }
}

function pct(part: Quantity, whole: Quantity | undefined): number {
  const w = whole ? quantityValue(whole) : 0
  return w === 0 ? 0 : Math.trunc((quantityValue(part) / w) * 100)
}

function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const alloc: ResourceTotals = new Map()
  const allocList = Object.keys(node.status?.allocatable ?? {}).length
    ? node.status?.allocatable
    : node.status?.capacity
  addList(alloc, allocList)
  const totalReqs: ResourceTotals = new Map()
  const totalLims: ResourceTotals = new Map()
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod)
    const get = (m: ResourceTotals, n: string) => m.get(n) ?? ZERO
    const cell = (m: ResourceTotals, n: string) =>
      `${formatQuantity(get(m, n))} (${pct(get(m, n), alloc.get(n))}%)`
    w.write(
      1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell(requests, 'cpu')}\t${cell(limits, 'cpu')}\t` +
        `${cell(requests, 'memory')}\t${cell(limits, 'memory')}\t${since(pod.metadata?.creationTimestamp, now)}\n`,
    )
    for (const [n, q] of requests) totalReqs.set(n, addQuantity(totalReqs.get(n) ?? ZERO, q))
    for (const [n, q] of limits) totalLims.set(n, addQuantity(totalLims.get(n) ?? ZERO, q))
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(1, 'Resource\tRequests\tLimits\n')
  w.write(1, '--------\t--------\t------\n')
  for (const n of ['cpu', 'memory', 'ephemeral-storage']) {
    const r = totalReqs.get(n) ?? ZERO
    const l = totalLims.get(n) ?? ZERO
    w.write(
      1,
      `${n}\t${formatQuantity(r)} (${pct(r, alloc.get(n))}%)\t${formatQuantity(l)} (${pct(l, alloc.get(n))}%)\n`,
    )
  }
  const names = [...alloc.keys()]
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods'])
  for (const n of names.filter((n) => n.startsWith('hugepages-')).sort()) {
    const r = totalReqs.get(n) ?? ZERO
    const l = totalLims.get(n) ?? ZERO
    w.write(
      1,
      `${n}\t${formatQuantity(r)} (${pct(r, alloc.get(n))}%)\t${formatQuantity(l)} (${pct(l, alloc.get(n))}%)\n`,
    )
  }
  for (const n of names
    .filter(
      (n) =>
        !n.startsWith('hugepages-') &&
        !standard.has(n) &&
        !n.startsWith('requests.') &&
        !n.startsWith('limits.'),
    )
    .sort())
    // prettier-ignore
    w.write(1, `${n}\t${formatQuantity(totalReqs.get(n) ?? ZERO)}\t${formatQuantity(totalLims.get(n) ?? ZERO)}\n`)
}

/**
 * The text of `kubectl describe node`, as kubectl `pkg/describe/describe.go` `describeNode` writes it (reference
 * D6). The node Lease is not an input: it is shown as kubelets keep it (holder = the node, renewed at the Ready
 * condition's last heartbeat).
 * @param node the Node
 * @param podsOnNode pods bound to the node (terminal ones are left out, as kubectl's field selector does)
 * @param events the Events whose involvedObject is this node
 * @param now the time the view is taken at, epoch milliseconds
 */
export function describeNode(
  node: Node,
  podsOnNode: readonly Pod[],
  events: readonly Event[],
  now: number,
): string {
  const w = new PrefixWriter()
  const meta = node.metadata ?? {}
  const status = node.status ?? {}
  w.write(0, `Name:\t${meta.name ?? ''}\n`)
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`)
  printTaintsMultiline(w, 'Taints', node.spec?.taints)
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}\n`)
  const ready = (status.conditions ?? []).find((c) => c.type === 'Ready')
  w.write(0, 'Lease:\n')
  w.write(1, `HolderIdentity:\t${meta.name ?? '<unset>'}\n`)
  w.write(1, 'AcquireTime:\t<unset>\n')
  w.write(1, `RenewTime:\t${ready?.lastHeartbeatTime ? rfc1123z(ready.lastHeartbeatTime) : '<unset>'}\n`)
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of status.conditions)
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      )
  }
  w.write(0, 'Addresses:\n')
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`)
  for (const [title, list] of [
    ['Capacity', status.capacity],
    ['Allocatable', status.allocatable],
  ] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length === 0) continue
    w.write(0, `${title}:\n`)
    for (const n of names) {
      const q = parseQuantity(list![n])
      w.write(0, `  ${n}:\t${q ? formatQuantity(q) : list![n]}\n`)
    }
  }
  const info = status.nodeInfo
  w.write(0, 'System Info:\n')
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`)
  w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`)
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`)
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`)
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`)
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`)
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`)
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`)
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`)
  w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`)
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`)
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`)
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`)
  const live = podsOnNode.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
  describeNodeResource(live, node, w, now)
  describeEvents(events, w, now)
  return w.toString()
}
