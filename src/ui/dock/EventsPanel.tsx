import { useSelection } from '../../state/selection'
import { formatClock, useTimeline } from '../../state/timeline'
import { engineWorker } from '../../worker/client'
import type { EventLine } from '../../worker/protocol'
import { useAtCursor } from './useAtCursor'

/** How many of the latest events the list shows. */
export const EVENTS_SHOWN = 200

const recentEvents = (atS: number): Promise<EventLine[]> => engineWorker().events(atS, EVENTS_SHOWN)

/**
 * The events up to the time cursor, newest first, as the event log recorded them (each repeat of an
 * event too). Clicking one seeks the timeline to it; its object's name opens the inspector.
 */
export function EventsPanel(): React.JSX.Element {
  const timeS = Math.floor(useTimeline((s) => s.timeS))
  const events = useAtCursor(recentEvents)
  if (events === null) return <p className="dock-empty">…</p>
  if (events.length === 0) return <p className="dock-empty">No events yet at t = {formatClock(timeS)}.</p>
  const newest = [...events].reverse()
  return (
    <ol className="events-list" data-testid="events-list" aria-label="Events up to the time cursor">
      {newest.map((e, i) => (
        <EventRow key={`${e.t}/${i}/${e.reason}/${e.name}`} event={e} now={Math.floor(e.t) === timeS} />
      ))}
    </ol>
  )
}

function EventRow({ event: e, now }: { event: EventLine; now: boolean }): React.JSX.Element {
  const object = `${e.kind.toLowerCase()}/${e.name}`
  return (
    <li
      className={`event-row event-${e.type.toLowerCase()}${now ? ' event-now' : ''}`}
      data-reason={e.reason}
      data-t={e.t}
    >
      <button
        type="button"
        className="event-seek"
        title={`Seek to t = ${formatClock(e.t)}`}
        onClick={() => useTimeline.getState().seek(e.t)}
      >
        <span className="event-time">{formatClock(e.t)}</span>
        <span className="event-type" aria-label={e.type}>
          {e.type === 'Warning' ? '⚠' : '·'}
        </span>
        <span className="event-reason">{e.reason}</span>
        <span className="event-message">{e.message}</span>
      </button>
      <button
        type="button"
        className="event-object"
        title={`Inspect ${object}`}
        onClick={() =>
          useSelection.getState().select({
            kind: e.kind,
            namespace: e.kind === 'Node' || e.kind === 'Namespace' ? '' : e.namespace,
            name: e.name,
          })
        }
      >
        {object}
      </button>
    </li>
  )
}
