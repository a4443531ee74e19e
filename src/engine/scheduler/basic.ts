/**
 * The scheduler's entry points, kept here for the simulation loop (`sim/simulate.ts`). The scheduler
 * itself is `scheduler.ts` with its plugins under `plugins/`, listed in `registry.ts`.
 */
export { nodeChangeMatters, runScheduler, whyPending } from './scheduler'
export { fitErrorMessage } from './fit-error'
export { podRequests } from './pod-requests'
