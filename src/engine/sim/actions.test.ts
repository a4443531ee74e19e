import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { kubectl } from '../kubectl/command'
import { clusterObjects } from '../views'
import { simulate } from './simulate'

const scenario = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: delete}
spec:
  timeline:
    - {at: 20s, action: delete, target: pod/sleeper}
    - {at: 20s, action: delete, target: pod/default/web}
    - {at: 30s, action: kill-container, target: pod/crashy, exitCode: 3}
---
apiVersion: v1
kind: Pod
metadata: {name: sleeper}
spec:
  containers: [{name: c, image: busybox:1.36, command: [sh, -c, "sleep 3600"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: nginx, image: nginx:1.27}]
---
apiVersion: v1
kind: Pod
metadata: {name: crashy}
spec:
  containers: [{name: app, image: nginx:1.27}]
`

describe('scripted actions', () => {
  const { objects, diagnostics } = analyzeScenario(scenario)
  const tl = simulate(objects, { untilMs: 70_000 })
  const get = (s: number): string =>
    kubectl(['get', 'pods'], clusterObjects(tl.stateAt(s * 1000)), tl.epochMs + s * 1000).stdout

  it('read without diagnostics', () => {
    expect(diagnostics).toEqual([])
  })

  it('delete: the pod shows Terminating while its containers stop; a shell as PID 1 ignores SIGTERM and holds it for the 30 s grace period (reference A8, B4, D1)', () => {
    expect(get(21)).toMatch(/^sleeper\s+1\/1\s+Terminating\s+0\s+21s$/m)
    expect(get(49)).toMatch(/^sleeper\s+1\/1\s+Terminating/m)
    expect(get(51)).not.toMatch(/sleeper/)
    const killing = [...tl.stateAt(25_000).events.values()].find(
      (e) => e.reason === 'Killing' && e.involvedObject.name === 'sleeper',
    )
    expect(killing?.message).toBe('Stopping container c')
  })

  it('delete: nginx exits at once on SIGTERM, so its pod is gone within a second', () => {
    expect(get(19)).toMatch(/^web\s/m)
    expect(get(21)).not.toMatch(/^web\s/m)
  })

  it('kill-container: the process exits with the given code and is restarted at once, the first restart being free (reference B3)', () => {
    const pod = clusterObjects(tl.stateAt(32_000)).pods.find((p) => p.metadata?.name === 'crashy')!
    const status = pod.status!.containerStatuses![0]!
    expect(status.restartCount).toBe(1)
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(get(35)).toMatch(/^crashy\s+1\/1\s+Running\s+1 \(5s ago\)\s+35s$/m)
  })

  it('unknown actions and targets that do not fit the action are diagnostics, not silence', () => {
    const text = scenario
      .replace('action: kill-container', 'action: explode')
      .replace('action: delete, target: pod/sleeper', 'action: drain, target: node/worker-9')
      .replace('action: delete, target: pod/default/web', 'action: scale, target: pod/default/web')
    const found = analyzeScenario(text).diagnostics.map((d) => [d.severity, d.message])
    expect(found).toContainEqual([
      'error',
      'spec.timeline[2].action: must be one of apply, delete, scale, fail-node, recover-node, cordon, uncordon, drain, kill-container',
    ])
    expect(found).toContainEqual([
      'warning',
      'spec.timeline[0].target: the cluster has no node worker-9; the entry does nothing',
    ])
    expect(found).toContainEqual([
      'error',
      'spec.timeline[1].target: cannot scale Pod: only Deployment, ReplicaSet, StatefulSet',
    ])
    expect(found).toContainEqual(['error', 'spec.timeline[1].replicas: scale needs replicas, an integer ≥ 0'])
  })

  it('an unknown action is one diagnostic, with no guess at what its target should have been', () => {
    const text = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: s}
spec:
  timeline:
    - {at: 60s, action: explode, target: node/worker-1}
`
    const found = analyzeScenario(text).diagnostics.map((d) => d.message)
    expect(found).toEqual([
      'spec.timeline[0].action: must be one of apply, delete, scale, fail-node, recover-node, cordon, uncordon, drain, kill-container',
    ])
  })
})
