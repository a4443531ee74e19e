import { expose } from 'comlink'
import { createAnalyzer } from './analyze'
import type { EngineWorkerApi } from './protocol'
import { stallingIfAsked } from './stall'

const analyzer = createAnalyzer()
const api: EngineWorkerApi = stallingIfAsked(self.name, analyzer)
expose(api)
