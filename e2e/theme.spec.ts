import type { Page } from '@playwright/test'
import { expect, fillTimeline, openApp, SEL, test } from './fixtures'

/** Pauses at `s` seconds, so both themes are taken of the same frame. */
async function pauseAt(page: Page, s: number): Promise<void> {
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  await fillTimeline(page, s)
  await expect(page.locator('.cluster-graph')).toHaveAttribute('data-view-t', String(s * 1000))
}

const REGIONS = {
  editor: '.editor-pane',
  graph: '.graph-area',
  dock: '.dock',
  timeline: '.timeline-bar',
} as const

/**
 * Mean relative luminance (0 black … 1 white) of each region of a screenshot, decoded by the browser in a
 * blank page of its own: what a reader sees, not what the style sheet says.
 */
async function luminances(page: Page, png: Buffer): Promise<Record<keyof typeof REGIONS, number>> {
  const boxes = {} as Record<keyof typeof REGIONS, { x: number; y: number; width: number; height: number }>
  for (const [name, selector] of Object.entries(REGIONS)) {
    const box = await page.locator(selector).first().boundingBox()
    expect(box, selector).not.toBeNull()
    boxes[name as keyof typeof REGIONS] = box!
  }
  const blank = await page.context().newPage()
  try {
    return await blank.evaluate(
      async ({ b64, boxes }) => {
        const img = new Image()
        img.src = `data:image/png;base64,${b64}`
        await img.decode()
        const out: Record<string, number> = {}
        for (const [name, b] of Object.entries(boxes)) {
          const canvas = document.createElement('canvas')
          canvas.width = Math.round(b.width)
          canvas.height = Math.round(b.height)
          const g = canvas.getContext('2d')!
          g.drawImage(img, -Math.round(b.x), -Math.round(b.y))
          const d = g.getImageData(0, 0, canvas.width, canvas.height).data
          let sum = 0
          for (let i = 0; i < d.length; i += 4)
            sum += (0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!) / 255
          out[name] = sum / (d.length / 4)
        }
        return out as Record<keyof typeof boxes, number>
      },
      { b64: png.toString('base64'), boxes },
    )
  } finally {
    await blank.close()
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`the main view in the ${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('every panel follows the theme the system asks for, and the frame is kept as a screenshot', async ({
      page,
    }, info) => {
      await openApp(page)
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
      await expect(page.locator(`${SEL.editor}.${scheme === 'dark' ? 'vs-dark' : 'vs'}`)).toBeVisible()
      await pauseAt(page, 40)
      await expect(page.locator(SEL.pod).first()).toBeVisible()
      const png = await page.screenshot({ path: info.outputPath(`main-view-${scheme}.png`) })
      await info.attach(`main view, ${scheme}`, { body: png, contentType: 'image/png' })
      const lum = await luminances(page, png)
      for (const [region, l] of Object.entries(lum)) {
        if (scheme === 'light') expect(l, `${region} is light`).toBeGreaterThan(0.75)
        else expect(l, `${region} is dark`).toBeLessThan(0.25)
      }
      // The page's own form controls and scroll bars follow too.
      const colorScheme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)
      expect(colorScheme).toBe(scheme)
    })
  })
}

test.describe('the theme switch', () => {
  test.use({ colorScheme: 'light' })

  test('switches every panel, editor included, and the choice outlives a reload', async ({ page }) => {
    await openApp(page)
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    await page.getByRole('button', { name: 'Switch to the dark theme' }).click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(page.locator(`${SEL.editor}.vs-dark`)).toBeVisible()
    const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    await page.reload()
    await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.getByRole('button', { name: 'Switch to the light theme' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    await expect(page.locator(`${SEL.editor}.vs`)).toBeVisible()
    const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    expect(light).not.toBe(dark)
  })
})

test.describe('a 1280×720 projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } })

  test('the editor folds away and comes back with its text; the legend folds and keeps out of the way', async ({
    page,
  }) => {
    await openApp(page)
    const graph = page.locator('.graph-area')
    const before = (await graph.boundingBox())!.width
    // The toolbar stays on one or two rows and the legend starts folded, so the cards stay clear of it.
    await expect(page.getByRole('button', { name: /^Legend/ })).toHaveAttribute('aria-expanded', 'false')
    await page.getByRole('button', { name: 'Hide editor' }).click()
    await expect(page.locator('#editor-pane')).toBeHidden()
    await expect.poll(async () => (await graph.boundingBox())!.width).toBeGreaterThan(before + 300)
    await expect(page.locator(SEL.node)).toHaveCount(3)
    await page.getByRole('button', { name: 'Show editor' }).click()
    await expect(page.locator(SEL.editor)).toBeVisible()
    await expect(page.locator(SEL.editor)).toContainText('kind: Deployment')
    await page.getByRole('button', { name: /^Legend/ }).click()
    await expect(page.getByRole('list', { name: 'Legend' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveCount(7)
  })
})
