import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob } from 'kubernetes-types/batch/v1'
import type { Event, Pod } from 'kubernetes-types/core/v1'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import { describe, expect, it } from 'vitest'
import { type ClusterObjects, kubectl } from './command'
import { at, EPOCH, namespaces, node1, webPod } from './testdata/fixtures'

/**
 * Golden outputs of `kubectl describe statefulset|daemonset|cronjob|pdb` and `kubectl get cronjobs|pdb`, from the
 * format strings of kubectl `pkg/describe/describe.go` (`describeStatefulSet`, `describeVolumeClaimTemplates`,
 * `describeDaemonSet`, `describeCronJob`, `describeJobTemplate`, `printActiveJobs`, `describePodDisruptionBudgetV1`)
 * and k/k `pkg/printers/internalversion/printers.go` (`printCronJob`, `printPodDisruptionBudget`), laid out by
 * describe's tabwriter (0, 8, 2).
 */

const NOW = EPOCH + 300_000
const template = {
  metadata: { labels: { app: 'db' } },
  spec: { containers: [{ name: 'db', image: 'redis:7', ports: [{ containerPort: 6379, protocol: 'TCP' }] }] },
}
const owned = (name: string, kind: string, owner: string, uid: string, phase = 'Running'): Pod => {
  const p = webPod(name)
  return {
    ...p,
    metadata: { ...p.metadata, labels: { app: 'db' }, ownerReferences: [{ apiVersion: 'apps/v1', kind, name: owner, uid, controller: true }] }, // prettier-ignore
    status: { ...p.status, phase },
  }
}
const sts: StatefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: {
    name: 'db',
    namespace: 'default',
    uid: 'uid-sts',
    creationTimestamp: at(0),
    labels: { tier: 'data' },
  },
  spec: {
    replicas: 3,
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    volumeClaimTemplates: [
      { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } }, // prettier-ignore
    ],
  },
  status: { replicas: 2, readyReplicas: 1 },
}
const ds: DaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default', uid: 'uid-ds', creationTimestamp: at(0) },
  spec: { selector: { matchLabels: { app: 'db' } }, template: { ...template, spec: { ...template.spec, nodeSelector: { disk: 'ssd' } } } }, // prettier-ignore
  status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1, numberMisscheduled: 0 }, // prettier-ignore
}
const cj: CronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'hello', namespace: 'default', uid: 'uid-cj', creationTimestamp: at(0) },
  spec: {
    schedule: '*/1 * * * *',
    concurrencyPolicy: 'Allow',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'date; echo Hello'] }] } } } }, // prettier-ignore
  },
  status: {
    active: [
      { kind: 'Job', namespace: 'default', name: 'hello-29453765', uid: 'uid-j5', apiVersion: 'batch/v1' },
    ],
    lastScheduleTime: at(300),
    lastSuccessfulTime: at(242),
  },
}
const created: Event = {
  metadata: { name: 'hello.1', namespace: 'default' },
  involvedObject: {
    kind: 'CronJob',
    namespace: 'default',
    name: 'hello',
    uid: 'uid-cj',
    apiVersion: 'batch/v1',
  },
  reason: 'SuccessfulCreate',
  message: 'Created job hello-29453765',
  type: 'Normal',
  source: { component: 'cronjob-controller' },
  firstTimestamp: at(300),
  lastTimestamp: at(300),
  count: 1,
}
const pdb: PodDisruptionBudget = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'db-pdb', namespace: 'default', creationTimestamp: at(0) },
  spec: { minAvailable: 2, selector: { matchLabels: { app: 'db' } } },
  status: { disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2, expectedPods: 3 },
}
const cluster: ClusterObjects = {
  pods: [
    owned('db-0', 'StatefulSet', 'db', 'uid-sts'),
    owned('db-1', 'StatefulSet', 'db', 'uid-sts', 'Pending'),
    owned('agent-x', 'DaemonSet', 'agent', 'uid-ds'),
  ],
  nodes: [node1],
  events: [created],
  namespaces,
  statefulSets: [sts],
  daemonSets: [ds],
  cronJobs: [cj, { ...cj, metadata: { ...cj.metadata, name: 'nightly', uid: 'uid-n' }, spec: { ...cj.spec!, schedule: '@daily', timeZone: 'Europe/Paris', suspend: true }, status: {} }], // prettier-ignore
  podDisruptionBudgets: [pdb, { ...pdb, metadata: { ...pdb.metadata, name: 'db-max' }, spec: { maxUnavailable: '25%', selector: pdb.spec!.selector }, status: { ...pdb.status!, disruptionsAllowed: 1 } }], // prettier-ignore
}
const run = (...args: string[]) => kubectl(args, cluster, NOW)

describe('kubectl describe for StatefulSets, DaemonSets, CronJobs and PodDisruptionBudgets (describe.go)', () => {
  it('describe statefulset: CreationTimestamp, Replicas desired | total, Update Strategy with Partition, Volume Claims', () => {
    expect(run('describe', 'sts', 'db').stdout).toBe(`Name:               db
Namespace:          default
CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
Selector:           app=db
Labels:             tier=data
Annotations:        <none>
Replicas:           3 desired | 2 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=db
  Containers:
   db:
    Image:         redis:7
    Port:          6379/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          data
  StorageClass:  standard
  Labels:        <none>
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:          <none>
`)
  })

  it('describe daemonset: Node-Selector, the five node counts written without a tab, Pods Status', () => {
    expect(run('describe', 'ds', 'agent').stdout).toBe(`Name:           agent
Namespace:      default
Selector:       app=db
Node-Selector:  disk=ssd
Labels:         <none>
Annotations:    <none>
Desired Number of Nodes Scheduled: 2
Current Number of Nodes Scheduled: 2
Number of Nodes Scheduled with Up-to-date Pods: 2
Number of Nodes Scheduled with Available Pods: 1
Number of Nodes Misscheduled: 0
Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=db
  Containers:
   db:
    Image:         redis:7
    Port:          6379/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  disk=ssd
  Tolerations:     <none>
Events:            <none>
`)
  })

  it('describe cronjob: policies, history limits, the job template (unset fields say <unset>), Last Schedule Time, Active Jobs, events', () => {
    expect(run('describe', 'cj', 'hello').stdout).toBe(
      `Name:                          hello
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      */1 * * * *
Concurrency Policy:            Allow
Suspend:                       False
Time Zone:                     <unset>
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     <unset>
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   <unset>
Pod Template:
  Labels:  <none>
  Containers:
   hello:
    Image:      busybox:1.28
    Port:       <none>
    Host Port:  <none>
    Command:
      /bin/sh
      -c
      date; echo Hello
    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  Thu, 01 Jan 2026 00:05:00 +0000
Active Jobs:         hello-29453765
Events:
  Type    Reason            Age   From                Message
  ----    ------            ----  ----                -------
  Normal  SuccessfulCreate  0s    cronjob-controller  Created job hello-29453765
`,
    )
    const nightly = run('describe', 'cj', 'nightly').stdout.split('\n')
    expect(nightly).toContain('Suspend:                       True')
    expect(nightly).toContain('Time Zone:                     Europe/Paris')
    expect(nightly.slice(-4)).toEqual(['Last Schedule Time:  <unset>', 'Active Jobs:         <none>', 'Events:              <none>', '']) // prettier-ignore
  })

  it('describe pdb: Min available or Max unavailable, Selector, the Status block at level 2', () => {
    expect(run('describe', 'pdb', 'db-pdb').stdout).toBe(`Name:           db-pdb
Namespace:      default
Min available:  2
Selector:       app=db
Status:
    Allowed disruptions:  0
    Current:              2
    Desired:              2
    Total:                3
Events:                   <none>
`)
    expect(run('describe', 'pdb', 'db-max').stdout.split('\n')[2]).toBe('Max unavailable:  25%')
  })
})

describe('kubectl get cronjobs and pdb (printers.go printCronJob, printPodDisruptionBudget)', () => {
  it('get cj: SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE; -o wide adds CONTAINERS IMAGES SELECTOR', () => {
    expect(run('get', 'cj').stdout)
      .toBe(`NAME      SCHEDULE      TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE
hello     */1 * * * *   <none>         False     1        0s              5m
nightly   @daily        Europe/Paris   True      0        <none>          5m
`)
    expect(run('get', 'cronjobs', '-o', 'wide').stdout.split('\n')[0]).toBe(
      'NAME      SCHEDULE      TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES         SELECTOR',
    )
  })

  it('get pdb: MIN AVAILABLE and MAX UNAVAILABLE (N/A when unset), ALLOWED DISRUPTIONS', () => {
    expect(run('get', 'pdb').stdout)
      .toBe(`NAME     MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
db-max   N/A             25%               1                     5m
db-pdb   2               N/A               0                     5m
`)
    expect(run('get', 'poddisruptionbudgets.policy', 'db-pdb', '-o', 'name').stdout).toBe(
      'poddisruptionbudget.policy/db-pdb\n',
    )
  })

  it('get all lists cronjobs (the all category) before jobs, and not PodDisruptionBudgets', () => {
    const out = run('get', 'all').stdout
    expect(out).toMatch(/^cronjob\.batch\/hello\s/m)
    expect(out.indexOf('statefulset.apps/db')).toBeLessThan(out.indexOf('cronjob.batch/hello'))
    expect(out).not.toMatch(/poddisruptionbudget/)
  })
})
