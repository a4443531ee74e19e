import { describe, expect, it } from 'vitest'
import { adjacentMarker, formatClock } from './timeline'

describe('timeline helpers', () => {
  it('formats the cursor as the page shows it', () => {
    expect(formatClock(0)).toBe('0s')
    expect(formatClock(83.7)).toBe('1m23s')
    expect(formatClock(3600 + 62)).toBe('1h01m02s')
  })

  it('finds the marked moment before and after the cursor', () => {
    const markers = [{ t: 5 }, { t: 35 }, { t: 45 }]
    expect(adjacentMarker(markers, 35.5, 1)).toBe(45)
    expect(adjacentMarker(markers, 35.5, -1)).toBe(5)
    expect(adjacentMarker(markers, 45, 1)).toBeNull()
    expect(adjacentMarker(markers, 5, -1)).toBeNull()
  })
})
