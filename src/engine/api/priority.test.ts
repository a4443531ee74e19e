import type { Event, Pod } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate } from '../sim/simulate'
import { clusterObjects } from '../views'

/** The `Priority` admission plugin (k/k `plugin/pkg/admission/priority/admission.go`, `admitPod`). */
function at(yaml: string, s: number): { pods: Pod[]; events: Event[] } {
  const { objects } = analyzeScenario(yaml)
  const o = clusterObjects(simulate(objects, { untilMs: s * 1000 }).stateAt(s * 1000))
  return { pods: o.pods, events: o.events }
}

const pc = (name: string, value: number, extra = '') => `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: ${name}}
value: ${value}
${extra}---
`
const deploy = (spec = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${spec}      containers: [{name: web, image: nginx:1.27}]
`

describe('Priority admission', () => {
  it('simulates PriorityClass documents: no "not simulated" warning for them', () => {
    const { diagnostics } = analyzeScenario(pc('batch', 500) + deploy('      priorityClassName: batch\n'))
    expect(diagnostics).toEqual([])
  })

  it('gives a pod its PriorityClass value and preemption policy', () => {
    const { pods } = at(
      pc('batch', 500, 'preemptionPolicy: Never\n') + deploy('      priorityClassName: batch\n'),
      5,
    )
    expect(pods[0]?.spec).toMatchObject({
      priorityClassName: 'batch',
      priority: 500,
      preemptionPolicy: 'Never',
    })
  })

  it('refuses a pod naming a PriorityClass that does not exist (the ReplicaSet says FailedCreate)', () => {
    const { pods, events } = at(deploy('      priorityClassName: missing\n'), 5)
    expect(pods).toEqual([])
    const failed = events.find((e) => e.reason === 'FailedCreate')
    expect(failed?.message).toMatch(
      /^Error creating: pods "web-[a-z0-9]+-" is forbidden: no PriorityClass with name missing was found$/,
    )
  })

  it('gives a pod without a class the globalDefault class, the lowest value when several claim it', () => {
    const { pods } = at(
      pc('b', 300, 'globalDefault: true\n') + pc('a', 200, 'globalDefault: true\n') + deploy(),
      5,
    )
    expect(pods[0]?.spec).toMatchObject({
      priorityClassName: 'a',
      priority: 200,
      preemptionPolicy: 'PreemptLowerPriority',
    })
  })

  it('refuses a priority written in the pod that differs from the computed one', () => {
    const { pods, events } = at(
      pc('batch', 500) + deploy('      priorityClassName: batch\n      priority: 7\n'),
      5,
    )
    expect(pods).toEqual([])
    expect(events.find((e) => e.reason === 'FailedCreate')?.message).toContain(
      'is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 500 from the given PriorityClass name',
    )
  })

  it('leaves a pod without any class at priority 0', () => {
    expect(at(deploy(), 5).pods[0]?.spec).toMatchObject({
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    })
  })
})

describe('the priorityclass-not-found warning', () => {
  it('warns at the class name of a pod template naming a class the scenario does not have', () => {
    const yaml = deploy('      priorityClassName: missing\n')
    const d = analyzeScenario(yaml).diagnostics.find((x) => x.code === 'priorityclass-not-found')
    expect(d).toMatchObject({ severity: 'warning', line: 10 })
    expect(d?.message).toBe(
      'no PriorityClass with name missing was found: the API server refuses the pods of this Deployment; add a PriorityClass document named missing',
    )
    expect(
      analyzeScenario(pc('missing', 1) + yaml).diagnostics.some((x) => x.code === 'priorityclass-not-found'),
    ).toBe(false)
    expect(analyzeScenario(deploy('      priorityClassName: system-node-critical\n')).diagnostics).toEqual([])
  })
})
