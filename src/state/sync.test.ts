import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEngineClient, type EngineApi } from '../worker/client'
import type { AnalyzeReply } from '../worker/protocol'
import { useScenario } from './scenario'
import { useSession } from './session'
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
      viewAt: () => Promise.resolve(null),
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
