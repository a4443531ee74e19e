import { describe, expect, it } from 'vitest'
import { execProbe } from './exec'
import { writeFile } from './vfs'
import { viewWith } from './testing'

const ctx = { nowMs: 1_000, epochMs: 0, env: { GREETING: 'hi' } }

describe('execProbe (A10: exit 0 is success, output is combined stdout+stderr)', () => {
  it('cat of a present file succeeds with its content as output', () => {
    const fs = viewWith()
    writeFile(fs, '/tmp/healthy', 'ok\n')
    expect(execProbe(['cat', '/tmp/healthy'], fs, ctx)).toEqual({ exitCode: 0, output: 'ok', elapsedMs: 0 })
  })

  it('G1: cat of a missing file fails with the busybox message, exactly', () => {
    expect(execProbe(['cat', '/tmp/healthy'], viewWith(), ctx)).toEqual({
      exitCode: 1,
      output: "cat: can't open '/tmp/healthy': No such file or directory",
      elapsedMs: 0,
    })
  })

  it('test -f as the probe command (startup-coordination example)', () => {
    const fs = viewWith()
    expect(execProbe(['test', '-f', '/config/app.conf'], fs, ctx).exitCode).toBe(1)
    writeFile(fs, '/tmp/app.conf', '')
    expect(execProbe(['test', '-f', '/tmp/app.conf'], fs, ctx).exitCode).toBe(0)
  })

  it('sh -c with env, both streams combined, and a sleep that adds to elapsedMs', () => {
    const r = execProbe(['sh', '-c', 'echo $GREETING; sleep 2; cat /nope; exit 3'], viewWith(), ctx)
    expect(r).toEqual({
      exitCode: 3,
      output: "hi\ncat: can't open '/nope': No such file or directory",
      elapsedMs: 2_000,
    })
  })

  it('with timeoutMs it stops at the first wake-up past the timeout, before later side effects', () => {
    const fs = viewWith()
    const r = execProbe(['sh', '-c', 'sleep 5; touch /tmp/late'], fs, { ...ctx, timeoutMs: 1_000 })
    expect(r.elapsedMs).toBe(5_000)
    expect(fs.local.entries['/tmp/late']).toBeUndefined()
  })

  it('a command that never finishes has infinite elapsed time', () => {
    expect(execProbe(['sleep', 'infinity'], viewWith(), ctx).elapsedMs).toBe(Infinity)
    expect(execProbe(['sh', '-c', 'while true; do sleep 1; done'], viewWith(), ctx).elapsedMs).toBe(Infinity)
  })

  it('marks commands it cannot run as unsupported', () => {
    expect(execProbe(['mysqladmin', 'ping'], viewWith(), ctx).unsupported).toMatch(/mysqladmin/)
  })
})
