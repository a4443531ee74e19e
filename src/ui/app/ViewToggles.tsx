import { useLayout } from '../../state/layout'
import { otherTheme, useTheme } from '../../state/theme'

/** The top bar's view switches: the editor column and the colour theme. */
export function ViewToggles(): React.JSX.Element {
  const editorOpen = useLayout((s) => s.editorOpen)
  const toggleEditor = useLayout((s) => s.toggleEditor)
  const theme = useTheme((s) => s.theme)
  const choose = useTheme((s) => s.choose)
  const next = otherTheme(theme)
  return (
    <div className="view-toggles">
      <button
        type="button"
        aria-pressed={editorOpen}
        aria-controls="editor-pane"
        title={editorOpen ? 'Hide the editor: the cluster takes the whole width' : 'Show the editor'}
        onClick={toggleEditor}
      >
        {editorOpen ? 'Hide editor' : 'Show editor'}
      </button>
      <button
        type="button"
        data-testid="theme-toggle"
        aria-label={`Switch to the ${next} theme`}
        title={`Switch to the ${next} theme`}
        onClick={() => choose(next)}
      >
        <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span> {next === 'dark' ? 'Dark' : 'Light'}
      </button>
    </div>
  )
}
