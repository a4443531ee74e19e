import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { fnv32a } from '../model/names'
import { simulate } from './simulate'

/**
 * DESIGN §2.1: the same scenario text, inputs and engine give the same event log, byte for byte. Every
 * docs example that loads without an error is simulated twice for 3 minutes; the two logs must match.
 */
const CORPUS = fileURLToPath(new URL('../testdata/k8s-website-examples/', import.meta.url))
const UNTIL_MS = 180_000

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
    )
    .sort()
}

function logOf(text: string): string {
  const analysis = analyzeScenario(text)
  return JSON.stringify(simulate(analysis.objects, { untilMs: UNTIL_MS }).log)
}

describe('DESIGN §2.1 determinism over the k8s website examples corpus', () => {
  const loadable = yamlFiles(CORPUS)
    .map((file) => ({ name: relative(CORPUS, file), text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => !analyzeScenario(text).hasErrors)

  it('has most of the corpus loadable (the test covers something)', () => {
    expect(loadable.length).toBeGreaterThan(250)
  })

  it('gives the same log, byte for byte, when each loadable file is simulated twice for 3 minutes', () => {
    const differing: string[] = []
    let nonTrivial = 0
    for (const { name, text } of loadable) {
      const a = logOf(text)
      const b = logOf(text)
      if (a !== b) differing.push(`${name}: ${fnv32a(a).toString(16)} ≠ ${fnv32a(b).toString(16)}`)
      if (a.includes('Started')) nonTrivial++
    }
    expect(differing).toEqual([])
    // Many of the examples run containers: the logs compared are not just object creations.
    expect(nonTrivial).toBeGreaterThan(100)
  })
})
