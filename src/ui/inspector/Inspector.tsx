import { useEffect, useState } from 'react'
import { useScenario } from '../../state/scenario'
import { inspectorCommand, useSelection, type InspectorTab } from '../../state/selection'
import { formatClock, useTimeline } from '../../state/timeline'
import { engineWorker } from '../../worker/client'

const TABS: { tab: InspectorTab; label: string; kinds: readonly string[] }[] = [
  { tab: 'describe', label: 'describe', kinds: ['Pod', 'Node'] },
  { tab: 'yaml', label: 'YAML', kinds: ['Pod', 'Node'] },
  { tab: 'logs', label: 'logs', kinds: ['Pod'] },
]

/**
 * The selected object at the time cursor: `kubectl describe`, its live YAML with status, and for pods
 * their logs. Follows the cursor as it moves; Escape or × closes it.
 */
export function Inspector(): React.JSX.Element | null {
  const selected = useSelection((s) => s.selected)
  const tab = useSelection((s) => s.tab)
  const timeS = Math.floor(useTimeline((s) => s.timeS))
  const revision = useScenario((s) => s.analyzedRevision)
  const [text, setText] = useState<{ stdout: string; stderr: string } | null>(null)
  const [why, setWhy] = useState<string[]>([])

  useEffect(() => {
    if (!selected) return
    let live = true
    void engineWorker()
      .kubectl(inspectorCommand(selected, tab), timeS)
      .then((r) => live && setText(r))
    const explain =
      selected.kind === 'Pod'
        ? engineWorker().explain(selected.namespace, selected.name, timeS)
        : Promise.resolve([])
    void explain.then((lines) => live && setWhy(lines))
    return () => {
      live = false
    }
  }, [selected, tab, timeS, revision])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') useSelection.getState().select(null)
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
      {why.length > 0 ? (
        <div className="inspector-why" data-testid="inspector-why" aria-label="Why">
          {why.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ) : null}
      <div className="inspector-tabs" role="tablist">
        {TABS.filter((t) => t.kinds.includes(selected.kind)).map((t) => (
          <button
            key={t.tab}
            type="button"
            role="tab"
            aria-selected={tab === t.tab}
            className={tab === t.tab ? 'active' : ''}
            onClick={() => useSelection.getState().setTab(t.tab)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <pre className="inspector-body" role="tabpanel" data-testid="inspector-body">
        {text ? text.stdout || text.stderr : '…'}
      </pre>
    </aside>
  )
}
