/**
 * Exec probes (`livenessProbe.exec.command`): run a command to completion, synchronously, in the
 * container's filesystem. Virtual time does not pass for the simulator; a `sleep` inside adds to
 * `elapsedMs`, which the caller compares with the probe's `timeoutSeconds`.
 */
import { compileProcess } from './compile'
import type { FsView } from './vfs'
import { runUntilBlocked, startProcess } from './run'
import type { OutputLine, ProcContext } from './types'

/** Wake-ups (sleeps) an exec may go through before it counts as never finishing. */
export const MAX_EXEC_WAKES = 10_000

/** What an exec probe's command answered. */
export interface ExecResult {
  exitCode: number
  /** Combined stdout and stderr, as the kubelet reports it, without the final newline. */
  output: string
  /** Virtual time the command took: the sum of its sleeps; Infinity when it never finishes. */
  elapsedMs: number
  /** Set when the command is not one this interpreter runs (the caller decides what the image does). */
  unsupported?: string
}

/** Joins log lines back into the text that was written (partial lines have no newline). */
export function joinOutput(lines: readonly OutputLine[]): string {
  return lines.map((l) => (l.partial ? l.text : `${l.text}\n`)).join('')
}

/**
 * Runs `argv` (e.g. `['cat', '/tmp/healthy']` or `['sh', '-c', '…']`) as an exec probe would, with the
 * container's files and environment. With `ctx.timeoutMs`, it stops at the first wake-up past the
 * timeout (no later side effects) and `elapsedMs` then exceeds it.
 */
export function execProbe(
  argv: readonly string[],
  fs: FsView,
  ctx: ProcContext & { timeoutMs?: number },
): ExecResult {
  const compiled = compileProcess(argv)
  if (!compiled.ok) return { exitCode: 127, output: '', elapsedMs: 0, unsupported: compiled.reason }
  const program = compiled.program
  const state = startProcess(program)
  const lines: OutputLine[] = []
  let now = ctx.nowMs
  for (let wakes = 0; wakes <= MAX_EXEC_WAKES; wakes++) {
    const r = runUntilBlocked(program, state, fs, { ...ctx, nowMs: now })
    lines.push(...r.output)
    const text = joinOutput(lines).replace(/\n$/, '')
    if (r.step.kind === 'exit') return { exitCode: r.step.code, output: text, elapsedMs: now - ctx.nowMs }
    if (r.step.kind === 'forever') return { exitCode: 0, output: text, elapsedMs: Infinity }
    now = r.step.untilMs
    if (ctx.timeoutMs !== undefined && now - ctx.nowMs > ctx.timeoutMs) {
      return { exitCode: 0, output: text, elapsedMs: now - ctx.nowMs }
    }
  }
  return { exitCode: 0, output: joinOutput(lines).replace(/\n$/, ''), elapsedMs: Infinity }
}
