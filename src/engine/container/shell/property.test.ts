import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileProcess } from './compile'
import { execProbe } from './exec'
import { emptyFs, imageFs, type FsView } from './vfs'
import { runUntilBlocked, startProcess } from './run'

const path = fc.constantFrom('/tmp/a', '/tmp/b', '/opt/x', '/nope/f', '/tmp', 'rel', '/opt', '/')
const word = fc.oneof(
  path,
  fc.constantFrom(
    'x',
    '"a b"',
    "'q $X'",
    '$X',
    '${X:-d}',
    '$?',
    '$((1+2))',
    '$(echo s)',
    '-f',
    '-n',
    '5',
    '0.2',
    'inf',
    '',
  ),
)
const simple = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'echo',
        'echo -n',
        'cat',
        'touch',
        'rm',
        'rm -rf',
        'mkdir',
        'mkdir -p',
        'ls',
        'printf',
        'sleep',
        'test',
        'date',
        'printenv',
        'exit',
        'true',
        'false',
        ':',
        'foo',
        'cd',
        'tail',
      ),
      fc.array(word, { maxLength: 3 }),
      fc.constantFrom('', ' > /tmp/o', ' >> /opt/log', ' 2>&1', ' 2>/dev/null', ' > /nope/x'),
    )
    .map(([c, args, r]) => `${c} ${args.join(' ')}${r}`),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((a) => `[ ${a.join(' ')} ]`),
  fc.constant('X=v'),
)
const script: fc.Arbitrary<string> = fc.letrec<{ list: string }>((tie) => ({
  list: fc.oneof(
    { depthSize: 'small' },
    simple,
    fc
      .tuple(tie('list'), fc.constantFrom('; ', ' && ', ' || ', '\n'), tie('list'))
      .map(([a, op, b]) => `${a}${op}${b}`),
    fc.tuple(tie('list'), tie('list')).map(([c, b]) => `while ${c}; do ${b}; done`),
    fc.tuple(tie('list'), tie('list')).map(([c, b]) => `until ${c}; do ${b}; done`),
    fc.tuple(tie('list'), tie('list'), tie('list')).map(([c, a, b]) => `if ${c}; then ${a}; else ${b}; fi`),
    fc
      .tuple(fc.array(word, { maxLength: 3 }), tie('list'))
      .map(([ws, b]) => `for i in ${ws.join(' ')}; do ${b}; done`),
    tie('list').map((b) => `! ${b}`),
  ),
})).list

function view(): FsView {
  return { local: imageFs(), volumes: { v: emptyFs() }, mounts: [{ path: '/opt', volume: 'v' }] }
}

describe('property: random scripts of supported commands never throw', () => {
  it('compile, run through virtual time and exec never throw; steps are well-formed', () => {
    let compiledCount = 0
    fc.assert(
      fc.property(script, (src) => {
        const compiled = compileProcess(['sh', '-c', src])
        if (!compiled.ok) return
        compiledCount++
        const fs = view()
        let state = startProcess(compiled.program)
        let now = 0
        for (let i = 0; i < 20; i++) {
          const r = runUntilBlocked(compiled.program, state, fs, { nowMs: now, epochMs: 0, env: { X: '1' } })
          state = r.state
          for (const line of r.output) expect(line.atMs).toBe(now)
          if (r.step.kind === 'exit') {
            expect(Number.isInteger(r.step.code) && r.step.code >= 0 && r.step.code <= 255).toBe(true)
            break
          }
          if (r.step.kind === 'forever') break
          expect(r.step.untilMs).toBeGreaterThan(now)
          now = r.step.untilMs
        }
        expect(structuredClone(state)).toEqual(state)
        const probe = execProbe(['sh', '-c', src], view(), {
          nowMs: 0,
          epochMs: 0,
          env: {},
          timeoutMs: 10_000,
        })
        expect(probe.exitCode).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 200, seed: 42 },
    )
    // The generator produces supported scripts: most of them must compile, or the property is hollow.
    expect(compiledCount).toBeGreaterThan(150)
  }, 60_000)

  it('arbitrary text never throws out of compileProcess', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (src) => {
        const r = compileProcess(['/bin/sh', '-c', src])
        expect(typeof r.ok).toBe('boolean')
      }),
      { numRuns: 500, seed: 7 },
    )
  })
})
