import { Component, type ErrorInfo, type ReactNode } from 'react'
import { ENGINE_VERSION, KUBERNETES_VERSION } from '../../engine/version'
import { currentLink } from '../../state/session'
import { version as KUBEPLAY_VERSION } from '../../../package.json'
import './panel-boundary.css'

/** The panels a crash is contained to. */
export type PanelName = 'graph' | 'inspector' | 'dock' | 'timeline' | 'editor'

interface Props {
  readonly panel: PanelName
  readonly children: ReactNode
}

interface State {
  readonly error: Error | null
  readonly componentStack: string
  readonly copied: 'no' | 'yes' | 'failed'
}

/**
 * Test hook: `?crash=<panel>` in the page's query (never the link fragment, which carries shared
 * content) makes that panel throw while rendering, so the fallback can be tested for real.
 */
export function crashRequested(panel: PanelName): boolean {
  return new URLSearchParams(window.location.search).get('crash') === panel
}

function CrashSwitch({ panel }: { panel: PanelName }): null {
  if (crashRequested(panel)) throw new Error(`test crash requested for the ${panel} panel (?crash=${panel})`)
  return null
}

/** The text "Copy diagnostic report" puts on the clipboard. */
export function diagnosticReport(panel: PanelName, error: Error, componentStack: string): string {
  let link: string
  try {
    link = currentLink()
  } catch (e) {
    link = `(the link could not be made: ${e instanceof Error ? e.message : String(e)})`
  }
  return [
    `kubeplay diagnostic report: the ${panel} panel stopped`,
    `Error: ${error.message}`,
    '',
    'Stack:',
    error.stack ?? '(none)',
    '',
    'Component stack:',
    componentStack.trim() || '(none)',
    '',
    `kubeplay ${KUBEPLAY_VERSION} · engine ${ENGINE_VERSION} · Kubernetes ${KUBERNETES_VERSION}`,
    `User agent: ${navigator.userAgent}`,
    `Link: ${link}`,
  ].join('\n')
}

/** Contains a crash to one panel: the rest of the page (and the editor) keeps working. */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: '', copied: 'no' }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)), copied: 'no' }
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? '' })
  }

  private readonly reset = (): void => this.setState({ error: null, componentStack: '', copied: 'no' })

  private readonly copy = (): void => {
    const { error, componentStack } = this.state
    if (!error) return
    navigator.clipboard.writeText(diagnosticReport(this.props.panel, error, componentStack)).then(
      () => this.setState({ copied: 'yes' }),
      () => this.setState({ copied: 'failed' }),
    )
  }

  override render(): ReactNode {
    const { error, copied } = this.state
    if (!error)
      return (
        <>
          <CrashSwitch panel={this.props.panel} />
          {this.props.children}
        </>
      )
    return (
      <div
        className={`panel-stopped panel-stopped-${this.props.panel}`}
        role="alert"
        data-testid={`panel-stopped-${this.props.panel}`}
      >
        <p className="panel-stopped-message">This panel stopped: {error.message}</p>
        <div className="panel-stopped-actions">
          <button type="button" onClick={this.reset}>
            Try again
          </button>
          <button type="button" onClick={this.copy}>
            Copy diagnostic report
          </button>
          {copied === 'yes' ? <span role="status">Copied.</span> : null}
          {copied === 'failed' ? <span role="status">The clipboard refused the report.</span> : null}
        </div>
      </div>
    )
  }
}
