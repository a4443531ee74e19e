import { lazy, Suspense, useEffect, useState } from 'react'
import { KUBERNETES_VERSION } from '../../engine/version'
import { selectErrorCount, selectSimReady, selectWarningCount, useScenario } from '../../state/scenario'
import { LiveGraph } from '../graph/LiveGraph'
import { FAMILY_STYLES } from '../graph/status'
import { ContextMenu, graphActionHandlers } from '../actions/ContextMenu'
import { ActionNotice } from '../actions/ActionNotice'
import { Dock } from '../dock/Dock'
import { Inspector } from '../inspector/Inspector'
import { TimelineBar } from '../timeline/TimelineBar'
import { PanelBoundary } from './PanelBoundary'
import { Problems } from './Problems'
import { SessionBar } from './SessionBar'
import { ViewToggles } from './ViewToggles'
import { useLayout } from '../../state/layout'
import { currentViewMode } from '../classroom/viewMode'
import { PresentButton, PresenterLayer } from '../classroom/Presenter'
import { ExportMenu } from '../classroom/ExportMenu'
import { QuizLayer } from '../classroom/QuizDialog'
import { usePresenter } from '../classroom/presenter'
import '../classroom/classroom.css'
import { SimulationProgress } from './SimulationProgress'

const Editor = lazy(() => import('../editor/Editor'))

/** The longest the editor waits for the first answer of the simulation before it loads anyway. */
export const EDITOR_WAIT_MS = 1500

/**
 * Whether the editor may load: Monaco is most of the page's code, and compiling it while the worker
 * simulates the first text and the page draws the graph slows both down on a small machine. It loads
 * once the first answer is in (errors too: they are fixed in the editor) and the graph has had a frame
 * to paint, or after EDITOR_WAIT_MS, whichever comes first.
 */
function useEditorAllowed(): boolean {
  const answered = useScenario((s) => s.analyzedRevision !== -1)
  const [allowed, setAllowed] = useState(false)
  useEffect(() => {
    if (allowed) return
    const allow = (): void => setAllowed(true)
    if (!answered) {
      const timer = setTimeout(allow, EDITOR_WAIT_MS)
      return () => clearTimeout(timer)
    }
    // After the frame that paints the answer.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(allow, 0)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [answered, allowed])
  return allowed
}

export function App(): React.JSX.Element {
  const hasView = useScenario((s) => s.view !== null)
  const viewIsCurrent = useScenario((s) => s.viewIsCurrent)
  const ready = useScenario(selectSimReady)
  const errors = useScenario(selectErrorCount)
  const warnings = useScenario(selectWarningCount)
  const objectCount = useScenario((s) => s.objectCount)
  const editorOpen = useLayout((s) => s.editorOpen)
  const embed = currentViewMode() === 'embed'
  const presenting = usePresenter((s) => s.presenting)
  const editorAllowed = useEditorAllowed()

  useEffect(() => {
    document.body.dataset.simReady = String(ready)
  }, [ready])

  return (
    <div
      className={`app${embed ? ' app-embed' : ''}${presenting ? ' presenting' : ''}`}
      data-view-mode={embed ? 'embed' : presenting ? 'present' : 'full'}
    >
      {embed ? null : (
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
            <SimulationProgress />
          </span>
          {presenting ? null : <ViewToggles />}
          <SessionBar />
          <div className="classroom-bar">
            <ExportMenu />
            {presenting ? null : <PresentButton />}
          </div>
        </header>
      )}
      <main className={editorOpen ? 'workspace' : 'workspace editor-collapsed'}>
        {embed ? null : (
          <section className="editor-pane" id="editor-pane" aria-label="Scenario editor" hidden={!editorOpen}>
            <PanelBoundary panel="editor">
              {editorAllowed ? (
                <Suspense fallback={<EditorLoading />}>
                  <Editor />
                </Suspense>
              ) : (
                <EditorLoading />
              )}
            </PanelBoundary>
            <Problems />
          </section>
        )}
        <section className="graph-pane" aria-label="Cluster">
          <div className="graph-area" {...graphActionHandlers}>
            {!viewIsCurrent && hasView && errors > 0 ? (
              <p className="stale-banner" role="status">
                The YAML has {errors} error{errors === 1 ? '' : 's'}: showing the cluster from the last text
                without errors.
              </p>
            ) : null}
            <PanelBoundary panel="graph">
              <LiveGraph ready={ready} />
            </PanelBoundary>
            <Legend />
            <PanelBoundary panel="inspector">
              <Inspector />
            </PanelBoundary>
            <ActionNotice />
            <PresenterLayer />
            <QuizLayer />
          </div>
          {embed || presenting ? null : (
            <PanelBoundary panel="dock">
              <Dock />
            </PanelBoundary>
          )}
          <PanelBoundary panel="timeline">
            <TimelineBar />
          </PanelBoundary>
        </section>
      </main>
      <ContextMenu />
    </div>
  )
}

function EditorLoading(): React.JSX.Element {
  return <div className="editor-loading">Loading editor…</div>
}

function Legend(): React.JSX.Element {
  const open = useLayout((s) => s.legendOpen)
  const toggle = useLayout((s) => s.toggleLegend)
  return (
    <div className={open ? 'legend' : 'legend legend-closed'}>
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={open}
        aria-controls="legend-items"
        title={open ? 'Fold the legend away' : 'What the colours and glyphs mean'}
        onClick={toggle}
      >
        Legend {open ? '▾' : '▸'}
      </button>
      <ul id="legend-items" className="legend-items" aria-label="Legend" hidden={!open}>
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
    </div>
  )
}
