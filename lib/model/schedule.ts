/**
 * One-cycle learning rate: a cosine warm-up from maxLr/startDiv to maxLr over the first `warmup`
 * fraction of steps, then a cosine decay to maxLr/endDiv. Fast convergence for a short training.
 */
export interface OneCycle {
  maxLr: number;
  warmup: number;
  startDiv: number;
  endDiv: number;
}

export function oneCycleLr(step: number, totalSteps: number, { maxLr, warmup, startDiv, endDiv }: OneCycle): number {
  const t = Math.min(1, Math.max(0, step / Math.max(1, totalSteps - 1)));
  const cos = (from: number, to: number, f: number) => to + ((from - to) * (1 + Math.cos(Math.PI * f))) / 2;
  if (t < warmup) return cos(maxLr / startDiv, maxLr, t / warmup);
  return cos(maxLr, maxLr / endDiv, (t - warmup) / (1 - warmup));
}

export const defaultOneCycle = (maxLr: number): OneCycle => ({ maxLr, warmup: 0.25, startDiv: 20, endDiv: 500 });
