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

interface InFlight {
  timer: unknown
  start(): void
  /** Fails the call if it is still waiting. */
  fail(error: unknown): void
  /** Fails the call, already taken off the queue. */
  reject(error: Error): void
}

export class Watchdog<R> {
  private current: Supervised<R>
  /** The calls waiting on the current worker, oldest first: only the oldest one's deadline runs. */
  private inFlight: InFlight[] = []
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
   * Runs `fn` against the worker; if it takes longer than the deadline, the worker is replaced. The
   * worker answers in order, so a call's deadline runs only once the calls sent before it are answered:
   * a query sent during a long simulation waits for it without being counted as a hang. A restart fails
   * every call still waiting on the old worker at once (it will never answer them), with the same
   * `WorkerStalledError`, so their callers can ask the new one.
   */
  call<T>(fn: (remote: R) => Promise<T>, deadlineMs = this.deadlineMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: InFlight = {
        timer: null,
        start: () => {
          entry.timer = this.timers.set(() => {
            if (this.inFlight[0] === entry) this.restart(new WorkerStalledError(deadlineMs))
          }, deadlineMs)
        },
        fail: (error) => {
          if (this.settle(entry)) entry.reject(error instanceof Error ? error : new Error(String(error)))
        },
        reject,
      }
      this.inFlight.push(entry)
      if (this.inFlight.length === 1) entry.start()
      let pending: Promise<T>
      try {
        pending = fn(this.current.remote)
      } catch (error) {
        entry.fail(error)
        return
      }
      pending.then((value) => {
        if (this.settle(entry)) resolve(value)
      }, entry.fail)
    })
  }

  /**
   * The worker showed it is working on the oldest call (a long simulation reported progress): that
   * call's deadline starts again, so only a worker silent for the whole deadline counts as hung.
   */
  touch(): void {
    const head = this.inFlight[0]
    if (!head || head.timer === null) return
    this.timers.clear(head.timer)
    head.start()
  }

  /** Takes a call off the queue (false if it already was); the next one's deadline starts. */
  private settle(entry: InFlight): boolean {
    const at = this.inFlight.indexOf(entry)
    if (at < 0) return false
    if (entry.timer !== null) this.timers.clear(entry.timer)
    this.inFlight.splice(at, 1)
    const head = this.inFlight[0]
    if (at === 0 && head && head.timer === null) head.start()
    return true
  }

  private restart(error: WorkerStalledError): void {
    const waiting = this.inFlight
    this.inFlight = []
    this.restarts++
    this.current.terminate()
    this.current = this.factory()
    // The page re-sends its text first, so calls retried on the new worker find it there.
    this.onRestart(error)
    for (const entry of waiting) {
      if (entry.timer !== null) this.timers.clear(entry.timer)
      entry.reject(error)
    }
  }
}
