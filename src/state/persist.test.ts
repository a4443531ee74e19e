import { describe, expect, it } from 'vitest'
import { encodeLink } from '../share/link'
import { AUTOSAVE_KEY, chooseStart, createPersistence, HISTORY_LIMIT, type KeyValueStore } from './persist'

/** A Web Storage stand-in with a byte quota, throwing as browsers do when it is exceeded. */
function memoryStore(quota = Infinity): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>()
  const size = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0)
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      const before = data.get(k)
      data.set(k, v)
      if (size() > quota) {
        if (before === undefined) data.delete(k)
        else data.set(k, before)
        throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
      }
    },
    removeItem: (k) => void data.delete(k),
  }
}

const DEFAULT = 'kind: Pod # the default scenario\n'

describe('autosave', () => {
  it('saves and loads the work', () => {
    const store = memoryStore()
    const p = createPersistence(() => store)
    expect(p.load()).toBeNull()
    expect(p.save({ text: 'a: 1', atS: 42, savedAt: 1 })).toBe('ok')
    expect(createPersistence(() => store).load()).toEqual({ text: 'a: 1', atS: 42, savedAt: 1 })
  })

  it('reports storage that is disabled or full, without throwing', () => {
    const disabled = createPersistence(() => {
      throw new Error('SecurityError: localStorage is disabled')
    })
    expect(disabled.load()).toBeNull()
    expect(disabled.save({ text: 'x', atS: 0, savedAt: 0 })).toBe('unavailable')
    expect(disabled.status()).toBe('unavailable')
    const full = createPersistence(() => memoryStore(100))
    expect(full.save({ text: 'x'.repeat(500), atS: 0, savedAt: 0 })).toBe('full')
    expect(full.status()).toBe('full')
  })

  it('ignores what it cannot read (another version, damaged JSON)', () => {
    const store = memoryStore()
    store.setItem(AUTOSAVE_KEY, '{"text": 3}')
    expect(createPersistence(() => store).load()).toBeNull()
    store.setItem(AUTOSAVE_KEY, '{oops')
    expect(createPersistence(() => store).load()).toBeNull()
  })
})

describe('snapshots', () => {
  it(`keeps the last ${HISTORY_LIMIT}, newest first, without repeating the newest text`, () => {
    const store = memoryStore()
    const p = createPersistence(() => store)
    for (let i = 0; i < 60; i++) p.snapshot({ name: `s${i}`, text: `t${i}`, savedAt: i })
    p.snapshot({ name: 'again', text: 't59', savedAt: 99 })
    const h = p.history()
    expect(h).toHaveLength(HISTORY_LIMIT)
    expect(h[0]!.name).toBe('s59')
    expect(h.at(-1)!.name).toBe('s10')
  })

  it('drops the oldest snapshots when storage is full, keeping the new one', () => {
    const store = memoryStore(2000)
    const p = createPersistence(() => store)
    for (let i = 0; i < 20; i++) p.snapshot({ name: `s${i}`, text: 'y'.repeat(80) + i, savedAt: i })
    const h = p.history()
    expect(h[0]!.name).toBe('s19')
    expect(h.length).toBeLessThan(20)
  })
})

describe('what the page opens with (issue 7 §1–2: a link never silently overwrites local work)', () => {
  const link = `#${encodeLink({ text: 'kind: Service\n', atS: 83 }, 1)}`
  const work = { text: 'kind: Deployment # mine\n', atS: 10, savedAt: 5 }

  it('a link with local work elsewhere: opens the link and offers the previous work back', () => {
    const start = chooseStart(link, work, DEFAULT)
    expect(start).toMatchObject({
      source: 'link',
      link: { text: 'kind: Service\n', atS: 83 },
      previous: work,
    })
  })

  it('a link when the autosave is the same text, or just the default: nothing to offer', () => {
    expect(chooseStart(link, { ...work, text: 'kind: Service\n' }, DEFAULT)).toMatchObject({ previous: null })
    expect(chooseStart(link, { ...work, text: DEFAULT }, DEFAULT)).toMatchObject({ previous: null })
  })

  it('a broken link keeps the autosaved work and says why', () => {
    expect(chooseStart(link.slice(0, 30), work, DEFAULT)).toEqual({
      source: 'autosave',
      saved: work,
      brokenLink: 'the link is damaged or cut short (it does not decompress)',
    })
    expect(chooseStart('#v1.<svg onload=alert(1)>', null, DEFAULT)).toEqual({
      source: 'default',
      brokenLink: 'the link holds characters a kubeplay link never has',
    })
  })

  it('no link: the autosave, else the default; other fragments are not links', () => {
    expect(chooseStart('', work, DEFAULT)).toEqual({ source: 'autosave', saved: work, brokenLink: null })
    expect(chooseStart('#readme', null, DEFAULT)).toEqual({ source: 'default', brokenLink: null })
  })
})
