/**
 * The image catalog (DESIGN §2.3 layer 3): what well-known images do when a fake container runs them —
 * default command, ports, start time, HTTP/TCP/gRPC answers, SIGTERM reaction, size and pull time — and
 * the default for every other image (layer 4).
 */
import { goDuration } from '../model/duration'
import { piDigits } from './catalog-pi'
import type {
  CatalogEntry,
  HttpReply,
  HttpServer,
  Listener,
  ProcessBehaviour,
  SelectContext,
} from './catalog-types'

export type { AnswerContext, GrpcAnswer, HttpAnswer } from './catalog-answers'
export { grpcAnswer, httpAnswer, tcpAnswer } from './catalog-answers'
export { goDuration } from '../model/duration'
export type * from './catalog-types'

// ── Model latencies (invented, deterministic; the kubelet adds seeded jitter where it wants) ─────────

/** Registry round trips (token, manifest, config) before the first layer byte arrives. */
export const PULL_LATENCY_MS = 300
/** Download + unpack throughput: 25 MB/s (≈ 200 Mbit/s), so nginx (~72 MB) pulls in ≈ 3 s. */
export const PULL_BYTES_PER_MS = 25_000
/** Size assumed for an image the catalog does not know. */
export const DEFAULT_IMAGE_SIZE_BYTES = 50_000_000
/** Layer 4: a process we know nothing about listens this long after it started. */
export const DEFAULT_START_MS = 1000
/** Static binaries (pause, small Go servers) listen almost at once. */
export const FAST_START_MS = 100
/** nginx / httpd: entrypoint scripts, then the master process binds its port. */
export const WEB_SERVER_START_MS = 300
/** redis and memcached load nothing on a fresh container. */
export const CACHE_START_MS = 150
/** etcd: member bootstrap on an empty data dir, then it serves clients. */
export const ETCD_START_MS = 800
/** mongod on an empty data dir. */
export const MONGO_START_MS = 1500
/** postgres: initdb on the (fresh) data dir, a restart of the server, then it accepts connections. */
export const POSTGRES_START_MS = 4000
/** mysqld: --initialize-insecure plus the temporary server of the entrypoint script. */
export const MYSQL_START_MS = 12_000
/** rabbitmq: the Erlang VM and the boot steps. */
export const RABBITMQ_START_MS = 8000
/** A clean SIGTERM shutdown of a small server. */
export const CLEAN_STOP_MS = 100
/** A database flushing and closing on SIGTERM. */
export const DATABASE_STOP_MS = 500
/** rabbitmq stopping its applications on SIGTERM. */
export const RABBITMQ_STOP_MS = 3000
/** An interpreter started without a script and without a terminal reads EOF and exits 0. */
export const NO_TTY_EXIT_MS = 50
/** A script the catalog cannot interpret (python -c …) runs this long, then exits 0. */
export const SCRIPT_RUN_MS = 1000
/** An entrypoint refusing to start for a missing variable (postgres, mysql) exits 1 this fast. */
export const MISSING_ENV_EXIT_MS = 200
/** `perl -Mbignum=bpi -wle 'print bpi(1000)'` computes for this long; it grows with digits². */
export const PERL_BPI_MS_PER_1000_DIGITS = 1500

// ── Image references ──────────────────────────────────────────────────────────────────────────────────

/** A parsed image reference, with docker's defaults applied (`nginx` → `docker.io/library/nginx:latest`). */
export interface ImageRef {
  /** `docker.io/library/nginx` */
  readonly repository: string
  readonly tag: string
  readonly digest?: string
}

/** Registry prefixes that hold the same images as another (moves, mirrors). */
const REGISTRY_ALIASES: readonly [string, string][] = [
  ['index.docker.io/', 'docker.io/'],
  ['registry-1.docker.io/', 'docker.io/'],
  ['mirror.gcr.io/', 'docker.io/'],
  ['public.ecr.aws/docker/library/', 'docker.io/library/'],
  ['k8s.gcr.io/', 'registry.k8s.io/'],
  ['gcr.io/google_containers/', 'registry.k8s.io/'],
  ['gcr.io/google-containers/', 'registry.k8s.io/'],
]

const REPO_PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/

/**
 * Parses an image reference as docker/containerd normalise it; null if it is not a valid reference
 * (kubelet: `InvalidImageName`).
 */
export function parseImageRef(image: string): ImageRef | null {
  if (typeof image !== 'string' || image.length === 0 || image.length > 4096) return null
  let rest = image
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!/^[a-z0-9]+:[a-f0-9]{32,}$/.test(digest)) return null
  }
  let tag = 'latest'
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return null
  }
  const slash = rest.indexOf('/')
  const first = slash < 0 ? '' : rest.slice(0, slash)
  let registry = 'docker.io'
  let path = rest
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first
    path = rest.slice(slash + 1)
  }
  if (!REPO_PATH.test(path) || !/^[a-zA-Z0-9.-]+(:\d+)?$/.test(registry)) return null
  let repository = `${registry}/${path}`
  for (const [from, to] of REGISTRY_ALIASES)
    if (repository.startsWith(from)) repository = to + repository.slice(from.length)
  // Docker Hub's official images live under library/.
  if (/^docker\.io\/[^/]+$/.test(repository)) repository = `docker.io/library/${repository.slice(10)}`
  return digest === undefined ? { repository, tag } : { repository, tag, digest }
}

// ── Building blocks ───────────────────────────────────────────────────────────────────────────────────

const GO_404: HttpReply = { status: 404, body: '404 page not found\n' }

const NGINX_WELCOME =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n' +
  '<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n' +
  '<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n'
const nginxError = (code: number, text: string): HttpReply => ({
  status: code,
  body: `<html>\r\n<head><title>${code} ${text}</title></head>\r\n<body>\r\n<center><h1>${code} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
})
/** nginx's default site: `/` and `/index.html` (and `/50x.html`) exist, every other path is 404. */
const NGINX_SITE: HttpServer = {
  kind: 'routes',
  routes: {
    '/': { status: 200, body: NGINX_WELCOME },
    '/index.html': { status: 200, body: NGINX_WELCOME },
    '/50x.html': {
      status: 200,
      body: '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n</html>\n',
    },
  },
  otherwise: nginxError(404, 'Not Found'),
}
const NGINX_LOGS = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
]

const HTTPD_IT_WORKS: HttpReply = { status: 200, body: '<html><body><h1>It works!</h1></body></html>\n' }

const any = (body: string, status = 200): HttpServer => ({ kind: 'any', reply: { status, body } })
const tcp = (port: number, banner: string): Listener => ({
  port,
  notHttp: `net/http: HTTP/1.x transport connection broken: malformed HTTP response ${JSON.stringify(banner)}`,
})

const server = (
  startMs: number,
  listens: readonly Listener[],
  extra: Partial<ProcessBehaviour> = {},
): ProcessBehaviour => ({ startMs, listens, sigterm: 'exit0', stopMs: CLEAN_STOP_MS, ...extra })

/** A process that ends on its own. */
const finite = (afterMs: number, code: number, logs?: readonly string[]): ProcessBehaviour => ({
  startMs: 0,
  listens: [],
  sigterm: 'ignore',
  stopMs: 0,
  exits: { afterMs, code },
  ...(logs ? { logs } : {}),
})

/** A shell-like PID 1 (handled by the shell interpreter; this only matters for SIGTERM and start). */
const SHELL_PROCESS: ProcessBehaviour = { startMs: 0, listens: [], sigterm: 'ignore', stopMs: 0 }

/** Reads `--flag=value` / `--flag value` / `-flag=value` from an argv. */
function flag(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    for (const prefix of ['--', '-']) {
      if (a === `${prefix}${name}`) return argv[i + 1]
      if (a.startsWith(`${prefix}${name}=`)) return a.slice(prefix.length + name.length + 1)
    }
  }
  return undefined
}

const portFlag = (argv: readonly string[], name: string, fallback: number): number => {
  const v = flag(argv, name)
  const n = v === undefined ? NaN : Number(v.replace(/^.*:/, ''))
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : fallback
}

/** agnhost (k/k test/images/agnhost): a subcommand decides what runs. */
function agnhost({ argv }: SelectContext): ProcessBehaviour | undefined {
  switch (argv[1]) {
    case 'liveness':
      return LIVENESS_SERVER
    case 'netexec': {
      const http = portFlag(argv, 'http-port', 8080)
      return {
        startMs: FAST_START_MS,
        sigterm: 'exit2',
        stopMs: 0,
        // "/" is Go's catch-all: every unknown path answers like the root handler.
        listens: [
          {
            port: http,
            http: {
              kind: 'routes',
              routes: {
                '/healthz': { status: 200, body: '' },
                '/hostname': { status: 200, body: '{hostname}' },
                '/hostName': { status: 200, body: '{hostname}' },
              },
              otherwise: { status: 200, body: 'NOW: 2026-01-01 00:00:00 +0000 UTC' },
            },
          },
        ],
        logs: [
          `Started HTTP server on port ${http}`,
          `Started UDP server on port ${portFlag(argv, 'udp-port', 8081)}`,
        ],
      }
    }
    case 'serve-hostname': {
      const port = portFlag(argv, 'port', 9376)
      // serve_hostname keeps serving for 60 s after SIGTERM ("Awaiting pod deletion"): killed at grace end.
      return {
        startMs: FAST_START_MS,
        sigterm: 'ignore',
        stopMs: 0,
        listens: [{ port, http: any('{hostname}') }],
      }
    }
    case 'pause':
    case undefined:
      return { startMs: FAST_START_MS, sigterm: 'exit0', stopMs: 0, listens: [], logs: ['Paused'] }
    default:
      // Other subcommands are not modelled: they behave like an unknown server (layer 4, no ports).
      return undefined
  }
}

const LIVENESS_SERVER: ProcessBehaviour = {
  startMs: FAST_START_MS,
  sigterm: 'exit2',
  stopMs: 0,
  listens: [{ port: 8080, http: { kind: 'agnhost-liveness', healthyMs: 10_000 } }],
}

/** An interpreter image (python, node, perl): bare → exits at once (no terminal); a script → see below. */
const interpreter =
  (script: (ctx: SelectContext) => ProcessBehaviour | undefined) =>
  (ctx: SelectContext): ProcessBehaviour | undefined =>
    ctx.argv.length <= 1 || (ctx.argv.length === 2 && ctx.argv[1] === '-de0')
      ? finite(NO_TTY_EXIT_MS, 0)
      : script(ctx)

/** `perl -Mbignum=bpi -wle 'print bpi(N)'` — the Job example: prints π to N digits, exits 0. */
function perlScript({ argv }: SelectContext): ProcessBehaviour {
  const code = argv.slice(1).join(' ')
  const m = /bpi\((\d{1,5})\)/.exec(code)
  if (m && /-Mbignum=bpi/.test(code)) {
    const n = Number(m[1])
    const ms = Math.max(NO_TTY_EXIT_MS, Math.round(PERL_BPI_MS_PER_1000_DIGITS * (n / 1000) ** 2))
    return finite(ms, 0, [piDigits(n)])
  }
  return finite(SCRIPT_RUN_MS, 0)
}

/** Entrypoints that refuse to start without credentials: exit 1 with their message. */
function requireEnv(
  names: readonly string[],
  logs: readonly string[],
): (ctx: SelectContext) => ProcessBehaviour | undefined {
  return ({ env }) =>
    names.some((n) => (env[n] ?? '') !== '') ? undefined : finite(MISSING_ENV_EXIT_MS, 1, logs)
}

const docker = (name: string): string => `docker.io/library/${name}`

// ── The catalog ───────────────────────────────────────────────────────────────────────────────────────

/** Every catalogued image. Sizes: compressed linux/amd64 as containerd reports it, approximate. */
export const CATALOG: readonly CatalogEntry[] = [
  {
    repository: docker('nginx'),
    aliases: ['registry.k8s.io/nginx'],
    description: 'nginx serving its default site on port 80; exits cleanly on its stop signal.',
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    binaries: ['nginx', 'nginx-debug'],
    sizeBytes: 72_223_946,
    process: server(WEB_SERVER_START_MS, [{ port: 80, http: NGINX_SITE }], { logs: NGINX_LOGS }),
  },
  {
    repository: 'registry.k8s.io/nginx-slim',
    description: 'The small nginx build used by the StatefulSet examples: default site on port 80.',
    entrypoint: [],
    cmd: ['nginx', '-g', 'daemon off;'],
    binaries: ['nginx'],
    sizeBytes: 20_389_411,
    process: server(WEB_SERVER_START_MS, [{ port: 80, http: NGINX_SITE }]),
  },
  {
    repository: docker('httpd'),
    description: 'Apache httpd: "It works!" on port 80, 404 for unknown paths; graceful stop.',
    entrypoint: [],
    cmd: ['httpd-foreground'],
    binaries: ['httpd-foreground', 'httpd'],
    sizeBytes: 58_346_542,
    process: server(WEB_SERVER_START_MS, [
      {
        port: 80,
        http: {
          kind: 'routes',
          routes: { '/': HTTPD_IT_WORKS, '/index.html': HTTPD_IT_WORKS },
          otherwise: {
            status: 404,
            body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
          },
        },
      },
    ]),
  },
  {
    repository: docker('busybox'),
    description: 'BusyBox: runs its command through the shell; bare `sh` exits 0 at once without a terminal.',
    entrypoint: [],
    cmd: ['sh'],
    binaries: ['sh'],
    shell: true,
    sizeBytes: 2_156_518,
    process: SHELL_PROCESS,
  },
  {
    repository: 'registry.k8s.io/busybox',
    aliases: ['gcr.io/kubernetes-e2e-test-images/busybox'],
    description: 'The old BusyBox of the probe examples (reference G1): a shell image.',
    entrypoint: [],
    cmd: ['sh'],
    binaries: ['sh'],
    shell: true,
    sizeBytes: 1_144_547,
    process: SHELL_PROCESS,
  },
  {
    repository: docker('alpine'),
    description: 'Alpine Linux: a shell image (`/bin/sh`, BusyBox applets).',
    entrypoint: [],
    cmd: ['/bin/sh'],
    binaries: ['sh'],
    shell: true,
    sizeBytes: 3_653_068,
    process: SHELL_PROCESS,
  },
  {
    repository: docker('ubuntu'),
    description: 'Ubuntu: a shell image (`/bin/bash`).',
    entrypoint: [],
    cmd: ['/bin/bash'],
    binaries: ['bash', 'sh'],
    shell: true,
    sizeBytes: 29_754_422,
    process: SHELL_PROCESS,
  },
  {
    repository: docker('debian'),
    description: 'Debian: a shell image (`bash`).',
    entrypoint: [],
    cmd: ['bash'],
    binaries: ['bash', 'sh'],
    shell: true,
    sizeBytes: 48_494_272,
    process: SHELL_PROCESS,
  },
  {
    repository: docker('bash'),
    description: 'GNU bash on Alpine (the Job pod-failure-policy examples): a shell image.',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['bash'],
    binaries: ['bash', 'sh'],
    shell: true,
    sizeBytes: 6_588_403,
    process: SHELL_PROCESS,
  },
  {
    repository: docker('redis'),
    description: 'Redis on TCP 6379 (reference G6); saves and exits 0 on SIGTERM.',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    binaries: ['redis-server'],
    sizeBytes: 45_431_224,
    process: server(CACHE_START_MS, [tcp(6379, "-ERR wrong number of arguments for 'get' command")], {
      logs: ['1:M * Ready to accept connections tcp'],
    }),
  },
  {
    repository: docker('memcached'),
    description: 'memcached on TCP 11211.',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['memcached'],
    binaries: ['memcached'],
    sizeBytes: 32_788_016,
    process: server(CACHE_START_MS, [tcp(11211, 'ERROR')]),
  },
  {
    repository: docker('postgres'),
    description: 'PostgreSQL on TCP 5432; exits 1 at once unless POSTGRES_PASSWORD (or trust auth) is set.',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['postgres'],
    binaries: ['postgres'],
    sizeBytes: 158_421_066,
    process: server(POSTGRES_START_MS, [tcp(5432, '')], {
      stopMs: DATABASE_STOP_MS,
      logs: ['LOG:  database system is ready to accept connections'],
    }),
    select: requireEnv(
      ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'],
      [
        'Error: Database is uninitialized and superuser password is not specified.',
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      ],
    ),
  },
  {
    repository: docker('mysql'),
    description: 'MySQL on TCP 3306; exits 1 at once unless a root password option is set.',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    binaries: ['mysqld'],
    sizeBytes: 172_041_893,
    process: server(MYSQL_START_MS, [tcp(3306, ''), tcp(33060, '')], { stopMs: DATABASE_STOP_MS }),
    select: requireEnv(
      ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
      [
        '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
        '    You need to specify one of the following as an environment variable:',
        '    - MYSQL_ROOT_PASSWORD',
        '    - MYSQL_ALLOW_EMPTY_PASSWORD',
        '    - MYSQL_RANDOM_ROOT_PASSWORD',
      ],
    ),
  },
  {
    repository: docker('mongo'),
    description: 'MongoDB on TCP 27017.',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mongod'],
    binaries: ['mongod'],
    sizeBytes: 254_114_102,
    process: server(MONGO_START_MS, [tcp(27017, '')], { stopMs: DATABASE_STOP_MS }),
  },
  {
    repository: docker('rabbitmq'),
    description: 'RabbitMQ on TCP 5672 (the Job work-queue example).',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['rabbitmq-server'],
    binaries: ['rabbitmq-server'],
    sizeBytes: 92_354_105,
    process: server(RABBITMQ_START_MS, [tcp(5672, 'AMQP\u0000\u0000\t\u0001'), tcp(25672, '')], {
      stopMs: RABBITMQ_STOP_MS,
    }),
  },
  {
    repository: docker('python'),
    description:
      'Python: bare `python3` exits 0 at once (no terminal); a script is not interpreted: it runs 1 s and exits 0.',
    entrypoint: [],
    cmd: ['python3'],
    binaries: ['python', 'python3'],
    sizeBytes: 373_022_104,
    process: { startMs: 0, listens: [], sigterm: 'ignore', stopMs: 0 },
    select: interpreter(() => finite(SCRIPT_RUN_MS, 0)),
  },
  {
    repository: docker('node'),
    description: 'Node.js: bare `node` exits 0 at once (no terminal); a script runs as an unknown server.',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node'],
    binaries: ['node', 'nodejs'],
    sizeBytes: 392_845_210,
    process: { startMs: DEFAULT_START_MS, listens: [], sigterm: 'ignore', stopMs: 0 },
    select: interpreter(() => undefined),
  },
  {
    repository: docker('perl'),
    description:
      'Perl: the Job example `perl -Mbignum=bpi -wle "print bpi(N)"` prints π to N digits and exits 0.',
    entrypoint: [],
    cmd: ['perl5.40.2', '-de0'],
    binaries: ['perl', 'perl5.40.2'],
    sizeBytes: 336_104_897,
    process: { startMs: 0, listens: [], sigterm: 'ignore', stopMs: 0 },
    select: interpreter(perlScript),
  },
  {
    repository: 'registry.k8s.io/pause',
    description: 'The pause container: sleeps forever, exits 0 on SIGTERM.',
    entrypoint: ['/pause'],
    cmd: [],
    binaries: ['pause'],
    hasShell: false,
    sizeBytes: 320_368,
    process: server(FAST_START_MS, [], { stopMs: 0 }),
  },
  {
    repository: 'registry.k8s.io/e2e-test-images/agnhost',
    aliases: ['gcr.io/kubernetes-e2e-test-images/agnhost'],
    description:
      'agnhost test server: `liveness` (/healthz 200 for 10 s, then 500 — reference G2), `netexec` (8080), `serve-hostname` (9376), `pause`.',
    entrypoint: ['/agnhost'],
    cmd: ['pause'],
    binaries: ['agnhost'],
    sizeBytes: 51_155_161,
    process: { startMs: FAST_START_MS, sigterm: 'exit0', stopMs: 0, listens: [] },
    select: agnhost,
  },
  {
    repository: 'registry.k8s.io/liveness',
    description:
      'The liveness server agnhost `liveness` replaced (`args: [/server]`): same /healthz behaviour.',
    entrypoint: [],
    cmd: ['/server'],
    binaries: ['server'],
    hasShell: false,
    sizeBytes: 2_443_020,
    process: LIVENESS_SERVER,
  },
  {
    repository: 'registry.k8s.io/goproxy',
    description: 'goproxy on 8080 (reference G3): TCP connects succeed; plain GETs get its 500 refusal.',
    entrypoint: [],
    cmd: ['/goproxy'],
    binaries: ['goproxy'],
    hasShell: false,
    sizeBytes: 2_976_839,
    process: {
      startMs: FAST_START_MS,
      sigterm: 'exit2',
      stopMs: 0,
      listens: [
        { port: 8080, http: any('This is a proxy server. Does not respond to non-proxy requests.\n', 500) },
      ],
    },
  },
  {
    repository: 'registry.k8s.io/etcd',
    aliases: ['gcr.io/etcd-development/etcd', 'quay.io/coreos/etcd'],
    description:
      'etcd: gRPC health SERVING and HTTP /health on 2379 (reference G4) when --listen-client-urls is not loopback only.',
    entrypoint: [],
    cmd: ['/usr/local/bin/etcd'],
    binaries: ['etcd'],
    sizeBytes: 98_888_614,
    process: { startMs: ETCD_START_MS, sigterm: 'exit0', stopMs: CLEAN_STOP_MS, listens: [] },
    select: ({ argv }) => {
      const urls = flag(argv, 'listen-client-urls') ?? 'http://localhost:2379'
      // Only what a prober on the pod IP can reach counts; the default listens on localhost only.
      const reachable = urls.split(',').filter((u) => !/\/\/(localhost|127\.|\[::1\])/.test(u))
      const listens: Listener[] = reachable.map((u) => ({
        port: Number(/:(\d+)\/?$/.exec(u)?.[1] ?? 2379),
        grpc: 'SERVING',
        http: {
          kind: 'routes',
          routes: {
            '/health': { status: 200, body: '{"health":"true","reason":""}' },
            '/version': { status: 200, body: '{"etcdserver":"3.5.1","etcdcluster":"3.5.0"}' },
          },
          otherwise: GO_404,
        },
      }))
      return { startMs: ETCD_START_MS, sigterm: 'exit0', stopMs: CLEAN_STOP_MS, listens }
    },
  },
  {
    repository: 'docker.io/traefik/whoami',
    description: 'traefik/whoami: answers every path on port 80 with the request and the hostname.',
    entrypoint: ['/whoami'],
    cmd: [],
    binaries: ['whoami'],
    hasShell: false,
    sizeBytes: 3_208_812,
    process: { startMs: FAST_START_MS, sigterm: 'exit2', stopMs: 0, listens: [] },
    select: ({ argv, env }) => {
      const port = portFlag(argv, 'port', Number(env.WHOAMI_PORT_NUMBER) || 80)
      return {
        startMs: FAST_START_MS,
        sigterm: 'exit2',
        stopMs: 0,
        listens: [{ port, http: any('Hostname: {hostname}\n') }],
        logs: [`Starting up on port ${port}`],
      }
    },
  },
  {
    repository: 'docker.io/hashicorp/http-echo',
    description: 'http-echo: answers every path with its -text on :5678 (or -listen).',
    entrypoint: ['/http-echo'],
    cmd: [],
    binaries: ['http-echo'],
    hasShell: false,
    sizeBytes: 3_836_014,
    process: { startMs: FAST_START_MS, sigterm: 'exit0', stopMs: 0, listens: [] },
    select: ({ argv }) => ({
      startMs: FAST_START_MS,
      sigterm: 'exit0',
      stopMs: 0,
      listens: [{ port: portFlag(argv, 'listen', 5678), http: any(`${flag(argv, 'text') ?? ''}\n`) }],
    }),
  },
  {
    repository: 'gcr.io/google-samples/hello-app',
    aliases: ['us-docker.pkg.dev/google-samples/containers/gke/hello-app'],
    description: 'Google sample hello-app on 8080 (PORT): "Hello, world!", its version and the hostname.',
    entrypoint: ['/hello-app'],
    cmd: [],
    binaries: ['hello-app'],
    hasShell: false,
    sizeBytes: 10_826_201,
    process: { startMs: FAST_START_MS, sigterm: 'exit2', stopMs: 0, listens: [] },
    select: ({ tag, env }) => {
      const version = /^\d+\.\d+$/.test(tag) ? `${tag}.0` : tag
      return {
        startMs: FAST_START_MS,
        sigterm: 'exit2',
        stopMs: 0,
        listens: [
          {
            port: Number(env.PORT) || 8080,
            http: any(`Hello, world!\nVersion: ${version}\nHostname: {hostname}\n`),
          },
        ],
        logs: [`Server listening on port ${Number(env.PORT) || 8080}`],
      }
    },
  },
  {
    repository: 'gcr.io/google-samples/node-hello',
    description: 'Google sample node-hello on 8080: "Hello Kubernetes!" on every path.',
    entrypoint: [],
    cmd: ['node', 'server.js'],
    binaries: ['node'],
    sizeBytes: 251_377_120,
    process: {
      startMs: WEB_SERVER_START_MS,
      sigterm: 'ignore',
      stopMs: 0,
      listens: [{ port: 8080, http: any('Hello Kubernetes!') }],
    },
  },
  {
    repository: 'registry.k8s.io/hpa-example',
    description: 'The HorizontalPodAutoscaler walkthrough php-apache: "OK!" on port 80.',
    entrypoint: [],
    cmd: ['apache2-foreground'],
    binaries: ['apache2-foreground', 'apache2'],
    sizeBytes: 146_423_174,
    process: server(WEB_SERVER_START_MS, [{ port: 80, http: any('OK!') }]),
  },
  {
    repository: 'quay.io/fluentd_elasticsearch/fluentd',
    aliases: ['registry.k8s.io/fluentd-elasticsearch'],
    description:
      'fluentd log shipper of the DaemonSet examples: runs forever, flushes and exits 0 on SIGTERM.',
    entrypoint: ['/entrypoint.sh'],
    cmd: [],
    binaries: ['fluentd', 'entrypoint.sh'],
    sizeBytes: 141_612_093,
    process: server(DEFAULT_START_MS, [], { stopMs: DATABASE_STOP_MS }),
  },
  {
    repository: 'docker.io/non-existing-repo/non-existing-image',
    description: 'The Job podFailurePolicy config-issue example: an image that does not exist.',
    entrypoint: [],
    cmd: [],
    binaries: [],
    sizeBytes: 0,
    pullError:
      'failed to pull and unpack image "docker.io/non-existing-repo/non-existing-image:example": failed to resolve reference "docker.io/non-existing-repo/non-existing-image:example": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    process: SHELL_PROCESS,
  },
]

const BY_REPOSITORY: ReadonlyMap<string, CatalogEntry> = new Map(
  CATALOG.flatMap((e) => [e.repository, ...(e.aliases ?? [])].map((r) => [r, e] as const)),
)

/**
 * The catalog entry of an image, matched by repository (tag and digest ignored, docker defaults and
 * registry moves applied: `nginx:1.27`, `docker.io/library/nginx` and `mirror.gcr.io/nginx` are nginx;
 * `k8s.gcr.io/busybox` is `registry.k8s.io/busybox`). Null for unknown images and invalid references.
 */
export function lookupImage(image: string): CatalogEntry | null {
  const known = lookedUp.get(image)
  if (known !== undefined) return known
  const ref = parseImageRef(image)
  const entry = ref ? (BY_REPOSITORY.get(ref.repository) ?? null) : null
  if (lookedUp.size >= LOOKED_UP_MAX) lookedUp.clear()
  lookedUp.set(image, entry)
  return entry
}

/** Images already looked up (a run asks about the same few images for every container start). */
const lookedUp = new Map<string, CatalogEntry | null>()
const LOOKED_UP_MAX = 1024

// ── Layer 4: the default ─────────────────────────────────────────────────────────────────────────────

/**
 * DESIGN §2.3 layer 4, for an unknown image: starts after a short delay, listens on its declared
 * containerPorts (see {@link defaultBehaviour}), answers HTTP 200 on any path, runs forever, exits 0 on
 * SIGTERM. This constant has no ports; use {@link defaultBehaviour} with the container's ports.
 */
export const DEFAULT_BEHAVIOUR: ProcessBehaviour = {
  startMs: DEFAULT_START_MS,
  listens: [],
  sigterm: 'exit0',
  stopMs: CLEAN_STOP_MS,
}

/** {@link DEFAULT_BEHAVIOUR} listening on the given TCP ports: HTTP 200 on any path, gRPC SERVING. */
export function defaultBehaviour(ports: readonly number[]): ProcessBehaviour {
  return {
    ...DEFAULT_BEHAVIOUR,
    listens: [...new Set(ports)].map((port) => ({ port, http: any('OK'), grpc: 'SERVING' as const })),
  }
}

// ── What a container runs ────────────────────────────────────────────────────────────────────────────

/** What a container runs, as the kubelet needs to know it. */
export type ResolvedProcess =
  /** Hand `argv` to the shell interpreter. */
  | { readonly kind: 'shell'; readonly argv: readonly string[]; readonly entry: CatalogEntry | null }
  /** A catalogued (or default) program. */
  | {
      readonly kind: 'program'
      readonly argv: readonly string[]
      readonly behaviour: ProcessBehaviour
      readonly entry: CatalogEntry | null
    }
  /** The executable is not in the image: the start fails (`StartError`, exit 128) with `message`. */
  | { readonly kind: 'not-found'; readonly argv: readonly string[]; readonly message: string }

/** The container fields that decide what runs. */
export interface ContainerProcessSpec {
  readonly image: string
  readonly command?: readonly string[]
  readonly args?: readonly string[]
  readonly env?: Readonly<Record<string, string>>
  /** Declared TCP containerPorts (for the default behaviour). */
  readonly ports?: readonly number[]
}

/** Executables the shell interpreter runs (shells and the utilities of DESIGN §2.3 layer 2). */
export const SHELL_PROGRAMS: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'sleep',
  'echo',
  'cat',
  'touch',
  'rm',
  'mkdir',
  'test',
  '[',
  'true',
  'false',
  'printf',
  'tail',
  'rev',
  'ls',
  'date',
  'env',
])

/** Entrypoint wrappers that exec their arguments. */
const WRAPPERS = new Set(['docker-entrypoint.sh', 'tini', 'dumb-init', 'entrypoint.sh'])

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1)

/**
 * Decides what a container runs: its argv as Kubernetes builds it (`command` replaces the ENTRYPOINT,
 * `args` the CMD; `command` alone drops the CMD), then whether that is the image's own program (the
 * catalog behaviour, refined by `select`), a shell or shell utility (the shell interpreter), an
 * executable missing from a shell-less image (StartError), or something unknown (the default behaviour
 * on the declared ports).
 */
export function resolveProcess(spec: ContainerProcessSpec): ResolvedProcess {
  const entry = lookupImage(spec.image)
  const ref = parseImageRef(spec.image)
  const command = spec.command && spec.command.length > 0 ? spec.command : undefined
  const args = spec.args && spec.args.length > 0 ? spec.args : undefined
  let argv: readonly string[] = command
    ? [...command, ...(args ?? [])]
    : [...(entry?.entrypoint ?? []), ...(args ?? entry?.cmd ?? [])]
  // docker-entrypoint.sh & co. exec their arguments (and, for `-flag` arguments, the image's program).
  while (argv.length > 1 && WRAPPERS.has(basename(argv[0] as string)))
    argv = argv.slice(argv[1] === '--' ? 2 : 1)
  if (entry && argv.length > 0 && (argv[0] as string).startsWith('-') && entry.binaries[0])
    argv = [entry.binaries[0], ...argv]

  const program = basename(argv[0] ?? '')
  const ctx: SelectContext = { argv, tag: ref?.tag ?? 'latest', env: spec.env ?? {} }
  if (entry && program && entry.binaries.includes(program) && !entry.shell) {
    const behaviour = entry.select?.(ctx) ?? entry.process
    return { kind: 'program', argv, behaviour, entry }
  }
  if (entry?.shell || SHELL_PROGRAMS.has(program)) {
    if (entry?.hasShell === false)
      return {
        kind: 'not-found',
        argv,
        message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
      }
    return { kind: 'shell', argv, entry }
  }
  if (entry && argv.length === 0 && entry.process)
    return { kind: 'program', argv, behaviour: entry.process, entry }
  return { kind: 'program', argv, behaviour: defaultBehaviour(spec.ports ?? []), entry }
}

// ── Image pulls (reference B5) ───────────────────────────────────────────────────────────────────────

/** The size the `Pulled` event reports for an image (catalog size, or the default for unknown images). */
export function imageSizeBytes(image: string): number {
  return lookupImage(image)?.sizeBytes ?? DEFAULT_IMAGE_SIZE_BYTES
}

/** Model pull time of an image of this size, in ms, before any jitter: latency + size / throughput. */
export function pullTimeMs(sizeBytes: number): number {
  return PULL_LATENCY_MS + Math.ceil(Math.max(0, sizeBytes) / PULL_BYTES_PER_MS)
}

/**
 * The kubelet's `Pulled` event message (reference B5, `image_manager.go`):
 * `Successfully pulled image "<img>" in <d> (<d> including waiting). Image size: <n> bytes.`
 * Durations are printed as Go prints a millisecond-truncated `time.Duration`.
 */
export function pulledEventMessage(
  image: string,
  pullMs: number,
  totalMs: number,
  sizeBytes: number,
): string {
  return `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${sizeBytes} bytes.`
}
