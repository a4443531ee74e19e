import { useId, useState } from 'react'
import { actionTarget, SCALABLE, type UserAction } from '../../state/action-kinds'
import { performAction } from '../../state/perform'
import { selectErrorCount, useScenario } from '../../state/scenario'
import type { Selection } from '../../state/selection'
import { formatClock, useTimeline } from '../../state/timeline'
import { useObjectAt } from './useObjectAt'
import './actions.css'

/**
 * What can be done to an object at the time cursor: delete a pod or kill one of its containers, fail,
 * recover, cordon, uncordon or drain a node, scale a Deployment, ReplicaSet or StatefulSet (and a pod's
 * owner). Each action is written into the scenario's timeline at the cursor.
 */
export function ObjectActions({
  target,
  onDone,
}: {
  target: Selection
  onDone?: () => void
}): React.JSX.Element {
  const obj = useObjectAt(target.kind, target.namespace, target.name)
  const errors = useScenario(selectErrorCount)
  const timeS = Math.floor(useTimeline((s) => s.timeS))
  const owner = useScenario(
    (s) =>
      s.view?.pods.find((p) => p.namespace === target.namespace && p.name === target.name)?.owner ?? null,
  )
  const act = (a: UserAction): void => {
    void performAction(a).then((done) => {
      if (done) onDone?.()
    })
  }
  const ref = actionTarget(target.kind, target.namespace, target.name)
  const rows: React.JSX.Element[] = []

  if (target.kind === 'Pod' && obj) {
    const terminating = Boolean(obj.metadata?.deletionTimestamp)
    rows.push(
      <ActionButton
        key="delete"
        label="Delete pod"
        hint={terminating ? 'already terminating' : 'kubectl delete: graceful termination'}
        disabled={terminating}
        onClick={() => act({ action: 'delete', target: ref })}
      />,
    )
    const running = (obj.status?.containerStatuses ?? []).filter((c) => c.state?.running).map((c) => c.name)
    rows.push(<KillRow key="kill" containers={running} onKill={(container, exitCode) => act({ action: 'kill-container', target: ref, container, exitCode })} />) // prettier-ignore
    const [ownerKind, ownerName] = owner?.split('/') ?? []
    if (ownerKind && ownerName && (SCALABLE as readonly string[]).includes(ownerKind))
      rows.push(
        <ScaleRow
          key="scale-owner"
          kind={ownerKind}
          namespace={target.namespace}
          name={ownerName}
          onScale={act}
        />,
      )
  } else if (target.kind === 'Node' && obj) {
    const ready = obj.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True'
    rows.push(
      ready ? (
        <ActionButton
          key="fail"
          label="Fail node"
          hint="the machine stops: its kubelet no longer reports"
          onClick={() => act({ action: 'fail-node', target: ref })}
        />
      ) : (
        <ActionButton
          key="recover"
          label="Recover node"
          hint="its kubelet reports again"
          onClick={() => act({ action: 'recover-node', target: ref })}
        />
      ),
      obj.spec?.unschedulable ? (
        <ActionButton
          key="uncordon"
          label="Uncordon"
          hint="new pods may be scheduled here again"
          onClick={() => act({ action: 'uncordon', target: ref })}
        />
      ) : (
        <ActionButton
          key="cordon"
          label="Cordon"
          hint="no new pods are scheduled here"
          onClick={() => act({ action: 'cordon', target: ref })}
        />
      ),
      <ActionButton
        key="drain"
        label="Drain"
        hint="cordon, then evict its pods"
        onClick={() => act({ action: 'drain', target: ref })}
      />,
    )
  } else if ((SCALABLE as readonly string[]).includes(target.kind)) {
    rows.push(
      <ScaleRow
        key="scale"
        kind={target.kind}
        namespace={target.namespace}
        name={target.name}
        onScale={act}
      />,
    )
  }

  return (
    <div className="object-actions" data-testid="object-actions">
      {obj === null ? (
        <p className="actions-note">
          No {target.kind} {target.name} at t = {formatClock(timeS)}.
        </p>
      ) : obj === undefined ? (
        <p className="actions-note">…</p>
      ) : rows.length === 0 ? (
        <p className="actions-note">No actions for a {target.kind}.</p>
      ) : (
        <>
          {rows}
          <p className="actions-note">
            {errors > 0
              ? 'Fix the errors in the YAML first.'
              : `At t = ${formatClock(timeS)}, written into the scenario's timeline.`}
          </p>
        </>
      )}
    </div>
  )
}

function ActionButton({
  label,
  hint,
  disabled = false,
  onClick,
}: {
  label: string
  hint: string
  disabled?: boolean
  onClick: () => void
}): React.JSX.Element {
  return (
    <button type="button" className="action-row action-button" disabled={disabled} onClick={onClick}>
      <span className="action-label">{label}</span>
      <span className="action-hint">{hint}</span>
    </button>
  )
}

/** Kill a running container with an exit code (137 is what SIGKILL gives, 0 a clean exit). */
function KillRow({
  containers,
  onKill,
}: {
  containers: readonly string[]
  onKill: (container: string, exitCode: number) => void
}): React.JSX.Element {
  const id = useId()
  const [container, setContainer] = useState('')
  const [exitCode, setExitCode] = useState('1')
  const chosen = containers.includes(container) ? container : (containers[0] ?? '')
  const code = Number(exitCode)
  const valid = chosen !== '' && Number.isInteger(code) && code >= 0 && code <= 255
  return (
    <div className="action-row action-form" role="group" aria-label="Kill a container">
      <span className="action-label">Kill container</span>
      {containers.length > 1 ? (
        <select aria-label="Container" value={chosen} onChange={(e) => setContainer(e.target.value)}>
          {containers.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ) : (
        <span className="action-value">{chosen || 'none running'}</span>
      )}
      <label htmlFor={`${id}-code`}>exit code</label>
      <input
        id={`${id}-code`}
        type="number"
        min={0}
        max={255}
        value={exitCode}
        onChange={(e) => setExitCode(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && valid) onKill(chosen, code)
        }}
      />
      <button type="button" disabled={!valid} onClick={() => onKill(chosen, code)}>
        Kill
      </button>
    </div>
  )
}

/** Scale a Deployment, ReplicaSet or StatefulSet to a replica count. */
function ScaleRow({
  kind,
  namespace,
  name,
  onScale,
}: {
  kind: string
  namespace: string
  name: string
  onScale: (a: UserAction) => void
}): React.JSX.Element | null {
  const id = useId()
  const obj = useObjectAt(kind, namespace, name)
  const current = obj?.spec?.replicas ?? 1
  const [wanted, setWanted] = useState<string | null>(null)
  if (!obj) return null
  const value = wanted ?? String(current + 1)
  const replicas = Number(value)
  const valid = Number.isInteger(replicas) && replicas >= 0 && replicas <= 1000
  const go = (): void => {
    if (valid) onScale({ action: 'scale', target: actionTarget(kind, namespace, name), replicas })
  }
  return (
    <div className="action-row action-form" role="group" aria-label={`Scale ${kind.toLowerCase()} ${name}`}>
      <span className="action-label">
        Scale {kind.toLowerCase()}/{name}
      </span>
      <span className="action-hint">now {current}</span>
      <label htmlFor={`${id}-replicas`}>to</label>
      <input
        id={`${id}-replicas`}
        type="number"
        min={0}
        max={1000}
        value={value}
        aria-label="Replicas"
        onChange={(e) => setWanted(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go()
        }}
      />
      <button type="button" disabled={!valid} onClick={go}>
        Scale
      </button>
    </div>
  )
}
