import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { scenarioSeed } from '../index'
import { logDigest } from './log-digest'
import { simulate } from './simulate'

/** DESIGN §2.1: the same scenario text, inputs and engine version give the same event log, every time. */
const DEFAULT = readFileSync(new URL('../../ui/default-scenario.yaml', import.meta.url), 'utf8')
const GALLERY = new URL('../../../public/scenarios/', import.meta.url)

function digest(text: string, untilMs: number, seed?: number): string {
  const { objects } = analyzeScenario(text)
  return logDigest(simulate(objects, { untilMs, seed: seed ?? scenarioSeed(objects) }))
}

describe('determinism across repeated runs', () => {
  it('the default scenario gives the same event log in 100 runs', () => {
    const first = digest(DEFAULT, 600_000)
    expect(first).toMatch(/^\d{2,}:[0-9a-f]{8}$/)
    for (let i = 1; i < 100; i++) expect(digest(DEFAULT, 600_000), `run ${i + 1}`).toBe(first)
  })

  it('every gallery scenario gives the same event log run after run, and another seed another log', () => {
    const files = readdirSync(GALLERY).filter((f) => f.endsWith('.yaml'))
    expect(files.length).toBeGreaterThanOrEqual(12)
    for (const f of files) {
      const text = readFileSync(new URL(f, GALLERY), 'utf8')
      const first = digest(text, 300_000)
      for (let i = 0; i < 4; i++) expect(digest(text, 300_000), f).toBe(first)
    }
    expect(digest(DEFAULT, 600_000, 2)).not.toBe(digest(DEFAULT, 600_000, 1))
  })
})
