import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LoadedObject } from '../model/object'
import { loadManifests } from '../parse/loader'
import { applyDefaults } from './defaults'
import type { ClusterShape } from './validate'
import { validateObjects } from './validate'

const KINDS = [
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Service',
  'Namespace',
  'ConfigMap',
]
const CLUSTER: ClusterShape = {
  nodes: [
    {
      name: 'n',
      labels: {},
      taints: [{ key: 'k', effect: 'NoSchedule' }],
      allocatable: { cpu: '2', memory: '4Gi', pods: 110 },
    },
  ],
}

/** JSON-ish values biased towards the keys the code looks at, so the walkers go deep. */
const KEYS = [
  'spec',
  'template',
  'metadata',
  'labels',
  'containers',
  'initContainers',
  'volumes',
  'ports',
  'resources',
  'limits',
  'requests',
  'cpu',
  'memory',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'httpGet',
  'tcpSocket',
  'port',
  'selector',
  'matchLabels',
  'matchExpressions',
  'tolerations',
  'key',
  'operator',
  'name',
  'image',
  'restartPolicy',
  'strategy',
  'rollingUpdate',
  'updateStrategy',
  'volumeClaimTemplates',
  'jobTemplate',
  'env',
  'valueFrom',
  'fieldRef',
  'projected',
  'sources',
  'lifecycle',
  'preStop',
  'successThreshold',
  'emptyDir',
  'hostNetwork',
  'overhead',
  'type',
  'sessionAffinity',
  'sessionAffinityConfig',
  'clientIP',
  'podFailurePolicy',
  'rules',
  'onPodConditions',
  'values',
]
const { value: arbJson } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, 1, -1, 2.5, '', 'Always', 'None', 'Exists', '100m', '1Gi', 'x'),
    fc.string(),
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('value'), { maxKeys: 6 }),
  ),
}))
const arbBody = fc.dictionary(fc.constantFrom(...KEYS), arbJson, { maxKeys: 6 })

describe('robustness (property)', () => {
  it('applyDefaults never throws and never mutates its input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), arbBody, (kind, body) => {
        const before = JSON.stringify(body)
        const out = applyDefaults(kind, body, { suffix: () => 'abcde' })
        expect(typeof out).toBe('object')
        expect(JSON.stringify(body)).toBe(before)
      }),
      { numRuns: 400 },
    )
  })

  it('validateObjects never throws on arbitrary bodies', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), arbBody, fc.string(), (kind, body, name) => {
        const object: LoadedObject = {
          apiVersion: 'v1',
          kind,
          metadata: { name, namespace: 'default' },
          body: { ...body, kind, apiVersion: 'v1' },
          range: { line: 1, col: 1, endLine: 1, endCol: 1 },
          doc: 0,
        }
        const ds = validateObjects([object], (o) => o.range, CLUSTER)
        expect(Array.isArray(ds)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })
})

const CORPUS = fileURLToPath(new URL('../testdata/k8s-website-examples/', import.meta.url))
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  )
}

/**
 * Examples a v1.35 API server's strict field validation really rejects: `spec.ipFamily` was replaced by
 * `ipFamilies`/`ipFamilyPolicy` in v1.20 (KEP-563, dual-stack),
 * and these two files still use it.
 */
const STALE_FIELDS = [
  'service/networking/dual-stack-ipv6-lb-svc.yaml:8: unknown field "spec.ipFamily"',
  'service/networking/dual-stack-ipv6-svc.yaml:6: unknown field "spec.ipFamily"',
]

describe('the Kubernetes website examples', () => {
  it('default without throwing, and have no wrong-type or unknown-field diagnostics (they are valid)', () => {
    const problems: string[] = []
    for (const file of yamlFiles(CORPUS)) {
      const { objects, locate } = loadManifests(readFileSync(file, 'utf8'))
      for (const o of objects)
        applyDefaults(o.kind, o.body as Record<string, unknown>, { suffix: () => 'abcde' })
      for (const d of validateObjects(objects, locate, { nodes: [] }))
        if (d.code === 'wrong-type' || d.code === 'unknown-field')
          problems.push(`${file.slice(CORPUS.length)}:${d.line}: ${d.message}`)
    }
    expect(problems.sort()).toEqual(STALE_FIELDS)
  })
})
