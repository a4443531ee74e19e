import { describe, expect, it } from 'vitest'
import { CONTAINER_KEYS, PROBE_KINDS, RUN_KEYS } from '../../engine/container/behavior'
import { behaviorContext, containerNames, docFor, keysFor } from './behavior-context'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    kubeplay.dev/behavior: |
      web:
        startSeconds: 20
        probes:
          readiness: {fail: [[30, 60]]}
        runs:
          - exit: {after: 3, code: 1}

spec:
  initContainers:
    - name: init
      image: busybox
  containers:
    - image: nginx
      name: web
    - name: "side"
      image: redis
`.split('\n')

/** The line index of the first line that contains `text`. */
const lineOf = (text: string): number => POD.findIndex((l) => l.includes(text))

describe('behaviorContext', () => {
  it('finds the enclosing keys from the indentation', () => {
    expect(behaviorContext(POD, lineOf('web:'), 6)?.path).toEqual([])
    expect(behaviorContext(POD, lineOf('startSeconds'), 8)?.path).toEqual(['web'])
    expect(behaviorContext(POD, lineOf('readiness'), 10)?.path).toEqual(['web', 'probes'])
    expect(behaviorContext(POD, lineOf('- exit'), 12)?.path).toEqual(['web', 'runs'])
    // The blank line at the end of the block, written at the container's keys' indentation.
    expect(behaviorContext(POD, lineOf('- exit') + 1, 8)?.path).toEqual(['web'])
  })

  it('lists the keys already written at the level', () => {
    expect(behaviorContext(POD, lineOf('- exit') + 1, 8)?.siblings).toEqual([
      'startSeconds',
      'probes',
      'runs',
    ])
  })

  it('is null outside the block', () => {
    expect(behaviorContext(POD, lineOf('name: web'), 2)).toBeNull()
    expect(behaviorContext(POD, lineOf('initContainers'), 2)).toBeNull()
    expect(behaviorContext(POD, lineOf('kubeplay.dev/behavior'), 4)).toBeNull()
    // Back at the annotation key's indentation: a new annotation, not the block.
    expect(behaviorContext(POD, lineOf('- exit') + 1, 4)).toBeNull()
  })

  it('finds the containers and init containers of the object, however each item is written', () => {
    expect(containerNames(POD, lineOf('kubeplay'))).toEqual(['init', 'web', 'side'])
  })

  it('stops at the document boundary', () => {
    const two = ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: other', '---', ...POD]
    expect(containerNames(two, 6 + lineOf('kubeplay'))).toEqual(['init', 'web', 'side'])
  })
})

describe('keysFor', () => {
  it('offers what the engine reads at each level', () => {
    const keys = (path: string[]): string[] => keysFor(path, ['web']).map((k) => k.key)
    expect(keys([])).toEqual(['web'])
    expect(keys(['web'])).toEqual([...CONTAINER_KEYS])
    expect(keys(['web', 'runs'])).toEqual([...RUN_KEYS])
    expect(keys(['web', 'probes'])).toEqual([...PROBE_KINDS])
    expect(keys(['web', 'runs', 'probes', 'liveness'])).toEqual(['fail'])
    expect(keys(['web', 'exit'])).toEqual(['after', 'code'])
    expect(keys(['web', 'pull'])).toEqual([])
  })

  it('documents every key', () => {
    for (const path of [['web'], ['web', 'exit'], ['web', 'probes'], ['web', 'probes', 'startup']])
      for (const option of keysFor(path, ['web'])) expect(option.doc.length, option.key).toBeGreaterThan(20)
  })
})

describe('docFor', () => {
  it('says when a name is not a container of the object', () => {
    expect(docFor([], 'wbe', ['web'])).toBe('**wbe** is not a container of this object (web).')
    expect(docFor(['web'], 'oomAfter', ['web'])).toMatch(/OOMKilled/)
    expect(docFor(['web'], 'nonsense', ['web'])).toBeNull()
  })
})
