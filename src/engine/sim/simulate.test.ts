import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fnv32a } from '../model/names'
import { loadManifests } from '../parse/loader'
import { simulate } from './simulate'
import type { SimState } from './state'

const scenario = (path: string): ReturnType<typeof loadManifests>['objects'] =>
  loadManifests(readFileSync(new URL(path, import.meta.url), 'utf8')).objects

const DEFAULT = '../../ui/default-scenario.yaml'

function logHash(log: readonly unknown[]): string {
  return fnv32a(JSON.stringify(log)).toString(16)
}

function podsOf(s: SimState): unknown[] {
  return [...s.objects.entries()].filter(([k]) => k.startsWith('Pod/')).map(([, o]) => o)
}

describe('simulate', () => {
  it('is deterministic: the same scenario gives the same event log, byte for byte (DESIGN §2.1)', () => {
    const a = simulate(scenario(DEFAULT), { untilMs: 300_000 })
    const b = simulate(scenario(DEFAULT), { untilMs: 300_000 })
    expect(a.log.length).toBeGreaterThan(20)
    expect(logHash(a.log)).toBe(logHash(b.log))
    const other = simulate(scenario(DEFAULT), { untilMs: 300_000, seed: 2 })
    expect(logHash(other.log)).not.toBe(logHash(a.log))
  })

  it('rebuilds the state at any moment from keyframes exactly as a run that stops there (DESIGN §2.5)', () => {
    const full = simulate(scenario(DEFAULT), { untilMs: 300_000 })
    for (const t of [0, 1_500, 3_050, 29_999, 30_000, 61_234, 299_000]) {
      const direct = simulate(scenario(DEFAULT), { untilMs: t })
      expect(podsOf(full.stateAt(t)), `t=${t}`).toEqual(podsOf(direct.stateAt(t)))
    }
  })

  it('runs the default scenario: three web pods and the probe pod end up Running and Ready', () => {
    const s = simulate(scenario(DEFAULT), { untilMs: 60_000 }).stateAt(60_000)
    const pods = podsOf(s) as {
      metadata: { name: string }
      status: { phase: string; conditions: { type: string; status: string }[] }
    }[]
    expect(pods).toHaveLength(4)
    for (const p of pods) {
      expect(p.status.phase, p.metadata.name).toBe('Running')
      expect(p.status.conditions.find((c) => c.type === 'Ready')?.status, p.metadata.name).toBe('True')
    }
  })
})
