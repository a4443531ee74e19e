import type { Node, NodeProps } from '@xyflow/react'
import { AnimatePresence } from 'motion/react'
import { useSelection } from '../../state/selection'
import { TILE, type NodeCardData } from './layout'
import { PodTile } from './PodTile'

export type NodeCardNode = Node<NodeCardData, 'clusterNode'>

/** A cluster node as a card, its pods as tiles inside; `node: null` is the "Unscheduled" area. */
export function NodeCard({ data }: NodeProps<NodeCardNode>): React.JSX.Element {
  const { node, pods, columns } = data
  const grid = { gridTemplateColumns: `repeat(${columns}, ${TILE.width}px)`, gap: TILE.gap }
  if (node === null) {
    return (
      <section className="node-card unscheduled" aria-label="Unscheduled pods">
        <header>
          <h3>Unscheduled</h3>
          <p className="node-meta">{pods.length} pending — no node fits</p>
        </header>
        <div className="pod-grid" style={grid} role="list">
          <AnimatePresence>
            {pods.map((p) => (
              <PodTile key={`${p.namespace}/${p.name}`} pod={p} />
            ))}
          </AnimatePresence>
        </div>
      </section>
    )
  }
  return (
    <section
      className={`node-card node-${node.status === 'Ready' ? 'ready' : 'not-ready'}`}
      data-kind="Node"
      data-name={node.name}
      data-status={node.status}
      aria-label={`Node ${node.name}, ${node.status}`}
    >
      <header
        className="node-header"
        role="button"
        tabIndex={0}
        aria-label={`Inspect node ${node.name}`}
        onClick={() => useSelection.getState().select({ kind: 'Node', namespace: '', name: node.name })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault()
            useSelection.getState().select({ kind: 'Node', namespace: '', name: node.name })
          }
        }}
      >
        <h3>
          <span className="node-dot" aria-hidden="true">
            {node.status === 'Ready' ? '●' : '○'}
          </span>
          {node.name}
          <span className="node-status">{node.status}</span>
        </h3>
        <p className="node-meta">
          {node.cpu} CPU · {node.memory} · {pods.length}/{node.maxPods} pods
        </p>
      </header>
      <div className="pod-grid" style={grid} role="list">
        <AnimatePresence>
          {pods.map((p) => (
            <PodTile key={`${p.namespace}/${p.name}`} pod={p} />
          ))}
        </AnimatePresence>
      </div>
    </section>
  )
}
