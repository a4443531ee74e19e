import { create } from 'zustand'
import { useConsole } from '../../state/console'
import { ConsolePanel } from '../console/Console'
import { EventsPanel } from './EventsPanel'
import { ObjectsPanel } from './ObjectsPanel'
import './dock.css'

type DockTab = 'kubectl' | 'events' | 'objects'

export const useDock = create<{ tab: DockTab; setTab(tab: DockTab): void }>()((set) => ({
  tab: 'kubectl',
  setTab: (tab) => set({ tab }),
}))

const TABS: { tab: DockTab; label: string; hint: string }[] = [
  { tab: 'kubectl', label: 'kubectl', hint: 'read-only, at the time cursor · try: get pods -o wide, describe deploy …, logs …' },
  { tab: 'events', label: 'Events', hint: 'up to the time cursor, newest first · click one to go there' },
  { tab: 'objects', label: 'Objects', hint: 'everything in the cluster at the time cursor · click one to inspect it' },
] // prettier-ignore

/** The panel under the graph: the kubectl console, the events up to the cursor, and every object. */
export function Dock(): React.JSX.Element {
  const open = useConsole((s) => s.open)
  const tab = useDock((s) => s.tab)
  const current = TABS.find((t) => t.tab === tab)!
  return (
    <section className={`console dock${open ? '' : ' console-closed'}`} aria-label="kubectl console">
      <header className="console-header">
        <button
          type="button"
          className="console-toggle"
          aria-expanded={open}
          aria-label={open ? 'Collapse the panel' : 'Expand the panel'}
          onClick={() => useConsole.getState().setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        <div className="dock-tabs" role="tablist" aria-label="Panel">
          {TABS.map((t) => (
            <button
              key={t.tab}
              type="button"
              role="tab"
              aria-selected={tab === t.tab}
              className={`dock-tab${tab === t.tab ? ' active' : ''}`}
              onClick={() => {
                useDock.getState().setTab(t.tab)
                useConsole.getState().setOpen(true)
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="console-hint">{current.hint}</span>
      </header>
      {open ? (
        <div className="dock-body" role="tabpanel" aria-label={current.label}>
          {tab === 'kubectl' ? <ConsolePanel /> : tab === 'events' ? <EventsPanel /> : <ObjectsPanel />}
        </div>
      ) : null}
    </section>
  )
}
