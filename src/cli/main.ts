import { readFile } from 'node:fs/promises'
import {
  analyzeScenario,
  clusterObjects,
  DEFAULT_EPOCH_MS,
  ENGINE_VERSION,
  KUBERNETES_VERSION,
  kubectl,
  loadManifests,
  MAX_HORIZON_MS,
  parseDuration,
  scenarioSeed,
  simulate,
  type ClusterObjects,
  type Diagnostic,
} from '../engine'
import { isSelection, LINK_FLAGS, shareUrl } from '../share/link'
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
  kubeplay link <file.yaml> [--at 83s] [--select pod/default/web-0] [--base URL] [--embed] [--present]
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
      return run(rest, io)
    case 'print':
      return print(rest, io)
    case 'link':
      return link(rest, io)
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
    for (const d of analyzeScenario(text).diagnostics) {
      io.stdout(formatDiagnostic(name, d))
      if (d.severity === 'error') errors++
    }
  }
  return errors > 0 ? EXIT.inputErrors : EXIT.ok
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.col}: ${d.severity}: ${d.message}\n`
}

/** Takes `--name value` / `--name=value` options out of argv; the rest goes to kubectl untouched. */
function takeOptions(
  argv: readonly string[],
  names: readonly string[],
): { options: Map<string, string>; rest: string[] } | string {
  const options = new Map<string, string>()
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const name = names.find((n) => a === `--${n}` || a.startsWith(`--${n}=`))
    if (!name) {
      rest.push(a)
      continue
    }
    const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]
    if (value === undefined) return `--${name} needs a value`
    options.set(name, value)
  }
  return { options, rest }
}

async function readInput(file: string, io: Io): Promise<string | null> {
  try {
    return file === '-' ? await io.stdin() : await readFile(file, 'utf8')
  } catch (e) {
    io.stderr(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`)
    return null
  }
}

/** `kubeplay run <file|-> [--at T] [--until T] [--seed N] <kubectl args…>`. */
async function run(argv: readonly string[], io: Io): Promise<number> {
  const parsed = takeOptions(argv, ['at', 'until', 'seed'])
  if (typeof parsed === 'string') return usage(io, `kubeplay run: ${parsed}`)
  const [file, ...args] = parsed.rest
  if (!file) return usage(io, 'kubeplay run: name a scenario file (or - for standard input)')
  if (args.length === 0) return usage(io, 'kubeplay run: give the kubectl command to run, e.g. get pods')
  const until = parsed.options.has('until') ? parseDuration(parsed.options.get('until')) : 600_000
  const at = parsed.options.has('at') ? parseDuration(parsed.options.get('at')) : until
  const seedText = parsed.options.get('seed') ?? ''
  if (until === null || until < 0)
    return usage(
      io,
      `kubeplay run: --until ${parsed.options.get('until')} is not a duration (e.g. 90s, 10m, 1h)`,
    )
  if (at === null || at < 0)
    return usage(io, `kubeplay run: --at ${parsed.options.get('at')} is not a duration (e.g. 90s, 10m, 1h)`)
  if (seedText !== '' && !/^\d+$/.test(seedText))
    return usage(io, `kubeplay run: --seed ${seedText} is not a whole number`)
  const horizon = Math.max(until, at)
  if (horizon > MAX_HORIZON_MS)
    return usage(
      io,
      `kubeplay run: kubeplay simulates at most 24h; ${parsed.options.get('at') ?? parsed.options.get('until')} is past that`,
    )
  const text = await readInput(file, io)
  if (text === null) return EXIT.inputErrors
  const name = file === '-' ? '<stdin>' : file
  const analysis = analyzeScenario(text)
  for (const d of analysis.diagnostics) if (d.severity === 'error') io.stderr(formatDiagnostic(name, d))
  if (analysis.hasErrors) return EXIT.inputErrors
  const seed = seedText === '' ? scenarioSeed(analysis.objects) : Number(seedText)
  const timeline = simulate(analysis.objects, { untilMs: horizon, seed })
  if (timeline.stopped) io.stderr(`${name}: warning: ${timeline.stopped.reason}\n`)
  const shown = Math.min(at, timeline.untilMs)
  return runKubectl(args, clusterObjects(timeline.stateAt(shown)), timeline.epochMs + shown, io)
}

/** `kubeplay print <file|-> [--now T] <kubectl args…>`: the objects as given, status included. */
async function print(argv: readonly string[], io: Io): Promise<number> {
  const parsed = takeOptions(argv, ['now'])
  if (typeof parsed === 'string') return usage(io, `kubeplay print: ${parsed}`)
  const [file, ...args] = parsed.rest
  if (!file) return usage(io, 'kubeplay print: name a file of objects (or - for standard input)')
  if (args.length === 0) return usage(io, 'kubeplay print: give the kubectl command to run, e.g. get pods')
  let now: number | null = null
  if (parsed.options.has('now')) {
    now = Date.parse(parsed.options.get('now')!)
    if (!Number.isFinite(now))
      return usage(
        io,
        `kubeplay print: --now ${parsed.options.get('now')} is not a time like 2026-01-01T00:00:00Z`,
      )
  }
  const text = await readInput(file, io)
  if (text === null) return EXIT.inputErrors
  const { objects, diagnostics } = loadManifests(text)
  const name = file === '-' ? '<stdin>' : file
  const errors = diagnostics.filter((d) => d.severity === 'error')
  for (const d of errors) io.stderr(formatDiagnostic(name, d))
  if (errors.length > 0) return EXIT.inputErrors
  const cluster: ClusterObjects = { pods: [], nodes: [], events: [], namespaces: [] }
  for (const o of objects) {
    const body = { ...o.body, metadata: o.metadata } as never
    if (o.kind === 'Pod') cluster.pods.push(body)
    else if (o.kind === 'Node') cluster.nodes.push(body)
    else if (o.kind === 'Event') cluster.events.push(body)
    else if (o.kind === 'Namespace') cluster.namespaces.push(body)
  }
  return runKubectl(args, cluster, now ?? latestTimestamp(text) ?? DEFAULT_EPOCH_MS, io)
}

/** Without --now, "now" is the newest timestamp in the objects, so ages read as they did when dumped. */
function latestTimestamp(text: string): number | null {
  let latest: number | null = null
  for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g)) {
    const t = Date.parse(m[0])
    if (Number.isFinite(t) && (latest === null || t > latest)) latest = t
  }
  return latest
}

function runKubectl(args: readonly string[], cluster: ClusterObjects, now: number, io: Io): number {
  const result = kubectl(args[0] === 'kubectl' ? args.slice(1) : args, cluster, now)
  if (result.stdout) io.stdout(result.stdout)
  if (result.stderr) io.stderr(result.stderr)
  return result.exitCode === 0 ? EXIT.ok : EXIT.inputErrors
}

/**
 * `kubeplay link <file> [--at T] [--select kind/ns/name] [--base URL] [--embed] [--present]`: the share
 * link of the scenario, exactly as the page makes it (src/share/link.ts); `--embed` and `--present` make
 * it open in embed or presenter mode.
 */
async function link(argv: readonly string[], io: Io): Promise<number> {
  const flags = LINK_FLAGS.filter((f) => argv.includes(`--${f}`))
  const parsed = takeOptions(
    argv.filter((a) => !flags.some((f) => a === `--${f}`)),
    ['at', 'select', 'base'],
  )
  if (typeof parsed === 'string') return usage(io, `kubeplay link: ${parsed}`)
  const [file, extra] = parsed.rest
  if (!file || extra) return usage(io, 'kubeplay link: name one scenario file')
  const at = parsed.options.has('at') ? parseDuration(parsed.options.get('at')) : 0
  if (at === null || at < 0)
    return usage(io, `kubeplay link: --at ${parsed.options.get('at')} is not a duration`)
  const select = parsed.options.get('select')
  if (select !== undefined && !isSelection(select))
    return usage(io, `kubeplay link: --select ${select} is not kind/namespace/name (e.g. pod/default/web-0)`)
  const text = await readInput(file, io)
  if (text === null) return EXIT.inputErrors
  const base = parsed.options.get('base') ?? 'http://localhost:5173/'
  const state = { text, atS: at / 1000, ...(select ? { select } : {}), ...(flags.length ? { flags } : {}) }
  io.stdout(`${shareUrl(base, state, ENGINE_VERSION)}\n`)
  return EXIT.ok
}

function usage(io: Io, message: string): number {
  io.stderr(`${message}\n\n${USAGE}`)
  return EXIT.usage
}
