import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT, main } from './main'

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    stdin: async () => stdin,
  })
  return { code, out, err }
}

describe('kubeplay command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-cli-'))
  const good = join(dir, 'good.yaml')
  const bad = join(dir, 'bad.yaml')
  writeFileSync(good, 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n')
  writeFileSync(
    bad,
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    bad: 1\n---\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\n',
  )

  it('version names kubeplay, the engine and the Kubernetes release', async () => {
    const { code, out } = await run(['version'])
    expect(code).toBe(EXIT.ok)
    expect(out).toMatch(/^kubeplay \d+\.\d+\.\d+\nengine \d+\nkubernetes v1\.35 /)
  })

  it('check prints file:line:col: severity: message and exits 1 on errors', async () => {
    const { code, out } = await run(['check', good, bad])
    expect(code).toBe(EXIT.inputErrors)
    expect(out.split('\n')).toEqual([
      `${bad}:4:9: error: Nested mappings are not allowed in compact mappings`,
      `${bad}:4:9: error: Implicit keys need to be on a single line`,
      `${bad}:7:7: warning: kind ConfigMap is kept and shown, but kubeplay does not simulate it`,
      '',
    ])
  })

  it('check exits 0 for clean files and reads standard input for -', async () => {
    expect(await run(['check', good])).toEqual({ code: EXIT.ok, out: '', err: '' })
    const piped = await run(['check', '-'], 'kind: Pod\n')
    expect(piped.code).toBe(EXIT.inputErrors)
    expect(piped.out).toBe('<stdin>:1:1: error: Pod: the object has no `apiVersion`\n')
  })

  it('check reports a missing file without a stack trace', async () => {
    const { code, err } = await run(['check', join(dir, 'nope.yaml')])
    expect(code).toBe(EXIT.inputErrors)
    expect(err).toBe(`${join(dir, 'nope.yaml')}: cannot read: ENOENT\n`)
  })

  it('bad usage exits 2 with the usage text', async () => {
    expect((await run([])).code).toBe(EXIT.usage)
    const unknown = await run(['frobnicate'])
    expect(unknown.code).toBe(EXIT.usage)
    expect(unknown.err).toContain('unknown command "frobnicate"')
    expect(unknown.err).toContain('kubeplay check <file…>')
    expect((await run(['check'])).code).toBe(EXIT.usage)
  })
})
