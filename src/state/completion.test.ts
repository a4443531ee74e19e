import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../worker/analyze'
import { complete } from './completion'

const objects = [
  { kind: 'Pod', namespace: 'default', name: 'web-7d4b9c-x2x7q' },
  { kind: 'Pod', namespace: 'default', name: 'web-7d4b9c-k9m2p' },
  { kind: 'Pod', namespace: 'default', name: 'liveness-exec' },
  { kind: 'Pod', namespace: 'shop', name: 'cart-0' },
  { kind: 'Deployment', namespace: 'default', name: 'web' },
  { kind: 'Node', namespace: '', name: 'worker-1' },
  { kind: 'Node', namespace: '', name: 'worker-2' },
  { kind: 'Namespace', namespace: '', name: 'default' },
  { kind: 'Namespace', namespace: '', name: 'shop' },
]
const tab = (line: string) => complete(line, line.length, objects)

describe('complete', () => {
  it('completes the verb and the resource type', () => {
    expect(tab('desc')).toMatchObject({ line: 'describe ', options: [] })
    expect(tab('kubectl g').line).toBe('kubectl get ')
    expect(tab('get deploy')).toMatchObject({ line: 'get deployments ', options: [] })
    const p = tab('get p')
    expect(p.line).toBe('get p')
    expect(p.options).toEqual(['persistentvolumeclaims', 'poddisruptionbudgets', 'pods'])
    expect(tab('get po').line).toBe('get pod')
    expect(tab('get pods').line).toBe('get pods ')
  })

  it('completes names of the type typed before, in the namespace asked for', () => {
    expect(tab('describe pod l').line).toBe('describe pod liveness-exec ')
    const web = tab('get pods w')
    expect(web.line).toBe('get pods web-7d4b9c-')
    expect(web.options).toEqual(['web-7d4b9c-k9m2p', 'web-7d4b9c-x2x7q'])
    expect(tab('get pods c').line).toBe('get pods c')
    expect(tab('get pods -n shop c').line).toBe('get pods -n shop cart-0 ')
    expect(tab('get pods -A c').line).toBe('get pods -A cart-0 ')
    expect(tab('describe deploy/').line).toBe('describe deploy/web ')
    expect(tab('describe node worker-').options).toEqual(['worker-1', 'worker-2'])
    expect(tab('describe node worker-1 worker-').line).toBe('describe node worker-1 worker-2 ')
    expect(tab('logs liv').line).toBe('logs liveness-exec ')
  })

  it('completes flag values and flags', () => {
    expect(tab('get pods -o w').line).toBe('get pods -o wide ')
    expect(tab('get pods -n s').line).toBe('get pods -n shop ')
    expect(tab('get pods --sh').line).toBe('get pods --show-labels ')
    expect(tab('get pods -l a').options).toEqual([])
  })

  it('completes in the middle of a line, leaving what follows', () => {
    const line = 'describe pod liv -n default'
    const c = complete(line, 'describe pod liv'.length, objects)
    expect(c.line).toBe('describe pod liveness-exec -n default')
    expect(c.caret).toBe('describe pod liveness-exec'.length)
  })

  it('knows every resource type kubectl in kubeplay answers', () => {
    const a = createAnalyzer()
    a.analyze(
      1,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: x}]}\n',
      0,
    )
    for (const type of tab('get ').options) expect(a.kubectl(['get', type], 10).stderr).not.toContain("doesn't have a resource type") // prettier-ignore
  })
})
