/**
 * The plan of a video export: which simulated moments become frames. The simulated time advances by a
 * fixed step per frame (speed ÷ frame rate), whatever the time it takes to draw them, so a video of the
 * same range and speed always shows the same moments.
 */

/** Frames per second of the exported video. */
export const VIDEO_FPS = 30
/** The exported video's size: 16:9, even numbers as VP8/VP9 want. */
export const VIDEO_WIDTH = 1280
export const VIDEO_HEIGHT = 720
/** The simulated time a new export covers by default. */
export const DEFAULT_VIDEO_SPAN_S = 30
/** Most frames one export records (about ten minutes of video at 30 fps). */
export const MAX_VIDEO_FRAMES = 18_000

export interface VideoRange {
  readonly fromS: number
  readonly toS: number
}

/** From the cursor to 30 s later, or to the horizon if it comes first (back from it if the cursor is there). */
export function defaultVideoRange(timeS: number, horizonS: number): VideoRange {
  const end = Math.max(0, Math.floor(horizonS))
  const from = Math.min(Math.max(0, Math.floor(timeS)), end)
  if (from + 1 <= end) return { fromS: from, toS: Math.min(from + DEFAULT_VIDEO_SPAN_S, end) }
  return { fromS: Math.max(0, end - DEFAULT_VIDEO_SPAN_S), toS: end }
}

export type VideoPlan =
  | { readonly ok: true; readonly times: readonly number[]; readonly videoS: number }
  | { readonly ok: false; readonly reason: string }

/**
 * The simulated moments (seconds) of each frame for `range` played at `speed` simulated seconds per
 * second of video: from `fromS`, one step of speed ÷ fps per frame, the last one at `toS`.
 */
export function videoPlan(
  range: VideoRange,
  speed: number,
  horizonS: number,
  fps: number = VIDEO_FPS,
): VideoPlan {
  const { fromS, toS } = range
  if (!Number.isFinite(fromS) || !Number.isFinite(toS) || fromS < 0)
    return { ok: false, reason: 'From and To must be times in seconds' }
  if (toS <= fromS) return { ok: false, reason: 'To must come after From' }
  if (toS > horizonS) return { ok: false, reason: `the timeline ends at ${Math.floor(horizonS)} s` }
  if (!(speed > 0)) return { ok: false, reason: 'the speed must be above 0' }
  const step = speed / fps
  const count = Math.ceil((toS - fromS) / step - 1e-9) + 1
  if (count > MAX_VIDEO_FRAMES)
    return { ok: false, reason: `that is ${count} frames; at most ${MAX_VIDEO_FRAMES} (raise the speed or shorten the range)` } // prettier-ignore
  const times = Array.from({ length: count }, (_, i) => Math.min(toS, fromS + i * step))
  return { ok: true, times, videoS: (count - 1) / fps }
}

/** Where a picture of `w`×`h` goes in a frame of `W`×`H`: as large as fits (at most 2×), centred. */
export function fitInto(
  w: number,
  h: number,
  W: number,
  H: number,
): { x: number; y: number; width: number; height: number } {
  const scale = Math.min(2, W / w, H / h)
  const width = w * scale
  const height = h * scale
  return { x: (W - width) / 2, y: (H - height) / 2, width, height }
}
