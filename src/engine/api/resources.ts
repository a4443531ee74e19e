/**
 * A pod's effective cpu/memory requests as the scheduler's NodeResourcesFit computes them
 * (`k8s.io/component-helpers/resource.PodRequests`): the sum over app containers and sidecars, or the
 * largest regular init container plus the sidecars started before it if that is more, plus
 * `spec.overhead`. A container that sets a limit but no request requests its limit (`SetDefaults_Pod`).
 */
import type { JsonObject } from './json'
import { isRecord, recordAt, recordsAt } from './json'
import { parseQuantity as parseResourceQuantity } from '../model/quantity'

/**
 * A Kubernetes quantity (`500m`, `1.5`, `128Mi`, `1e3`, or a JSON number) in base units (cores, bytes), as
 * `resource.ParseQuantity` reads it; undefined if it does not parse.
 */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q !== 'number' && typeof q !== 'string') return undefined
  const parsed = parseResourceQuantity(typeof q === 'string' ? q.trim() : q)
  return parsed ? Number(parsed.nanos) / 1e9 : undefined
}

/** The cpu (cores) and memory (bytes) one pod requests. */
export interface PodRequests {
  cpu: number
  memory: number
}

function containerRequests(c: JsonObject): PodRequests {
  const resources = recordAt(c, 'resources') ?? {}
  const requests = recordAt(resources, 'requests') ?? {}
  const limits = recordAt(resources, 'limits') ?? {}
  const pick = (name: string): number => parseQuantity(requests[name] ?? limits[name]) ?? 0
  return { cpu: pick('cpu'), memory: pick('memory') }
}

/** `PodRequests` for a pod spec given as JSON; malformed parts count as zero. */
export function podRequests(spec: JsonObject): PodRequests {
  const total: PodRequests = { cpu: 0, memory: 0 }
  for (const c of recordsAt(spec, 'containers')) {
    const r = containerRequests(c)
    total.cpu += r.cpu
    total.memory += r.memory
  }
  const initMax: PodRequests = { cpu: 0, memory: 0 }
  const sidecars: PodRequests = { cpu: 0, memory: 0 }
  for (const c of recordsAt(spec, 'initContainers')) {
    const r = containerRequests(c)
    if (c.restartPolicy === 'Always') {
      sidecars.cpu += r.cpu
      sidecars.memory += r.memory
      total.cpu += r.cpu
      total.memory += r.memory
    } else {
      initMax.cpu = Math.max(initMax.cpu, sidecars.cpu + r.cpu)
      initMax.memory = Math.max(initMax.memory, sidecars.memory + r.memory)
    }
  }
  const overhead = isRecord(spec.overhead) ? spec.overhead : {}
  return {
    cpu: Math.max(total.cpu, initMax.cpu) + (parseQuantity(overhead.cpu) ?? 0),
    memory: Math.max(total.memory, initMax.memory) + (parseQuantity(overhead.memory) ?? 0),
  }
}
