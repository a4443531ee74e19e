import { create } from 'zustand'
import { parseTarget } from '../engine/sim/actions'
import { ENGINE_VERSION } from '../engine/version'
import { LINK_FLAGS, shareUrl, type LinkFlag, type SharedState } from '../share/link'
import { chooseStart, createPersistence, type Persistence, type Saved, type StorageStatus } from './persist'
import { useScenario } from './scenario'
import { useSelection, type Selection } from './selection'
import { useTimeline } from './timeline'
import { browserStore } from './browser-store'

/**
 * The page's session: what it opens with (a link, the autosave or the default scenario), the autosave
 * while the user works, and the notices about both. The decisions are in persist.ts (pure, tested);
 * this is the glue to the stores and the browser.
 */

export interface SessionNotice {
  readonly kind: 'info' | 'warning' | 'error'
  readonly text: string
  /** Work the page set aside (a link opened over it): the notice offers it back. */
  readonly restore?: Saved
}

export interface SessionState {
  readonly notice: SessionNotice | null
  /** The autosave's last status: 'full' or 'unavailable' degrade to a visible notice. */
  readonly storage: StorageStatus
  setNotice(notice: SessionNotice | null): void
  setStorage(storage: StorageStatus): void
}

export const useSession = create<SessionState>()((set) => ({
  notice: null,
  storage: 'ok',
  setNotice: (notice) => set({ notice }),
  setStorage: (storage) => set({ storage }),
}))

/** Texts up to this size are saved on every change; bigger ones a moment after typing stops. */
const SAVE_AT_ONCE_BYTES = 256 * 1024
const SAVE_LATER_MS = 400

/** `pod/default/web-0` → the selection; `node/worker-1` → a cluster-scoped one (the actions' target syntax). */
export function selectionOf(select: string): Selection | null {
  const t = parseTarget(select)
  return t ? { kind: t.kind, namespace: t.namespace ?? '', name: t.name } : null
}

/** The selection as a link writes it. */
export function selectString(s: Selection | null): string | undefined {
  if (!s) return undefined
  const kind = s.kind.toLowerCase()
  return s.namespace ? `${kind}/${s.namespace}/${s.name}` : `${kind}/${s.name}`
}

/** What the page shows now, as a link would carry it. */
export function currentShared(): SharedState {
  const select = selectString(useSelection.getState().selected)
  return {
    text: useScenario.getState().text,
    atS: Math.round(useTimeline.getState().timeS * 10) / 10,
    ...(select ? { select } : {}),
  }
}

/**
 * The share link of what the page shows now, opening in the mode `flags` name: those of the address
 * (`?embed`, `?present`) give way to them, so the link opens the way the page is shown now.
 */
export function currentLink(flags: readonly LinkFlag[] = []): string {
  const base = new URL(window.location.href)
  for (const f of LINK_FLAGS) base.searchParams.delete(f)
  return shareUrl(base.toString(), { ...currentShared(), flags }, ENGINE_VERSION)
}

let persistence: Persistence | null = null

export function sessionPersistence(): Persistence {
  persistence ??= createPersistence(browserStore)
  return persistence
}

/** Opens a scenario text at a moment: the text, the cursor (paused) and the selection. */
export function openScenario(text: string, atS: number, select?: string): void {
  useScenario.getState().setText(text)
  useTimeline.getState().setTime(atS)
  useTimeline.getState().setPlaying(atS === 0)
  useSelection.getState().select(select ? selectionOf(select) : null)
}

/** Puts the current work aside as a named snapshot (before a link or a gallery scenario replaces it). */
export function keepCurrentWork(name: string): void {
  const text = useScenario.getState().text
  if (text.trim() === '') return
  useSession.getState().setStorage(sessionPersistence().snapshot({ name, text, savedAt: Date.now() }))
}

/**
 * Decides what the page opens with and starts the autosave. Call once, before the first analysis.
 * Returns a function that stops the autosave.
 */
export function startSession(defaultText: string): () => void {
  const p = sessionPersistence()
  applyStart(chooseStart(window.location.hash, p.load(), defaultText), p, defaultText)
  // A link pasted into the address bar of an open tab changes only the fragment: no reload.
  const onHash = (): void => {
    const current = {
      text: useScenario.getState().text,
      atS: useTimeline.getState().timeS,
      savedAt: Date.now(),
    }
    if (window.location.hash)
      applyStart(chooseStart(window.location.hash, current, defaultText), p, defaultText)
  }
  window.addEventListener('hashchange', onHash)
  if (p.status() === 'unavailable') useSession.getState().setStorage('unavailable')

  let timer: ReturnType<typeof setTimeout> | undefined
  const save = (): void => {
    clearTimeout(timer)
    timer = undefined
    const status = p.save({
      text: useScenario.getState().text,
      atS: useTimeline.getState().timeS,
      savedAt: Date.now(),
    })
    if (status !== useSession.getState().storage) useSession.getState().setStorage(status)
  }
  const later = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, SAVE_LATER_MS)
  }
  const offText = useScenario.subscribe((s, prev) => {
    if (s.text === prev.text) return
    if (s.text.length <= SAVE_AT_ONCE_BYTES) save()
    else later()
  })
  const offTime = useTimeline.subscribe((s, prev) => {
    if (Math.floor(s.timeS) !== Math.floor(prev.timeS)) later()
  })
  const onHide = (): void => save()
  window.addEventListener('pagehide', onHide)
  save()
  return () => {
    offText()
    offTime()
    window.removeEventListener('pagehide', onHide)
    window.removeEventListener('hashchange', onHash)
  }
}

function applyStart(start: ReturnType<typeof chooseStart>, p: Persistence, defaultText: string): void {
  const notice = useSession.getState().setNotice
  if (start.source === 'link') {
    const { link, previous } = start
    if (previous) p.snapshot({ name: 'Before opening a link', text: previous.text, savedAt: Date.now() })
    openScenario(link.text, link.atS, link.select)
    const older =
      link.engine === null || link.engine < ENGINE_VERSION
        ? ' It was made by an older kubeplay engine: what happens may differ a little from when it was shared.'
        : ''
    if (previous)
      notice({
        kind: 'info',
        text: `Opened a shared link. Your previous work is kept in the history.${older}`,
        restore: previous,
      })
    else if (older) notice({ kind: 'info', text: older.trim() })
    return
  }
  if (start.source === 'autosave') {
    if (start.saved.text !== useScenario.getState().text) openScenario(start.saved.text, start.saved.atS)
  } else openScenario(defaultText, 0)
  if (start.brokenLink) {
    // The address bar shows what the page shows, and the refused link is not kept: Chromium slows to
    // a crawl while the page's address is megabytes long, and a reload would only refuse it again.
    history.replaceState(null, '', window.location.pathname + window.location.search)
    notice({
      kind: 'error',
      text: `This link could not be opened: ${start.brokenLink}. ${start.source === 'autosave' ? 'Your saved work is shown instead.' : 'The default scenario is shown instead.'}`,
    })
  }
}
