import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ClusterView, PodView } from '../engine'
import { createAnalyzer } from './analyze'
import { withoutProbeTicks } from './ticks'
import { ViewDecoder, ViewEncoder } from './view-patch'

const pod = (name: string, status: string, restarts = 0): PodView => ({
  namespace: 'default',
  name,
  node: 'worker-1',
  status,
  ready: status === 'Running' ? '1/1' : '0/1',
  restarts,
  labels: { app: 'web' },
  owner: null,
})

const view = (t: number, pods: PodView[]): ClusterView => ({
  t,
  nodes: [{ name: 'worker-1', status: 'Ready', cpu: '2', memory: '4Gi', maxPods: 110 }],
  pods,
  services: [],
  workloads: [],
})

/** Sends views through an encoder and a decoder as the worker and the page do. */
function stream(views: readonly ClusterView[]): { decoded: ClusterView[]; sizes: number[] } {
  const encoder = new ViewEncoder()
  const decoder = new ViewDecoder()
  const decoded: ClusterView[] = []
  const sizes: number[] = []
  for (const v of views) {
    // What crosses to the page is a structured clone: nothing is shared with the worker's copy.
    const patch = structuredClone(encoder.encode(v, decoder.base))
    sizes.push(JSON.stringify(patch).length)
    decoded.push(decoder.decode(patch))
  }
  return { decoded, sizes }
}

const REAL_TEXT = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: patch}
spec: {nodes: 2, duration: 3m}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 6
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations:
        kubeplay.dev/behavior: |
          web:
            probes:
              readiness: {fail: [[40, 70]]}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
`

describe('views sent as changes (view-patch)', () => {
  it('the page ends up with the very view the worker computed, at every step', () => {
    const statuses = ['Pending', 'ContainerCreating', 'Running', 'CrashLoopBackOff', 'Terminating']
    const podArb = fc.record({
      name: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      status: fc.constantFrom(...statuses),
      restarts: fc.nat(3),
    })
    const viewArb = fc
      .tuple(fc.nat(600_000), fc.uniqueArray(podArb, { selector: (p) => p.name, maxLength: 5 }))
      .map(([t, ps]) =>
        view(
          t,
          ps.map((p) => pod(p.name, p.status, p.restarts)),
        ),
      )
    fc.assert(
      fc.property(fc.array(viewArb, { minLength: 1, maxLength: 12 }), (views) => {
        const { decoded } = stream(views)
        expect(decoded).toEqual(views)
      }),
    )
  })

  it('what did not change keeps its identity, and only what changed is sent', () => {
    const pods = Array.from({ length: 100 }, (_, i) => pod(`web-${i}`, 'Running'))
    const a = view(1000, pods)
    const b = view(
      1267,
      pods.map((p, i) => (i === 7 ? { ...p, status: 'Error', ready: '0/1' } : { ...p })),
    )
    const c = view(
      1534,
      b.pods.map((p) => ({ ...p })),
    )
    const { decoded, sizes } = stream([a, b, c])
    const [da, db, dc] = decoded as [ClusterView, ClusterView, ClusterView]
    expect(db.pods[7]).toEqual(b.pods[7])
    expect(db.pods[7]).not.toBe(da.pods[7])
    // Every other pod is the object the page already had.
    expect(db.pods.filter((p, i) => p === da.pods[i])).toHaveLength(99)
    expect(db.nodes).toBe(da.nodes)
    // Nothing but the time changed: every list is the one held.
    expect(dc.t).toBe(1534)
    expect(dc.pods).toBe(db.pods)
    expect(sizes[1]!).toBeLessThan(sizes[0]! / 20)
    expect(sizes[2]!).toBeLessThan(100)
  })

  it('a patch on a view the worker did not send last comes whole', () => {
    const encoder = new ViewEncoder()
    const first = encoder.encode(view(1, [pod('a', 'Running')]), 0)
    encoder.encode(view(2, [pod('a', 'Error')]), first.seq)
    // The page still holds the first view (say, a reply was lost): it gets the whole view back.
    const third = encoder.encode(view(3, [pod('a', 'Running')]), first.seq)
    expect(third.base).toBe(0)
    expect(third.lists.pods).toEqual({ whole: [pod('a', 'Running')] })
    const decoder = new ViewDecoder()
    expect(() => decoder.decode({ ...third, base: 5 })).toThrow(/based on view 5/)
  })

  it('a pod set that changes (one created, one gone) sends the whole list', () => {
    const { decoded } = stream([
      view(1, [pod('a', 'Running'), pod('b', 'Running')]),
      view(2, [pod('a', 'Running'), pod('c', 'Pending')]),
    ])
    expect(decoded[1]!.pods.map((p) => p.name)).toEqual(['a', 'c'])
  })

  it('playback of a real timeline: each decoded view equals viewAt, frame by frame', async () => {
    const worker = createAnalyzer()
    await worker.analyze(1, REAL_TEXT, 0)
    const reference = createAnalyzer()
    await reference.analyze(1, REAL_TEXT, 0)
    // 16× at 60 frames a second, then a jump back: a whole view or a patch, the result is the same.
    const moments = [...Array.from({ length: 400 }, (_, i) => (i * 16) / 60), 12, 150]
    const sent = { ticks: 0, noTicks: 0 }
    // Six pods: probe dots pulse at 1× (ticks sent) and not at 16× (left out).
    for (const ticks of [true, false]) {
      const decoder = new ViewDecoder()
      let patched = 0
      let podsSent = 0
      for (const atS of moments) {
        const patch = structuredClone(worker.viewPatchAt(atS, decoder.base, ticks ? 1 : 16))!
        if (patch.base !== 0) patched++
        const pods = patch.lists.pods
        podsSent += pods === undefined ? 0 : 'whole' in pods ? pods.whole.length : pods.changed.length
        const expected = reference.viewAt(atS)!
        expect(decoder.decode(patch)).toEqual(ticks ? expected : withoutProbeTicks(expected))
      }
      expect(patched).toBeGreaterThan(390)
      sent[ticks ? 'ticks' : 'noTicks'] = podsSent
    }
    // Each probe tick changes a pod; without ticks, only what a pod shows does.
    expect(sent.noTicks).toBeGreaterThan(0)
    expect(sent.noTicks).toBeLessThan(sent.ticks * 0.6)
  })

  it('the view of an analysis reply starts the stream: the next view is a patch on it', async () => {
    const worker = createAnalyzer()
    const reply = await worker.analyze(1, REAL_TEXT, 100, 0, undefined, 16)
    expect(reply.viewSeq).toBeGreaterThan(0)
    // At 16× the graph does not pulse: the reply's view has no tick times either.
    expect(reply.view!.pods.flatMap((p) => p.probes ?? []).some((d) => (d.lastMs ?? null) !== null)).toBe(
      false,
    )
    const decoder = new ViewDecoder()
    decoder.adopt(reply.view!, reply.viewSeq!)
    const patch = structuredClone(worker.viewPatchAt(101, decoder.base, 16))!
    expect(patch.base).toBe(reply.viewSeq)
    expect(patch.lists).toEqual({})
    const next = decoder.decode(patch)
    expect(next.pods).toBe(reply.view!.pods)
    expect(next.t).toBe(101_000)
  })
})
