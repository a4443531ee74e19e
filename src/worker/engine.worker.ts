import { expose } from 'comlink'
import { createAnalyzer } from './analyze'
import type { EngineWorkerApi } from './protocol'

const analyzer = createAnalyzer()
const api: EngineWorkerApi = analyzer
expose(api)
