import { Background, Controls, ReactFlow, useReactFlow, useStoreApi, type NodeTypes } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useEffect, useMemo } from 'react'
import type { ClusterView } from '../../engine'
import { layoutCluster } from './layout'
import { NodeCard } from './NodeCard'
import { ServiceCard } from './ServiceCard'

const nodeTypes: NodeTypes = { clusterNode: NodeCard, service: ServiceCard }

/** The cluster as a graph: React Flow holds the few large things; pods are drawn inside node cards. */
export function ClusterGraph({ view }: { view: ClusterView }): React.JSX.Element {
  const nodes = useMemo(
    () => layoutCluster(view).map((n) => ({ ...n, draggable: false, connectable: false, selectable: true })),
    [view],
  )
  return (
    <ReactFlow
      nodes={nodes}
      edges={[]}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
      minZoom={0.1}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      proOptions={{ hideAttribution: false }}
      aria-label="Cluster graph"
    >
      <FitOnShapeChange shape={nodes.map((n) => `${n.id}:${n.width}x${n.height}`).join('|')} />
      <Background gap={24} />
      <Controls showInteractive={false} />
    </ReactFlow>
  )
}

/**
 * Re-frames the graph when cards appear, vanish or change size, and when the graph area is resized
 * (the console opens, the window changes), not on every status change.
 */
function FitOnShapeChange({ shape }: { shape: string }): null {
  const flow = useReactFlow()
  const { domNode } = useStoreApi().getState()
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.12, maxZoom: 1, duration: 300 }))
    return () => cancelAnimationFrame(id)
  }, [shape, flow])
  useEffect(() => {
    if (!domNode) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const observer = new ResizeObserver(() => {
      clearTimeout(timer)
      timer = setTimeout(() => void flow.fitView({ padding: 0.12, maxZoom: 1, duration: 200 }), 120)
    })
    observer.observe(domNode)
    return () => {
      clearTimeout(timer)
      observer.disconnect()
    }
  }, [domNode, flow])
  return null
}
