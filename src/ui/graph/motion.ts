import { createContext, useContext } from 'react'

/**
 * What the graph animates right now (ClusterGraph decides from the pod count and the speed). Parts
 * that do not move are not drawn at all: inserting hidden elements still costs style and layout work
 * on every frame of playback.
 */
export interface GraphMotion {
  /** Tiles ring on a status change and flash on a crash. */
  readonly motion: boolean
  /** Probe dots pulse on each probe tick. */
  readonly pulses: boolean
}

export const GraphMotionContext = createContext<GraphMotion>({ motion: true, pulses: true })

export function useGraphMotion(): GraphMotion {
  return useContext(GraphMotionContext)
}
