import { useStore } from '@xyflow/react'

/**
 * Below this zoom a tile's 14 px text is drawn under 6 px on screen: too small for anyone to read, yet
 * laying it out costs more than anything else on the page when hundreds of pods change at once
 * (readiness probes that started together fail together). Tiles then draw what still reads from afar,
 * their status as a colour and a large glyph; zooming in brings their text back.
 */
export const LOW_DETAIL_ZOOM = 0.4

/** Whether the graph is zoomed out past {@link LOW_DETAIL_ZOOM} (inside React Flow). */
export function useLowDetail(): boolean {
  return useStore((s) => s.transform[2] < LOW_DETAIL_ZOOM)
}
