import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { deflateSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  decodeLink,
  encodeLink,
  fragmentFlags,
  isLinkFragment,
  LINK_FORMAT,
  MAX_DECODED_BYTES,
  MAX_LINK_CHARS,
  shareUrl,
  type SharedState,
} from './link'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')
const fixtureText = read('./testdata/web.yaml')

const b64url = (bytes: Uint8Array): string =>
  Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

describe('share links (DESIGN §5)', () => {
  it('round-trip any text, time, selection and view options, in URL-safe characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.integer({ min: 0, max: 86_400_000 }).map((ms) => ms / 1000),
        fc.option(fc.constantFrom('pod/default/web-0', 'node/worker-1', 'deployment/team/web'), {
          nil: undefined,
        }),
        fc.option(fc.record({ owners: fc.boolean(), ns: fc.array(fc.constantFrom('default', 'team')) }), {
          nil: undefined,
        }),
        (text, atS, select, view) => {
          const state: SharedState = { text, atS, ...(select ? { select } : {}), ...(view ? { view } : {}) }
          const fragment = encodeLink(state, 7)
          expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]*$/)
          expect(decodeLink(`#${fragment}`)).toEqual({
            ok: true,
            link: { format: LINK_FORMAT, engine: 7, ...state },
          })
        },
      ),
    )
  })

  it('gives a link under 1,000 characters for a typical 3-object scenario (issue 7 §1)', () => {
    const text = read('../ui/default-scenario.yaml')
    const url = shareUrl(
      'https://kubeplay.example/',
      { text, atS: 83, select: 'pod/default/liveness-exec' },
      1,
    )
    expect(url.length).toBeLessThan(1000)
  })

  it('keep only the base of the page URL', () => {
    expect(shareUrl('https://x.example/play/?embed#v1.old', { text: 'a', atS: 0 }, 1)).toMatch(
      /^https:\/\/x\.example\/play\/\?embed#v1\./,
    )
  })

  it('carry the embed and present flags after the payload, and read them before it too', () => {
    const fragment = encodeLink({ text: 'x', atS: 5, flags: ['present', 'embed'] }, 3)
    // Written in one order whatever the order asked, after the payload.
    expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]+&embed&present$/)
    expect(decodeLink(fragment)).toEqual({
      ok: true,
      link: { format: 1, engine: 3, text: 'x', atS: 5, flags: ['embed', 'present'] },
    })
    const bare = encodeLink({ text: 'x', atS: 5 }, 3)
    expect(bare).not.toContain('&')
    expect(decodeLink(`#present&${bare}`)).toMatchObject({
      ok: true,
      link: { text: 'x', flags: ['present'] },
    })
    expect(decodeLink(bare)).toEqual({ ok: true, link: { format: 1, engine: 3, text: 'x', atS: 5 } })
  })

  it('tell mode flags from the other parts of a fragment', () => {
    expect(fragmentFlags('#v1.abc&present&embed=1')).toEqual({ flags: ['present', 'embed'], rest: 'v1.abc' })
    expect(fragmentFlags('#embed')).toEqual({ flags: ['embed'], rest: '' })
    expect(fragmentFlags('#s=1.deflate:abc&t=83&embed')).toEqual({
      flags: ['embed'],
      rest: 's=1.deflate:abc&t=83',
    })
    expect(fragmentFlags('#v1.presentx&embedded')).toEqual({ flags: [], rest: 'v1.presentx&embedded' })
  })

  it('are told apart from other fragments', () => {
    expect(isLinkFragment('#v1.abc&present')).toBe(true)
    expect(isLinkFragment('#embed')).toBe(false)
    expect(isLinkFragment('#v1.abc')).toBe(true)
    expect(isLinkFragment('s=1.deflate:abc')).toBe(true)
    expect(isLinkFragment('#section-2')).toBe(false)
    expect(isLinkFragment('')).toBe(false)
  })
})

describe('links made by older formats open for ever (fixtures in testdata/links.json)', () => {
  const fixtures = JSON.parse(read('./testdata/links.json')) as {
    links: {
      url: string
      format: number
      engine: number | null
      atS: number
      select?: string
      flags?: string[]
    }[]
  }
  for (const f of fixtures.links) {
    it(`format ${f.format}: ${f.url.slice(0, 60)}…`, () => {
      const result = decodeLink(new URL(f.url).hash)
      expect(result).toEqual({
        ok: true,
        link: {
          format: f.format,
          engine: f.engine,
          text: fixtureText,
          atS: f.atS,
          ...(f.select ? { select: f.select } : {}),
          ...(f.flags ? { flags: f.flags } : {}),
        },
      })
    })
  }

  it('still open with mode flags added after them, and keep what they hold', () => {
    for (const f of fixtures.links) {
      const plain = decodeLink(new URL(f.url).hash)
      const flagged = decodeLink(`${new URL(f.url).hash}&embed`)
      expect(flagged.ok && plain.ok).toBe(true)
      if (!flagged.ok || !plain.ok) continue
      expect(flagged.link.flags).toEqual([...new Set([...(f.flags ?? []), 'embed'])])
      expect({ ...flagged.link, flags: undefined }).toEqual({ ...plain.link, flags: undefined })
    }
  })

  it('includes a fixture for the format this version writes', () => {
    // When LINK_FORMAT changes, a link of the new format must join the fixtures (and the old ones stay).
    const formats = new Set(fixtures.links.map((f) => f.format))
    expect(formats.has(LINK_FORMAT)).toBe(true)
  })
})

describe('broken and hostile links give a reason and never throw (issue 7 §1, issue 8)', () => {
  const good = encodeLink({ text: fixtureText, atS: 10 }, 1)

  it('truncated or mangled', () => {
    for (let cut = 3; cut < good.length; cut += 7) {
      const r = decodeLink(good.slice(0, cut))
      if (r.ok) expect(r.link.text).toBe(fixtureText)
      else expect(r.reason).toMatch(/^the link /)
    }
    expect(decodeLink('v1.<script>alert(1)</script>')).toEqual({
      ok: false,
      reason: 'the link holds characters a kubeplay link never has',
    })
    expect(decodeLink(`v1.${b64url(deflateSync(new TextEncoder().encode('no header')))}`)).toEqual({
      ok: false,
      reason: 'the link is damaged (it has no header)',
    })
    expect(
      decodeLink(`v1.${b64url(deflateSync(new TextEncoder().encode('{"e":1,"t":"soon"}\nx')))}`),
    ).toMatchObject({
      ok: false,
      reason: 'the link is damaged (its time is not a number of seconds)',
    })
    expect(
      decodeLink(
        `v1.${b64url(deflateSync(new TextEncoder().encode('{"e":1,"t":1,"sel":"<img src=x>"}\nx')))}`,
      ),
    ).toMatchObject({ ok: false, reason: 'the link is damaged (its selection is not kind/namespace/name)' })
    expect(
      decodeLink(
        `v1.${b64url(deflateSync(new TextEncoder().encode('{"e":1,"t":1,"o":{"__proto__x":{}}}\nx')))}`,
      ),
    ).toMatchObject({ ok: false, reason: 'the link is damaged (its view options are not readable)' })
  })

  it('a format from the future, and fragments that are not links', () => {
    expect(decodeLink('v9.AAAA')).toEqual({
      ok: false,
      reason: 'the link was made by a newer kubeplay (link format 9); this one reads formats up to 1',
    })
    expect(decodeLink('#about')).toEqual({ ok: false, reason: 'this is not a kubeplay link' })
  })

  it('oversized: refused before decoding', () => {
    const r = decodeLink(`v1.${'A'.repeat(MAX_LINK_CHARS + 1)}`)
    expect(r).toMatchObject({ ok: false })
    expect(!r.ok && r.reason).toMatch(/^the link is 4\.0 MB long/)
  })

  it('a decompression bomb stops at the size limit', () => {
    const bomb = deflateSync(new Uint8Array(MAX_DECODED_BYTES * 8), { level: 9 })
    expect(bomb.length).toBeLessThan(100_000)
    const r = decodeLink(`v1.${b64url(bomb)}`)
    expect(r).toEqual({
      ok: false,
      reason: 'the link expands to more than 2.1 MB, more than any scenario kubeplay accepts',
    })
  })

  it('arbitrary strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = decodeLink(s)
        expect(typeof r.ok).toBe('boolean')
      }),
      { numRuns: 2000 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeLink(`v1.${b64url(bytes)}`)
        expect(typeof r.ok).toBe('boolean')
      }),
      { numRuns: 2000 },
    )
  })
})
