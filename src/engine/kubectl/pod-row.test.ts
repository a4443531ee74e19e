import type { ContainerState, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { podRow } from './pod-row'

// Cases transcribed from k/k pkg/printers/internalversion/printers_test.go (TestPrintPod, TestPrintPodwide,
// TestPrintPodWithRestartableInitContainer, TestPrintPodConditions): same inputs, same expected cells. Go's
// `time.Now().Add(-10 * time.Second)` becomes `ago(10)`; pods without creationTimestamp print AGE `<unknown>`.

const NOW = Date.parse('2026-01-01T01:00:00Z')
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z')
const running: ContainerState = { running: {} }
const waiting: ContainerState = { waiting: {} }
const finished = (seconds: number): ContainerState => ({
  terminated: { exitCode: 0, finishedAt: ago(seconds) },
})
const cs = (s: Partial<ContainerStatus>): ContainerStatus => ({
  name: '',
  image: '',
  imageID: '',
  ready: false,
  restartCount: 0,
  ...s,
})
const containers = (n: number) => Array.from({ length: n }, () => ({ name: '' }))
const sidecars = (...names: string[]) => names.map((name) => ({ name, restartPolicy: 'Always' }))

interface Case {
  name: string
  pod: Pod
  want: string[]
}

function pod(
  name: string,
  spec: Pod['spec'],
  status: Pod['status'],
  meta: Partial<NonNullable<Pod['metadata']>> = {},
): Pod {
  return { metadata: { name, ...meta }, spec, status }
}

const deleted = { deletionTimestamp: ago(10) }
const readyTrue: PodCondition[] = [{ type: 'Ready', status: 'True' }]

const TestPrintPod: Case[] = [
  {
    name: 'test1: name, num of containers, restarts, container ready status',
    pod: pod(
      'test1',
      { containers: containers(2) },
      {
        phase: 'podPhase',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })],
      },
    ),
    want: ['test1', '1/2', 'podPhase', '6', '<unknown>'],
  },
  {
    name: 'test2: container error overwrites pod phase',
    pod: pod(
      'test2',
      { containers: containers(2) },
      {
        phase: 'podPhase',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: running }),
          cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
        ],
      },
    ),
    want: ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    name: 'test3: the first container with a reason overwrites the rest',
    pod: pod(
      'test3',
      { containers: containers(2) },
      {
        phase: 'podPhase',
        containerStatuses: [
          cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
          cs({
            state: { terminated: { exitCode: 0, reason: 'ContainerTerminatedReason' } },
            restartCount: 3,
          }),
        ],
      },
    ),
    want: ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    name: 'test4: ready is not enough for reporting running',
    pod: pod(
      'test4',
      { containers: containers(2) },
      {
        phase: 'podPhase',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: running }),
          cs({ ready: true, restartCount: 3 }),
        ],
      },
    ),
    want: ['test4', '1/2', 'podPhase', '6', '<unknown>'],
  },
  {
    name: 'test5: status.reason overrides the phase',
    pod: pod(
      'test5',
      { containers: containers(2) },
      {
        reason: 'podReason',
        phase: 'podPhase',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: running }),
          cs({ ready: true, restartCount: 3 }),
        ],
      },
    ),
    want: ['test5', '1/2', 'podReason', '6', '<unknown>'],
  },
  {
    name: 'test6: one running, one completed, no Ready condition → NotReady',
    pod: pod(
      'test6',
      { containers: containers(2) },
      {
        phase: 'Running',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
          cs({ ready: true, restartCount: 3, state: running }),
        ],
      },
    ),
    want: ['test6', '1/2', 'NotReady', '6', '<unknown>'],
  },
  {
    name: 'test6 (with Ready condition): one running, one completed → Running',
    pod: pod(
      'test6',
      { containers: containers(2) },
      {
        phase: 'Running',
        conditions: readyTrue,
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
          cs({ ready: true, restartCount: 3, state: running }),
        ],
      },
    ),
    want: ['test6', '1/2', 'Running', '6', '<unknown>'],
  },
  {
    name: 'test7: 1 init container restarting and 1 container not running',
    pod: pod(
      'test7',
      { initContainers: containers(1), containers: containers(1) },
      {
        phase: 'podPhase',
        initContainerStatuses: [cs({ restartCount: 3, state: running, lastState: finished(10) })],
        containerStatuses: [cs({ state: waiting })],
      },
    ),
    want: ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'test8: 2 init containers, one restarting and the other not running',
    pod: pod(
      'test8',
      { initContainers: containers(2), containers: containers(1) },
      {
        phase: 'podPhase',
        initContainerStatuses: [
          cs({ restartCount: 3, state: running, lastState: finished(10) }),
          cs({ state: waiting }),
        ],
        containerStatuses: [cs({ state: waiting })],
      },
    ),
    want: ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'test9: 2 init containers, one completed without restarts and the other restarting',
    pod: pod(
      'test9',
      { initContainers: containers(2), containers: containers(1) },
      {
        phase: 'podPhase',
        initContainerStatuses: [
          cs({ state: { terminated: { exitCode: 0 } } }),
          cs({ restartCount: 3, state: running, lastState: finished(10) }),
        ],
        containerStatuses: [cs({ state: waiting })],
      },
    ),
    want: ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'test10: 2 init containers, one completed with restarts and the other restarting',
    pod: pod(
      'test10',
      { initContainers: containers(2), containers: containers(1) },
      {
        phase: 'podPhase',
        initContainerStatuses: [
          cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: finished(120) }),
          cs({ restartCount: 3, state: running, lastState: finished(10) }),
        ],
        containerStatuses: [cs({ state: waiting })],
      },
    ),
    want: ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
  },
  {
    name: 'test11: init container completed with restarts (dropped) and one container restarting',
    pod: pod(
      'test11',
      { initContainers: containers(1), containers: containers(1) },
      {
        phase: 'Running',
        initContainerStatuses: [
          cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: finished(120) }),
        ],
        containerStatuses: [cs({ restartCount: 4, state: running, lastState: finished(20) })],
      },
    ),
    want: ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
  },
  {
    name: 'test12: 1 container that restarted 5d ago',
    pod: pod(
      'test12',
      { containers: containers(1) },
      {
        phase: 'Running',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: running, lastState: finished(5 * 86400) }),
        ],
      },
    ),
    want: ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
  },
  {
    name: 'test13: 2 containers, one never restarted and the other restarted 10d ago',
    pod: pod(
      'test13',
      { containers: containers(2) },
      {
        phase: 'Running',
        containerStatuses: [
          cs({ ready: true, state: running }),
          cs({ ready: true, restartCount: 3, state: running, lastState: finished(10 * 86400) }),
        ],
      },
    ),
    want: ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>'],
  },
  {
    name: 'test14: 2 containers, one restarted 5d ago and the other 20d ago',
    pod: pod(
      'test14',
      { containers: containers(2) },
      {
        phase: 'Running',
        containerStatuses: [
          cs({ ready: true, restartCount: 6, state: running, lastState: finished(5 * 86400) }),
          cs({ ready: true, restartCount: 3, state: running, lastState: finished(20 * 86400) }),
        ],
      },
    ),
    want: ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
  },
  {
    name: 'test15: PodScheduled condition with reason SchedulingGated',
    pod: pod(
      'test15',
      { containers: containers(2) },
      {
        phase: 'podPhase',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      },
    ),
    want: ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
  },
  {
    name: 'test16: pod succeeded',
    pod: pod(
      'test16',
      { containers: containers(1) },
      {
        phase: 'Succeeded',
        containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })],
      },
    ),
    want: ['test16', '0/1', 'Completed', '0', '<unknown>'],
  },
  {
    name: 'test17: pod failed',
    pod: pod(
      'test17',
      { containers: containers(1) },
      {
        phase: 'Failed',
        containerStatuses: [cs({ state: { terminated: { reason: 'Error', exitCode: 1 } } })],
      },
    ),
    want: ['test17', '0/1', 'Error', '0', '<unknown>'],
  },
  {
    name: 'test18: succeeded pod being deleted is not Terminating',
    pod: pod(
      'test18',
      { containers: containers(1) },
      {
        phase: 'Succeeded',
        containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })],
      },
      deleted,
    ),
    want: ['test18', '0/1', 'Completed', '0', '<unknown>'],
  },
  {
    name: 'test19: running pod being deleted → Terminating',
    pod: pod(
      'test19',
      { containers: containers(1) },
      { phase: 'Running', containerStatuses: [cs({ state: running })] },
      deleted,
    ),
    want: ['test19', '0/1', 'Terminating', '0', '<unknown>'],
  },
  {
    name: 'test20: pending pod being deleted → Terminating',
    pod: pod('test20', { containers: containers(1) }, { phase: 'Pending' }, deleted),
    want: ['test20', '0/1', 'Terminating', '0', '<unknown>'],
  },
]

const TestPrintPodWithRestartableInitContainer: Case[] = [
  {
    name: 'test1: 2 sidecars, the first running but not started',
    pod: pod(
      'test1',
      { initContainers: sidecars('restartable-init-1', 'restartable-init-2'), containers: containers(1) },
      {
        phase: 'Pending',
        initContainerStatuses: [
          cs({
            name: 'restartable-init-1',
            restartCount: 3,
            state: running,
            started: false,
            lastState: finished(10),
          }),
          cs({ name: 'restartable-init-2', state: waiting, started: false }),
        ],
        containerStatuses: [cs({ state: waiting })],
        conditions: [{ type: 'Initialized', status: 'False' }],
      },
    ),
    want: ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'test1: 2 sidecars, the first started and the second running but not started',
    pod: pod(
      'test1',
      { initContainers: sidecars('restartable-init-1', 'restartable-init-2'), containers: containers(1) },
      {
        phase: 'Pending',
        initContainerStatuses: [
          cs({
            name: 'restartable-init-1',
            restartCount: 3,
            state: running,
            started: true,
            lastState: finished(10),
          }),
          cs({ name: 'restartable-init-2', state: running, started: false }),
        ],
        containerStatuses: [cs({ state: waiting })],
        conditions: [{ type: 'Initialized', status: 'False' }],
      },
    ),
    want: ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'test2: 2 sidecars started and 1 container running',
    pod: pod(
      'test2',
      { initContainers: sidecars('restartable-init-1', 'restartable-init-2'), containers: containers(1) },
      {
        phase: 'Running',
        initContainerStatuses: [
          cs({
            name: 'restartable-init-1',
            restartCount: 3,
            state: running,
            started: true,
            lastState: finished(10),
          }),
          cs({ name: 'restartable-init-2', state: running, started: true }),
        ],
        containerStatuses: [cs({ ready: true, restartCount: 4, state: running, lastState: finished(20) })],
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    ),
    want: ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
  },
  {
    name: 'test3: 2 sidecars completed with non-zero and 1 container completed',
    pod: pod(
      'test3',
      { initContainers: sidecars('restartable-init-1', 'restartable-init-2'), containers: containers(1) },
      {
        phase: 'Succeeded',
        initContainerStatuses: [
          cs({
            name: 'restartable-init-1',
            restartCount: 3,
            state: { terminated: { reason: 'Error', exitCode: 137 } },
            started: false,
            lastState: finished(10),
          }),
          cs({
            name: 'restartable-init-2',
            state: { terminated: { reason: 'Error', exitCode: 137 } },
            started: false,
          }),
        ],
        containerStatuses: [
          cs({
            restartCount: 4,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
            lastState: finished(20),
          }),
        ],
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    ),
    want: ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>'],
  },
  {
    name: 'test4: container statuses for non-existent initContainers and containers',
    pod: pod(
      'test4',
      {
        initContainers: [
          { name: 'init1', image: 'initimage' },
          { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' },
        ],
        containers: [{ name: 'container1', image: 'containerimage' }],
      },
      {
        phase: 'Running',
        initContainerStatuses: [cs({ name: 'initinvalid' }), cs({ name: 'init1' }), cs({ name: 'sidecar1' })],
        containerStatuses: [cs({ name: 'containerinvalid' }), cs({ name: 'container1' })],
      },
    ),
    want: ['test4', '0/2', 'Init:0/2', '0', '<unknown>'],
  },
]

const gates = {
  readinessGates: [
    { conditionType: 'condition1' },
    { conditionType: 'condition2' },
    { conditionType: 'condition3' },
  ],
}
const gateConditions: PodCondition[] = [
  { type: 'condition1', status: 'False' },
  { type: 'condition2', status: 'True' },
]

const TestPrintPodwide: Case[] = [
  {
    name: 'test1: NodeName and PodIP are not none',
    pod: pod(
      'test1',
      { containers: containers(2), nodeName: 'test1', ...gates },
      {
        conditions: gateConditions,
        phase: 'podPhase',
        podIPs: [{ ip: '1.1.1.1' }],
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })],
        nominatedNodeName: 'node1',
      },
    ),
    want: ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3'],
  },
  {
    name: 'test1 (dual stack): the first of podIPs',
    pod: pod(
      'test1',
      { containers: containers(2), nodeName: 'test1', ...gates },
      {
        conditions: gateConditions,
        phase: 'podPhase',
        podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })],
        nominatedNodeName: 'node1',
      },
    ),
    want: ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3'],
  },
  {
    name: 'test2: NodeName and PodIP are none',
    pod: pod(
      'test2',
      { containers: containers(2), nodeName: '' },
      {
        phase: 'podPhase',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: running }),
          cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
        ],
      },
    ),
    want: [
      'test2',
      '1/2',
      'ContainerWaitingReason',
      '6',
      '<unknown>',
      '<none>',
      '<none>',
      '<none>',
      '<none>',
    ],
  },
]

const twoStatuses = [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })]
const TestPrintPodConditions: Case[] = [
  {
    name: 'running pod',
    pod: pod('test1', { containers: containers(2) }, { phase: 'Running', containerStatuses: twoStatuses }),
    want: ['test1', '1/2', 'Running', '6', '<unknown>'],
  },
  {
    name: 'succeeded pod: phase shows when no container has a reason',
    pod: pod('test1', { containers: containers(2) }, { phase: 'Succeeded', containerStatuses: twoStatuses }),
    want: ['test1', '1/2', 'Succeeded', '6', '<unknown>'],
  },
  {
    name: 'failed pod',
    pod: pod('test2', { containers: containers(2) }, { phase: 'Failed', containerStatuses: twoStatuses }),
    want: ['test2', '1/2', 'Failed', '6', '<unknown>'],
  },
]

// Further cases built from the same printPod code paths (reference D1), each naming the branch it exercises.
const web = { containers: [{ name: 'web', image: 'nginx' }] }
const withInit = { initContainers: [{ name: 'init-a' }, { name: 'init-b' }], containers: [{ name: 'web' }] }
const moreCases: Case[] = [
  {
    name: 'CrashLoopBackOff with restarts shows "N (age ago)" from lastState.terminated.finishedAt',
    pod: pod(
      'web-0',
      web,
      {
        phase: 'Running',
        containerStatuses: [
          cs({
            name: 'web',
            restartCount: 3,
            state: {
              waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' },
            },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(42) } },
          }),
        ],
      },
      { creationTimestamp: ago(150) },
    ),
    want: ['web-0', '0/1', 'CrashLoopBackOff', '3 (42s ago)', '2m30s'],
  },
  {
    name: 'ContainerCreating (waiting reason of a fresh app container)',
    pod: pod('web-0', web, {
      phase: 'Pending',
      containerStatuses: [cs({ name: 'web', state: { waiting: { reason: 'ContainerCreating' } } })],
    }),
    want: ['web-0', '0/1', 'ContainerCreating', '0', '<unknown>'],
  },
  {
    name: 'Init:1/2: first init done, second running',
    pod: pod('init-pod', withInit, {
      phase: 'Pending',
      initContainerStatuses: [
        cs({ name: 'init-a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }),
        cs({ name: 'init-b', state: running }),
      ],
      containerStatuses: [cs({ name: 'web', state: { waiting: { reason: 'PodInitializing' } } })],
    }),
    want: ['init-pod', '0/1', 'Init:1/2', '0', '<unknown>'],
  },
  {
    name: 'Init:0/2: waiting with reason PodInitializing is not shown as Init:PodInitializing',
    pod: pod('init-pod', withInit, {
      phase: 'Pending',
      initContainerStatuses: [cs({ name: 'init-a', state: { waiting: { reason: 'PodInitializing' } } })],
    }),
    want: ['init-pod', '0/1', 'Init:0/2', '0', '<unknown>'],
  },
  {
    name: 'Init:CrashLoopBackOff (waiting reason of an init container)',
    pod: pod('init-pod', withInit, {
      phase: 'Pending',
      initContainerStatuses: [
        cs({
          name: 'init-a',
          restartCount: 2,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(15) } },
        }),
        cs({ name: 'init-b', state: { waiting: { reason: 'PodInitializing' } } }),
      ],
      containerStatuses: [cs({ name: 'web', state: { waiting: { reason: 'PodInitializing' } } })],
    }),
    want: ['init-pod', '0/1', 'Init:CrashLoopBackOff', '2 (15s ago)', '<unknown>'],
  },
  {
    name: 'Init:Error (terminated non-zero init container with a reason)',
    pod: pod('init-pod', withInit, {
      phase: 'Failed',
      initContainerStatuses: [
        cs({ name: 'init-a', state: { terminated: { exitCode: 1, reason: 'Error' } } }),
      ],
    }),
    want: ['init-pod', '0/1', 'Init:Error', '0', '<unknown>'],
  },
  {
    name: 'Init:ExitCode:2 (terminated init container without a reason)',
    pod: pod('init-pod', withInit, {
      phase: 'Pending',
      initContainerStatuses: [cs({ name: 'init-a', state: { terminated: { exitCode: 2 } } })],
    }),
    want: ['init-pod', '0/1', 'Init:ExitCode:2', '0', '<unknown>'],
  },
  {
    name: 'Init:Signal:9',
    pod: pod('init-pod', withInit, {
      phase: 'Pending',
      initContainerStatuses: [cs({ name: 'init-a', state: { terminated: { exitCode: 137, signal: 9 } } })],
    }),
    want: ['init-pod', '0/1', 'Init:Signal:9', '0', '<unknown>'],
  },
  {
    name: 'PodInitializing: all init containers done, app container still waiting',
    pod: pod('init-pod', withInit, {
      phase: 'Pending',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [
        cs({ name: 'init-a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }),
        cs({ name: 'init-b', state: { terminated: { exitCode: 0, reason: 'Completed' } } }),
      ],
      containerStatuses: [cs({ name: 'web', state: { waiting: { reason: 'PodInitializing' } } })],
    }),
    want: ['init-pod', '0/1', 'PodInitializing', '0', '<unknown>'],
  },
  {
    name: 'Signal:15 for an app container terminated without a reason',
    pod: pod('web-0', web, {
      phase: 'Failed',
      containerStatuses: [cs({ name: 'web', state: { terminated: { exitCode: 143, signal: 15 } } })],
    }),
    want: ['web-0', '0/1', 'Signal:15', '0', '<unknown>'],
  },
  {
    name: 'OOMKilled',
    pod: pod('web-0', web, {
      phase: 'Running',
      containerStatuses: [
        cs({
          name: 'web',
          restartCount: 1,
          state: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: ago(1) } },
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: ago(65) } },
        }),
      ],
    }),
    want: ['web-0', '0/1', 'OOMKilled', '1 (65s ago)', '<unknown>'],
  },
  {
    name: 'Unknown: deleted pod whose status.reason is NodeLost',
    pod: pod('web-0', web, { phase: 'Running', reason: 'NodeLost' }, deleted),
    want: ['web-0', '0/1', 'Unknown', '0', '<unknown>'],
  },
  {
    name: 'Evicted: status.reason of a failed pod',
    pod: pod('web-0', web, { phase: 'Failed', reason: 'Evicted' }),
    want: ['web-0', '0/1', 'Evicted', '0', '<unknown>'],
  },
  {
    name: 'Pending with no statuses (unschedulable): phase',
    pod: pod('web-0', web, {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
    }),
    want: ['web-0', '0/1', 'Pending', '0', '<unknown>'],
  },
  {
    name: 'restart of a never-finished container prints the bare count',
    pod: pod('web-0', web, {
      phase: 'Running',
      containerStatuses: [cs({ name: 'web', ready: true, restartCount: 2, state: running })],
    }),
    want: ['web-0', '1/1', 'Running', '2', '<unknown>'],
  },
]

describe('podRow (printers.go printPod)', () => {
  describe.each([
    ['TestPrintPod', TestPrintPod, false],
    ['TestPrintPodWithRestartableInitContainer', TestPrintPodWithRestartableInitContainer, false],
    ['TestPrintPodwide', TestPrintPodwide, true],
    ['TestPrintPodConditions', TestPrintPodConditions, false],
    ['further printPod branches (reference D1)', moreCases, false],
  ] as const)('%s', (_suite, cases, wide) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expect(podRow(c.pod, NOW, { wide })).toEqual(c.want)
    })
  })

  it('AGE is the HumanDuration of now − creationTimestamp', () => {
    const p = pod('a', web, { phase: 'Running' }, { creationTimestamp: ago(3 * 3600 + 1800) })
    expect(podRow(p, NOW)[4]).toBe('3h30m')
  })
})
