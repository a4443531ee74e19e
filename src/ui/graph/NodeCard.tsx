import type { Node, NodeProps } from '@xyflow/react'
import { AnimatePresence } from 'motion/react'
import { memo } from 'react'
import type { NodeView } from '../../engine'
import { useGraphOptions } from '../../state/graph-options'
import { useSelection } from '../../state/selection'
import { useLowDetail } from './detail'
import { useGraphEvents } from './events'
import { podKey, type NodeCardData } from './layout'
import { PodTile } from './PodTile'
import { FAMILY_STYLES, namespaceHue } from './status'

export type NodeCardNode = Node<NodeCardData, 'clusterNode'>

/** A cluster node as a card, its pods as tiles inside; `node: null` is the "Unscheduled" area. */
export const NodeCard = memo(function NodeCard({ data }: NodeProps<NodeCardNode>): React.JSX.Element {
  const { node, pods } = data
  const events = useGraphEvents()
  const low = useLowDetail()
  if (node === null) {
    return (
      <section
        className="node-card unscheduled"
        aria-label="Unscheduled pods"
        data-testid="unscheduled"
        data-detail={low ? 'low' : 'full'}
      >
        <header className="node-header unscheduled-header">
          <h3>
            <span className="node-dot" aria-hidden="true">
              ◌
            </span>
            Unscheduled
            <span className="node-status">{pods.length} pending</span>
          </h3>
          <p className="node-meta">No node fits yet: see the Scheduling overlay.</p>
        </header>
        <CardBody data={data} low={low} />
      </section>
    )
  }
  const select = (): void => useSelection.getState().select({ kind: 'Node', namespace: '', name: node.name })
  const notReady = node.status !== 'Ready'
  return (
    <section
      className={`node-card node-${notReady ? 'not-ready' : 'ready'}${node.unschedulable ? ' cordoned' : ''}`}
      data-kind="Node"
      data-name={node.name}
      data-status={node.status}
      data-mode={data.mode}
      data-detail={low ? 'low' : 'full'}
      aria-label={`Node ${node.name}, ${node.status}`}
      onContextMenu={
        events.onContextMenu
          ? (e) => events.onContextMenu?.({ kind: 'Node', namespace: '', name: node.name }, e)
          : undefined
      }
    >
      <header
        className="node-header"
        role="button"
        tabIndex={0}
        aria-label={`Inspect node ${node.name}`}
        onClick={select}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault()
            select()
          }
        }}
      >
        <h3>
          <span className="node-dot" aria-hidden="true">
            {notReady ? '○' : '●'}
          </span>
          <span className="node-name">{node.name}</span>
          <span className={`node-status${notReady ? ' node-status-bad' : ''}`}>
            {node.status}
            {node.unschedulable ? ', SchedulingDisabled' : ''}
          </span>
        </h3>
        <p className="node-meta">
          {node.roles && node.roles.length > 0 ? node.roles.join(',') : 'worker'} · {node.cpu} CPU ·{' '}
          {node.memory}
        </p>
        <Bars node={node} />
      </header>
      <CardBody data={data} low={low} />
    </section>
  )
})

function CardBody({ data, low }: { data: NodeCardData; low: boolean }): React.JSX.Element {
  const { node, pods, tiles, bands, mode, counts, expandable, enterFrom } = data
  const toggle =
    expandable && node !== null ? (
      <button
        type="button"
        className="card-expand nodrag"
        onClick={() => useGraphOptions.getState().toggleExpanded(node.name)}
        aria-label={mode === 'counts' ? `Show the pods of ${node.name}` : `Show counts for ${node.name}`}
      >
        {mode === 'counts' ? `Show ${pods.length} pods` : 'Show counts'}
      </button>
    ) : null
  if (mode === 'counts') {
    return (
      <div className="pod-layer" role="list" aria-label="Pods by status">
        {counts.map((c) => {
          const s = FAMILY_STYLES[c.family]
          return (
            <div
              key={c.family}
              className={`count-chip pod-${c.family}`}
              role="listitem"
              data-family={c.family}
              data-count={c.count}
              style={{ transform: `translate(${c.x}px, ${c.y}px)` }}
              title={`${c.count} ${s.label}`}
            >
              <span className="pod-glyph" aria-hidden="true">
                {s.glyph}
              </span>
              <span className="count-number">{c.count}</span>
              <span className="visually-hidden">{s.label}</span>
            </div>
          )
        })}
        {toggle}
      </div>
    )
  }
  return (
    <div className="pod-layer" role="list">
      {bands.map((b) => (
        <div
          key={b.namespace}
          className="ns-band"
          aria-hidden="true"
          style={
            {
              '--ns-hue': namespaceHue(b.namespace),
              transform: `translate(${b.x - 4}px, ${b.y}px)`,
              width: b.width + 8,
              height: b.height + 4,
            } as React.CSSProperties
          }
        >
          <span className="ns-band-label">{b.namespace}</span>
        </div>
      ))}
      <AnimatePresence>
        {pods.map((p, i) => {
          const key = podKey(p)
          return <PodTile key={key} pod={p} at={tiles[i]!} from={enterFrom[key]} low={low} />
        })}
      </AnimatePresence>
      {toggle}
    </div>
  )
}

/** Requests against allocatable: cpu, memory and pod count, as `kubectl describe node` adds them up. */
function Bars({ node }: { node: NodeView }): React.JSX.Element | null {
  const req = node.requested
  const alloc = node.allocatable
  if (!req || !alloc) return null
  const rows = [
    {
      name: 'cpu',
      used: req.cpuMilli,
      total: alloc.cpuMilli,
      text: `${cpu(req.cpuMilli)} / ${cpu(alloc.cpuMilli)}`,
    },
    {
      name: 'mem',
      used: req.memoryBytes,
      total: alloc.memoryBytes,
      text: `${mem(req.memoryBytes)} / ${mem(alloc.memoryBytes)}`,
    },
    { name: 'pods', used: req.pods, total: alloc.pods, text: `${req.pods} / ${alloc.pods}` },
  ]
  return (
    <div className="node-bars">
      {rows.map((r) => {
        const pct = r.total > 0 ? Math.min(100, (r.used / r.total) * 100) : 0
        return (
          <div
            key={r.name}
            className={`node-bar${pct >= 90 ? ' node-bar-high' : ''}`}
            data-resource={r.name}
            data-used={r.used}
            data-total={r.total}
            title={`${r.name} requests ${r.text} (${Math.round(pct)}%)`}
          >
            <span className="node-bar-name">{r.name}</span>
            <span className="node-bar-track">
              <span className="node-bar-fill" style={{ width: `${pct}%` }} />
            </span>
            <span className="node-bar-text">{r.text}</span>
          </div>
        )
      })}
    </div>
  )
}

/** Millicores as kubectl prints cpu: `250m`, `2`, `1.5`. */
function cpu(milli: number): string {
  if (milli === 0) return '0'
  if (milli % 1000 === 0) return String(milli / 1000)
  return milli < 1000 ? `${milli}m` : `${(milli / 1000).toFixed(1)}`
}

/** Bytes in binary units: `64Mi`, `1.5Gi`. */
function mem(bytes: number): string {
  if (bytes === 0) return '0'
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti']
  let v = bytes
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)}${units[u]}`
}
