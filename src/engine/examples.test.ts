import { readFileSync } from 'node:fs'
import type { Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from './analyze'
import { kubectl } from './kubectl/command'
import { simulate, type Timeline } from './sim/simulate'
import { clusterObjects } from './views'

/**
 * The Kubernetes docs' probe examples, run from the vendored corpus, checked against what a real
 * cluster does (reference §G; where the docs' prose is optimistic, the cluster wins).
 */
const PROBES = new URL('./testdata/k8s-website-examples/pods/probe/', import.meta.url)

function run(file: string, untilS: number): Timeline {
  const analysis = analyzeScenario(readFileSync(new URL(file, PROBES), 'utf8'))
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return simulate(analysis.objects, { untilMs: untilS * 1000 })
}

function at(tl: Timeline, s: number): { pod: Pod; events: Event[]; get: (args: string) => string } {
  const state = tl.stateAt(s * 1000)
  const objects = clusterObjects(state)
  return {
    pod: objects.pods[0]!,
    events: objects.events,
    get: (args) => kubectl(args.split(' '), objects, tl.epochMs + s * 1000).stdout,
  }
}

const seconds = (tl: Timeline, stamp: string | undefined): number =>
  (Date.parse(stamp ?? '') - tl.epochMs) / 1000
const container = (pod: Pod) => pod.status!.containerStatuses![0]!
const eventsNamed = (events: Event[], reason: string) => events.filter((e) => e.reason === reason)

describe('G1 exec-liveness.yaml', () => {
  const tl = run('exec-liveness.yaml', 200)
  const S = seconds(tl, container(at(tl, 10).pod).state!.running!.startedAt)

  it('prints at 45 s what a real cluster prints: still Running 1/1, no restart yet', () => {
    expect(at(tl, 45).get('get pods')).toBe(
      'NAME            READY   STATUS    RESTARTS   AGE\nliveness-exec   1/1     Running   0          45s\n',
    )
  })

  it('has no probe failure while /tmp/healthy exists (the first 30 s of the run)', () => {
    expect(eventsNamed(at(tl, S + 30).events, 'Unhealthy')).toEqual([])
  })

  it("fails with busybox's words at the first tick ≥ S+30, and kills 10 s later with the kubelet's message", () => {
    const { events } = at(tl, S + 47)
    const [unhealthy] = eventsNamed(events, 'Unhealthy')
    expect(unhealthy!.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    )
    expect(unhealthy!.count).toBe(3)
    const first = seconds(tl, unhealthy!.firstTimestamp)
    expect(first).toBeGreaterThanOrEqual(S + 30)
    expect(first).toBeLessThan(S + 35)
    const [killing] = eventsNamed(events, 'Killing')
    expect(killing!.message).toBe('Container liveness failed liveness probe, will be restarted')
    expect(seconds(tl, killing!.firstTimestamp)).toBeGreaterThanOrEqual(S + 40)
    expect(seconds(tl, killing!.firstTimestamp)).toBeLessThan(S + 46)
  })

  it('dies by SIGKILL after the 30 s grace (sh as PID 1 ignores SIGTERM): exit 137, Error; RESTARTS 1 at ≈ S+70…S+76, READY 1/1 throughout', () => {
    for (let t = S + 1; t < S + 100; t += 1) expect(container(at(tl, t).pod).ready, `t=${t}`).toBe(true)
    const after = container(at(tl, S + 77).pod)
    expect(after.restartCount).toBe(1)
    expect(after.lastState!.terminated).toMatchObject({ exitCode: 137, reason: 'Error' })
    // The new instance runs its full 30 s again: no kill carried over from the previous one.
    for (let t = S + 77; t < S + 105; t += 1) expect(container(at(tl, t).pod).restartCount, `t=${t}`).toBe(1)
    const restartedAt = seconds(tl, after.state!.running!.startedAt)
    expect(restartedAt).toBeGreaterThanOrEqual(S + 70)
    expect(restartedAt).toBeLessThanOrEqual(S + 76)
  })
})

describe('G2 http-liveness.yaml', () => {
  const tl = run('http-liveness.yaml', 120)
  const S = seconds(tl, container(at(tl, 5).pod).state!.running!.startedAt)

  it('kills after /healthz turns 500 at 10 s of uptime: Killing at S+16…S+19', () => {
    const { events } = at(tl, S + 20)
    expect(eventsNamed(events, 'Unhealthy')[0]!.message).toBe(
      'Liveness probe failed: HTTP probe failed with statuscode: 500',
    )
    const killedAt = seconds(tl, eventsNamed(events, 'Killing')[0]!.firstTimestamp)
    expect(killedAt).toBeGreaterThanOrEqual(S + 16)
    expect(killedAt).toBeLessThanOrEqual(S + 19)
  })

  it('reaches CrashLoopBackOff once a run (~17 s) is shorter than the back-off (reference B3)', () => {
    const statuses = Array.from(
      { length: 110 },
      (_, i) =>
        at(tl, i + 10)
          .get('get pods')
          .split('\n')[1]!,
    )
    expect(statuses.some((line) => /CrashLoopBackOff/.test(line))).toBe(true)
    expect(eventsNamed(at(tl, 110).events, 'BackOff')[0]!.message).toMatch(
      /^Back-off restarting failed container liveness in pod liveness-http_default\([0-9a-f-]{36}\)$/,
    )
  })
})

describe('G3 tcp-liveness-readiness.yaml', () => {
  const tl = run('tcp-liveness-readiness.yaml', 60)
  const S = seconds(tl, container(at(tl, 5).pod).state!.running!.startedAt)

  it('is READY 0/1 until the first readiness tick ≥ S+15, then 1/1, with no Unhealthy and no restart', () => {
    expect(container(at(tl, S + 14).pod).ready).toBe(false)
    let readyAt = 0
    for (let t = S + 14; t < S + 30 && !readyAt; t += 0.5) if (container(at(tl, t).pod).ready) readyAt = t
    expect(readyAt).toBeGreaterThanOrEqual(S + 15)
    expect(readyAt).toBeLessThan(S + 26.5)
    const end = at(tl, 60)
    expect(eventsNamed(end.events, 'Unhealthy')).toEqual([])
    expect(container(end.pod).restartCount).toBe(0)
  })
})

describe('G4 grpc-liveness.yaml', () => {
  it('is Running 1/1 from the start and its gRPC liveness check never fails', () => {
    const tl = run('grpc-liveness.yaml', 120)
    const end = at(tl, 120)
    expect(end.get('get pods').split('\n')[1]).toMatch(/^etcd-with-grpc\s+1\/1\s+Running\s+0\s+2m$/)
    expect(eventsNamed(end.events, 'Unhealthy')).toEqual([])
  })
})

describe('G5 pod-with-http-healthcheck.yaml', () => {
  it('fails: nginx answers 404 for /_status/healthz, so the container is killed at the 3rd failure and restarted', () => {
    const tl = run('pod-with-http-healthcheck.yaml', 120)
    const S = seconds(tl, container(at(tl, 10).pod).state!.running!.startedAt)
    const { events, pod } = at(tl, S + 62)
    expect(eventsNamed(events, 'Unhealthy')[0]!.message).toBe(
      'Liveness probe failed: HTTP probe failed with statuscode: 404',
    )
    const killedAt = seconds(tl, eventsNamed(events, 'Killing')[0]!.firstTimestamp)
    expect(killedAt).toBeGreaterThanOrEqual(S + 50)
    expect(killedAt).toBeLessThanOrEqual(S + 60)
    // nginx exits 0 on its stop signal.
    expect(container(pod).lastState!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })
})

describe('G6 pod-with-tcp-socket-healthcheck.yaml', () => {
  it('never fails: redis listens on 6379', () => {
    const tl = run('pod-with-tcp-socket-healthcheck.yaml', 180)
    const end = at(tl, 180)
    expect(eventsNamed(end.events, 'Unhealthy')).toEqual([])
    expect(container(end.pod)).toMatchObject({ ready: true, restartCount: 0 })
  })
})
