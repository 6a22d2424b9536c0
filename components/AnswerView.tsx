import { formatConfidence, headline, OUT_OF_SCOPE_EXPLANATION, verdictOf, type Answer } from '../lib/answer';

/**
 * The headline with the top 3 guesses; for a picture of none of the 10 kinds, the explanation and only
 * the closest guess, played down, so it does not read as an answer.
 */
export function AnswerView({ answer, modelVersion }: { answer: Answer; modelVersion: string }) {
  // The answer may come from the history, stored by a version that had no verdict.
  const verdict = verdictOf(answer);
  return (
    <div class="answer" data-testid="answer" data-verdict={verdict}>
      <p class="answer-title">{headline({ ...answer, verdict })}</p>
      {verdict === 'out-of-scope' ? (
        <>
          <p class="answer-explanation">{OUT_OF_SCOPE_EXPLANATION}</p>
          <p class="muted">
            Closest: {answer.label} {formatConfidence(answer.confidence)}
          </p>
        </>
      ) : (
        <ol class="answer-top3" aria-label={verdict === 'unsure' ? 'Best guesses' : 'Top 3'}>
          {answer.top3.map((guess) => (
            <li key={guess.index}>
              {guess.label} {formatConfidence(guess.confidence)}
            </li>
          ))}
        </ol>
      )}
      <p class="muted" data-testid="model-version">Model {modelVersion}</p>
    </div>
  );
}
