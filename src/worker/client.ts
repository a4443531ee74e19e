import { proxy, releaseProxy, wrap, type Remote } from 'comlink'
import type { EngineWorkerApi } from './protocol'
import { workerName } from './stall'
import { Watchdog, WorkerStalledError, type Supervised, type Timers } from './watchdog'

export type EngineApi = Remote<EngineWorkerApi>

/**
 * A simulation is allowed longer than a query: `npm run bench` shows an hour of 2,000 pods takes
 * seconds of wall time, which is work, not a hang. Its progress reports restart the deadline, so only a
 * simulation silent for this long is taken for a hang. Every other call must answer within 2 s.
 */
export const ANALYZE_DEADLINE_MS = 20_000

export interface EngineClient {
  /**
   * The worker's API; every call has a deadline, and a worker that misses one is replaced. A query
   * caught by a restart is asked again of the new worker, once; a second stall rejects it with
   * `WorkerStalledError`, which its caller shows.
   */
  readonly api: EngineApi
  /** Called after a stalled worker was replaced: the new one knows no text until it is sent again. */
  onRestart(listener: (error: WorkerStalledError) => void): () => void
}

/** The engine worker behind a watchdog; the factory and timers are injected so this is unit-tested. */
export function createEngineClient(factory: () => Supervised<EngineApi>, timers?: Timers): EngineClient {
  const listeners = new Set<(error: WorkerStalledError) => void>()
  const dog = new Watchdog<EngineApi>(
    factory,
    (error) => {
      for (const l of [...listeners]) l(error)
    },
    timers,
  )
  const methods = new Map<PropertyKey, unknown>()
  const api = new Proxy({} as EngineApi, {
    get(_target, key) {
      // Not a thenable: `await engineWorker()` must not call the worker.
      if (typeof key !== 'string' || key === 'then') return undefined
      if (!methods.has(key))
        methods.set(key, (...args: unknown[]) => {
          const ask = (): Promise<unknown> =>
            dog.call(
              (remote) => (remote[key as keyof EngineApi] as (...a: unknown[]) => Promise<unknown>)(...args),
              key === 'analyze' ? ANALYZE_DEADLINE_MS : undefined,
            )
          // The sync re-sends the text to a new worker itself; a query is asked once more, of the new
          // worker (which by then has the text), and fails for good only if that one stalls too.
          if (key === 'analyze') {
            // Progress from the worker is a sign of work: the deadline starts again with each report.
            const report = args[4] as ((simulatedS: number, horizonS: number) => void) | undefined
            while (args.length < 4) args.push(undefined)
            args[4] = proxy((simulatedS: number, horizonS: number) => {
              dog.touch()
              report?.(simulatedS, horizonS)
            })
            return ask()
          }
          return ask().catch((error: unknown) => {
            if (error instanceof WorkerStalledError) return ask()
            throw error
          })
        })
      return methods.get(key)
    },
  })
  return {
    api,
    onRestart(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** What the page says when a worker call failed: the watchdog's reason, or the error's message. */
export function workerFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** For a call whose failure the page shows nothing for: it was already told of the restart. */
export function ignoreFailure(): void {}

let workersStarted = 0

function startWorker(): Supervised<EngineApi> {
  const name = workerName(window.location.search, workersStarted++)
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name })
  const remote = wrap<EngineWorkerApi>(worker)
  return {
    remote,
    terminate() {
      remote[releaseProxy]()
      worker.terminate()
    },
  }
}

let client: EngineClient | null = null

/** The page's engine worker, behind the watchdog, started on first use. */
export function engineClient(): EngineClient {
  client ??= createEngineClient(startWorker)
  return client
}

/** The page's handle on the engine worker, started on first use. */
export function engineWorker(): EngineApi {
  return engineClient().api
}
