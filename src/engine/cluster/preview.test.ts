import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadManifests } from '../parse/loader'
import { previewCluster } from './preview'

const defaultScenario = readFileSync(new URL('../../ui/default-scenario.yaml', import.meta.url), 'utf8')

describe('previewCluster', () => {
  it('shows the default scenario on three nodes: 3 replicas of web, the probe pod, and the Service', () => {
    const { objects, diagnostics } = loadManifests(defaultScenario)
    expect(diagnostics).toEqual([])
    const view = previewCluster(objects)
    expect(view.nodes.map((n) => `${n.name} ${n.status}`)).toEqual([
      'worker-1 Ready',
      'worker-2 Ready',
      'worker-3 Ready',
    ])
    const web = view.pods.filter((p) => p.owner === 'Deployment/web')
    expect(web).toHaveLength(3)
    // Deployment pods are named <deployment>-<pod-template-hash>-<5 random safe characters>.
    for (const p of web)
      expect(p.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(new Set(web.map((p) => p.name.split('-')[1])).size).toBe(1)
    expect(view.pods.map((p) => p.name)).toContain('liveness-exec')
    expect(view.services).toMatchObject([{ name: 'web', endpoints: 3, ports: '80/TCP', type: 'ClusterIP' }])
    // Least-loaded placement spreads the four pods over all three nodes.
    expect(new Set(view.pods.map((p) => p.node)).size).toBe(3)
  })

  it('is deterministic for a seed', () => {
    const { objects } = loadManifests(defaultScenario)
    expect(previewCluster(objects, 5)).toEqual(previewCluster(objects, 5))
    expect(previewCluster(objects, 5).pods[0]!.name).not.toBe(previewCluster(objects, 6).pods[0]!.name)
  })

  it('uses declared Node objects instead of the default cluster and honours spec.nodeName', () => {
    const text = [
      'apiVersion: v1\nkind: Node\nmetadata: {name: big}\nstatus: {capacity: {cpu: "64", memory: 256Gi, pods: "2"}}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: pinned}\nspec: {nodeName: big, containers: [{name: a, image: x}, {name: b, image: y}]}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: lost}\nspec: {nodeName: nowhere, containers: [{name: a, image: x}]}',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {replicas: 2, template: {spec: {containers: [{name: a, image: x}]}}}',
    ].join('\n---\n')
    const view = previewCluster(loadManifests(text).objects)
    expect(view.nodes.map((n) => [n.name, n.cpu, n.maxPods])).toEqual([['big', '64', 2]])
    expect(view.pods.map((p) => [p.name, p.node, p.status, p.ready])).toEqual([
      ['pinned', 'big', 'Running', '2/2'],
      ['lost', 'nowhere', 'Pending', '1/1'],
      ['db-0', 'big', 'Running', '1/1'],
      ['db-1', null, 'Pending', '0/1'],
    ])
  })
})
