import { useEffect, useRef, useState } from 'react'
import { complete } from '../../state/completion'
import { splitWords, useConsole } from '../../state/console'
import { formatClock, useTimeline } from '../../state/timeline'
import { engineWorker, workerFailure } from '../../worker/client'

/**
 * A read-only kubectl at the time cursor: `get`, `describe` and `logs`, printed as kubectl prints them.
 * Enter runs the command; ↑ and ↓ walk the history; Tab completes verbs, resource types and the names of
 * the objects at the cursor.
 */
export function ConsolePanel(): React.JSX.Element {
  const entries = useConsole((s) => s.entries)
  const [line, setLine] = useState('')
  const [cursor, setCursor] = useState<number | null>(null)
  const [options, setOptions] = useState<readonly string[]>([])
  const output = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const caret = useRef<number | null>(null)

  useEffect(() => {
    output.current?.scrollTo({ top: output.current.scrollHeight })
  }, [entries])

  useEffect(() => {
    if (caret.current === null || !input.current) return
    input.current.setSelectionRange(caret.current, caret.current)
    caret.current = null
  }, [line])

  const run = async (): Promise<void> => {
    const command = line.trim()
    if (!command) return
    setLine('')
    setCursor(null)
    setOptions([])
    const atS = Math.floor(useTimeline.getState().timeS)
    const words = splitWords(command)
    if (words[0] === 'clear') return useConsole.getState().clear()
    const reply = await engineWorker()
      .kubectl(words[0] === 'kubectl' ? words.slice(1) : words, atS)
      .catch((error: unknown) => ({ stdout: '', stderr: `error: ${workerFailure(error)}; run it again` }))
    useConsole.getState().add({ command, atS, stdout: reply.stdout, stderr: reply.stderr })
  }

  const tab = async (at: number): Promise<void> => {
    // Without the names (the worker failed), Tab still completes verbs and kinds.
    const objects = await engineWorker()
      .objects(Math.floor(useTimeline.getState().timeS))
      .catch(() => [])
    const c = complete(line, at, objects)
    caret.current = c.caret
    setLine(c.line)
    setOptions(c.options)
  }

  const history = entries.map((e) => e.command)
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void run()
    } else if (e.key === 'Tab' && !e.shiftKey && line.trim() !== '') {
      // An empty line lets Tab move the focus on, so the console is no keyboard trap.
      e.preventDefault()
      void tab(e.currentTarget.selectionStart ?? line.length)
    } else if (e.key === 'ArrowUp' && history.length > 0) {
      e.preventDefault()
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1)
      setCursor(next)
      setLine(history[next]!)
    } else if (e.key === 'ArrowDown' && cursor !== null) {
      e.preventDefault()
      const next = cursor + 1
      setCursor(next >= history.length ? null : next)
      setLine(next >= history.length ? '' : history[next]!)
    }
  }

  return (
    <>
      <div className="console-output" ref={output} data-testid="console-output" aria-live="polite">
        {entries.length === 0 ? (
          <p className="console-welcome">
            Ask the cluster at the time cursor, as kubectl would answer: <code>get pods -o wide</code> ·{' '}
            <code>describe deploy web</code> · <code>get events</code> · <code>logs &lt;pod&gt;</code>. Tab
            completes kinds and names; ↑ brings back the last command.
          </p>
        ) : null}
        {entries.map((e, i) => (
          <div key={i} className="console-entry">
            <div className="console-command">
              <span className="console-time">t = {formatClock(e.atS)}</span> $ kubectl{' '}
              {e.command.replace(/^kubectl\s+/, '')}
            </div>
            {e.stdout ? <pre className="console-stdout">{e.stdout}</pre> : null}
            {e.stderr ? <pre className="console-stderr">{e.stderr}</pre> : null}
          </div>
        ))}
      </div>
      {options.length > 0 ? (
        <p className="console-options" data-testid="console-options" aria-live="polite">
          {options.join('  ')}
        </p>
      ) : null}
      <label className="console-input">
        <span aria-hidden="true">$ kubectl</span>
        <input
          ref={input}
          type="text"
          value={line}
          onChange={(e) => {
            setLine(e.target.value)
            setOptions([])
          }}
          onKeyDown={onKey}
          aria-label="kubectl command"
          placeholder="get pods   (Tab completes)"
          spellCheck={false}
          autoComplete="off"
        />
      </label>
    </>
  )
}
