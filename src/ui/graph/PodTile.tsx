import { motion, useIsPresent } from 'motion/react'
import type { PodView } from '../../engine'
import { useSelection } from '../../state/selection'
import { FAMILY_STYLES, middleEllipsis, namespaceHue, statusFamily } from './status'

const PROBE_NAME = { S: 'startup', L: 'liveness', R: 'readiness' } as const

/** One pod, drawn inside its node's card. Its data attributes are the page contract of DESIGN §4. */
export function PodTile({ pod }: { pod: PodView }): React.JSX.Element {
  const family = statusFamily(pod.status, pod.ready)
  const style = FAMILY_STYLES[family]
  // A tile on its way out (the pod left this card) no longer stands for the pod: it drops the page's
  // data attributes so only the live tile answers for it.
  const present = useIsPresent()
  const selected = useSelection(
    (s) =>
      s.selected?.kind === 'Pod' && s.selected.namespace === pod.namespace && s.selected.name === pod.name,
  )
  const data = present
    ? {
        'data-kind': 'Pod',
        'data-namespace': pod.namespace,
        'data-name': pod.name,
        'data-status': pod.status,
        'data-ready': pod.ready,
        'data-restarts': pod.restarts,
      }
    : { 'aria-hidden': true }
  return (
    <motion.div
      layout="position"
      initial={{ opacity: 0, scale: 0.6 }}
      animate={{ opacity: 1, scale: 1 }}
      exit={{ opacity: 0, scale: 0.6 }}
      transition={{ duration: 0.3 }}
      className={`pod-tile pod-${family}${selected ? ' selected' : ''}`}
      onClick={() =>
        useSelection.getState().select({ kind: 'Pod', namespace: pod.namespace, name: pod.name })
      }
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          useSelection.getState().select({ kind: 'Pod', namespace: pod.namespace, name: pod.name })
        }
      }}
      tabIndex={present ? 0 : -1}
      aria-pressed={selected}
      style={
        {
          '--status': style.color,
          '--ns': `hsl(${namespaceHue(pod.namespace)} 45% 50%)`,
        } as React.CSSProperties
      }
      {...data}
      title={`${pod.namespace}/${pod.name}\n${pod.status} · ready ${pod.ready} · restarts ${pod.restarts}`}
      role="listitem"
      aria-label={`Pod ${pod.name}, ${pod.status}, ready ${pod.ready}`}
    >
      <span className="pod-glyph" aria-hidden="true">
        {style.glyph}
      </span>
      <span className="pod-name">{middleEllipsis(pod.name, 24)}</span>
      <span className="pod-status">
        <span className="pod-status-text">
          {pod.status} · {pod.ready}
          {pod.restarts > 0 ? ` · ↻${pod.restarts}` : ''}
        </span>
        {pod.probes && pod.probes.length > 0 ? (
          <span className="probe-dots">
            {pod.probes.map((d) => (
              <span
                key={`${d.container}/${d.kind}`}
                className={`probe-dot probe-${d.state}`}
                data-probe={d.kind}
                data-state={d.state}
                title={`${PROBE_NAME[d.kind]} probe of ${d.container}: ${d.state === 'pass' ? 'passing' : d.state === 'fail' ? 'failing' : 'no result yet'}`}
              >
                {d.kind}
              </span>
            ))}
          </span>
        ) : null}
      </span>
    </motion.div>
  )
}
