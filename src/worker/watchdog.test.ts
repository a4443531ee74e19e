import { describe, expect, it } from 'vitest'
import { Watchdog, WorkerStalledError, type Timers } from './watchdog'

/** A clock the test moves by hand. */
function manualTimers(): Timers & { advance(ms: number): void } {
  let now = 0
  const pending = new Map<number, { at: number; fn: () => void }>()
  let next = 1
  return {
    set(fn, ms) {
      pending.set(next, { at: now + ms, fn })
      return next++
    },
    clear(h) {
      pending.delete(h as number)
    },
    advance(ms) {
      now += ms
      for (const [h, t] of [...pending]) {
        if (t.at <= now && pending.has(h)) {
          pending.delete(h)
          t.fn()
        }
      }
    },
  }
}

interface FakeRemote {
  id: number
  answer(): Promise<string>
}

function fakeWorkers(stallFirst: number) {
  const made: { id: number; terminated: boolean }[] = []
  const factory = () => {
    const w = { id: made.length, terminated: false }
    made.push(w)
    const remote: FakeRemote = {
      id: w.id,
      answer: () => (w.id < stallFirst ? new Promise<string>(() => {}) : Promise.resolve(`worker ${w.id}`)),
    }
    return { remote, terminate: () => (w.terminated = true) }
  }
  return { made, factory }
}

describe('worker watchdog', () => {
  it('answers pass through and no worker is restarted', async () => {
    const timers = manualTimers()
    const { made, factory } = fakeWorkers(0)
    const notices: string[] = []
    const dog = new Watchdog(factory, (e) => notices.push(e.message), timers)
    await expect(dog.call((r) => r.answer())).resolves.toBe('worker 0')
    timers.advance(5000)
    expect(made).toHaveLength(1)
    expect(notices).toEqual([])
  })

  it('a worker silent for 2 s is terminated, replaced, and the page is told', async () => {
    const timers = manualTimers()
    const { made, factory } = fakeWorkers(1)
    const notices: string[] = []
    const dog = new Watchdog(factory, (e) => notices.push(e.message), timers)
    const stalled = dog.call((r) => r.answer())
    timers.advance(1999)
    expect(made).toHaveLength(1)
    timers.advance(1)
    await expect(stalled).rejects.toBeInstanceOf(WorkerStalledError)
    expect(made[0]!.terminated).toBe(true)
    expect(made).toHaveLength(2)
    expect(notices).toEqual(['the simulation worker did not answer within 2 s and was restarted'])
    await expect(dog.call((r) => r.answer())).resolves.toBe('worker 1')
  })

  it('several calls stalled on one worker restart it once', async () => {
    const timers = manualTimers()
    const { made, factory } = fakeWorkers(1)
    const dog = new Watchdog(factory, () => {}, timers)
    const a = dog.call((r) => r.answer())
    const b = dog.call((r) => r.answer())
    timers.advance(2000)
    await expect(a).rejects.toThrow(WorkerStalledError)
    await expect(b).rejects.toThrow(WorkerStalledError)
    expect(made).toHaveLength(2)
    expect(dog.restarts).toBe(1)
  })

  it('a restart fails the calls still waiting on the old worker at once, after the page was told', async () => {
    const timers = manualTimers()
    const { made, factory } = fakeWorkers(1)
    const order: string[] = []
    const dog = new Watchdog(factory, () => order.push('restarted'), timers)
    const first = dog.call((r) => r.answer())
    timers.advance(1500)
    // Asked later, on the same stuck worker: its own deadline is 500 ms away when the first one's ends.
    const later = dog.call((r) => r.answer()).catch((e: Error) => (order.push(`later: ${e.name}`), e))
    timers.advance(500)
    await expect(first).rejects.toThrow(WorkerStalledError)
    expect(await later).toBeInstanceOf(WorkerStalledError)
    expect(order).toEqual(['restarted', 'later: WorkerStalledError'])
    expect(dog.restarts).toBe(1)
    // Its own deadline passing later does not restart the new worker.
    await expect(dog.call((r) => r.answer())).resolves.toBe('worker 1')
    timers.advance(5000)
    expect(made).toHaveLength(2)
  })

  it('a query sent during a long simulation waits for it: its deadline starts when the worker gets to it', async () => {
    const timers = manualTimers()
    const made: number[] = []
    // One worker that answers in order: a 10 s simulation, then whatever was asked meanwhile.
    let finishSimulation = (): void => {}
    const factory = () => {
      made.push(made.length)
      const remote = {
        simulate: () => new Promise<string>((resolve) => (finishSimulation = () => resolve('simulated'))),
        query: () => Promise.resolve('answered'),
      }
      return { remote, terminate: () => {} }
    }
    const dog = new Watchdog(factory, () => {}, timers)
    const simulation = dog.call((r) => r.simulate(), 20_000)
    timers.advance(1000)
    let answer = ''
    // The worker reads this only after the simulation; it answers at once then.
    const query = dog
      .call(
        (r) =>
          new Promise<string>((resolve) => {
            const before = finishSimulation
            finishSimulation = () => {
              before()
              void r.query().then(resolve)
            }
          }),
      )
      .then((a) => (answer = a))
    timers.advance(9000)
    expect(made).toHaveLength(1)
    finishSimulation()
    await expect(simulation).resolves.toBe('simulated')
    await query
    expect(answer).toBe('answered')
    timers.advance(30_000)
    expect(dog.restarts).toBe(0)
  })

  it('a long simulation that reports progress is not a hang; one silent for its whole deadline is', async () => {
    const timers = manualTimers()
    const { made, factory } = fakeWorkers(1)
    const dog = new Watchdog<FakeRemote>(factory, () => {}, timers)
    const first = dog.call((r) => r.answer(), 20_000)
    // Progress every 15 s keeps it going for a minute, though each stretch is most of the deadline.
    for (let i = 0; i < 4; i++) {
      timers.advance(15_000)
      dog.touch()
    }
    expect(made).toHaveLength(1)
    // Then it goes silent: 20 s after the last sign of work, the worker is replaced.
    timers.advance(19_999)
    expect(made).toHaveLength(1)
    timers.advance(1)
    expect(made).toHaveLength(2)
    expect(made[0]!.terminated).toBe(true)
    await expect(first).rejects.toBeInstanceOf(WorkerStalledError)
    // With nothing waiting, a stray progress message changes nothing.
    dog.touch()
    timers.advance(60_000)
    expect(dog.restarts).toBe(1)
  })

  it('a query queued behind a stuck call gets its own deadline once that one is failed', async () => {
    const timers = manualTimers()
    const { made, factory } = fakeWorkers(1)
    const dog = new Watchdog(factory, () => {}, timers)
    const stuck = dog.call((r) => r.answer(), 20_000)
    const queued = dog.call((r) => r.answer())
    timers.advance(19_999)
    expect(made).toHaveLength(1)
    timers.advance(1)
    await expect(stuck).rejects.toThrow(WorkerStalledError)
    await expect(queued).rejects.toThrow(WorkerStalledError)
    expect(made).toHaveLength(2)
  })
})
