import { useScenario } from '../../state/scenario'

/** The diagnostics as a list under the editor, each with its line and column. */
export function Problems(): React.JSX.Element | null {
  const diagnostics = useScenario((s) => s.diagnostics)
  if (diagnostics.length === 0) return null
  return (
    <ul className="problems" aria-label="Problems" data-testid="problems">
      {diagnostics.map((d, i) => (
        <li key={i} className={`problem problem-${d.severity}`}>
          <span className="problem-where">
            {d.line}:{d.col}
          </span>
          <span className="problem-severity">{d.severity}</span>
          <span className="problem-message">{d.message}</span>
        </li>
      ))}
    </ul>
  )
}
