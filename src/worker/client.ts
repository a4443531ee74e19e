import { wrap, type Remote } from 'comlink'
import type { EngineWorkerApi } from './protocol'

let remote: Remote<EngineWorkerApi> | null = null

/** The page's handle on the engine worker, started on first use. */
export function engineWorker(): Remote<EngineWorkerApi> {
  remote ??= wrap<EngineWorkerApi>(
    new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }),
  )
  return remote
}
