import type { Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate } from '../sim/simulate'
import { clusterObjects } from '../views'
import { kubectl } from './command'
import { byLogging } from './logs-target'

/** Hand-built pods for the rules of `podutils.ByLogging.Less` (kubectl/pkg/util/podutils/podutils.go). */
function pod(
  name: string,
  o: { node?: string; phase?: string; readySince?: string; restarts?: number; created?: string },
): Pod {
  return {
    metadata: { name, creationTimestamp: o.created ?? '2026-01-01T00:00:00Z' },
    spec: { containers: [{ name: 'c' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [
        o.readySince
          ? { type: 'Ready', status: 'True', lastTransitionTime: o.readySince }
          : { type: 'Ready', status: 'False' },
      ],
      containerStatuses: [
        { name: 'c', restartCount: o.restarts ?? 0, ready: !!o.readySince, image: 'x', imageID: '' },
      ],
    },
  }
}
const first = (...pods: Pod[]) => [...pods].sort(byLogging).map((p) => p.metadata?.name)

describe('podutils.ByLogging: which pod kubectl logs TYPE/NAME reads', () => {
  it('1. assigned before unassigned', () => {
    expect(first(pod('a', {}), pod('b', { node: 'n' }))).toEqual(['b', 'a'])
  })
  it('2. Running before Unknown before Pending; Succeeded ranks with Running', () => {
    expect(
      first(
        pod('p', { node: 'n', phase: 'Pending' }),
        pod('u', { node: 'n', phase: 'Unknown' }),
        pod('r', { node: 'n' }),
      ),
    ).toEqual(['r', 'u', 'p'])
    expect(
      first(pod('p', { node: 'n', phase: 'Pending' }), pod('s', { node: 'n', phase: 'Succeeded' })),
    ).toEqual(['s', 'p'])
  })
  it('3. ready before not ready; 4. ready for longer first', () => {
    expect(
      first(pod('x', { node: 'n' }), pod('y', { node: 'n', readySince: '2026-01-01T00:01:00Z' })),
    ).toEqual(['y', 'x'])
    expect(
      first(
        pod('late', { node: 'n', readySince: '2026-01-01T00:05:00Z' }),
        pod('early', { node: 'n', readySince: '2026-01-01T00:01:00Z' }),
      ),
    ).toEqual(['early', 'late'])
  })
  it('5. more restarts first; 6. older first; ties keep their order', () => {
    expect(first(pod('calm', { node: 'n' }), pod('flappy', { node: 'n', restarts: 4 }))).toEqual([
      'flappy',
      'calm',
    ])
    expect(
      first(pod('new', { node: 'n', created: '2026-01-01T00:09:00Z' }), pod('old', { node: 'n' })),
    ).toEqual(['old', 'new'])
    expect(first(pod('a', { node: 'n' }), pod('b', { node: 'n' }))).toEqual(['a', 'b'])
  })
})

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: busybox:1.36, command: [sh, -c, "echo serving; sleep 3600"]}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: job, image: busybox:1.36, command: [sh, -c, "echo done"]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: external}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {a: b}
`

describe('kubectl logs TYPE/NAME (polymorphichelpers/logsforobject.go)', () => {
  const tl = simulate(analyzeScenario(TEXT).objects, { untilMs: 60_000 })
  const objects = clusterObjects(tl.stateAt(60_000))
  const logs = (...args: string[]) => kubectl(['logs', ...args], objects, tl.epochMs + 60_000)

  it('a Deployment: the first pod by ByLogging, and "Found N pods, using pod/…" on stderr', () => {
    const out = logs('deployment/web')
    const expected = [...objects.pods.filter((p) => p.metadata?.labels?.app === 'web')].sort(byLogging)[0]!
    const name = expected.metadata!.name!
    expect(out).toEqual({ stdout: 'serving\n', stderr: `Found 3 pods, using pod/${name}\n`, exitCode: 0 })
    expect(logs('deploy/web')).toEqual(out)
    expect(logs('svc/web').stderr).toBe(`Found 3 pods, using pod/${name}\n`)
    const rs = objects.replicaSets!.find((r) => r.metadata?.name?.startsWith('web-'))!.metadata!.name!
    expect(logs(`rs/${rs}`).stdout).toBe('serving\n')
  })

  it('a Job with one pod: its logs, with no note', () => {
    expect(logs('job/once')).toEqual({ stdout: 'done\n', stderr: '', exitCode: 0 })
  })

  it("kubectl's errors: a missing object, a Service without a selector, a kind without pods", () => {
    expect(logs('deployment/nope')).toMatchObject({
      exitCode: 1,
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    })
    expect(logs('service/external').stderr).toBe(
      "error: cannot get the logs from *v1.Service: invalid service 'external': Service is defined without a selector\n",
    )
    expect(logs('configmap/settings').stderr).toBe(
      'error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n',
    )
    expect(logs('widgets/x').stderr).toBe('error: the server doesn\'t have a resource type "widgets"\n')
  })
})
