import { readFile, writeFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, fillTimeline, openApp, test } from './fixtures'

/** Export → Video (WebM)… (issue 7 §4): a time range recorded frame by frame, in a real Chromium. */

const SHOTS = '/tmp/shots-classroom2'

async function openVideoDialog(page: Page, atS: number) {
  await openApp(page)
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  await fillTimeline(page, atS)
  await expect(page.locator('.cluster-graph')).toHaveAttribute('data-view-t', String(atS * 1000))
  await page.getByText('Export', { exact: true }).click()
  await page.getByRole('menuitem', { name: 'Video (WebM)…' }).click()
  const d = page.getByRole('dialog', { name: 'Export a video (WebM)' })
  await expect(d).toBeVisible()
  return d
}

test('a short range becomes a WebM file that a video element plays for the planned duration', async ({
  page,
}) => {
  const d = await openVideoDialog(page, 20)
  // Defaults: from the cursor, 30 s of simulated time.
  await expect(d.getByLabel('From (s)')).toHaveValue('20')
  await expect(d.getByLabel('To (s)')).toHaveValue('50')
  await d.getByLabel('To (s)').fill('28')
  await d.getByLabel('Speed').selectOption('4')
  // 8 s at 4× is 2 s of video: 60 steps of 4/30 s, 61 frames.
  await expect(d.getByTestId('video-plan')).toHaveText('61 frames: a video of 2.0 s.')
  await page.screenshot({ path: `${SHOTS}/video-dialog-light.png` })

  const downloading = page.waitForEvent('download', { timeout: 30_000 })
  await d.getByRole('button', { name: 'Record' }).click()
  await expect(d.getByTestId('video-progress')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/video-progress-light.png` })
  const download = await downloading
  expect(download.suggestedFilename()).toBe('kubeplay-t20s-28s.webm')
  await expect(d.getByRole('status')).toContainText('Saved kubeplay-t20s-28s.webm')
  const bytes = await readFile((await download.path())!)
  // EBML magic (the WebM / Matroska header), and more than a header's worth of frames.
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3])
  expect(bytes.length).toBeGreaterThan(10_000)

  // Played in a blank page of its own: the app's Content-Security-Policy allows no media.
  const blank = await page.context().newPage()
  const decoded = await blank.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const video = document.createElement('video')
    video.muted = true
    video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }))
    await new Promise((resolve, reject) => {
      video.onloadedmetadata = resolve
      video.onerror = () => reject(new Error(`video error ${video.error?.code}`))
    })
    // A recorded WebM does not say its duration up front: seeking to the end makes the browser find it.
    if (!Number.isFinite(video.duration)) {
      await new Promise((resolve) => {
        video.ondurationchange = () => Number.isFinite(video.duration) && resolve(null)
        video.currentTime = 1e7
      })
    }
    // A frame from the middle: the cluster's picture, not a blank.
    await new Promise((resolve) => {
      video.onseeked = resolve
      video.currentTime = 1
    })
    const canvas = document.createElement('canvas')
    canvas.width = video.videoWidth
    canvas.height = video.videoHeight
    const g = canvas.getContext('2d')!
    g.drawImage(video, 0, 0)
    const px = g.getImageData(0, 0, canvas.width, canvas.height).data
    const colours = new Set<number>()
    for (let i = 0; i < px.length; i += 4 * 97)
      colours.add((px[i]! >> 4) * 256 + (px[i + 1]! >> 4) * 16 + (px[i + 2]! >> 4))
    return {
      duration: video.duration,
      width: video.videoWidth,
      height: video.videoHeight,
      colours: colours.size,
      png: canvas.toDataURL('image/png'),
    }
  }, bytes.toString('base64'))
  await blank.close()
  await writeFile(`${SHOTS}/video-frame.png`, Buffer.from(decoded.png.split(',')[1]!, 'base64'))
  expect(decoded.colours).toBeGreaterThan(8)
  expect(decoded.width).toBe(1280)
  expect(decoded.height).toBe(720)
  // 61 frames of 1/30 s each: the frames carry their own timestamps, whatever the time they took.
  expect(decoded.duration).toBeCloseTo(61 / 30, 1)
})

test('Cancel stops a recording without a download', async ({ page }) => {
  let downloads = 0
  page.on('download', () => downloads++)
  const d = await openVideoDialog(page, 0)
  await d.getByLabel('To (s)').fill('120')
  await d.getByLabel('Speed').selectOption('1')
  await d.getByRole('button', { name: 'Record' }).click()
  const progress = d.getByTestId('video-progress')
  await expect(progress).toBeVisible()
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(3)
  await d.getByRole('button', { name: 'Cancel' }).click()
  await expect(progress).toHaveCount(0)
  await expect(d.getByRole('button', { name: 'Record' })).toBeVisible()
  await page.waitForTimeout(500)
  expect(downloads).toBe(0)
  await d.getByRole('button', { name: 'Close' }).click()
  await expect(d).toHaveCount(0)
})

test('a range it cannot record is explained, and Record is off', async ({ page }) => {
  const d = await openVideoDialog(page, 20)
  await d.getByLabel('To (s)').fill('10')
  await expect(d.getByTestId('video-plan')).toHaveText('Cannot record this: To must come after From.')
  await expect(d.getByRole('button', { name: 'Record' })).toBeDisabled()
})

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' })
  test('without a WebCodecs encoder the dialog says so plainly', async ({ page }) => {
    await page.addInitScript(() => {
      delete (window as { VideoEncoder?: unknown }).VideoEncoder
    })
    const d = await openVideoDialog(page, 20)
    await expect(d.getByRole('alert')).toContainText('This browser cannot make a video')
    await expect(d.getByRole('button', { name: 'Record' })).toHaveCount(0)
    await page.screenshot({ path: `${SHOTS}/video-unsupported-dark.png` })
    await page.keyboard.press('Escape')
    await expect(d).toHaveCount(0)
  })
})
