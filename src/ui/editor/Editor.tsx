import { useEffect, useRef } from 'react'
import type { Diagnostic } from '../../engine'
import { useEditor } from '../../state/editor'
import { useScenario } from '../../state/scenario'
import { diagnosticHelp } from './diagnostic-help'
import { MARKER_OWNER, MODEL_URI, monaco, monacoTheme } from './monaco'
import { SCHEMA_KUBERNETES_VERSION, SCHEMA_SOURCE } from './schema'

const SEVERITY: Record<Diagnostic['severity'], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
}

/** The scenario editor: Monaco with YAML support; edits go to the store, diagnostics come back as markers. */
export default function Editor(): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const model =
      monaco.editor.getModel(MODEL_URI) ??
      monaco.editor.createModel(useScenario.getState().text, 'yaml', MODEL_URI)
    const editor = monaco.editor.create(host.current!, {
      model,
      theme: monacoTheme('dark'),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      renderWhitespace: 'boundary',
      fixedOverflowWidgets: true,
      ariaLabel: 'Scenario YAML',
      // Completion inside strings too: the behavior annotation is a block string.
      quickSuggestions: { other: true, comments: false, strings: true },
      hover: { delay: 300 },
    })
    // The problems list below the editor takes room when it appears: keep the cursor in sight.
    const layout = editor.onDidLayoutChange(() => {
      const at = editor.getPosition()
      if (at && editor.hasTextFocus()) editor.revealPositionInCenterIfOutsideViewport(at)
    })
    const typing = model.onDidChangeContent(() => useScenario.getState().setText(model.getValue()))
    const markers = useScenario.subscribe((s, prev) => {
      if (s.diagnostics !== prev.diagnostics) setMarkers(model, s.diagnostics)
    })
    setMarkers(model, useScenario.getState().diagnostics)
    const reveal = useEditor.subscribe((s, prev) => {
      if (!s.reveal || s.reveal === prev.reveal) return
      const position = { lineNumber: s.reveal.line, column: s.reveal.col }
      editor.setPosition(position)
      editor.revealPositionInCenterIfOutsideViewport(position)
      editor.focus()
    })
    return () => {
      reveal()
      markers()
      typing.dispose()
      layout.dispose()
      editor.dispose()
    }
  }, [])

  return (
    <>
      <div className="editor-bar">
        <span className="editor-file">scenario.yaml</span>
        <span
          className="editor-schema"
          data-testid="editor-schema"
          title={`Completion, hover and schema checks come from the Kubernetes ${SCHEMA_KUBERNETES_VERSION} API, generated from ${SCHEMA_SOURCE}; the simulation models v1.35.`}
        >
          schema: Kubernetes {SCHEMA_KUBERNETES_VERSION} API
        </span>
      </div>
      <div ref={host} className="editor-host" data-testid="editor" />
    </>
  )
}

/** The engine's diagnostics as markers; each carries its rule's explanation under the message. */
function setMarkers(model: monaco.editor.ITextModel, diagnostics: readonly Diagnostic[]): void {
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    diagnostics.map((d) => {
      const help = diagnosticHelp(d.code)
      return {
        severity: SEVERITY[d.severity],
        message: help ? `${d.message}\n\n${help}` : d.message,
        code: d.code,
        source: 'kubeplay',
        startLineNumber: d.line,
        startColumn: d.col,
        endLineNumber: d.endLine,
        // A zero-width range would draw nothing; underline at least one character.
        endColumn: d.endLine === d.line && d.endCol <= d.col ? d.col + 1 : d.endCol,
      }
    }),
  )
}
