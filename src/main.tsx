import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { startSession } from './state/session'
import { startScenarioSync } from './state/sync'
import { App } from './ui/app/App'
import { startTheme } from './ui/app/theme'
import defaultScenario from './ui/default-scenario.yaml?raw'
import './ui/styles.css'

startTheme()
startSession(defaultScenario)
startScenarioSync()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
