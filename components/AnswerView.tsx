import { guessText, headline, outOfScopeExplanation, verdictOf, type Answer } from '../lib/answer';
import { t } from '../lib/i18n';

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
          <p class="answer-explanation">{outOfScopeExplanation()}</p>
          <p class="muted">{t('answerClosest', { guess: guessText(answer) })}</p>
        </>
      ) : (
        <ol class="answer-top3" aria-label={verdict === 'unsure' ? t('answerBestGuesses') : t('answerTop3')}>
          {answer.top3.map((guess) => (
            <li key={guess.index}>{guessText(guess)}</li>
          ))}
        </ol>
      )}
      <p class="muted" data-testid="model-version">
        {t('answerModel', { version: modelVersion })}
      </p>
    </div>
  );
}
