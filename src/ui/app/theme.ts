import { browserStore } from '../../state/browser-store'
import { initialTheme, THEME_STORAGE_KEY, useTheme } from '../../state/theme'

function storedTheme(): string | null {
  try {
    return browserStore()?.getItem(THEME_STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

/**
 * Opens with the stored theme (or the system's), keeps `<html data-theme>` in step with the store, stores
 * the reader's choice, and follows the system setting until the reader chooses. Runs before the first render
 * so the page never flashes the other theme.
 */
export function startTheme(): void {
  const media = window.matchMedia?.('(prefers-color-scheme: dark)')
  const stored = storedTheme()
  const theme = initialTheme(stored, media?.matches ?? false)
  useTheme.setState({ theme, chosen: stored === theme })
  document.documentElement.dataset.theme = theme
  useTheme.subscribe((s, prev) => {
    if (s.theme !== prev.theme) document.documentElement.dataset.theme = s.theme
    if (s.chosen && (s.theme !== prev.theme || !prev.chosen)) {
      try {
        browserStore()?.setItem(THEME_STORAGE_KEY, s.theme)
      } catch {
        // Storage full or refused: the choice lasts for this page only.
      }
    }
  })
  media?.addEventListener?.('change', (e) => useTheme.getState().systemChanged(e.matches))
}
