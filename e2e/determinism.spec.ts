import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { analyzeScenario, logDigest, scenarioSeed, simulate } from '../src/engine'
import { expect, openApp, pasteIntoEditor, test } from './fixtures'

/**
 * DESIGN §2.1: the same scenario gives the same event log in Node and in Chromium. The page's worker
 * digests its log (window.kubeplay.logDigest); this process runs the same engine on the same text.
 */
function nodeDigest(text: string, untilMs: number): string {
  const { objects } = analyzeScenario(text)
  return logDigest(simulate(objects, { untilMs, seed: scenarioSeed(objects) }))
}

async function pageDigest(page: Page): Promise<{ digest: string; untilMs: number }> {
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  const d = await page.evaluate(() =>
    (
      window as unknown as { kubeplay: { logDigest(): Promise<{ digest: string; untilMs: number } | null> } }
    ).kubeplay.logDigest(),
  )
  expect(d).not.toBeNull()
  return d!
}

test('the worker in Chromium and the engine in Node give the same event log, before and after an edit', async ({
  page,
}) => {
  await openApp(page)
  const defaultText = readFileSync(new URL('../src/ui/default-scenario.yaml', import.meta.url), 'utf8')
  const first = await pageDigest(page)
  expect(first.digest).toBe(nodeDigest(defaultText, first.untilMs))

  // A gallery scenario pasted over it: the worker re-simulates from its previous timeline where it can.
  const lesson = readFileSync(
    new URL('../public/scenarios/readiness-endpoints.yaml', import.meta.url),
    'utf8',
  )
  await pasteIntoEditor(page, lesson, 'replace')
  await expect.poll(async () => (await pageDigest(page)).digest).not.toBe(first.digest)
  const second = await pageDigest(page)
  expect(second.digest).toBe(nodeDigest(lesson, second.untilMs))
})
