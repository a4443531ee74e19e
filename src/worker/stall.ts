import type { EngineWorkerApi } from './protocol'

/**
 * Test hook: `?stall=worker` in the page's query (never the link fragment, which carries shared
 * content) starts the page's first engine worker under this name, and that worker busy-loops in its
 * first kubectl command (the console's or the inspector's), so a test decides the moment it hangs and
 * the watchdog can be tested for real. The workers started after it are ordinary ones; with
 * `?stall=twice` the second one stalls too (a query then fails for good, after its one retry).
 */
export const STALLING_WORKER_NAME = 'kubeplay-engine-stall'
export const WORKER_NAME = 'kubeplay-engine'

/** How many of the page's first workers stall: `?stall=worker` one, `?stall=twice` two. */
const STALLING: Record<string, number> = { worker: 1, twice: 2 }

/** The name for the page's next engine worker: `started` workers were started before it. */
export function workerName(search: string, started: number): string {
  const asked = new URLSearchParams(search).get('stall') ?? ''
  return started < (Object.hasOwn(STALLING, asked) ? STALLING[asked]! : 0)
    ? STALLING_WORKER_NAME
    : WORKER_NAME
}

/** The worker's API, or (under the stalling name) one that never returns from its first kubectl. */
export function stallingIfAsked(name: string, api: EngineWorkerApi): EngineWorkerApi {
  if (name !== STALLING_WORKER_NAME) return api
  let stalled = false
  return {
    ...api,
    kubectl(args, atS) {
      if (!stalled) {
        stalled = true
        for (;;) {
          // Busy: no message is read again until the page terminates this worker.
        }
      }
      return api.kubectl(args, atS)
    },
  }
}
