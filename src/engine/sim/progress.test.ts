import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { logDigest } from './log-digest'
import { PROGRESS_EVERY_STEPS, resimulate, simulate } from './simulate'

/**
 * `onProgress` lets the page show how far a long run got and tell it from a hung worker; it only
 * observes, so the run stays the one DESIGN §2.1 promises.
 */
/** The docs' HTTP liveness example: agnhost fails /healthz after 10 s, so it restarts all along. */
const TEXT = readFileSync(
  new URL('../../../public/scenarios/docs-http-liveness.yaml', import.meta.url),
  'utf8',
)
const HOUR = 3_600_000

describe('simulation progress', () => {
  const { objects } = analyzeScenario(TEXT)

  it('reports the simulated time every PROGRESS_EVERY_STEPS steps, rising, within the horizon', () => {
    const seen: number[] = []
    const untilMs = 6 * HOUR
    const tl = simulate(objects, { untilMs, onProgress: (ms) => seen.push(ms) })
    expect(tl.run.steps).toBeGreaterThan(2 * PROGRESS_EVERY_STEPS)
    expect(seen).toHaveLength(Math.floor(tl.run.steps / PROGRESS_EVERY_STEPS))
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!)
    expect(seen[0]!).toBeGreaterThan(0)
    expect(seen[seen.length - 1]!).toBeLessThanOrEqual(untilMs)
  })

  it('changes nothing in the run, fresh or resumed', () => {
    const plain = simulate(objects, { untilMs: 4 * HOUR })
    const watched = simulate(objects, { untilMs: 4 * HOUR, onProgress: () => {} })
    expect(logDigest(watched)).toBe(logDigest(plain))
    const seen: number[] = []
    const longer = resimulate(plain, objects, { untilMs: 6 * HOUR, onProgress: (ms) => seen.push(ms) })
    expect(longer.run.resumedFrom).not.toBeNull()
    expect(logDigest(longer)).toBe(logDigest(simulate(objects, { untilMs: 6 * HOUR })))
    expect(seen.every((ms) => ms >= longer.run.resumedFrom!)).toBe(true)
  })
})
