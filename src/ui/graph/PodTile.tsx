import { memo, useState } from 'react'
import type { PodView, ProbeDot } from '../../engine'
import { useSelection } from '../../state/selection'
import { useGraphEvents } from './events'
import type { Point } from './layout'
import { useGraphMotion } from './motion'
import { useChangeCount, useLeaving } from './presence'
import { FAMILY_STYLES, middleEllipsis, namespaceHue, statusFamily } from './status'

const PROBE_NAME = { S: 'startup', L: 'liveness', R: 'readiness' } as const

export interface PodTileProps {
  readonly pod: PodView
  /** Where the tile sits in its card. */
  readonly at: Point
  /** Where it comes from when it just moved here from another card (relative to `at`). */
  readonly from?: Point
  /**
   * Zoomed out past reading (detail.ts): the tile is its status colour and a large glyph, without its
   * text and probe dots; its data attributes, title and label stay.
   */
  readonly low?: boolean
  /** Extra data attributes for the tile's element (handlers come through {@link useGraphEvents}). */
  readonly extra?: Readonly<Record<`data-${string}`, string>>
}

/** How long the exit animations last (styles.css `tile-out`, `tile-evict`). */
const EXIT_MS = 450
const EVICT_MS = 650

/**
 * One pod, drawn inside its node's card. Its data attributes are the page contract of DESIGN §4.
 * It appears (grows in), moves when the pods before it change, rings in its new colour when its status
 * family changes, flashes on each crash, pulses a probe dot on each probe tick, fades out when it goes,
 * and rises out of its node when it is evicted.
 */
export const PodTile = memo(function PodTile({
  pod,
  at,
  from,
  low = false,
  extra,
}: PodTileProps): React.JSX.Element {
  const family = statusFamily(pod.status, pod.ready)
  const style = FAMILY_STYLES[family]
  const ring = useChangeCount(family)
  const crash = useChangeCount(pod.lastCrashMs ?? null, (v) => v !== null)
  // A tile on its way out (the pod left this card) no longer stands for the pod: it drops the page's
  // data attributes so only the live tile answers for it.
  const leaving = useLeaving(pod.evicted ? EVICT_MS : EXIT_MS)
  const present = !leaving
  // A tile that comes from another card (a pod just scheduled) flies from where it was: a CSS
  // animation (motion.css `tile-fly`) from where it was when it appeared, which matters only once.
  const [cameFrom] = useState(from)
  const events = useGraphEvents()
  const { motion } = useGraphMotion()
  const selected = useSelection(
    (s) =>
      s.selected?.kind === 'Pod' && s.selected.namespace === pod.namespace && s.selected.name === pod.name,
  )
  const select = (): void =>
    useSelection.getState().select({ kind: 'Pod', namespace: pod.namespace, name: pod.name })
  const data = present
    ? {
        'data-kind': 'Pod',
        'data-namespace': pod.namespace,
        'data-name': pod.name,
        'data-status': pod.status,
        'data-ready': pod.ready,
        'data-restarts': pod.restarts,
        ...(pod.evicted ? { 'data-evicted': pod.evicted } : {}),
      }
    : { 'aria-hidden': true }
  return (
    <div
      className={`pod-tile pod-${family}${selected ? ' selected' : ''}${pod.evicted ? ' evicted' : ''}${leaving ? (pod.evicted ? ' tile-evict' : ' tile-out') : ''}${cameFrom ? ' tile-moved' : ''}${low ? ' tile-low' : ''}`}
      onClick={select}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          select()
        }
      }}
      onContextMenu={
        events.onContextMenu
          ? (e) => events.onContextMenu?.({ kind: 'Pod', namespace: pod.namespace, name: pod.name }, e)
          : undefined
      }
      tabIndex={present ? 0 : -1}
      aria-pressed={selected}
      style={
        {
          '--ns-hue': namespaceHue(pod.namespace),
          transform: `translate(${at.x}px, ${at.y}px)`,
          ...(cameFrom ? { '--from-x': `${cameFrom.x}px`, '--from-y': `${cameFrom.y}px` } : {}),
        } as React.CSSProperties
      }
      {...data}
      title={`${pod.namespace}/${pod.name}\n${pod.status} · ready ${pod.ready} · restarts ${pod.restarts}${pod.evicted ? `\nevicted (${pod.evicted})` : ''}`}
      role="listitem"
      aria-label={`Pod ${pod.name}, ${pod.status}, ready ${pod.ready}`}
      {...extra}
    >
      <span className="pod-glyph" aria-hidden="true">
        {style.glyph}
      </span>
      {low ? null : (
        <>
          <span className="pod-name">{middleEllipsis(pod.name, 17)}</span>
          <span className="pod-status">
            <span className="pod-status-text">
              {pod.evicted ? 'Evicted · ' : ''}
              {pod.status} · {pod.ready}
              {pod.restarts > 0 ? ` · ↻${pod.restarts}` : ''}
            </span>
            {pod.probes && pod.probes.length > 0 ? (
              <span className="probe-dots">
                {pod.probes.map((d) => (
                  <ProbeDotView key={`${d.container}/${d.kind}`} dot={d} />
                ))}
              </span>
            ) : null}
          </span>
        </>
      )}
      {/* A ring in the new colour when the status family changes (not on first appearance), and a
          flash on each crash or kill (the container's exit moment changes). CSS animations restarted
          by a new key: hundreds of tiles can change in one frame. */}
      {motion && ring > 0 ? <span key={`ring${ring}`} className="tile-ring" aria-hidden="true" /> : null}
      {motion && crash > 0 ? (
        <span key={`crash${crash}`} className="crash-flash" aria-hidden="true" data-crash={pod.lastCrashMs} />
      ) : null}
    </div>
  )
})

/** S / L / R: filled green on success, hollow red on failure, grey before the first result; a count while failing. */
function ProbeDotView({ dot }: { dot: ProbeDot }): React.JSX.Element {
  const failing = dot.state === 'fail' && dot.count !== undefined && dot.threshold !== undefined
  const tick = useChangeCount(dot.lastMs ?? null, (v) => v !== null)
  const { pulses } = useGraphMotion()
  return (
    <span
      className={`probe-dot probe-${dot.state}`}
      data-probe={dot.kind}
      data-state={dot.state}
      data-count={dot.count ?? 0}
      data-tick={dot.lastMs ?? ''}
      title={`${PROBE_NAME[dot.kind]} probe of ${dot.container}: ${
        dot.state === 'pass' ? 'passing' : dot.state === 'fail' ? 'failing' : 'no result yet'
      }${failing ? ` (${dot.count} of ${dot.threshold} failures)` : ''}`}
    >
      {dot.kind}
      {failing ? <sub className="probe-count">{dot.count}</sub> : null}
      {pulses && tick > 0 ? <span key={tick} className="probe-pulse" aria-hidden="true" /> : null}
    </span>
  )
}
