import { engineClient } from './client'

/**
 * Starts the engine worker as the page's first act, before the rest of the page's code is evaluated:
 * fetching and compiling the worker's code then overlaps with the page's, and the first text is
 * simulated sooner. Imported first by main.tsx.
 */
engineClient()
