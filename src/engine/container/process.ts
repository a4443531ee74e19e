import type { Probe } from 'kubernetes-types/core/v1'
import type { ProbeType } from '../sim/state'
import type { ProcessBehaviour } from './catalog-types'
import type { FsData, FsMount, ProcState, Program } from './shell'

/** A probe window in ms since the run started; `to` null = open end. */
export type Window = readonly [number, number | null]

/** How one run of a container behaves, resolved from the layers of DESIGN §2.3. Plain data. */
export interface ProcessPlan {
  /** ms after start when the process listens and answers probes; null = never. */
  readonly listenAfter: number | null
  /** The process ends on its own: ms after start, with the exit code and the reason. */
  readonly exit: {
    readonly after: number
    readonly code: number
    readonly reason: 'Completed' | 'Error' | 'OOMKilled' | 'StartError'
  } | null
  /** What SIGTERM does: exit at once with 0 or 143, or nothing (PID 1 shell: SIGKILL at the end, 137). */
  readonly sigterm: 'exit0' | 'exit143' | 'ignore'
  /** Probe results forced to failure in these windows (the behavior annotation). */
  readonly probeFail: Partial<Record<ProbeType, readonly Window[]>>
  /** Ports the process listens on. */
  readonly ports: readonly number[]
  /** How the catalogued program answers HTTP, TCP and gRPC; null = the default (200 on any path). */
  readonly behaviour: ProcessBehaviour | null
  /** SIGTERM: how long a clean shutdown takes, and the exit code when it is not the usual one. */
  readonly stopMs?: number
  readonly sigtermCode?: number
  /** Lines the process prints as it starts (its first log lines). */
  readonly logs?: readonly string[]
}

/** The running (or finished) instance of a container: its plan and when it started. */
export interface ProcessRun {
  readonly run: number
  readonly startedAt: number
  readonly plan: ProcessPlan
  /** The shell interpreter's program and state, and the container's own files, when it runs a script. */
  shell?: {
    readonly program: Program
    state: ProcState
    local: FsData
    readonly env: Record<string, string>
  } | null
  /** Where the pod's volumes are mounted in this container. */
  readonly mounts?: readonly FsMount[]
}

/** Layer 4 of DESIGN §2.3: starts after a short delay, listens on its declared ports, answers 200, runs forever. */
export function defaultPlan(ports: readonly number[], listenAfterMs: number): ProcessPlan {
  return { listenAfter: listenAfterMs, exit: null, sigterm: 'exit0', probeFail: {}, ports, behaviour: null }
}

/** How a process answers an HTTP request: a status, or null when nothing listens on the port. */
export type HttpAnswerer = (
  plan: ProcessPlan,
  port: number,
  path: string,
  uptimeMs: number,
) => { status: number } | null

export interface ProbeOutcome {
  readonly result: 'success' | 'failure'
  readonly output: string
}

const SUCCESS: ProbeOutcome = { result: 'success', output: '' }
const ANSWER_200 = { status: 200 }

/**
 * Runs one probe against a process at `now` (reference A10 for the outputs). `podIP` goes into the
 * transport errors exactly as Go prints them.
 */
export function runProbe(
  run: ProcessRun,
  type: ProbeType,
  probe: Probe,
  podIP: string,
  now: number,
  http: HttpAnswerer = () => ANSWER_200,
): ProbeOutcome {
  const uptime = now - run.startedAt
  const plan = run.plan
  const windows = plan.probeFail[type]
  const forcedFail =
    windows !== undefined && windows.some(([from, to]) => uptime >= from && (to === null || uptime < to))
  const listening = plan.listenAfter !== null && uptime >= plan.listenAfter
  if (probe.httpGet) {
    const port = Number(probe.httpGet.port)
    const path = probe.httpGet.path ?? '/'
    if (!listening || !listensOn(plan, port)) return httpRefused(probe, podIP, port, path)
    if (forcedFail) return { result: 'failure', output: 'HTTP probe failed with statuscode: 500' }
    const answer = http(plan, port, path, uptime)
    if (answer === null) return httpRefused(probe, podIP, port, path)
    return answer.status >= 200 && answer.status < 400
      ? SUCCESS
      : { result: 'failure', output: `HTTP probe failed with statuscode: ${answer.status}` }
  }
  if (probe.tcpSocket) {
    const port = Number(probe.tcpSocket.port)
    const host = probe.tcpSocket.host ?? podIP
    if (!listening || !listensOn(plan, port) || forcedFail) {
      return { result: 'failure', output: `dial tcp ${host}:${port}: connect: connection refused` }
    }
    return SUCCESS
  }
  if (probe.grpc) {
    if (!listening) {
      return {
        result: 'failure',
        output: `timeout: failed to connect service "${podIP}:${probe.grpc.port}" within 1s: context deadline exceeded`,
      }
    }
    if (forcedFail) return { result: 'failure', output: `service unhealthy (responded with "NOT_SERVING")` }
    return { result: 'success', output: '' }
  }
  // exec: without an interpreter for the command, the default process answers success.
  return forcedFail ? { result: 'failure', output: '' } : { result: 'success', output: '' }
}

/** A process with no declared ports answers on whatever port it is asked (DESIGN §2.3 layer 4). */
function listensOn(plan: ProcessPlan, port: number): boolean {
  return plan.ports.length === 0 || plan.ports.includes(port)
}

function httpRefused(probe: Probe, podIP: string, port: number, path: string): ProbeOutcome {
  const scheme = (probe.httpGet!.scheme ?? 'HTTP').toLowerCase()
  const host = probe.httpGet!.host ?? podIP
  return {
    result: 'failure',
    output: `Get "${scheme}://${host}:${port}${path}": dial tcp ${host}:${port}: connect: connection refused`,
  }
}

/**
 * Until when (absolute ms) a probe of this kind keeps giving the answer it gives at `now`: the next
 * moment in the process's own schedule that could change it (it starts or stops listening, a failure
 * window opens or closes, it exits). Exec probes read files that change as the process runs: `now`.
 * The catalog's servers add their own moments (`extra`, in ms of uptime).
 */
export function steadyUntil(
  run: ProcessRun,
  type: ProbeType,
  probe: Probe,
  now: number,
  extra: readonly number[] = [],
): number {
  // An exec probe that only reads answers the same until the files change, and files change only when
  // a process of the pod runs (which wakes the probes); one that writes, or runs a script, is re-run.
  if (probe.exec && !isReadOnlyExec(probe.exec.command ?? [])) return now
  const uptime = now - run.startedAt
  const plan = run.plan
  let until = Infinity
  const consider = (b: number | null | undefined): void => {
    if (b !== null && b !== undefined && b > uptime && b < until) until = b
  }
  consider(plan.listenAfter)
  consider(plan.exit?.after)
  for (const [from, to] of plan.probeFail[type] ?? []) {
    consider(from)
    consider(to)
  }
  for (const b of extra) consider(b)
  return until === Infinity ? Infinity : run.startedAt + until
}

const READ_ONLY_PROGRAMS = new Set([
  'cat',
  'test',
  '[',
  'ls',
  'true',
  'false',
  'echo',
  'printenv',
  'pwd',
  'hostname',
])

/** An exec probe command that reads files but never writes them (no shell, so no redirection). */
export function isReadOnlyExec(argv: readonly string[]): boolean {
  const program = argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? ''
  return READ_ONLY_PROGRAMS.has(program)
}
