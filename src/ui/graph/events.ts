import { createContext, useContext } from 'react'

/** An object of the cluster drawn on the graph, as a user action names it. */
export interface GraphTarget {
  /** `Pod`, `Node`, `Service`, `Deployment`, `ReplicaSet`, `StatefulSet`, `DaemonSet`, `Job`, `CronJob`. */
  readonly kind: string
  /** '' for Nodes. */
  readonly namespace: string
  readonly name: string
}

/**
 * Hooks the page can attach to what the graph draws (a context menu of actions on pods, nodes and
 * controllers). Each card and tile calls them with its object; none is required.
 */
export interface GraphEvents {
  onContextMenu?(target: GraphTarget, event: React.MouseEvent): void
}

export const GraphEventsContext = createContext<GraphEvents>({})

export function useGraphEvents(): GraphEvents {
  return useContext(GraphEventsContext)
}
