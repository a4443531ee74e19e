import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job } from 'kubernetes-types/batch/v1'
import { describe, expect, it } from 'vitest'
import { labelSelectorString } from './label-selector'
import {
  cronJobRow,
  daemonSetRow,
  deploymentRow,
  jobRow,
  replicaSetRow,
  statefulSetRow,
} from './workload-rows'
import { EPOCH } from './testdata/fixtures'

// Cases from kubernetes/kubernetes pkg/printers/internalversion/printers_test.go. `time.Now().Add(1.9e9)` (1.9 s in
// the future) prints `0s`, as there.
const NOW = EPOCH + 3_600_000
const ts = (offsetMs: number) => new Date(NOW + offsetMs).toISOString()
const SOON = ts(1900)
const twoContainers = {
  spec: {
    containers: [
      { name: 'fake-container1', image: 'fake-image1' },
      { name: 'fake-container2', image: 'fake-image2' },
    ],
  },
}

describe('printDeployment (TestPrintDeployment)', () => {
  const d: Deployment = {
    metadata: { name: 'test1', creationTimestamp: SOON },
    spec: { replicas: 5, template: twoContainers, selector: { matchLabels: { foo: 'bar' } } },
    status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
  }
  it.each([
    ['no options', false, ['test1', '0/5', '2', '1', '0s']],
    ['wide', true, ['test1', '0/5', '2', '1', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar']], // prettier-ignore
  ])('%s', (_, wide, cells) => expect(deploymentRow(d, NOW, { wide })).toEqual(cells))
})

describe('printReplicaSet (TestPrintReplicaSet, TestPrintReplicaSetList)', () => {
  const rs = (
    name: string,
    replicas: number,
    status: ReplicaSet['status'],
    withSelector = true,
  ): ReplicaSet => ({
    metadata: { name, creationTimestamp: SOON },
    spec: { replicas, template: twoContainers, selector: withSelector ? { matchLabels: { foo: 'bar' } } : { matchLabels: {} } }, // prettier-ignore
    status,
  })
  it.each([
    [
      'TestPrintReplicaSet',
      rs('test1', 5, { replicas: 5, readyReplicas: 2 }),
      false,
      ['test1', '5', '5', '2', '0s'],
    ],
    ['TestPrintReplicaSet wide', rs('test1', 5, { replicas: 5, readyReplicas: 2 }), true, ['test1', '5', '5', '2', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar']], // prettier-ignore
    ['TestPrintReplicaSetList replicaset2', rs('replicaset2', 4, { replicas: 3, readyReplicas: 1 }), false, ['replicaset2', '4', '3', '1', '0s']], // prettier-ignore
    ['empty selector prints <none> (FormatLabelSelector)', rs('x', 1, { replicas: 0 }, false), true, ['x', '1', '0', '0', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', '<none>']], // prettier-ignore
  ])('%s', (_, obj, wide, cells) => expect(replicaSetRow(obj, NOW, { wide })).toEqual(cells))
})

describe('printStatefulSet (TestPrintStatefulSet)', () => {
  const sts: StatefulSet = {
    metadata: { name: 'test1', creationTimestamp: SOON },
    spec: { replicas: 5, template: twoContainers, selector: {}, serviceName: '' },
    status: { replicas: 5, readyReplicas: 2 },
  }
  it.each([
    ['no options', false, ['test1', '2/5', '0s']],
    ['wide: containers and images, no selector', true, ['test1', '2/5', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2']], // prettier-ignore
  ])('%s', (_, wide, cells) => expect(statefulSetRow(sts, NOW, { wide })).toEqual(cells))
})

describe('printDaemonSet (TestPrintDaemonSet)', () => {
  const ds: DaemonSet = {
    metadata: { name: 'test1', creationTimestamp: SOON },
    spec: { template: twoContainers, selector: { matchLabels: { foo: 'bar' } } },
    status: { currentNumberScheduled: 2, desiredNumberScheduled: 3, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 0, numberMisscheduled: 0 }, // prettier-ignore
  }
  it.each([
    ['no options', false, ['test1', '3', '2', '1', '2', '0', '<none>', '0s']],
    ['wide', true, ['test1', '3', '2', '1', '2', '0', '<none>', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar']], // prettier-ignore
  ])('%s', (_, wide, cells) => expect(daemonSetRow(ds, NOW, { wide })).toEqual(cells))
  it('NODE SELECTOR is labels.FormatLabels of the template nodeSelector', () => {
    const withSel = { ...ds, spec: { ...ds.spec!, template: { spec: { ...twoContainers.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } } } // prettier-ignore
    expect(daemonSetRow(withSel, NOW)[6]).toBe('kubernetes.io/os=linux')
  })
})

describe('printJob (TestPrintJob, TestPrintJobList)', () => {
  const TEN_YEARS_AGO = ts(-10 * 365 * 86_400_000)
  const job = (name: string, over: Partial<Job> & { created?: string }): Job => ({
    metadata: { name, creationTimestamp: over.created ?? SOON, ...over.metadata },
    spec: { template: twoContainers, ...over.spec },
    status: over.status ?? {},
  })
  it.each<[string, Job, boolean, string[]]>([
    ['job1', job('job1', { spec: { completions: 2, template: {}, selector: { matchLabels: { 'job-label': 'job-label-value' } } }, status: { succeeded: 1 } }), false, ['job1', 'Running', '1/2', '', '0s']], // prettier-ignore
    ['job1 wide', job('job1', { spec: { completions: 2, template: { spec: { containers: [{ name: 'fake-job-container1', image: 'fake-job-image1' }, { name: 'fake-job-container2', image: 'fake-job-image2' }] } }, selector: { matchLabels: { 'job-label': 'job-label-value' } } }, status: { succeeded: 1 } }), true, ['job1', 'Running', '1/2', '', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'job-label=job-label-value']], // prettier-ignore
    [
      'job2: ten-year age',
      job('job2', { created: TEN_YEARS_AGO }),
      false,
      ['job2', 'Running', '0/1', '', '10y'],
    ],
    ['job3: duration completion − start', job('job3', { created: TEN_YEARS_AGO, status: { startTime: ts(60_000), completionTime: ts(31 * 60_000) } }), false, ['job3', 'Running', '0/1', '30m', '10y']], // prettier-ignore
    ['job4: running duration', job('job4', { created: TEN_YEARS_AGO, status: { startTime: ts(-20 * 60_000) } }), false, ['job4', 'Running', '0/1', '20m', '10y']], // prettier-ignore
    ['job5: Complete', job('job5', { status: { conditions: [{ type: 'Complete', status: 'True' }] } }), false, ['job5', 'Complete', '0/1', '', '0s']], // prettier-ignore
    ['job6: Failed', job('job6', { status: { conditions: [{ type: 'Failed', status: 'True' }] } }), false, ['job6', 'Failed', '0/1', '', '0s']], // prettier-ignore
    ['job7: Suspended', job('job7', { status: { conditions: [{ type: 'Suspended', status: 'True' }] } }), false, ['job7', 'Suspended', '0/1', '', '0s']], // prettier-ignore
    ['job8: FailureTarget', job('job8', { status: { conditions: [{ type: 'FailureTarget', status: 'True' }] } }), false, ['job8', 'FailureTarget', '0/1', '', '0s']], // prettier-ignore
    ['job9: Terminating', job('job9', { metadata: { deletionTimestamp: SOON } }), false, ['job9', 'Terminating', '0/1', '', '0s']], // prettier-ignore
    ['TestPrintJobList job2', job('job2', { spec: { completions: 2, template: {} }, status: { succeeded: 2, startTime: ts(-20 * 60_000) } }), false, ['job2', 'Running', '2/2', '20m', '0s']], // prettier-ignore
    ['parallelism > 1 without completions', job('p', { spec: { parallelism: 3, template: {} }, status: { succeeded: 1 } }), false, ['p', 'Running', '1/1 of 3', '', '0s']], // prettier-ignore
  ])('%s', (_, obj, wide, cells) => expect(jobRow(obj, NOW, { wide })).toEqual(cells))
})

describe('printCronJob (TestPrintCronJob, TestPrintCronJobList)', () => {
  const cj = (name: string, over: { tz?: string; created?: string; last?: string | null }): CronJob => ({
    metadata: { name, creationTimestamp: over.created ?? SOON },
    spec: {
      schedule: '0/5 * * * ?',
      suspend: false,
      ...(over.tz ? { timeZone: over.tz } : {}),
      jobTemplate: { spec: { completions: 2, template: { spec: { containers: [{ name: 'fake-job-container1', image: 'fake-job-image1' }, { name: 'fake-job-container2', image: 'fake-job-image2' }] } }, selector: { matchLabels: { a: 'b' } } } }, // prettier-ignore
    },
    status: over.last === null ? {} : { lastScheduleTime: over.last ?? SOON },
  })
  it.each<[string, CronJob, boolean, string[]]>([
    ['cronjob1', cj('cronjob1', {}), false, ['cronjob1', '0/5 * * * ?', '<none>', 'False', '0', '0s', '0s']],
    ['cronjob1 with timeZone', cj('cronjob1', { tz: 'LOCAL' }), false, ['cronjob1', '0/5 * * * ?', 'LOCAL', 'False', '0', '0s', '0s']], // prettier-ignore
    ['cronjob1 wide', cj('cronjob1', {}), true, ['cronjob1', '0/5 * * * ?', '<none>', 'False', '0', '0s', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'a=b']], // prettier-ignore
    ['cronjob2: last schedule and age', cj('cronjob2', { created: ts(-300_000), last: ts(-30_000) }), false, ['cronjob2', '0/5 * * * ?', '<none>', 'False', '0', '30s', '5m']], // prettier-ignore
    ['cronjob3: no last schedule', cj('cronjob3', { created: ts(-300_000), last: null }), false, ['cronjob3', '0/5 * * * ?', '<none>', 'False', '0', '<none>', '5m']], // prettier-ignore
  ])('%s', (_, obj, wide, cells) => expect(cronJobRow(obj, NOW, { wide })).toEqual(cells))
})

describe('labelSelectorString (apimachinery labels.Selector.String)', () => {
  it.each([
    [undefined, ''],
    [{}, ''],
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'app', operator: 'Exists' }] }, 'app,env in (dev,prod)'], // prettier-ignore
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }, { key: 'x', operator: 'DoesNotExist' }] }, 'tier notin (db),!x'], // prettier-ignore
  ])('%j → %s', (sel, out) => expect(labelSelectorString(sel)).toBe(out))
})
