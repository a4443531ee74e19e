import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { create } from 'zustand'
import { useSelection, type Selection } from '../../state/selection'
import { ObjectActions } from './ObjectActions'

interface MenuState {
  readonly open: { x: number; y: number; target: Selection; origin: HTMLElement | null } | null
  show(x: number, y: number, target: Selection, origin: HTMLElement | null): void
  close(): void
}

export const useContextMenu = create<MenuState>()((set) => ({
  open: null,
  show: (x, y, target, origin) => set({ open: { x, y, target, origin } }),
  close: () => set({ open: null }),
}))

/** The object a graph element stands for, from its data attributes (DESIGN §4), or null. */
export function targetOf(element: Element | null): { target: Selection; element: HTMLElement } | null {
  // A React Flow node wrapper holds the card it draws.
  const el =
    element?.closest<HTMLElement>('[data-kind][data-name]') ??
    element?.querySelector<HTMLElement>(':scope > [data-kind][data-name]')
  if (!el) return null
  const kind = el.dataset.kind!
  if (kind !== 'Pod' && kind !== 'Node' && kind !== 'Service') return null
  const namespace = kind === 'Node' ? '' : (el.dataset.namespace ?? 'default')
  return { target: { kind, namespace, name: el.dataset.name! }, element: el }
}

/**
 * Handlers for the graph's container: a right-click on a pod, node or Service, or the context-menu key
 * (or Shift+F10) on a focused one, opens the actions menu for it; a click on a Service card inspects it.
 */
export const graphActionHandlers = {
  onContextMenu(e: React.MouseEvent): void {
    const found = targetOf(e.target as Element)
    if (!found) return
    e.preventDefault()
    useContextMenu.getState().show(e.clientX, e.clientY, found.target, found.element)
  },
  onKeyDown(e: React.KeyboardEvent): void {
    const found = targetOf(e.target as Element)
    if (!found) return
    if (e.key === 'Enter' && found.target.kind === 'Service')
      return useSelection.getState().select(found.target)
    if (e.key !== 'ContextMenu' && !(e.key === 'F10' && e.shiftKey)) return
    e.preventDefault()
    const r = (e.target as HTMLElement).getBoundingClientRect()
    useContextMenu.getState().show(r.left + 12, r.bottom, found.target, e.target as HTMLElement)
  },
  onClick(e: React.MouseEvent): void {
    const found = targetOf(e.target as Element)
    if (found?.target.kind === 'Service') useSelection.getState().select(found.target)
  },
}

/** The actions menu at the pointer: what can be done to the object at the time cursor. */
export function ContextMenu(): React.JSX.Element | null {
  const open = useContextMenu((s) => s.open)
  const box = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null)

  // Keep the menu inside the window, also when its actions arrive and it grows.
  useLayoutEffect(() => {
    if (!open || !box.current) return setPlace(null)
    const el = box.current
    const clamp = (): void => {
      const { width, height } = el.getBoundingClientRect()
      setPlace({
        left: Math.max(8, Math.min(open.x, window.innerWidth - width - 8)),
        top: Math.max(8, Math.min(open.y, window.innerHeight - height - 8)),
      })
    }
    clamp()
    const observer = new ResizeObserver(clamp)
    observer.observe(el)
    return () => observer.disconnect()
  }, [open])
  const placed = place !== null

  useEffect(() => {
    if (!open) return
    const close = (focusBack: boolean): void => {
      useContextMenu.getState().close()
      if (focusBack && open.origin?.isConnected) open.origin.focus()
    }
    const onDown = (e: PointerEvent): void => {
      if (!box.current?.contains(e.target as Node)) close(false)
    }
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        close(true)
      }
    }
    window.addEventListener('pointerdown', onDown, true)
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('pointerdown', onDown, true)
      window.removeEventListener('keydown', onKey, true)
    }
  }, [open])

  // Focus the first control once the menu is placed (a hidden element takes no focus).
  useEffect(() => {
    if (!open || !placed || !box.current) return
    const el = box.current
    const focusFirst = (): boolean => {
      const first = el.querySelector<HTMLElement>('button:not([disabled]), input, select')
      first?.focus()
      return first !== null
    }
    if (focusFirst()) return
    const observer = new MutationObserver(() => focusFirst() && observer.disconnect())
    observer.observe(el, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [open, placed])

  if (!open) return null
  const { target } = open
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    if ((e.target as HTMLElement).tagName === 'SELECT' || (e.target as HTMLInputElement).type === 'number')
      return
    const items = [...box.current!.querySelectorAll<HTMLElement>('button:not([disabled]), input, select')]
    const i = items.indexOf(document.activeElement as HTMLElement)
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
    e.preventDefault()
  }
  return (
    <div
      ref={box}
      className="context-menu"
      role="dialog"
      aria-label={`Actions for ${target.kind} ${target.name}`}
      data-testid="context-menu"
      style={place ?? { left: open.x, top: open.y, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      <header className="context-menu-header">
        <span className="context-menu-kind">{target.kind}</span> {target.name}
      </header>
      <button
        type="button"
        className="action-row action-button"
        onClick={() => {
          useSelection.getState().select(target)
          useContextMenu.getState().close()
        }}
      >
        <span className="action-label">Inspect</span>
        <span className="action-hint">describe, events, YAML{target.kind === 'Pod' ? ', logs' : ''}</span>
      </button>
      <ObjectActions target={target} onDone={() => useContextMenu.getState().close()} />
    </div>
  )
}
