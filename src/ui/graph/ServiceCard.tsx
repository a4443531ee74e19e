import type { Node, NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useGraphEvents } from './events'
import type { ServiceCardData } from './layout'
import { useSelectableCard } from './useSelectableCard'
import { namespaceHue } from './status'

export type ServiceCardNode = Node<ServiceCardData, 'service'>

/** A Service with its type, ports and how many ready endpoints it has. */
export const ServiceCard = memo(function ServiceCard({
  data,
}: NodeProps<ServiceCardNode>): React.JSX.Element {
  const { service } = data
  const events = useGraphEvents()
  const selector = Object.entries(service.selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
  const notReady = service.notReadyPods?.length ?? 0
  const { selected, props } = useSelectableCard({
    kind: 'Service',
    namespace: service.namespace,
    name: service.name,
  })
  return (
    <section
      className={`service-card${service.endpoints === 0 ? ' no-endpoints' : ''}${selected ? ' selected' : ''}`}
      data-kind="Service"
      data-namespace={service.namespace}
      data-name={service.name}
      data-endpoints={service.endpoints}
      aria-label={`Service ${service.name}, ${service.endpoints} ready endpoints`}
      style={{ '--ns-hue': namespaceHue(service.namespace) } as React.CSSProperties}
      {...props}
      onContextMenu={
        events.onContextMenu
          ? (e) =>
              events.onContextMenu?.({ kind: 'Service', namespace: service.namespace, name: service.name }, e)
          : undefined
      }
    >
      <h3>
        <span aria-hidden="true">⇄ </span>
        {service.name}
      </h3>
      <p>
        {service.type} · {service.ports}
      </p>
      <p className="service-endpoints">
        {notReady > 0 ? (
          <>
            <strong>{service.endpoints}</strong> of {service.endpoints + notReady} endpoints ready
          </>
        ) : (
          <>
            <strong>{service.endpoints}</strong> ready endpoint{service.endpoints === 1 ? '' : 's'}
          </>
        )}
      </p>
      <p className="service-selector">{selector ? selector : 'no selector'}</p>
    </section>
  )
})
