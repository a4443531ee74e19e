import { describe, expect, it } from 'vitest'
import type { TimelineMarker } from '../../worker/protocol'
import { explainMarker, importantAt, importantBetween } from './presenter'

const marker = (t: number, reason: string, sample = `Pod/p: ${reason}`): TimelineMarker => ({
  t,
  reason,
  type: 'Warning',
  count: 1,
  sample,
})

const markers = [
  marker(5, 'Scheduled'),
  marker(35, 'Unhealthy', 'Pod/liveness-exec: Liveness probe failed: cat: no such file'),
  marker(45, 'Killing'),
  marker(60, 'BackOff'),
]

describe('important moments', () => {
  it('finds the first important marker strictly after from and up to to, skipping the ordinary ones', () => {
    expect(importantBetween(markers, 0, 30)).toBeNull()
    expect(importantBetween(markers, 0, 100)?.t).toBe(35)
    // The one playback stopped on is not found again when it resumes from there.
    expect(importantBetween(markers, 35, 50)?.t).toBe(45)
    expect(importantBetween(markers, 45, 59.9)).toBeNull()
  })

  it('lists the important markers of the cursor’s second', () => {
    expect(importantAt(markers, 35.7).map((m) => m.reason)).toEqual(['Unhealthy'])
    expect(importantAt(markers, 5)).toEqual([])
  })

  it('tells liveness from readiness failures by the message', () => {
    expect(explainMarker(markers[1]!)).toMatch(/liveness probe failed.*kills the container/)
    expect(explainMarker(marker(9, 'Unhealthy', 'Pod/x: Readiness probe failed: 503'))).toMatch(
      /no longer ready.*not restarted/,
    )
    expect(explainMarker(markers[3]!)).toMatch(/CrashLoopBackOff/)
  })
})
