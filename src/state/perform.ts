import { create } from 'zustand'
import type { UserAction } from './action-kinds'
import { useScenario } from './scenario'
import { formatClock, useTimeline } from './timeline'

/** The last thing an action did (or why it could not), shown briefly to the person who acted. */
export interface Notice {
  readonly id: number
  readonly kind: 'done' | 'error'
  readonly text: string
}

export const useNotice = create<{
  notice: Notice | null
  show(n: Omit<Notice, 'id'>): void
  clear(): void
}>()((set, get) => ({
  notice: null,
  show: (n) => set({ notice: { ...n, id: (get().notice?.id ?? 0) + 1 } }),
  clear: () => set({ notice: null }),
}))

/** The kubectl-like words for an action, for the notice: `delete pod/web-0`, `scale deployment/web --replicas=5`. */
export function describeAction(a: UserAction): string {
  switch (a.action) {
    case 'scale':
      return `scale ${a.target} --replicas=${a.replicas}`
    case 'kill-container':
      return `kill container ${a.container} of ${a.target} (exit code ${a.exitCode})`
    default:
      return `${a.action} ${a.target}`
  }
}

/**
 * Carries out an action at the time cursor: writes it into the scenario's timeline (the text, so it is
 * saved and shared); the new text re-simulates, and the cursor stays where it is.
 */
export async function performAction(action: UserAction): Promise<boolean> {
  const { diagnostics } = useScenario.getState()
  const atS = Math.floor(useTimeline.getState().timeS)
  const notice = useNotice.getState()
  if (diagnostics.some((d) => d.severity === 'error')) {
    notice.show({
      kind: 'error',
      text: 'Fix the errors in the YAML first: the action would not be simulated.',
    })
    return false
  }
  // The YAML editing of the text loads with the first action, not with the page.
  const { ActionEditError, addAction } = await import('./actions')
  try {
    const edit = addAction(useScenario.getState().text, atS, action)
    useScenario.getState().setText(edit.text)
    notice.show({
      kind: 'done',
      text: `${describeAction(action)} at t = ${formatClock(atS)}: added to the scenario's timeline (line ${edit.line}).`,
    })
    return true
  } catch (e) {
    if (!(e instanceof ActionEditError)) throw e
    notice.show({ kind: 'error', text: `Cannot add the action: ${e.message}.` })
    return false
  }
}
