import type { Container, Pod } from 'kubernetes-types/core/v1'
import type { ProbeOutcome, ProcessRun } from '../container/process'
import type { Probe } from 'kubernetes-types/core/v1'
import type { ProbeType } from '../sim/state'
import type { PodRuntime } from './runtime'

/**
 * What the kubelet asks of the fake containers (DESIGN §2.3): how an image pull goes, how a run
 * behaves, and how the process answers SIGTERM. The layers (behavior annotation, shell, image catalog,
 * default) live behind this interface.
 */
export interface ContainerModel {
  /** The pull of the container's image for run `run`: its duration, the image size, or an error text. */
  pull(
    pod: Pod,
    container: Container,
    run: number,
    present: boolean,
  ): { ms: number; sizeBytes: number; fail?: string }
  /** Starts run `run` (0-based) of the container at `now`. */
  start(pod: Pod, container: Container, run: number, now: number, rt: PodRuntime): ProcessRun
  /** How the process answers SIGTERM sent at `at`: it exits after `afterMs` with `code`, or null (ignored). */
  onSigterm(process: ProcessRun, at: number): { afterMs: number; code: number } | null
  /**
   * The process at `now`: it exits (with the code and the terminated reason), or it goes on and wants to
   * be woken again at `wakeAt` (null: nothing more happens on its own). Called at start and at each wake.
   */
  wake(
    process: ProcessRun,
    now: number,
    rt: PodRuntime,
  ): { wakeAt: number | null; exit: { code: number; reason: string } | null; output?: readonly string[] }
  /**
   * Until when (absolute ms) the probe keeps the answer it has at `now` if nothing outside the process
   * changes (see `steadyUntil`); `now` when that cannot be known.
   */
  steadyUntil(process: ProcessRun, type: ProbeType, probe: Probe, now: number): number
  /** Runs one probe against the process at `now` (ports already resolved to numbers). */
  probe(
    process: ProcessRun,
    type: ProbeType,
    probe: Probe,
    podIP: string,
    now: number,
    rt: PodRuntime,
  ): ProbeOutcome
}
