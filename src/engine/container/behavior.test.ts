import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { ContainerBehavior } from './behavior'
import { BEHAVIOR_ANNOTATION, behaviorForRun, parseBehavior, parseSeconds } from './behavior'

// DESIGN §2.3 point 1, verbatim.
const DESIGN_EXAMPLE = `metadata:
  annotations:
    kubeplay.dev/behavior: |
      web:
        pullSeconds: 4            # image pull time (first pull on a node)
        pull: fail                # ErrImagePull → ImagePullBackOff
        startSeconds: 20          # until the process listens and answers probes
        exit: {after: 30, code: 1}  # the process exits on its own, every run
        oomAfter: 45              # OOMKilled, exit 137
        probes:                   # windows in seconds since this run started; null = open end
          readiness: {fail: [[30, 60]]}
          liveness:  {fail: [[90, null]]}
        runs:                     # per-run overrides; the last entry repeats
          - {exit: {after: 3, code: 1}}
          - {}
`

function annotationOf(manifest: string): string {
  const m = parse(manifest) as { metadata: { annotations: Record<string, string> } }
  return m.metadata.annotations[BEHAVIOR_ANNOTATION] as string
}

/** Errors and warnings as "line:col severity message" for compact assertions. */
function diag(text: string, names: readonly string[] = ['web']): string[] {
  return parseBehavior(text, names).diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.message}`)
}

describe('parseBehavior: the DESIGN §2.3 example', () => {
  const { behavior, diagnostics } = parseBehavior(annotationOf(DESIGN_EXAMPLE), ['web'])

  it('reads without diagnostics', () => {
    expect(diagnostics).toEqual([])
  })

  it('converts every duration to milliseconds', () => {
    expect(behavior.web).toEqual({
      pullMs: 4000,
      pullFails: true,
      startMs: 20000,
      exit: { afterMs: 30000, code: 1 },
      oomAfterMs: 45000,
      probes: {
        readiness: [{ fromMs: 30000, toMs: 60000 }],
        liveness: [{ fromMs: 90000, toMs: null }],
      },
      runs: [{ exit: { afterMs: 3000, code: 1 } }, {}],
    } satisfies ContainerBehavior)
  })

  it('run 0 takes the first override, later runs the last entry (which repeats)', () => {
    const web = behavior.web as ContainerBehavior
    expect(behaviorForRun(web, 0).exit).toEqual({ afterMs: 3000, code: 1 })
    for (const run of [1, 2, 7]) {
      const r = behaviorForRun(web, run)
      expect(r.exit).toEqual({ afterMs: 30000, code: 1 })
      expect(r.startMs).toBe(20000)
      expect(r.oomAfterMs).toBe(45000)
      expect(r).not.toHaveProperty('runs')
    }
  })
})

describe('parseSeconds', () => {
  it.each([
    [30, 30000],
    [0, 0],
    [1.5, 1500],
    ['30s', 30000],
    ['2m', 120000],
    ['1h30m', 5400000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['1m30s', 90000],
    ['2h', 7200000],
    ['0s', 0],
  ])('%j → %d ms', (input, ms) => {
    expect(parseSeconds(input)).toEqual({ ms })
  })

  it.each([[-1], ['-5s'], ['30'], ['30 s'], ['abc'], [''], [true], [null], [{}], [Number.NaN]])(
    'rejects %j',
    (input) => {
      expect(parseSeconds(input)).toHaveProperty('error')
    },
  )
})

describe('parseBehavior: diagnostics, positioned inside the annotation', () => {
  it('reports unknown keys with a suggestion, as warnings', () => {
    expect(diag('web:\n  startSecond: 5\n')).toEqual([
      '2:3 warning web: unknown key "startSecond" (did you mean "startSeconds"?)',
    ])
  })

  it('reports unknown containers and drops them', () => {
    const r = parseBehavior('wbe:\n  startSeconds: 5\n', ['web', 'sidecar'])
    expect(r.behavior).toEqual({})
    expect(r.diagnostics.map((d) => [d.line, d.col, d.severity, d.message])).toEqual([
      [
        1,
        1,
        'warning',
        'no container named "wbe" in this pod (containers: web, sidecar) (did you mean "web"?)',
      ],
    ])
  })

  it('reports wrong types and negative durations as errors, keeping what is valid', () => {
    const r = parseBehavior('web:\n  startSeconds: -3\n  pullSeconds: [1]\n  oomAfter: 45\n  pull: maybe\n', [
      'web',
    ])
    expect(r.behavior.web).toEqual({ oomAfterMs: 45000 })
    expect(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity}`)).toEqual([
      '2:17 error',
      '3:16 error',
      '5:9 error',
    ])
    expect(r.diagnostics[0]?.message).toBe('web.startSeconds: must not be negative (got -3)')
    expect(r.diagnostics[2]?.message).toContain('the only value is "fail"')
  })

  it('reports windows that end before they start, and malformed windows', () => {
    expect(diag('web:\n  probes:\n    liveness: {fail: [[60, 30], [5], [1, null]]}\n')).toEqual([
      '3:23 error web.probes.liveness.fail[0]: the window ends (30s) before it starts (60s)',
      '3:33 error web.probes.liveness.fail[1]: a window is a pair [from, to] in seconds (to may be null), e.g. [30, 60]',
    ])
    const r = parseBehavior('web:\n  probes:\n    liveness: {fail: [[60, 30], [5], [1, null]]}\n', ['web'])
    expect(r.behavior.web?.probes?.liveness).toEqual([{ fromMs: 1000, toMs: null }])
  })

  it('reports exit without after or code, and bad exit codes', () => {
    expect(diag('web:\n  exit: {code: 1}\n')).toEqual([
      '2:9 error web.exit: needs "after" (when the process exits), e.g. {after: 30, code: 1}',
    ])
    expect(diag('web:\n  exit: {after: 3}\n')).toEqual([
      '2:9 error web.exit: needs "code" (the exit code), e.g. {after: 30, code: 1}',
    ])
    expect(diag('web:\n  exit: {after: 3, code: 300}\n')).toEqual([
      '2:26 error web.exit.code: expected an exit code, an integer from 0 to 255, got 300',
    ])
  })

  it('reports unknown probe kinds and nested/irrelevant keys in runs', () => {
    expect(
      diag('web:\n  probes: {livenes: {fail: []}}\n  runs:\n    - {runs: []}\n    - {pull: fail}\n'),
    ).toEqual([
      '2:12 warning web.probes: unknown probe "livenes" (did you mean "liveness"?)',
      '4:8 error web.runs[0].runs: "runs" cannot be nested inside a run',
      '5:8 warning web.runs[1].pull: image pulls are not per run; set "pull" on the container instead',
    ])
  })

  it('reports YAML syntax errors and duplicate keys, and a root that is not a map', () => {
    expect(diag('web:\n  exit: {after: 3\n')[0]).toMatch(/^\d+:\d+ error YAML: /)
    expect(diag('web:\n  startSeconds: 1\n  startSeconds: 2\n')[0]).toMatch(/^3:3 error YAML: .*unique/)
    expect(diag('- web\n')).toEqual(['1:1 error kubeplay.dev/behavior: expected a map, got a list'])
    expect(diag('web: 5\n')).toEqual(['1:6 error web: expected a map, got 5'])
  })

  it('accepts an empty annotation and a container with no settings', () => {
    expect(parseBehavior('', ['web'])).toEqual({ behavior: {}, diagnostics: [] })
    expect(parseBehavior('web:\n', ['web'])).toEqual({ behavior: { web: {} }, diagnostics: [] })
  })
})

describe('behaviorForRun', () => {
  const base: ContainerBehavior = {
    startMs: 5000,
    exit: { afterMs: 30000, code: 1 },
    probes: { readiness: [{ fromMs: 0, toMs: 10000 }], liveness: [{ fromMs: 90000, toMs: null }] },
  }

  it('without runs, every run is the base', () => {
    expect(behaviorForRun(base, 0)).toEqual(base)
    expect(behaviorForRun(base, 5)).toEqual(base)
  })

  it('merges probes per kind and lets null remove a base setting', () => {
    const b: ContainerBehavior = {
      ...base,
      runs: [
        { exit: null, probes: { readiness: null, startup: [{ fromMs: 0, toMs: 1000 }] } },
        { probes: null },
      ],
    }
    expect(behaviorForRun(b, 0)).toEqual({
      startMs: 5000,
      probes: { liveness: [{ fromMs: 90000, toMs: null }], startup: [{ fromMs: 0, toMs: 1000 }] },
    })
    expect(behaviorForRun(b, 1)).toEqual({ startMs: 5000, exit: { afterMs: 30000, code: 1 } })
    expect(behaviorForRun(b, 9)).toEqual(behaviorForRun(b, 1))
  })

  it('reads null overrides from the annotation', () => {
    const { behavior, diagnostics } = parseBehavior(
      'web:\n  exit: {after: 30, code: 1}\n  runs:\n    - {exit: null}\n    - {}\n',
      ['web'],
    )
    expect(diagnostics).toEqual([])
    expect(behaviorForRun(behavior.web!, 0).exit).toBeUndefined()
    expect(behaviorForRun(behavior.web!, 1).exit).toEqual({ afterMs: 30000, code: 1 })
  })
})

describe('properties', () => {
  it('parseBehavior never throws, and every diagnostic lies inside the text', () => {
    const yamlish = fc.constantFrom(
      ...'web: startSeconds exit after code probes liveness fail runs pull oomAfter [ ] { } , - : \n  null 30s -1 "x" & * ! # |'.split(
        ' ',
      ),
    )
    const text = fc.oneof(
      fc.string(),
      fc.array(yamlish, { maxLength: 30 }).map((parts) => parts.join(' ')),
      fc.array(yamlish, { maxLength: 30 }).map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(text, (t) => {
        const r = parseBehavior(t, ['web'])
        const lines = t.split(/\r\n|\r|\n/).length
        for (const d of r.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1)
          expect(d.line).toBeLessThanOrEqual(lines)
          expect(d.col).toBeGreaterThanOrEqual(1)
        }
        for (const b of Object.values(r.behavior)) for (const i of [0, 1, 2]) behaviorForRun(b, i)
      }),
      { numRuns: 2000 },
    )
  })
})
