import { describe, expect, it } from 'vitest'
import { inspectorCommand } from './selection'

describe('inspectorCommand', () => {
  it('asks kubectl what the inspector shows, in the object namespace', () => {
    const pod = { kind: 'Pod' as const, namespace: 'shop', name: 'web-0' }
    expect(inspectorCommand(pod, 'describe')).toEqual(['describe', 'pod', 'web-0', '-n', 'shop'])
    expect(inspectorCommand(pod, 'yaml')).toEqual(['get', 'pod', 'web-0', '-n', 'shop', '-o', 'yaml'])
    expect(inspectorCommand(pod, 'logs')).toEqual(['logs', 'web-0', '-n', 'shop'])
    expect(inspectorCommand({ kind: 'Node', namespace: '', name: 'worker-1' }, 'describe')).toEqual([
      'describe',
      'node',
      'worker-1',
    ])
  })
})
