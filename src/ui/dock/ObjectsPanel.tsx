import { useState } from 'react'
import { useSelection } from '../../state/selection'
import { engineWorker } from '../../worker/client'
import type { ObjectRef } from '../../worker/protocol'
import { useAtCursor } from './useAtCursor'

/** Kinds in the order a reader looks for them: workloads, then networking, config, cluster. */
const ORDER = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'ResourceQuota', 'LimitRange', 'PodDisruptionBudget', 'Node', 'Namespace'] // prettier-ignore

const SYSTEM = (o: ObjectRef): boolean =>
  o.namespace.startsWith('kube-') ||
  (o.kind === 'Namespace' && o.name.startsWith('kube-')) ||
  (o.kind === 'Service' && o.namespace === 'default' && o.name === 'kubernetes')

const objectsAt = (atS: number): Promise<ObjectRef[]> => engineWorker().objects(atS)

/** Every object of the cluster at the time cursor, by kind; clicking one inspects it. */
export function ObjectsPanel(): React.JSX.Element {
  const [system, setSystem] = useState(false)
  const objects = useAtCursor(objectsAt)
  const selected = useSelection((s) => s.selected)
  if (objects === null) return <p className="dock-empty">…</p>
  const shown = objects.filter((o) => system || !SYSTEM(o))
  const kinds = [...new Set(shown.map((o) => o.kind))].sort((a, b) => {
    const ia = ORDER.indexOf(a)
    const ib = ORDER.indexOf(b)
    return (ia < 0 ? ORDER.length : ia) - (ib < 0 ? ORDER.length : ib) || (a < b ? -1 : 1)
  })
  return (
    <div className="objects-panel" data-testid="objects-list">
      <label className="objects-system">
        <input type="checkbox" checked={system} onChange={(e) => setSystem(e.target.checked)} /> show
        kube-system and the API server’s own
      </label>
      <dl className="objects-kinds">
        {kinds.map((kind) => (
          <div key={kind} className="objects-kind">
            <dt>{kind}</dt>
            <dd>
              {shown
                .filter((o) => o.kind === kind)
                .sort((a, b) => (a.namespace + a.name < b.namespace + b.name ? -1 : 1))
                .map((o) => {
                  const active =
                    selected?.kind === o.kind &&
                    selected.namespace === o.namespace &&
                    selected.name === o.name
                  return (
                    <button
                      key={`${o.namespace}/${o.name}`}
                      type="button"
                      className={`object-chip${active ? ' active' : ''}`}
                      aria-pressed={active}
                      aria-label={`Inspect ${o.kind} ${o.name}`}
                      data-object-kind={o.kind}
                      data-object-name={o.name}
                      onClick={() => useSelection.getState().select(o)}
                    >
                      {o.namespace && o.namespace !== 'default' ? (
                        <span className="object-ns">{o.namespace}/</span>
                      ) : null}
                      {o.name}
                    </button>
                  )
                })}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
