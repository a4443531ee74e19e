import { expose } from 'comlink'
import { createAnalyzer } from './analyze'
import type { EngineWorkerApi } from './protocol'

const analyzer = createAnalyzer()
const api: EngineWorkerApi = { analyze: analyzer.analyze, viewAt: analyzer.viewAt, kubectl: analyzer.kubectl }
expose(api)
