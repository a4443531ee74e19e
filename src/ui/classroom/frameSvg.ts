import type { ClusterView, PodView } from '../../engine'
import { formatClock } from '../../state/timeline'
import { FAMILY_STYLES, statusFamily, type StatusFamily } from '../graph/status'

const SVG_NS = 'http://www.w3.org/2000/svg'

/** The colours a picture is drawn in: the page's theme, read from its CSS variables. */
export interface FramePalette {
  readonly bg: string
  readonly card: string
  readonly line: string
  readonly ink: string
  readonly muted: string
  readonly service: string
  readonly serviceBg: string
  readonly status: Readonly<Record<StatusFamily, string>>
}

const FALLBACK: FramePalette = {
  bg: '#f4f5f7',
  card: '#ffffff',
  line: '#d7dce3',
  ink: '#1c2430',
  muted: '#5b6675',
  service: '#56b4e9',
  serviceBg: '#eef7fd',
  status: {
    ready: '#009e73',
    'not-ready': '#009e73',
    pending: '#e69f00',
    failing: '#d55e00',
    completed: '#0072b2',
    terminating: '#999999',
    unknown: '#cc79a7',
  },
}

/** The palette of the page as it is themed now (light or dark). */
export function pagePalette(): FramePalette {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback
  const status = Object.fromEntries(
    (Object.keys(FAMILY_STYLES) as StatusFamily[]).map((f) => {
      const name = /var\((--[\w-]+)\)/.exec(FAMILY_STYLES[f].color)?.[1] ?? ''
      return [f, v(name, FALLBACK.status[f])]
    }),
  ) as Record<StatusFamily, string>
  return {
    bg: v('--bg', FALLBACK.bg),
    card: v('--panel', FALLBACK.card),
    line: v('--card-line', FALLBACK.line),
    ink: v('--ink', FALLBACK.ink),
    muted: v('--muted', FALLBACK.muted),
    service: v('--service-line', FALLBACK.service),
    serviceBg: v('--service-bg', FALLBACK.serviceBg),
    status,
  }
}

const TILE_W = 220
const TILE_H = 44
const GAP = 12
const CARD_PAD = 12
const HEADER_H = 40
const COL_W = TILE_W + 2 * CARD_PAD

/**
 * A standalone SVG picture of one frame of the cluster: a card per node (and one for unscheduled pods)
 * with its pods as tiles coloured by status family, and the Services under them. Built with DOM calls,
 * so names are text nodes and never markup.
 */
export function frameSvg(view: ClusterView, palette: FramePalette = FALLBACK): string {
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null)
  const svg = doc.documentElement
  const el = (name: string, attrs: Record<string, string | number>, text?: string): Element => {
    const e = doc.createElementNS(SVG_NS, name)
    for (const [k, val] of Object.entries(attrs)) e.setAttribute(k, String(val))
    if (text !== undefined) e.textContent = text
    return e
  }

  const columns: { title: string; subtitle: string; pods: PodView[] }[] = view.nodes.map((n) => ({
    title: n.name,
    subtitle: `${n.status}${n.unschedulable ? ', SchedulingDisabled' : ''}`,
    pods: view.pods.filter((p) => p.node === n.name),
  }))
  const unscheduled = view.pods.filter((p) => p.node === null || !view.nodes.some((n) => n.name === p.node))
  if (unscheduled.length > 0)
    columns.push({ title: 'Unscheduled', subtitle: `${unscheduled.length} pending`, pods: unscheduled })

  const tallest = Math.max(1, ...columns.map((c) => c.pods.length))
  const cardH = HEADER_H + tallest * (TILE_H + GAP) + CARD_PAD
  const top = 48
  const svcTop = top + cardH + 2 * GAP
  const svcRows = Math.ceil(view.services.length / Math.max(1, columns.length))
  const width = Math.max(480, GAP + columns.length * (COL_W + GAP))
  const height = svcTop + svcRows * (56 + GAP) + GAP

  svg.setAttribute('width', String(width))
  svg.setAttribute('height', String(height))
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`)
  svg.setAttribute('font-family', 'system-ui, sans-serif')
  svg.appendChild(el('rect', { x: 0, y: 0, width, height, fill: palette.bg }))
  const title = `kubeplay · t = ${formatClock((view.t ?? 0) / 1000)}`
  svg.appendChild(el('title', {}, title))
  svg.appendChild(
    el('text', { x: GAP, y: 30, 'font-size': 18, 'font-weight': 600, fill: palette.ink }, title),
  )

  columns.forEach((c, i) => {
    const x = GAP + i * (COL_W + GAP)
    const g = el('g', { 'data-kind': i < view.nodes.length ? 'Node' : 'Unscheduled' })
    g.appendChild(
      el('rect', {
        x,
        y: top,
        width: COL_W,
        height: cardH,
        rx: 10,
        fill: palette.card,
        stroke: palette.line,
      }),
    )
    g.appendChild(
      el(
        'text',
        { x: x + CARD_PAD, y: top + 22, 'font-size': 15, 'font-weight': 600, fill: palette.ink },
        c.title,
      ),
    )
    g.appendChild(
      el('text', { x: x + CARD_PAD, y: top + 36, 'font-size': 11, fill: palette.muted }, c.subtitle),
    )
    c.pods.forEach((p, j) => {
      const y = top + HEADER_H + j * (TILE_H + GAP)
      const family = statusFamily(p.status, p.ready)
      const colour = palette.status[family]
      const tile = el('g', { 'data-kind': 'Pod', 'data-status-family': family })
      tile.appendChild(
        el('rect', {
          x: x + CARD_PAD,
          y,
          width: TILE_W,
          height: TILE_H,
          rx: 7,
          fill: palette.card,
          stroke: colour,
          'stroke-width': 2,
        }),
      )
      tile.appendChild(el('rect', { x: x + CARD_PAD, y, width: 6, height: TILE_H, rx: 3, fill: colour }))
      tile.appendChild(
        el(
          'text',
          { x: x + CARD_PAD + 14, y: y + 18, 'font-size': 13, 'font-weight': 600, fill: palette.ink },
          p.name,
        ),
      )
      const glyph = FAMILY_STYLES[family].glyph
      // Colour and a glyph, never colour alone (as on the page).
      if (glyph)
        tile.appendChild(
          el(
            'text',
            { x: x + CARD_PAD + TILE_W - 10, y: y + 27, 'font-size': 16, 'text-anchor': 'end', fill: colour },
            glyph,
          ),
        )
      const detail = `${p.status} · ${p.ready}${p.restarts > 0 ? ` · ${p.restarts} restart${p.restarts === 1 ? '' : 's'}` : ''}`
      tile.appendChild(
        el('text', { x: x + CARD_PAD + 14, y: y + 35, 'font-size': 11, fill: palette.muted }, detail),
      )
      g.appendChild(tile)
    })
    svg.appendChild(g)
  })

  view.services.forEach((s, i) => {
    const col = i % Math.max(1, columns.length)
    const row = Math.floor(i / Math.max(1, columns.length))
    const x = GAP + col * (COL_W + GAP)
    const y = svcTop + row * (56 + GAP)
    const g = el('g', { 'data-kind': 'Service' })
    g.appendChild(
      el('rect', {
        x,
        y,
        width: COL_W,
        height: 56,
        rx: 10,
        fill: palette.serviceBg,
        stroke: palette.service,
        'stroke-width': 2,
      }),
    )
    g.appendChild(
      el(
        'text',
        { x: x + CARD_PAD, y: y + 22, 'font-size': 14, 'font-weight': 600, fill: palette.ink },
        `svc/${s.name}`,
      ),
    )
    g.appendChild(
      el(
        'text',
        { x: x + CARD_PAD, y: y + 42, 'font-size': 11, fill: palette.muted },
        `${s.type} ${s.ports} · ${s.endpoints} endpoint${s.endpoints === 1 ? '' : 's'}`,
      ),
    )
    svg.appendChild(g)
  })

  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`
}

/** Draws an SVG picture onto a canvas and encodes it as PNG. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }))
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.ceil(img.naturalWidth * scale)
    canvas.height = Math.ceil(img.naturalHeight * scale)
    const ctx = canvas.getContext('2d')
    if (ctx === null) throw new Error('no 2D canvas')
    ctx.scale(scale, scale)
    ctx.drawImage(img, 0, 0)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Saves a blob as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
