import type { Pod } from 'kubernetes-types/core/v1'
import { mapSelectorMatches, selectorMatches } from '../api/selectors'

/** The pod `kubectl logs TYPE/NAME` reads, with the note kubectl prints on stderr, or kubectl's error. */
export type LogsTarget = { readonly pod: Pod; readonly note: string } | { readonly error: string }

interface Selectable {
  readonly kind?: string
  readonly metadata?: { readonly name?: string; readonly uid?: string }
  readonly spec?: unknown
}

/**
 * `kubectl logs TYPE/NAME` for a controller or a Service (kubectl `polymorphichelpers/logsforobject.go`):
 * `SelectorsForObject` gives the object's pod selector; `GetFirstPod` lists the pods it selects in the
 * namespace, sorts them with `podutils.ByLogging`, takes the first, and says `Found N pods, using pod/…`
 * when there was a choice. With no pod, kubectl waits `--pod-running-timeout` (20s) and gives up.
 */
export function logsTargetFor(object: Selectable, namespace: string, pods: readonly Pod[]): LogsTarget {
  const kind = object.kind ?? ''
  const selects = podSelector(object)
  if (typeof selects === 'string') return { error: `error: cannot get the logs from *v1.${kind}: ${selects}` }
  const candidates = pods.filter((p) => (p.metadata?.namespace ?? 'default') === namespace && selects(p))
  if (candidates.length === 0) return { error: 'error: timed out waiting for the condition' }
  // Array.prototype.sort is stable: pods tied on every rule keep the API's order (by name).
  const sorted = [...candidates].sort(byLogging)
  const pod = sorted[0]!
  return {
    pod,
    note: sorted.length > 1 ? `Found ${sorted.length} pods, using pod/${pod.metadata?.name ?? ''}\n` : '',
  }
}

/** `polymorphichelpers.SelectorsForObject`, as a predicate over pods; a string is its error. */
function podSelector(object: Selectable): ((p: Pod) => boolean) | string {
  const spec = (object.spec ?? {}) as { selector?: unknown }
  const labels = (p: Pod): Record<string, string> => p.metadata?.labels ?? {}
  switch (object.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
      return (p) => selectorMatches(spec.selector, labels(p))
    case 'Job': {
      // The API server gives every Job the selector `batch.kubernetes.io/controller-uid=<uid>`; its pods
      // are exactly those the Job owns.
      if (spec.selector !== undefined) return (p) => selectorMatches(spec.selector, labels(p))
      const uid = object.metadata?.uid
      const name = object.metadata?.name
      return (p) =>
        (p.metadata?.ownerReferences ?? []).some(
          (o) => o.kind === 'Job' && (uid ? o.uid === uid : o.name === name),
        )
    }
    case 'Service': {
      const selector = spec.selector as Record<string, string> | undefined
      if (!selector || Object.keys(selector).length === 0)
        return `invalid service '${object.metadata?.name ?? ''}': Service is defined without a selector`
      return (p) => mapSelectorMatches(selector, labels(p))
    }
    default:
      return `selector for *v1.${object.kind ?? ''} not implemented`
  }
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 }

/**
 * `podutils.ByLogging.Less` (kubectl/pkg/util/podutils/podutils.go): assigned before unassigned; Running
 * before Unknown before Pending (other phases rank with Running, as Go's map lookup gives 0); ready before
 * not ready; ready for longer first; more restarts first; older first.
 */
export function byLogging(a: Pod, b: Pod): number {
  const an = a.spec?.nodeName ?? ''
  const bn = b.spec?.nodeName ?? ''
  if (an !== bn && (an === '' || bn === '')) return an !== '' ? -1 : 1
  const ap = PHASE_RANK[a.status?.phase ?? ''] ?? 0
  const bp = PHASE_RANK[b.status?.phase ?? ''] ?? 0
  if (ap !== bp) return ap - bp
  const ar = readySince(a)
  const br = readySince(b)
  if ((ar !== null) !== (br !== null)) return ar !== null ? -1 : 1
  if (ar !== null && br !== null && ar !== br) return afterOrZero(br, ar) ? -1 : 1
  const rs = maxRestarts(b) - maxRestarts(a)
  if (rs !== 0) return rs
  const ac = a.metadata?.creationTimestamp ?? ''
  const bc = b.metadata?.creationTimestamp ?? ''
  if (ac !== bc) return afterOrZero(bc, ac) ? -1 : 1
  return 0
}

/** The Ready condition's lastTransitionTime while the pod is ready, else null (`IsPodReady`). */
function readySince(p: Pod): string | null {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready')
  return c?.status === 'True' ? (c.lastTransitionTime ?? '') : null
}

/** `afterOrZero(t1, t2)`: t1 after t2, a zero (empty) time counting as after any other. */
function afterOrZero(t1: string, t2: string): boolean {
  if (t1 === '' || t2 === '') return t1 === ''
  return Date.parse(t1) > Date.parse(t2)
}

function maxRestarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0))
}
