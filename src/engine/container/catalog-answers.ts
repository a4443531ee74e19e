/** How a catalogued process answers HTTP, TCP and gRPC probes at a given uptime. Pure functions. */
import { goDuration } from '../model/duration'
import type { CatalogEntry, HttpReply, HttpServer, Listener, ProcessBehaviour } from './catalog-types'

/** An HTTP exchange: a reply, a refused connection, or a transport error (a non-HTTP server). */
export type HttpAnswer = HttpReply | { readonly refused: true } | { readonly error: string }

/** A gRPC health check: a status, a refused connection, or an RPC error (not a gRPC health server). */
export type GrpcAnswer =
  { readonly status: 'SERVING' | 'NOT_SERVING' } | { readonly refused: true } | { readonly error: string }

/** Optional facts about the pod a process may print (`{hostname}` in bodies). */
export interface AnswerContext {
  readonly hostname?: string
}

/** The process description of an entry, or an already-resolved one. */
function processOf(p: CatalogEntry | ProcessBehaviour): ProcessBehaviour {
  return 'process' in p ? p.process : p
}

function listener(p: ProcessBehaviour, port: number, uptimeMs: number): Listener | undefined {
  if (uptimeMs < p.startMs) return undefined
  if (p.exits && uptimeMs >= p.exits.afterMs) return undefined
  return p.listens.find((l) => l.port === port)
}

function reply(server: HttpServer, path: string, uptimeMs: number): HttpReply {
  const p = path.split('?')[0] || '/'
  switch (server.kind) {
    case 'any':
      return server.reply
    case 'routes':
      return server.routes[p] ?? server.otherwise
    case 'agnhost-liveness':
      if (p === '/healthz')
        return uptimeMs > server.healthyMs
          ? { status: 500, body: `error: ${uptimeMs / 1000}` }
          : { status: 200, body: 'ok' }
      if (p === '/started') return { status: 200, body: goDuration(uptimeMs) }
      return { status: 404, body: '404 page not found\n' }
  }
}

/**
 * What an HTTP GET of `path` on `port` gets from the process `uptimeMs` after it started: refused
 * before it listens, after it exited, or on a port it does not listen on; a transport error from a
 * non-HTTP server; otherwise the status and body its server gives (reference A10 maps them to probe
 * results).
 */
export function httpAnswer(
  entry: CatalogEntry | ProcessBehaviour,
  port: number,
  path: string,
  uptimeMs: number,
  ctx: AnswerContext = {},
): HttpAnswer {
  const l = listener(processOf(entry), port, uptimeMs)
  if (!l) return { refused: true }
  if (!l.http)
    return { error: l.notHttp ?? 'net/http: HTTP/1.x transport connection broken: malformed HTTP response' }
  const r = reply(l.http, path, uptimeMs)
  return { status: r.status, body: r.body.replaceAll('{hostname}', ctx.hostname ?? 'localhost') }
}

/** Whether a TCP connect to `port` succeeds `uptimeMs` after the process started. */
export function tcpAnswer(entry: CatalogEntry | ProcessBehaviour, port: number, uptimeMs: number): boolean {
  return listener(processOf(entry), port, uptimeMs) !== undefined
}

/** The `grpc.health.v1` answer on `port` `uptimeMs` after the process started (reference A10, G4). */
export function grpcAnswer(
  entry: CatalogEntry | ProcessBehaviour,
  port: number,
  uptimeMs: number,
): GrpcAnswer {
  const l = listener(processOf(entry), port, uptimeMs)
  if (!l) return { refused: true }
  if (!l.grpc)
    return { error: 'rpc error: code = Unavailable desc = connection closed before server preface received' }
  return { status: l.grpc }
}
