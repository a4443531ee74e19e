import { describe, expect, it } from 'vitest'
import { viewModeFrom } from './viewMode'

describe('viewModeFrom', () => {
  it('reads ?embed from the query and embed from the fragment flags', () => {
    expect(viewModeFrom('?embed', '')).toBe('embed')
    expect(viewModeFrom('?x=1&embed=1', '')).toBe('embed')
    expect(viewModeFrom('', '#embed&s=abc')).toBe('embed')
    expect(viewModeFrom('', '#s=abc&embed')).toBe('embed')
  })

  it('is the full page otherwise, even when a link payload contains the letters', () => {
    expect(viewModeFrom('', '')).toBe('full')
    expect(viewModeFrom('?embedded', '#s=embedxyz')).toBe('full')
  })
})
