import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../model/diagnostic'
import { loadManifests } from '../parse/loader'
import type { ClusterShape } from './validate'
import { validateObjects } from './validate'

const CLUSTER: ClusterShape = {
  nodes: [1, 2, 3].map((i) => ({
    name: `worker-${i}`,
    labels: { 'kubernetes.io/hostname': `worker-${i}` },
    taints: i === 3 ? [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] : [],
    allocatable: { cpu: '4', memory: '16Gi', pods: 110 },
  })),
}

function validate(text: string, cluster = CLUSTER): Diagnostic[] {
  const { objects, diagnostics, locate } = loadManifests(text)
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return validateObjects(objects, locate, cluster)
}

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => d.code)
/** 1-based line and column of the first occurrence of `needle` in `text` (after `after`, if given). */
function posOf(text: string, needle: string, after = ''): { line: number; col: number } {
  const start = after ? text.indexOf(after) : 0
  const offset = text.indexOf(needle, start)
  expect(offset).toBeGreaterThanOrEqual(0)
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, col: before[before.length - 1]!.length + 1 }
}

function pod(containers: string, extraSpec = '', name = 'web'): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: web}
spec:
${extraSpec}  containers:
${containers}`
}

const NGINX = `  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
      name: http
`

describe('validateObjects: a clean scenario', () => {
  it('says nothing about a correct Deployment, its Service and a Pod', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80, name: http}]
        readinessProbe: {httpGet: {path: /, port: http}}
        livenessProbe: {tcpSocket: {port: 80}, successThreshold: 1}
        resources: {requests: {cpu: 100m, memory: 128Mi}}
      tolerations:
      - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
      - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 60}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
`
    expect(validate(text)).toEqual([])
  })
})

describe('field types and unknown fields (strict decoding, sigs.k8s.io/json)', () => {
  it('reports a number where a string is required, in the decoder’s words, at the value', () => {
    const text = pod(`  - name: nginx\n    image: 1.27\n`)
    const ds = validate(text)
    expect(ds).toHaveLength(1)
    expect(ds[0]).toMatchObject({
      severity: 'error',
      code: 'wrong-type',
      message:
        'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
      ...posOf(text, '1.27'),
    })
    expect(validate(pod(`  - name: nginx\n    image: "1.27"\n`))).toEqual([])
  })

  it('reports a list where a map is required', () => {
    const text = pod(NGINX).replace('labels: {app: web}', 'labels: [app]')
    const ds = validate(text).filter((d) => d.code === 'wrong-type')
    expect(ds.map((d) => d.message)).toEqual([
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
    ])
    expect(ds[0]).toMatchObject(posOf(text, '[app]'))
  })

  it('names a fractional integer by its literal', () => {
    const text = pod(
      `  - name: c\n    image: x:1\n    readinessProbe:\n      exec: {command: [cat, /tmp/x]}\n      periodSeconds: 2.5\n`,
    )
    expect(validate(text).map((d) => d.message)).toEqual([
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 2.5 into Go struct field Probe.spec.containers.readinessProbe.periodSeconds of type int32',
    ])
  })

  it('warns about unknown fields with kubectl’s wording, at the key', () => {
    const text = pod(`  - name: nginx\n    imagee: nginx:1.27\n    image: nginx:1.27\n`)
    const ds = validate(text)
    expect(ds).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'unknown-field',
        message: 'unknown field "spec.containers[0].imagee"',
        ...posOf(text, 'nginx:1.27'),
      }),
    ])
    const deploy = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replica: 2
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec: {containers: [{name: c, image: x:1, livenessprobe: {}}]}
`
    expect(validate(deploy).map((d) => d.message)).toEqual([
      'unknown field "spec.replica"',
      'unknown field "spec.template.spec.containers[0].livenessprobe"',
    ])
  })
})

describe('required fields and names (pkg/apis/core/validation)', () => {
  it('requires container name and image', () => {
    const text = pod(`  - ports: [{containerPort: 80}]\n`)
    const ds = validate(text)
    expect(ds.map((d) => d.message)).toEqual([
      'spec.containers[0].name: Required value',
      'spec.containers[0].image: Required value',
    ])
    expect(ds[0]).toMatchObject(posOf(text, 'ports: [{'))
    expect(validate(pod(NGINX))).toEqual([])
  })

  it('rejects names that are not DNS-1123 with the API server’s message, at the name', () => {
    const text = pod(NGINX, '', 'Web_App')
    const ds = validate(text)
    expect(ds).toEqual([
      expect.objectContaining({
        code: 'invalid-name',
        severity: 'error',
        message:
          "metadata.name: Invalid value: \"Web_App\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        ...posOf(text, 'Web_App'),
      }),
    ])
    const container = validate(pod(NGINX.replace('name: nginx', 'name: Nginx')))
    expect(container.map((d) => d.message)).toEqual([
      "spec.containers[0].name: Invalid value: \"Nginx\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ])
    const svc = validate(
      'apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\nspec: {ports: [{port: 80}]}\n',
    )
    expect(svc[0]!.message).toMatch(/^metadata\.name: Invalid value: "1web": a DNS-1035 label must consist/)
    expect(validate(pod(NGINX, '', 'web.v1'))).toEqual([])
  })
})

describe('probes (pkg/apis/core/validation validateContainers, pkg/probe/util.go)', () => {
  it('warns when a numeric probe port is not declared, at the port', () => {
    const text = pod(`${NGINX}    livenessProbe: {httpGet: {path: /, port: 8080}}\n`)
    const ds = validate(text)
    expect(codes(ds)).toEqual(['probe-port-undeclared'])
    expect(ds[0]).toMatchObject({ severity: 'warning', ...posOf(text, '8080') })
    expect(validate(pod(`${NGINX}    livenessProbe: {httpGet: {path: /, port: 80}}\n`))).toEqual([])
  })

  it('warns that a named port the container lacks never resolves; rejects a malformed name', () => {
    const text = pod(`${NGINX}    readinessProbe: {tcpSocket: {port: metrics}}\n`)
    const ds = validate(text)
    expect(codes(ds)).toEqual(['probe-port-unknown-name'])
    expect(ds[0]!.message).toContain('no port named "metrics"')
    expect(ds[0]).toMatchObject(posOf(text, 'metrics'))
    expect(validate(pod(`${NGINX}    readinessProbe: {tcpSocket: {port: http}}\n`))).toEqual([])
    const bad = validate(pod(`${NGINX}    readinessProbe: {tcpSocket: {port: Http}}\n`))
    expect(bad.map((d) => [d.severity, d.message])).toContainEqual([
      'error',
      'spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ])
  })

  it('rejects successThreshold other than 1 for liveness and startup probes only', () => {
    const text = pod(
      `${NGINX}    livenessProbe: {tcpSocket: {port: 80}, successThreshold: 2}\n    startupProbe: {tcpSocket: {port: 80}, successThreshold: 3}\n    readinessProbe: {tcpSocket: {port: 80}, successThreshold: 2}\n`,
    )
    const ds = validate(text)
    expect(ds.map((d) => d.message)).toEqual([
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1',
    ])
    expect(ds[0]).toMatchObject({ severity: 'error', ...posOf(text, '2}') })
  })

  it('rejects terminationGracePeriodSeconds on a readiness probe, not on a liveness probe', () => {
    const text = pod(
      `${NGINX}    readinessProbe: {tcpSocket: {port: 80}, terminationGracePeriodSeconds: 10}\n`,
    )
    const ds = validate(text)
    expect(ds.map((d) => d.message)).toEqual([
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
    ])
    expect(ds[0]).toMatchObject(posOf(text, '10}'))
    expect(
      validate(
        pod(`${NGINX}    livenessProbe: {tcpSocket: {port: 80}, terminationGracePeriodSeconds: 10}\n`),
      ),
    ).toEqual([])
  })
})

const deployment = (selector: string, labels: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: ${selector}
  template:
    metadata:
      labels: ${labels}
    spec: {containers: [{name: c, image: x:1}]}
`

describe('selectors (pkg/apis/apps/validation ValidateDeploymentSpec)', () => {
  it('rejects a selector that does not match the template labels, at the labels', () => {
    const text = deployment('{matchLabels: {app: web}}', '{app: api}')
    const ds = validate(text)
    expect(ds).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'selector-mismatch',
        message:
          'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
        ...posOf(text, '{app: api}'),
      }),
    ])
    expect(validate(deployment('{matchLabels: {app: web}}', '{app: web, v: "2"}'))).toEqual([])
    const expr = deployment(
      '{matchExpressions: [{key: app, operator: In, values: [web, api]}]}',
      '{app: api}',
    )
    expect(validate(expr)).toEqual([])
    expect(
      codes(
        validate(
          deployment('{matchExpressions: [{key: app, operator: NotIn, values: [api]}]}', '{app: api}'),
        ),
      ),
    ).toEqual(['selector-mismatch'])
  })

  it('requires a selector for apps/v1 workloads', () => {
    const text = deployment('{}', '{app: web}')
    expect(validate(text).map((d) => d.message)).toEqual(['spec.selector: Required value'])
  })

  it('warns about a Service whose selector matches no pod or template, at the selector', () => {
    const svc = (sel: string): string =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: ${sel}\n  ports: [{port: 80}]\n`
    const text = `${pod(NGINX)}---\n${svc('{app: wbe}')}`
    const ds = validate(text)
    expect(ds).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'selector-matches-nothing',
        message:
          'selector app=wbe matches no Pod and no pod template in namespace "default": the Service will have no endpoints',
        ...posOf(text, '{app: wbe}'),
      }),
    ])
    expect(validate(`${pod(NGINX)}---\n${svc('{app: web}')}`)).toEqual([])
    expect(
      codes(validate(`${deployment('{matchLabels: {app: web}}', '{app: web}')}---\n${svc('{app: web}')}`)),
    ).toEqual([])
    const otherNs = `${pod(NGINX).replace('name: web', 'name: web\n  namespace: shop')}---\n${svc('{app: web}')}`
    expect(codes(validate(otherNs))).toEqual(['selector-matches-nothing'])
  })
})

describe('scheduling hints', () => {
  it('notes a toleration no node taint matches, at the toleration', () => {
    const text = pod(NGINX, '  tolerations:\n  - {key: gpu, operator: Exists, effect: NoSchedule}\n')
    const ds = validate(text)
    expect(ds).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'toleration-unmatched',
        ...posOf(text, '{key: gpu'),
      }),
    ])
    expect(validate(pod(NGINX, '  tolerations:\n  - {key: dedicated, operator: Exists}\n'))).toEqual([])
    expect(
      codes(validate(pod(NGINX, '  tolerations:\n  - {key: dedicated, value: cpu, effect: NoSchedule}\n'))),
    ).toEqual(['toleration-unmatched'])
  })

  it('warns when requests exceed every node, at the biggest request', () => {
    const text = pod(`  - name: big\n    image: x:1\n    resources: {requests: {cpu: "8", memory: 1Gi}}\n`)
    const ds = validate(text)
    expect(ds).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'too-big-for-nodes',
        message:
          'the pod requests cpu 8, memory 1Gi, more than any node can allocate; it will stay Pending (0/3 nodes are available: 3 Insufficient cpu.)',
        ...posOf(text, '"8"'),
      }),
    ])
    const limitsOnly = validate(
      pod(`  - name: big\n    image: x:1\n    resources: {limits: {memory: 32Gi}}\n`),
    )
    expect(codes(limitsOnly)).toEqual(['too-big-for-nodes'])
    expect(
      validate(pod(`  - name: ok\n    image: x:1\n    resources: {requests: {cpu: 3500m, memory: 15Gi}}\n`)),
    ).toEqual([])
  })
})

describe('Job restart policy (pkg/apis/batch/validation)', () => {
  const job = (policy: string): string => `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      containers: [{name: pi, image: perl:5.34.0}]
${policy}`
  it('rejects Always, written or defaulted, with the API server’s message', () => {
    const text = job('      restartPolicy: Always\n')
    const ds = validate(text)
    expect(ds).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unsupported-value',
        message:
          'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
        ...posOf(text, 'Always'),
      }),
    ])
    expect(codes(validate(job('')))).toEqual(['unsupported-value'])
    expect(validate(job('      restartPolicy: Never\n'))).toEqual([])
    expect(validate(job('      restartPolicy: OnFailure\n'))).toEqual([])
  })

  it('refuses negative probe timings as validateProbe does (ValidateNonnegativeField)', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    readinessProbe: {httpGet: {port: 80}, periodSeconds: -5}\n'
    const { objects, locate } = loadManifests(text)
    const found = validateObjects(objects, locate, { nodes: [] }).filter((d) => d.code === 'probe-negative')
    expect(found).toMatchObject([
      {
        severity: 'error',
        message:
          'spec.containers[0].readinessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0',
        line: 8,
      },
    ])
  })
})
