import { describe, expect, it } from 'vitest'
import { defaultVideoRange, fitInto, MAX_VIDEO_FRAMES, videoPlan } from './videoPlan'

describe('the video plan', () => {
  it('defaults to the cursor and 30 s after it, cut at the horizon', () => {
    expect(defaultVideoRange(40.6, 600)).toEqual({ fromS: 40, toS: 70 })
    expect(defaultVideoRange(590, 600)).toEqual({ fromS: 590, toS: 600 })
    expect(defaultVideoRange(600, 600)).toEqual({ fromS: 570, toS: 600 })
    expect(defaultVideoRange(5, 20)).toEqual({ fromS: 5, toS: 20 })
    expect(defaultVideoRange(20, 20)).toEqual({ fromS: 0, toS: 20 })
  })

  it('steps the simulated time by speed ÷ fps per frame, the last frame at To', () => {
    const plan = videoPlan({ fromS: 40, toS: 42 }, 4, 600, 30)
    expect(plan.ok).toBe(true)
    if (!plan.ok) return
    // 2 s of simulation at 4× is half a second of video: 15 steps of 2/15 s, 16 frames.
    expect(plan.times).toHaveLength(16)
    expect(plan.times[0]).toBe(40)
    expect(plan.times[1]).toBeCloseTo(40 + 4 / 30, 9)
    expect(plan.times.at(-1)).toBe(42)
    expect(plan.videoS).toBeCloseTo(0.5, 9)
    // The same range and speed give the same moments.
    expect(videoPlan({ fromS: 40, toS: 42 }, 4, 600, 30)).toEqual(plan)
  })

  it('ends exactly at To when the step does not divide the range', () => {
    const plan = videoPlan({ fromS: 0, toS: 1 }, 16, 600, 30)
    expect(plan.ok && plan.times).toEqual([0, 16 / 30, 1])
  })

  it('refuses ranges it cannot record, saying why', () => {
    expect(videoPlan({ fromS: 10, toS: 10 }, 4, 600)).toEqual({
      ok: false,
      reason: 'To must come after From',
    })
    expect(videoPlan({ fromS: 10, toS: 700 }, 4, 600)).toEqual({
      ok: false,
      reason: 'the timeline ends at 600 s',
    })
    expect(videoPlan({ fromS: -1, toS: 5 }, 4, 600).ok).toBe(false)
    expect(videoPlan({ fromS: Number.NaN, toS: 5 }, 4, 600).ok).toBe(false)
    const long = videoPlan({ fromS: 0, toS: 3600 }, 0.25, 3600)
    expect(long.ok).toBe(false)
    expect(!long.ok && long.reason).toContain(`at most ${MAX_VIDEO_FRAMES}`)
  })

  it('fits a picture into the frame, centred, never more than twice its size', () => {
    expect(fitInto(640, 360, 1280, 720)).toEqual({ x: 0, y: 0, width: 1280, height: 720 })
    expect(fitInto(2560, 720, 1280, 720)).toEqual({ x: 0, y: 180, width: 1280, height: 360 })
    expect(fitInto(100, 100, 1280, 720)).toEqual({ x: 540, y: 260, width: 200, height: 200 })
  })
})
