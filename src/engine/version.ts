/**
 * The Kubernetes release whose kubelet, scheduler, controllers and kubectl kubeplay models. Moving to a
 * newer release is one deliberate change, never drift.
 */
export const KUBERNETES_VERSION = 'v1.35'

/**
 * Bumped whenever the same scenario could produce a different event log; share links record it so an
 * old link can warn that behaviour may differ.
 */
export const ENGINE_VERSION = 3
