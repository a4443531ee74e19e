import type { Job } from 'kubernetes-types/batch/v1'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../analyze'
import { simulate } from '../sim/simulate'
import { clusterObjects } from '../views'

/** The selector and labels the API server gives a Job (pkg/registry/batch/job/strategy.go generateSelector). */
function job(extra: string): Job {
  const text = `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
${extra}  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl:5.34, command: [perl, -e, "print 1"]}]
`
  const tl = simulate(analyzeScenario(text).objects, { untilMs: 5_000 })
  return clusterObjects(tl.stateAt(5_000)).jobs![0]!
}

describe('a Job as the API server stores it', () => {
  it('selects its pods by controller-uid and labels the template with job-name and controller-uid', () => {
    const j = job('')
    const uid = j.metadata!.uid!
    expect(j.spec?.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } })
    const generated = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    }
    expect(j.spec?.template.metadata?.labels).toEqual(generated)
    // Created without labels, it reads back with the template's (SetDefaults_Job on read).
    expect(j.metadata?.labels).toEqual(generated)
  })

  it("keeps the Job's own labels, and adds the generated ones to the template's", () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata: {name: pi, labels: {team: maths}}
spec:
  template:
    metadata: {labels: {app: pi}}
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl:5.34}]
`
    const j = clusterObjects(simulate(analyzeScenario(text).objects, { untilMs: 1_000 }).stateAt(1_000))
      .jobs![0]!
    expect(j.metadata?.labels).toEqual({ team: 'maths' })
    expect(Object.keys(j.spec?.template.metadata?.labels ?? {}).sort()).toEqual([
      'app',
      'batch.kubernetes.io/controller-uid',
      'batch.kubernetes.io/job-name',
      'controller-uid',
      'job-name',
    ])
  })

  it('leaves a manualSelector Job as written', () => {
    const j = job('  manualSelector: true\n  selector: {matchLabels: {app: pi}}\n')
    expect(j.spec?.selector).toEqual({ matchLabels: { app: 'pi' } })
  })
})
