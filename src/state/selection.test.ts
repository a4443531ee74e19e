import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../worker/analyze'
import { inspectorCommand, inspectorTabs } from './selection'

describe('inspectorCommand', () => {
  it('asks kubectl what the inspector shows, in the object namespace', () => {
    const pod = { kind: 'Pod', namespace: 'shop', name: 'web-0' }
    expect(inspectorCommand(pod, 'describe')).toEqual(['describe', 'pod', 'web-0', '-n', 'shop'])
    expect(inspectorCommand(pod, 'yaml')).toEqual(['get', 'pod', 'web-0', '-n', 'shop', '-o', 'yaml'])
    expect(inspectorCommand(pod, 'logs')).toEqual(['logs', 'web-0', '-n', 'shop'])
    expect(inspectorCommand({ kind: 'Node', namespace: '', name: 'worker-1' }, 'describe')).toEqual([
      'describe',
      'node',
      'worker-1',
    ])
  })

  it('offers describe only for the kinds kubeplay describes, and logs only for pods', () => {
    expect(inspectorTabs('Pod')).toEqual(['describe', 'events', 'yaml', 'logs'])
    expect(inspectorTabs('Deployment')).toEqual(['describe', 'events', 'yaml'])
    expect(inspectorTabs('StatefulSet')).toEqual(['describe', 'events', 'yaml'])
    expect(inspectorTabs('ConfigMap')).toEqual(['events', 'yaml'])
  })

  it('finds the events of one object with a field selector kubectl understands', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx:1.27}]}
`
    const a = createAnalyzer()
    a.analyze(1, text, 0)
    const deploy = { kind: 'Deployment', namespace: 'default', name: 'web' }
    const out = a.kubectl(inspectorCommand(deploy, 'events'), 30)
    expect(out.stderr).toBe('')
    const rows = out.stdout.trimEnd().split('\n')
    expect(rows[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/)
    expect(rows.slice(1).every((r) => r.includes('deployment/web'))).toBe(true)
    expect(out.stdout).toContain('Scaled up replica set web-')
    const node = a.kubectl(inspectorCommand({ kind: 'Node', namespace: '', name: 'worker-1' }, 'events'), 30)
    expect(node.stdout.split('\n').slice(1).join('\n')).not.toContain('worker-2')
  })
})
