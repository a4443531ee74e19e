import { describe, expect, it } from 'vitest'
import type { ClusterView, PodView, WorkloadView } from '../../engine'
import { CARD, gridColumns, layoutCluster, naturalCompare, SERVICE, TILE, type LaidOut } from './layout'

const node = (name: string) => ({ name, status: 'Ready' as const, cpu: '4', memory: '16Gi', maxPods: 110 })
const pod = (
  name: string,
  nodeName: string | null,
  namespace = 'default',
  extra: Partial<PodView> = {},
): PodView => ({
  namespace,
  name,
  node: nodeName,
  status: nodeName ? 'Running' : 'Pending',
  ready: '1/1',
  restarts: 0,
  labels: {},
  owner: null,
  ...extra,
})
const workload = (kind: string, name: string, owner: string | null = null): WorkloadView => ({
  kind,
  namespace: 'default',
  name,
  owner,
  summary: '1/1',
  desired: 1,
})

const cards = (items: LaidOut[]) => items.filter((i) => i.type === 'clusterNode')
const byId = (items: LaidOut[], id: string) => items.find((i) => i.id === id)!

describe('layoutCluster', () => {
  const view: ClusterView = {
    nodes: [node('worker-1'), node('worker-2')],
    pods: [pod('b', 'worker-1'), pod('a', 'worker-1', 'zeta'), pod('c', 'worker-2'), pod('d', null)],
    services: [
      { namespace: 'default', name: 'web', type: 'ClusterIP', ports: '80/TCP', selector: {}, endpoints: 0 },
    ],
  }

  it('puts node cards in a row, the Unscheduled area under them and the Services to their right', () => {
    const { items } = layoutCluster(view).layout
    expect(items.map((o) => o.id)).toEqual([
      'node/worker-1',
      'node/worker-2',
      'unscheduled',
      'service/default/web',
    ])
    const [w1, w2, un, svc] = items
    expect(w1!.position).toEqual({ x: 0, y: 0 })
    expect(w2!.position.x).toBe(w1!.width + CARD.gap)
    expect(un!.position).toEqual({ x: 0, y: w1!.height + CARD.rowGap })
    expect(svc!.position.x).toBe(w2!.position.x + w2!.width + SERVICE.left)
  })

  it('groups a node’s pods by namespace into bands, each with its tiles inside', () => {
    const first = cards(layoutCluster(view).layout.items)[0]!
    expect(first.type === 'clusterNode' && first.data.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual([
      'default/b',
      'zeta/a',
    ])
    if (first.type !== 'clusterNode') throw new Error('not a card')
    const [band1, band2] = first.data.bands
    expect(first.data.bands.map((b) => b.namespace)).toEqual(['default', 'zeta'])
    expect(band2!.y).toBeGreaterThanOrEqual(band1!.y + band1!.height)
    first.data.tiles.forEach((t, i) => {
      const band = first.data.bands[i]!
      expect(t.y).toBeGreaterThanOrEqual(band.y + CARD.bandLabel)
      expect(t.y + TILE.height).toBeLessThanOrEqual(band.y + band.height)
    })
  })

  it('gives the same positions for the same view, whatever the input order', () => {
    const shuffled: ClusterView = { ...view, pods: [...view.pods].reverse() }
    expect(layoutCluster(shuffled).layout).toEqual(layoutCluster(view).layout)
  })

  it('puts a replacement pod at the end of its controller’s run, so the others stay put', () => {
    const owned = (name: string, created: number) =>
      pod(name, 'worker-1', 'default', { owner: 'Deployment/web', createdMs: created })
    const before: ClusterView = {
      nodes: [node('worker-1')],
      pods: [owned('web-z', 1), owned('web-a', 2), owned('web-m', 3)],
      services: [],
    }
    const after: ClusterView = { ...before, pods: [owned('web-z', 1), owned('web-m', 3), owned('web-b', 90)] }
    const tiles = (v: ClusterView) => {
      const c = cards(layoutCluster(v).layout.items)[0]!
      if (c.type !== 'clusterNode') throw new Error('not a card')
      return Object.fromEntries(c.data.pods.map((p, i) => [p.name, c.data.tiles[i]]))
    }
    const t0 = tiles(before)
    const t1 = tiles(after)
    expect(t1['web-z']).toEqual(t0['web-z'])
    expect(t1['web-m']).toEqual(t0['web-a']) // moved up one place, nothing else
    expect(t1['web-b']).toEqual(t0['web-m'])
  })

  it('adds columns when a node holds many pods, and keeps them when it holds fewer again (the envelope)', () => {
    const many: ClusterView = {
      nodes: [node('worker-1')],
      pods: Array.from({ length: 25 }, (_, i) => pod(`p${i}`, 'worker-1')),
      services: [],
    }
    const big = layoutCluster(many)
    const card = cards(big.layout.items)[0]!
    expect(card.type === 'clusterNode' && card.data.tiles.length).toBe(25)
    expect(big.envelope.columns).toBe(Math.min(CARD.maxColumns, Math.ceil(25 / CARD.rowsPerColumn)))
    const few: ClusterView = { ...many, pods: many.pods.slice(0, 2) }
    const again = layoutCluster(few, undefined, big.envelope)
    expect(cards(again.layout.items)[0]!.width).toBe(card.width)
    expect(cards(again.layout.items)[0]!.height).toBe(card.height)
    expect(cards(layoutCluster(few).layout.items)[0]!.width).toBeLessThan(card.width)
  })

  it('anchors every tile at its absolute position for the overlay', () => {
    const { layout } = layoutCluster(view)
    const w2 = byId(layout.items, 'node/worker-2')
    if (w2.type !== 'clusterNode') throw new Error('not a card')
    expect(layout.podAnchors['default/c']).toEqual({
      x: w2.position.x + w2.data.tiles[0]!.x,
      y: w2.position.y + w2.data.tiles[0]!.y,
      width: TILE.width,
      height: TILE.height,
    })
  })

  it('shows counts per status past the tile limit, except on expanded nodes', () => {
    const pods = [
      pod('a', 'worker-1'),
      pod('b', 'worker-1', 'default', { status: 'CrashLoopBackOff', ready: '0/1' }),
      pod('c', 'worker-2'),
    ]
    const v: ClusterView = { nodes: [node('worker-1'), node('worker-2')], pods, services: [] }
    const { layout } = layoutCluster(v, { tileLimit: 2, expanded: ['worker-2'] })
    expect(layout.aggregated).toBe(true)
    const [w1, w2] = cards(layout.items)
    if (w1!.type !== 'clusterNode' || w2!.type !== 'clusterNode') throw new Error('not cards')
    expect(w1!.data.mode).toBe('counts')
    expect(w1!.data.counts.map((c) => [c.family, c.count])).toEqual([
      ['ready', 1],
      ['failing', 1],
    ])
    expect(w2!.data.mode).toBe('tiles')
    // A pod drawn as a count points at its chip.
    const chip = w1!.data.counts[1]!
    expect(layout.podAnchors['default/b']).toMatchObject({
      x: w1!.position.x + chip.x,
      y: w1!.position.y + chip.y,
    })
    expect(layoutCluster(v, { tileLimit: 3, expanded: [] }).layout.aggregated).toBe(false)
  })

  it('places controllers above the nodes: Deployments over their ReplicaSets', () => {
    const v: ClusterView = {
      ...view,
      workloads: [
        workload('Deployment', 'web'),
        workload('ReplicaSet', 'web-abc', 'Deployment/web'),
        workload('StatefulSet', 'db'),
        { ...workload('ReplicaSet', 'web-old', 'Deployment/web'), desired: 0 },
      ],
    }
    const { items } = layoutCluster(v).layout
    const dep = byId(items, 'workload/Deployment/default/web')
    const rs = byId(items, 'workload/ReplicaSet/default/web-abc')
    const db = byId(items, 'workload/StatefulSet/default/db')
    expect(items.find((i) => i.id === 'workload/ReplicaSet/default/web-old')).toBeUndefined()
    expect(rs.position.y).toBeLessThan(0)
    expect(dep.position.y).toBeLessThan(rs.position.y)
    expect(dep.position.x).toBe(rs.position.x)
    expect(db.position.y).toBe(rs.position.y)
    expect(db.position.x).not.toBe(rs.position.x)
  })

  it('moves a pod that gets scheduled from the Unscheduled area into its node (enterFrom)', () => {
    const before = layoutCluster(view).layout
    const un = byId(before.items, 'unscheduled')
    if (un.type !== 'clusterNode') throw new Error('not a card')
    const scheduled: ClusterView = {
      ...view,
      pods: view.pods.map((p) => (p.name === 'd' ? { ...p, node: 'worker-2' } : p)),
    }
    const after = layoutCluster(scheduled, undefined, undefined, before).layout
    const w2 = byId(after.items, 'node/worker-2')
    if (w2.type !== 'clusterNode') throw new Error('not a card')
    const i = w2.data.pods.findIndex((p) => p.name === 'd')
    const from = w2.data.enterFrom['default/d']!
    expect(w2.position.x + w2.data.tiles[i]!.x + from.x).toBe(un.position.x + un.data.tiles[0]!.x)
    expect(w2.position.y + w2.data.tiles[i]!.y + from.y).toBe(un.position.y + un.data.tiles[0]!.y)
    expect(w2.data.enterFrom['default/c']).toBeUndefined()
  })
})

describe('gridColumns', () => {
  it('keeps a few nodes in one row and many in a rough square', () => {
    expect([1, 3, 4, 5, 10, 50].map(gridColumns)).toEqual([1, 3, 4, 4, 4, 9])
  })
})

describe('naturalCompare', () => {
  it('puts worker-2 before worker-10', () => {
    expect(['worker-10', 'worker-2', 'worker-1', 'a'].sort(naturalCompare)).toEqual([
      'a',
      'worker-1',
      'worker-2',
      'worker-10',
    ])
  })
})
