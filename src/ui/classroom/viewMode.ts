/**
 * How the page is shown, from its address: `?embed` (or `embed` among the `&`-separated flags of the
 * fragment, e.g. `#embed&s=…`) shows only the graph and the timeline, for an iframe.
 */
export type ViewMode = 'full' | 'embed'

export function viewModeFrom(search: string, hash: string): ViewMode {
  const query = new URLSearchParams(search)
  if (query.has('embed')) return 'embed'
  const flags = hash.replace(/^#/, '').split('&')
  return flags.some((f) => f === 'embed' || f.startsWith('embed=')) ? 'embed' : 'full'
}

export function currentViewMode(): ViewMode {
  return typeof location === 'undefined' ? 'full' : viewModeFrom(location.search, location.hash)
}
