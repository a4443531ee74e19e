/**
 * How the page is shown, from its address: `?embed` (or `embed` among the `&`-separated flags of the
 * fragment, e.g. `#embed&s=…`) shows only the graph and the timeline, for an iframe.
 */
import { fragmentFlags, type LinkFlag } from '../../share/link'
import { usePresenter } from './presenter'

export type ViewMode = 'full' | 'embed'

export function viewModeFrom(search: string, hash: string): ViewMode {
  const query = new URLSearchParams(search)
  if (query.has('embed')) return 'embed'
  return fragmentFlags(hash).flags.includes('embed') ? 'embed' : 'full'
}

let current: ViewMode | null = null

/**
 * The page's view mode, read from the address once and again on each fragment change: the page asks
 * on every render, and a fragment can be megabytes long (a link, or a hostile one).
 */
export function currentViewMode(): ViewMode {
  if (typeof location === 'undefined') return 'full'
  if (current === null) {
    current = viewModeFrom(location.search, location.hash)
    window.addEventListener('hashchange', () => {
      current = viewModeFrom(location.search, location.hash)
    })
  }
  return current
}

/** The flags a share link made now carries, so that it opens in the mode the page is in. */
export function currentLinkFlags(): LinkFlag[] {
  const flags: LinkFlag[] = []
  if (currentViewMode() === 'embed') flags.push('embed')
  if (usePresenter.getState().presenting) flags.push('present')
  return flags
}
