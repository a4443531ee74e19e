import { create } from 'zustand'

/**
 * What the inspector shows: an object of the cluster, by kind, namespace and name (namespace empty for
 * cluster-scoped kinds such as Node).
 */
export interface Selection {
  readonly kind: string
  readonly namespace: string
  readonly name: string
}

export type InspectorTab = 'describe' | 'events' | 'yaml' | 'logs'

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

/** The kinds `kubectl describe` prints in kubeplay (the engine's kubectl DESCRIBABLE). */
export const DESCRIBED_KINDS = ['Pod', 'Node', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Endpoints', 'ResourceQuota', 'PodDisruptionBudget'] // prettier-ignore

/** The inspector tabs an object of `kind` has, in order. */
export function inspectorTabs(kind: string): InspectorTab[] {
  return [
    ...(DESCRIBED_KINDS.includes(kind) ? (['describe'] as const) : []),
    'events',
    'yaml',
    ...(kind === 'Pod' ? (['logs'] as const) : []),
  ]
}

/** The kubectl command behind an inspector tab. */
export function inspectorCommand(s: Selection, tab: InspectorTab): string[] {
  const resource = s.kind.toLowerCase()
  const ns = s.namespace === '' ? [] : ['-n', s.namespace]
  switch (tab) {
    case 'describe':
      return ['describe', resource, s.name, ...ns]
    case 'events':
      return [
        'get',
        'events',
        ...(s.namespace === '' ? ['-A'] : ns),
        '--field-selector',
        `involvedObject.kind=${s.kind},involvedObject.name=${s.name}`,
      ]
    case 'yaml':
      return ['get', resource, s.name, ...ns, '-o', 'yaml']
    case 'logs':
      return ['logs', s.name, ...ns]
  }
}
