import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate'

/**
 * Share links (DESIGN §5). Everything lives in the URL fragment, which browsers never send to a server:
 *
 *     #v1.<payload>
 *
 * `v1` is the link format, read before anything is decompressed. The payload is base64url (RFC 4648 §5, no
 * padding) of raw deflate of one header line of JSON, a newline, then the scenario text as it is (the
 * recorded actions live in its `kind: Scenario` document). The header holds the engine version that made
 * the link, the time cursor in seconds, the selected object and the view options.
 *
 * Mode flags may follow the payload, `&`-separated (base64url never holds `&`): `#v1.<payload>&present`
 * opens in presenter mode, `&embed` in embed mode (see `fragmentFlags`). They are not part of the payload,
 * so links without them, made before them, decode as they always did.
 *
 * Decoding never throws and never evaluates anything: links come from anywhere. It refuses oversized
 * links before decoding them, stops decompressing past the size kubeplay accepts for a scenario
 * (decompression bombs), and validates every header field. Older formats decode for ever: `v1` and the
 * provisional `s=1.deflate:…&t=…&sel=…` of kubeplay 0.1 (see `link.test.ts` and its fixtures).
 */

/** The format this version writes. */
export const LINK_FORMAT = 1

/** The longest fragment read at all; a 2 MB scenario compresses to far less. */
export const MAX_LINK_CHARS = 4 * 1024 * 1024

/** The most bytes a link may decompress to: the largest scenario text (2 MB) and its header. */
export const MAX_DECODED_BYTES = 2 * 1024 * 1024 + 64 * 1024

/** How a link asks the page to open: embedded (graph and timeline only) or presenting. */
export const LINK_FLAGS = ['embed', 'present'] as const
export type LinkFlag = (typeof LINK_FLAGS)[number]

/**
 * The mode flags among the `&`-separated parts of a fragment (`embed`, `present`, or `embed=…`), and
 * the fragment without them.
 */
export function fragmentFlags(fragment: string): { flags: LinkFlag[]; rest: string } {
  const flags: LinkFlag[] = []
  const rest: string[] = []
  for (const part of fragment.replace(/^#/, '').split('&')) {
    const flag = LINK_FLAGS.find((f) => part === f || part.startsWith(`${f}=`))
    if (flag === undefined) rest.push(part)
    else if (!flags.includes(flag)) flags.push(flag)
  }
  return { flags, rest: rest.filter((p) => p !== '').join('&') }
}

/** What a link reproduces. */
export interface SharedState {
  /** The scenario text, recorded actions included. */
  readonly text: string
  /** The time cursor, in seconds since the scenario was applied. */
  readonly atS: number
  /** The selected object, `kind/namespace/name` or `kind/name` (lower-case kind), if any. */
  readonly select?: string
  /** View options (overlays, filters, …): a flat map of short names to simple values. */
  readonly view?: Readonly<Record<string, string | number | boolean | readonly string[]>>
  /** The mode the link opens in, written after the payload. */
  readonly flags?: readonly LinkFlag[]
}

export interface DecodedLink extends SharedState {
  /** The link format it was written in. */
  readonly format: number
  /** The engine version that made it (null for the provisional format, which did not record it). */
  readonly engine: number | null
}

export type LinkResult = { ok: true; link: DecodedLink } | { ok: false; reason: string }

/** The fragment (without `#`) for a state, made by engine version `engine`. */
export function encodeLink(state: SharedState, engine: number): string {
  const header: Record<string, unknown> = { e: engine, t: roundTime(state.atS) }
  if (state.select) header.sel = state.select
  if (state.view && Object.keys(state.view).length > 0) header.o = state.view
  const bytes = deflateSync(strToU8(`${JSON.stringify(header)}\n${state.text}`), { level: 9 })
  const flags = LINK_FLAGS.filter((f) => state.flags?.includes(f)).map((f) => `&${f}`)
  return `v${LINK_FORMAT}.${toBase64Url(bytes)}${flags.join('')}`
}

/** The full link: `base` without its fragment, then `#` and the fragment. */
export function shareUrl(base: string, state: SharedState, engine: number): string {
  return `${base.replace(/#.*$/, '')}#${encodeLink(state, engine)}`
}

/** Whether a fragment looks like a kubeplay link at all (so other fragments are left alone). */
export function isLinkFragment(fragment: string): boolean {
  const f = fragmentFlags(fragment).rest
  return /^v\d+\./.test(f) || f.startsWith('s=')
}

/** Reads a fragment (with or without `#`). */
export function decodeLink(fragment: string): LinkResult {
  if (fragment.length > MAX_LINK_CHARS + 64)
    return fail(
      `the link is ${megabytes(fragment.length)} long; kubeplay links are at most ${megabytes(MAX_LINK_CHARS)}`,
    )
  const { flags, rest: f } = fragmentFlags(fragment)
  const decoded = decodeFormat(f)
  return decoded.ok && flags.length > 0 ? { ok: true, link: { ...decoded.link, flags } } : decoded
}

function decodeFormat(f: string): LinkResult {
  if (f.length > MAX_LINK_CHARS)
    return fail(
      `the link is ${megabytes(f.length)} long; kubeplay links are at most ${megabytes(MAX_LINK_CHARS)}`,
    )
  const versioned = /^v(\d+)\.(.*)$/s.exec(f)
  if (versioned) {
    const format = Number(versioned[1])
    if (format !== 1)
      return fail(
        format > LINK_FORMAT
          ? `the link was made by a newer kubeplay (link format ${format}); this one reads formats up to ${LINK_FORMAT}`
          : `link format ${format} does not exist`,
      )
    return decodeV1(versioned[2]!)
  }
  if (f.startsWith('s=')) return decodeProvisional(f)
  return fail('this is not a kubeplay link')
}

function decodeV1(payload: string): LinkResult {
  const inflated = inflatePayload(payload)
  if (!inflated.ok) return inflated
  const text = inflated.text
  const nl = text.indexOf('\n')
  if (nl < 0) return fail('the link is damaged (it has no header)')
  let header: unknown
  try {
    header = JSON.parse(text.slice(0, nl))
  } catch {
    return fail('the link is damaged (its header is not readable)')
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    return fail('the link is damaged (its header is not readable)')
  const h = header as Record<string, unknown>
  const engine = h.e
  if (typeof engine !== 'number' || !Number.isInteger(engine) || engine < 1)
    return fail('the link is damaged (it does not say which engine made it)')
  const atS = h.t ?? 0
  if (typeof atS !== 'number' || !Number.isFinite(atS) || atS < 0)
    return fail('the link is damaged (its time is not a number of seconds)')
  const select = h.sel
  if (select !== undefined && !isSelection(select))
    return fail('the link is damaged (its selection is not kind/namespace/name)')
  const view = h.o
  if (view !== undefined && !isViewOptions(view))
    return fail('the link is damaged (its view options are not readable)')
  return {
    ok: true,
    link: {
      format: 1,
      engine,
      text: text.slice(nl + 1),
      atS,
      ...(select !== undefined ? { select } : {}),
      ...(view !== undefined ? { view } : {}),
    },
  }
}

/** kubeplay 0.1's `s=1.deflate:<payload>&t=<seconds>&sel=<kind/ns/name>`. */
function decodeProvisional(f: string): LinkResult {
  const params = new Map<string, string>()
  for (const part of f.split('&')) {
    const eq = part.indexOf('=')
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1))
  }
  const s = params.get('s') ?? ''
  if (!s.startsWith('1.deflate:')) return fail('this is not a kubeplay link')
  const inflated = inflatePayload(s.slice('1.deflate:'.length))
  if (!inflated.ok) return inflated
  const atS = Number(params.get('t') ?? '0')
  if (!Number.isFinite(atS) || atS < 0)
    return fail('the link is damaged (its time is not a number of seconds)')
  let select: string | undefined
  if (params.has('sel')) {
    try {
      select = decodeURIComponent(params.get('sel')!)
    } catch {
      return fail('the link is damaged (its selection is not kind/namespace/name)')
    }
    if (!isSelection(select)) return fail('the link is damaged (its selection is not kind/namespace/name)')
  }
  return {
    ok: true,
    link: { format: 0, engine: null, text: inflated.text, atS, ...(select ? { select } : {}) },
  }
}

type Inflated = { ok: true; text: string } | { ok: false; reason: string }

function inflatePayload(payload: string): Inflated {
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return fail('the link holds characters a kubeplay link never has')
  if (payload.length % 4 === 1) return fail('the link is damaged or cut short')
  const bytes = fromBase64Url(payload)
  // Inflated a little at a time, so that a decompression bomb is stopped as soon as it passes the limit.
  const chunks: Uint8Array[] = []
  let size = 0
  let tooBig = false
  const inflate = new Inflate((chunk) => {
    size += chunk.length
    if (size > MAX_DECODED_BYTES) {
      tooBig = true
      throw new Error('too big')
    }
    chunks.push(chunk)
  })
  try {
    const STEP = 1024
    for (let i = 0; i < bytes.length; i += STEP)
      inflate.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length)
    if (bytes.length === 0) inflate.push(new Uint8Array(0), true)
  } catch {
    return fail(
      tooBig
        ? `the link expands to more than ${megabytes(MAX_DECODED_BYTES)}, more than any scenario kubeplay accepts`
        : 'the link is damaged or cut short (it does not decompress)',
    )
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  try {
    return { ok: true, text: strFromU8(out) }
  } catch {
    return fail('the link is damaged (it is not text)')
  }
}

const SELECTION = /^[a-z]+(\/[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?){1,2}$/

/** Whether `v` names an object as links and `--select` do: `kind/namespace/name` or `kind/name`. */
export function isSelection(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 600 && SELECTION.test(v)
}

function isViewOptions(v: unknown): v is NonNullable<SharedState['view']> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const entries = Object.entries(v)
  if (entries.length > 50) return false
  return entries.every(
    ([k, x]) =>
      /^[a-zA-Z][a-zA-Z0-9]{0,30}$/.test(k) &&
      (typeof x === 'boolean' ||
        (typeof x === 'number' && Number.isFinite(x)) ||
        (typeof x === 'string' && x.length <= 1000) ||
        (Array.isArray(x) && x.length <= 200 && x.every((y) => typeof y === 'string' && y.length <= 300))),
  )
}

function roundTime(s: number): number {
  return Math.max(0, Math.round(s * 1000) / 1000)
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason }
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(s: string): Uint8Array {
  const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}
