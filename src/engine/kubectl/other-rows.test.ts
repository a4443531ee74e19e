import type {
  ConfigMap,
  Endpoints,
  PersistentVolumeClaim,
  ResourceQuota,
  Service,
} from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import { describe, expect, it } from 'vitest'
import { configMapRow, endpointSliceRow, endpointsRow, otherRow, pvcRow, resourceQuotaRow, secretRow, serviceRow } from './other-rows' // prettier-ignore
import { EPOCH } from './testdata/fixtures'

// Cases from kubernetes/kubernetes pkg/printers/internalversion/printers_test.go.
const NOW = EPOCH + 3_600_000
const ts = (offsetMs: number) => new Date(NOW + offsetMs).toISOString()
const SOON = ts(1900)

describe('printService (TestPrintServiceLoadBalancer, TestPrintServiceList)', () => {
  const lb = (
    name: string,
    ip: string,
    ports: [number, string][],
    ingress: { ip?: string; hostname?: string }[],
    selector?: Record<string, string>,
  ): Service => ({
    // prettier-ignore
    metadata: { name },
    spec: { clusterIPs: [ip], type: 'LoadBalancer', ports: ports.map(([port, protocol]) => ({ port, protocol })), selector }, // prettier-ignore
    status: { loadBalancer: { ingress } },
  })
  it.each<[string, Service, boolean, string[]]>([
    ['multiple external IPs', lb('service1', '1.2.3.4', [[80, 'TCP']], [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }]), false, ['service1', 'LoadBalancer', '1.2.3.4', '2.3.4.5,3.4.5.6', '80/TCP', '<unknown>']], // prettier-ignore
    ['pending external IP', lb('service2', '1.3.4.5', [[80, 'TCP'], [8090, 'UDP'], [8000, 'TCP'], [7777, 'SCTP']], []), false, ['service2', 'LoadBalancer', '1.3.4.5', '<pending>', '80/TCP,8090/UDP,8000/TCP,7777/SCTP', '<unknown>']], // prettier-ignore
    ['multiple ports', lb('service3', '1.4.5.6', [[80, 'TCP'], [8090, 'UDP'], [8000, 'TCP']], [{ ip: '2.3.4.5' }]), false, ['service3', 'LoadBalancer', '1.4.5.6', '2.3.4.5', '80/TCP,8090/UDP,8000/TCP', '<unknown>']], // prettier-ignore
    ['long external IP list elided', lb('service4', '1.5.6.7', [[80, 'TCP'], [8090, 'UDP'], [8000, 'TCP']], [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }]), false, ['service4', 'LoadBalancer', '1.5.6.7', '2.3.4.5,3.4.5...', '80/TCP,8090/UDP,8000/TCP', '<unknown>']], // prettier-ignore
    ['wide: not elided, selector', lb('service4', '1.5.6.7', [[80, 'TCP'], [8090, 'UDP'], [8000, 'TCP']], [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }], { foo: 'bar' }), true, ['service4', 'LoadBalancer', '1.5.6.7', '2.3.4.5,3.4.5.6,5.6.7.8', '80/TCP,8090/UDP,8000/TCP', '<unknown>', 'foo=bar']], // prettier-ignore
    ['TestPrintServiceList service1', { metadata: { name: 'service1' }, spec: { type: 'ClusterIP', ports: [{ protocol: 'tcp', port: 2233 }], clusterIPs: ['10.9.8.7'] } }, false, ['service1', 'ClusterIP', '10.9.8.7', '<none>', '2233/tcp', '<unknown>']], // prettier-ignore
    ['TestPrintServiceList service2', { metadata: { name: 'service2' }, spec: { type: 'NodePort', ports: [{ protocol: 'udp', port: 5566 }], clusterIPs: ['1.2.3.4'] } }, false, ['service2', 'NodePort', '1.2.3.4', '<none>', '5566/udp', '<unknown>']], // prettier-ignore
    ['nodePort shown as port:nodePort', { metadata: { name: 'np' }, spec: { type: 'NodePort', ports: [{ protocol: 'TCP', port: 80, nodePort: 30080 }], clusterIPs: ['10.96.0.10'] } }, false, ['np', 'NodePort', '10.96.0.10', '<none>', '80:30080/TCP', '<unknown>']], // prettier-ignore
    ['headless, no ports', { metadata: { name: 'h' }, spec: { type: 'ClusterIP', clusterIPs: ['None'] } }, true, ['h', 'ClusterIP', 'None', '<none>', '<none>', '<unknown>', '<none>']], // prettier-ignore
  ])('%s', (_, svc, wide, cells) => expect(serviceRow(svc, NOW, { wide })).toEqual(cells))
})

describe('printEndpoints (TestPrintEndpoint)', () => {
  const ep = (name: string, created: string, subsets?: Endpoints['subsets']): Endpoints => ({ metadata: { name, creationTimestamp: created }, subsets }) // prettier-ignore
  const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }))
  it.each<[string, Endpoints, string[]]>([
    ['no IPs', ep('endpoint1', SOON), ['endpoint1', '<none>', '0s']],
    ['no ports', ep('endpoint3', ts(-300_000), [{ addresses: addrs('1.2.3.4', '5.6.7.8') }]), ['endpoint3', '1.2.3.4,5.6.7.8', '5m']], // prettier-ignore
    ['two IPs and one port', ep('endpoint2', SOON, [{ addresses: addrs('1.2.3.4', '5.6.7.8'), ports: [{ port: 8001, protocol: 'TCP' }] }]), ['endpoint2', '1.2.3.4:8001,5.6.7.8:8001', '0s']], // prettier-ignore
    ['more than three: + N more...', ep('endpoint2', SOON, [{ addresses: addrs('1.2.3.4', '5.6.7.8', '9.8.7.6', '6.6.6.6'), ports: [{ port: 8001, protocol: 'TCP' }] }]), ['endpoint2', '1.2.3.4:8001,5.6.7.8:8001,9.8.7.6:8001 + 1 more...', '0s']], // prettier-ignore
    ['only notReadyAddresses: empty cell', ep('nr', SOON, [{ notReadyAddresses: addrs('10.0.0.1'), ports: [{ port: 80 }] }]), ['nr', '', '0s']], // prettier-ignore
  ])('%s', (_, obj, cells) => expect(endpointsRow(obj, NOW)).toEqual(cells))
})

describe('printEndpointSlice (TestPrintEndpointSlice)', () => {
  const slice = (
    name: string,
    created: string,
    addressType: string,
    ports: [string, number][],
    endpoints: string[][],
  ): EndpointSlice => ({
    // prettier-ignore
    metadata: { name, creationTimestamp: created },
    addressType,
    ports: ports.map(([n, port]) => ({ name: n, port, protocol: 'TCP' })),
    endpoints: endpoints.map((addresses) => ({ addresses })),
  })
  it.each<[string, EndpointSlice, string[]]>([
    ['abcslice.123', slice('abcslice.123', SOON, 'IPv4', [['http', 80]], [['10.1.2.3', '2001:db8::1234:5678']]), ['abcslice.123', 'IPv4', '80', '10.1.2.3,2001:db8::1234:5678', '0s']], // prettier-ignore
    ['longerslicename.123', slice('longerslicename.123', ts(-300_000), 'IPv6', [['http', 80], ['https', 443]], [['10.1.2.3', '2001:db8::1234:5678'], ['10.2.3.4', '2001:db8::2345:6789']]), ['longerslicename.123', 'IPv6', '80,443', '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...', '5m']], // prettier-ignore
    ['multiportslice.123', slice('multiportslice.123', ts(-300_000), 'IPv4', [['http', 80], ['https', 443], ['extra1', 3000], ['extra2', 3001]], [['10.1.2.3', '2001:db8::1234:5678'], ['10.2.3.4', '2001:db8::2345:6789']]), ['multiportslice.123', 'IPv4', '80,443,3000 + 1 more...', '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...', '5m']], // prettier-ignore
    [
      'no endpoints: <unset>',
      slice('empty', SOON, 'IPv4', [], []),
      ['empty', 'IPv4', '<unset>', '<unset>', '0s'],
    ],
  ])('%s', (_, obj, cells) => expect(endpointSliceRow(obj, NOW)).toEqual(cells))
})

describe('printResourceQuota (newest order: NAME REQUEST LIMIT AGE)', () => {
  it('hard resources sorted, limits.* in LIMIT, used defaults to 0, quantities canonical', () => {
    const q: ResourceQuota = {
      metadata: { name: 'compute', creationTimestamp: ts(-120_000) },
      status: {
        hard: {
          pods: '10',
          'requests.cpu': '1',
          'requests.memory': '1Gi',
          'limits.cpu': '2',
          'limits.memory': '2Gi',
        },
        used: { pods: '3', 'requests.cpu': '500m', 'requests.memory': '512Mi', 'limits.cpu': '1000m' },
      },
    }
    expect(resourceQuotaRow(q, NOW)).toEqual([
      'compute',
      'pods: 3/10, requests.cpu: 500m/1, requests.memory: 512Mi/1Gi',
      'limits.cpu: 1/2, limits.memory: 0/2Gi',
      '2m',
    ])
  })
})

describe('printPersistentVolumeClaim (TestPrintPersistentVolumeClaim)', () => {
  const pvc = (
    name: string,
    spec: PersistentVolumeClaim['spec'],
    phase: string,
    modes: string[],
    storage: string,
  ): PersistentVolumeClaim => ({
    // prettier-ignore
    metadata: { name },
    spec,
    status: { phase, accessModes: modes, capacity: { storage } },
  })
  it.each<[string, PersistentVolumeClaim, string[]]>([
    ['test1 bound', pvc('test1', { volumeName: 'my-volume', volumeMode: 'Filesystem' }, 'Bound', ['ReadOnlyMany'], '4Gi'), ['test1', 'Bound', 'my-volume', '4Gi', 'ROX', '', '<unset>', '<unknown>', 'Filesystem']], // prettier-ignore
    ['test2 lost, no volume', pvc('test2', { volumeMode: 'Filesystem' }, 'Lost', ['ReadOnlyMany'], '4Gi'), ['test2', 'Lost', '', '', '', '', '<unset>', '<unknown>', 'Filesystem']], // prettier-ignore
    ['test4 storage class', pvc('test4', { volumeName: 'my-volume', storageClassName: 'my-scn', volumeMode: 'Filesystem' }, 'Pending', ['ReadWriteOnce'], '10Gi'), ['test4', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', '<unset>', '<unknown>', 'Filesystem']], // prettier-ignore
    ['test5 volumeAttributesClass, no mode', pvc('test5', { volumeName: 'my-volume', storageClassName: 'my-scn', volumeAttributesClassName: 'my-vacn' }, 'Pending', ['ReadWriteOnce'], '10Gi'), ['test5', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', 'my-vacn', '<unknown>', '<unset>']], // prettier-ignore
  ])('%s', (_, obj, cells) => expect(pvcRow(obj, NOW, { wide: true })).toEqual(cells))
})

describe('printConfigMap (TestPrintConfigMap), printSecret', () => {
  it.each<[string, ConfigMap, string[]]>([
    [
      'configmap1: no data',
      { metadata: { name: 'configmap1', creationTimestamp: SOON } },
      ['configmap1', '0', '0s'],
    ],
    ['configmap2: one entry', { metadata: { name: 'configmap2', creationTimestamp: SOON }, data: { foo: 'bar' } }, ['configmap2', '1', '0s']], // prettier-ignore
    ['configmap3: data + binaryData', { metadata: { name: 'configmap3', creationTimestamp: SOON }, data: { foo: 'bar' }, binaryData: { bin: 'YmluYXJ5' } }, ['configmap3', '2', '0s']], // prettier-ignore
  ])('%s', (_, obj, cells) => expect(configMapRow(obj, NOW)).toEqual(cells))
  it('secret: TYPE and key count', () => {
    expect(secretRow({ metadata: { name: 's', creationTimestamp: SOON }, type: 'Opaque', data: { a: 'eA==', b: 'eQ==' } }, NOW)).toEqual(['s', 'Opaque', '2', '0s']) // prettier-ignore
  })
})

describe('default tables for kinds without a printer', () => {
  it.each([
    ['built-in (DefaultTableConvertor): CREATED AT', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', creationTimestamp: '2026-01-01T00:00:00Z' } }, ['r', '2026-01-01T00:00:00Z']], // prettier-ignore
    ['CustomResource: AGE', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', creationTimestamp: ts(-60_000) } }, ['w', '60s']], // prettier-ignore
  ])('%s', (_, obj, cells) => expect(otherRow(obj, NOW)).toEqual(cells))
})
