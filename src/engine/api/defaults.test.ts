import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadManifests } from '../parse/loader'
import {
  applyDefaults,
  createPod,
  defaultCronJob,
  defaultDaemonSet,
  defaultDeployment,
  defaultJob,
  defaultNamespace,
  defaultPod,
  defaultPodTemplateSpec,
  defaultReplicaSet,
  defaultService,
  defaultStatefulSet,
} from './defaults'
import { imageTag } from './pod-defaults'

const EXAMPLES = new URL('../testdata/k8s-website-examples/', import.meta.url)
const example = (path: string): Record<string, unknown> => {
  const { objects, diagnostics } = loadManifests(readFileSync(new URL(path, EXAMPLES), 'utf8'))
  expect(diagnostics).toEqual([])
  return objects[0]!.body as Record<string, unknown>
}
const suffix = (): string => 'x7k2p'

/**
 * The `spec` of `kubectl get pod liveness-exec -o yaml` for the docs' `pods/probe/exec-liveness.yaml`,
 * minus what the scheduler and kubelet add later (`nodeName`). Field for field it follows real outputs of
 * pods created with no service account, priority class or tolerations (a v1.2x/v1.3x `kubectl get pod -o
 * yaml` of a busybox pod with `kube-api-access-qs6hx` and of an nginx pod with `kube-api-access-tbd24`,
 * both in public tutorials), and the code that writes each field: k/k `pkg/apis/core/v1/defaults.go`
 * (`SetDefaults_Container`, `SetDefaults_PodSpec`, `SetDefaults_Pod`, `SetDefaults_Probe`),
 * `plugin/pkg/admission/serviceaccount/admission.go` (`TokenVolumeSource`),
 * `plugin/pkg/admission/defaulttolerationseconds/admission.go` and `plugin/pkg/admission/priority`.
 */
const EXEC_LIVENESS_SPEC = {
  containers: [
    {
      args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      image: 'registry.k8s.io/busybox:1.27.2',
      imagePullPolicy: 'IfNotPresent',
      livenessProbe: {
        exec: { command: ['cat', '/tmp/healthy'] },
        failureThreshold: 3,
        initialDelaySeconds: 5,
        periodSeconds: 5,
        successThreshold: 1,
        timeoutSeconds: 1,
      },
      name: 'liveness',
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      volumeMounts: [
        {
          mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
          name: 'kube-api-access-x7k2p',
          readOnly: true,
        },
      ],
    },
  ],
  dnsPolicy: 'ClusterFirst',
  enableServiceLinks: true,
  preemptionPolicy: 'PreemptLowerPriority',
  priority: 0,
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  serviceAccount: 'default',
  serviceAccountName: 'default',
  terminationGracePeriodSeconds: 30,
  tolerations: [
    { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
    {
      effect: 'NoExecute',
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      tolerationSeconds: 300,
    },
  ],
  volumes: [
    {
      name: 'kube-api-access-x7k2p',
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          {
            downwardAPI: {
              items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
            },
          },
        ],
      },
    },
  ],
}

describe('Pod defaulting and admission (k/k pkg/apis/core/v1/defaults.go, plugin/pkg/admission)', () => {
  it('gives pods/probe/exec-liveness.yaml the spec a real `kubectl get pod -o yaml` shows', () => {
    const raw = example('pods/probe/exec-liveness.yaml')
    expect(createPod(raw, { suffix }).spec).toEqual(EXEC_LIVENESS_SPEC)
    expect(applyDefaults('Pod', raw, { suffix }).spec).toEqual(EXEC_LIVENESS_SPEC)
  })

  it('defaultPod alone is defaulting without admission: no account, token volume, priority or tolerations', () => {
    const spec = defaultPod(example('pods/probe/exec-liveness.yaml')).spec!
    const admitted = [
      'serviceAccount',
      'serviceAccountName',
      'volumes',
      'tolerations',
      'priority',
      'preemptionPolicy',
    ]
    const { containers, ...rest } = EXEC_LIVENESS_SPEC
    const expected = Object.fromEntries(Object.entries(rest).filter(([k]) => !admitted.includes(k)))
    const { volumeMounts: _ignored, ...container } = containers[0]!
    expect(spec).toEqual({ ...expected, containers: [container] })
  })

  it('never mutates its input', () => {
    const raw = example('pods/probe/exec-liveness.yaml')
    const before = JSON.stringify(raw)
    createPod(raw, { suffix })
    applyDefaults('Deployment', example('controllers/nginx-deployment.yaml'), { suffix })
    expect(JSON.stringify(raw)).toBe(before)
  })

  it('chooses imagePullPolicy by tag like parsers.ParseImageName', () => {
    const policy = (image: string): unknown =>
      defaultPod({ spec: { containers: [{ name: 'c', image }] } }).spec!.containers[0]!.imagePullPolicy
    expect(policy('nginx')).toBe('Always')
    expect(policy('nginx:latest')).toBe('Always')
    expect(policy('nginx:1.27')).toBe('IfNotPresent')
    expect(policy('localhost:5000/app')).toBe('Always')
    expect(policy('localhost:5000/app:v2')).toBe('IfNotPresent')
    expect(policy(`nginx@sha256:${'a'.repeat(64)}`)).toBe('IfNotPresent')
    expect(policy(`nginx:latest@sha256:${'a'.repeat(64)}`)).toBe('Always')
    expect(policy('Not/A/Valid:Image')).toBe('IfNotPresent')
    expect(imageTag('registry.k8s.io/e2e-test-images/agnhost:2.40')).toBe('2.40')
    const explicit = defaultPod({ spec: { containers: [{ image: 'nginx', imagePullPolicy: 'Never' }] } })
    expect(explicit.spec!.containers[0]!.imagePullPolicy).toBe('Never')
  })

  it('defaults probes (zero counts as unset) and httpGet path and scheme', () => {
    const pod = defaultPod({
      spec: {
        containers: [
          {
            name: 'c',
            image: 'nginx:1.27',
            readinessProbe: { httpGet: { port: 80 }, periodSeconds: 0, failureThreshold: 5 },
            startupProbe: { tcpSocket: { port: 80 } },
            lifecycle: { preStop: { httpGet: { port: 80 } } },
          },
        ],
      },
    })
    const c = pod.spec!.containers[0]!
    expect(c.readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      periodSeconds: 10,
      failureThreshold: 5,
      timeoutSeconds: 1,
      successThreshold: 1,
    })
    expect(c.startupProbe).toEqual({
      tcpSocket: { port: 80 },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    })
    expect(c.lifecycle!.preStop!.httpGet).toEqual({ port: 80, path: '/', scheme: 'HTTP' })
  })

  it('copies limits to requests for pods only, never for templates (SetDefaults_Pod)', () => {
    const spec = {
      containers: [
        {
          name: 'c',
          image: 'x:1',
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
        },
      ],
      initContainers: [{ name: 'i', image: 'x:1', resources: { limits: { memory: '64Mi' } } }],
    }
    const pod = defaultPod({ spec })
    expect(pod.spec!.containers[0]!.resources!.requests).toEqual({ cpu: '500m', memory: '1Gi' })
    expect(pod.spec!.initContainers![0]!.resources!.requests).toEqual({ memory: '64Mi' })
    const template = defaultPodTemplateSpec({ spec })
    expect(template.spec!.containers[0]!.resources!.requests).toEqual({ cpu: '500m' })
    expect(template.spec!.enableServiceLinks).toBeUndefined()
  })

  it('defaults volumes: no source ⇒ emptyDir {}, modes 420, hostPath type ""', () => {
    const pod = defaultPod({
      spec: {
        containers: [],
        volumes: [
          { name: 'a' },
          { name: 'b', emptyDir: null },
          { name: 'c', emptyDir: { medium: 'Memory' } },
          { name: 'd', configMap: { name: 'cm' } },
          { name: 'e', secret: { secretName: 's', defaultMode: 256 } },
          { name: 'f', hostPath: { path: '/var/log' } },
        ],
      },
    })
    expect(pod.spec!.volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', emptyDir: {} },
      { name: 'c', emptyDir: { medium: 'Memory' } },
      { name: 'd', configMap: { name: 'cm', defaultMode: 420 } },
      { name: 'e', secret: { secretName: 's', defaultMode: 256 } },
      { name: 'f', hostPath: { path: '/var/log', type: '' } },
    ])
  })

  it('sets host ports under hostNetwork and defaults port protocols', () => {
    const pod = defaultPod({
      spec: {
        hostNetwork: true,
        containers: [{ name: 'c', image: 'x:1', ports: [{ containerPort: 8080 }] }],
      },
    })
    expect(pod.spec!.containers[0]!.ports).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }])
  })
})

describe('admission (plugin/pkg/admission/{serviceaccount,defaulttolerationseconds,priority})', () => {
  it('keeps tolerations that already cover not-ready or unreachable', () => {
    const own = {
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 6,
    }
    const pod = createPod({ spec: { containers: [], tolerations: [own] } }, { suffix })
    expect(pod.spec!.tolerations).toEqual([
      own,
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ])
    const all = createPod({ spec: { containers: [], tolerations: [{ operator: 'Exists' }] } }, { suffix })
    expect(all.spec!.tolerations).toEqual([{ operator: 'Exists' }])
  })

  it('mounts the token into init containers too, skips containers that mount the path, honours automount false', () => {
    let calls = 0
    const counting = (): string => {
      calls++
      return 'abcde'
    }
    const pod = createPod(
      {
        spec: {
          serviceAccountName: 'builder',
          initContainers: [{ name: 'i', image: 'x:1' }],
          containers: [
            { name: 'a', image: 'x:1' },
            {
              name: 'b',
              image: 'x:1',
              volumeMounts: [{ name: 'own', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
            },
          ],
        },
      },
      { suffix: counting },
    )
    expect(calls).toBe(1)
    expect(pod.spec!.serviceAccountName).toBe('builder')
    expect(pod.spec!.serviceAccount).toBe('builder')
    expect(pod.spec!.initContainers![0]!.volumeMounts).toEqual([
      {
        name: 'kube-api-access-abcde',
        readOnly: true,
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      },
    ])
    expect(pod.spec!.containers[1]!.volumeMounts).toHaveLength(1)
    expect(pod.spec!.volumes!.map((v) => v.name)).toEqual(['kube-api-access-abcde'])

    const off = createPod(
      { spec: { automountServiceAccountToken: false, containers: [{ name: 'a', image: 'x:1' }] } },
      { suffix: counting },
    )
    expect(calls).toBe(1)
    expect(off.spec!.volumes).toBeUndefined()
    expect(off.spec!.serviceAccountName).toBe('default')
  })

  it('gives system priority classes their values and leaves user classes to be looked up', () => {
    const critical = createPod(
      { spec: { priorityClassName: 'system-node-critical', containers: [] } },
      { suffix },
    )
    expect(critical.spec!.priority).toBe(2000001000)
    const user = createPod({ spec: { priorityClassName: 'high', containers: [] } }, { suffix })
    expect(user.spec!.priority).toBeUndefined()
  })
})

/** The template part every workload below gets (SetDefaults_PodSpec + SetDefaults_Container). */
const NGINX_TEMPLATE_SPEC = {
  containers: [
    {
      name: 'nginx',
      image: 'nginx:1.14.2',
      imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    },
  ],
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
}

describe('workload defaulting (k/k pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go)', () => {
  it('Deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600, template defaulted', () => {
    const d = defaultDeployment(example('controllers/nginx-deployment.yaml'))
    expect(d.spec!.replicas).toBe(3)
    expect(d.spec!.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    })
    expect(d.spec!.revisionHistoryLimit).toBe(10)
    expect(d.spec!.progressDeadlineSeconds).toBe(600)
    expect(d.spec!.template.spec).toEqual(NGINX_TEMPLATE_SPEC)
    expect(defaultDeployment({ spec: {} }).spec!.replicas).toBe(1)
    const recreate = defaultDeployment({ spec: { strategy: { type: 'Recreate' } } })
    expect(recreate.spec!.strategy).toEqual({ type: 'Recreate' })
  })

  it('ReplicaSet: replicas 1', () => {
    expect(defaultReplicaSet({ spec: {} }).spec!.replicas).toBe(1)
  })

  it('StatefulSet: OrderedReady, RollingUpdate partition 0, Retain/Retain, claim templates', () => {
    const s = defaultStatefulSet({
      spec: {
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      },
    })
    expect(s.spec!.podManagementPolicy).toBe('OrderedReady')
    expect(s.spec!.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } })
    expect(s.spec!.persistentVolumeClaimRetentionPolicy).toEqual({
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    })
    expect(s.spec!.replicas).toBe(1)
    expect(s.spec!.revisionHistoryLimit).toBe(10)
    expect(s.spec!.volumeClaimTemplates).toEqual([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'www' },
        spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
        status: { phase: 'Pending' },
      },
    ])
    const onDelete = defaultStatefulSet({ spec: { updateStrategy: { type: 'OnDelete' } } })
    expect(onDelete.spec!.updateStrategy).toEqual({ type: 'OnDelete' })
  })

  it('DaemonSet: RollingUpdate maxUnavailable 1 maxSurge 0, history 10', () => {
    const ds = defaultDaemonSet({ spec: {} })
    expect(ds.spec!.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    })
    expect(ds.spec!.revisionHistoryLimit).toBe(10)
  })

  it('Job: 1/1, backoffLimit 6, NonIndexed, suspend false, TerminatingOrFailed, manualSelector false', () => {
    const job = defaultJob(example('controllers/job.yaml'))
    const { template, ...rest } = job.spec!
    expect(rest).toEqual({
      backoffLimit: 4,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      suspend: false,
    })
    expect(template.spec!.restartPolicy).toBe('Never')
    expect(defaultJob({ spec: { parallelism: 3 } }).spec!.completions).toBeUndefined()
    expect(defaultJob({ spec: { backoffLimitPerIndex: 1 } }).spec!.backoffLimit).toBe(2147483647)
    expect(defaultJob({ spec: { podFailurePolicy: { rules: [] } } }).spec!.podReplacementPolicy).toBe(
      'Failed',
    )
    const labelled = defaultJob({
      metadata: { name: 'j' },
      spec: { template: { metadata: { labels: { a: 'b' } } } },
    })
    expect(labelled.metadata!.labels).toEqual({ a: 'b' })
  })

  it('CronJob: Allow, suspend false, history 3/1', () => {
    const cj = defaultCronJob({
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
    })
    expect(cj.spec!.concurrencyPolicy).toBe('Allow')
    expect(cj.spec!.successfulJobsHistoryLimit).toBe(3)
    expect(cj.spec!.failedJobsHistoryLimit).toBe(1)
    expect(cj.spec!.jobTemplate.spec!.template.spec!.restartPolicy).toBe('Always')
  })
})

describe('Service and Namespace defaulting (k/k pkg/apis/core/v1/defaults.go)', () => {
  it('Service: ClusterIP, None affinity, TCP, targetPort = port, SingleStack IPv4, Cluster traffic', () => {
    const svc = defaultService(example('service/nginx-service.yaml'))
    expect(svc.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    })
    expect(svc.spec!.externalTrafficPolicy).toBeUndefined()
    const ports = defaultService({ spec: { ports: [{ port: 80 }, { port: 81, targetPort: 'http' }] } }).spec!
      .ports
    expect(ports).toEqual([
      { port: 80, protocol: 'TCP', targetPort: 80 },
      { port: 81, protocol: 'TCP', targetPort: 'http' },
    ])
    const lb = defaultService({ spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP' } }).spec!
    expect(lb).toMatchObject({
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    })
    const ext = defaultService({ spec: { type: 'ExternalName', externalName: 'example.com' } }).spec!
    expect(ext.ipFamilies).toBeUndefined()
    expect(ext.internalTrafficPolicy).toBeUndefined()
  })

  it('Namespace: finalizers [kubernetes], phase Active, the metadata.name label', () => {
    const ns = defaultNamespace({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })
    expect(ns).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    })
  })

  it('applyDefaults copies kinds it does not know', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }
    const out = applyDefaults('ConfigMap', cm, { suffix })
    expect(out).toEqual(cm)
    expect(out).not.toBe(cm)
  })
})
