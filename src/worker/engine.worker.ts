import { expose } from 'comlink'
import { analyze } from './analyze'
import type { EngineWorkerApi } from './protocol'

const api: EngineWorkerApi = { analyze }
expose(api)
