import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'

/**
 * The Content-Security-Policy the built page applies (issue 8: "a strict Content-Security-Policy
 * verified in an e2e test"): what it says, and that Chromium enforces it against scripts injected
 * through DOM APIs, inline handlers, `javascript:` URLs, `eval` and requests to other origins.
 */

type Policy = Record<string, string[]>

async function appliedPolicy(page: Page): Promise<{ policy: Policy; metas: number; firstInHead: boolean }> {
  return page.evaluate(() => {
    const metas = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')]
    const content = metas[0]?.getAttribute('content') ?? ''
    const policy: Record<string, string[]> = {}
    for (const directive of content.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/)
      if (name) policy[name.toLowerCase()] = sources
    }
    return { policy, metas: metas.length, firstInHead: document.head.firstElementChild === metas[0] }
  })
}

interface Violation {
  readonly directive: string
  readonly blocked: string
}

/** Records every `securitypolicyviolation` the document sees, from its first script on. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: Violation[] }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    )
  })
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations)
const ran = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as Record<string, unknown>)[n], name)

test.describe('Content-Security-Policy', () => {
  test('the page applies a strict policy before any script', async ({ page }) => {
    await openApp(page)
    const { policy, metas, firstInHead } = await appliedPolicy(page)
    // A <meta> policy covers only what comes after it: it must be the first element of <head>.
    expect(metas).toBe(1)
    expect(firstInHead).toBe(true)

    expect(policy['default-src']).toEqual(["'self'"])
    // Scripts only from the page's own files: no inline script, no eval, no other origin, no data:/blob:.
    expect(policy['script-src']).toEqual(["'self'"])
    // The engine, Monaco's editor and YAML workers are files of the page (no blob: bootstrap is used).
    expect(policy['worker-src']).toEqual(["'self'"])
    expect(policy['connect-src']).toEqual(["'self'"])
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['frame-src']).toEqual(["'none'"])
    expect(policy['base-uri']).toEqual(["'none'"])
    expect(policy['form-action']).toEqual(["'none'"])
    // Monaco's widgets and React Flow set inline `style` attributes: styles (never scripts) allow them.
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    // Export draws the frame through data:/blob: images; Monaco's codicon font may come as data:.
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:'])
    expect(policy['font-src']).toEqual(["'self'", 'data:'])

    // No directive names another origin, a wildcard, or an escape hatch.
    const allowed = new Set(["'self'", "'none'", 'data:', 'blob:', "'unsafe-inline'"])
    for (const [name, sources] of Object.entries(policy)) {
      for (const s of sources) expect(allowed.has(s), `${name} ${s}`).toBe(true)
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'")
    }
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'")
    expect(Object.values(policy).flat()).not.toContain("'wasm-unsafe-eval'")
  })

  test.describe('enforced', () => {
    // Two or more patterns go in Playwright's [value, options] form: a bare array whose second item is
    // an object (a RegExp is one) would be read as that form.
    test.use({
      expectedConsoleErrors: [
        [
          /^Executing inline script violates the following Content Security Policy directive 'script-src 'self''/,
          /^Executing inline event handler violates the following Content Security Policy directive 'script-src 'self''/,
          /^Running the JavaScript URL violates the following Content Security Policy directive 'script-src 'self''/,
          /^Evaluating a string as JavaScript violates the following Content Security Policy directive because 'unsafe-eval' is not an allowed source of script/,
          /^Connecting to 'http:\/\/127\.0\.0\.2:9\/' violates the following Content Security Policy directive: "connect-src 'self'"/,
          /^Fetch API cannot load http:\/\/127\.0\.0\.2:9\/\. Refused to connect because it violates the document's Content Security Policy\.$/,
          /^Loading the script 'http:\/\/127\.0\.0\.2:9\/x\.js' violates the following Content Security Policy directive: "script-src 'self'"/,
        ],
        { scope: 'test' },
      ],
    })

    test('an injected inline script, an onerror handler, a javascript: URL and eval do not run', async ({
      page,
      watch,
    }) => {
      await recordViolations(page)
      await openApp(page)
      // Loading and simulating the default scenario trips nothing.
      expect(await violations(page)).toEqual([])

      await page.evaluate(() => {
        const s = document.createElement('script')
        s.textContent = 'window.__inlineRan = true'
        document.body.append(s)
      })
      await expect
        .poll(() => violations(page))
        .toContainEqual({ directive: 'script-src-elem', blocked: 'inline' })
      expect(await ran(page, '__inlineRan')).toBeUndefined()

      // An image that fails to load, with its handler in an attribute (the classic injection).
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const img = document.createElement('img')
            img.setAttribute('onerror', 'window.__handlerRan = true')
            img.addEventListener('error', () => resolve())
            img.src = 'data:image/png;base64,bm90IGFuIGltYWdl'
            document.body.append(img)
          }),
      )
      await expect
        .poll(() => violations(page))
        .toContainEqual({ directive: 'script-src-attr', blocked: 'inline' })
      expect(await ran(page, '__handlerRan')).toBeUndefined()

      // A javascript: link, clicked.
      await page.evaluate(() => {
        const a = document.createElement('a')
        a.href = 'javascript:window.__urlRan = true'
        a.textContent = 'x'
        document.body.append(a)
        a.click()
      })
      await expect
        .poll(async () => (await violations(page)).filter((v) => v.blocked === 'inline').length)
        .toBe(3)
      expect(await ran(page, '__urlRan')).toBeUndefined()

      // eval and its relatives throw or are dropped. They are tried from a task of the page's own:
      // code run by page.evaluate (the DevTools protocol) is exempt from the eval rule.
      const evals = await page.evaluate(
        () =>
          new Promise<Record<string, string>>((resolve) => {
            setTimeout(() => {
              const tries: Record<string, string> = {}
              try {
                tries.eval = String(eval('1 + 1'))
              } catch (e) {
                tries.eval = (e as Error).name
              }
              try {
                tries.Function = String(new Function('return 2')())
              } catch (e) {
                tries.Function = (e as Error).name
              }
              // A string timer is compiled like eval: it is refused and never runs.
              setTimeout('window.__timerRan = true' as unknown as () => void, 0)
              setTimeout(() => resolve(tries), 50)
            }, 0)
          }),
      )
      expect(evals).toEqual({ eval: 'EvalError', Function: 'EvalError' })
      await expect
        .poll(async () => (await violations(page)).filter((v) => v.blocked === 'eval').length)
        .toBeGreaterThanOrEqual(3)
      expect(await ran(page, '__timerRan')).toBeUndefined()

      // Another origin is out of reach for fetch and for scripts (and the fixture sees no request leave).
      const fetched = await page.evaluate(() =>
        fetch('http://127.0.0.2:9/').then(
          () => 'answered',
          (e: Error) => e.name,
        ),
      )
      expect(fetched).toBe('TypeError')
      await page.evaluate(() => {
        const s = document.createElement('script')
        s.src = 'http://127.0.0.2:9/x.js'
        document.body.append(s)
      })
      await expect
        .poll(() => violations(page))
        .toEqual(
          expect.arrayContaining([
            { directive: 'connect-src', blocked: 'http://127.0.0.2:9/' },
            { directive: 'script-src-elem', blocked: 'http://127.0.0.2:9/x.js' },
          ]),
        )
      // The script was stopped in the page (the fixture counts it as no request off the origin).
      await expect.poll(() => watch.blockedByPolicy).toEqual(['http://127.0.0.2:9/x.js'])
      // Every violation is one of the above.
      for (const v of await violations(page))
        expect(['inline', 'eval', 'http://127.0.0.2:9/', 'http://127.0.0.2:9/x.js']).toContain(v.blocked)
    })
  })
})
