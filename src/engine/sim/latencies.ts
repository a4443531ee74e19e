/**
 * Every latency the model invents, in one place (DESIGN §2.2). Values from the Kubernetes source are
 * cited; the others are plausible figures for a small, healthy cluster and say so.
 */

/** Where object timestamps start: t = 0 of the simulation (DESIGN §3). */
export const DEFAULT_EPOCH_MS = 1_767_225_600_000 // 2026-01-01T00:00:00Z
/** Nodes and system namespaces exist before the scenario is applied. Model choice. */
export const CLUSTER_AGE_MS = 60 * 60 * 1000

/** From a pod's creation to the scheduler's bind. Model choice (kube-scheduler binds in milliseconds). */
export const SCHEDULE_LATENCY_MS = 20
/** From the bind to the kubelet's first sync of the pod (watch delivery). Model choice. */
export const KUBELET_SYNC_LATENCY_MS = 50
/** Creating the pod sandbox and its network (PodReadyToStartContainers). Model choice. */
export const SANDBOX_MS = 900
/** Creating a container once its image is present (`Created`), then starting it (`Started`). Model choice. */
export const CREATE_CONTAINER_MS = 60
export const START_CONTAINER_MS = 40
/** PLEG relist period: how soon the kubelet notices a container exit (reference B3, ~1 s). */
export const PLEG_MS = 1000
/** Readiness manual trigger: the first status sync after the container is seen running (reference A3). */
export const STATUS_SYNC_MS = 1000
/** Status manager push latency to the API server (reference A6: well under 1 s). Model choice. */
export const STATUS_PUSH_MS = 0
/** Crash-loop back-off (reference B2): initial, max, and the run length that resets it. */
export const BACKOFF_INITIAL_MS = 10_000
export const BACKOFF_MAX_MS = 300_000
export const BACKOFF_RESET_MS = 600_000
/** Image pull back-off (reference B5). */
export const IMAGE_BACKOFF_INITIAL_MS = 10_000
export const IMAGE_BACKOFF_MAX_MS = 300_000
/** The kill grace period is never below this (reference A8 `minimumGracePeriodInSeconds`). */
export const MIN_GRACE_MS = 2000
/** A default image pull when neither the catalog nor the behavior annotation says. Model choice. */
export const DEFAULT_PULL_MS = 2500
/** How long the registry takes to answer for an image already present with policy Always. Model choice. */
export const REPULL_CHECK_MS = 400
/** A default process starts listening this long after it starts (DESIGN §2.3 layer 4). Model choice. */
export const DEFAULT_LISTEN_MS = 500
/** Keyframe spacing of the timeline (DESIGN §2.5). */
export const KEYFRAME_EVERY_MS = 30_000
/** …and at least this often in tasks, which bounds the work of rebuilding any moment. */
export const KEYFRAME_EVERY_TASKS = 2000
