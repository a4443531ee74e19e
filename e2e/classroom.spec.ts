import { expect, fillTimeline, openApp, SEL, test } from './fixtures'

test('embed mode (?embed) shows the graph and the timeline, with no editor or top bar, and still scrubs', async ({
  page,
}) => {
  await page.goto('/?embed')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'embed')
  await expect(page.locator(SEL.node).first()).toBeVisible()
  await expect(page.locator(SEL.pod).first()).toBeVisible()
  await expect(page.locator(SEL.editor)).toHaveCount(0)
  await expect(page.locator('.topbar')).toHaveCount(0)
  await expect(page.getByRole('tab', { name: 'kubectl' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Scenario editor' })).toHaveCount(0)
  const slider = page.getByRole('slider', { name: 'Timeline' })
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  await slider.fill('60')
  await expect(page.locator('.cluster-graph')).toHaveAttribute('data-view-t', '60000')
  await page.screenshot({ path: '/tmp/shots-classroom/embed-1440.png' })
})

test('the embed flag also works in the fragment, next to a link payload', async ({ page }) => {
  await page.goto('/#embed')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await expect(page.locator(SEL.node).first()).toBeVisible()
  await expect(page.locator(SEL.editor)).toHaveCount(0)
})

test('presenter mode: the Present button hides the editor, enlarges the graph, and takes its keys', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { fullscreenCalls: number }
    w.fullscreenCalls = 0
    Element.prototype.requestFullscreen = function () {
      w.fullscreenCalls++
      return Promise.resolve()
    }
  })
  await openApp(page)
  await page.getByRole('button', { name: 'Present' }).click()
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'present')
  await expect(page.locator(SEL.editor)).toBeHidden()
  const podName = page.locator(`${SEL.pod} .pod-name`).first()
  await expect(podName).toBeVisible()
  const size = await podName.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  expect(size).toBeGreaterThanOrEqual(20)

  await page.locator('.graph-area').click({ position: { x: 5, y: 5 } })
  const speed = page.getByRole('combobox', { name: 'Speed' })
  await page.keyboard.press('5')
  await expect(speed).toHaveValue('64')
  await page.keyboard.press('1')
  await expect(speed).toHaveValue('0.25')
  await page.keyboard.press('3')
  await expect(speed).toHaveValue('4')

  const play = page.getByRole('button', { name: 'Play' })
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await page.keyboard.press(' ')
  await expect(play).toBeVisible()
  await page.keyboard.press(' ')
  await expect(pause).toBeVisible()
  await page.keyboard.press(' ')
  await expect(play).toBeVisible()

  const viewT = async (): Promise<number> =>
    Number(await page.locator('.cluster-graph').getAttribute('data-view-t'))
  // Paused, the graph shows the clock's last moment once that view arrives, a frame or two later: read
  // it when it holds still, or a step could seem to land on the view that was still on its way.
  let paused = -1
  await expect
    .poll(
      async () => {
        const before = paused
        paused = await viewT()
        return paused === before
      },
      { intervals: [250] },
    )
    .toBe(true)
  await page.keyboard.press('ArrowRight')
  // The step lands on the next event: wait for the graph to show it before reading it.
  await expect.poll(viewT).toBeGreaterThan(paused)
  const after = await viewT()
  await page.keyboard.press('ArrowRight')
  await expect
    .poll(async () => Number(await page.locator('.cluster-graph').getAttribute('data-view-t')))
    .toBeGreaterThan(after)
  await page.keyboard.press('ArrowLeft')
  await expect(page.locator('.cluster-graph')).toHaveAttribute('data-view-t', String(after))

  await page.keyboard.press('f')
  expect(await page.evaluate(() => (window as unknown as { fullscreenCalls: number }).fullscreenCalls)).toBe(
    1,
  )
  await page.screenshot({ path: '/tmp/shots-classroom/present.png' })

  await page.keyboard.press('Escape')
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'full')
  await expect(page.locator(SEL.editor)).toBeVisible()
})

test('?present with "Pause at important events" stops at the liveness failure and explains it', async ({
  page,
}) => {
  await page.goto('/?present')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'present')
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  await page.getByRole('slider', { name: 'Timeline' }).fill('0')
  await page.getByRole('checkbox', { name: 'Pause at important events' }).check()
  await page.locator('.graph-area').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('5')
  await page.keyboard.press(' ')
  const caption = page.getByTestId('presenter-caption')
  await expect(caption).toBeVisible({ timeout: 15_000 })
  await expect(caption).toContainText('liveness probe failed')
  await expect(caption).toContainText('liveness-exec')
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  const t = Number(await page.locator('.cluster-graph').getAttribute('data-view-t'))
  expect(t).toBeGreaterThan(20_000)
  expect(t).toBeLessThan(60_000)
  await page.screenshot({ path: '/tmp/shots-classroom/present-caption.png' })
  // Playing on stops at the next important moment, later on.
  await page.keyboard.press(' ')
  await expect(page.getByTestId('clock')).not.toHaveText('t = 35s', { timeout: 15_000 })
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 })
  await expect(caption).toBeVisible()
  await expect(caption).not.toContainText('t = 35s')
})

test('Export: the frame as an SVG that parses and names the pods, and as a PNG that loads', async ({
  page,
}) => {
  await openApp(page)
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  await fillTimeline(page, 20)
  await expect(page.locator('.cluster-graph')).toHaveAttribute('data-view-t', '20000')
  const names = await page
    .locator(`${SEL.pod}`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))
  expect(names.length).toBeGreaterThan(0)

  await page.getByText('Export', { exact: true }).click()
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Frame as SVG' }).click(),
  ])
  expect(svgDownload.suggestedFilename()).toBe('kubeplay-t20s.svg')
  const svgText = await (await import('node:fs/promises')).readFile((await svgDownload.path())!, 'utf8')
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return {
      root: doc.documentElement.nodeName,
      error: doc.querySelector('parsererror') !== null,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      pods: doc.querySelectorAll('[data-kind="Pod"]').length,
    }
  }, svgText)
  expect(parsed.root).toBe('svg')
  expect(parsed.error).toBe(false)
  for (const n of names) expect(parsed.texts).toContain(n)
  expect(parsed.pods).toBe(names.length)

  await page.getByText('Export', { exact: true }).click()
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Frame as PNG' }).click(),
  ])
  expect(pngDownload.suggestedFilename()).toBe('kubeplay-t20s.png')
  await pngDownload.saveAs('/tmp/shots-classroom/frame.png')
  const png = await (await import('node:fs/promises')).readFile((await pngDownload.path())!)
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const width = await page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    return img.naturalWidth
  }, png.toString('base64'))
  expect(width).toBeGreaterThan(0)
})
