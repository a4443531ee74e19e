/**
 * File commands, worded as busybox words them: `cat`, `touch`, `rm`, `mkdir`, `rmdir`, `ls`, `tail`,
 * `cp`. Messages follow busybox's `bb_perror_msg` pattern `<applet>: <text>: <strerror>`.
 */
import {
  errnoText,
  listDir,
  makeDir,
  normalizePath,
  readFile,
  removePath,
  statPath,
  writeFile,
  type Errno,
} from './vfs'
import type { CmdResult, Command, Io } from './io'

/** Splits leading `-abc` options (until `--` or a non-option) into a set of letters. */
export function parseFlags(args: string[]): { flags: Set<string>; rest: string[] } {
  const flags = new Set<string>()
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--') {
      i++
      break
    }
    if (!a.startsWith('-') || a === '-') break
    for (const c of a.slice(1)) flags.add(c)
  }
  return { flags, rest: args.slice(i) }
}

function path(io: Io, p: string): string {
  return normalizePath(p, io.cwd)
}

export const cat: Command = (args, io) => {
  const { rest } = parseFlags(args)
  if (rest.length === 0) {
    io.out(io.stdin)
    return 0
  }
  let status = 0
  for (const f of rest) {
    if (f === '-') {
      io.out(io.stdin)
      continue
    }
    const r = readFile(io.fs, path(io, f))
    if (r.ok) io.out(r.content)
    else {
      io.err(
        r.errno === 'EISDIR'
          ? 'cat: read error: Is a directory\n'
          : `cat: can't open '${f}': ${errnoText(r.errno)}\n`,
      )
      status = 1
    }
  }
  return status
}

export const touch: Command = (args, io) => {
  const { flags, rest } = parseFlags(args)
  let status = 0
  for (const f of rest) {
    const p = path(io, f)
    if (statPath(io.fs, p) !== null || flags.has('c')) continue
    const bad = writeFile(io.fs, p, '', true)
    if (bad) {
      io.err(`touch: ${f}: ${errnoText(bad)}\n`)
      status = 1
    }
  }
  return status
}

export const rm: Command = (args, io) => {
  const { flags, rest } = parseFlags(args)
  const force = flags.has('f')
  const recursive = flags.has('r') || flags.has('R')
  let status = 0
  for (const f of rest) {
    const p = path(io, f)
    const kind = statPath(io.fs, p)
    if (kind === null && force) continue
    if (kind === 'dir' && !recursive) {
      io.err(`rm: '${f}' is a directory\n`)
      status = 1
      continue
    }
    const bad = removePath(io.fs, p, recursive)
    if (bad) {
      io.err(`rm: can't remove '${f}': ${errnoText(bad)}\n`)
      status = 1
    }
  }
  return status
}

export const mkdir: Command = (args, io) => {
  const { flags, rest } = parseFlags(args)
  let status = 0
  for (const f of rest) {
    const bad = makeDir(io.fs, path(io, f), flags.has('p'))
    if (bad) {
      io.err(`mkdir: can't create directory '${f}': ${errnoText(bad)}\n`)
      status = 1
    }
  }
  return status
}

export const rmdir: Command = (args, io) => {
  const { rest } = parseFlags(args)
  let status = 0
  for (const f of rest) {
    const p = path(io, f)
    const kind = statPath(io.fs, p)
    const bad: Errno | null = kind === 'file' ? 'ENOTDIR' : removePath(io.fs, p, false)
    if (bad) {
      io.err(`rmdir: '${f}': ${errnoText(bad)}\n`)
      status = 1
    }
  }
  return status
}

/** `ls [-1aA] [path…]`: one name a line (stdout is not a terminal). Long formats are not modelled. */
export const ls: Command = (args, io) => {
  const { flags, rest } = parseFlags(args)
  const targets = rest.length ? rest : ['.']
  let status = 0
  const files: string[] = []
  const dirs: string[] = []
  for (const t of targets) {
    const kind = statPath(io.fs, path(io, t))
    if (kind === null) {
      io.err(`ls: ${t}: No such file or directory\n`)
      status = 1
    } else if (kind === 'file') files.push(t)
    else dirs.push(t)
  }
  const blocks: string[] = []
  if (files.length) blocks.push(files.map((f) => `${f}\n`).join(''))
  for (const d of dirs) {
    const listing = listDir(io.fs, path(io, d))
    let names = listing.ok ? listing.names : []
    if (!flags.has('a') && !flags.has('A')) names = names.filter((n) => !n.startsWith('.'))
    if (flags.has('a')) names = ['.', '..', ...names]
    const head = targets.length > 1 ? `${d}:\n` : ''
    blocks.push(head + names.map((n) => `${n}\n`).join(''))
  }
  io.out(blocks.join('\n'))
  return status
}

function lastLines(content: string, n: number): string {
  if (n <= 0) return ''
  const lines = content.split('\n')
  const trailing = content.endsWith('\n')
  if (trailing) lines.pop()
  return lines.slice(-n).join('\n') + (trailing ? '\n' : '')
}

/**
 * `tail [-n N] [-f|-F] file…`: prints the last lines; with `-f`/`-F` it then follows forever. Lines
 * appended later are not shown (the interpreter has no way to wake on another container's write).
 */
export const tail: Command = (args, io) => {
  let n = 10
  let follow = false
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-f' || a === '-F') follow = true
    else if (a === '-n') n = Number(args[++i] ?? '10')
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2))
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1))
    else files.push(a)
  }
  if (!Number.isFinite(n)) n = 10
  let status = 0
  if (files.length === 0) io.out(lastLines(io.stdin, n))
  for (const f of files) {
    const r = readFile(io.fs, path(io, f))
    if (r.ok) io.out(lastLines(r.content, n))
    else if (!follow || r.errno !== 'ENOENT') {
      io.err(`tail: can't open '${f}': ${errnoText(r.errno)}\n`)
      status = 1
    }
  }
  if (follow && files.length > 0) return { forever: true }
  return status
}

/** `cp [-r] src… dest` for files (a directory source needs `-r` and is copied one level deep). */
export const cp: Command = (args, io): CmdResult => {
  const { rest } = parseFlags(args)
  if (rest.length < 2) {
    io.err('cp: missing file operand\n')
    return 1
  }
  const dest = rest[rest.length - 1] as string
  const sources = rest.slice(0, -1)
  const destIsDir = statPath(io.fs, path(io, dest)) === 'dir'
  let status = 0
  for (const s of sources) {
    const r = readFile(io.fs, path(io, s))
    if (!r.ok) {
      io.err(
        r.errno === 'EISDIR'
          ? `cp: omitting directory '${s}'\n`
          : `cp: can't stat '${s}': ${errnoText(r.errno)}\n`,
      )
      status = 1
      continue
    }
    const base = s.split('/').filter(Boolean).pop() ?? s
    const target = destIsDir ? `${path(io, dest)}/${base}` : path(io, dest)
    const bad = writeFile(io.fs, target, r.content)
    if (bad) {
      io.err(`cp: can't create '${destIsDir ? `${dest}/${base}` : dest}': ${errnoText(bad)}\n`)
      status = 1
    }
  }
  return status
}
