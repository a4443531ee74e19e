import { useEffect, useState } from 'react'
import { useScenario } from '../../state/scenario'
import { inspectorCommand, inspectorTabs, useSelection, type InspectorTab } from '../../state/selection'
import { formatClock, useTimeline } from '../../state/timeline'
import { engineWorker, workerFailure } from '../../worker/client'
import type { WhyLine, WhyMoment } from '../../worker/protocol'
import { ObjectActions } from '../actions/ObjectActions'
import { useObjectAt } from '../actions/useObjectAt'
import './inspector.css'

const TAB_LABEL: Record<InspectorTab, string> = {
  describe: 'describe',
  events: 'events',
  yaml: 'YAML',
  logs: 'logs',
}

/** How a "why" moment is named on its link. */
const MOMENT_LABEL: Record<string, string> = {
  Unhealthy: 'probe failed',
  Killing: 'killed',
  BackOff: 'back-off',
  FailedScheduling: 'FailedScheduling',
  TaintManagerEviction: 'evicted',
  Pulling: 'pulling',
  Failed: 'failed',
}

/**
 * The selected object at the time cursor, whatever its kind: why it is in its state (pods), what can be
 * done to it, and its `kubectl describe`, events, live YAML with status and (pods) logs. Follows the
 * cursor as it moves; Escape or × closes it.
 */
export function Inspector(): React.JSX.Element | null {
  const selected = useSelection((s) => s.selected)
  const chosenTab = useSelection((s) => s.tab)
  const timeS = Math.floor(useTimeline((s) => s.timeS))
  const revision = useScenario((s) => s.analyzedRevision)
  const [text, setText] = useState<{ stdout: string; stderr: string } | null>(null)
  const [why, setWhy] = useState<WhyLine[]>([])
  const tabs = selected ? inspectorTabs(selected.kind) : []
  const tab = tabs.includes(chosenTab) ? chosenTab : tabs[0]!

  useEffect(() => {
    if (!selected) return
    let live = true
    void engineWorker()
      .kubectl(inspectorCommand(selected, tab), timeS)
      .then(
        (r) => live && setText(r),
        (error: unknown) => live && setText({ stdout: '', stderr: `error: ${workerFailure(error)}` }),
      )
    const explain =
      selected.kind === 'Pod'
        ? engineWorker().explain(selected.namespace, selected.name, timeS)
        : Promise.resolve([])
    void explain.then(
      (lines) => live && setWhy(lines),
      () => live && setWhy([]),
    )
    return () => {
      live = false
    }
  }, [selected, tab, timeS, revision])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) useSelection.getState().select(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  if (!selected) return null
  return (
    <aside
      className="inspector"
      aria-label={`Inspector: ${selected.kind} ${selected.name}`}
      data-testid="inspector"
      data-inspected-kind={selected.kind}
      data-inspected-name={selected.name}
    >
      <header className="inspector-header">
        <h2>
          {selected.kind} <span className="inspector-name">{selected.name}</span>
        </h2>
        <span className="inspector-time">t = {formatClock(timeS)}</span>
        <button
          type="button"
          className="inspector-close"
          aria-label="Close inspector"
          onClick={() => useSelection.getState().select(null)}
        >
          ×
        </button>
      </header>
      <Owners kind={selected.kind} namespace={selected.namespace} name={selected.name} />
      {why.length > 0 ? (
        <div className="inspector-why" data-testid="inspector-why" aria-label="Why">
          {why.map((line, i) => (
            <p key={i}>
              {line.text}
              {line.moments.length > 0 ? <Moments moments={line.moments} /> : null}
            </p>
          ))}
        </div>
      ) : null}
      <details className="inspector-actions" open>
        <summary>Actions at the time cursor</summary>
        <ObjectActions target={selected} />
      </details>
      <div className="inspector-tabs" role="tablist" aria-label="Views">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={tab === t ? 'active' : ''}
            onClick={() => useSelection.getState().setTab(t)}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      <pre className="inspector-body" role="tabpanel" data-testid="inspector-body" tabIndex={0}>
        {text ? text.stdout || text.stderr : '…'}
      </pre>
    </aside>
  )
}

/** Links to the moments a reason refers to: clicking one seeks the timeline there. */
function Moments({ moments }: { moments: readonly WhyMoment[] }): React.JSX.Element {
  return (
    <span className="why-moments">
      {moments.map((m, i) => {
        const label = MOMENT_LABEL[m.reason] ?? m.reason
        return (
          <button
            key={i}
            type="button"
            className={`why-moment why-${m.reason.toLowerCase()}`}
            title={`Seek to t = ${formatClock(m.t)}: ${m.reason}`}
            aria-label={`Seek to t = ${formatClock(m.t)}: ${label}`}
            onClick={() => useTimeline.getState().seek(m.t)}
          >
            {label} {formatClock(m.t)}
          </button>
        )
      })}
    </span>
  )
}

/** The object's controller (`Controlled By`), and for pods the workload behind it, as links. */
function Owners({
  kind,
  namespace,
  name,
}: {
  kind: string
  namespace: string
  name: string
}): React.JSX.Element | null {
  const obj = useObjectAt(kind, namespace, name)
  const workload = useScenario((s) =>
    kind === 'Pod'
      ? (s.view?.pods.find((p) => p.namespace === namespace && p.name === name)?.owner ?? null)
      : null,
  )
  const refs = obj?.metadata?.ownerReferences ?? []
  const owners = refs.map((r) => `${r.kind}/${r.name}`)
  if (workload && !owners.includes(workload)) owners.push(workload)
  if (owners.length === 0) return null
  return (
    <p className="inspector-owners">
      Owned by{' '}
      {owners.map((o, i) => {
        const [k, n] = o.split('/') as [string, string]
        return (
          <span key={o}>
            {i > 0 ? ', of ' : ''}
            <button
              type="button"
              className="owner-link"
              onClick={() => useSelection.getState().select({ kind: k, namespace, name: n })}
            >
              {k} {n}
            </button>
          </span>
        )
      })}
    </p>
  )
}
