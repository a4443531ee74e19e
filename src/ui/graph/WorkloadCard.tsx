import type { Node, NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useGraphEvents } from './events'
import type { WorkloadCardData } from './layout'
import { useSelectableCard } from './useSelectableCard'
import { namespaceHue } from './status'

export type WorkloadCardNode = Node<WorkloadCardData, 'workload'>

const ICON: Record<string, string> = {
  Deployment: '⟳',
  ReplicaSet: '▦',
  StatefulSet: '⋮',
  DaemonSet: '⊞',
  Job: '▶',
  CronJob: '⏲',
}

/** A controller of pods (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob) with kubectl's summary. */
export const WorkloadCard = memo(function WorkloadCard({
  data,
}: NodeProps<WorkloadCardNode>): React.JSX.Element {
  const { workload } = data
  const events = useGraphEvents()
  const target = { kind: workload.kind, namespace: workload.namespace, name: workload.name }
  const { selected, props } = useSelectableCard(target)
  return (
    <section
      className={`workload-card workload-${workload.kind.toLowerCase()}${workload.desired === 0 ? ' scaled-down' : ''}${selected ? ' selected' : ''}`}
      data-kind={workload.kind}
      data-namespace={workload.namespace}
      data-name={workload.name}
      aria-label={`${workload.kind} ${workload.name}, ${workload.summary}`}
      style={{ '--ns-hue': namespaceHue(workload.namespace) } as React.CSSProperties}
      {...props}
      onContextMenu={events.onContextMenu ? (e) => events.onContextMenu?.(target, e) : undefined}
    >
      <p className="workload-kind">
        <span aria-hidden="true">{ICON[workload.kind] ?? '◆'} </span>
        {workload.kind}
      </p>
      <h3 title={`${workload.namespace}/${workload.name}`}>{workload.name}</h3>
      <p className="workload-summary">{workload.summary}</p>
    </section>
  )
})
