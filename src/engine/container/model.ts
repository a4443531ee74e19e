import type { Container, Pod, Probe } from 'kubernetes-types/core/v1'
import type { ContainerModel } from '../kubelet/model'
import type { PodRuntime } from '../kubelet/runtime'
import { REPULL_CHECK_MS } from '../sim/latencies'
import type { ProbeType } from '../sim/state'
import {
  BEHAVIOR_ANNOTATION,
  behaviorForRun,
  parseBehavior,
  type ContainerBehavior,
  type RunBehavior,
} from './behavior'
import {
  grpcAnswer,
  httpAnswer,
  imageSizeBytes,
  lookupImage,
  pullTimeMs,
  resolveProcess,
  tcpAnswer,
} from './catalog'
import { declaredPorts } from './model-default'
import {
  isReadOnlyExec,
  runProbe,
  steadyUntil,
  type ProbeOutcome,
  type ProcessPlan,
  type ProcessRun,
} from './process'
import {
  compileProcess,
  execProbe,
  imageFs,
  runUntilBlocked,
  startProcess,
  type FsMount,
  type FsView,
} from './shell'

/**
 * The fake containers of DESIGN §2.3, layer over layer: the `kubeplay.dev/behavior` annotation
 * overrides what the container really runs (the shell interpreter for shell idioms), which falls back
 * to the image catalog, then to the default process (layer 4).
 */
export function layeredModel(epochMs: number): ContainerModel {
  const behaviorCache = new WeakMap<object, Record<string, ContainerBehavior>>()
  const behaviorOf = (pod: Pod, name: string, run: number): RunBehavior | null => {
    const text = pod.metadata?.annotations?.[BEHAVIOR_ANNOTATION]
    if (!text) return null
    let parsed = behaviorCache.get(pod.metadata!)
    if (!parsed) {
      const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name)
      parsed = parseBehavior(text, names).behavior
      behaviorCache.set(pod.metadata!, parsed)
    }
    const b = parsed[name]
    return b ? behaviorForRun(b, run) : null
  }

  return {
    pull(pod, c, run, present) {
      const image = c.image ?? ''
      const b = behaviorOf(pod, c.name, run)
      const entry = lookupImage(image)
      const sizeBytes = imageSizeBytes(image)
      if (b?.pullFails || entry?.pullError) {
        const ref = image.includes('/') ? image : `docker.io/library/${image}`
        const fail =
          entry?.pullError ??
          `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`
        return { ms: b?.pullMs ?? REPULL_CHECK_MS, sizeBytes, fail }
      }
      if (present) return { ms: REPULL_CHECK_MS, sizeBytes }
      return { ms: b?.pullMs ?? pullTimeMs(sizeBytes), sizeBytes }
    },

    start(pod, c, run, now, rt) {
      const b = behaviorOf(pod, c.name, run)
      const env = envOf(c)
      const resolved = resolveProcess({
        image: c.image ?? '',
        command: c.command,
        args: c.args,
        env,
        ports: declaredPorts(c),
      })
      let plan: ProcessPlan
      let shell: ProcessRun['shell'] = null
      if (resolved.kind === 'shell') {
        const compiled = compileProcess(resolved.argv)
        plan = { listenAfter: null, exit: null, sigterm: 'ignore', probeFail: {}, ports: [], behaviour: null }
        if (compiled.ok) {
          shell = {
            program: compiled.program,
            state: startProcess(compiled.program),
            local: imageFs(),
            env: shellEnv(pod, c, env),
          }
        }
      } else if (resolved.kind === 'not-found') {
        plan = {
          listenAfter: null,
          exit: { after: 0, code: 128, reason: 'StartError' },
          sigterm: 'exit0',
          probeFail: {},
          ports: [],
          behaviour: null,
        }
      } else {
        const beh = resolved.behaviour
        plan = {
          listenAfter: beh.startMs,
          exit: beh.exits
            ? {
                after: beh.exits.afterMs,
                code: beh.exits.code,
                reason: beh.exits.code === 0 ? 'Completed' : 'Error',
              }
            : null,
          sigterm: beh.sigterm === 'exit2' ? 'exit143' : beh.sigterm,
          ...(beh.sigterm === 'exit2' ? { sigtermCode: 2 } : {}),
          probeFail: {},
          ports: beh.listens.map((l) => l.port),
          behaviour: beh,
          stopMs: beh.stopMs,
          ...(beh.logs ? { logs: beh.logs } : {}),
        }
      }
      if (b) plan = withBehavior(plan, b, declaredPorts(c))
      return { run, startedAt: now, plan, shell, mounts: mountsOf(pod, c, rt) }
    },

    onSigterm(p) {
      if (p.plan.sigterm === 'ignore') return null
      const code = p.plan.sigtermCode ?? (p.plan.sigterm === 'exit0' ? 0 : 143)
      return { afterMs: p.plan.stopMs ?? 100, code }
    },

    wake(p, now, rt) {
      const exit = p.plan.exit
      if (exit && now - p.startedAt >= exit.after)
        return { wakeAt: null, exit: { code: exit.code, reason: exit.reason } }
      if (!p.shell) return { wakeAt: exit ? p.startedAt + exit.after : null, exit: null }
      const ctx = { nowMs: now - p.startedAt, epochMs: epochMs + p.startedAt, env: p.shell.env }
      const {
        state,
        step,
        output: lines,
      } = runUntilBlocked(p.shell.program, p.shell.state, fsView(p, rt), ctx)
      p.shell.state = state
      const output = lines.map((l) => l.text)
      const selfExit = exit ? p.startedAt + exit.after : null
      if (step.kind === 'exit') {
        return {
          wakeAt: null,
          exit: { code: step.code, reason: step.code === 0 ? 'Completed' : 'Error' },
          output,
        }
      }
      const shellWake = step.kind === 'sleep' ? p.startedAt + step.untilMs : null
      const wakeAt =
        selfExit === null ? shellWake : shellWake === null ? selfExit : Math.min(selfExit, shellWake)
      return { wakeAt, exit: null, output }
    },

    steadyUntil(p, type, probe, now) {
      const beh = p.plan.behaviour
      if (!beh) return steadyUntil(p, type, probe, now)
      // The catalog server's own moments: it listens, it exits, agnhost's /healthz turns 500.
      const extra: number[] = [beh.startMs]
      if (beh.exits) extra.push(beh.exits.afterMs)
      for (const l of beh.listens) if (l.http?.kind === 'agnhost-liveness') extra.push(l.http.healthyMs + 1)
      return steadyUntil(p, type, probe, now, extra)
    },

    probe(p, type, probe, podIP, now, rt) {
      if (probe.exec) return execOutcome(p, type, probe, now, rt, epochMs)
      const beh = p.plan.behaviour
      const uptime = now - p.startedAt
      const forced = p.plan.probeFail[type]?.some(
        ([from, to]) => uptime >= from && (to === null || uptime < to),
      )
      if (beh && !forced && probe.tcpSocket) {
        const port = Number(probe.tcpSocket.port)
        const host = probe.tcpSocket.host ?? podIP
        return tcpAnswer(beh, port, uptime)
          ? { result: 'success', output: '' }
          : { result: 'failure', output: `dial tcp ${host}:${port}: connect: connection refused` }
      }
      if (beh && !forced && probe.grpc) {
        const a = grpcAnswer(beh, probe.grpc.port, uptime)
        if ('status' in a) {
          return a.status === 'SERVING'
            ? { result: 'success', output: '' }
            : { result: 'failure', output: 'service unhealthy (responded with "NOT_SERVING")' }
        }
        if ('refused' in a) {
          return {
            result: 'failure',
            output: `timeout: failed to connect service "${podIP}:${probe.grpc.port}" within 1s: context deadline exceeded`,
          }
        }
        return { result: 'failure', output: a.error }
      }
      return runProbe(p, type, probe, podIP, now, catalogHttp)
    },
  }
}

/** HTTP answers from the image catalog; the default process answers 200 on any path. */
function catalogHttp(
  plan: ProcessPlan,
  port: number,
  path: string,
  uptime: number,
): { status: number } | null {
  if (!plan.behaviour) return OK_200
  const a = httpAnswer(plan.behaviour, port, path, uptime)
  return 'status' in a ? a : null
}

const OK_200 = { status: 200 }

function execOutcome(
  p: ProcessRun,
  type: ProbeType,
  probe: Probe,
  now: number,
  rt: PodRuntime,
  epochMs: number,
): ProbeOutcome {
  const uptime = now - p.startedAt
  const windows = p.plan.probeFail[type]
  if (windows?.some(([from, to]) => uptime >= from && (to === null || uptime < to)))
    return { result: 'failure', output: '' }
  // An exec probe sees the container's files; the side effects of one that may write are not kept.
  const command = probe.exec!.command ?? []
  const view = isReadOnlyExec(command) ? fsView(p, rt) : structuredClone(fsView(p, rt))
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000
  const env = p.shell?.env ?? {}
  const r = execProbe(command, view, {
    nowMs: uptime,
    epochMs: epochMs + p.startedAt,
    env,
    timeoutMs,
  })
  if (r.unsupported) return { result: 'success', output: '' }
  if (r.elapsedMs > timeoutMs)
    return { result: 'failure', output: `command timed out after ${timeoutMs / 1000}s` }
  return r.exitCode === 0 ? { result: 'success', output: '' } : { result: 'failure', output: r.output }
}

/** The container's view of files: its own tree (fresh each run) and the pod's emptyDir volumes. */
function fsView(p: ProcessRun, rt: PodRuntime): FsView {
  return { local: p.shell?.local ?? imageFs(), volumes: rt.volumes, mounts: [...(p.mounts ?? [])] }
}

/** The container's mounts of the pod's emptyDir volumes (other volume kinds are not simulated). */
function mountsOf(pod: Pod, c: Container, rt: PodRuntime): FsMount[] {
  const out: FsMount[] = []
  for (const m of c.volumeMounts ?? []) {
    if (!(m.name in rt.volumes)) continue
    out.push({ path: m.mountPath, volume: m.name, ...(m.readOnly ? { readOnly: true } : {}) })
  }
  void pod
  return out
}

function shellEnv(pod: Pod, c: Container, env: Record<string, string>): Record<string, string> {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.metadata?.name ?? '',
    HOME: '/root',
    ...env,
    ...(c.workingDir ? { PWD: c.workingDir } : {}),
  }
}

function withBehavior(plan: ProcessPlan, b: RunBehavior, ports: readonly number[]): ProcessPlan {
  let exit = plan.exit
  if (b.exit)
    exit = { after: b.exit.afterMs, code: b.exit.code, reason: b.exit.code === 0 ? 'Completed' : 'Error' }
  if (b.oomAfterMs !== undefined && (!exit || b.oomAfterMs < exit.after))
    exit = { after: b.oomAfterMs, code: 137, reason: 'OOMKilled' }
  const probeFail: ProcessPlan['probeFail'] = {}
  for (const [kind, windows] of Object.entries(b.probes ?? {})) {
    probeFail[kind as ProbeType] = (windows ?? []).map((w) => [w.fromMs, w.toMs] as const)
  }
  return {
    ...plan,
    listenAfter: b.startMs ?? plan.listenAfter ?? (plan.behaviour ? null : 0),
    ports: plan.ports.length > 0 ? plan.ports : ports,
    exit,
    probeFail,
  }
}

function envOf(c: Container): Record<string, string> {
  const env: Record<string, string> = {}
  for (const e of c.env ?? []) if (typeof e.value === 'string') env[e.name] = e.value
  return env
}
