import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DIAGNOSTIC_HELP, diagnosticHelp } from './diagnostic-help'

const ENGINE = fileURLToPath(new URL('../../engine', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sources(p)
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })
}

/** The rule codes the engine's diagnostics carry, read from its source. */
function engineCodes(): Set<string> {
  const codes = new Set<string>()
  for (const file of sources(ENGINE)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/\bcode: '([a-z][a-z0-9-]*)'/g)) codes.add(m[1]!)
    for (const m of text.matchAll(/report\(\s*'(?:error|warning|info)',\s*'([a-z][a-z0-9-]*)'/g))
      codes.add(m[1]!)
  }
  return codes
}

describe('DIAGNOSTIC_HELP', () => {
  it('explains every rule the engine reports', () => {
    const codes = engineCodes()
    expect(codes.size).toBeGreaterThan(25)
    expect([...codes].filter((c) => !(c in DIAGNOSTIC_HELP)).sort()).toEqual([])
  })

  it('is plain text where markers show it', () => {
    expect(diagnosticHelp('missing-kind')).toBe(
      'Every object needs kind: (Pod, Deployment, Service…), so the API server knows what it is.',
    )
    expect(diagnosticHelp('no-such-rule')).toBeNull()
  })
})
