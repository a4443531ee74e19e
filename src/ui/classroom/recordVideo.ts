import { ArrayBufferTarget, Muxer } from 'webm-muxer'
import { fitInto, VIDEO_FPS, VIDEO_HEIGHT, VIDEO_WIDTH } from './videoPlan'

/** The encoders tried, best first: WebCodecs' codec string and the WebM (Matroska) codec id. */
const CODECS = [
  { codec: 'vp09.00.10.08', webm: 'V_VP9' },
  { codec: 'vp8', webm: 'V_VP8' },
] as const

export interface WebmEncoder {
  readonly config: VideoEncoderConfig
  readonly webmCodec: string
}

/** The VP9 (or VP8) encoder this browser has for a WebM video, or null when it has none. */
export async function webmEncoder(fps: number = VIDEO_FPS): Promise<WebmEncoder | null> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined') return null
  for (const c of CODECS) {
    const config: VideoEncoderConfig = {
      codec: c.codec,
      width: VIDEO_WIDTH,
      height: VIDEO_HEIGHT,
      bitrate: 2_000_000,
      framerate: fps,
    }
    try {
      if ((await VideoEncoder.isConfigSupported(config)).supported) return { config, webmCodec: c.webm }
    } catch {
      // An encoder that cannot even say: try the next.
    }
  }
  return null
}

export interface RecordOptions {
  /** The simulated moment (seconds) of each frame, in order. */
  readonly times: readonly number[]
  /** The SVG picture of the cluster at a moment. */
  frameAt(timeS: number): Promise<string>
  /** The colour around pictures that do not fill the frame. */
  readonly background: string
  readonly encoder: WebmEncoder
  onProgress(done: number, total: number): void
  readonly signal: AbortSignal
  readonly fps?: number
}

/**
 * Records the frames into a WebM video: each picture is drawn on a canvas, encoded with WebCodecs'
 * VideoEncoder at its own timestamp (frame i at i ÷ fps seconds) and muxed by webm-muxer. Nothing
 * depends on the clock, so the video lasts exactly what the plan says however long frames take to make,
 * and the file states its duration. Rejects with an `AbortError` when cancelled.
 */
export async function recordVideo(options: RecordOptions): Promise<Blob> {
  const { times, frameAt, background, encoder: chosen, onProgress, signal } = options
  const fps = options.fps ?? VIDEO_FPS
  const canvas = document.createElement('canvas')
  canvas.width = VIDEO_WIDTH
  canvas.height = VIDEO_HEIGHT
  const ctx = canvas.getContext('2d')
  if (ctx === null) throw new Error('this browser gives no 2D canvas to draw the video on')
  const muxer = new Muxer({
    target: new ArrayBufferTarget(),
    video: { codec: chosen.webmCodec, width: VIDEO_WIDTH, height: VIDEO_HEIGHT, frameRate: fps },
  })
  let failure: Error | null = null
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (e) => (failure = e),
  })
  encoder.configure(chosen.config)
  const frameUs = 1_000_000 / fps
  let lastSvg = ''
  try {
    for (let i = 0; i < times.length; i++) {
      if (signal.aborted) throw abortError()
      if (failure) throw failure
      const svg = await frameAt(times[i]!)
      // Consecutive frames often show the same picture: it is drawn once.
      if (svg !== lastSvg) {
        const image = await svgImage(svg)
        ctx.fillStyle = background
        ctx.fillRect(0, 0, canvas.width, canvas.height)
        const at = fitInto(image.naturalWidth, image.naturalHeight, canvas.width, canvas.height)
        ctx.drawImage(image, at.x, at.y, at.width, at.height)
        lastSvg = svg
      }
      const frame = new VideoFrame(canvas, {
        timestamp: Math.round(i * frameUs),
        duration: Math.round(frameUs),
      })
      // A key frame every two seconds, so the video can be scrubbed.
      encoder.encode(frame, { keyFrame: i % (2 * fps) === 0 })
      frame.close()
      // The encoder works in the background: let it catch up rather than queue every frame.
      while (encoder.encodeQueueSize > 4) await new Promise((r) => setTimeout(r, 5))
      onProgress(i + 1, times.length)
    }
    await encoder.flush()
    if (failure) throw failure
  } finally {
    if (encoder.state !== 'closed') encoder.close()
  }
  if (signal.aborted) throw abortError()
  muxer.finalize()
  return new Blob([muxer.target.buffer], { type: 'video/webm' })
}

/** An SVG text as a decoded image. */
async function svgImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }))
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    return img
  } finally {
    URL.revokeObjectURL(url)
  }
}

function abortError(): DOMException {
  return new DOMException('The video export was cancelled', 'AbortError')
}
