import { create } from 'zustand'

export interface ConsoleEntry {
  readonly command: string
  /** The simulated time the command saw, in seconds. */
  readonly atS: number
  readonly stdout: string
  readonly stderr: string
}

export interface ConsoleState {
  readonly entries: readonly ConsoleEntry[]
  readonly open: boolean
  add(entry: ConsoleEntry): void
  clear(): void
  setOpen(open: boolean): void
}

/** Most entries kept on screen. */
export const MAX_CONSOLE_ENTRIES = 100

export const useConsole = create<ConsoleState>()((set) => ({
  entries: [],
  open: true,
  add: (entry) => set((s) => ({ entries: [...s.entries, entry].slice(-MAX_CONSOLE_ENTRIES) })),
  clear: () => set({ entries: [] }),
  setOpen: (open) => set({ open }),
}))

/**
 * Splits a command line into words the way a shell would for kubectl's needs: spaces separate words,
 * single and double quotes group them (`-l 'app in (web, api)'`).
 */
export function splitWords(line: string): string[] {
  const words: string[] = []
  let word = ''
  let quote: string | null = null
  let any = false
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null
      else word += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      any = true
    } else if (/\s/.test(ch)) {
      if (word || any) words.push(word)
      word = ''
      any = false
    } else word += ch
  }
  if (word || any) words.push(word)
  return words
}
