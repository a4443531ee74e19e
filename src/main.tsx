// First: the engine worker starts loading while the rest of the page's code is evaluated.
import './worker/boot'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { startSession } from './state/session'
import { startScenarioSync } from './state/sync'
import { App } from './ui/app/App'
import { startTheme } from './ui/app/theme'
import { engineWorker } from './worker/client'
import defaultScenario from './ui/default-scenario.yaml?raw'
import './ui/styles.css'

startTheme()
// For checks from outside the page (the e2e determinism test, a curious reader in the devtools): the
// fingerprint of the simulated event log, to compare with `logDigest` of a Node run of the same text.
Object.defineProperty(window, 'kubeplay', {
  value: Object.freeze({ logDigest: () => engineWorker().logDigest() }),
})
startSession(defaultScenario)
startScenarioSync()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
