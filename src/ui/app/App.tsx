import { ReactFlowProvider } from '@xyflow/react'
import { lazy, Suspense, useEffect } from 'react'
import { KUBERNETES_VERSION } from '../../engine/version'
import { selectErrorCount, selectSimReady, selectWarningCount, useScenario } from '../../state/scenario'
import { ClusterGraph } from '../graph/ClusterGraph'
import { FAMILY_STYLES } from '../graph/status'
import { ContextMenu, graphActionHandlers } from '../actions/ContextMenu'
import { ActionNotice } from '../actions/ActionNotice'
import { Dock } from '../dock/Dock'
import { Inspector } from '../inspector/Inspector'
import { TimelineBar } from '../timeline/TimelineBar'
import { PanelBoundary } from './PanelBoundary'
import { Problems } from './Problems'
import { SessionBar } from './SessionBar'

const Editor = lazy(() => import('../editor/Editor'))

export function App(): React.JSX.Element {
  const view = useScenario((s) => s.view)
  const viewIsCurrent = useScenario((s) => s.viewIsCurrent)
  const ready = useScenario(selectSimReady)
  const errors = useScenario(selectErrorCount)
  const warnings = useScenario(selectWarningCount)
  const objectCount = useScenario((s) => s.objectCount)

  useEffect(() => {
    document.body.dataset.simReady = String(ready)
  }, [ready])

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={24} height={24} />
          kubeplay
        </h1>
        <span className="k8s-version" title="kubeplay models this Kubernetes release">
          Kubernetes {KUBERNETES_VERSION}
        </span>
        <span className="summary" aria-live="polite" data-testid="summary">
          {objectCount} object{objectCount === 1 ? '' : 's'} · {errors} error{errors === 1 ? '' : 's'} ·{' '}
          {warnings} warning{warnings === 1 ? '' : 's'}
        </span>
        <SessionBar />
      </header>
      <main className="workspace">
        <section className="editor-pane" aria-label="Scenario editor">
          <PanelBoundary panel="editor">
            <Suspense fallback={<div className="editor-loading">Loading editor…</div>}>
              <Editor />
            </Suspense>
          </PanelBoundary>
          <Problems />
        </section>
        <section className="graph-pane" aria-label="Cluster">
          <div className="graph-area" {...graphActionHandlers}>
            {!viewIsCurrent && view !== null && errors > 0 ? (
              <p className="stale-banner" role="status">
                The YAML has {errors} error{errors === 1 ? '' : 's'}: showing the cluster from the last text
                without errors.
              </p>
            ) : null}
            <PanelBoundary panel="graph">
              {view ? (
                <ReactFlowProvider>
                  <ClusterGraph view={view} />
                </ReactFlowProvider>
              ) : (
                <p className="graph-empty">
                  {ready ? 'Fix the errors in the YAML to see the cluster.' : 'Reading the scenario…'}
                </p>
              )}
            </PanelBoundary>
            <Legend />
            <PanelBoundary panel="inspector">
              <Inspector />
            </PanelBoundary>
            <ActionNotice />
          </div>
          <PanelBoundary panel="dock">
            <Dock />
          </PanelBoundary>
          <PanelBoundary panel="timeline">
            <TimelineBar />
          </PanelBoundary>
        </section>
      </main>
      <ContextMenu />
    </div>
  )
}

function Legend(): React.JSX.Element {
  return (
    <ul className="legend" aria-label="Legend">
      {Object.entries(FAMILY_STYLES).map(([family, s]) => (
        <li
          key={family}
          className={`legend-item pod-${family}`}
          style={{ '--status': s.color } as React.CSSProperties}
        >
          <span className="legend-swatch" aria-hidden="true">
            {s.glyph}
          </span>
          {s.label}
        </li>
      ))}
    </ul>
  )
}
