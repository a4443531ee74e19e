import { describe, expect, it } from 'vitest'
import { formatLabels, matchesSelector, parseSelector } from './labels'

describe('formatLabels (apimachinery labels.FormatLabels)', () => {
  it('sorts by key and joins with commas', () => {
    expect(formatLabels({ tier: 'db', app: 'web' })).toBe('app=web,tier=db')
  })
  it('prints <none> for no labels', () => {
    expect(formatLabels({})).toBe('<none>')
    expect(formatLabels(undefined)).toBe('<none>')
  })
})

describe('label selectors (apimachinery labels.Parse semantics)', () => {
  const labels = { app: 'web', env: 'prod' }
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['env in (prod,staging)', true],
    ['env in (dev)', false],
    ['env notin (dev, staging)', true],
    ['env notin (prod)', false],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web,env in (prod)', true],
    ['app=web,env=dev', false],
    ['', true],
  ])('%s → %s', (sel, want) => {
    const reqs = parseSelector(sel)
    expect(reqs).not.toBeNull()
    expect(matchesSelector(reqs!, labels)).toBe(want)
  })

  it.each(['app=we b', '=web', 'env in prod', 'a,,b', 'app=web!'])('rejects %j', (sel) => {
    expect(parseSelector(sel)).toBeNull()
  })
})
