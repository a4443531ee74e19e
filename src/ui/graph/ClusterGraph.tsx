import {
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Edge,
  type Node,
  type NodeTypes,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useEffect, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ClusterView } from '../../engine'
import { useGraphOptions } from '../../state/graph-options'
import { useScenario } from '../../state/scenario'
import { useSelection } from '../../state/selection'
import { useTheme } from '../../state/theme'
import { useTimeline } from '../../state/timeline'
import { GraphEventsContext, type GraphEvents } from './events'
import { filterView, viewNamespaces } from './filter'
import { GraphToolbar } from './GraphToolbar'
import { EMPTY_ENVELOPE, layoutCluster, type Envelope, type GraphLayout, type LayoutOptions } from './layout'
import { NodeCard } from './NodeCard'
import { overlayShapes, type OverlayShapes } from './overlay'
import { OverlayLayer } from './OverlayLayer'
import { ServiceCard } from './ServiceCard'
import { replaceEqualDeep, shareAlong } from './stable'
import { probeTicksShown, withoutProbeTicks } from '../../worker/ticks'
import { WorkloadCard } from './WorkloadCard'
import { GraphMotionContext, type GraphMotion } from './motion'
import './motion.css'

const nodeTypes: NodeTypes = { clusterNode: NodeCard, service: ServiceCard, workload: WorkloadCard }

/** Room for the toolbar above and the legend below. */
const NO_EDGES: Edge[] = []

/** Tiles and edges animate (appear, move, ring, flash, fade) with at most this many pods drawn. */
export const MOTION_MAX_TILES = 200

const FIT = { padding: { top: '104px', bottom: '84px', left: '24px', right: '24px' }, maxZoom: 1 } as const

/**
 * What the graph remembers between frames: the last view (so unchanged parts keep their identity), the
 * envelope of card sizes on this timeline (cards grow, never shrink, so scrubbing does not reflow), the
 * last layout (so a pod that moves to another card flies there) and the last React Flow nodes.
 */
class GraphMemory {
  private view: ClusterView | null = null
  /** The view content {@link stable} was given last (its lists are the decoder's). */
  private viewIn: ClusterView | null = null
  private envelope: Envelope = EMPTY_ENVELOPE
  private revision = -1
  private layoutIn: { view: ClusterView; options: LayoutOptions } | null = null
  private layoutOut: GraphLayout | null = null
  private previousLayout: GraphLayout | undefined
  private nodes: Node[] = []
  private shapes: OverlayShapes = { edges: [], labels: [] }

  stableShapes(shapes: OverlayShapes): OverlayShapes {
    this.shapes = replaceEqualDeep(this.shapes, shapes)
    return this.shapes
  }

  /**
   * The view's content with the same identity as long as it deep-equals the last one. Its moment is
   * left out: during playback the time moves every frame, most often with nothing else.
   */
  stable(view: ClusterView): ClusterView {
    const { t: _t, ...content } = view
    this.view = shareAlong(this.viewIn, this.view, content)
    this.viewIn = content
    return this.view
  }

  layout(view: ClusterView, options: LayoutOptions, revision: number): GraphLayout {
    if (this.layoutIn?.view === view && this.layoutIn.options === options && this.layoutOut)
      return this.layoutOut
    if (revision !== this.revision) {
      this.revision = revision
      this.envelope = EMPTY_ENVELOPE
    }
    const { layout, envelope } = layoutCluster(
      view,
      options,
      this.envelope,
      this.layoutOut ?? this.previousLayout,
    )
    this.envelope = envelope
    this.previousLayout = this.layoutOut ?? undefined
    this.layoutIn = { view, options }
    this.layoutOut = layout
    return layout
  }

  flowNodes(layout: GraphLayout): Node[] {
    const next: Node[] = layout.items.map((n) => ({
      id: n.id,
      type: n.type,
      position: n.position,
      width: n.width,
      height: n.height,
      data: n.data,
      draggable: false,
      connectable: false,
      selectable: false,
      focusable: false,
    }))
    this.nodes = replaceEqualDeep(this.nodes, next)
    return this.nodes
  }
}

export interface ClusterGraphProps {
  readonly view: ClusterView
  /** Called on a right click on a pod, node, Service or controller (a context menu of actions). */
  readonly onContextMenu?: GraphEvents['onContextMenu']
}

/** The cluster as a graph: React Flow holds the few large things; pods are drawn inside node cards. */
export function ClusterGraph({ view, onContextMenu }: ClusterGraphProps): React.JSX.Element {
  const theme = useTheme((s) => s.theme)
  const [memory] = useState(() => new GraphMemory())
  const revision = useScenario((s) => s.analyzedRevision)
  const f = useGraphOptions(
    useShallow((s) => ({
      hiddenNamespaces: s.hiddenNamespaces,
      labelFilter: s.labelFilter,
      search: s.search,
      overlays: s.overlays,
      tileLimit: s.tileLimit,
      expanded: s.expanded,
    })),
  )
  const selected = useSelection((s) =>
    s.selected?.kind === 'Pod' ? `${s.selected.namespace}/${s.selected.name}` : null,
  )
  const speed = useTimeline((s) => s.speed)
  const ticks = probeTicksShown(speed, view.pods.length)
  const stableView = useMemo(
    () => memory.stable(ticks ? view : withoutProbeTicks(view)),
    [memory, view, ticks],
  )
  // The same list while the same namespaces are there, so the memoised toolbar is not drawn again.
  const namespaceList = viewNamespaces(stableView).join('\n')
  const namespaces = useMemo(() => (namespaceList === '' ? [] : namespaceList.split('\n')), [namespaceList])
  const filtered = useMemo(
    () =>
      filterView(stableView, {
        hiddenNamespaces: f.hiddenNamespaces,
        labelFilter: f.labelFilter,
        search: f.search,
      }),
    [stableView, f.hiddenNamespaces, f.labelFilter, f.search],
  )
  const options = useMemo(() => ({ tileLimit: f.tileLimit, expanded: f.expanded }), [f.tileLimit, f.expanded])
  const layout = useMemo(
    () => memory.layout(filtered.view, options, revision),
    [memory, filtered.view, options, revision],
  )
  const nodes = useMemo(() => memory.flowNodes(layout), [memory, layout])
  const shapes = useMemo(
    () => memory.stableShapes(overlayShapes(filtered.view, layout, f.overlays, selected)),
    [memory, filtered.view, layout, f.overlays, selected],
  )
  const events = useMemo<GraphEvents>(() => ({ onContextMenu }), [onContextMenu])
  const nodeNames = view.nodes.map((n) => n.name).join(',')
  const pulses = ticks && probeTicksShown(speed, layout.podCount)
  // Past that many tiles, animations and transitions cost more than a frame (motion.css).
  const motion = layout.podCount <= MOTION_MAX_TILES
  const moving = useMemo<GraphMotion>(() => ({ motion, pulses }), [motion, pulses])

  const reframeKey = `${revision}|${nodeNames}`
  // The same element while nothing drawn changed, so React skips the whole flow when only the time moved.
  const flow = useMemo(
    () => (
      <ReactFlow
        nodes={nodes}
        edges={NO_EDGES}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={FIT}
        minZoom={0.05}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements={false}
        proOptions={{ hideAttribution: false }}
        colorMode={theme}
        aria-label="Cluster graph"
      >
        <OverlayLayer shapes={shapes} />
        <FitOnShapeChange layout={layout} reframeKey={reframeKey} />
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    ),
    [nodes, theme, shapes, layout, reframeKey],
  )

  return (
    <GraphEventsContext.Provider value={events}>
      <GraphMotionContext.Provider value={moving}>
        <div
          className="cluster-graph"
          data-view-t={view.t ?? ''}
          data-pod-count={layout.podCount}
          data-aggregated={layout.aggregated}
          data-pulses={pulses ? 'on' : 'off'}
          data-motion={motion ? 'on' : 'off'}
        >
          {flow}
          <GraphToolbar
            namespaces={namespaces}
            hidden={filtered.hidden}
            labelFilterValid={filtered.labelFilterValid}
            podCount={layout.podCount}
            aggregated={layout.aggregated}
          />
        </div>
      </GraphMotionContext.Provider>
    </GraphEventsContext.Provider>
  )
}

function bounds(layout: GraphLayout): { x: number; y: number; width: number; height: number } {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const i of layout.items) {
    x0 = Math.min(x0, i.position.x)
    y0 = Math.min(y0, i.position.y)
    x1 = Math.max(x1, i.position.x + i.width)
    y1 = Math.max(y1, i.position.y + i.height)
  }
  return x0 === Infinity
    ? { x: 0, y: 0, width: 0, height: 0 }
    : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

/**
 * Re-frames the graph when the scenario or its set of nodes changes, when something grows out of the
 * frame, and when the graph area is resized (the console opens, the window changes) — not on every
 * status change, so scrubbing never zooms.
 */
function FitOnShapeChange({ layout, reframeKey }: { layout: GraphLayout; reframeKey: string }): null {
  const flow = useReactFlow()
  const store = useStoreApi()
  const { domNode } = store.getState()
  const b = bounds(layout)
  const boundsKey = `${Math.round(b.x)},${Math.round(b.y)},${Math.round(b.width)},${Math.round(b.height)}`
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView({ ...FIT, duration: 300 }))
    return () => cancelAnimationFrame(id)
  }, [reframeKey, flow])
  useEffect(() => {
    const { width, height, transform } = store.getState()
    const [tx, ty, zoom] = transform
    const [x, y, w, h] = boundsKey.split(',').map(Number) as [number, number, number, number]
    // On screen, the bounds must lie inside the pane; otherwise frame them again.
    const inside =
      x * zoom + tx >= -1 &&
      y * zoom + ty >= -1 &&
      (x + w) * zoom + tx <= width + 1 &&
      (y + h) * zoom + ty <= height + 1
    if (inside) return
    const id = requestAnimationFrame(() => void flow.fitView({ ...FIT, duration: 300 }))
    return () => cancelAnimationFrame(id)
  }, [boundsKey, flow, store])
  useEffect(() => {
    if (!domNode) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const observer = new ResizeObserver(() => {
      clearTimeout(timer)
      timer = setTimeout(() => void flow.fitView({ ...FIT, duration: 200 }), 120)
    })
    observer.observe(domNode)
    return () => {
      clearTimeout(timer)
      observer.disconnect()
    }
  }, [domNode, flow])
  return null
}
