/** A placeholder detector for tests that build a model from scratch (its threshold is arbitrary). */
import type { OutOfScopeDetector } from '../contract';

export const TEST_DETECTOR: OutOfScopeDetector = {
  score: 'top3-mass',
  threshold: 0.5,
  fit: { inScope: 'none', inScopeCount: 0, outliers: 'none', outlierCount: 0, target: 0, inScopeFlagged: 0, outliersFlagged: 0, auroc: 0.5 },
};
