/**
 * The compiled form of a container's process: plain data (no functions, no classes) so a program and
 * its running state survive `structuredClone` into the simulator's keyframes.
 */

/** One piece of a shell word. `q`: quoted, so the result is not split into fields. */
export type WordPart =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; q: boolean; op?: VarOp; arg?: Word }
  | { t: 'sub'; code: Instr[]; q: boolean }
  | { t: 'arith'; expr: Word; q: boolean }

/** `${v:-w}` and friends; `len` is `${#v}`. */
export type VarOp = '-' | ':-' | '=' | ':=' | '+' | ':+' | 'len'

/** A shell word: its parts in order. */
export type Word = WordPart[]

/** A redirection: `>`/`>>` to a file, `<` from one, `>&` to another descriptor (`2>&1`). */
export type Redir = { fd: number; op: '>' | '>>' | '<'; target: Word } | { fd: number; op: '>&'; to: number }

/** One instruction. `status` is the last command's exit status (`$?`). */
export type Instr =
  /** Run a simple command: expand words, apply assignments and redirections, run, set status. */
  | {
      op: 'cmd'
      assigns: { name: string; value: Word }[]
      words: Word[]
      redirs: Redir[]
      line: number
      /** A failure here does not trigger `set -e` (a condition, or not the last of an `&&`/`||` list). */
      checked: boolean
    }
  /** `[[ … ]]`: its words, with `&&`, `||`, `!`, `(`, `)` kept as operator strings. */
  | { op: 'cond'; args: (Word | string)[]; line: number; checked: boolean }
  | { op: 'jmp'; to: number }
  /** Jump when status is 0. */
  | { op: 'jt'; to: number }
  /** Jump when status is not 0. */
  | { op: 'jf'; to: number }
  | { op: 'not' }
  | { op: 'status'; value: number }
  /** Remember status in a slot / restore it (a loop's status is its body's last). */
  | { op: 'store'; slot: number }
  | { op: 'load'; slot: number }
  /** Start a `for` loop: expand the words (null: the positional parameters) into the slot's list. */
  | { op: 'forInit'; slot: number; items: Word[] | null }
  /** Next `for` item into `name`, or jump to `end` when there is none. */
  | { op: 'forNext'; slot: number; name: string; end: number }

/** Which shell's wording to use for the shell's own errors. `none`: a built-in run without a shell. */
export type Dialect = 'ash' | 'bash' | 'none'

/** A compiled process, ready for {@link startProcess}. */
export interface Program {
  dialect: Dialect
  /** The shell's argv[0] as given (`sh`, `/bin/sh`): busybox ash prefixes its errors with it. */
  shellName: string
  code: Instr[]
  /** `$0`, `$1`…: for `sh -c script a b`, `$0` is `a`. */
  positional: string[]
  /** Options given on the shell's command line (`sh -ec`). */
  errexit: boolean
  xtrace: boolean
  /** Number of loop slots the code uses. */
  slots: number
  /**
   * Command names the script runs that this interpreter does not know. They fail with 127 and
   * `sh: x: not found`, as in a busybox image; a caller that knows the image has them may prefer its
   * image catalog instead.
   */
  unknownCommands: string[]
}

/** What the process is doing between calls. */
export type Wait =
  | { kind: 'ready' }
  | { kind: 'sleep'; untilMs: number }
  | { kind: 'exit'; code: number }
  | { kind: 'forever' }

/** A running process: where it is and what it knows. Plain data. */
export interface ProcState {
  pc: number
  status: number
  wait: Wait
  cwd: string
  /** Shell variables set by the script; null = unset (hides the container env's value). */
  vars: Record<string, string | null>
  /** Variables the script exported (they show in `env`). */
  exported: string[]
  errexit: boolean
  xtrace: boolean
  /** Per loop slot: saved status, and a `for` loop's items and position. */
  slots: { status: number; items: string[]; i: number }[]
}

/** One line of the container's log. `partial`: written without a newline (CRI's `P` tag). */
export interface OutputLine {
  atMs: number
  stream: 'stdout' | 'stderr'
  text: string
  partial?: true
}

/** Why {@link runUntilBlocked} returned. */
export type Step = { kind: 'sleep'; untilMs: number } | { kind: 'exit'; code: number } | { kind: 'forever' }

/** What the process sees of the world besides its files. */
export interface ProcContext {
  /** Virtual time, ms since the scenario started. */
  nowMs: number
  /** Wall-clock ms of virtual time 0 (for `date`). */
  epochMs: number
  /** The container's environment (already resolved by the kubelet). */
  env: Record<string, string>
}
