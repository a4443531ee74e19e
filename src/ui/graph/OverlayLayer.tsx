import { EdgeLabelRenderer, ViewportPortal } from '@xyflow/react'
import { AnimatePresence, motion } from 'motion/react'
import { memo } from 'react'
import type { OverlayShapes } from './overlay'

/**
 * The overlay edges and labels, drawn in graph coordinates (pods are not React Flow nodes, so their
 * edges are drawn here, from the tile positions of the layout). Edges run under the cards, whose
 * backgrounds let them show through, and end at the tiles, so they never cross a tile's text; labels
 * sit on top. Edges draw themselves in
 * when they appear and fade when they go: a Service's edge to a pod vanishes as the pod stops being ready.
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
              <motion.path
                key={e.id}
                className={`overlay-edge overlay-${e.kind}`}
                data-edge={e.kind}
                data-edge-id={e.id}
                initial={{ pathLength: 0, opacity: 0, d: e.d }}
                animate={{ pathLength: 1, opacity: 1, d: e.d }}
                exit={{ opacity: 0, transition: { duration: 0.35 } }}
                transition={{ duration: 0.45, ease: 'easeOut' }}
                strokeWidth={Math.min(6, 2 + Math.log2(e.weight))}
                markerEnd={e.kind === 'endpoints' ? 'url(#kp-arrow)' : undefined}
              />
            ))}
          </AnimatePresence>
        </svg>
      </EdgeLabelRenderer>
      <ViewportPortal>
        <AnimatePresence>
          {shapes.labels.map((l) => (
            <motion.div
              key={l.id}
              className={`overlay-label overlay-label-${l.kind}`}
              data-overlay-label={l.kind}
              data-node={l.node}
              style={{ left: l.x, top: l.y, maxWidth: l.width }}
              initial={{ opacity: 0, x: '-50%', y: -6 }}
              animate={{ opacity: 1, x: '-50%', y: 0 }}
              exit={{ opacity: 0 }}
              transition={{ duration: 0.3 }}
            >
              <span className="overlay-label-text" title={l.lines.join('\n')}>
                ✕ {l.lines.join('; ')}
              </span>
            </motion.div>
          ))}
        </AnimatePresence>
      </ViewportPortal>
    </>
  )
})
