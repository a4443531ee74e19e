import type { Event, Namespace, Node, Pod } from 'kubernetes-types/core/v1'

/** Test objects shaped as a v1.35 cluster returns them (kubeplay epoch 2026-01-01T00:00:00Z). */
export const EPOCH = Date.parse('2026-01-01T00:00:00Z')
export const at = (seconds: number) => new Date(EPOCH + seconds * 1000).toISOString().replace('.000Z', 'Z')

export const livenessPod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'liveness-exec',
    namespace: 'default',
    uid: 'uid-liveness',
    creationTimestamp: at(0),
    labels: { test: 'liveness' },
  },
  spec: {
    nodeName: 'node-1',
    serviceAccountName: 'default',
    containers: [
      {
        name: 'liveness',
        image: 'registry.k8s.io/busybox:1.27.2',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: {
          exec: { command: ['cat', '/tmp/healthy'] },
          initialDelaySeconds: 5,
          periodSeconds: 5,
          timeoutSeconds: 1,
          successThreshold: 1,
          failureThreshold: 3,
        },
        volumeMounts: [{ name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }], // prettier-ignore
      },
    ],
    volumes: [
      {
        name: 'kube-api-access-x7k2p',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } }, // prettier-ignore
          ],
        },
      },
    ],
    tolerations: [
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '172.18.0.2',
    podIP: '10.244.0.5',
    podIPs: [{ ip: '10.244.0.5' }],
    startTime: at(0),
    qosClass: 'BestEffort',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: at(2) },
      { type: 'Initialized', status: 'True', lastTransitionTime: at(0) },
      { type: 'Ready', status: 'True', lastTransitionTime: at(78) },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: at(78) },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: at(0) },
    ],
    containerStatuses: [
      {
        name: 'liveness',
        image: 'registry.k8s.io/busybox:1.27.2',
        imageID: 'registry.k8s.io/busybox@sha256:abc',
        containerID: 'containerd://c2',
        ready: true,
        restartCount: 1,
        started: true,
        state: { running: { startedAt: at(77) } },
        lastState: { terminated: { exitCode: 137, reason: 'Error', startedAt: at(2), finishedAt: at(76) } },
      },
    ],
  },
}

const podRef = {
  kind: 'Pod',
  namespace: 'default',
  name: 'liveness-exec',
  uid: 'uid-liveness',
  apiVersion: 'v1',
}
const event = (name: string, e: Partial<Event>): Event => ({
  metadata: { name, namespace: 'default' },
  involvedObject: podRef,
  type: 'Normal',
  count: 1,
  source: { component: 'kubelet', host: 'node-1' },
  ...e,
})

export const livenessEvents: Event[] = [
  event('liveness-exec.1', {
    reason: 'Scheduled',
    message: 'Successfully assigned default/liveness-exec to node-1',
    source: { component: 'default-scheduler' },
    firstTimestamp: at(0),
    lastTimestamp: at(0),
  }),
  event('liveness-exec.2', {
    involvedObject: { ...podRef, fieldPath: 'spec.containers{liveness}' },
    reason: 'Pulled',
    message: 'Container image "registry.k8s.io/busybox:1.27.2" already present on machine',
    count: 2,
    firstTimestamp: at(1),
    lastTimestamp: at(77),
  }),
  event('liveness-exec.3', {
    involvedObject: { ...podRef, fieldPath: 'spec.containers{liveness}' },
    type: 'Warning',
    reason: 'Unhealthy',
    message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    count: 3,
    firstTimestamp: at(36),
    lastTimestamp: at(46),
  }),
  event('liveness-exec.4', {
    involvedObject: { ...podRef, fieldPath: 'spec.containers{liveness}' },
    reason: 'Killing',
    message: 'Container liveness failed liveness probe, will be restarted',
    firstTimestamp: at(46),
    lastTimestamp: at(46),
  }),
]

export const node1: Node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'node-1',
    uid: 'uid-node-1',
    creationTimestamp: at(-3600),
    labels: {
      'kubernetes.io/hostname': 'node-1',
      'kubernetes.io/os': 'linux',
      'node-role.kubernetes.io/control-plane': '',
    },
    annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
  },
  spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'], taints: [] },
  status: {
    capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    conditions: [
      {
        type: 'MemoryPressure',
        status: 'False',
        lastHeartbeatTime: at(60),
        lastTransitionTime: at(-3600),
        reason: 'KubeletHasSufficientMemory',
        message: 'kubelet has sufficient memory available',
      },
      {
        type: 'Ready',
        status: 'True',
        lastHeartbeatTime: at(60),
        lastTransitionTime: at(-3590),
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
      },
    ],
    addresses: [
      { type: 'InternalIP', address: '172.18.0.2' },
      { type: 'Hostname', address: 'node-1' },
    ],
    nodeInfo: {
      machineID: 'm1',
      systemUUID: 's1',
      bootID: 'b1',
      kernelVersion: '6.8.0',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      operatingSystem: 'linux',
      architecture: 'amd64',
      containerRuntimeVersion: 'containerd://2.1.0',
      kubeletVersion: 'v1.35.0',
      kubeProxyVersion: '',
    },
  },
}

export const webPod = (name: string, ns = 'default', extra: Partial<Pod> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, creationTimestamp: at(0), labels: { app: 'web' } },
  spec: {
    nodeName: 'node-1',
    containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } } }], // prettier-ignore
  },
  status: {
    phase: 'Running',
    podIPs: [{ ip: '10.244.0.9' }],
    containerStatuses: [
      {
        name: 'web',
        image: 'nginx',
        imageID: '',
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: at(3) } },
      },
    ],
  },
  ...extra,
})

export const namespaces: Namespace[] = ['default', 'kube-system'].map((name) => ({
  metadata: { name, creationTimestamp: at(-3600) },
  status: { phase: 'Active' },
}))
