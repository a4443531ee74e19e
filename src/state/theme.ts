import { create } from 'zustand'

/** The page's colour theme. Light and dark cover every panel, the editor included. */
export type Theme = 'light' | 'dark'

/** Where the reader's choice is kept: a preference of this browser, never part of a share link. */
export const THEME_STORAGE_KEY = 'kubeplay.theme'

/** The theme to open with: the reader's stored choice, else what the system asks for. */
export function initialTheme(stored: string | null, systemPrefersDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored
  return systemPrefersDark ? 'dark' : 'light'
}

export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark'
}

interface ThemeState {
  readonly theme: Theme
  /** True once the reader chose a theme; until then the page follows the system setting. */
  readonly chosen: boolean
  /** The reader's choice (stored). */
  choose(theme: Theme): void
  /** The system setting changed: followed only while the reader has not chosen. */
  systemChanged(prefersDark: boolean): void
}

export const useTheme = create<ThemeState>()((set) => ({
  theme: 'light',
  chosen: false,
  choose: (theme) => set({ theme, chosen: true }),
  systemChanged: (prefersDark) => set((s) => (s.chosen ? s : { theme: prefersDark ? 'dark' : 'light' })),
}))
