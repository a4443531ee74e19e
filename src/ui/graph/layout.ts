import type { ClusterView, NodeView, PodView, ServiceView, WorkloadView } from '../../engine'
import { FAMILY_ORDER, statusFamily, type StatusFamily } from './status'

/** Sizes of the graph's pieces, in React Flow units (px at zoom 1). */
export const TILE = { width: 212, height: 50, gap: 6 } as const
export const CARD = {
  padding: 12,
  /** Name and status, role and pod count, then the cpu / memory / pods bars. */
  header: 112,
  /** Between rows of the grid, and above the Unscheduled area: room for the scheduling overlay's reasons. */
  rowGap: 56,
  /** The Unscheduled area has no bars. */
  unscheduledHeader: 80,
  gap: 28,
  /** The namespace's label above its band of tiles. */
  bandLabel: 20,
  bandGap: 6,
  minRows: 2,
  /** Rows of tiles per column before a card gets another column. */
  rowsPerColumn: 6,
  maxColumns: 4,
} as const
/** A card that shows counts per status instead of tiles. */
export const COUNTS = { chipWidth: 98, chipHeight: 30, gap: 6, columns: 2 } as const
export const SERVICE = { width: 252, height: 96, gap: 16, left: 56 } as const
export const WORKLOAD = { width: 212, height: 62, gap: 16, rowGap: 44 } as const

export interface Point {
  readonly x: number
  readonly y: number
}

/** A namespace's band inside a node card, relative to the card. */
export interface Band {
  readonly namespace: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface FamilyCount {
  readonly family: StatusFamily
  readonly count: number
  /** Relative to the card. */
  readonly x: number
  readonly y: number
}

export interface NodeCardData extends Record<string, unknown> {
  /** null for the "Unscheduled" area. */
  readonly node: NodeView | null
  /** The pods on the node (after filters), in drawing order. */
  readonly pods: readonly PodView[]
  /** Each pod's tile, relative to the card (same order as `pods`); empty when it shows counts. */
  readonly tiles: readonly Point[]
  readonly bands: readonly Band[]
  readonly mode: 'tiles' | 'counts'
  readonly counts: readonly FamilyCount[]
  /** Whether the card may switch between tiles and counts (the graph is past its tile limit). */
  readonly expandable: boolean
  /** Tiles new to this card that were elsewhere in the last layout: where they come from, relative. */
  readonly enterFrom: Readonly<Record<string, Point>>
}

export interface ServiceCardData extends Record<string, unknown> {
  readonly service: ServiceView
}

export interface WorkloadCardData extends Record<string, unknown> {
  readonly workload: WorkloadView
  /** How many of the view's pods it owns (directly). */
  readonly pods: number
}

interface Box<T extends string, D> {
  readonly id: string
  readonly type: T
  readonly position: Point
  readonly width: number
  readonly height: number
  readonly data: D
}

export type LaidOut =
  Box<'clusterNode', NodeCardData> | Box<'service', ServiceCardData> | Box<'workload', WorkloadCardData>

export interface GraphLayout {
  readonly items: LaidOut[]
  /** Every drawn pod's tile (absolute), keyed `namespace/name`; pods shown as counts point at their chip. */
  readonly podAnchors: Readonly<Record<string, { x: number; y: number; width: number; height: number }>>
  /** Total pods laid out (tiles or counts). */
  readonly podCount: number
  /** Whether the cards show counts instead of tiles (past the tile limit). */
  readonly aggregated: boolean
}

export interface LayoutOptions {
  /** Above this many pods, cards show counts per status, except those in `expanded`. */
  readonly tileLimit: number
  readonly expanded: readonly string[]
}

/** The sizes a tiled card has reached on this timeline: cards grow while it plays, never shrink. */
export interface Envelope {
  readonly columns: number
  readonly contentHeight: number
}

export const EMPTY_ENVELOPE: Envelope = { columns: 1, contentHeight: 0 }

export const podKey = (p: { namespace: string; name: string }): string => `${p.namespace}/${p.name}`

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** `node-2` before `node-10`: runs of digits compare as numbers. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g
  const pa = a.match(re) ?? []
  const pb = b.match(re) ?? []
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!
    const y = pb[i]!
    if (x === y) continue
    const nx = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : 0
    return nx || compare(x, y)
  }
  return pa.length - pb.length || compare(a, b)
}

/**
 * The order of tiles in a card: by namespace (each namespace a band), then by controller, then by
 * creation, so a replacement pod lands at the end of its controller's run instead of anywhere.
 */
export function comparePods(a: PodView, b: PodView): number {
  return (
    compare(a.namespace, b.namespace) ||
    compare(a.owner ?? '\uffff', b.owner ?? '\uffff') ||
    (a.createdMs ?? 0) - (b.createdMs ?? 0) ||
    compare(a.name, b.name)
  )
}

/** Node cards per row of the grid: a row for a few nodes, roughly a square for many. */
export function gridColumns(nodes: number): number {
  return Math.max(1, Math.min(nodes, Math.max(4, Math.ceil(Math.sqrt(nodes * 1.5)))))
}

interface TileBlock {
  readonly tiles: Point[]
  readonly bands: Band[]
  readonly height: number
}

/** Tiles in namespace bands, `columns` wide, starting at (x0, y0) of the card. */
function tileBlock(pods: readonly PodView[], columns: number, x0: number, y0: number): TileBlock {
  const tiles: Point[] = []
  const bands: Band[] = []
  const bandWidth = columns * TILE.width + (columns - 1) * TILE.gap
  let y = y0
  let i = 0
  while (i < pods.length) {
    const ns = pods[i]!.namespace
    let j = i
    while (j < pods.length && pods[j]!.namespace === ns) j++
    const n = j - i
    const rows = Math.ceil(n / columns)
    const top = y
    y += CARD.bandLabel
    for (let k = 0; k < n; k++) {
      tiles.push({
        x: x0 + (k % columns) * (TILE.width + TILE.gap),
        y: y + Math.floor(k / columns) * (TILE.height + TILE.gap),
      })
    }
    y += rows * (TILE.height + TILE.gap) - TILE.gap
    bands.push({ namespace: ns, x: x0, y: top, width: bandWidth, height: y - top })
    y += CARD.bandGap
    i = j
  }
  return { tiles, bands, height: Math.max(0, y - y0 - CARD.bandGap) }
}

function countChips(pods: readonly PodView[], x0: number, y0: number): FamilyCount[] {
  const counts = new Map<StatusFamily, number>()
  for (const p of pods) {
    const f = statusFamily(p.status, p.ready)
    counts.set(f, (counts.get(f) ?? 0) + 1)
  }
  const out: FamilyCount[] = []
  for (const family of FAMILY_ORDER) {
    const count = counts.get(family)
    if (!count) continue
    const k = out.length
    out.push({
      family,
      count,
      x: x0 + (k % COUNTS.columns) * (COUNTS.chipWidth + COUNTS.gap),
      y: y0 + Math.floor(k / COUNTS.columns) * (COUNTS.chipHeight + COUNTS.gap),
    })
  }
  return out
}

const COUNTS_CONTENT =
  Math.ceil(FAMILY_ORDER.length / COUNTS.columns) * (COUNTS.chipHeight + COUNTS.gap) - COUNTS.gap
const COUNTS_WIDTH = Math.max(
  CARD.padding * 2 + COUNTS.columns * COUNTS.chipWidth + (COUNTS.columns - 1) * COUNTS.gap,
  CARD.padding * 2 + TILE.width,
)

const cardWidth = (columns: number): number =>
  CARD.padding * 2 + columns * TILE.width + (columns - 1) * TILE.gap

/**
 * Places the cluster deterministically. Node cards sit in a grid from (0, 0), their pods as tiles
 * inside (in namespace bands, see {@link comparePods}); the "Unscheduled" area goes under the grid; the
 * controllers in two rows above it (Deployments and CronJobs over the ReplicaSets, StatefulSets,
 * DaemonSets and Jobs that own the pods), the Services in a column to its right. Things that appear
 * (an Unscheduled area, a new ReplicaSet, a Service) never push the nodes, and with the envelope cards
 * only grow while a timeline plays, so scrubbing moves only what changed.
 */
export function layoutCluster(
  view: ClusterView,
  options: LayoutOptions = { tileLimit: Infinity, expanded: [] },
  envelope: Envelope = EMPTY_ENVELOPE,
  previous?: GraphLayout,
): { layout: GraphLayout; envelope: Envelope } {
  // worker-2 before worker-10: nodes in natural order, as a person counts them.
  view = { ...view, nodes: [...view.nodes].sort((a, b) => naturalCompare(a.name, b.name)) }
  const byNode = new Map<string, PodView[]>()
  const unscheduled: PodView[] = []
  const known = new Set(view.nodes.map((n) => n.name))
  for (const p of view.pods) {
    if (p.node !== null && known.has(p.node)) {
      const list = byNode.get(p.node)
      if (list) list.push(p)
      else byNode.set(p.node, [p])
    } else unscheduled.push(p)
  }
  for (const list of byNode.values()) list.sort(comparePods)
  unscheduled.sort(comparePods)
  const aggregated = view.pods.length > options.tileLimit
  const expanded = new Set(options.expanded)
  const tiled = (name: string): boolean => !aggregated || expanded.has(name)

  // The shared size of tiled cards: enough columns and height for the fullest node, grown only.
  let most = 0
  for (const n of view.nodes) if (tiled(n.name)) most = Math.max(most, byNode.get(n.name)?.length ?? 0)
  const columns = Math.max(
    envelope.columns,
    Math.min(CARD.maxColumns, Math.ceil(most / CARD.rowsPerColumn) || 1),
  )
  let content = envelope.contentHeight
  const blocks = new Map<string, TileBlock>()
  for (const n of view.nodes) {
    if (!tiled(n.name)) continue
    const block = tileBlock(byNode.get(n.name) ?? [], columns, CARD.padding, CARD.header)
    blocks.set(n.name, block)
    content = Math.max(content, block.height)
  }
  content = Math.max(content, CARD.bandLabel + CARD.minRows * (TILE.height + TILE.gap) - TILE.gap)
  const tiledHeight = CARD.header + content + CARD.padding
  const tiledWidth = cardWidth(columns)

  const items: LaidOut[] = []
  const podAnchors: Record<string, { x: number; y: number; width: number; height: number }> = {}
  const perRow = gridColumns(view.nodes.length)
  const sizes = view.nodes.map((n) =>
    tiled(n.name)
      ? { width: tiledWidth, height: tiledHeight }
      : { width: COUNTS_WIDTH, height: CARD.header + COUNTS_CONTENT + CARD.padding },
  )
  const colWidths: number[] = []
  const rowHeights: number[] = []
  sizes.forEach((s, i) => {
    const c = i % perRow
    const r = Math.floor(i / perRow)
    colWidths[c] = Math.max(colWidths[c] ?? 0, s.width)
    rowHeights[r] = Math.max(rowHeights[r] ?? 0, s.height)
  })
  const colX: number[] = []
  colWidths.reduce((x, w, c) => ((colX[c] = x), x + w + CARD.gap), 0)
  const rowY: number[] = []
  rowHeights.reduce((y, h, r) => ((rowY[r] = y), y + h + CARD.rowGap), 0)
  const gridWidth = Math.max(tiledWidth, colWidths.reduce((a, w) => a + w + CARD.gap, 0) - CARD.gap)
  const gridHeight = Math.max(0, rowHeights.reduce((a, h) => a + h + CARD.rowGap, 0) - CARD.rowGap)

  const prevCard = new Map<string, { card: string; x: number; y: number }>()
  if (previous) {
    for (const item of previous.items) {
      if (item.type !== 'clusterNode') continue
      item.data.pods.forEach((p, i) => {
        const t = item.data.tiles[i]
        if (t) prevCard.set(podKey(p), { card: item.id, x: item.position.x + t.x, y: item.position.y + t.y })
      })
    }
  }
  const enterFrom = (id: string, pos: Point, pods: readonly PodView[], tiles: readonly Point[]) => {
    let out: Record<string, Point> | null = null
    pods.forEach((p, i) => {
      const was = prevCard.get(podKey(p))
      if (!was || was.card === id) return
      out ??= {}
      out[podKey(p)] = { x: was.x - pos.x - tiles[i]!.x, y: was.y - pos.y - tiles[i]!.y }
    })
    return out ?? NO_ENTRIES
  }

  view.nodes.forEach((node, i) => {
    const id = `node/${node.name}`
    const position = { x: colX[i % perRow]!, y: rowY[Math.floor(i / perRow)]! }
    const pods = byNode.get(node.name) ?? []
    const block = blocks.get(node.name)
    const size = sizes[i]!
    if (block) {
      block.tiles.forEach((t, k) => {
        podAnchors[podKey(pods[k]!)] = {
          x: position.x + t.x,
          y: position.y + t.y,
          width: TILE.width,
          height: TILE.height,
        }
      })
    }
    const counts = block ? [] : countChips(pods, CARD.padding, CARD.header)
    if (!block) anchorCounts(pods, counts, position, podAnchors)
    items.push({
      id,
      type: 'clusterNode',
      position,
      width: size.width,
      height: size.height,
      data: {
        node,
        pods,
        tiles: block?.tiles ?? [],
        bands: block?.bands ?? [],
        mode: block ? 'tiles' : 'counts',
        counts,
        expandable: aggregated,
        enterFrom: block ? enterFrom(id, position, pods, block.tiles) : NO_ENTRIES,
      },
    })
  })

  if (unscheduled.length > 0) {
    const position = { x: 0, y: gridHeight + CARD.rowGap }
    const cols = Math.max(1, Math.floor((gridWidth - 2 * CARD.padding + TILE.gap) / (TILE.width + TILE.gap)))
    const width = Math.max(cardWidth(cols), tiledWidth)
    const showTiles = !aggregated || unscheduled.length <= options.tileLimit
    const block = showTiles ? tileBlock(unscheduled, cols, CARD.padding, CARD.unscheduledHeader) : null
    const counts = block ? [] : countChips(unscheduled, CARD.padding, CARD.unscheduledHeader)
    if (block) {
      block.tiles.forEach((t, k) => {
        podAnchors[podKey(unscheduled[k]!)] = {
          x: position.x + t.x,
          y: position.y + t.y,
          width: TILE.width,
          height: TILE.height,
        }
      })
    } else anchorCounts(unscheduled, counts, position, podAnchors)
    items.push({
      id: 'unscheduled',
      type: 'clusterNode',
      position,
      width,
      height: CARD.unscheduledHeader + (block ? block.height : COUNTS_CONTENT) + CARD.padding,
      data: {
        node: null,
        pods: unscheduled,
        tiles: block?.tiles ?? [],
        bands: block?.bands ?? [],
        mode: block ? 'tiles' : 'counts',
        counts,
        expandable: false,
        enterFrom: block ? enterFrom('unscheduled', position, unscheduled, block.tiles) : NO_ENTRIES,
      },
    })
  }

  const services = [...view.services].sort(
    (a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name),
  )
  services.forEach((service, i) => {
    items.push({
      id: `service/${service.namespace}/${service.name}`,
      type: 'service',
      position: { x: gridWidth + SERVICE.left, y: i * (SERVICE.height + SERVICE.gap) },
      width: SERVICE.width,
      height: SERVICE.height,
      data: { service },
    })
  })

  items.push(...layoutWorkloads(view))
  return {
    layout: { items, podAnchors, podCount: view.pods.length, aggregated },
    envelope: { columns, contentHeight: content },
  }
}

const NO_ENTRIES: Readonly<Record<string, Point>> = Object.freeze({})

function anchorCounts(
  pods: readonly PodView[],
  counts: readonly FamilyCount[],
  position: Point,
  into: Record<string, { x: number; y: number; width: number; height: number }>,
): void {
  const chip = new Map(counts.map((c) => [c.family, c]))
  for (const p of pods) {
    const c = chip.get(statusFamily(p.status, p.ready))
    if (c)
      into[podKey(p)] = {
        x: position.x + c.x,
        y: position.y + c.y,
        width: COUNTS.chipWidth,
        height: COUNTS.chipHeight,
      }
  }
}

export const workloadKey = (w: { kind: string; namespace: string; name: string }): string =>
  `${w.kind}/${w.namespace}/${w.name}`

/** Kinds drawn on the upper row, over the controllers they own. */
const UPPER = new Set(['Deployment', 'CronJob'])

/**
 * The controllers in two rows above the nodes: the lower row holds what owns pods directly, grouped by
 * namespace and by the controller above them; the upper row holds Deployments and CronJobs, each
 * centred over its children. ReplicaSets scaled to zero with no pods left are left out.
 */
function layoutWorkloads(view: ClusterView): LaidOut[] {
  const workloads = view.workloads ?? []
  if (workloads.length === 0) return []
  const podsOf = new Map<string, number>()
  for (const p of view.pods) {
    if (p.controller) {
      const k = `${p.namespace}/${p.controller}`
      podsOf.set(k, (podsOf.get(k) ?? 0) + 1)
    }
  }
  const pods = (w: WorkloadView): number => podsOf.get(`${w.namespace}/${w.kind}/${w.name}`) ?? 0
  const lower = workloads
    .filter((w) => !UPPER.has(w.kind))
    .filter((w) => !(w.kind === 'ReplicaSet' && w.desired === 0 && pods(w) === 0))
    .sort(
      (a, b) =>
        compare(a.namespace, b.namespace) ||
        compare(a.owner ?? `${a.kind}/${a.name}`, b.owner ?? `${b.kind}/${b.name}`) ||
        compare(a.kind, b.kind) ||
        compare(a.name, b.name),
    )
  const upper = workloads
    .filter((w) => UPPER.has(w.kind))
    .sort((a, b) => compare(a.namespace, b.namespace) || compare(a.kind, b.kind) || compare(a.name, b.name))
  const step = WORKLOAD.width + WORKLOAD.gap
  const lowerY = -(WORKLOAD.height + WORKLOAD.rowGap)
  const upperY = 2 * lowerY
  const out: LaidOut[] = []
  const xs = new Map<string, number[]>()
  lower.forEach((w, i) => {
    const x = i * step
    if (w.owner) {
      const k = `${w.namespace}/${w.owner}`
      const list = xs.get(k)
      if (list) list.push(x)
      else xs.set(k, [x])
    }
    out.push(workloadBox(w, { x, y: lowerY }, pods(w)))
  })
  let right = -Infinity
  const childless: WorkloadView[] = []
  for (const w of upper) {
    const children = xs.get(`${w.namespace}/${w.kind}/${w.name}`)
    if (!children) {
      childless.push(w)
      continue
    }
    const centre = (children[0]! + children[children.length - 1]!) / 2
    const x = Math.max(centre, right + WORKLOAD.gap)
    right = x + WORKLOAD.width
    out.push(workloadBox(w, { x, y: upperY }, 0))
  }
  let x = Math.max(right + WORKLOAD.gap, lower.length * step)
  for (const w of childless) {
    out.push(workloadBox(w, { x, y: upperY }, 0))
    x += step
  }
  return out
}

function workloadBox(workload: WorkloadView, position: Point, pods: number): LaidOut {
  return {
    id: `workload/${workloadKey(workload)}`,
    type: 'workload',
    position,
    width: WORKLOAD.width,
    height: WORKLOAD.height,
    data: { workload, pods },
  }
}
