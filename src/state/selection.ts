import { create } from 'zustand'

/** What the inspector shows: an object of the cluster, by kind, namespace and name. */
export interface Selection {
  readonly kind: 'Pod' | 'Node' | 'Service'
  readonly namespace: string
  readonly name: string
}

export type InspectorTab = 'describe' | 'yaml' | 'logs'

export interface SelectionState {
  readonly selected: Selection | null
  readonly tab: InspectorTab
  select(selection: Selection | null): void
  setTab(tab: InspectorTab): void
}

export const useSelection = create<SelectionState>()((set) => ({
  selected: null,
  tab: 'describe',
  select: (selected) => set({ selected }),
  setTab: (tab) => set({ tab }),
}))

/** The kubectl command behind an inspector tab. */
export function inspectorCommand(s: Selection, tab: InspectorTab): string[] {
  const resource = s.kind === 'Pod' ? 'pod' : s.kind === 'Node' ? 'node' : 'service'
  const ns = s.kind === 'Node' ? [] : ['-n', s.namespace]
  switch (tab) {
    case 'describe':
      return ['describe', resource, s.name, ...ns]
    case 'yaml':
      return ['get', resource, s.name, ...ns, '-o', 'yaml']
    case 'logs':
      return ['logs', s.name, ...ns]
  }
}
