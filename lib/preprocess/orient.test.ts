import { describe, expect, it } from 'vitest';
import { preprocess } from './index';
import { shoe } from './testing/pictures';
import type { ShoeKind } from './testing/pictures';

/** The sums of the 28x28 values over its left and right halves. */
function halves(input: Float32Array): { left: number; right: number } {
  let left = 0;
  let right = 0;
  for (let p = 0; p < input.length; p++) {
    if (p % 28 < 14) left += input[p];
    else right += input[p];
  }
  return { left, right };
}

function prepared(kind: ShoeKind, toe: 'left' | 'right'): Float32Array {
  const res = preprocess(shoe(kind, toe));
  if (!res.ok) throw new Error(`${kind}, toe ${toe}: ${res.message}`);
  return res.input;
}

describe('orientation: shoes come out toe-left, heel right', () => {
  // Each fooled the rule that turned only wide shoes whose heel end was clearly the taller.
  const kinds: ShoeKind[] = ['low-top sneaker', 'flat sandal', 'sneaker from three quarters'];
  it.each(kinds)('%s, shot toe-left or toe-right', (kind) => {
    for (const toe of ['left', 'right'] as const) {
      // The black heel is the bright end.
      const { left, right } = halves(prepared(kind, toe));
      expect(right, `toe ${toe}`).toBeGreaterThan(1.2 * left);
    }
    // The same shoe either way round: the same input.
    const a = prepared(kind, 'left');
    const b = prepared(kind, 'right');
    const diff = a.reduce((s, v, p) => s + Math.abs(v - b[p]), 0) / a.length;
    expect(diff).toBeLessThan(0.03);
  });
});
