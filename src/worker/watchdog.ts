/**
 * Keeps the page's engine worker answering. Every call made through `call` has a deadline (2 s by
 * default); a worker that misses it is terminated and a fresh one is started from the factory, and
 * `onRestart` tells the page (which shows a notice and keeps the editor text). The factory and the
 * timers are injected so the logic is tested without a browser.
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface Supervised<R> {
  remote: R
  terminate(): void
}

export class WorkerStalledError extends Error {
  constructor(ms: number) {
    super(`the simulation worker did not answer within ${ms / 1000} s and was restarted`)
    this.name = 'WorkerStalledError'
  }
}

export const WORKER_DEADLINE_MS = 2000

export class Watchdog<R> {
  private current: Supervised<R>
  /** How to fail each call waiting on the current worker. */
  private readonly inFlight = new Set<(error: WorkerStalledError) => void>()
  restarts = 0

  constructor(
    private readonly factory: () => Supervised<R>,
    private readonly onRestart: (error: WorkerStalledError) => void,
    private readonly timers: Timers = {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    private readonly deadlineMs = WORKER_DEADLINE_MS,
  ) {
    this.current = factory()
  }

  /** The worker's handle, for calls that need no deadline. */
  get remote(): R {
    return this.current.remote
  }

  /**
   * Runs `fn` against the worker; if it takes longer than the deadline, the worker is replaced. A
   * restart fails every call still waiting on the old worker at once (it will never answer them), with
   * the same `WorkerStalledError`, so their callers can ask the new one.
   */
  call<T>(fn: (remote: R) => Promise<T>, deadlineMs = this.deadlineMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (error: unknown): void => {
        if (!this.inFlight.delete(fail)) return
        this.timers.clear(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
      this.inFlight.add(fail)
      const timer = this.timers.set(() => {
        if (this.inFlight.has(fail)) this.restart(new WorkerStalledError(deadlineMs))
      }, deadlineMs)
      let pending: Promise<T>
      try {
        pending = fn(this.current.remote)
      } catch (error) {
        fail(error)
        return
      }
      pending.then((value) => {
        if (!this.inFlight.delete(fail)) return
        this.timers.clear(timer)
        resolve(value)
      }, fail)
    })
  }

  private restart(error: WorkerStalledError): void {
    const waiting = [...this.inFlight]
    this.restarts++
    this.current.terminate()
    this.current = this.factory()
    // The page re-sends its text first, so calls retried on the new worker find it there.
    this.onRestart(error)
    for (const fail of waiting) fail(error)
  }
}
