import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { kubectl } from '../kubectl/command'
import { simulate } from '../sim/simulate'
import { clusterObjects } from '../views'

/** `spec.nodes` as a list of nodes (DESIGN §2.4), run through the whole engine. */
const SCENARIO = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: two-nodes}
spec:
  nodes:
    - {name: big, cpu: "16", memory: 64Gi, labels: {disk: ssd}}
    - name: gpu-1
      cpu: "8"
      memory: 32Gi
      pods: 20
      taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27, resources: {requests: {cpu: "1"}}}]
`

function cluster(text: string, s: number) {
  const analysis = analyzeScenario(text)
  const tl = simulate(analysis.objects, { untilMs: s * 1000 })
  const objects = clusterObjects(tl.stateAt(s * 1000))
  return {
    analysis,
    objects,
    get: (args: string) => kubectl(args.split(' '), objects, tl.epochMs + s * 1000).stdout,
  }
}

describe('spec.nodes as a list', () => {
  it('builds exactly the listed nodes, with their capacity, labels and taints', () => {
    const { analysis, objects, get } = cluster(SCENARIO, 60)
    expect(analysis.diagnostics).toEqual([])
    expect(objects.nodes.map((n) => n.metadata?.name)).toEqual(['big', 'gpu-1'])
    const [big, gpu] = objects.nodes
    expect(big!.status?.allocatable).toMatchObject({ cpu: '16', memory: '64Gi', pods: '110' })
    expect(big!.metadata?.labels).toMatchObject({ disk: 'ssd', 'kubernetes.io/hostname': 'big' })
    expect(gpu!.status?.allocatable).toMatchObject({ cpu: '8', memory: '32Gi', pods: '20' })
    expect(gpu!.spec?.taints).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }])
    expect(get('get nodes')).toMatch(
      /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nbig\s+Ready\s+<none>\s+\S+\s+v1\.35\.0\ngpu-1\s+Ready/,
    )
  })

  it('schedules around a listed taint: TaintToleration keeps the web pods off gpu-1 (reference §C)', () => {
    const { objects } = cluster(SCENARIO, 60)
    const placed = objects.pods.map((p) => p.spec?.nodeName)
    expect(placed).toHaveLength(4)
    expect(new Set(placed)).toEqual(new Set(['big']))
  })

  it('falls back to the default cluster for what an entry leaves out', () => {
    const { objects } = cluster(
      `apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nspec:\n  nodes: [{}, {name: edge}]\n`,
      1,
    )
    expect(objects.nodes.map((n) => n.metadata?.name)).toEqual(['worker-1', 'edge'])
    expect(objects.nodes[1]!.status?.allocatable).toMatchObject({ cpu: '4', memory: '16Gi', pods: '110' })
    expect(objects.nodes[1]!.metadata?.labels?.['topology.kubernetes.io/zone']).toBe('zone-b')
  })

  it('reports bad entries where they are, as the API server words them', () => {
    const text = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: x}
spec:
  nodes:
    - {name: Big_Node, cpu: lots}
    - {name: a, taints: [{key: k, effect: Sometimes}], colour: red}
    - {name: a}
`
    const d = analyzeScenario(text).diagnostics.map((x) => `${x.line}:${x.col} ${x.severity} ${x.message}`)
    expect(d).toEqual([
      expect.stringMatching(
        /^6:14 error spec\.nodes\[0\]\.name: Invalid value: "Big_Node": a lowercase RFC 1123 subdomain/,
      ),
      '6:29 error spec.nodes[0].cpu: a positive quantity like "4" or 2500m is required',
      expect.stringMatching(
        /^7:43 error spec\.nodes\[1\]\.taints\.0\.effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"/,
      ),
      '7:64 warning spec.nodes[1].colour: unknown field; a node takes name, cpu, memory, pods, labels, taints',
      '8:14 error spec.nodes[2].name: Duplicate value: "a": another node has this name',
    ])
  })

  it('a number that is not a count of workers is an error; Node documents make spec.nodes moot', () => {
    const bad = analyzeScenario(
      `apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nspec: {nodes: -2}\n`,
    )
    expect(bad.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^spec\.nodes: a number of workers \(like 3\) or a list of nodes/),
    ])
    const moot = analyzeScenario(
      `apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nspec: {nodes: 5}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: n1}\n`,
    )
    expect(moot.diagnostics.map((d) => `${d.severity} ${d.message}`)).toContain(
      'warning spec.nodes is ignored: the kind: Node documents describe the cluster',
    )
  })
})
