import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useGraphOptions, type Overlay } from '../../state/graph-options'
import { namespaceHue } from './status'

const OVERLAYS: { overlay: Overlay; label: string; title: string }[] = [
  {
    overlay: 'owners',
    label: 'Owners',
    title: 'Deployment → ReplicaSet → Pods, and every controller → its pods',
  },
  { overlay: 'endpoints', label: 'Endpoints', title: 'Service → the pods behind its ready endpoints' },
  { overlay: 'scheduling', label: 'Scheduling', title: 'Why each Pending pod fits on no node' },
]

export interface GraphToolbarProps {
  /** Namespaces present in the view (the legend), sorted. */
  readonly namespaces: readonly string[]
  readonly hidden: number
  readonly labelFilterValid: boolean
  readonly podCount: number
  readonly aggregated: boolean
}

/** Overlays, filters by namespace and label, search by name, and the tile limit: a bar over the graph. */
/** Memoised: the graph renders on every playback frame, the toolbar only when its props change. */
export const GraphToolbar = memo(function GraphToolbar({
  namespaces,
  hidden,
  labelFilterValid,
  podCount,
  aggregated,
}: GraphToolbarProps): React.JSX.Element {
  const o = useGraphOptions(
    useShallow((s) => ({
      overlays: s.overlays,
      hiddenNamespaces: s.hiddenNamespaces,
      labelFilter: s.labelFilter,
      search: s.search,
      tileLimit: s.tileLimit,
    })),
  )
  const api = useGraphOptions.getState()
  return (
    <div className="graph-toolbar" role="toolbar" aria-label="Graph options">
      <div className="toolbar-row">
        <span className="toolbar-group" role="group" aria-label="Overlays">
          {OVERLAYS.map(({ overlay, label, title }) => (
            <button
              key={overlay}
              type="button"
              className={`toolbar-toggle toggle-${overlay}`}
              aria-pressed={o.overlays[overlay]}
              title={title}
              onClick={() => api.toggleOverlay(overlay)}
            >
              <span className="toggle-swatch" aria-hidden="true" />
              {label}
            </button>
          ))}
        </span>
        <input
          type="search"
          className="toolbar-input"
          placeholder="Search pods"
          aria-label="Search pods by name"
          value={o.search}
          onChange={(e) => api.setSearch(e.target.value)}
        />
        <input
          type="text"
          className={`toolbar-input${labelFilterValid ? '' : ' invalid'}`}
          placeholder="Labels: app=web"
          aria-label="Filter pods by label selector"
          aria-invalid={!labelFilterValid}
          title={
            labelFilterValid ? 'A label selector, as kubectl get -l takes it' : 'Not a valid label selector'
          }
          value={o.labelFilter}
          onChange={(e) => api.setLabelFilter(e.target.value)}
          spellCheck={false}
        />
        <label className="toolbar-limit" title="Above this many pods, nodes show counts per status">
          Tiles up to
          <input
            type="number"
            min={0}
            step={100}
            aria-label="Tile limit"
            value={o.tileLimit}
            onChange={(e) => api.setTileLimit(Number(e.target.value))}
          />
        </label>
      </div>
      <div className="toolbar-row">
        <span className="toolbar-group ns-legend" role="group" aria-label="Namespaces">
          {namespaces.map((ns) => {
            const shown = !o.hiddenNamespaces.includes(ns)
            return (
              <button
                key={ns}
                type="button"
                className="ns-chip"
                aria-pressed={shown}
                aria-label={`Namespace ${ns}`}
                title={shown ? `Hide namespace ${ns}` : `Show namespace ${ns}`}
                style={{ '--ns-hue': namespaceHue(ns) } as React.CSSProperties}
                onClick={() => api.toggleNamespace(ns)}
              >
                <span className="ns-swatch" aria-hidden="true" />
                {ns}
              </button>
            )
          })}
          {/* Hidden namespaces with nothing left in view stay listed, so they can be shown again. */}
          {o.hiddenNamespaces
            .filter((ns) => !namespaces.includes(ns))
            .map((ns) => (
              <button
                key={ns}
                type="button"
                className="ns-chip"
                aria-pressed={false}
                aria-label={`Namespace ${ns}`}
                style={{ '--ns-hue': namespaceHue(ns) } as React.CSSProperties}
                onClick={() => api.toggleNamespace(ns)}
              >
                <span className="ns-swatch" aria-hidden="true" />
                {ns}
              </button>
            ))}
        </span>
        <span className="toolbar-note" data-testid="graph-note" aria-live="polite">
          {hidden > 0 ? `${hidden} pod${hidden === 1 ? '' : 's'} hidden by filters` : ''}
          {hidden > 0 && aggregated ? ' · ' : ''}
          {aggregated ? `${podCount} pods: nodes show counts (click one to open it)` : ''}
        </span>
      </div>
    </div>
  )
})
