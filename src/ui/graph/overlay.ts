import type { ClusterView } from '../../engine'
import type { Overlay } from '../../state/graph-options'
import { podKey, type GraphLayout, type LaidOut } from './layout'

export interface OverlayEdge {
  /** Stable across frames, so an edge that stays is the same element and one that goes fades out. */
  readonly id: string
  readonly kind: Overlay
  readonly d: string
  /** How many pods it stands for (several when pods are shown as counts). */
  readonly weight: number
}

export interface OverlayLabel {
  readonly id: string
  readonly kind: Overlay
  /** The label's top centre, in graph coordinates (it sits just under the card it explains). */
  readonly x: number
  readonly y: number
  readonly lines: readonly string[]
  /** The widest the label may be: the card's width. */
  readonly width: number
  /** The node the label explains (scheduling), for the page's attributes. */
  readonly node?: string
}

export interface OverlayShapes {
  readonly edges: OverlayEdge[]
  readonly labels: OverlayLabel[]
}

type Rect = { x: number; y: number; width: number; height: number }

const rectOf = (item: LaidOut): Rect => ({
  x: item.position.x,
  y: item.position.y,
  width: item.width,
  height: item.height,
})

const r = (n: number): number => Math.round(n * 10) / 10

/** A vertical S-curve from the bottom centre of `a` to the top centre of `b`. */
function down(a: Rect, b: Rect): string {
  const x1 = a.x + a.width / 2
  const y1 = a.y + a.height
  const x2 = b.x + b.width / 2
  const y2 = b.y
  const dy = Math.max(24, Math.abs(y2 - y1) / 2)
  return `M${r(x1)},${r(y1)} C${r(x1)},${r(y1 + dy)} ${r(x2)},${r(y2 - dy)} ${r(x2)},${r(y2)}`
}

/** A horizontal S-curve from the left middle of `a` to the right middle of `b`. */
function left(a: Rect, b: Rect): string {
  const x1 = a.x
  const y1 = a.y + a.height / 2
  const x2 = b.x + b.width
  const y2 = b.y + b.height / 2
  const dx = Math.max(32, Math.abs(x1 - x2) / 3)
  return `M${r(x1)},${r(y1)} C${r(x1 - dx)},${r(y1)} ${r(x2 + dx)},${r(y2)} ${r(x2)},${r(y2)}`
}

/** A vertical S-curve from the top centre of `a` up to the bottom centre of `b`. */
function up(a: Rect, b: Rect): string {
  const x1 = a.x + a.width / 2
  const y1 = a.y
  const x2 = b.x + b.width / 2
  const y2 = b.y + b.height
  const dy = Math.max(24, Math.abs(y1 - y2) / 2)
  return `M${r(x1)},${r(y1)} C${r(x1)},${r(y1 - dy)} ${r(x2)},${r(y2 + dy)} ${r(x2)},${r(y2)}`
}

/**
 * The overlay drawn over the laid-out graph, from the view: ownership (Deployment → ReplicaSet → pods,
 * and every other controller → its pods), Service → the pods behind its ready addresses, and for pods
 * the scheduler could not place, each node's reasons (kube-scheduler's wording). Pods drawn as counts
 * share their chip's edge, which then stands for several pods.
 */
export function overlayShapes(
  view: ClusterView,
  layout: GraphLayout,
  overlays: Readonly<Record<Overlay, boolean>>,
  selectedPod: string | null,
): OverlayShapes {
  const edges: OverlayEdge[] = []
  const labels: OverlayLabel[] = []
  const byId = new Map(layout.items.map((i) => [i.id, i]))
  const add = (map: Map<string, OverlayEdge>, id: string, kind: Overlay, d: string): void => {
    const found = map.get(id)
    if (found) map.set(id, { ...found, weight: found.weight + 1 })
    else map.set(id, { id, kind, d, weight: 1 })
  }

  if (overlays.owners) {
    const map = new Map<string, OverlayEdge>()
    for (const item of layout.items) {
      if (item.type !== 'workload' || !item.data.workload.owner) continue
      const parent = byId.get(
        `workload/${item.data.workload.owner.replace('/', `/${item.data.workload.namespace}/`)}`,
      )
      if (parent) add(map, `own:${parent.id}>${item.id}`, 'owners', down(rectOf(parent), rectOf(item)))
    }
    for (const p of view.pods) {
      if (!p.controller) continue
      const anchor = layout.podAnchors[podKey(p)]
      const parent = byId.get(`workload/${p.controller.replace('/', `/${p.namespace}/`)}`)
      if (!anchor || !parent) continue
      add(map, `own:${parent.id}>${anchor.x},${anchor.y}`, 'owners', down(rectOf(parent), anchor))
    }
    edges.push(...map.values())
  }

  if (overlays.endpoints) {
    const map = new Map<string, OverlayEdge>()
    for (const item of layout.items) {
      if (item.type !== 'service') continue
      const svc = item.data.service
      for (const name of svc.readyPods ?? []) {
        const anchor = layout.podAnchors[`${svc.namespace}/${name}`]
        if (anchor) add(map, `ep:${item.id}>${anchor.x},${anchor.y}`, 'endpoints', left(rectOf(item), anchor))
      }
    }
    edges.push(...map.values())
  }

  if (overlays.scheduling) {
    const pending = view.pods.filter((p) => p.unschedulable && p.unschedulable.length > 0)
    const chosen = pending.find((p) => podKey(p) === selectedPod)
    const perNode = new Map<string, Map<string, number>>()
    for (const p of chosen ? [chosen] : pending) {
      for (const v of p.unschedulable!) {
        const reasons = perNode.get(v.node) ?? new Map<string, number>()
        for (const reason of v.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
        perNode.set(v.node, reasons)
      }
    }
    const from = chosen ? layout.podAnchors[podKey(chosen)] : byId.get('unscheduled')
    const source = from ? ('type' in from ? rectOf(from) : from) : null
    for (const [node, reasons] of perNode) {
      const card = byId.get(`node/${node}`)
      if (!card) continue
      const rect = rectOf(card)
      if (source) edges.push({ id: `sched:${node}`, kind: 'scheduling', d: up(source, rect), weight: 1 })
      labels.push({
        id: `sched:${node}`,
        kind: 'scheduling',
        node,
        x: rect.x + rect.width / 2,
        y: rect.y + rect.height + 6,
        width: rect.width - 16,
        lines: [...reasons].map(([reason, n]) => (chosen || n === 1 ? reason : `${reason} (${n} pods)`)),
      })
    }
  }
  return { edges, labels }
}
