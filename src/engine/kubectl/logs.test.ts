import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate } from '../sim/simulate'
import { clusterObjects } from '../views'
import { kubectl } from './command'

const text = `apiVersion: v1
kind: Pod
metadata: {name: counter}
spec:
  initContainers:
  - {name: setup, image: busybox:1.36, command: [sh, -c, "echo preparing; sleep 1"]}
  containers:
  - name: count
    image: busybox:1.36
    args: [/bin/sh, -c, 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; if [ $i -ge 3 ]; then exit 1; fi; done']
  - {name: idle, image: busybox:1.36, command: [sleep, "3600"]}
`

describe('kubectl logs', () => {
  const tl = simulate(analyzeScenario(text).objects, { untilMs: 60_000 })
  const logs = (s: number, ...args: string[]) =>
    kubectl(['logs', ...args], clusterObjects(tl.stateAt(s * 1000)), tl.epochMs + s * 1000)

  it('prints what the process echoed, its date in virtual time (DESIGN §2.3 point 2)', () => {
    const out = logs(18, 'counter', '-c', 'count')
    expect(out.exitCode).toBe(0)
    expect(out.stdout.split('\n').filter(Boolean)).toHaveLength(3)
    expect(out.stdout).toMatch(/^0: Thu Jan {2}1 00:00:\d\d UTC 2026\n1: /)
  })

  it('--previous prints the run before the current one; none before the first restart', () => {
    expect(logs(4, 'counter', '-c', 'count', '--previous')).toMatchObject({
      exitCode: 1,
      stderr:
        'Error from server (BadRequest): previous terminated container "count" in pod "counter" not found\n',
    })
    const current = logs(18, 'counter', '-c', 'count').stdout
    const previous = logs(18, 'counter', '-c', 'count', '-p').stdout
    expect(previous).not.toBe(current)
    expect(previous.split('\n').filter(Boolean)).toHaveLength(3)
  })

  it('defaults to the first container of a pod with several and says so, as kubectl does', () => {
    const out = logs(18, 'counter')
    expect(out.stderr).toBe('Defaulted container "count" out of: count, idle, setup (init)\n')
    expect(out.stdout).toBe(logs(18, 'counter', '-c', 'count').stdout)
    expect(logs(18, 'counter', '-c', 'setup').stdout).toBe('preparing\n')
  })

  it('answers with kubectl errors for unknown pods and containers', () => {
    expect(logs(18, 'nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect(logs(18, 'counter', '-c', 'web').stderr).toBe(
      'error: container web is not valid for pod counter\n',
    )
  })
})
