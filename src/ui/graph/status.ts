/**
 * The visual language of a pod tile: each kubectl STATUS falls into one family, drawn with a colour from
 * the Okabe–Ito palette (safe for colour-blind eyes) AND a glyph or border style, never colour alone.
 */
export type StatusFamily =
  'ready' | 'not-ready' | 'pending' | 'failing' | 'completed' | 'terminating' | 'unknown'

export interface FamilyStyle {
  readonly label: string
  readonly color: string
  /** A glyph shown on the tile, '' for none. */
  readonly glyph: string
}

/** Colours are CSS custom properties (styles.css `:root`), so a theme can change them in one place. */
export const FAMILY_STYLES: Readonly<Record<StatusFamily, FamilyStyle>> = {
  ready: { label: 'Running, ready', color: 'var(--status-ready)', glyph: '' },
  'not-ready': { label: 'Running, not ready', color: 'var(--status-ready)', glyph: '◐' },
  pending: { label: 'Pending / creating', color: 'var(--status-pending)', glyph: '…' },
  failing: { label: 'Crashing / failing', color: 'var(--status-failing)', glyph: '✕' },
  completed: { label: 'Completed', color: 'var(--status-completed)', glyph: '✓' },
  terminating: { label: 'Terminating', color: 'var(--status-terminating)', glyph: '↓' },
  unknown: { label: 'Unknown (node lost)', color: 'var(--status-unknown)', glyph: '?' },
}

/** The order families are counted in on a card that shows counts instead of tiles. */
export const FAMILY_ORDER: readonly StatusFamily[] = [
  'ready',
  'not-ready',
  'pending',
  'failing',
  'completed',
  'terminating',
  'unknown',
]

const FAILING = new Set([
  'CrashLoopBackOff',
  'Error',
  'OOMKilled',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'StartError',
  'ContainerStatusUnknown',
  'Failed',
  'Evicted',
])
const PENDING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated'])

/**
 * The family of a kubectl STATUS string, given the READY column (`1/2`).
 *
 * @example
 * statusFamily('Running', '0/1') // 'not-ready'
 * statusFamily('Init:CrashLoopBackOff', '0/1') // 'failing'
 */
export function statusFamily(status: string, ready: string): StatusFamily {
  if (status === 'Terminating') return 'terminating'
  if (status === 'Unknown') return 'unknown'
  if (status === 'Completed' || status === 'Succeeded') return 'completed'
  if (status === 'NotReady') return 'not-ready'
  if (status === 'Running') {
    const [have, want] = ready.split('/')
    return have === want ? 'ready' : 'not-ready'
  }
  if (status.startsWith('Init:')) {
    const rest = status.slice(5)
    return /^\d+\/\d+$/.test(rest) ? 'pending' : 'failing'
  }
  if (PENDING.has(status)) return 'pending'
  if (FAILING.has(status) || status.startsWith('Signal:') || status.startsWith('ExitCode:')) return 'failing'
  return 'pending'
}

/**
 * Hues for namespace bands, chosen away from the status colours (orange and vermillion 20–50, bluish
 * green 150–180, the Completed blue near 205, the Unknown pink near 327) and far from each other, in an
 * order where (indigo for default, teal for kube-system, olive, rose, violet, magenta, mustard) the common namespaces (default, kube-system, shop, prod, dev, staging, monitoring) all
 * get different ones with the hash below.
 */
const NAMESPACE_HUES = [282, 190, 75, 262, 120, 348, 210, 232, 55, 302] as const

/** A stable hue for a namespace, so its pods share a band colour wherever they run. */
export function namespaceHue(namespace: string): number {
  let h = 0
  for (let i = 0; i < namespace.length; i++) h = (Math.imul(h, 105) + namespace.charCodeAt(i)) >>> 0
  return NAMESPACE_HUES[h % NAMESPACE_HUES.length]!
}

/**
 * Shortens a long name in the middle, keeping both ends: the random suffix that tells pods apart is at
 * the end. `web-7b79fcd8b7-vbs99` fits; `a-very-long-deployment-name-7b79fcd8b7-vbs99` → `a-very-lon…cd8b7-vbs99` (22).
 */
export function middleEllipsis(name: string, max: number): string {
  if (name.length <= max) return name
  const tail = Math.ceil((max - 1) / 2)
  return `${name.slice(0, max - 1 - tail)}…${name.slice(name.length - tail)}`
}
