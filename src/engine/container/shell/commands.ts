/** The command table: which names the interpreter runs itself, and where their code lives. */
import { cat, cp, ls, mkdir, rm, rmdir, tail, touch } from './cmd-files'
import { date, echo, env, hostname, printenv, printf, sleep } from './cmd-text'
import type { Command } from './io'

/** Programs (busybox applets) implemented in plain code; they may also be a container's argv[0]. */
export const APPLETS: Readonly<Record<string, Command>> = {
  cat,
  cp,
  date,
  echo,
  env,
  hostname,
  ls,
  mkdir,
  printenv,
  printf,
  rm,
  rmdir,
  sleep,
  tail,
  touch,
  true: () => 0,
  false: () => 1,
}

/** Applets that need the shell's state or wording; the VM runs them. Also valid as argv[0]. */
export const STATEFUL_APPLETS: ReadonlySet<string> = new Set(['test', '[', 'pwd'])

/** Shell builtins: only inside a shell script. */
export const SHELL_BUILTINS: ReadonlySet<string> = new Set([
  ':',
  'cd',
  'exit',
  'export',
  'unset',
  'set',
  'read',
  'wait',
  'exec',
  'trap',
  'break',
  'continue',
])

/** Directories a container's PATH covers: `/bin/sleep` is `sleep`. */
const BIN_DIRS = new Set(['', '/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'])

/** The applet a command name means (`/bin/sleep` → `sleep`), or null when it is not one of ours. */
export function appletName(cmd: string): string | null {
  const i = cmd.lastIndexOf('/')
  const dir = i < 0 ? '' : cmd.slice(0, i)
  const base = cmd.slice(i + 1)
  if (!BIN_DIRS.has(dir)) return null
  return Object.hasOwn(APPLETS, base) || STATEFUL_APPLETS.has(base) ? base : null
}

/** True when the interpreter knows a command name (builtin or applet). */
export function isKnownCommand(cmd: string): boolean {
  return SHELL_BUILTINS.has(cmd) || appletName(cmd) !== null
}

/** The shell a program name means (`/bin/sh` → `ash`), or null. */
export function shellDialect(cmd: string): 'ash' | 'bash' | null {
  const i = cmd.lastIndexOf('/')
  if (!BIN_DIRS.has(i < 0 ? '' : cmd.slice(0, i))) return null
  const base = cmd.slice(i + 1)
  if (base === 'sh' || base === 'ash' || base === 'dash') return 'ash'
  return base === 'bash' ? 'bash' : null
}
