import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEngineClient, type EngineApi } from '../worker/client'
import type { ClusterView } from '../engine'
import type { AnalyzeReply } from '../worker/protocol'
import { ViewEncoder } from '../worker/view-patch'
import { useScenario } from './scenario'
import { useSession } from './session'
import { useTimeline } from './timeline'
import { ANALYZE_DEBOUNCE_MS, GAVE_UP_NOTICE, RESTARTED_NOTICE, startScenarioSync } from './sync'

/**
 * The watchdog as the page wires it (issue 8): a worker that stops answering is replaced, the latest
 * text is sent to the new one, and the user is told. Workers are stand-ins whose `analyze` either
 * answers or never does; the client, the watchdog and the sync are the real ones, on Vitest's clock.
 */

interface FakeWorker {
  readonly id: number
  terminated: boolean
  readonly texts: string[]
}

function reply(revision: number): AnalyzeReply {
  return {
    revision,
    diagnostics: [],
    objectCount: 1,
    kinds: { Pod: 1 },
    horizonS: 60,
    horizonFixed: false,
    view: null,
    resumedFromS: null,
    markers: [],
    quiz: [],
  }
}

/**
 * Workers that hang on every text for which `hangs` says so, and answer the others; `kubectl` hangs on
 * the workers `kubectlHangs` names, and the others print which worker and which text answered.
 */
function fakeWorkers(
  hangs: (text: string, worker: number) => boolean,
  kubectlHangs: (worker: number) => boolean = () => true,
) {
  const made: FakeWorker[] = []
  const factory = () => {
    const w: FakeWorker = { id: made.length, terminated: false, texts: [] }
    made.push(w)
    const remote = {
      analyze: (revision: number, text: string) => {
        w.texts.push(text)
        return hangs(text, w.id) ? new Promise<never>(() => {}) : Promise.resolve(reply(revision))
      },
      viewPatchAt: () => Promise.resolve(null),
      kubectl: () =>
        kubectlHangs(w.id)
          ? new Promise<never>(() => {})
          : Promise.resolve({ stdout: `worker ${w.id} knows ${w.texts.at(-1)}`, stderr: '', exitCode: 0 }),
    } as unknown as EngineApi
    return { remote, terminate: () => (w.terminated = true) }
  }
  return { made, factory }
}

describe('the engine worker watchdog, as the page wires it', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    useScenario.setState({ text: 'first', revision: 1, analyzedRevision: -1 })
    useSession.setState({ notice: null })
  })
  afterEach(() => vi.useRealTimers())

  it('a worker that hangs is terminated, a new one gets the latest text, and the user is told', async () => {
    // The first worker answers the first text and then hangs; later workers answer everything.
    const { made, factory } = fakeWorkers((text, worker) => worker === 0 && text !== 'first')
    const client = createEngineClient(factory)
    const stop = startScenarioSync(client)
    await vi.advanceTimersByTimeAsync(0)
    expect(useScenario.getState().analyzedRevision).toBe(1)

    useScenario.getState().setText('second')
    await vi.advanceTimersByTimeAsync(ANALYZE_DEBOUNCE_MS)
    useScenario.getState().setText('latest')
    await vi.advanceTimersByTimeAsync(ANALYZE_DEBOUNCE_MS)
    expect(made).toHaveLength(1)
    expect(made[0]!.texts).toEqual(['first', 'second', 'latest'])
    expect(useSession.getState().notice).toBeNull()

    await vi.advanceTimersByTimeAsync(20_000)
    expect(made[0]!.terminated).toBe(true)
    expect(made).toHaveLength(2)
    expect(made[1]!.texts).toEqual(['latest'])
    expect(useScenario.getState().analyzedRevision).toBe(useScenario.getState().revision)
    expect(useSession.getState().notice?.text).toBe(RESTARTED_NOTICE)
    expect(useScenario.getState().text).toBe('latest')
    stop()
  })

  it('a simulation that reports progress runs past the deadline, the page shows how far it got, and nothing restarts', async () => {
    let made = 0
    let report: ((simulatedS: number, horizonS: number) => void) | undefined
    let finish = (): void => {}
    const factory = () => {
      made++
      const remote = {
        analyze: (
          revision: number,
          text: string,
          _atS: number,
          _minHorizonS: number | undefined,
          progress: (simulatedS: number, horizonS: number) => void,
        ) => {
          if (text !== 'long') return Promise.resolve(reply(revision))
          report = progress
          return new Promise<AnalyzeReply>((resolve) => (finish = () => resolve(reply(revision))))
        },
        viewPatchAt: () => Promise.resolve(null),
      } as unknown as EngineApi
      return { remote, terminate: () => {} }
    }
    const client = createEngineClient(factory)
    const stop = startScenarioSync(client)
    await vi.advanceTimersByTimeAsync(0)
    useScenario.getState().setText('long')
    await vi.advanceTimersByTimeAsync(ANALYZE_DEBOUNCE_MS)
    const revision = useScenario.getState().revision
    // A minute of work, reported every 15 s: each report restarts the 20 s deadline.
    for (let i = 1; i <= 4; i++) {
      await vi.advanceTimersByTimeAsync(15_000)
      report!(i * 3600, 86_400)
    }
    expect(useScenario.getState().progress).toEqual({ revision, simulatedS: 4 * 3600, horizonS: 86_400 })
    finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(useScenario.getState().analyzedRevision).toBe(revision)
    expect(useScenario.getState().progress).toBeNull()
    expect(made).toBe(1)
    expect(useSession.getState().notice).toBeNull()
    stop()
  })

  it('a quick query unanswered for 2 s restarts the worker, which gets the text and then the query', async () => {
    const { made, factory } = fakeWorkers(
      () => false,
      (worker) => worker === 0,
    )
    const client = createEngineClient(factory)
    const stop = startScenarioSync(client)
    await vi.advanceTimersByTimeAsync(0)
    // A query that never answers (the worker is stuck in it).
    ;(made[0] as FakeWorker).texts.length = 0
    const asked = client.api.kubectl(['get', 'pods'], 0)
    await vi.advanceTimersByTimeAsync(1999)
    expect(made).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(made).toHaveLength(2)
    expect(made[1]!.texts).toEqual(['first'])
    expect(useSession.getState().notice?.text).toBe(RESTARTED_NOTICE)
    expect((await asked).stdout).toBe('worker 1 knows first')
    stop()
  })

  it('a query that stalls the new worker too fails with WorkerStalledError after one retry', async () => {
    const { made, factory } = fakeWorkers(() => false)
    const client = createEngineClient(factory)
    const stop = startScenarioSync(client)
    await vi.advanceTimersByTimeAsync(0)
    const stuck = client.api.kubectl(['get', 'pods'], 0).catch((e: Error) => e.name)
    await vi.advanceTimersByTimeAsync(2000)
    expect(made).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(2000)
    expect(await stuck).toBe('WorkerStalledError')
    expect(made).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(made).toHaveLength(3)
    stop()
  })

  it('a text that hangs every worker is not sent again and again', async () => {
    const { made, factory } = fakeWorkers((text) => text === 'endless')
    const client = createEngineClient(factory)
    const stop = startScenarioSync(client)
    await vi.advanceTimersByTimeAsync(0)
    useScenario.getState().setText('endless')
    await vi.advanceTimersByTimeAsync(ANALYZE_DEBOUNCE_MS + 20_000)
    expect(made).toHaveLength(2)
    expect(made[1]!.texts).toEqual(['endless'])
    await vi.advanceTimersByTimeAsync(20_000)
    expect(made).toHaveLength(3)
    expect(made[2]!.texts).toEqual([])
    expect(useSession.getState().notice?.text).toBe(GAVE_UP_NOTICE)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(made).toHaveLength(3)
    // Editing the text tries again.
    useScenario.getState().setText('fixed')
    await vi.advanceTimersByTimeAsync(ANALYZE_DEBOUNCE_MS)
    expect(made[2]!.texts).toEqual(['fixed'])
    expect(useScenario.getState().analyzedRevision).toBe(useScenario.getState().revision)
    stop()
  })
})

/** A view that says only its moment: enough to tell which reply the page applied. */
const viewOf = (atS: number): ClusterView => ({ t: atS * 1000, nodes: [], pods: [], services: [] })

describe('views of the time cursor, as the page applies them', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    useScenario.setState({ text: 'first', revision: 1, analyzedRevision: -1, view: null })
    useTimeline.setState({ timeS: 0, playing: false })
  })
  afterEach(() => vi.useRealTimers())

  /**
   * A worker that answers at once, or (`hold`) in order when `release` is called, as the real one
   * answers its calls one after another; `analyze` replies with `analyzeView`.
   */
  function viewWorker(opts: { hold?: boolean; analyzeView?: ClusterView } = {}) {
    const asked: number[] = []
    const held: (() => void)[] = []
    const encoder = new ViewEncoder()
    const answer = <T>(value: T): Promise<T> =>
      opts.hold ? new Promise((resolve) => held.push(() => resolve(value))) : Promise.resolve(value)
    const remote = {
      analyze: (revision: number) => answer({ ...reply(revision), view: opts.analyzeView ?? null }),
      viewPatchAt: (atS: number, base: number) => {
        asked.push(atS)
        return answer(encoder.encode(viewOf(atS), base))
      },
    } as unknown as EngineApi
    const client = createEngineClient(() => ({ remote, terminate: () => {} }))
    return { client, asked, release: () => held.splice(0).forEach((r) => r()) }
  }

  it('replies that arrive before the next frame are applied once, the newest one', async () => {
    const { client, asked } = viewWorker()
    const stop = startScenarioSync(client)
    await vi.advanceTimersByTimeAsync(0)
    const applied: unknown[] = []
    const off = useScenario.subscribe((s, prev) => {
      if (s.view !== prev.view) applied.push(s.view?.t)
    })
    // Three moves while the first request is in flight: the first and the last are asked for.
    useTimeline.getState().setTime(1)
    useTimeline.getState().setTime(2)
    useTimeline.getState().setTime(3)
    await vi.advanceTimersByTimeAsync(0)
    expect(asked).toEqual([1, 3])
    expect(applied).toEqual([3000])
    off()
    stop()
  })

  it('a view asked for before a new text does not replace the new text’s view', async () => {
    const { client, release } = viewWorker({ hold: true, analyzeView: viewOf(7) })
    const stop = startScenarioSync(client)
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(useScenario.getState().view?.t).toBe(7000)
    useTimeline.getState().setTime(5)
    useScenario.getState().setText('second')
    await vi.advanceTimersByTimeAsync(ANALYZE_DEBOUNCE_MS)
    // The view of t = 5 arrives, and the new text's reply right after it, before the view's frame.
    release()
    await Promise.resolve()
    await Promise.resolve()
    expect(useScenario.getState().analyzedRevision).toBe(2)
    await vi.advanceTimersByTimeAsync(50)
    expect(useScenario.getState().view?.t).toBe(7000)
    stop()
  })
})
