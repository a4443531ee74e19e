import { useEffect, useRef, useState } from 'react'
import { useScenario } from '../../state/scenario'
import {
  currentLink,
  keepCurrentWork,
  openScenario,
  sessionPersistence,
  useSession,
} from '../../state/session'
import { Gallery } from './Gallery'
import { currentLinkFlags } from '../classroom/viewMode'

/** The export for a real cluster parses the scenario with the engine: loaded when first asked for. */
const exported = () => import('../../share/export')

/** Above this length chat apps and mail clients start cutting links. */
export const LONG_LINK = 2000

/** The top bar's actions: the gallery, sharing, files, history, and the session's notices. */
export function SessionBar(): React.JSX.Element {
  const [open, setOpen] = useState<'share' | 'file' | 'history' | 'gallery' | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  useDropToOpen()
  return (
    <div className="session-bar">
      <button
        type="button"
        onClick={() => setOpen(open === 'gallery' ? null : 'gallery')}
        aria-expanded={open === 'gallery'}
      >
        Gallery
      </button>
      <button
        type="button"
        onClick={() => setOpen(open === 'share' ? null : 'share')}
        aria-expanded={open === 'share'}
      >
        Share
      </button>
      <button
        type="button"
        onClick={() => setOpen(open === 'file' ? null : 'file')}
        aria-expanded={open === 'file'}
      >
        File
      </button>
      <button
        type="button"
        onClick={() => setOpen(open === 'history' ? null : 'history')}
        aria-expanded={open === 'history'}
      >
        History
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml,.json,text/yaml,application/json"
        hidden
        data-testid="open-file"
        onChange={(e) => {
          const f = e.target.files?.[0]
          if (f) void openFile(f)
          e.target.value = ''
          setOpen(null)
        }}
      />
      {open === 'share' ? <SharePanel onClose={() => setOpen(null)} /> : null}
      {open === 'file' ? (
        <FilePanel onOpen={() => fileInput.current?.click()} onClose={() => setOpen(null)} />
      ) : null}
      {open === 'history' ? <HistoryPanel onClose={() => setOpen(null)} /> : null}
      {open === 'gallery' ? <Gallery onClose={() => setOpen(null)} /> : null}
      <SessionNotice />
    </div>
  )
}

function Panel(props: { label: string; onClose(): void; children: React.ReactNode }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button, a, input, textarea')?.focus()
  }, [])
  return (
    <div
      ref={ref}
      className="session-panel"
      role="dialog"
      aria-label={props.label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose()
      }}
    >
      {props.children}
      <button type="button" className="panel-close" onClick={props.onClose} aria-label="Close">
        ×
      </button>
    </div>
  )
}

function SharePanel({ onClose }: { onClose(): void }): React.JSX.Element {
  const [link] = useState(() => currentLink(currentLinkFlags()))
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const long = link.length > LONG_LINK
  return (
    <Panel label="Share" onClose={onClose}>
      <p>
        A link to this scenario at this moment, with the selected object. Everything is in the link itself:
        nothing is uploaded.
      </p>
      <input
        className="share-link"
        readOnly
        value={link}
        aria-label="Share link"
        data-testid="share-link"
        onFocus={(e) => e.target.select()}
      />
      <p data-testid="share-length" className={long ? 'warning' : undefined}>
        {link.length.toLocaleString('en-US')} characters.
        {long
          ? ' Chat apps and mail may cut links this long: download the scenario file and send that instead.'
          : ''}
      </p>
      <div className="panel-actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(link).then(
              () => setCopied('yes'),
              () => setCopied('no'),
            )
          }
        >
          Copy link
        </button>
        {long ? (
          <button type="button" onClick={() => download('scenario.yaml', useScenario.getState().text)}>
            Download scenario.yaml
          </button>
        ) : null}
        <span role="status">
          {copied === 'yes'
            ? 'Copied.'
            : copied === 'no'
              ? 'Could not copy: select the link and copy it.'
              : ''}
        </span>
      </div>
    </Panel>
  )
}

function FilePanel({ onOpen, onClose }: { onOpen(): void; onClose(): void }): React.JSX.Element {
  const text = (): string => useScenario.getState().text
  return (
    <Panel label="File" onClose={onClose}>
      <div className="panel-actions column">
        <button type="button" onClick={onOpen}>
          Open a YAML file…
        </button>
        <button type="button" onClick={() => download('scenario.yaml', text())}>
          Download the scenario
        </button>
        <button
          type="button"
          onClick={() => void exported().then((m) => download('manifests.yaml', m.exportManifests(text())))}
        >
          Export manifests for a real cluster
        </button>
        <button
          type="button"
          onClick={() => void exported().then((m) => download('replay.sh', m.exportScript(text())))}
        >
          Export the timeline as a kubectl script
        </button>
      </div>
      <p className="hint">
        You can also drop a YAML file on the page, or paste the output of <code>kubectl get … -o yaml</code>:
        status, managedFields and resourceVersion are ignored.
      </p>
    </Panel>
  )
}

function HistoryPanel({ onClose }: { onClose(): void }): React.JSX.Element {
  const [list, setList] = useState(() => sessionPersistence().history())
  return (
    <Panel label="History" onClose={onClose}>
      <div className="panel-actions">
        <button
          type="button"
          onClick={() => {
            const name = `Snapshot ${new Date().toLocaleString()}`
            keepCurrentWork(name)
            setList(sessionPersistence().history())
          }}
        >
          Save a snapshot now
        </button>
      </div>
      {list.length === 0 ? <p>No snapshots yet.</p> : null}
      <ul className="history-list" data-testid="history">
        {list.map((s) => (
          <li key={`${s.savedAt}-${s.name}`}>
            <button
              type="button"
              onClick={() => {
                keepCurrentWork('Before restoring a snapshot')
                openScenario(s.text, 0)
                onClose()
              }}
            >
              {s.name}
            </button>
            <span className="hint"> {new Date(s.savedAt).toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </Panel>
  )
}

function SessionNotice(): React.JSX.Element | null {
  const notice = useSession((s) => s.notice)
  const storage = useSession((s) => s.storage)
  const storageText =
    storage === 'unavailable'
      ? 'This browser does not let kubeplay save your work (private mode?): download it before closing the tab.'
      : storage === 'full'
        ? 'The browser’s storage is full: your latest changes are not saved. Download the scenario to keep them.'
        : null
  if (!notice && !storageText) return null
  return (
    <div className="session-notices">
      {notice ? (
        <p
          className={`session-notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="session-notice"
        >
          {notice.text}{' '}
          {notice.restore ? (
            <button
              type="button"
              onClick={() => {
                keepCurrentWork('The shared link')
                openScenario(notice.restore!.text, notice.restore!.atS)
                history.replaceState(null, '', window.location.pathname + window.location.search)
                useSession.getState().setNotice(null)
              }}
            >
              Restore previous work
            </button>
          ) : null}
          <button type="button" aria-label="Dismiss" onClick={() => useSession.getState().setNotice(null)}>
            ×
          </button>
        </p>
      ) : null}
      {storageText ? (
        <p className="session-notice warning" role="status" data-testid="storage-notice">
          {storageText}
        </p>
      ) : null}
    </div>
  )
}

async function openFile(file: File): Promise<void> {
  if (file.size > 2 * 1024 * 1024) {
    useSession
      .getState()
      .setNotice({ kind: 'error', text: `${file.name} is larger than 2 MB, more than kubeplay reads.` })
    return
  }
  const text = await file.text()
  keepCurrentWork(`Before opening ${file.name}`)
  openScenario(text, 0)
  useSession
    .getState()
    .setNotice({ kind: 'info', text: `Opened ${file.name}. Your previous work is kept in the history.` })
}

/** A file dropped anywhere on the page opens as the scenario. */
function useDropToOpen(): void {
  useEffect(() => {
    const over = (e: DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault()
    }
    const drop = (e: DragEvent): void => {
      const f = e.dataTransfer?.files[0]
      if (!f) return
      e.preventDefault()
      void openFile(f)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
