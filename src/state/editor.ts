import { create } from 'zustand'

/** A place in the scenario text the editor is asked to show (1-based, as diagnostics give it). */
export interface RevealRequest {
  readonly line: number
  readonly col: number
  /** Bumped on every request, so asking twice for the same place still moves the cursor. */
  readonly seq: number
}

export interface EditorState {
  readonly reveal: RevealRequest | null
  /** Moves the editor's cursor to a place and focuses the editor (e.g. a problem was clicked). */
  revealAt(line: number, col: number): void
}

export const useEditor = create<EditorState>()((set, get) => ({
  reveal: null,
  revealAt: (line, col) => set({ reveal: { line, col, seq: (get().reveal?.seq ?? 0) + 1 } }),
}))
