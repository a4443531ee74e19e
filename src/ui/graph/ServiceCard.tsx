import type { Node, NodeProps } from '@xyflow/react'
import type { ServiceCardData } from './layout'

export type ServiceCardNode = Node<ServiceCardData, 'service'>

/** A Service with its type, ports and how many ready endpoints it has. */
export function ServiceCard({ data }: NodeProps<ServiceCardNode>): React.JSX.Element {
  const { service } = data
  const selector = Object.entries(service.selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
  return (
    <section
      className={`service-card${service.endpoints === 0 ? ' no-endpoints' : ''}`}
      data-kind="Service"
      data-namespace={service.namespace}
      data-name={service.name}
      data-endpoints={service.endpoints}
      aria-label={`Service ${service.name}, ${service.endpoints} ready endpoints`}
    >
      <h3>
        <span aria-hidden="true">⇄ </span>
        {service.name}
      </h3>
      <p>
        {service.type} · {service.ports}
      </p>
      <p>
        {service.endpoints} endpoint{service.endpoints === 1 ? '' : 's'}
        {selector ? ` · ${selector}` : ' · no selector'}
      </p>
    </section>
  )
}
