import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'
import { simulate } from './sim/simulate'
import { clusterView } from './views'

const base = readFileSync(new URL('../ui/default-scenario.yaml', import.meta.url), 'utf8')

/** Arbitrary JSON-ish values, to put where the manifests have real ones. */
const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 100_000 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
)

const PATHS = [
  ['spec', 'replicas'],
  ['spec', 'template', 'spec', 'containers', 0, 'image'],
  ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe', 'periodSeconds'],
  ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe', 'httpGet', 'port'],
  ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'cpu'],
  ['spec', 'template', 'spec', 'containers', 0],
  ['spec', 'template', 'metadata', 'annotations'],
  ['spec', 'containers', 0, 'args'],
  ['spec', 'containers', 0, 'livenessProbe', 'exec', 'command'],
  ['spec', 'containers', 0, 'livenessProbe'],
  ['spec', 'restartPolicy'],
  ['spec', 'initContainers'],
  ['metadata', 'annotations', 'kubeplay.dev/behavior'],
  ['spec', 'selector'],
  ['spec', 'ports'],
  ['kind'],
  ['metadata'],
] as const

function setPath(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target
  for (const key of path.slice(0, -1)) {
    const next = node[key]
    if (typeof next !== 'object' || next === null) node[key] = {}
    node = node[key] as Record<string | number, unknown>
  }
  node[path.at(-1)!] = value
}

describe('the engine on generated and mutated manifests', () => {
  it('never throws: every problem is a diagnostic with a position, and what loads simulates', () => {
    const docs = base.split(/^---$/m).map((d) => analyzeScenario(d).objects[0]!.body)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(docs.length - 1), fc.constantFrom(...PATHS), junk), { maxLength: 4 }),
        fc.nat(200),
        (mutations, cut) => {
          const copies = docs.map((d) => structuredClone(d) as Record<string, unknown>)
          for (const [doc, path, value] of mutations) setPath(copies[doc]!, path, value)
          let text = copies.map((d) => stringify(d)).join('---\n')
          if (cut % 7 === 0) text = text.slice(0, Math.floor((text.length * cut) / 200)) // truncated input
          const analysis = analyzeScenario(text)
          for (const d of analysis.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1)
            expect(d.col).toBeGreaterThanOrEqual(1)
            expect(typeof d.message).toBe('string')
          }
          if (analysis.hasErrors) return
          const tl = simulate(analysis.objects, { untilMs: 90_000 })
          clusterView(tl.stateAt(45_000))
        },
      ),
      { numRuns: 300, seed: 20261125 },
    )
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const analysis = analyzeScenario(text)
        if (!analysis.hasErrors) simulate(analysis.objects, { untilMs: 10_000 })
      }),
      { numRuns: 1000, seed: 20261125 },
    )
  })
})
