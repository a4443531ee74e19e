/** Types of the image catalog (DESIGN §2.3 layer 3). Plain data, plus one optional pure function. */

/**
 * What the process does on SIGTERM (reference B4): `exit0` — a clean shutdown (nginx, redis…);
 * `exit2` — a Go program without a signal handler: the runtime re-raises the signal, which the kernel
 * ignores for PID 1, and then exits with 2 [inferred from Go's runtime.dieFromSignal]; `exit143` — dies
 * of the signal (128+15); `ignore` — PID 1 without a handler (a shell, `sleep`, python, node): the
 * kernel drops the signal and the process dies by SIGKILL at the end of the grace period, exit 137.
 */
export type SigtermReaction = 'exit0' | 'exit2' | 'exit143' | 'ignore'

/** One HTTP answer. `{hostname}` in a body stands for the pod's hostname. */
export interface HttpReply {
  readonly status: number
  readonly body: string
}

/** How an HTTP server answers, by path. */
export type HttpServer =
  /** The same answer on every path. */
  | { readonly kind: 'any'; readonly reply: HttpReply }
  /** Exact paths (query ignored) answer as listed; anything else gets `otherwise`. */
  | {
      readonly kind: 'routes'
      readonly routes: Readonly<Record<string, HttpReply>>
      readonly otherwise: HttpReply
    }
  /**
   * agnhost `liveness` (k/k test/images/agnhost/liveness/server.go, reference G2): `/healthz` answers 200
   * `ok` while the uptime is at most `healthyMs`, then 500 `error: <seconds>`; `/started` answers 200 with
   * the uptime; other paths 404.
   */
  | { readonly kind: 'agnhost-liveness'; readonly healthyMs: number }

/** A port the process listens on (TCP). `http` and `grpc` say how it answers those protocols. */
export interface Listener {
  readonly port: number
  readonly http?: HttpServer
  /** gRPC health (`grpc.health.v1`) answer; absent = not a gRPC server (the probe fails). */
  readonly grpc?: 'SERVING' | 'NOT_SERVING'
  /** What an HTTP client reads from a non-HTTP server (redis, postgres…): a Go transport error. */
  readonly notHttp?: string
}

/** What a running process does. */
export interface ProcessBehaviour {
  /** From start until it listens (and answers probes), in ms. */
  readonly startMs: number
  readonly listens: readonly Listener[]
  readonly sigterm: SigtermReaction
  /** For `exit*` reactions: how long the shutdown takes after SIGTERM, in ms. */
  readonly stopMs: number
  /** The process ends on its own, `afterMs` after it started, with `code`. Absent: it runs forever. */
  readonly exits?: { readonly afterMs: number; readonly code: number }
  /** Lines the process prints (its log), in order, as it starts. */
  readonly logs?: readonly string[]
}

/** What {@link CatalogEntry.select} sees: the effective argv (wrappers removed), tag and environment. */
export interface SelectContext {
  readonly argv: readonly string[]
  readonly tag: string
  readonly env: Readonly<Record<string, string>>
}

/** A well-known image. */
export interface CatalogEntry {
  /** The canonical repository, normalised (`docker.io/library/nginx`). */
  readonly repository: string
  /** Other repositories that are the same image (registry moves such as k8s.gcr.io → registry.k8s.io). */
  readonly aliases?: readonly string[]
  readonly description: string
  /** The image's ENTRYPOINT and CMD (what runs when the container sets neither command nor args). */
  readonly entrypoint: readonly string[]
  readonly cmd: readonly string[]
  /** Executable names (basenames) that are this image's own program; argv[0] decides what runs. */
  readonly binaries: readonly string[]
  /**
   * A shell image (busybox, alpine, ubuntu, debian, bash): whatever it runs goes through the shell
   * interpreter (src/engine/container/shell/), including its default `sh`, which exits at once with 0
   * when no terminal is attached.
   */
  readonly shell?: boolean
  /** False for images without `/bin/sh` (scratch, distroless): `sh -c …` fails to start there. */
  readonly hasShell?: boolean
  /** Compressed size as containerd reports it in the `Pulled` event (linux/amd64, approximate). */
  readonly sizeBytes: number
  /** The pull always fails with this error (the image does not exist). */
  readonly pullError?: string
  /** What the image's own program does. */
  readonly process: ProcessBehaviour
  /** Refines {@link process} from the argv, tag or environment (agnhost subcommands, perl scripts…). */
  readonly select?: (ctx: SelectContext) => ProcessBehaviour | undefined
}
