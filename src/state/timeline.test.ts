import { describe, expect, it } from 'vitest'
import { adjacentMarker, formatClock, markerKind, stepSpeed } from './timeline'

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

  it('steps between moments of one kind', () => {
    const markers = [
      { t: 5, reason: 'Scheduled' },
      { t: 35, reason: 'Unhealthy' },
      { t: 45, reason: 'Killing' },
      { t: 50, reason: 'Unhealthy' },
    ]
    expect(adjacentMarker(markers, 0, 1, 'probe-failed')).toBe(35)
    expect(adjacentMarker(markers, 35, 1, 'probe-failed')).toBe(50)
    expect(adjacentMarker(markers, 50, -1, 'killed')).toBe(45)
    expect(adjacentMarker(markers, 50, 1, 'killed')).toBeNull()
    expect(adjacentMarker(markers, 0, 1, 'ready')).toBeNull()
  })

  it('names the kind of each reason and steps the speed within its range', () => {
    expect(markerKind('TaintManagerEviction')).toBe('evicted')
    expect(markerKind('Ready')).toBe('ready')
    expect(markerKind('Completed')).toBeNull()
    expect(stepSpeed(4, 1)).toBe(16)
    expect(stepSpeed(4, -1)).toBe(1)
    expect(stepSpeed(64, 1)).toBe(64)
    expect(stepSpeed(0.25, -1)).toBe(0.25)
  })
})
