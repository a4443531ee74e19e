import { describe, expect, it } from 'vitest'
import { presentingFrom } from './presenter'
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

describe('presentingFrom', () => {
  it('reads ?present from the query and the present flag of a link fragment', () => {
    expect(presentingFrom('?present', '')).toBe(true)
    expect(presentingFrom('', '#v1.abc&present')).toBe(true)
    expect(presentingFrom('', '#present&v1.abc')).toBe(true)
    expect(presentingFrom('', '#v1.abc&embed')).toBe(false)
    expect(presentingFrom('?presenter', '#v1.present')).toBe(false)
  })
})
