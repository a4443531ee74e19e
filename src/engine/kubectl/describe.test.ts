import type { Probe } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { describeNode } from './describe-node'
import { describePod, describeProbe, podQOS } from './describe-pod'
import { EPOCH, livenessEvents, livenessPod, node1, webPod } from './testdata/fixtures'

const NOW = EPOCH + 90_000

describe('describePod (kubectl pkg/describe/describe.go describePod, reference D6)', () => {
  it('prints sections in kubectl order, aligned by describe’s tabwriter (0, 8, 2), events with fieldPath (kubectl ≥ 1.35)', () => {
    expect(describePod(livenessPod, livenessEvents, NOW)).toBe(
      `Name:             liveness-exec
Namespace:        default
Service Account:  default
Node:             node-1/172.18.0.2
Start Time:       Thu, 01 Jan 2026 00:00:00 +0000
Labels:           test=liveness
Annotations:      <none>
Status:           Running
IP:               10.244.0.5
IPs:
  IP:  10.244.0.5
Containers:
  liveness:
    Container ID:  containerd://c2
    Image:         registry.k8s.io/busybox:1.27.2
    Image ID:      registry.k8s.io/busybox@sha256:abc
    Port:          <none>
    Host Port:     <none>
    Args:
      /bin/sh
      -c
      touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    State:          Running
      Started:      Thu, 01 Jan 2026 00:01:17 +0000
    Last State:     Terminated
      Reason:       Error
      Exit Code:    137
      Started:      Thu, 01 Jan 2026 00:00:02 +0000
      Finished:     Thu, 01 Jan 2026 00:01:16 +0000
    Ready:          True
    Restart Count:  1
    Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-x7k2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  90s                default-scheduler  Successfully assigned default/liveness-exec to node-1
  Warning  Unhealthy  44s (x3 over 54s)  kubelet            spec.containers{liveness}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
  Normal   Killing    44s                kubelet            spec.containers{liveness}: Container liveness failed liveness probe, will be restarted
  Normal   Pulled     13s (x2 over 89s)  kubelet            spec.containers{liveness}: Container image "registry.k8s.io/busybox:1.27.2" already present on machine
`,
    )
  })

  it('prints Events: <none> aligned with the block above it, and Terminating (lasts …) for a pod being deleted', () => {
    const deleting = {
      ...livenessPod,
      metadata: {
        ...livenessPod.metadata,
        deletionTimestamp: new Date(NOW - 5000).toISOString(),
        deletionGracePeriodSeconds: 30,
      },
    }
    const out = describePod(deleting, [], NOW)
    expect(out).toContain(
      'Status:                    Terminating (lasts 5s)\nTermination Grace Period:  30s\n',
    )
    expect(out.endsWith('                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:                      <none>\n')).toBe(true) // prettier-ignore
  })

  it.each([
    [
      { httpGet: { path: '/healthz', port: 8080 } },
      'http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      { tcpSocket: { port: 8080 }, initialDelaySeconds: 15, periodSeconds: 20 },
      'tcp-socket :8080 delay=15s timeout=1s period=20s #success=1 #failure=3',
    ],
    [
      { grpc: { port: 2379 }, initialDelaySeconds: 10 },
      'grpc <pod>:2379  delay=10s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      { exec: { command: ['cat', '/tmp/healthy'] }, failureThreshold: 30 },
      'exec [cat /tmp/healthy] delay=0s timeout=1s period=10s #success=1 #failure=30',
    ],
  ] as [Probe, string][])('DescribeProbe %j', (probe, want) => {
    expect(describeProbe(probe)).toBe(want)
  })

  it('computes the QoS class when status.qosClass is unset (kubectl util/qos)', () => {
    expect(podQOS(webPod('a'))).toBe('Burstable')
    const g = webPod('g')
    g.spec!.containers[0]!.resources = {
      limits: { cpu: '1', memory: '1Gi' },
      requests: { cpu: '1000m', memory: '1Gi' },
    }
    expect(podQOS(g)).toBe('Guaranteed')
    g.spec!.containers[0]!.resources = {}
    expect(podQOS(g)).toBe('BestEffort')
  })
})

describe('describeNode (kubectl pkg/describe/describe.go describeNode, reference D6)', () => {
  it('prints the node with its non-terminated pods and allocated resources', () => {
    const failed = webPod('done', 'default', { status: { phase: 'Succeeded' } })
    expect(describeNode(node1, [livenessPod, webPod('web-1'), failed], [], NOW)).toBe(
      `Name:               node-1
Roles:              control-plane
Labels:             kubernetes.io/hostname=node-1
                    kubernetes.io/os=linux
                    node-role.kubernetes.io/control-plane=
Annotations:        node.alpha.kubernetes.io/ttl: 0
CreationTimestamp:  Wed, 31 Dec 2025 23:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  node-1
  AcquireTime:     <unset>
  RenewTime:       Thu, 01 Jan 2026 00:01:00 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Thu, 01 Jan 2026 00:01:00 +0000   Wed, 31 Dec 2025 23:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  Ready            True    Thu, 01 Jan 2026 00:01:00 +0000   Wed, 31 Dec 2025 23:00:10 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.2
  Hostname:    node-1
Capacity:
  cpu:                4
  ephemeral-storage:  100Gi
  memory:             8Gi
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  100Gi
  memory:             8Gi
  pods:               110
System Info:
  Machine ID:                 m1
  System UUID:                s1
  Boot ID:                    b1
  Kernel Version:             6.8.0
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.0
  Kubelet Version:            v1.35.0
  Kube-Proxy Version:         
PodCIDR:                      10.244.0.0/24
PodCIDRs:                     10.244.0.0/24
Non-terminated Pods:          (2 in total)
  Namespace                   Name             CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----             ------------  ----------  ---------------  -------------  ---
  default                     liveness-exec    0 (0%)        0 (0%)      0 (0%)           0 (0%)         90s
  default                     web-1            250m (6%)     0 (0%)      64Mi (0%)        128Mi (1%)     90s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                250m (6%)  0 (0%)
  memory             64Mi (0%)  128Mi (1%)
  ephemeral-storage  0 (0%)     0 (0%)
Events:              <none>
`,
    )
  })

  it('sorts taints by effect then key and prints them like Taint.ToString', () => {
    const tainted = { ...node1, spec: { taints: [{ key: 'b', effect: 'NoSchedule' }, { key: 'a', value: 'x', effect: 'NoSchedule' }, { key: 'z', effect: 'NoExecute' }] } } // prettier-ignore
    expect(describeNode(tainted, [], [], NOW)).toContain(
      'Taints:             z:NoExecute\n                    a=x:NoSchedule\n                    b:NoSchedule\n',
    )
  })
})
