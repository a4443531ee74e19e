import { useEffect, useRef, useState } from 'react'
import { splitWords, useConsole } from '../../state/console'
import { formatClock, useTimeline } from '../../state/timeline'
import { engineWorker } from '../../worker/client'

/**
 * A read-only kubectl at the time cursor: `get`, `describe` and `logs`, printed as kubectl prints them.
 * Enter runs the command; ↑ and ↓ walk the history.
 */
export function Console(): React.JSX.Element {
  const entries = useConsole((s) => s.entries)
  const open = useConsole((s) => s.open)
  const [line, setLine] = useState('')
  const [cursor, setCursor] = useState<number | null>(null)
  const output = useRef<HTMLDivElement>(null)

  useEffect(() => {
    output.current?.scrollTo({ top: output.current.scrollHeight })
  }, [entries])

  const run = async (): Promise<void> => {
    const command = line.trim()
    if (!command) return
    setLine('')
    setCursor(null)
    const atS = Math.floor(useTimeline.getState().timeS)
    const words = splitWords(command)
    if (words[0] === 'clear') return useConsole.getState().clear()
    const reply = await engineWorker().kubectl(words[0] === 'kubectl' ? words.slice(1) : words, atS)
    useConsole.getState().add({ command, atS, stdout: reply.stdout, stderr: reply.stderr })
  }

  const history = entries.map((e) => e.command)
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void run()
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
    <section className={`console${open ? '' : ' console-closed'}`} aria-label="kubectl console">
      <header className="console-header">
        <button
          type="button"
          className="console-toggle"
          aria-expanded={open}
          onClick={() => useConsole.getState().setOpen(!open)}
        >
          {open ? '▾' : '▸'} kubectl
        </button>
        <span className="console-hint">
          read-only, at the time cursor · try: get pods -o wide, describe pod …, logs …
        </span>
      </header>
      {open ? (
        <>
          <div className="console-output" ref={output} data-testid="console-output" aria-live="polite">
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
          <label className="console-input">
            <span aria-hidden="true">$ kubectl</span>
            <input
              type="text"
              value={line}
              onChange={(e) => setLine(e.target.value)}
              onKeyDown={onKey}
              aria-label="kubectl command"
              placeholder="get pods"
              spellCheck={false}
              autoComplete="off"
            />
          </label>
        </>
      ) : null}
    </section>
  )
}
