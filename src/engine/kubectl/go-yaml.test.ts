import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { goYaml, resolvesToNonString, yamlKeyLess } from './go-yaml'

describe('goYaml (go-yaml v2 emitter, as kubectl -o yaml via sigs.k8s.io/yaml)', () => {
  it('prints a List like kubectl: sequences at the key indent, empty resourceVersion double-quoted', () => {
    const list = {
      apiVersion: 'v1',
      items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', labels: { app: 'web' } } }],
      kind: 'List',
      metadata: { resourceVersion: '' },
    }
    expect(goYaml(list)).toBe(
      [
        'apiVersion: v1',
        'items:',
        '- apiVersion: v1',
        '  kind: Pod',
        '  metadata:',
        '    labels:',
        '      app: web',
        '    name: web-0',
        'kind: List',
        'metadata:',
        '  resourceVersion: ""',
        '',
      ].join('\n'),
    )
  })

  it('double-quotes strings that YAML 1.1 would read as another type (go-yaml encode.go stringv)', () => {
    expect(
      goYaml({ a: '2026-01-01T00:00:00Z', b: '1', c: 'true', d: 'yes', e: '0x1F', f: '1e3', g: '1:20' }),
    ).toBe('a: "2026-01-01T00:00:00Z"\nb: "1"\nc: "true"\nd: "yes"\ne: "0x1F"\nf: "1e3"\ng: "1:20"\n')
    for (const s of ['10.244.0.5', 'web', 'v1.35.0', '1.2.3', 'Running'])
      expect(resolvesToNonString(s)).toBe(false)
  })

  it("single-quotes strings that cannot be plain (': ', leading indicators), doubling quotes", () => {
    expect(goYaml({ m: 'a: b', r: '*x', o: "it's: ok", p: '- x', q: '<none>' })).toBe(
      "m: 'a: b'\no: 'it''s: ok'\np: '- x'\nq: <none>\nr: '*x'\n",
    )
  })

  it('folds long scalars at the first space past column 80, continuing two spaces deeper (libyaml best_width)', () => {
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available.'
    const out = goYaml({ status: { conditions: [{ message, type: 'PodScheduled' }] } })
    expect(out).toBe(
      [
        'status:',
        '  conditions:',
        "  - message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
        "      }, 2 Insufficient cpu. preemption: 0/3 nodes are available.'",
        '    type: PodScheduled',
        '',
      ].join('\n'),
    )
    expect(parse(out)).toEqual({ status: { conditions: [{ message, type: 'PodScheduled' }] } })
  })

  it('writes multi-line strings as literal blocks', () => {
    expect(goYaml({ a: 'x\ny\n', b: 'x\ny' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\n')
  })

  it('prints empty collections in flow style and numbers/booleans/null bare', () => {
    expect(goYaml({ a: {}, b: [], c: 1, d: false, e: null })).toBe('a: {}\nb: []\nc: 1\nd: false\ne: null\n')
  })

  it('round-trips through the yaml package', () => {
    const v = {
      metadata: { annotations: { 'kubernetes.io/description': 'x: y # z', n: '007' }, name: 'a' },
      spec: { containers: [{ args: ['-c', 'sleep 5; exit 1'], command: ['sh'], name: 'c' }] },
    }
    expect(parse(goYaml(v))).toEqual(v)
  })

  it('orders keys like go-yaml keyList.Less (digit runs numerically, non-letters first)', () => {
    const keys = ['a10', 'a9', 'b', 'a.b', 'A']
    expect([...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual([
      'A',
      'a.b',
      'a9',
      'a10',
      'b',
    ])
  })
})

describe('goYaml keys', () => {
  it('double-quotes keys that YAML 1.1 reads as booleans, as go-yaml v2 does ("y", "n")', () => {
    expect(goYaml({ n: 1, y: 2 })).toBe('"n": 1\n"y": 2\n')
  })
})
