import { create } from 'zustand'

/** How the page is laid out: whether the editor takes its column, whether the legend is spread out. */
interface LayoutState {
  readonly editorOpen: boolean
  readonly legendOpen: boolean
  toggleEditor(): void
  toggleLegend(): void
}

/** The legend opens spread out where the graph has room for it (not on a 1280×720 projector). */
export function legendOpenByDefault(width: number, height: number): boolean {
  return width >= 1400 && height >= 820
}

export const useLayout = create<LayoutState>()((set) => ({
  editorOpen: true,
  legendOpen:
    typeof window === 'undefined' ? true : legendOpenByDefault(window.innerWidth, window.innerHeight),
  toggleEditor: () => set((s) => ({ editorOpen: !s.editorOpen })),
  toggleLegend: () => set((s) => ({ legendOpen: !s.legendOpen })),
}))
