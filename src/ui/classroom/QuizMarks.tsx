import { useScenario } from '../../state/scenario'
import { formatClock } from '../../state/timeline'

/** A "?" over the scrubber where a question of the scenario's quiz will be asked. */
export function QuizMarks({ horizonS }: { horizonS: number }): React.JSX.Element | null {
  const quiz = useScenario((s) => s.quiz)
  if (quiz.length === 0 || horizonS <= 0) return null
  return (
    <div className="quiz-marks" aria-hidden="true">
      {quiz
        .filter((q) => q.atMs / 1000 <= horizonS)
        .map((q) => (
          <span
            key={`${q.atMs}/${q.question}`}
            className="quiz-mark"
            data-testid="quiz-mark"
            style={{ left: `${(q.atMs / 1000 / horizonS) * 100}%` }}
            title={`t = ${formatClock(q.atMs / 1000)} · a question: ${q.question}`}
          >
            ?
          </span>
        ))}
    </div>
  )
}
