import { formatConfidence, type Answer } from '../lib/answer';

/** Label and confidence, or "Not sure", with the top 3 guesses. */
export function AnswerView({ answer, modelVersion }: { answer: Answer; modelVersion: string }) {
  return (
    <div class="answer" data-testid="answer">
      <p class="answer-title">
        {answer.unsure ? 'Not sure' : `${answer.label} · ${formatConfidence(answer.confidence)}`}
      </p>
      <ol class="answer-top3" aria-label={answer.unsure ? 'Best guesses' : 'Top 3'}>
        {answer.top3.map((guess) => (
          <li key={guess.index}>
            {guess.label} {formatConfidence(guess.confidence)}
          </li>
        ))}
      </ol>
      <p class="muted" data-testid="model-version">Model {modelVersion}</p>
    </div>
  );
}
