import type { Event, Node } from 'kubernetes-types/core/v1'
import { describe, expect, it } from 'vitest'
import { eventRow, nodeRow } from './rows'

const NOW = Date.parse('2026-01-01T01:00:00Z')

describe('nodeRow (printers.go printNode; printers_test.go TestPrintNodeStatus, TestPrintNodeRole, TestPrintNodeOSImage)', () => {
  const node = (n: Partial<Node>): Node => ({ metadata: { name: 'foo' }, ...n })
  it.each<[string, Node, string]>([
    ['Ready', node({ status: { conditions: [{ type: 'Ready', status: 'True' }] } }), 'Ready'],
    [
      'NotReady when False',
      node({ status: { conditions: [{ type: 'Ready', status: 'False' }] } }),
      'NotReady',
    ],
    [
      'NotReady when Unknown',
      node({ status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } }),
      'NotReady',
    ],
    ['Unknown without a Ready condition', node({ status: {} }), 'Unknown'],
    [
      'Ready,SchedulingDisabled',
      node({ spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'True' }] } }),
      'Ready,SchedulingDisabled',
    ],
    ['Unknown,SchedulingDisabled', node({ spec: { unschedulable: true } }), 'Unknown,SchedulingDisabled'],
  ])('STATUS %s', (_n, n, want) => {
    expect(nodeRow(n, NOW)[1]).toBe(want)
  })

  it('ROLES: sorted node-role.kubernetes.io/ suffixes and kubernetes.io/role, or <none>', () => {
    const labels = { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'node' } // prettier-ignore
    expect(nodeRow(node({ metadata: { name: 'foo', labels } }), NOW)[2]).toBe('control-plane,node,worker')
    expect(nodeRow(node({}), NOW)[2]).toBe('<none>')
  })

  it('wide columns: first InternalIP/ExternalIP, <unknown> for empty node info (TestPrintNodeExternalIP)', () => {
    const n = node({
      status: {
        addresses: [
          { type: 'ExternalIP', address: '2.2.2.2' },
          { type: 'InternalIP', address: '3.3.3.3' },
          { type: 'ExternalIP', address: '4.4.4.4' },
        ],
      },
    })
    expect(nodeRow(n, NOW, { wide: true })).toEqual(['foo', 'Unknown', '<none>', '<unknown>', '', '3.3.3.3', '2.2.2.2', '<unknown>', '<unknown>', '<unknown>']) // prettier-ignore
  })
})

describe('eventRow (printers.go printEvent)', () => {
  const base: Event = {
    metadata: { name: 'web-0.18a2b3c4d5e6f708', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web-0', fieldPath: 'spec.containers{web}' },
    reason: 'BackOff',
    type: 'Warning',
    message: 'Back-off restarting failed container web in pod web-0_default(uid)\n',
    source: { component: 'kubelet', host: 'node-1' },
    firstTimestamp: '2026-01-01T00:50:00Z',
    lastTimestamp: '2026-01-01T00:59:30Z',
    count: 7,
  }
  it('LAST SEEN is lastTimestamp; OBJECT is kind/name lowercased; message trimmed', () => {
    expect(eventRow(base, NOW)).toEqual(['30s', 'Warning', 'BackOff', 'pod/web-0', 'Back-off restarting failed container web in pod web-0_default(uid)']) // prettier-ignore
  })
  it('wide: SUBOBJECT, SOURCE "component, host", FIRST SEEN, COUNT, NAME', () => {
    expect(eventRow(base, NOW, { wide: true }).slice(4)).toEqual(['spec.containers{web}', 'kubelet, node-1', 'Back-off restarting failed container web in pod web-0_default(uid)', '10m', '7', 'web-0.18a2b3c4d5e6f708']) // prettier-ignore
  })
  it('series events use series.lastObservedTime and series.count; eventTime stands in for firstTimestamp', () => {
    const e: Event = { ...base, firstTimestamp: undefined, lastTimestamp: undefined, count: undefined, eventTime: '2026-01-01T00:58:00.000000Z', series: { count: 4, lastObservedTime: '2026-01-01T00:59:50.000000Z' }, source: {}, reportingComponent: 'kubelet', reportingInstance: 'node-1' } // prettier-ignore
    const row = eventRow(e, NOW, { wide: true })
    expect([row[0], row[5], row[7], row[8]]).toEqual(['10s', 'kubelet, node-1', '2m', '4'])
  })
  it('singleton events without count print COUNT 1', () => {
    expect(eventRow({ ...base, count: undefined }, NOW, { wide: true })[8]).toBe('1')
  })
})
