import { motion, useIsPresent } from 'motion/react'
import type { PodView } from '../../engine'
import { FAMILY_STYLES, middleEllipsis, namespaceHue, statusFamily } from './status'

/** One pod, drawn inside its node's card. Its data attributes are the page contract of DESIGN §4. */
export function PodTile({ pod }: { pod: PodView }): React.JSX.Element {
  const family = statusFamily(pod.status, pod.ready)
  const style = FAMILY_STYLES[family]
  // A tile on its way out (the pod left this card) no longer stands for the pod: it drops the page's
  // data attributes so only the live tile answers for it.
  const present = useIsPresent()
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
      className={`pod-tile pod-${family}`}
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
        {pod.status} · {pod.ready}
        {pod.restarts > 0 ? ` · ↻${pod.restarts}` : ''}
      </span>
    </motion.div>
  )
}
