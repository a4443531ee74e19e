/** What a command sees while it runs, and what it can answer. */
import type { FsView } from './vfs'

/** The world as one command sees it. */
export interface Io {
  /** Writes to standard output / standard error (after the command's redirections). */
  out(text: string): void
  err(text: string): void
  /** Standard input: empty (a container without `stdin: true`), or a `<` redirection's file. */
  stdin: string
  fs: FsView
  cwd: string
  /** Virtual ms since the scenario started, and wall-clock ms of virtual 0 (for `date`). */
  nowMs: number
  epochMs: number
  /** The environment the command inherits, in order (as `env` prints it). */
  environ(): [string, string][]
}

/**
 * What a command answers: its exit status, or that it blocks for a while (`sleep`), or forever
 * (`sleep infinity`, `tail -f`).
 */
export type CmdResult = number | { sleepMs: number } | { forever: true }

/** A command implementation: argv without the command name. */
export type Command = (args: string[], io: Io, name: string) => CmdResult
