import { decodeLink, isLinkFragment, type DecodedLink } from '../share/link'

/**
 * Never losing work (issue 7 §2): the editor text is autosaved on every change, named snapshots are kept
 * (the last 50), and opening a link never silently replaces local work. Storage is injected (the page
 * passes `localStorage`; tests pass a Map), and every call survives a storage that throws: disabled
 * (private mode, a sandboxed iframe) or full.
 */

/** The part of the Web Storage API used here. */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const AUTOSAVE_KEY = 'kubeplay.autosave.v1'
export const HISTORY_KEY = 'kubeplay.history.v1'
/** Snapshots kept; older ones are dropped. */
export const HISTORY_LIMIT = 50

/** What the autosave holds. */
export interface Saved {
  readonly text: string
  /** The time cursor, in seconds. */
  readonly atS: number
  /** When it was saved, ms since the Unix epoch (the page's clock; the engine never sees it). */
  readonly savedAt: number
}

export interface Snapshot {
  readonly name: string
  readonly text: string
  readonly savedAt: number
}

/** How the last write went: 'full' and 'unavailable' are shown to the user as a notice. */
export type StorageStatus = 'ok' | 'full' | 'unavailable'

export interface Persistence {
  /** The autosaved work, if any (null when storage is empty, unreadable or disabled). */
  load(): Saved | null
  /** Saves the work; never throws. */
  save(saved: Saved): StorageStatus
  /** The snapshots, newest first. */
  history(): Snapshot[]
  /** Adds a snapshot (newest first, at most HISTORY_LIMIT; an identical newest text is not repeated). */
  snapshot(snap: Snapshot): StorageStatus
  /** The status of the last write. */
  status(): StorageStatus
}

export function createPersistence(store: () => KeyValueStore | null): Persistence {
  let last: StorageStatus = 'ok'
  const get = (key: string): string | null => {
    try {
      const s = store()
      if (!s) {
        last = 'unavailable'
        return null
      }
      return s.getItem(key)
    } catch {
      last = 'unavailable'
      return null
    }
  }
  const put = (key: string, value: string): StorageStatus => {
    let s: KeyValueStore | null
    try {
      s = store()
    } catch {
      s = null
    }
    if (!s) return (last = 'unavailable')
    try {
      s.setItem(key, value)
      return (last = 'ok')
    } catch (e) {
      return (last = isQuotaError(e) ? 'full' : 'unavailable')
    }
  }
  const readHistory = (): Snapshot[] => {
    const raw = get(HISTORY_KEY)
    if (!raw) return []
    try {
      const parsed: unknown = JSON.parse(raw)
      return Array.isArray(parsed) ? parsed.filter(isSnapshot).slice(0, HISTORY_LIMIT) : []
    } catch {
      return []
    }
  }
  return {
    load() {
      const raw = get(AUTOSAVE_KEY)
      if (!raw) return null
      try {
        const v: unknown = JSON.parse(raw)
        return isSaved(v) ? v : null
      } catch {
        return null
      }
    },
    save(saved) {
      return put(AUTOSAVE_KEY, JSON.stringify(saved))
    },
    history: readHistory,
    snapshot(snap) {
      const list = readHistory()
      if (list[0]?.text === snap.text) return 'ok'
      let next = [snap, ...list].slice(0, HISTORY_LIMIT)
      let status = put(HISTORY_KEY, JSON.stringify(next))
      // Storage full: drop the oldest snapshots until the new one fits (keeping at least it).
      while (status === 'full' && next.length > 1) {
        next = next.slice(0, Math.max(1, Math.floor(next.length / 2)))
        status = put(HISTORY_KEY, JSON.stringify(next))
      }
      return status
    },
    status: () => last,
  }
}

/** What the page opens with, decided from the URL fragment, the autosave and the default scenario. */
export type Start =
  | {
      source: 'link'
      link: DecodedLink
      /** Local work the link would hide: offered back. */ previous: Saved | null
    }
  | {
      source: 'autosave'
      saved: Saved
      /** A link that could not be opened, and why. */ brokenLink: string | null
    }
  | { source: 'default'; brokenLink: string | null }

export function chooseStart(fragment: string, saved: Saved | null, defaultText: string): Start {
  if (fragment && isLinkFragment(fragment)) {
    const decoded = decodeLink(fragment)
    if (decoded.ok) {
      const previous =
        saved && saved.text !== decoded.link.text && saved.text.trim() !== defaultText.trim() ? saved : null
      return { source: 'link', link: decoded.link, previous }
    }
    return saved
      ? { source: 'autosave', saved, brokenLink: decoded.reason }
      : { source: 'default', brokenLink: decoded.reason }
  }
  return saved ? { source: 'autosave', saved, brokenLink: null } : { source: 'default', brokenLink: null }
}

function isSaved(v: unknown): v is Saved {
  const o = v as Saved | null
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.text === 'string' &&
    typeof o.atS === 'number' &&
    Number.isFinite(o.atS) &&
    typeof o.savedAt === 'number'
  )
}

function isSnapshot(v: unknown): v is Snapshot {
  const o = v as Snapshot | null
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.name === 'string' &&
    typeof o.text === 'string' &&
    typeof o.savedAt === 'number'
  )
}

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'
}
