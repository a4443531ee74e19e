/**
 * The scheduler's loop (k/k `pkg/scheduler/schedule_one.go`): pending pods in queue order (priority, then
 * age), PreFilter/Filter over every node in the default profile's order, PostFilter (DynamicResources,
 * DefaultPreemption) when no node fits, else Score with the profile's weights, the best total winning
 * (ties: the first node by name, where kube-scheduler picks at random), then Bind.
 *
 * Each failed attempt leaves a scheduling record beside the pod (plain data on the state, see
 * {@link whyPending}): the per-node statuses the "why Pending?" panel shows.
 */
import { deletePod } from '../sim/actions'
import { recordEvent } from '../sim/recorder'
import { listObjects, replaceObject, updateObject, type Sim } from '../sim/sim'
import { objKey, type KObject, type SimState } from '../sim/state'
import { parseTime, rfc3339 } from '../sim/time'
import { selectorMatches } from '../api/selectors'
import type { PdbObj } from '../controllers/disruption'
import {
  cmp,
  isRejected,
  list,
  status,
  type Code,
  type Cycle,
  type NodeInfo,
  type NodeToStatus,
  type PodObj,
  type Status,
} from './framework'
import {
  fitError,
  PREEMPTION_POLICY_NEVER,
  NO_PREEMPTION_VICTIMS,
  postFilterMessage,
  preemptionMessage,
} from './fit-error'
import { FILTER_PLUGINS, SCORE_PLUGINS } from './registry'
import { assume, nodeInfo, takeSnapshot, type Snapshot } from './snapshot'

const SCHEDULER_NAME = 'default-scheduler'
const SOURCE = { component: SCHEDULER_NAME }

/** One node's verdict in a failed attempt. */
export interface NodeVerdict {
  readonly node: string
  readonly plugin: string
  readonly code: Code
  readonly reasons: readonly string[]
}

/** What the last failed scheduling attempt of a pod found. */
export interface SchedulingRecord {
  /** Simulated time of the attempt (ms). */
  readonly at: number
  readonly message: string
  /** Every node, by name. */
  readonly nodes: readonly NodeVerdict[]
  readonly nominatedNode?: string
}

/** The scheduler's side data on the state: one record per pending pod key. */
interface SchedulerState {
  scheduling?: Readonly<Record<string, SchedulingRecord>>
  /** Where the next cycle starts looking (`sched.nextStartNodeIndex`). */
  nextStartNodeIndex?: number
}

function records(s: SimState): Readonly<Record<string, SchedulingRecord>> {
  return (s as SimState & SchedulerState).scheduling ?? {}
}

/** Copy-on-write: keyframes share the previous object. */
function setRecord(s: SimState, key: string, rec: SchedulingRecord | undefined): void {
  const cur = records(s)
  if (rec === undefined && !(key in cur)) return
  const next = { ...cur }
  if (rec === undefined) delete next[key]
  else next[key] = rec
  ;(s as SimState & SchedulerState).scheduling = next
}

/**
 * Why a pod is Pending: each node with the plugin that rejected it and its reasons, from the pod's last
 * failed scheduling attempt; null when the pod has no such record (scheduled, or not tried yet).
 *
 * @example whyPending(state, 'Pod/default/web') // [{ node: 'worker-1', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] }, …]
 */
export function whyPending(
  state: SimState,
  podKey: string,
): { node: string; plugin: string; reasons: string[] }[] | null {
  const rec = records(state)[podKey]
  if (!rec) return null
  return rec.nodes.map((v) => ({ node: v.node, plugin: v.plugin, reasons: [...v.reasons] }))
}

/** The whole record of the pod's last failed attempt, or undefined. */
export function schedulingRecord(state: SimState, podKey: string): SchedulingRecord | undefined {
  return records(state)[podKey]
}

function isPending(p: PodObj): boolean {
  return (
    !p.spec?.nodeName &&
    !p.metadata.deletionTimestamp &&
    (p.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
    list(p.spec?.schedulingGates).length === 0 &&
    p.status?.phase !== 'Succeeded' &&
    p.status?.phase !== 'Failed'
  )
}

const priority = (p: PodObj): number => (typeof p.spec?.priority === 'number' ? p.spec.priority : 0)

/**
 * One scheduling pass over the pending pods, in the active queue's order (PrioritySort: higher priority
 * first, then the earlier creation; pods created in the same second keep the API store's creation order).
 */
export function runScheduler(sim: Sim): void {
  const pending: PodObj[] = []
  for (const [k, o] of sim.s.objects)
    if (k.startsWith('Pod/') && isPending(o as PodObj)) pending.push(o as PodObj)
  for (const key of Object.keys(records(sim.s))) if (!sim.s.objects.has(key)) setRecord(sim.s, key, undefined)
  if (pending.length === 0) return
  pending.sort(
    (a, b) =>
      priority(b) - priority(a) ||
      cmp(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? ''),
  )
  const snap = takeSnapshot(sim.s)
  // Services do not change during a pass: index them once for default spreading.
  snap.services = servicesByNamespace(sim.s.objects)
  snap.nominated = new Map()
  for (const p of pending) {
    const node = p.status?.nominatedNodeName
    if (node) nominate(snap, node, p)
  }
  for (const pod of pending) scheduleOne(sim, snap, pod)
}

function servicesByNamespace(objects: ReadonlyMap<string, KObject>): Map<string, KObject[]> {
  const index = new Map<string, KObject[]>()
  for (const [key, o] of objects) {
    if (!key.startsWith('Service/')) continue
    const ns = o.metadata.namespace ?? ''
    index.set(ns, [...(index.get(ns) ?? []), o])
  }
  return index
}

interface Diagnosis {
  feasible: NodeInfo[]
  statuses: NodeToStatus
  preFilterMsg?: string
  /** How many nodes the filters looked at. */
  processed?: number
}

function cycleFor(sim: Sim, snap: Snapshot, pod: PodObj, nodes: readonly NodeInfo[] = snap.nodes): Cycle {
  return {
    pod,
    nodes,
    namespaceLabels: snap.namespaceLabels,
    objects: sim.s.objects,
    ...(snap.services ? { services: snap.services } : {}),
    ...(nodes === snap.nodes ? { assumed: snap.assumed } : {}),
    ...(snap.nominated && snap.nominated.size > 0 ? { nominated: snap.nominated } : {}),
  }
}

/**
 * The nominated pods `addGEPriorityNominatedPods` adds to a node for `pod`: those of at least its
 * priority, other than the pod itself.
 */
function nominatedFor(cycle: Cycle, node: NodeInfo): PodObj[] {
  const on = cycle.nominated?.get(node.name)
  if (!on) return []
  const prio = priority(cycle.pod)
  const uid = cycle.pod.metadata.uid
  return on.filter((p) => p.metadata.uid !== uid && priority(p) >= prio)
}

/**
 * `findNodesThatFitPod`: PreFilter, then Filter on every (remaining) node; first rejection per node.
 * With `only`, the filters run on that node alone (`evaluateNominatedNode`).
 */
export function findNodesThatFit(
  cycle: Cycle,
  sample?: { start: number; want: number },
  only?: NodeInfo,
): Diagnosis {
  const prepared = FILTER_PLUGINS.map((p) => p.prepare(cycle))
  const rejected = prepared.find((p) => p.reject)?.reject
  if (rejected) {
    return {
      feasible: [],
      statuses: { nodes: new Map(), absent: rejected },
      preFilterMsg: rejected.reasons.join(', '),
    }
  }
  let candidates = only ? [only] : cycle.nodes
  let absent: Status = status('UnschedulableAndUnresolvable', '')
  const restricting = FILTER_PLUGINS.filter((_, i) => prepared[i]!.nodeNames)
  if (restricting.length > 0 && !only) {
    candidates = cycle.nodes.filter((n) => prepared.every((p) => !p.nodeNames || p.nodeNames.has(n.name)))
    const names = restricting.map((p) => p.name).sort()
    absent = status(
      'UnschedulableAndUnresolvable',
      names.join(','),
      `node(s) didn't satisfy plugin(s) [${names.join(' ')}]`,
    )
  }
  const nodes = new Map<string, Status>()
  const feasible: NodeInfo[] = []
  // `findNodesThatPassFilters`: from `nextStartNodeIndex`, stop once enough feasible nodes are found.
  const want = sample && restricting.length === 0 ? sample.want : candidates.length
  const start =
    sample && restricting.length === 0 && candidates.length > 0 ? sample.start % candidates.length : 0
  // The filters of the plugins whose PreFilter did not Skip, in the profile's order.
  const filters = prepared.filter((p) => !p.skip).map((p) => p.filter)
  const run = (node: NodeInfo): Status | null => {
    let verdict: Status | null = null
    for (let i = 0; i < filters.length && verdict === null; i++) verdict = filters[i]!(node)
    return verdict
  }
  let processed = 0
  for (; processed < candidates.length && feasible.length < want; processed++) {
    const node = candidates[(start + processed) % candidates.length]!
    // `RunFilterPluginsWithNominatedPods`: first with the nominated pods of at least this priority
    // added to the node, then, if that passed, without them. (Their counts in the PreFilter state of
    // the affinity and spreading plugins are not added: those read the pass's per-node counts.)
    const added = cycle.nominated ? nominatedFor(cycle, node) : []
    let verdict = added.length > 0 ? run(nodeInfo(node.node, [...node.pods, ...added], node.index)) : null
    verdict ??= run(node)
    if (verdict) nodes.set(node.name, verdict)
    else feasible.push(node)
  }
  return { feasible, statuses: { nodes, absent }, processed }
}

/** kube-scheduler's defaults: at least 100 nodes, else an adaptive share (`numFeasibleNodesToFind`). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100
export const DEFAULT_PERCENTAGE_OF_NODES_TO_SCORE = 50
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5

/**
 * How many feasible nodes a scheduling cycle looks for (`schedule_one.go numFeasibleNodesToFind`, with
 * percentageOfNodesToScore unset): every node below 100, else 50% − nodes/125 (at least 5%), and never
 * fewer than 100.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes
  let percentage = DEFAULT_PERCENTAGE_OF_NODES_TO_SCORE - Math.trunc(numAllNodes / 125)
  if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND
  const numNodes = Math.trunc((numAllNodes * percentage) / 100)
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes
}

/** `prioritizeNodes` + `selectHost`: weighted sum of normalised scores; ties go to the first by name. */
export function selectHost(cycle: Cycle, feasible: readonly NodeInfo[]): NodeInfo {
  if (feasible.length === 1) return feasible[0]!
  const n = feasible.length
  const totals = new Array<number>(n).fill(0)
  for (const plugin of SCORE_PLUGINS) {
    const prepared = plugin.prepare(cycle, feasible)
    if (!prepared) continue
    const { score, normalize } = prepared
    const weight = plugin.weight
    if (!normalize) {
      for (let i = 0; i < n; i++) totals[i]! += score(feasible[i]!) * weight
      continue
    }
    const raw = new Array<number>(n)
    for (let i = 0; i < n; i++) raw[i] = score(feasible[i]!)
    const scores = normalize(raw, feasible)
    for (let i = 0; i < n; i++) totals[i]! += scores[i]! * weight
  }
  let best = 0
  for (let i = 1; i < n; i++) if (totals[i]! > totals[best]!) best = i
  return feasible[best]!
}

function scheduleOne(sim: Sim, snap: Snapshot, pod: PodObj): void {
  const cycle = cycleFor(sim, snap, pod)
  const total = cycle.nodes.length
  // `evaluateNominatedNode`: a pod nominated to a node that now fits goes there, without scoring.
  const nominatedNode = pod.status?.nominatedNodeName
    ? snap.byName.get(pod.status.nominatedNodeName)
    : undefined
  if (nominatedNode && findNodesThatFit(cycle, undefined, nominatedNode).feasible.length > 0)
    return place(sim, snap, pod, nominatedNode)
  const start = (sim.s as SimState & SchedulerState).nextStartNodeIndex ?? 0
  const diagnosis = findNodesThatFit(cycle, { start, want: numFeasibleNodesToFind(total) })
  if (total > 0)
    (sim.s as SimState & SchedulerState).nextStartNodeIndex = (start + (diagnosis.processed ?? total)) % total
  if (diagnosis.feasible.length > 0) return place(sim, snap, pod, selectHost(cycle, diagnosis.feasible))
  if (snap.nodes.length === 0) return failed(sim, pod, 'no nodes available to schedule pods', diagnosis, snap)
  const preemption = postFilter(sim, snap, pod, diagnosis)
  const message = fitError({
    numAllNodes: snap.nodes.length,
    statuses: diagnosis.statuses,
    preFilterMsg: diagnosis.preFilterMsg,
    postFilterMsg: preemption.message,
  })
  failed(sim, pod, message, diagnosis, snap, preemption.nominated)
}

/** DefaultPreemptionArgs' defaults: `minCandidateNodesPercentage` 10, `minCandidateNodesAbsolute` 100. */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100

/** `calculateNumCandidates` (`default_preemption.go`): 10% of the nodes, at least 100, at most all. */
export function numCandidates(numNodes: number): number {
  const n = Math.max(
    Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100),
    MIN_CANDIDATE_NODES_ABSOLUTE,
  )
  return Math.min(n, numNodes)
}

/** Bind and assume; a bound pod is no longer nominated anywhere. */
function place(sim: Sim, snap: Snapshot, pod: PodObj, node: NodeInfo): void {
  const bound = bind(sim, pod, node.name)
  assume(snap, node, bound)
  setRecord(sim.s, objKey(pod), undefined)
  unNominate(snap, pod)
}

/** Counts `pod` as nominated to `node` for the rest of the pass. */
function nominate(snap: Snapshot, node: string, pod: PodObj): void {
  snap.nominated?.set(node, [...(snap.nominated.get(node) ?? []), pod])
}

function unNominate(snap: Snapshot, pod: PodObj): void {
  for (const [node, pods] of snap.nominated ?? []) {
    const rest = pods.filter((p) => p.metadata.uid !== pod.metadata.uid)
    if (rest.length === pods.length) continue
    if (rest.length > 0) snap.nominated!.set(node, rest)
    else snap.nominated!.delete(node)
  }
}

/**
 * `podTerminatingByPreemption` (`default_preemption.go`): deleted, with the DisruptionTarget condition
 * the scheduler adds to its victims.
 */
function terminatingByPreemption(p: PodObj): boolean {
  if (!p.metadata.deletionTimestamp) return false
  const c = list(p.status?.conditions).find((c) => c.type === 'DisruptionTarget')
  return c?.status === 'True' && c.reason === 'PreemptionByScheduler'
}

export const NOT_ELIGIBLE_TERMINATING = 'not eligible due to a terminating pod on the nominated node.'

/**
 * `PodEligibleToPreemptOthers` (`default_preemption.go`): not with preemptionPolicy Never, nor while a
 * lower-priority pod the scheduler preempted is still terminating on the pod's nominated node (unless
 * the filters now find that node UnschedulableAndUnresolvable). Returns the reason, or null.
 */
function notEligibleToPreempt(snap: Snapshot, pod: PodObj, statuses: NodeToStatus): string | null {
  if (pod.spec?.preemptionPolicy === 'Never') return PREEMPTION_POLICY_NEVER
  const nominated = pod.status?.nominatedNodeName
  if (!nominated) return null
  const st = statuses.nodes.get(nominated) ?? statuses.absent
  if (st.code === 'UnschedulableAndUnresolvable') return null
  const info = snap.byName.get(nominated)
  const prio = priority(pod)
  return info?.pods.some((p) => priority(p) < prio && terminatingByPreemption(p))
    ? NOT_ELIGIBLE_TERMINATING
    : null
}

/**
 * PostFilter: DynamicResources (nothing to deallocate), then DefaultPreemption (`preemption.go`
 * `Preempt`): nodes rejected only as Unschedulable are tried with every lower-priority pod removed;
 * when some node then fits, as many of those pods as still let it fit are reprieved (PodDisruptionBudgets
 * weighed), and the victims of the node `pickOneNodeForPreemption` prefers are evicted and the pod
 * nominated there.
 */
function postFilter(
  sim: Sim,
  snap: Snapshot,
  pod: PodObj,
  diagnosis: Diagnosis,
): { message: string; nominated?: string } {
  // `Preempt` step 1: a pod not eligible keeps its nomination as it is.
  const notEligible = notEligibleToPreempt(snap, pod, diagnosis.statuses)
  if (notEligible) return { message: postFilterMessage(`preemption: ${notEligible}`) }
  const statuses = new Map<string, Status>()
  const prio = priority(pod)
  // `findCandidates`: the nodes the filters rejected as Unschedulable (preemption may help there).
  const potential = snap.nodes.filter(
    (n) => (diagnosis.statuses.nodes.get(n.name) ?? diagnosis.statuses.absent).code === 'Unschedulable',
  )
  // `DryRunPreemption`: candidates that violate no PodDisruptionBudget first; it stops once it has one
  // of those and `calculateNumCandidates` in all (each list holds at most that many). It starts at a
  // random offset (`GetOffsetAndNumCandidates`); here at the first node, so that runs stay deterministic.
  const wanted = numCandidates(potential.length)
  const pdbs = listObjects<PdbObj>(sim, 'PodDisruptionBudget')
  const now = sim.s.epochMs + sim.s.now
  const nonViolating: Candidate[] = []
  const violating: Candidate[] = []
  for (const node of potential) {
    if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break
    const lower = node.pods.filter((p) => priority(p) < prio)
    if (lower.length === 0) {
      statuses.set(
        node.name,
        status('UnschedulableAndUnresolvable', 'DefaultPreemption', NO_PREEMPTION_VICTIMS),
      )
      continue
    }
    const fitsWith = (kept: readonly PodObj[]): Status | null => {
      const trial = nodeInfo(node.node, kept, node.index)
      const nodes = snap.nodes.map((n) => (n.name === node.name ? trial : n))
      const d = findNodesThatFit(cycleFor(sim, snap, pod, nodes), undefined, trial)
      return d.feasible.length > 0 ? null : (d.statuses.nodes.get(node.name) ?? d.statuses.absent)
    }
    const kept = node.pods.filter((p) => priority(p) >= prio)
    const verdict = fitsWith(kept)
    if (verdict) {
      statuses.set(node.name, verdict)
      continue
    }
    // `SelectVictimsOnNode`: reprieve as many as possible, most important first (`MoreImportantPod`),
    // those whose eviction would violate a budget before the others.
    const moreImportant = (a: PodObj, b: PodObj): number =>
      priority(b) - priority(a) || startTime(a, now) - startTime(b, now)
    const split = podsWithPdbViolation([...lower].sort(moreImportant), pdbs)
    const victims: PodObj[] = []
    let numViolating = 0
    const reprieve = (v: PodObj): boolean => {
      if (fitsWith([...kept, v]) === null) {
        kept.push(v)
        return true
      }
      victims.push(v)
      return false
    }
    for (const v of split.violating) if (!reprieve(v)) numViolating++
    for (const v of split.nonViolating) reprieve(v)
    if (split.violating.length > 0 && split.nonViolating.length > 0) victims.sort(moreImportant)
    const list = numViolating === 0 ? nonViolating : violating
    if (list.length < wanted) list.push({ node, victims, numViolating })
  }
  const candidates = [...nonViolating, ...violating]
  // No candidate: the FitError, and the pod's nomination cleared (`NewPostFilterResultWithNominatedNode("")`).
  if (candidates.length === 0)
    return { message: postFilterMessage(preemptionMessage(snap.nodes.length, statuses)), nominated: '' }
  // `pickOneNodeForPreemption`: fewest budget violations, lowest highest-victim priority, lowest sum of
  // priorities (each counted from −2³¹, so fewer victims weigh less), fewest victims, the latest start
  // among the highest-priority victims; then the first (kube-scheduler's map order is random).
  const scores: ((c: Candidate) => number)[] = [
    (c) => -c.numViolating,
    (c) => -priority(c.victims[0]!),
    (c) => -c.victims.reduce((sum, v) => sum + priority(v) + 2 ** 31, 0),
    (c) => -c.victims.length,
    (c) => earliestStartOfMostImportant(c.victims, now),
  ]
  let best = candidates
  for (const score of scores) {
    if (best.length === 1) break
    const values = best.map(score)
    const max = Math.max(...values)
    best = best.filter((_, i) => values[i] === max)
  }
  const chosen = best[0]!
  for (const victim of chosen.victims) evict(sim, victim, pod, chosen.node.name)
  // `prepareCandidate`: lower-priority pods nominated to the node lose their nomination.
  const name = chosen.node.name
  for (const p of [...(snap.nominated?.get(name) ?? [])])
    if (priority(p) < prio) {
      clearNomination(sim, p)
      unNominate(snap, p)
    }
  // The nominator records the pod at once: the rest of the pass counts it on the node.
  unNominate(snap, pod)
  nominate(snap, name, pod)
  return { message: '', nominated: name }
}

/** A node where preemption would let the pod fit, and the pods it would evict there. */
interface Candidate {
  readonly node: NodeInfo
  /** Most important first (`MoreImportantPod`). */
  readonly victims: PodObj[]
  /** Victims whose eviction a PodDisruptionBudget does not allow. */
  readonly numViolating: number
}

/** `util.GetPodStartTime`: `status.startTime`, or now for a pod that has not started. */
function startTime(p: PodObj, now: number): number {
  return parseTime(p.status?.startTime) ?? now
}

/** `util.GetEarliestPodStartTime`: the earliest start among the victims of the highest priority. */
function earliestStartOfMostImportant(victims: readonly PodObj[], now: number): number {
  const top = Math.max(...victims.map(priority))
  return Math.min(...victims.filter((v) => priority(v) === top).map((v) => startTime(v, now)))
}

/**
 * `filterPodsWithPDBViolation` (`default_preemption.go`): in order, each pod takes one disruption from
 * every budget of its namespace whose selector matches it (an empty selector matches none here); a pod
 * that takes a budget below zero violates it.
 */
function podsWithPdbViolation(
  pods: readonly PodObj[],
  pdbs: readonly PdbObj[],
): { violating: PodObj[]; nonViolating: PodObj[] } {
  const allowed = pdbs.map((b) => b.status?.disruptionsAllowed ?? 0)
  const violating: PodObj[] = []
  const nonViolating: PodObj[] = []
  for (const p of pods) {
    const labels = p.metadata.labels ?? {}
    let violated = false
    if (Object.keys(labels).length > 0)
      pdbs.forEach((b, i) => {
        if (b.metadata.namespace !== p.metadata.namespace) return
        const sel = b.spec?.selector
        if (
          !sel ||
          (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)
        )
          return
        if (!selectorMatches(sel, labels)) return
        if (--allowed[i]! < 0) violated = true
      })
    ;(violated ? violating : nonViolating).push(p)
  }
  return { violating, nonViolating }
}

/** `util.ClearNominatedNodeName`: a status update removing `nominatedNodeName`. */
function clearNomination(sim: Sim, pod: PodObj): void {
  const current = sim.s.objects.get(objKey(pod)) as PodObj | undefined
  if (!current?.status?.nominatedNodeName) return
  const status = { ...current.status }
  delete status.nominatedNodeName
  updateObject(sim, { ...current, status } as PodObj)
}

function evict(sim: Sim, victim: PodObj, preemptor: PodObj, node: string): void {
  const current = sim.s.objects.get(objKey(victim)) as PodObj | undefined
  if (!current || current.metadata.deletionTimestamp) return
  const now = rfc3339(sim.s.epochMs + sim.s.now)
  const conditions = list(current.status?.conditions).filter((c) => c.type !== 'DisruptionTarget')
  conditions.push({
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null as unknown as string,
    lastTransitionTime: now,
    reason: 'PreemptionByScheduler',
    message: `${SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
  })
  const marked = updateObject(sim, { ...current, status: { ...current.status, conditions } } as PodObj)
  recordEvent(sim, marked, SOURCE, {
    type: 'Normal',
    reason: 'Preempted',
    message: `Preempted by pod ${preemptor.metadata.uid ?? ''} on node ${node}`,
  })
  deletePod(sim, marked)
}

function bind(sim: Sim, pod: PodObj, node: string): PodObj {
  const now = rfc3339(sim.s.epochMs + sim.s.now)
  const current = (sim.s.objects.get(objKey(pod)) as PodObj | undefined) ?? pod
  const conditions = list(current.status?.conditions).filter((c) => c.type !== 'PodScheduled')
  conditions.push({
    type: 'PodScheduled',
    status: 'True',
    lastProbeTime: null as unknown as string,
    lastTransitionTime: now,
  })
  const status = { ...current.status, phase: current.status?.phase ?? 'Pending', conditions }
  delete (status as { nominatedNodeName?: string }).nominatedNodeName
  // A pending pod has no node: the bind always changes it.
  const bound = replaceObject(sim, {
    ...current,
    spec: { ...current.spec!, nodeName: node },
    status,
  } as PodObj)
  recordEvent(sim, bound, SOURCE, {
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`,
  })
  return bound
}

function failed(
  sim: Sim,
  pod: PodObj,
  message: string,
  diagnosis: Diagnosis,
  snap: Snapshot,
  nominated?: string,
): void {
  const current = (sim.s.objects.get(objKey(pod)) as PodObj | undefined) ?? pod
  // `nominated`: undefined keeps the pod's nomination, '' clears it, a name sets it.
  const nomination = nominated === undefined ? current.status?.nominatedNodeName : nominated || undefined
  const nodes: NodeVerdict[] = snap.nodes.map((n) => {
    const st = diagnosis.statuses.nodes.get(n.name) ?? diagnosis.statuses.absent
    return { node: n.name, plugin: st.plugin, code: st.code, reasons: st.reasons }
  })
  setRecord(sim.s, objKey(pod), {
    at: sim.s.now,
    message,
    nodes,
    ...(nomination ? { nominatedNode: nomination } : {}),
  })
  const prev = list(current.status?.conditions).find((c) => c.type === 'PodScheduled')
  const sameNomination = current.status?.nominatedNodeName === nomination
  if (prev?.status === 'False' && prev.message === message && sameNomination) return
  const now = rfc3339(sim.s.epochMs + sim.s.now)
  const status = {
    ...current.status,
    phase: 'Pending',
    ...(nomination ? { nominatedNodeName: nomination } : {}),
    conditions: [
      ...list(current.status?.conditions).filter((c) => c.type !== 'PodScheduled'),
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null as unknown as string,
        lastTransitionTime: prev?.status === 'False' ? (prev.lastTransitionTime ?? now) : now,
        reason: 'Unschedulable',
        message,
      },
    ],
  }
  if (!nomination) delete status.nominatedNodeName
  const updated = updateObject(sim, { ...current, status } as PodObj)
  recordEvent(sim, updated, SOURCE, { type: 'Warning', reason: 'FailedScheduling', message })
}

/** True when a Node change may let a pending pod fit: anything but a status heartbeat. */
export function nodeChangeMatters(old: KObject | undefined, next: KObject): boolean {
  if (!old) return true
  const view = (o: KObject) =>
    JSON.stringify([
      o.metadata.labels,
      o.spec,
      (o.status as { allocatable?: unknown } | undefined)?.allocatable,
    ])
  return view(old) !== view(next)
}

export { isRejected }
