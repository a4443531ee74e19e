import { useEffect, useRef } from 'react'
import type { Diagnostic } from '../../engine'
import { useEditor } from '../../state/editor'
import { useScenario } from '../../state/scenario'
import { textChange } from '../../state/text-change'
import { diagnosticHelp } from './diagnostic-help'
import { useTheme } from '../../state/theme'
import { MARKER_OWNER, MODEL_URI, monaco, monacoTheme, setEditorTheme } from './monaco'
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
      theme: monacoTheme(useTheme.getState().theme),
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
    // Text changed outside the editor (an action at the time cursor): one undoable edit, shown.
    const outside = useScenario.subscribe((s, prev) => {
      if (s.text !== prev.text && s.text !== model.getValue()) showOutsideEdit(editor, model, s.text)
    })
    const markers = useScenario.subscribe((s, prev) => {
      if (s.diagnostics !== prev.diagnostics) setMarkers(model, s.diagnostics)
    })
    setMarkers(model, useScenario.getState().diagnostics)
    const theme = useTheme.subscribe((s, prev) => {
      if (s.theme !== prev.theme) setEditorTheme(s.theme)
    })
    const reveal = useEditor.subscribe((s, prev) => {
      if (!s.reveal || s.reveal === prev.reveal) return
      const position = { lineNumber: s.reveal.line, column: s.reveal.col }
      editor.setPosition(position)
      editor.revealPositionInCenterIfOutsideViewport(position)
      editor.focus()
    })
    return () => {
      theme()
      outside()
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

/** Applies `text` as one undoable edit of what changed, scrolls to it and highlights it briefly. */
function showOutsideEdit(
  editor: monaco.editor.IStandaloneCodeEditor,
  model: monaco.editor.ITextModel,
  text: string,
): void {
  const change = textChange(model.getValue(), text)
  const from = model.getPositionAt(change.start)
  const to = model.getPositionAt(change.end)
  const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column)
  editor.pushUndoStop()
  editor.executeEdits('kubeplay-action', [{ range, text: change.text, forceMoveMarkers: true }])
  editor.pushUndoStop()
  const end = model.getPositionAt(change.start + change.text.length)
  const shown = new monaco.Range(from.lineNumber, 1, Math.max(from.lineNumber, end.lineNumber - (end.column === 1 ? 1 : 0)), 1) // prettier-ignore
  editor.revealRangeInCenterIfOutsideViewport(shown)
  const flash = editor.createDecorationsCollection([
    { range: shown, options: { isWholeLine: true, className: 'editor-added-line' } },
  ])
  setTimeout(() => flash.clear(), 2500)
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
