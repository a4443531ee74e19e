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

export function currentViewMode(): ViewMode {
  return typeof location === 'undefined' ? 'full' : viewModeFrom(location.search, location.hash)
}

/** The flags a share link made now carries, so that it opens in the mode the page is in. */
export function currentLinkFlags(): LinkFlag[] {
  const flags: LinkFlag[] = []
  if (currentViewMode() === 'embed') flags.push('embed')
  if (usePresenter.getState().presenting) flags.push('present')
  return flags
}
