/**
 * The out-of-scope detector: a model trained with outlier exposure (Hendrycks et al. 2019) spreads its
 * probability over all 10 kinds for a picture of none of them, and keeps it on one to three kinds for
 * a garment, even one it is unsure about. The in-scope score is that mass on the three likeliest
 * kinds, and one threshold applies to it. The threshold lives in the model's metadata, is checked
 * when the model loads, and is fitted again whenever the model is (training, fine-tuning), on
 * Fashion-MNIST validation images and drawn outliers: never on photos. What the metadata holds, and the
 * check on load, are part of the model's contract (lib/model/contract.ts).
 */
import type { OutOfScopeDetector } from '../model/contract';
import { auroc, flaggedShare, quantile } from './metrics';

/** The in-scope score of one image: the sum of its three largest class probabilities, 0.3 to 1. */
export function inScopeScore(probabilities: ArrayLike<number>): number {
  let [a, b, c] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (p > a) [a, b, c] = [p, a, b];
    else if (p > b) [b, c] = [p, b];
    else if (p > c) c = p;
  }
  return a + b + c;
}

/** In-scope scores of rows of `width` probabilities each. */
export function inScopeScores(probabilities: Float32Array, width: number): Float32Array {
  const out = new Float32Array(probabilities.length / width);
  for (let i = 0; i < out.length; i++) out[i] = inScopeScore(probabilities.subarray(i * width, (i + 1) * width));
  return out;
}

/**
 * The share of in-scope images the threshold calls out of scope. It applies to validation images
 * augmented as photos (fit-model-detector.ts): a photo of a garment scores lower than a clean scan,
 * so a threshold fitted on scans alone would turn away far more than this share of real garments.
 */
export const IN_SCOPE_FLAGGED = 0.05;

export function fitDetector(
  inScope: { scores: Float32Array; description: string },
  outliers: { scores: Float32Array; description: string },
  target = IN_SCOPE_FLAGGED,
): OutOfScopeDetector {
  const threshold = quantile(inScope.scores, target);
  return {
    score: 'top3-mass',
    threshold,
    fit: {
      inScope: inScope.description,
      inScopeCount: inScope.scores.length,
      outliers: outliers.description,
      outlierCount: outliers.scores.length,
      target,
      inScopeFlagged: flaggedShare(inScope.scores, threshold),
      outliersFlagged: flaggedShare(outliers.scores, threshold),
      auroc: auroc(inScope.scores, outliers.scores),
    },
  };
}
