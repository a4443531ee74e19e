import { useEditor } from '../../state/editor'
import { useScenario } from '../../state/scenario'
import { diagnosticHelp } from '../editor/diagnostic-help'

/**
 * The diagnostics as a list under the editor, each with its line and column and its rule's explanation
 * on hover; a click (or Enter) puts the editor's cursor on it.
 */
export function Problems(): React.JSX.Element | null {
  const diagnostics = useScenario((s) => s.diagnostics)
  const revealAt = useEditor((s) => s.revealAt)
  if (diagnostics.length === 0) return null
  return (
    <ul className="problems" aria-label="Problems" data-testid="problems">
      {diagnostics.map((d, i) => (
        <li key={i} className={`problem problem-${d.severity}`}>
          <button
            type="button"
            className="problem-button"
            title={diagnosticHelp(d.code) ?? undefined}
            data-line={d.line}
            data-col={d.col}
            onClick={() => revealAt(d.line, d.col)}
          >
            <span className="problem-where">
              {d.line}:{d.col}
            </span>
            <span className="problem-severity">{d.severity}</span>
            <span className="problem-message">{d.message}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}
