import { create } from 'zustand'

/** The overlays the graph can draw over the cluster. */
export type Overlay = 'owners' | 'endpoints' | 'scheduling'

/** Above this many pod tiles, node cards show counts per status instead (a setting). */
export const DEFAULT_TILE_LIMIT = 500

/** What the graph shows: overlays, filters and the tile limit. Plain data, so a link can carry it. */
export interface GraphOptionsState {
  readonly overlays: Readonly<Record<Overlay, boolean>>
  /** Namespaces whose pods, Services and controllers are hidden. */
  readonly hiddenNamespaces: readonly string[]
  /** A label selector, as `kubectl get -l` takes it: `app=web,tier!=db,canary`. */
  readonly labelFilter: string
  /** Pods whose name contains this (case-insensitive) stay; the others are hidden. */
  readonly search: string
  readonly tileLimit: number
  /** Node cards opened to their tiles while the graph shows counts (by node name). */
  readonly expanded: readonly string[]
  toggleOverlay(overlay: Overlay): void
  toggleNamespace(namespace: string): void
  setLabelFilter(filter: string): void
  setSearch(search: string): void
  setTileLimit(limit: number): void
  toggleExpanded(node: string): void
}

export const useGraphOptions = create<GraphOptionsState>()((set) => ({
  overlays: { owners: false, endpoints: true, scheduling: true },
  hiddenNamespaces: [],
  labelFilter: '',
  search: '',
  tileLimit: DEFAULT_TILE_LIMIT,
  expanded: [],
  toggleOverlay: (overlay) => set((s) => ({ overlays: { ...s.overlays, [overlay]: !s.overlays[overlay] } })),
  toggleNamespace: (namespace) => set((s) => ({ hiddenNamespaces: toggle(s.hiddenNamespaces, namespace) })),
  setLabelFilter: (labelFilter) => set({ labelFilter }),
  setSearch: (search) => set({ search }),
  setTileLimit: (limit) => set({ tileLimit: Number.isFinite(limit) && limit >= 0 ? Math.floor(limit) : 0 }),
  toggleExpanded: (node) => set((s) => ({ expanded: toggle(s.expanded, node) })),
}))

function toggle(list: readonly string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item].sort()
}
