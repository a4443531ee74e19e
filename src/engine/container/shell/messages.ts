/**
 * The shell's own error messages, worded as busybox ash words them (`sh -c`), or as bash 5 does
 * (`bash -c`, e.g. the `bash` image, which is Alpine with busybox tools). Utilities (`cat`, `rm`…)
 * always speak busybox; see cmd-files.ts.
 */
import type { TestError } from './cmd-test'
import { errnoText, type Errno } from './vfs'
import type { Dialect } from './types'

/** Who is speaking: the shell's dialect, its argv[0], and the script line of the failing command. */
export interface Speaker {
  dialect: Dialect
  shellName: string
  line: number
}

function bashPrefix(s: Speaker): string {
  return `${s.shellName}: line ${s.line}: `
}

/** `sh: foo: not found` (ash) / `bash: line 1: foo: command not found`; exit status 127. */
export function notFound(s: Speaker, cmd: string): string {
  return s.dialect === 'bash'
    ? `${bashPrefix(s)}${cmd}: command not found\n`
    : `${s.shellName}: ${cmd}: not found\n`
}

/**
 * A redirection that could not be opened. ash: `sh: can't create /x/y: nonexistent directory`
 * (ash's `errmsg` words ENOENT by operation); bash: `bash: line 1: /x/y: No such file or directory`.
 */
export function redirectFailed(s: Speaker, path: string, errno: Errno, forWriting: boolean): string {
  if (s.dialect === 'bash') return `${bashPrefix(s)}${path}: ${errnoText(errno)}\n`
  if (errno === 'ENOENT') {
    return forWriting
      ? `${s.shellName}: can't create ${path}: nonexistent directory\n`
      : `${s.shellName}: can't open ${path}: no such file\n`
  }
  return `${s.shellName}: can't ${forWriting ? 'create' : 'open'} ${path}: ${errnoText(errno)}\n`
}

/** Exit status of a command whose redirection failed: 2 in ash, 1 in bash. */
export function redirectStatus(s: Speaker): number {
  return s.dialect === 'bash' ? 1 : 2
}

/** `cd` to a missing directory. */
export function cdFailed(s: Speaker, dir: string, errno: Errno): string {
  return s.dialect === 'bash'
    ? `${bashPrefix(s)}cd: ${dir}: ${errnoText(errno)}\n`
    : `${s.shellName}: cd: line ${s.line}: can't cd to ${dir}: ${errnoText(errno)}\n`
}

/** `exit abc`. */
export function badExit(s: Speaker, arg: string): string {
  return s.dialect === 'bash'
    ? `${bashPrefix(s)}exit: ${arg}: numeric argument required\n`
    : `${s.shellName}: exit: line ${s.line}: Illegal number: ${arg}\n`
}

/** A `$(( … ))` that cannot be evaluated; the shell then exits with 2 (ash) / skips the command (bash). */
export function arithFailed(s: Speaker, expr: string, why: 'syntax' | 'divzero'): string {
  if (s.dialect === 'bash') {
    return `${bashPrefix(s)}${expr.trim()}: ${why === 'divzero' ? 'division by 0' : 'syntax error in expression'}\n`
  }
  return `${s.shellName}: ${why === 'divzero' ? 'divide by zero' : 'arithmetic syntax error'}\n`
}

/**
 * `test`/`[` errors (status 2). As an ash builtin busybox prefixes them with its applet name `sh`;
 * run directly, with `test` or `[`. bash: `bash: line 1: [: missing `]'`.
 */
export function testFailed(s: Speaker, name: string, e: TestError): string {
  if (s.dialect === 'bash') {
    const tail =
      e.kind === 'missing]'
        ? "missing `]'"
        : e.kind === 'badNumber'
          ? `${e.arg}: integer expression expected`
          : e.kind === 'unknownOperand'
            ? 'too many arguments'
            : 'argument expected'
    return `${bashPrefix(s)}${name}: ${tail}\n`
  }
  const who = s.dialect === 'none' ? name : 'sh'
  const tail =
    e.kind === 'missing]'
      ? 'missing ]'
      : e.kind === 'badNumber'
        ? `${e.arg}: bad number`
        : e.kind === 'unknownOperand'
          ? `${e.arg}: unknown operand`
          : 'argument expected'
  return `${who}: ${tail}\n`
}
