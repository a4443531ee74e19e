/**
 * Checks of one pod spec (a Pod's or a template's), with the API server's wording where the API server
 * rejects (`pkg/apis/core/validation/validation.go`: `validateContainers`, `validateProbe`,
 * `validateRestartPolicy`, `validateContainerPorts`) and kubeplay's own where it only warns.
 */
import type { Severity } from '../model/diagnostic'
import { dns1123Label, goQuote, portName, portNumber } from './dns'
import type { JsonObject } from './json'
import { isRecord, recordAt, recordsAt } from './json'
import { fieldPathString } from './schema'

/** Where a problem is and what to say; `validate.ts` turns it into a positioned Diagnostic. */
export interface Finding {
  readonly path: (string | number)[]
  readonly severity: Severity
  readonly code: string
  readonly message: string
}

type Path = (string | number)[]

export const invalid = (path: Path, value: unknown, msg: string): string =>
  `${fieldPathString(path)}: Invalid value: ${typeof value === 'string' ? goQuote(value) : JSON.stringify(value)}: ${msg}`

/** Container names, images, duplicates (`validateContainers`, `validateContainerCommon`). */
export function checkContainers(spec: JsonObject, specPath: Path, out: Finding[]): void {
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) {
    if (spec.containers === undefined || Array.isArray(spec.containers))
      out.push({
        path: [...specPath, 'containers'],
        severity: 'error',
        code: 'required',
        message: `${fieldPathString([...specPath, 'containers'])}: Required value`,
      })
  }
  const seen = new Set<string>()
  for (const key of ['initContainers', 'containers']) {
    const list = spec[key]
    if (!Array.isArray(list)) continue
    list.forEach((item: unknown, i) => {
      // The API server decodes a null or non-object list item as an empty Container, then rejects it.
      const c: Record<string, unknown> = isRecord(item) ? item : {}
      const at: Path = [...specPath, key, i]
      if (c.name === undefined || c.name === '') {
        out.push({
          path: at,
          severity: 'error',
          code: 'required',
          message: `${fieldPathString([...at, 'name'])}: Required value`,
        })
      } else if (typeof c.name === 'string') {
        for (const msg of dns1123Label(c.name))
          out.push({
            path: [...at, 'name'],
            severity: 'error',
            code: 'invalid-name',
            message: invalid([...at, 'name'], c.name, msg),
          })
        if (seen.has(c.name))
          out.push({
            path: [...at, 'name'],
            severity: 'error',
            code: 'duplicate-name',
            message: `${fieldPathString([...at, 'name'])}: Duplicate value: ${goQuote(c.name)}`,
          })
        seen.add(c.name)
      }
      if (c.image === undefined || c.image === '')
        out.push({
          path: at,
          severity: 'error',
          code: 'required',
          message: `${fieldPathString([...at, 'image'])}: Required value`,
        })
    })
  }
}

/** `validateRestartPolicy` for a Pod; Jobs are stricter (`validate.ts`). */
export function checkRestartPolicy(
  spec: JsonObject,
  specPath: Path,
  allowed: readonly string[],
  out: Finding[],
): void {
  // Defaulting has already turned an empty restartPolicy into Always.
  const value = spec.restartPolicy === undefined || spec.restartPolicy === '' ? 'Always' : spec.restartPolicy
  if (typeof value !== 'string' || allowed.includes(value)) return
  const path: Path = [...specPath, 'restartPolicy']
  out.push({
    path: spec.restartPolicy === undefined ? specPath : path,
    severity: 'error',
    code: 'unsupported-value',
    message: `${fieldPathString(path)}: Unsupported value: ${goQuote(value)}: supported values: ${allowed.map(goQuote).join(', ')}`,
  })
}

function declaredPorts(c: JsonObject): { numbers: Set<number>; names: Set<string> } {
  const numbers = new Set<number>()
  const names = new Set<string>()
  for (const p of recordsAt(c, 'ports')) {
    if (typeof p.containerPort === 'number') numbers.add(p.containerPort)
    if (typeof p.name === 'string') names.add(p.name)
  }
  return { numbers, names }
}

function checkProbePort(c: JsonObject, probe: JsonObject, probePath: Path, out: Finding[]): void {
  for (const action of ['httpGet', 'tcpSocket', 'grpc']) {
    const handler = recordAt(probe, action)
    if (!handler) continue
    const port = handler.port
    const path: Path = [...probePath, action, 'port']
    const { numbers, names } = declaredPorts(c)
    if (typeof port === 'number') {
      const errs = portNumber(port)
      for (const msg of errs)
        out.push({ path, severity: 'error', code: 'invalid-port', message: invalid(path, port, msg) })
      if (errs.length === 0 && !numbers.has(port))
        out.push({
          path,
          severity: 'warning',
          code: 'probe-port-undeclared',
          message: `${fieldPathString(path)}: port ${port} is not among the container's ports; the probe still reaches it if the process listens there`,
        })
    } else if (typeof port === 'string' && action !== 'grpc') {
      const errs = port === '' ? [] : portName(port)
      for (const msg of errs)
        out.push({ path, severity: 'error', code: 'invalid-port', message: invalid(path, port, msg) })
      if (port !== '' && errs.length === 0 && !names.has(port))
        out.push({
          path,
          severity: 'warning',
          code: 'probe-port-unknown-name',
          message: `${fieldPathString(path)}: the container has no port named ${goQuote(port)}; the API server accepts this, but the kubelet cannot resolve it and every probe errors (strconv.Atoi: parsing ${goQuote(port)}: invalid syntax), so the probe never succeeds or fails`,
        })
    }
  }
}

/** Probe rules of `validateContainers`: thresholds, readiness grace period, ports. */
export function checkProbes(spec: JsonObject, specPath: Path, out: Finding[]): void {
  const containers = spec.containers
  if (!Array.isArray(containers)) return
  containers.forEach((c: unknown, i) => {
    if (!isRecord(c)) return
    const at: Path = [...specPath, 'containers', i]
    for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      const probe = recordAt(c, kind)
      if (!probe) continue
      const probePath: Path = [...at, kind]
      // `validateProbe`: ValidateNonnegativeField on each timing field (0 then defaults).
      for (const field of [
        'initialDelaySeconds',
        'timeoutSeconds',
        'periodSeconds',
        'successThreshold',
        'failureThreshold',
      ]) {
        const v = probe[field]
        if (typeof v === 'number' && v < 0) {
          const path = [...probePath, field]
          out.push({
            path,
            severity: 'error',
            code: 'probe-negative',
            message: invalid(path, v, 'must be greater than or equal to 0'),
          })
        }
      }
      const st = probe.successThreshold
      if (kind !== 'readinessProbe' && typeof st === 'number' && st !== 0 && st !== 1) {
        const path = [...probePath, 'successThreshold']
        out.push({
          path,
          severity: 'error',
          code: 'probe-success-threshold',
          message: invalid(path, st, 'must be 1'),
        })
      }
      const grace = probe.terminationGracePeriodSeconds
      if (kind === 'readinessProbe' && grace !== undefined && grace !== null) {
        const path = [...probePath, 'terminationGracePeriodSeconds']
        out.push({
          path,
          severity: 'error',
          code: 'readiness-grace-period',
          message: invalid(path, grace, 'must not be set for readinessProbes'),
        })
      }
      checkProbePort(c, probe, probePath, out)
    }
  })
}

/** A node as validation sees it. */
export interface NodeShape {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly taints: readonly { readonly key: string; readonly value?: string; readonly effect: string }[]
  readonly allocatable: { readonly cpu: string; readonly memory: string; readonly pods: number }
}

/** Taint keys the node lifecycle controller and kubelet set on their own; tolerating them is normal. */
const CONDITION_TAINT = /^node\.(kubernetes\.io|cloudprovider\.kubernetes\.io)\//

/** `v1.Toleration.ToleratesTaint`. */
export function tolerates(t: JsonObject, taint: NodeShape['taints'][number]): boolean {
  if (typeof t.effect === 'string' && t.effect !== '' && t.effect !== taint.effect) return false
  if (typeof t.key === 'string' && t.key !== '' && t.key !== taint.key) return false
  if (t.operator === 'Exists') return true
  if (t.operator === undefined || t.operator === '' || t.operator === 'Equal')
    return (t.value ?? '') === (taint.value ?? '')
  return false
}

/** Tolerations that match no taint of any node (info: harmless, but probably not what was meant). */
export function checkTolerations(
  spec: JsonObject,
  specPath: Path,
  nodes: readonly NodeShape[],
  out: Finding[],
): void {
  const list = spec.tolerations
  if (!Array.isArray(list) || nodes.length === 0) return
  list.forEach((t: unknown, i) => {
    if (!isRecord(t)) return
    if ((t.key === undefined || t.key === '') && t.operator === 'Exists') return
    if (typeof t.key === 'string' && CONDITION_TAINT.test(t.key)) return
    if (nodes.some((n) => n.taints.some((taint) => tolerates(t, taint)))) return
    const what = typeof t.key === 'string' && t.key !== '' ? `taint ${goQuote(t.key)}` : 'this taint'
    out.push({
      path: [...specPath, 'tolerations', i],
      severity: 'info',
      code: 'toleration-unmatched',
      message: `no node in this cluster has ${what}${typeof t.effect === 'string' && t.effect !== '' ? ` with effect ${t.effect}` : ''}; the toleration changes nothing`,
    })
  })
}
