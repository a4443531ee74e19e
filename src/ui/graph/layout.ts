import type { ClusterView, NodeView, PodView, ServiceView } from '../../engine'

/** Sizes of the graph's pieces, in React Flow units (px at zoom 1). */
export const TILE = { width: 244, height: 50, gap: 8 } as const
export const CARD = { padding: 12, header: 64, gap: 32, rowsPerColumn: 10 } as const
export const SERVICE = { width: 220, height: 84, gap: 24, top: 48 } as const

export interface NodeCardData extends Record<string, unknown> {
  readonly node: NodeView | null
  readonly pods: readonly PodView[]
  readonly columns: number
}

export interface ServiceCardData extends Record<string, unknown> {
  readonly service: ServiceView
}

export type LaidOut =
  | {
      id: string
      type: 'clusterNode'
      position: { x: number; y: number }
      width: number
      height: number
      data: NodeCardData
    }
  | {
      id: string
      type: 'service'
      position: { x: number; y: number }
      width: number
      height: number
      data: ServiceCardData
    }

/**
 * Places the cluster deterministically: one card per node in a row (pods as tiles inside, sorted by
 * namespace then name), an "Unscheduled" card after them when some pods have no node, and the Services
 * in a row underneath. The same view always gives the same positions, so scrubbing never shuffles.
 */
export function layoutCluster(view: ClusterView): LaidOut[] {
  const byNode = new Map<string, PodView[]>()
  const unscheduled: PodView[] = []
  const known = new Set(view.nodes.map((n) => n.name))
  for (const p of view.pods) {
    if (p.node !== null && known.has(p.node)) {
      const list = byNode.get(p.node) ?? []
      list.push(p)
      byNode.set(p.node, list)
    } else unscheduled.push(p)
  }
  const sortPods = (a: PodView, b: PodView): number =>
    a.namespace === b.namespace ? compare(a.name, b.name) : compare(a.namespace, b.namespace)

  const most = Math.max(1, unscheduled.length, ...view.nodes.map((n) => byNode.get(n.name)?.length ?? 0))
  const columns = Math.min(4, Math.ceil(most / CARD.rowsPerColumn))
  const rows = Math.max(3, Math.ceil(most / columns))
  const width = CARD.padding * 2 + columns * TILE.width + (columns - 1) * TILE.gap
  const height = CARD.header + CARD.padding + rows * (TILE.height + TILE.gap)

  const out: LaidOut[] = []
  let x = 0
  for (const node of view.nodes) {
    const pods = (byNode.get(node.name) ?? []).sort(sortPods)
    out.push({
      id: `node/${node.name}`,
      type: 'clusterNode',
      position: { x, y: 0 },
      width,
      height,
      data: { node, pods, columns },
    })
    x += width + CARD.gap
  }
  if (unscheduled.length > 0) {
    out.push({
      id: 'unscheduled',
      type: 'clusterNode',
      position: { x, y: 0 },
      width,
      height,
      data: { node: null, pods: unscheduled.sort(sortPods), columns },
    })
  }
  const services = [...view.services].sort((a, b) =>
    a.namespace === b.namespace ? compare(a.name, b.name) : compare(a.namespace, b.namespace),
  )
  services.forEach((service, i) => {
    out.push({
      id: `service/${service.namespace}/${service.name}`,
      type: 'service',
      position: { x: i * (SERVICE.width + SERVICE.gap), y: height + SERVICE.top },
      width: SERVICE.width,
      height: SERVICE.height,
      data: { service },
    })
  })
  return out
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
