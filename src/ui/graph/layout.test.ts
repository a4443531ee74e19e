import { describe, expect, it } from 'vitest'
import type { ClusterView, PodView } from '../../engine'
import { CARD, layoutCluster } from './layout'

const node = (name: string) => ({ name, status: 'Ready' as const, cpu: '4', memory: '16Gi', maxPods: 110 })
const pod = (name: string, nodeName: string | null, namespace = 'default'): PodView => ({
  namespace,
  name,
  node: nodeName,
  status: nodeName ? 'Running' : 'Pending',
  ready: '1/1',
  restarts: 0,
  labels: {},
  owner: null,
})

describe('layoutCluster', () => {
  const view: ClusterView = {
    nodes: [node('worker-1'), node('worker-2')],
    pods: [pod('b', 'worker-1'), pod('a', 'worker-1', 'zeta'), pod('c', 'worker-2'), pod('d', null)],
    services: [
      { namespace: 'default', name: 'web', type: 'ClusterIP', ports: '80/TCP', selector: {}, endpoints: 0 },
    ],
  }

  it('puts node cards in a row, then an Unscheduled card, and services underneath', () => {
    const out = layoutCluster(view)
    expect(out.map((o) => o.id)).toEqual([
      'node/worker-1',
      'node/worker-2',
      'unscheduled',
      'service/default/web',
    ])
    const [w1, w2, un, svc] = out
    expect(w2!.position.x).toBe(w1!.width + CARD.gap)
    expect(un!.position.x).toBe(2 * (w1!.width + CARD.gap))
    expect(svc!.position.y).toBeGreaterThan(w1!.height)
  })

  it('sorts the pods of a node by namespace, then name', () => {
    const first = layoutCluster(view)[0]!
    expect(first.type === 'clusterNode' && first.data.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual([
      'default/b',
      'zeta/a',
    ])
  })

  it('gives the same positions for the same view, whatever the input order', () => {
    const shuffled: ClusterView = { ...view, pods: [...view.pods].reverse() }
    expect(layoutCluster(shuffled)).toEqual(layoutCluster(view))
  })

  it('adds columns when a node holds many pods', () => {
    const many: ClusterView = {
      nodes: [node('worker-1')],
      pods: Array.from({ length: 25 }, (_, i) => pod(`p${i}`, 'worker-1')),
      services: [],
    }
    const card = layoutCluster(many)[0]!
    expect(card.type === 'clusterNode' && card.data.columns).toBe(3)
  })
})
