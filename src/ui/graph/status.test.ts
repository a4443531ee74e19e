import { describe, expect, it } from 'vitest'
import { middleEllipsis, namespaceHue, statusFamily } from './status'

describe('statusFamily', () => {
  it.each([
    ['Running', '1/1', 'ready'],
    ['Running', '0/1', 'not-ready'],
    ['NotReady', '0/1', 'not-ready'],
    ['Pending', '0/1', 'pending'],
    ['ContainerCreating', '0/1', 'pending'],
    ['PodInitializing', '0/1', 'pending'],
    ['Init:1/2', '0/1', 'pending'],
    ['Init:CrashLoopBackOff', '0/1', 'failing'],
    ['Init:Error', '0/1', 'failing'],
    ['CrashLoopBackOff', '0/1', 'failing'],
    ['OOMKilled', '0/1', 'failing'],
    ['ImagePullBackOff', '0/1', 'failing'],
    ['ExitCode:3', '0/1', 'failing'],
    ['Completed', '0/1', 'completed'],
    ['Terminating', '1/1', 'terminating'],
    ['Unknown', '1/1', 'unknown'],
  ])('%s with READY %s is %s', (status, ready, family) => {
    expect(statusFamily(status, ready)).toBe(family)
  })
})

describe('namespaceHue', () => {
  it('is stable and differs between common namespaces', () => {
    expect(namespaceHue('default')).toBe(namespaceHue('default'))
    expect(namespaceHue('default')).not.toBe(namespaceHue('kube-system'))
    // Never a status hue: orange/vermillion (20–50), bluish green (150–180), Completed blue (≈205),
    // Unknown pink (≈327).
    const common = ['default', 'kube-system', 'prod', 'dev', 'shop', 'staging', 'monitoring']
    for (const ns of common) {
      const h = namespaceHue(ns)
      expect(
        (h >= 20 && h <= 50) || (h >= 150 && h <= 180) || Math.abs(h - 205) < 8 || Math.abs(h - 327) < 10,
      ).toBe(false)
    }
    // The common namespaces are told apart.
    expect(new Set(common.map(namespaceHue)).size).toBe(common.length)
  })
})

describe('middleEllipsis', () => {
  it('keeps short names and both ends of long ones', () => {
    expect(middleEllipsis('web-7b79fcd8b7-vbs99', 22)).toBe('web-7b79fcd8b7-vbs99')
    const short = middleEllipsis('a-very-long-deployment-name-7b79fcd8b7-vbs99', 22)
    expect(short).toBe('a-very-lon…cd8b7-vbs99')
    expect(short).toHaveLength(22)
  })
})
