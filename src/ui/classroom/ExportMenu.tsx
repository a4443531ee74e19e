import { lazy, Suspense, useRef, useState } from 'react'
import { useScenario } from '../../state/scenario'
import { download, frameSvg, pagePalette, svgToPng } from './frameSvg'

const VideoExportDialog = lazy(() => import('./VideoExport').then((m) => ({ default: m.VideoExportDialog })))

/**
 * "Export": the frame on screen as an SVG or a PNG picture, drawn from the cluster the graph shows, or
 * a time range as a WebM video.
 */
export function ExportMenu(): React.JSX.Element {
  const menu = useRef<HTMLDetailsElement>(null)
  const [video, setVideo] = useState(false)
  const exportAs = async (format: 'svg' | 'png'): Promise<void> => {
    menu.current?.removeAttribute('open')
    const view = useScenario.getState().view
    if (view === null) return
    const svg = frameSvg(view, pagePalette())
    const name = `kubeplay-t${Math.floor((view.t ?? 0) / 1000)}s.${format}`
    if (format === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), name)
    else download(await svgToPng(svg), name)
  }
  return (
    <>
      <details className="export-menu" ref={menu}>
        <summary>Export</summary>
        <div className="export-items" role="menu" aria-label="Export the frame">
          <button type="button" role="menuitem" onClick={() => void exportAs('svg')}>
            Frame as SVG
          </button>
          <button type="button" role="menuitem" onClick={() => void exportAs('png')}>
            Frame as PNG
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              menu.current?.removeAttribute('open')
              setVideo(true)
            }}
          >
            Video (WebM)…
          </button>
        </div>
      </details>
      {/* Outside the menu: a closed <details> does not render what it holds. */}
      {video ? (
        <Suspense fallback={null}>
          <VideoExportDialog onClose={() => setVideo(false)} />
        </Suspense>
      ) : null}
    </>
  )
}
