import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import type { Job } from 'kubernetes-types/batch/v1'
import type { Endpoints, Event, Pod, ResourceQuota, Service } from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import { describe, expect, it } from 'vitest'
import { type ClusterObjects, kubectl } from './command'
import { at, EPOCH, namespaces, node1, webPod } from './testdata/fixtures'

const NOW = EPOCH + 300_000
const template = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
  },
}
const deploy: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'uid-deploy', creationTimestamp: at(0), labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1' } }, // prettier-ignore
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } } }, // prettier-ignore
  status: {
    replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }, // prettier-ignore
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-66b6c48dd5" has successfully progressed.' }, // prettier-ignore
    ],
  }, // prettier-ignore
}
const rs: ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'web-66b6c48dd5', namespace: 'default', uid: 'uid-rs', creationTimestamp: at(0),
    labels: { app: 'web', 'pod-template-hash': '66b6c48dd5' },
    annotations: { 'deployment.kubernetes.io/revision': '1' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deploy', controller: true }],
  }, // prettier-ignore
  spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '66b6c48dd5' } }, template: { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': '66b6c48dd5' } } } }, // prettier-ignore
  status: { replicas: 2, readyReplicas: 2, availableReplicas: 2, fullyLabeledReplicas: 2 },
}
const owned = (name: string): Pod => {
  const p = webPod(name)
  return { ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-66b6c48dd5', uid: 'uid-rs', controller: true }] } } // prettier-ignore
}
const svc: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: at(0) },
  spec: { type: 'ClusterIP', clusterIP: '10.96.12.34', clusterIPs: ['10.96.12.34'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' }, // prettier-ignore
}
const kubernetesSvc: Service = {
  metadata: { name: 'kubernetes', namespace: 'default', creationTimestamp: at(-3600) },
  spec: {
    type: 'ClusterIP',
    clusterIPs: ['10.96.0.1'],
    ports: [{ name: 'https', port: 443, protocol: 'TCP' }],
  },
}
const ep: Endpoints = {
  metadata: { name: 'web', namespace: 'default', creationTimestamp: at(0) },
  subsets: [{ addresses: [{ ip: '10.244.0.7' }, { ip: '10.244.0.8' }], notReadyAddresses: [{ ip: '10.244.0.9' }], ports: [{ port: 8080, protocol: 'TCP' }] }], // prettier-ignore
}
const slice: EndpointSlice = {
  metadata: { name: 'web-abc12', namespace: 'default', creationTimestamp: at(0), labels: { 'kubernetes.io/service-name': 'web' } }, // prettier-ignore
  addressType: 'IPv4',
  ports: [{ name: '', port: 8080, protocol: 'TCP' }],
  endpoints: [
    { addresses: ['10.244.0.7'], conditions: { ready: true } },
    { addresses: ['10.244.0.8'], conditions: { ready: true } },
    { addresses: ['10.244.0.9'], conditions: { ready: false } },
  ],
}
const job: Job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi', namespace: 'default', uid: 'uid-job', creationTimestamp: at(10), labels: { 'batch.kubernetes.io/job-name': 'pi' } }, // prettier-ignore
  spec: { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-job' } }, template: { metadata: { labels: { 'batch.kubernetes.io/job-name': 'pi' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] } } }, // prettier-ignore
  status: { startTime: at(10), completionTime: at(45), succeeded: 1, active: 0, ready: 0, conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }] }, // prettier-ignore
}
const quota: ResourceQuota = {
  metadata: { name: 'compute', namespace: 'default', creationTimestamp: at(0) },
  spec: { hard: { pods: '10', 'requests.cpu': '1', 'limits.memory': '2Gi' } },
  status: { hard: { pods: '10', 'requests.cpu': '1', 'limits.memory': '2Gi' }, used: { pods: '2', 'requests.cpu': '200m', 'limits.memory': '0' } }, // prettier-ignore
}
const scaled: Event = {
  metadata: { name: 'web.1', namespace: 'default' },
  involvedObject: {
    kind: 'Deployment',
    namespace: 'default',
    name: 'web',
    uid: 'uid-deploy',
    apiVersion: 'apps/v1',
  },
  reason: 'ScalingReplicaSet',
  message: 'Scaled up replica set web-66b6c48dd5 from 0 to 2',
  type: 'Normal',
  source: { component: 'deployment-controller' },
  firstTimestamp: at(0),
  lastTimestamp: at(0),
  count: 1,
}
const podEvent: Event = {
  metadata: { name: 'web-1.2', namespace: 'default' },
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-1' },
  reason: 'Scheduled',
  message: 'Successfully assigned default/web-1 to node-1',
  type: 'Normal',
  source: { component: 'default-scheduler' },
  firstTimestamp: at(1),
  lastTimestamp: at(1),
  count: 1,
}
const cluster: ClusterObjects = {
  pods: [owned('web-1'), owned('web-2')],
  nodes: [node1],
  events: [scaled, podEvent],
  namespaces,
  deployments: [deploy],
  replicaSets: [rs],
  jobs: [job],
  services: [svc, kubernetesSvc],
  endpoints: [ep],
  endpointSlices: [slice],
  resourceQuotas: [quota],
  others: [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1', namespace: 'default', creationTimestamp: at(0) } }], // prettier-ignore
}
const run = (...args: string[]) => kubectl(args, cluster, NOW)

describe('kubectl get for workloads and services (printers.go through the tabwriter)', () => {
  it.each([
    [
      ['get', 'deploy'],
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           5m\n',
    ],
    [['get', 'deployments.apps', '-o', 'wide'], 'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\nweb    2/2     2            2           5m    nginx        nginx:1.27   app=web\n'], // prettier-ignore
    [['get', 'rs'], 'NAME             DESIRED   CURRENT   READY   AGE\nweb-66b6c48dd5   2         2         2       5m\n'], // prettier-ignore
    [['get', 'svc'], 'NAME         TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1     <none>        443/TCP   65m\nweb          ClusterIP   10.96.12.34   <none>        80/TCP    5m\n'], // prettier-ignore
    [
      ['get', 'ep'],
      'NAME   ENDPOINTS                         AGE\nweb    10.244.0.7:8080,10.244.0.8:8080   5m\n',
    ],
    [['get', 'endpointslice'], 'NAME        ADDRESSTYPE   PORTS   ENDPOINTS                          AGE\nweb-abc12   IPv4          8080    10.244.0.7,10.244.0.8,10.244.0.9   5m\n'], // prettier-ignore
    [['get', 'job'], 'NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1/1           35s        4m50s\n'], // prettier-ignore
    [['get', 'quota'], 'NAME      REQUEST                            LIMIT                  AGE\ncompute   pods: 2/10, requests.cpu: 200m/1   limits.memory: 0/2Gi   5m\n'], // prettier-ignore
    [['get', 'widgets'], 'NAME   AGE\nw1     5m\n'],
  ])('%j', (args, stdout) => expect(run(...args)).toEqual({ stdout, stderr: '', exitCode: 0 }))

  it('-o name uses kind.group (deployment.apps/web, job.batch/pi)', () => {
    expect(run('get', 'deploy', '-o', 'name').stdout).toBe('deployment.apps/web\n')
    expect(run('get', 'jobs', '-oname').stdout).toBe('job.batch/pi\n')
    expect(run('get', 'svc', '-o', 'name').stdout).toBe('service/kubernetes\nservice/web\n')
  })

  it('-o json adds apiVersion/kind of the resource', () => {
    const out = JSON.parse(run('get', 'rs', 'web-66b6c48dd5', '-o', 'json').stdout) as Record<string, unknown>
    expect([out.apiVersion, out.kind]).toEqual(['apps/v1', 'ReplicaSet'])
  })

  it('NotFound names the group-qualified resource; empty lists say No resources found', () => {
    expect(run('get', 'deploy', 'nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 }) // prettier-ignore
    expect(run('get', 'sts')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 }) // prettier-ignore
    expect(run('get', 'gadgets').stderr).toBe('error: the server doesn\'t have a resource type "gadgets"\n')
  })

  it('get all: TYPE/NAME blocks separated by a blank line, empty kinds skipped', () => {
    expect(run('get', 'all').stdout).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE\n' +
        'pod/web-1   1/1     Running   0          5m\n' +
        'pod/web-2   1/1     Running   0          5m\n' +
        '\n' +
        'NAME                 TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE\n' +
        'service/kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP   65m\n' +
        'service/web          ClusterIP   10.96.12.34   <none>        80/TCP    5m\n' +
        '\n' +
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/web   2/2     2            2           5m\n' +
        '\n' +
        'NAME                             DESIRED   CURRENT   READY   AGE\n' +
        'replicaset.apps/web-66b6c48dd5   2         2         2       5m\n' +
        '\n' +
        'NAME           STATUS     COMPLETIONS   DURATION   AGE\n' +
        'job.batch/pi   Complete   1/1           35s        4m50s\n',
    )
    expect(run('get', 'all', '-n', 'empty')).toEqual({ stdout: '', stderr: 'No resources found in empty namespace.\n', exitCode: 0 }) // prettier-ignore
  })

  it('several types at once: get deploy,svc prefixes names', () => {
    expect(run('get', 'deploy,svc', '-o', 'name').stdout).toBe(
      'deployment.apps/web\nservice/kubernetes\nservice/web\n',
    )
  })
})

describe('get events: --field-selector and --sort-by', () => {
  it.each([
    [['--field-selector', 'involvedObject.name=web'], ['deployment/web']],
    [['--field-selector=involvedObject.kind=Pod'], ['pod/web-1']],
    [['--field-selector', 'involvedObject.kind!=Pod,type=Normal'], ['deployment/web']],
    [['--sort-by=.lastTimestamp'], ['deployment/web', 'pod/web-1']],
    [
      ['--sort-by', '{.metadata.name}'],
      ['pod/web-1', 'deployment/web'],
    ], // web-1.2 < web.1
  ])('%j', (flags, objects) => {
    const out = run('get', 'events', ...flags)
      .stdout.trim()
      .split('\n')
      .slice(1)
    expect(out.map((l) => l.split(/\s{2,}/)[3])).toEqual(objects)
  })
})

describe('describe (kubectl pkg/describe/describe.go)', () => {
  it('describe deployment: Replicas line, RollingUpdateStrategy, Pod Template, Conditions, New/Old ReplicaSets, events', () => {
    expect(run('describe', 'deployment', 'web').stdout).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-66b6c48dd5 (2/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set web-66b6c48dd5 from 0 to 2
`)
  })

  it('describe rs: Controlled By, Replicas, Pods Status', () => {
    const out = run('describe', 'rs', 'web-66b6c48dd5').stdout
    expect(out).toContain('Selector:       app=web,pod-template-hash=66b6c48dd5\n')
    expect(out).toContain('Controlled By:  Deployment/web\n')
    expect(out).toContain('Replicas:       2 current / 2 desired\n')
    expect(out).toContain('Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n')
    expect(out.endsWith('  Tolerations:     <none>\nEvents:            <none>\n')).toBe(true)
  })

  it('describe job: Completions, Start Time, Completed At, Duration, Pods Statuses with Ready', () => {
    const out = run('describe', 'job', 'pi').stdout
    expect(out.split('\n').slice(0, 15).join('\n')).toBe(`Name:             pi
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=uid-job
Labels:           batch.kubernetes.io/job-name=pi
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    6
Start Time:       Thu, 01 Jan 2026 00:00:10 +0000
Completed At:     Thu, 01 Jan 2026 00:00:45 +0000
Duration:         35s
Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:`)
    expect(out).toContain('    Command:\n      perl\n      -Mbignum=bpi\n')
  })

  it('describe service: endpoints from EndpointSlices (ready only), target port, session affinity', () => {
    expect(run('describe', 'svc', 'web').stdout).toBe(`Name:                     web
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.12.34
IPs:                      10.96.12.34
Port:                     <unset>  80/TCP
TargetPort:               8080/TCP
Endpoints:                10.244.0.7:8080,10.244.0.8:8080
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
`)
  })

  it('describe service falls back to the Endpoints object when the cluster keeps no EndpointSlices', () => {
    const out = kubectl(['describe', 'svc', 'web'], { ...cluster, endpointSlices: undefined }, NOW).stdout
    expect(out).toContain('Endpoints:                10.244.0.7:8080,10.244.0.8:8080\n')
  })

  it('describe quota: the Resource Used Hard table (F7), used in the hard quantity format', () => {
    expect(run('describe', 'quota', 'compute').stdout).toBe(`Name:          compute
Namespace:     default
Resource       Used  Hard
--------       ----  ----
limits.memory  0     2Gi
pods           2     10
requests.cpu   200m  1
`)
  })

  it('describe endpoints: Subsets with Addresses, NotReadyAddresses, Ports', () => {
    expect(run('describe', 'ep', 'web').stdout).toBe(`Name:         web
Namespace:    default
Labels:       <none>
Annotations:  <none>
Subsets:
  Addresses:          10.244.0.7,10.244.0.8
  NotReadyAddresses:  10.244.0.9
  Ports:
    Name     Port  Protocol
    ----     ----  --------
    <unset>  8080  TCP

Events:  <none>
`)
  })
})
