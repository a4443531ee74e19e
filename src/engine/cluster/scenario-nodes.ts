import type { Node, Taint } from 'kubernetes-types/core/v1'
import { dns1123Subdomain } from '../api/dns'
import { isRecord } from '../api/json'
import { parseQuantity } from '../model/quantity'
import { DEFAULT_NODE_CAPACITY, defaultNodes } from './default-cluster'

/**
 * `spec.nodes` of the Scenario document given as a list (DESIGN §2.4): one entry per node,
 * `{name, cpu, memory, pods, labels, taints}`, every field optional. A node takes the default cluster's
 * name, capacity and labels (hostname, os, arch, a zone of three) for what its entry leaves out.
 */
export interface ScenarioNodeFinding {
  /** The path under `spec.nodes`. */
  readonly path: (string | number)[]
  readonly severity: 'error' | 'warning'
  readonly message: string
}

const FIELDS = ['name', 'cpu', 'memory', 'pods', 'labels', 'taints']
/** `core/v1` TaintEffect values (`pkg/apis/core/validation` validateTaintEffect). */
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

export function scenarioNodeList(list: readonly unknown[]): {
  nodes: Node[]
  findings: ScenarioNodeFinding[]
} {
  const findings: ScenarioNodeFinding[] = []
  const seen = new Set<string>()
  const defaults = defaultNodes(list.length)
  const nodes = list.map((raw, i): Node => {
    const base = defaults[i]!
    const bad = (
      path: (string | number)[],
      message: string,
      severity: 'error' | 'warning' = 'error',
    ): void => {
      findings.push({
        path: [i, ...path],
        severity,
        message: `spec.nodes[${i}]${path.map((p) => `.${p}`).join('')}: ${message}`,
      })
    }
    const e = isRecord(raw) ? raw : {}
    if (!isRecord(raw)) bad([], 'must be a mapping like {name: worker-1, cpu: "4", memory: 16Gi}')
    for (const key of Object.keys(e))
      if (!FIELDS.includes(key)) bad([key], `unknown field; a node takes ${FIELDS.join(', ')}`, 'warning')

    let name = base.name
    if (e.name !== undefined) {
      if (typeof e.name !== 'string') bad(['name'], 'must be a string')
      else {
        const errs = dns1123Subdomain(e.name)
        if (errs.length > 0) bad(['name'], `Invalid value: "${e.name}": ${errs.join(', ')}`)
        else name = e.name
      }
    }
    if (seen.has(name)) bad(['name'], `Duplicate value: "${name}": another node has this name`)
    seen.add(name)

    const quantity = (key: 'cpu' | 'memory', fallback: string): string => {
      const v = e[key]
      if (v === undefined) return fallback
      const q = typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : null
      if (q === null || q.nanos <= 0n) {
        bad([key], `a positive quantity like ${key === 'cpu' ? '"4" or 2500m' : '16Gi'} is required`)
        return fallback
      }
      return String(v)
    }
    const cpu = quantity('cpu', base.cpu)
    const memory = quantity('memory', base.memory)
    let pods: number = DEFAULT_NODE_CAPACITY.pods
    if (e.pods !== undefined) {
      if (typeof e.pods === 'number' && Number.isInteger(e.pods) && e.pods >= 0) pods = e.pods
      else bad(['pods'], 'must be an integer ≥ 0')
    }

    const labels: Record<string, string> = { ...base.labels, 'kubernetes.io/hostname': name }
    if (e.labels !== undefined) {
      if (!isRecord(e.labels)) bad(['labels'], 'must be a mapping of label keys to string values')
      else
        for (const [k, v] of Object.entries(e.labels)) {
          if (typeof v === 'string') labels[k] = v
          else bad(['labels', k], 'label values must be strings (quote numbers and booleans)')
        }
    }

    const taints: Taint[] = []
    if (e.taints !== undefined) {
      if (!Array.isArray(e.taints))
        bad(['taints'], 'must be a list like [{key: dedicated, value: gpu, effect: NoSchedule}]')
      else
        e.taints.forEach((t: unknown, j) => {
          if (!isRecord(t) || typeof t.key !== 'string' || t.key === '')
            return bad(['taints', j], 'a taint needs a key')
          if (typeof t.effect !== 'string' || !EFFECTS.includes(t.effect))
            return bad(
              ['taints', j, 'effect'],
              `Unsupported value: ${JSON.stringify(t.effect ?? '')}: supported values: "${EFFECTS.join('", "')}"`,
            )
          if (t.value !== undefined && typeof t.value !== 'string')
            return bad(['taints', j, 'value'], 'must be a string')
          taints.push({
            key: t.key,
            ...(t.value !== undefined ? { value: t.value as string } : {}),
            effect: t.effect,
          })
        })
    }

    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels },
      spec: taints.length > 0 ? { taints } : {},
      status: { capacity: { cpu, memory, pods: String(pods) } },
    }
  })
  return { nodes, findings }
}
