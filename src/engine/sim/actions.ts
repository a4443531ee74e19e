import type { Pod } from 'kubernetes-types/core/v1'
import type { LoadedObject } from '../model/object'
import { parseDuration } from '../model/duration'
import { processDied } from '../kubelet/pod-worker'
import { ownRuntime } from '../kubelet/runtime'
import { deleteObject, scheduleAt, updateObject, type Sim } from './sim'
import { keyOf, type KObject } from './state'
import { rfc3339 } from './time'

/** The scripted actions of the Scenario document that the engine carries out so far (DESIGN §2.4). */
export const SUPPORTED_ACTIONS = ['delete', 'kill-container'] as const

export interface Action {
  readonly at: number
  readonly action: string
  readonly target: string
  readonly container?: string
  readonly exitCode?: number
  readonly gracePeriodSeconds?: number
}

/** The Scenario's `spec.timeline`, as plain actions (entries that cannot be read are skipped). */
export function scenarioActions(objects: readonly LoadedObject[]): Action[] {
  const scenario = objects.find((o) => o.kind === 'Scenario')
  const timeline = (scenario?.body.spec as { timeline?: unknown } | undefined)?.timeline
  if (!Array.isArray(timeline)) return []
  const out: Action[] = []
  for (const entry of timeline) {
    if (typeof entry !== 'object' || entry === null) continue
    const e = entry as Record<string, unknown>
    const at = parseDuration(e.at)
    if (at === null || at < 0 || typeof e.action !== 'string' || typeof e.target !== 'string') continue
    out.push({
      at,
      action: e.action,
      target: e.target,
      ...(typeof e.container === 'string' ? { container: e.container } : {}),
      ...(typeof e.exitCode === 'number' ? { exitCode: e.exitCode } : {}),
      ...(typeof e.gracePeriodSeconds === 'number' ? { gracePeriodSeconds: e.gracePeriodSeconds } : {}),
    })
  }
  return out
}

export function scheduleActions(sim: Sim, objects: readonly LoadedObject[]): void {
  const actions = scenarioActions(objects)
  sim.s.actions = actions
  actions.forEach((a, index) => scheduleAt(sim, a.at, { type: 'action', index }))
}

/** Carries out one scripted action, as `kubectl delete` or a crashing process would. */
export function runAction(sim: Sim, index: number): void {
  const action = sim.s.actions[index]
  if (!action) return
  const [kind, a, b] = action.target.split('/')
  if (kind !== 'pod' && kind !== 'pods' && kind !== 'po') return
  const [ns, name] = b === undefined ? ['default', a] : [a, b]
  const key = keyOf('Pod', ns, name ?? '')
  const pod = sim.s.objects.get(key) as (Pod & KObject) | undefined
  if (!pod) return
  if (action.action === 'delete') return deletePod(sim, pod, action.gracePeriodSeconds)
  if (action.action === 'kill-container') {
    const rt = ownRuntime(sim.s, key)
    const name = action.container ?? pod.spec?.containers?.[0]?.name
    const c = rt?.containers.find((x) => x.name === name)
    if (rt && c) processDied(sim, rt, c, action.exitCode ?? 137)
  }
}

/**
 * `kubectl delete pod`: the API server sets deletionTimestamp (now + grace) and
 * deletionGracePeriodSeconds; an unbound pod goes at once, a bound one when its kubelet has stopped it.
 */
export function deletePod(sim: Sim, pod: Pod & KObject, gracePeriodSeconds?: number): void {
  if (pod.metadata.deletionTimestamp) return
  const key = keyOf('Pod', pod.metadata.namespace, pod.metadata.name)
  if (!pod.spec?.nodeName) return deleteObject(sim, key)
  const grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
  updateObject(sim, {
    ...pod,
    metadata: {
      ...pod.metadata,
      deletionTimestamp: rfc3339(sim.s.epochMs + sim.s.now + grace * 1000),
      deletionGracePeriodSeconds: grace,
    },
  })
}
