import { useScenario } from '../../state/scenario'
import { formatClock } from '../../state/timeline'

/**
 * While a long simulation runs, how far it got (`simulating… 64%`, the simulated time in its title),
 * next to the summary; nothing once the worker has answered for the text on screen.
 */
export function SimulationProgress(): React.JSX.Element | null {
  // The reply clears it; one of an older text is stale once the text changed.
  const progress = useScenario((s) => (s.progress?.revision === s.revision ? s.progress : null))
  if (!progress) return null
  const { simulatedS, horizonS } = progress
  const done = Math.min(simulatedS, horizonS)
  return (
    <span
      className="simulation-progress"
      data-testid="simulation-progress"
      title={`Simulated ${formatClock(simulatedS)} of ${formatClock(horizonS)}`}
    >
      {' · '}simulating… {Math.floor((100 * done) / horizonS)}%
      <progress max={horizonS} value={done} aria-label="Simulation progress" />
    </span>
  )
}
