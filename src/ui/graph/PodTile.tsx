import { AnimatePresence, motion, useIsPresent } from 'motion/react'
import { memo } from 'react'
import type { PodView, ProbeDot } from '../../engine'
import { useSelection } from '../../state/selection'
import { useGraphEvents } from './events'
import type { Point } from './layout'
import { FAMILY_STYLES, middleEllipsis, namespaceHue, statusFamily } from './status'

const PROBE_NAME = { S: 'startup', L: 'liveness', R: 'readiness' } as const

export interface PodTileProps {
  readonly pod: PodView
  /** Where the tile sits in its card. */
  readonly at: Point
  /** Where it comes from when it just moved here from another card (relative to `at`). */
  readonly from?: Point
  /** Extra data attributes for the tile's element (handlers come through {@link useGraphEvents}). */
  readonly extra?: Readonly<Record<`data-${string}`, string>>
}

const MOVE = { duration: 0.35, ease: [0.2, 0.7, 0.3, 1] } as const

/**
 * One pod, drawn inside its node's card. Its data attributes are the page contract of DESIGN §4.
 * It appears (grows in), moves when the pods before it change, rings in its new colour when its status
 * family changes, flashes on each crash, pulses a probe dot on each probe tick, fades out when it goes,
 * and rises out of its node when it is evicted.
 */
export const PodTile = memo(function PodTile({ pod, at, from, extra }: PodTileProps): React.JSX.Element {
  const family = statusFamily(pod.status, pod.ready)
  const style = FAMILY_STYLES[family]
  // A tile on its way out (the pod left this card) no longer stands for the pod: it drops the page's
  // data attributes so only the live tile answers for it.
  const present = useIsPresent()
  const events = useGraphEvents()
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
    <motion.div
      initial={
        from
          ? { x: at.x + from.x, y: at.y + from.y, opacity: 1, scale: 1 }
          : { x: at.x, y: at.y, opacity: 0, scale: 0.6 }
      }
      animate={{ x: at.x, y: at.y, opacity: 1, scale: 1 }}
      exit={
        pod.evicted
          ? { x: at.x, y: at.y - 36, opacity: 0, scale: 0.9, transition: { duration: 0.6 } }
          : { opacity: 0, scale: 0.7, transition: { duration: 0.45 } }
      }
      transition={MOVE}
      className={`pod-tile pod-${family}${selected ? ' selected' : ''}${pod.evicted ? ' evicted' : ''}`}
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
      style={{ '--ns-hue': namespaceHue(pod.namespace) } as React.CSSProperties}
      {...data}
      title={`${pod.namespace}/${pod.name}\n${pod.status} · ready ${pod.ready} · restarts ${pod.restarts}${pod.evicted ? `\nevicted (${pod.evicted})` : ''}`}
      role="listitem"
      aria-label={`Pod ${pod.name}, ${pod.status}, ready ${pod.ready}`}
      {...extra}
    >
      <span className="pod-glyph" aria-hidden="true">
        {style.glyph}
      </span>
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
      {/* A ring in the new colour when the status family changes (not on first appearance). */}
      <AnimatePresence initial={false}>
        <motion.span
          key={family}
          className="tile-ring"
          aria-hidden="true"
          initial={{ opacity: 0.95, scale: 1 }}
          animate={{ opacity: 0, scale: 1.12 }}
          exit={{ opacity: 0 }}
          transition={{ duration: 0.9, ease: 'easeOut' }}
        />
      </AnimatePresence>
      {/* A flash on each crash or kill: the container's exit moment changes. */}
      <AnimatePresence initial={false}>
        {pod.lastCrashMs !== null && pod.lastCrashMs !== undefined ? (
          <motion.span
            key={pod.lastCrashMs}
            className="crash-flash"
            aria-hidden="true"
            data-crash={pod.lastCrashMs}
            initial={{ opacity: 0.9 }}
            animate={{ opacity: 0, x: [0, -4, 4, -3, 3, 0] }}
            exit={{ opacity: 0 }}
            transition={{ duration: 0.8, ease: 'easeOut' }}
          />
        ) : null}
      </AnimatePresence>
    </motion.div>
  )
})

/** S / L / R: filled green on success, hollow red on failure, grey before the first result; a count while failing. */
function ProbeDotView({ dot }: { dot: ProbeDot }): React.JSX.Element {
  const failing = dot.state === 'fail' && dot.count !== undefined && dot.threshold !== undefined
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
      <AnimatePresence initial={false}>
        {dot.lastMs !== null && dot.lastMs !== undefined ? (
          <motion.span
            key={dot.lastMs}
            className="probe-pulse"
            aria-hidden="true"
            initial={{ opacity: 0.9, scale: 1 }}
            animate={{ opacity: 0, scale: 2.1 }}
            exit={{ opacity: 0 }}
            transition={{ duration: 0.55, ease: 'easeOut' }}
          />
        ) : null}
      </AnimatePresence>
    </span>
  )
}
