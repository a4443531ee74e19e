import { EdgeLabelRenderer, ViewportPortal } from '@xyflow/react'
import { AnimatePresence } from 'motion/react'
import { memo } from 'react'
import type { OverlayEdge, OverlayLabel, OverlayShapes } from './overlay'
import { useLeaving } from './presence'

const EDGE_EXIT_MS = 350

/**
 * The overlay edges and labels, drawn in graph coordinates (pods are not React Flow nodes, so their
 * edges are drawn here, from the tile positions of the layout). Edges run under the cards, whose
 * backgrounds let them show through, and end at the tiles, so they never cross a tile's text; labels
 * sit on top. Edges draw themselves in when they appear and fade when they go: a Service's edge to a
 * pod vanishes as the pod stops being ready. Plain elements with CSS animations: hundreds of edges may
 * come and go in one frame.
 */
export const OverlayLayer = memo(function OverlayLayer({
  shapes,
}: {
  shapes: OverlayShapes
}): React.JSX.Element {
  return (
    <>
      <EdgeLabelRenderer>
        <svg className="overlay-edges" aria-hidden="true" width="1" height="1">
          <defs>
            <marker
              id="kp-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className="overlay-arrow" />
            </marker>
          </defs>
          <AnimatePresence>
            {shapes.edges.map((e) => (
              <Edge key={e.id} edge={e} />
            ))}
          </AnimatePresence>
        </svg>
      </EdgeLabelRenderer>
      <ViewportPortal>
        <AnimatePresence>
          {shapes.labels.map((l) => (
            <Label key={l.id} label={l} />
          ))}
        </AnimatePresence>
      </ViewportPortal>
    </>
  )
})

const Edge = memo(function Edge({ edge }: { edge: OverlayEdge }): React.JSX.Element {
  const leaving = useLeaving(EDGE_EXIT_MS)
  return (
    <path
      className={`overlay-edge overlay-${edge.kind}${leaving ? ' leaving' : ''}`}
      data-edge={leaving ? undefined : edge.kind}
      data-edge-id={edge.id}
      d={edge.d}
      pathLength={1}
      strokeWidth={Math.min(6, 2 + Math.log2(edge.weight))}
      markerEnd={edge.kind === 'endpoints' ? 'url(#kp-arrow)' : undefined}
    />
  )
})

const Label = memo(function Label({ label }: { label: OverlayLabel }): React.JSX.Element {
  const leaving = useLeaving(EDGE_EXIT_MS)
  return (
    <div
      className={`overlay-label overlay-label-${label.kind}${leaving ? ' leaving' : ''}`}
      data-overlay-label={label.kind}
      data-node={label.node}
      style={{ left: label.x, top: label.y, maxWidth: label.width }}
    >
      <span className="overlay-label-text" title={label.lines.join('\n')}>
        ✕ {label.lines.join('; ')}
      </span>
    </div>
  )
})
