/**
 * The `Priority` admission plugin's part that needs the store (k/k `plugin/pkg/admission/priority/
 * admission.go` `admitPod`): a pod naming a user-defined PriorityClass gets its value and preemption
 * policy, or is refused when the class does not exist; a pod naming none gets the `globalDefault`
 * class (the lowest value if several claim it), else priority 0. A `priority` or `preemptionPolicy`
 * written in the pod that differs from the computed one is refused. The system classes are resolved
 * without the store (`admission.ts` {@link admitPriority}).
 */
import { listObjects, type Sim } from '../sim/sim'
import { keyOf, type KObject } from '../sim/state'
import type { JsonObject } from './json'
import { recordAt } from './json'

const SYSTEM_CLASSES = new Set(['system-node-critical', 'system-cluster-critical'])

interface Resolved {
  readonly name: string
  readonly value: number
  readonly preemptionPolicy: string
}

function resolved(pc: KObject): Resolved {
  const b = pc as unknown as { value?: unknown; preemptionPolicy?: unknown }
  return {
    name: pc.metadata.name,
    value: typeof b.value === 'number' ? b.value : 0,
    // PriorityClass defaulting: `preemptionPolicy: PreemptLowerPriority`.
    preemptionPolicy: typeof b.preemptionPolicy === 'string' ? b.preemptionPolicy : 'PreemptLowerPriority',
  }
}

/** `getDefaultPriorityClass`: the globalDefault class with the lowest value, if any. */
function defaultClass(sim: Sim): Resolved | undefined {
  let best: Resolved | undefined
  // The list by kind is remembered until a PriorityClass is written: pods are created by the thousand.
  for (const o of listObjects(sim, 'PriorityClass')) {
    if ((o as { globalDefault?: unknown }).globalDefault !== true) continue
    const r = resolved(o)
    if (!best || r.value < best.value) best = r
  }
  return best
}

/**
 * The pod with its priority resolved (a copy when it changes), or the refusal's message (Forbidden). `pod` has
 * been through defaulting and {@link admitPriority}, which gives a pod without a class priority 0.
 */
export function admitPodPriority(sim: Sim, pod: JsonObject): { pod: JsonObject } | { refused: string } {
  const spec = recordAt(pod, 'spec')
  if (!spec) return { pod }
  const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : ''
  if (SYSTEM_CLASSES.has(className)) return { pod }
  let pc: Resolved | undefined
  if (className === '') pc = defaultClass(sim)
  else {
    const found = sim.s.objects.get(keyOf('PriorityClass', undefined, className))
    if (!found) return { refused: `no PriorityClass with name ${className} was found` }
    pc = resolved(found)
  }
  const computed = pc?.value ?? 0
  // Without a class, `admitPriority` already wrote 0 (a user's 0 cannot be told from it).
  const given = typeof spec.priority === 'number' ? spec.priority : undefined
  if (given !== undefined && given !== computed && !(className === '' && pc && given === 0))
    return {
      refused: `the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${computed} from the given PriorityClass name`,
    }
  if (!pc) return { pod }
  const policy = spec.preemptionPolicy
  if (className !== '' && typeof policy === 'string' && policy !== pc.preemptionPolicy)
    return {
      refused: `the string value of PreemptionPolicy (${policy}) must not be provided in pod spec; priority admission controller computed ${pc.preemptionPolicy} from the given PriorityClass name`,
    }
  const next: JsonObject = { ...spec, priority: computed, preemptionPolicy: pc.preemptionPolicy }
  if (className === '') next.priorityClassName = pc.name
  return { pod: { ...pod, spec: next } }
}
