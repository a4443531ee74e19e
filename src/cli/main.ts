import { readFile } from 'node:fs/promises'
import { ENGINE_VERSION, KUBERNETES_VERSION, loadManifests } from '../engine'
import pkg from '../../package.json' with { type: 'json' }

/** Where the command line reads and writes; injected so tests run it in-process. */
export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  stdin(): Promise<string>
}

/** Exit statuses of DESIGN §3: anything else is a bug. */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2 } as const

const USAGE = `Usage:
  kubeplay run <file.yaml|-> [--at 90s] [--until 10m] [--seed N] <kubectl-args…>
  kubeplay print <file.yaml|json|-> [--now 2026-01-01T00:00:00Z] <kubectl-args…>
  kubeplay check <file…>
  kubeplay link <file.yaml> [--at 83s] [--select pod/default/web-0] [--base URL]
  kubeplay version
`

/** Runs one command line; returns the exit status. Never throws for bad input or usage. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'version':
      io.stdout(
        `kubeplay ${pkg.version}\nengine ${ENGINE_VERSION}\nkubernetes ${KUBERNETES_VERSION} (the release whose kubelet, scheduler, controllers and kubectl kubeplay models)\n`,
      )
      return EXIT.ok
    case 'check':
      return check(rest, io)
    case 'run':
    case 'print':
    case 'link':
      io.stderr(
        `kubeplay ${command}: not available yet in this version (the simulation engine is being built).\n`,
      )
      return EXIT.usage
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      ;(command === undefined ? io.stderr : io.stdout)(USAGE)
      return command === undefined ? EXIT.usage : EXIT.ok
    default:
      io.stderr(`kubeplay: unknown command "${command}"\n\n${USAGE}`)
      return EXIT.usage
  }
}

/** `kubeplay check <file…>`: every diagnostic as `file:line:col: severity: message`. */
async function check(files: readonly string[], io: Io): Promise<number> {
  if (files.length === 0) {
    io.stderr('kubeplay check: name at least one file (or - for standard input)\n')
    return EXIT.usage
  }
  let errors = 0
  for (const file of files) {
    let text: string
    try {
      text = file === '-' ? await io.stdin() : await readFile(file, 'utf8')
    } catch (e) {
      io.stderr(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`)
      errors++
      continue
    }
    const name = file === '-' ? '<stdin>' : file
    for (const d of loadManifests(text).diagnostics) {
      io.stdout(`${name}:${d.line}:${d.col}: ${d.severity}: ${d.message}\n`)
      if (d.severity === 'error') errors++
    }
  }
  return errors > 0 ? EXIT.inputErrors : EXIT.ok
}
