import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ProcessBehaviour } from './catalog'
import {
  CATALOG,
  DEFAULT_BEHAVIOUR,
  defaultBehaviour,
  goDuration,
  grpcAnswer,
  httpAnswer,
  imageSizeBytes,
  lookupImage,
  parseImageRef,
  pulledEventMessage,
  pullTimeMs,
  resolveProcess,
  tcpAnswer,
} from './catalog'
import { piDigits } from './catalog-pi'

const EXAMPLES = fileURLToPath(new URL('../testdata/k8s-website-examples/', import.meta.url))

function program(spec: Parameters<typeof resolveProcess>[0]): ProcessBehaviour {
  const r = resolveProcess(spec)
  if (r.kind !== 'program') throw new Error(`expected a program for ${spec.image}, got ${r.kind}`)
  return r.behaviour
}

describe('parseImageRef (docker reference normalisation)', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx', 'latest'],
    ['nginx:1.27', 'docker.io/library/nginx', '1.27'],
    ['docker.io/library/nginx', 'docker.io/library/nginx', 'latest'],
    ['index.docker.io/library/nginx:1.14.2', 'docker.io/library/nginx', '1.14.2'],
    ['mirror.gcr.io/nginx', 'docker.io/library/nginx', 'latest'],
    ['traefik/whoami:v1.10', 'docker.io/traefik/whoami', 'v1.10'],
    ['k8s.gcr.io/busybox', 'registry.k8s.io/busybox', 'latest'],
    ['gcr.io/google_containers/pause:2.0', 'registry.k8s.io/pause', '2.0'],
    ['localhost:5000/app:dev', 'localhost:5000/app', 'dev'],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', 'registry.k8s.io/e2e-test-images/agnhost', '2.40'],
  ])('%s → %s:%s', (image, repository, tag) => {
    expect(parseImageRef(image)).toEqual({ repository, tag })
  })

  it('keeps a digest', () => {
    const digest = `sha256:${'a'.repeat(64)}`
    expect(parseImageRef(`nginx@${digest}`)).toEqual({
      repository: 'docker.io/library/nginx',
      tag: 'latest',
      digest,
    })
  })

  it.each([
    '',
    'gcr.io/<project>/job-wq-1',
    'Nginx',
    'nginx:',
    'nginx:bad tag',
    'a//b',
    '<your-private-image>',
  ])('rejects %j (kubelet InvalidImageName)', (image) => {
    expect(parseImageRef(image)).toBeNull()
  })
})

describe('lookupImage', () => {
  it('has at least 20 images, each with a unique repository and a plausible size', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(20)
    const repos = CATALOG.flatMap((e) => [e.repository, ...(e.aliases ?? [])])
    expect(new Set(repos).size).toBe(repos.length)
    for (const e of CATALOG) {
      expect(parseImageRef(e.repository)?.repository, e.repository).toBe(e.repository)
      if (!e.pullError) expect(e.sizeBytes, e.repository).toBeGreaterThan(100_000)
    }
  })

  it.each([
    ['nginx', 'docker.io/library/nginx'],
    ['nginx:1.27', 'docker.io/library/nginx'],
    ['docker.io/library/nginx', 'docker.io/library/nginx'],
    ['registry.k8s.io/nginx:latest', 'docker.io/library/nginx'],
    ['registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim'],
    ['k8s.gcr.io/busybox', 'registry.k8s.io/busybox'],
    ['busybox:1.28', 'docker.io/library/busybox'],
    ['k8s.gcr.io/fluentd-elasticsearch:1.20', 'quay.io/fluentd_elasticsearch/fluentd'],
    ['k8s.gcr.io/liveness', 'registry.k8s.io/liveness'],
  ])('%s is %s', (image, repository) => {
    expect(lookupImage(image)?.repository).toBe(repository)
  })

  it('returns null for unknown images and invalid references', () => {
    expect(lookupImage('gcr.io/myproject/job-wq-2')).toBeNull()
    expect(lookupImage('gcr.io/<project>/job-wq-1')).toBeNull()
  })

  it('knows every image of the probe, init-container, job, controller and deployment examples', () => {
    const dirs = ['pods/probe', 'pods/init-containers.yaml', 'application/job', 'controllers', 'application']
    const walk = (rel: string): string[] => {
      const path = join(EXAMPLES, rel)
      if (/\.ya?ml$/.test(rel)) return [path]
      return readdirSync(path, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(rel, e.name)) : e.name.endsWith('.yaml') ? [join(path, e.name)] : [],
      )
    }
    const files = dirs.flatMap(walk)
    const deployments = files.filter((f) => !/application\/(?!job|deployment)/.test(relative(EXAMPLES, f)))
    const images = new Set<string>()
    for (const f of deployments)
      for (const m of readFileSync(f, 'utf8').matchAll(/image:\s*"?([^"\s,]+)/g)) images.add(m[1] as string)
    // Placeholders for images the reader builds (job-wq-*) are not real images.
    const real = [...images].filter((i) => !/job-wq-/.test(i))
    expect(real.length).toBeGreaterThan(15)
    expect(real.filter((i) => lookupImage(i) === null)).toEqual([])
  })
})

describe('what containers run (DESIGN §2.3 layer 3)', () => {
  it('nginx serves / and /index.html, 404 elsewhere on 80 (reference G5)', () => {
    const nginx = program({ image: 'nginx' })
    expect(httpAnswer(nginx, 80, '/', 5000)).toMatchObject({ status: 200 })
    expect(httpAnswer(nginx, 80, '/index.html', 5000)).toMatchObject({ status: 200 })
    expect(httpAnswer(nginx, 80, '/_status/healthz', 5000)).toMatchObject({ status: 404 })
    expect(httpAnswer(nginx, 8080, '/', 5000)).toEqual({ refused: true })
    expect(httpAnswer(nginx, 80, '/', 0)).toEqual({ refused: true })
    expect(nginx.sigterm).toBe('exit0')
  })

  it('agnhost liveness answers /healthz 200 while uptime ≤ 10 s, then 500 (reference G2)', () => {
    const live = program({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'] })
    expect(httpAnswer(live, 8080, '/healthz', 3000)).toEqual({ status: 200, body: 'ok' })
    expect(httpAnswer(live, 8080, '/healthz', 10_000)).toEqual({ status: 200, body: 'ok' })
    expect(httpAnswer(live, 8080, '/healthz', 10_001)).toEqual({ status: 500, body: 'error: 10.001' })
    expect(httpAnswer(live, 8080, '/started', 12_500)).toEqual({ status: 200, body: '12.5s' })
    // the old image of the same example
    const old = program({ image: 'k8s.gcr.io/liveness', args: ['/server'] })
    expect(httpAnswer(old, 8080, '/healthz', 11_000)).toMatchObject({ status: 500 })
  })

  it('agnhost runs its other subcommands', () => {
    const netexec = program({
      image: 'registry.k8s.io/e2e-test-images/agnhost:2.45',
      args: ['netexec', '--http-port=8081'],
    })
    expect(httpAnswer(netexec, 8081, '/hostname', 1000, { hostname: 'web-0' })).toEqual({
      status: 200,
      body: 'web-0',
    })
    expect(httpAnswer(netexec, 8081, '/anything', 1000)).toMatchObject({ status: 200 })
    const sh = program({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.45', args: ['serve-hostname'] })
    expect(tcpAnswer(sh, 9376, 1000)).toBe(true)
    const pause = program({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.45' })
    expect(pause.listens).toEqual([])
    expect(pause.exits).toBeUndefined()
  })

  it('goproxy accepts TCP on 8080 (reference G3); redis on 6379 (reference G6)', () => {
    const goproxy = program({ image: 'registry.k8s.io/goproxy:0.1' })
    expect(tcpAnswer(goproxy, 8080, 200)).toBe(true)
    expect(tcpAnswer(goproxy, 8081, 200)).toBe(false)
    const redis = program({ image: 'redis' })
    expect(tcpAnswer(redis, 6379, 1000)).toBe(true)
    expect(httpAnswer(redis, 6379, '/', 1000)).toHaveProperty('error')
  })

  it('etcd answers gRPC health SERVING on 2379 when it listens beyond localhost (reference G4)', () => {
    const command = [
      '/usr/local/bin/etcd',
      '--data-dir',
      '/var/lib/etcd',
      '--listen-client-urls',
      'http://0.0.0.0:2379',
      '--advertise-client-urls',
      'http://127.0.0.1:2379',
      '--log-level',
      'debug',
    ]
    const etcd = program({ image: 'registry.k8s.io/etcd:3.5.1-0', command })
    expect(grpcAnswer(etcd, 2379, 5000)).toEqual({ status: 'SERVING' })
    expect(grpcAnswer(etcd, 2379, 0)).toEqual({ refused: true })
    const local = program({ image: 'registry.k8s.io/etcd:3.5.1-0', command: ['etcd'] })
    expect(grpcAnswer(local, 2379, 5000)).toEqual({ refused: true })
    expect(grpcAnswer(program({ image: 'nginx' }), 80, 5000)).toHaveProperty('error')
  })

  it('shell images hand their command to the shell interpreter; a shell PID 1 ignores SIGTERM (reference B4)', () => {
    expect(resolveProcess({ image: 'busybox' })).toMatchObject({ kind: 'shell', argv: ['sh'] })
    expect(
      resolveProcess({
        image: 'registry.k8s.io/busybox:1.27.2',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      }),
    ).toMatchObject({ kind: 'shell', argv: ['/bin/sh', '-c', expect.stringContaining('touch')] })
    expect(
      resolveProcess({ image: 'docker.io/library/busybox', command: ['rev', '/input/data.txt'] }),
    ).toMatchObject({
      kind: 'shell',
    })
    expect(
      resolveProcess({ image: 'docker.io/library/bash:5', command: ['bash'], args: ['-c', 'exit 42'] }),
    ).toMatchObject({ kind: 'shell', argv: ['bash', '-c', 'exit 42'] })
    for (const name of ['busybox', 'registry.k8s.io/busybox', 'alpine', 'ubuntu', 'debian', 'bash'])
      expect(lookupImage(name)?.shell, name).toBe(true)
    expect(lookupImage('busybox')?.process.sigterm).toBe('ignore')
    // a shell command on a non-shell image still goes to the interpreter (nginx has /bin/sh)…
    expect(resolveProcess({ image: 'nginx', command: ['sh', '-c', 'sleep 5'] }).kind).toBe('shell')
    // …but not on a shell-less one
    expect(
      resolveProcess({ image: 'registry.k8s.io/pause', command: ['sh', '-c', 'sleep 5'] }),
    ).toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('exec: "sh": executable file not found in $PATH'),
    })
  })

  it('the perl Job prints π and exits 0 (controllers/job.yaml)', () => {
    const pi = program({ image: 'perl', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] })
    expect(pi.exits).toEqual({ afterMs: 6000, code: 0 })
    const line = pi.logs?.[0] ?? ''
    expect(line).toHaveLength(2001)
    expect(line.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true)
    expect(piDigits(1)).toBe('3')
    expect(piDigits(5)).toBe('3.1416')
    expect(piDigits(50)).toBe('3.1415926535897932384626433832795028841971693993751')
    // …and the 100th significant digit rounds …34211706 79|8 up
    expect(piDigits(100).endsWith('8628034825342117068')).toBe(true)
  })

  it('interpreters without a script exit 0 at once; postgres and mysql refuse to start without a password', () => {
    expect(program({ image: 'python' }).exits?.code).toBe(0)
    expect(program({ image: 'node' }).exits?.code).toBe(0)
    expect(program({ image: 'python', command: ['python3', '-c', 'print(1)'] }).exits).toEqual({
      afterMs: 1000,
      code: 0,
    })
    const pg = program({ image: 'postgres:16' })
    expect(pg.exits?.code).toBe(1)
    expect(pg.logs?.[0]).toContain('superuser password is not specified')
    expect(program({ image: 'postgres:16', env: { POSTGRES_PASSWORD: 'x' } }).exits).toBeUndefined()
    expect(program({ image: 'mysql:8.0' }).exits?.code).toBe(1)
    expect(program({ image: 'mysql:8.0', env: { MYSQL_ROOT_PASSWORD: 'p' } }).exits).toBeUndefined()
  })

  it('a custom program on a known image, or an unknown image, gets the default behaviour on its ports (layer 4)', () => {
    const unknown = program({ image: 'gcr.io/myproject/app:1', ports: [8080] })
    expect(unknown.startMs).toBe(DEFAULT_BEHAVIOUR.startMs)
    expect(unknown.exits).toBeUndefined()
    expect(unknown.sigterm).toBe('exit0')
    expect(httpAnswer(unknown, 8080, '/whatever', 5000)).toMatchObject({ status: 200 })
    expect(httpAnswer(unknown, 8080, '/whatever', 10)).toEqual({ refused: true })
    expect(httpAnswer(unknown, 9090, '/', 5000)).toEqual({ refused: true })
    expect(grpcAnswer(unknown, 8080, 5000)).toEqual({ status: 'SERVING' })
    expect(defaultBehaviour([80, 80]).listens).toHaveLength(1)
    expect(
      program({ image: 'nginx', command: ['/app/server'], ports: [3000] }).listens.map((l) => l.port),
    ).toEqual([3000])
  })

  it('a process that exited no longer answers', () => {
    const p: ProcessBehaviour = { ...defaultBehaviour([80]), exits: { afterMs: 5000, code: 1 } }
    expect(tcpAnswer(p, 80, 4999)).toBe(true)
    expect(tcpAnswer(p, 80, 5000)).toBe(false)
  })

  it('every catalogued SIGTERM reaction is one of the modelled ones', () => {
    for (const e of CATALOG) expect(['exit0', 'exit2', 'exit143', 'ignore']).toContain(e.process.sigterm)
  })
})

describe('image pulls (reference B5)', () => {
  it('model pull time grows with size', () => {
    expect(pullTimeMs(0)).toBe(300)
    expect(pullTimeMs(imageSizeBytes('nginx'))).toBe(300 + Math.ceil(72_223_946 / 25_000))
    expect(pullTimeMs(imageSizeBytes('busybox'))).toBeLessThan(pullTimeMs(imageSizeBytes('nginx')))
    expect(imageSizeBytes('example.com/unknown')).toBe(50_000_000)
  })

  it('words the Pulled event as the kubelet does', () => {
    expect(pulledEventMessage('registry.k8s.io/e2e-test-images/agnhost:2.40', 3022, 3022, 51155161)).toBe(
      'Successfully pulled image "registry.k8s.io/e2e-test-images/agnhost:2.40" in 3.022s (3.022s including waiting). Image size: 51155161 bytes.',
    )
    expect(pulledEventMessage('busybox', 638, 17823, 2222260)).toBe(
      'Successfully pulled image "busybox" in 638ms (17.823s including waiting). Image size: 2222260 bytes.',
    )
  })

  it('formats durations as Go does', () => {
    expect([0, 5, 638, 1000, 2386, 60_000, 104_248, 3_600_000, 5_430_500].map(goDuration)).toEqual([
      '0s',
      '5ms',
      '638ms',
      '1s',
      '2.386s',
      '1m0s',
      '1m44.248s',
      '1h0m0s',
      '1h30m30.5s',
    ])
  })

  it('the non-existing image of the podFailurePolicy example fails to pull', () => {
    expect(lookupImage('non-existing-repo/non-existing-image:example')?.pullError).toContain(
      'pull access denied',
    )
  })
})
