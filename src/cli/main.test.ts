import { readFile } from 'node:fs/promises'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ENGINE_VERSION } from '../engine'
import { decodeLink } from '../share/link'
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

  const corpus = (f: string): string =>
    fileURLToPath(new URL(`../engine/testdata/k8s-website-examples/${f}`, import.meta.url))

  it("run prints what a real cluster prints for the docs' exec-liveness example at 45 s (reference G1)", async () => {
    const { code, out } = await run([
      'run',
      corpus('pods/probe/exec-liveness.yaml'),
      '--at',
      '45s',
      'get',
      'pods',
    ])
    expect(code).toBe(EXIT.ok)
    expect(out).toBe(
      'NAME            READY   STATUS    RESTARTS   AGE\nliveness-exec   1/1     Running   0          45s\n',
    )
    const later = await run([
      'run',
      corpus('pods/probe/exec-liveness.yaml'),
      '--at=90s',
      'get',
      'pods',
      '-o',
      'json',
    ])
    const list = JSON.parse(later.out) as {
      kind: string
      items: { status: { containerStatuses: { restartCount: number }[] } }[]
    }
    expect(list.kind).toBe('List')
    expect(list.items[0]!.status.containerStatuses[0]!.restartCount).toBe(1)
  })

  it('run refuses bad times and horizons past 24 h with exit 2, and input errors with exit 1', async () => {
    expect((await run(['run', good, '--at', 'soon', 'get', 'pods'])).code).toBe(EXIT.usage)
    const far = await run(['run', good, '--until', '25h', 'get', 'pods'])
    expect(far.code).toBe(EXIT.usage)
    expect(far.err).toContain('at most 24h')
    const broken = await run(['run', bad, 'get', 'pods'])
    expect(broken.code).toBe(EXIT.inputErrors)
    expect(broken.err).toContain(`${bad}:4:9: error:`)
  })

  it('print renders objects as given, status included, at --now', async () => {
    const dump = join(dir, 'dump.yaml')
    writeFileSync(
      dump,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web-0, namespace: default, creationTimestamp: "2026-01-01T00:00:00Z"}\nspec: {containers: [{name: web, image: nginx}]}\nstatus:\n  phase: Running\n  conditions: [{type: Ready, status: "True"}]\n  containerStatuses: [{name: web, ready: true, restartCount: 2, started: true, image: nginx, imageID: "", state: {running: {startedAt: "2026-01-01T00:01:00Z"}}, lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2026-01-01T00:00:58Z"}}}]\n',
    )
    const { code, out } = await run(['print', dump, '--now', '2026-01-01T00:05:00Z', 'get', 'pods'])
    expect(code).toBe(EXIT.ok)
    expect(out).toBe(
      'NAME    READY   STATUS    RESTARTS       AGE\nweb-0   1/1     Running   2 (4m2s ago)   5m\n',
    )
  })

  it('link prints a URL whose fragment holds the scenario', async () => {
    const { code, out } = await run(['link', good, '--at', '83s', '--base', 'https://kubeplay.example/'])
    expect(code).toBe(EXIT.ok)
    expect(out).toMatch(/^https:\/\/kubeplay\.example\/#v1\.[A-Za-z0-9_-]+\n$/)
    const decoded = decodeLink(new URL(out.trim()).hash)
    expect(decoded).toMatchObject({ ok: true, link: { atS: 83, engine: ENGINE_VERSION } })
    expect(decoded.ok && decoded.link.text).toBe(await readFile(good, 'utf8'))
  })

  it('link --embed / --present make a link that opens in that mode', async () => {
    const { code, out } = await run(['link', good, '--present', '--at', '10s', '--embed'])
    expect(code).toBe(0)
    const hash = new URL(out.trim()).hash
    expect(hash).toMatch(/&embed&present$/)
    expect(decodeLink(hash)).toMatchObject({ ok: true, link: { atS: 10, flags: ['embed', 'present'] } })
    const plain = await run(['link', good])
    expect(new URL(plain.out.trim()).hash).not.toContain('&')
  })

  it('link refuses a selection that is not kind/namespace/name', async () => {
    const { code, err } = await run(['link', good, '--select', '<b>x</b>'])
    expect(code).toBe(EXIT.usage)
    expect(err).toMatch(/^kubeplay link: --select <b>x<\/b> is not kind\/namespace\/name/)
  })

  it("run on the docs' CronJob example shows the Jobs and pods it made, named <cronjob>-<minutes since the epoch> (cronjob_controllerv2.go)", async () => {
    const file = fileURLToPath(new URL('../engine/testdata/k8s-website-examples/application/job/cronjob.yaml', import.meta.url)) // prettier-ignore
    const { code, out, err } = await run(['run', file, '--at', '4m30s', 'get', 'cronjobs,jobs,pods'])
    expect(err).toBe('')
    expect(code).toBe(EXIT.ok)
    const [cronjobs, jobs, pods] = out.split('\n\n').map((b) => b.trim().split('\n').slice(1))
    expect(cronjobs).toEqual([expect.stringMatching(/^cronjob\.batch\/hello\s+\* \* \* \* \*\s+<none>\s+False\s+0\s+30s\s+4m30s$/)]) // prettier-ignore
    // Jobs at 00:02, 00:03 and 00:04 (2026-01-01T00:01Z is minute 29453761); the first one is past the history limit of 3.
    expect(jobs!.map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'job.batch/hello-29453762 Complete 1/1',
      'job.batch/hello-29453763 Complete 1/1',
      'job.batch/hello-29453764 Complete 1/1',
    ])
    expect(pods!.map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      expect.stringMatching(/^pod\/hello-29453762-[a-z0-9]{5} 0\/1 Completed$/),
      expect.stringMatching(/^pod\/hello-29453763-[a-z0-9]{5} 0\/1 Completed$/),
      expect.stringMatching(/^pod\/hello-29453764-[a-z0-9]{5} 0\/1 Completed$/),
    ])
    const events = await run([
      'run',
      file,
      '--at',
      '4m30s',
      'get',
      'events',
      '--field-selector',
      'involvedObject.kind=CronJob',
    ])
    expect(events.out).toMatch(/Normal\s+SuccessfulDelete\s+cronjob\/hello\s+Deleted job hello-29453761$/m)
  })
})
