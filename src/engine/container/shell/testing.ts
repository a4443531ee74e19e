/** Helpers for tests and callers: drive a process through virtual time like the simulator does. */
import { compileProcess } from './compile'
import { imageFs, type FsView } from './vfs'
import { runUntilBlocked, startProcess } from './run'
import type { OutputLine, ProcState, Program, Step } from './types'

/** A container view with a fresh local tree and the given volumes mounted. */
export function viewWith(volumes: FsView['volumes'] = {}, mounts: FsView['mounts'] = []): FsView {
  return { local: imageFs(), volumes, mounts }
}

/** The trace of a run: every step with the time it was taken, and the log. */
export interface Trace {
  program: Program
  state: ProcState
  steps: { atMs: number; step: Step }[]
  output: OutputLine[]
}

/**
 * Compiles `argv` and runs it from `startMs`, waking it at each sleep's end, until it exits, blocks
 * forever, or the next wake-up is past `untilMs`. Throws when `argv` does not compile.
 */
export function simulate(
  argv: readonly string[],
  opts: {
    fs?: FsView
    env?: Record<string, string>
    startMs?: number
    untilMs?: number
    epochMs?: number
  } = {},
): Trace {
  const compiled = compileProcess(argv)
  if (!compiled.ok) throw new Error(`does not compile: ${compiled.reason}`)
  const fs = opts.fs ?? viewWith()
  const program = compiled.program
  let state = startProcess(program)
  const steps: Trace['steps'] = []
  const output: OutputLine[] = []
  let now = opts.startMs ?? 0
  const until = opts.untilMs ?? 3_600_000
  for (;;) {
    const r = runUntilBlocked(program, state, fs, {
      nowMs: now,
      epochMs: opts.epochMs ?? 0,
      env: opts.env ?? {},
    })
    state = r.state
    steps.push({ atMs: now, step: r.step })
    output.push(...r.output)
    if (r.step.kind !== 'sleep' || r.step.untilMs > until) break
    now = r.step.untilMs
  }
  return { program, state, steps, output }
}
