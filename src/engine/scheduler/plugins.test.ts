import type { Node, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import type { Cycle, FilterPlugin, NodeObj, PodObj, Status } from './framework'
import { nodeInfo } from './snapshot'
import { interPodAffinityFilter } from './plugins/inter-pod-affinity'
import { nodeAffinityFilter } from './plugins/node-affinity'
import { nodeName } from './plugins/node-name'
import { nodePorts } from './plugins/node-ports'
import { nodeResourcesFit } from './plugins/node-resources-fit'
import { nodeUnschedulable } from './plugins/node-unschedulable'
import { podTopologySpreadFilter } from './plugins/pod-topology-spread'
import { taintTolerationFilter } from './plugins/taint-toleration'
import { podRequests } from './pod-requests'

const node = (name: string, extra: Partial<Node> & { labels?: Record<string, string> } = {}): NodeObj =>
  ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...extra.labels } },
    spec: extra.spec ?? {},
    status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110', ...extra.status?.allocatable } },
  }) as NodeObj

const pod = (name: string, spec: Partial<Pod['spec']> = {}, labels: Record<string, string> = {}): PodObj =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  }) as PodObj

function run(plugin: FilterPlugin, p: PodObj, nodes: { n: NodeObj; pods?: PodObj[] }[]): (Status | null)[] {
  const infos = nodes.map(({ n, pods }) => nodeInfo(n, pods ?? []))
  const cycle: Cycle = { pod: p, nodes: infos, namespaceLabels: new Map(), objects: new Map() }
  const prepared = plugin.prepare(cycle)
  return infos.map((i) => prepared.filter(i))
}

const cpu = (v: string) => ({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: v } } }] })
const bound = (name: string, spec: Partial<Pod['spec']>, labels: Record<string, string> = {}) =>
  pod(name, { ...spec, nodeName: 'n1' }, labels)

// Each row: the plugin, a pod and a node the pod must not fit, and the exact status kube-scheduler gives
// (k/k pkg/scheduler/framework/plugins/<plugin>/*.go, reference E2).
const rejections: {
  name: string
  plugin: FilterPlugin
  pod: PodObj
  node: NodeObj
  pods?: PodObj[]
  want: Pick<Status, 'code' | 'reasons' | 'plugin'>
}[] = [
  {
    name: 'NodeUnschedulable: cordoned node (nodeunschedulable/node_unschedulable.go)',
    plugin: nodeUnschedulable,
    pod: pod('p'),
    node: node('n1', { spec: { unschedulable: true } }),
    want: {
      plugin: 'NodeUnschedulable',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) were unschedulable'],
    },
  },
  {
    name: 'NodeName: another node requested (nodename/node_name.go)',
    plugin: nodeName,
    pod: pod('p', { nodeName: 'other' }),
    node: node('n1'),
    want: {
      plugin: 'NodeName',
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match the requested node name"],
    },
  },
  {
    name: 'TaintToleration: NoSchedule taint, v1.35 wording without the taint (#134740)',
    plugin: taintTolerationFilter,
    pod: pod('p'),
    node: node('n1', {
      spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
    }),
    want: {
      plugin: 'TaintToleration',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) had untolerated taint(s)'],
    },
  },
  {
    name: 'TaintToleration: NoExecute taint, toleration for another value',
    plugin: taintTolerationFilter,
    pod: pod('p', { tolerations: [{ key: 'k', value: 'a', effect: 'NoExecute' }] }),
    node: node('n1', { spec: { taints: [{ key: 'k', value: 'b', effect: 'NoExecute' }] } }),
    want: {
      plugin: 'TaintToleration',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) had untolerated taint(s)'],
    },
  },
  {
    name: 'NodeAffinity: nodeSelector (nodeaffinity/node_affinity.go)',
    plugin: nodeAffinityFilter,
    pod: pod('p', { nodeSelector: { disk: 'ssd' } }),
    node: node('n1'),
    want: {
      plugin: 'NodeAffinity',
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match Pod's node affinity/selector"],
    },
  },
  {
    name: 'NodePorts: hostPort taken (nodeports/node_ports.go)',
    plugin: nodePorts,
    pod: pod('p', {
      containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] }],
    }),
    node: node('n1'),
    pods: [
      bound('q', { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
    ],
    want: {
      plugin: 'NodePorts',
      code: 'Unschedulable',
      reasons: ["node(s) didn't have free ports for the requested pod ports"],
    },
  },
  {
    name: 'NodeResourcesFit: Insufficient cpu, resolvable (noderesources/fit.go fitsRequest)',
    plugin: nodeResourcesFit,
    pod: pod('p', cpu('1500m')),
    node: node('n1'),
    pods: [bound('q', cpu('1'))],
    want: { plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] },
  },
  {
    name: 'NodeResourcesFit: more than allocatable is unresolvable; cpu before memory',
    plugin: nodeResourcesFit,
    pod: pod('p', {
      containers: [{ name: 'c', image: 'x', resources: { requests: { memory: '8Gi', cpu: '3' } } }],
    }),
    node: node('n1'),
    want: {
      plugin: 'NodeResourcesFit',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['Insufficient cpu', 'Insufficient memory'],
    },
  },
  {
    name: 'NodeResourcesFit: Too many pods, then ephemeral-storage and extended resources',
    plugin: nodeResourcesFit,
    pod: pod('p', {
      containers: [
        {
          name: 'c',
          image: 'x',
          resources: { requests: { 'ephemeral-storage': '1Gi', 'example.com/gpu': '1' } },
        },
      ],
    }),
    node: node('n1', { status: { allocatable: { pods: '1' } } }),
    pods: [bound('q', {})],
    want: {
      plugin: 'NodeResourcesFit',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['Too many pods', 'Insufficient ephemeral-storage', 'Insufficient example.com/gpu'],
    },
  },
  {
    name: 'PodTopologySpread: node without the topology key (podtopologyspread/filtering.go)',
    plugin: podTopologySpreadFilter,
    pod: pod('p', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'a' } } }] }, { app: 'a' }), // prettier-ignore
    node: node('n1'),
    want: {
      plugin: 'PodTopologySpread',
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
    },
  },
  {
    name: 'InterPodAffinity: required affinity with no matching pod (interpodaffinity/filtering.go)',
    plugin: interPodAffinityFilter,
    pod: pod('p', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } } }), // prettier-ignore
    node: node('n1'),
    pods: [bound('q', {}, { app: 'web' })],
    want: {
      plugin: 'InterPodAffinity',
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match pod affinity rules"],
    },
  },
  {
    name: 'InterPodAffinity: required anti-affinity',
    plugin: interPodAffinityFilter,
    pod: pod('p', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } } }), // prettier-ignore
    node: node('n1'),
    pods: [bound('q', {}, { app: 'web' })],
    want: {
      plugin: 'InterPodAffinity',
      code: 'Unschedulable',
      reasons: ["node(s) didn't match pod anti-affinity rules"],
    },
  },
  {
    name: "InterPodAffinity: an existing pod's anti-affinity",
    plugin: interPodAffinityFilter,
    pod: pod('p', {}, { app: 'web' }),
    node: node('n1'),
    pods: [bound('q', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } } })], // prettier-ignore
    want: {
      plugin: 'InterPodAffinity',
      code: 'Unschedulable',
      reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"],
    },
  },
]

describe('filter plugins: reasons worded as kube-scheduler (reference E2)', () => {
  for (const row of rejections) {
    it(row.name, () => {
      const [got] = run(row.plugin, row.pod, [{ n: row.node, pods: row.pods }])
      expect(got).toEqual(row.want)
    })
  }
})

describe('NodeAffinity operators (component-helpers nodeaffinity)', () => {
  const n = node('n1', { labels: { zone: 'a', gen: '5' } })
  const term = (matchExpressions: unknown[], matchFields: unknown[] = []) =>
    pod('p', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions, matchFields }] } } } } as never) // prettier-ignore
  const cases: { name: string; exprs: unknown[]; fields?: unknown[]; fits: boolean }[] = [
    { name: 'In', exprs: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }], fits: true },
    { name: 'In, other value', exprs: [{ key: 'zone', operator: 'In', values: ['b'] }], fits: false },
    { name: 'NotIn', exprs: [{ key: 'zone', operator: 'NotIn', values: ['b'] }], fits: true },
    { name: 'NotIn on a missing label', exprs: [{ key: 'x', operator: 'NotIn', values: ['b'] }], fits: true },
    { name: 'Exists', exprs: [{ key: 'zone', operator: 'Exists' }], fits: true },
    { name: 'DoesNotExist', exprs: [{ key: 'zone', operator: 'DoesNotExist' }], fits: false },
    { name: 'Gt', exprs: [{ key: 'gen', operator: 'Gt', values: ['4'] }], fits: true },
    { name: 'Lt', exprs: [{ key: 'gen', operator: 'Lt', values: ['5'] }], fits: false },
    { name: 'Gt on a non-integer', exprs: [{ key: 'zone', operator: 'Gt', values: ['1'] }], fits: false },
    { name: 'matchFields metadata.name', exprs: [], fields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }], fits: true }, // prettier-ignore
    { name: 'empty term', exprs: [], fits: false },
  ]
  for (const c of cases)
    it(c.name, () =>
      expect(run(nodeAffinityFilter, term(c.exprs, c.fields), [{ n }])[0] === null).toBe(c.fits),
    )
})

describe('PodTopologySpread maxSkew and minDomains', () => {
  const zone = (name: string, z: string) => node(name, { labels: { 'topology.kubernetes.io/zone': z } })
  const spread = (extra: object = {}) =>
    pod('p', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'a' } }, ...extra }] }, { app: 'a' }) // prettier-ignore
  const on = (n: string, name: string) => pod(name, { nodeName: n }, { app: 'a' })
  it('rejects the zone that already has one more than the emptiest', () => {
    const got = run(podTopologySpreadFilter, spread(), [
      { n: zone('n1', 'a'), pods: [on('n1', 'x')] },
      { n: zone('n2', 'b') },
    ])
    expect(got.map((s) => s?.reasons[0] ?? null)).toEqual([
      "node(s) didn't match pod topology spread constraints",
      null,
    ])
  })
  it('treats the global minimum as 0 while there are fewer domains than minDomains', () => {
    const got = run(podTopologySpreadFilter, spread({ minDomains: 3 }), [
      { n: zone('n1', 'a'), pods: [on('n1', 'x')] },
      { n: zone('n2', 'b'), pods: [on('n2', 'y')] },
    ])
    expect(got.every((s) => s?.code === 'Unschedulable')).toBe(true)
  })
})

describe('podRequests (component-helpers resource.PodRequests, reference E1 / fit.go)', () => {
  const c = (requests: Record<string, string>, restartPolicy?: string) => ({ name: 'c', image: 'x', resources: { requests }, ...(restartPolicy ? { restartPolicy } : {}) }) // prettier-ignore
  const cases: { name: string; spec: object; cpu: number; memory: number }[] = [
    { name: 'app containers summed', spec: { containers: [c({ cpu: '100m' }), c({ cpu: '250m', memory: '1Ki' })] }, cpu: 350, memory: 1024 }, // prettier-ignore
    { name: 'a larger init container wins', spec: { containers: [c({ cpu: '100m' })], initContainers: [c({ cpu: '1' })] }, cpu: 1000, memory: 0 }, // prettier-ignore
    { name: 'sidecars add, and add to later init containers', spec: { containers: [c({ cpu: '100m' })], initContainers: [c({ cpu: '200m' }, 'Always'), c({ cpu: '500m' })] }, cpu: 700, memory: 0 }, // prettier-ignore
    { name: 'overhead added', spec: { containers: [c({ cpu: '100m' })], overhead: { cpu: '50m' } }, cpu: 150, memory: 0 }, // prettier-ignore
    { name: 'a limit without a request requests the limit', spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '300m' } } }] }, cpu: 300, memory: 0 }, // prettier-ignore
    { name: 'exact sums before rounding', spec: { containers: [c({ cpu: '0.0005' }), c({ cpu: '0.0005' })] }, cpu: 1, memory: 0 }, // prettier-ignore
  ]
  for (const row of cases)
    it(row.name, () => {
      const r = podRequests(pod('p', row.spec as Pod['spec']))
      expect([r.milliCPU, r.memory]).toEqual([row.cpu, row.memory])
    })
})
