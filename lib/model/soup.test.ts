import { describe, expect, it } from 'vitest';
import { averageWeights, commonStart } from './soup';

const f = (...v: number[]) => Float32Array.from(v);

describe('averageWeights', () => {
  it('takes the element-wise mean of every tensor', () => {
    const mean = averageWeights([
      [f(1, 2, 3), f(10)],
      [f(3, 2, 1), f(20)],
      [f(2, 5, -1), f(-3)],
    ]);
    expect(mean.map((t) => Array.from(t))).toEqual([[2, 3, 1], [9]]);
  });

  it('returns a copy of a single model', () => {
    const w = [f(1, 2)];
    const mean = averageWeights([w]);
    expect(Array.from(mean[0])).toEqual([1, 2]);
    expect(mean[0]).not.toBe(w[0]);
  });

  it('refuses models of other shapes, naming the tensor', () => {
    expect(() => averageWeights([[f(1, 2)], [f(1, 2), f(3)]])).toThrow('model 2 has 2 weight tensors, model 1 has 1');
    expect(() => averageWeights([[f(1, 2), f(3)], [f(1, 2), f(3, 4)]])).toThrow('weight tensor 2 of model 2 has 2 values');
    expect(() => averageWeights([])).toThrow('at least one model');
  });
});

describe('commonStart', () => {
  it('names the model every run continued from', () => {
    expect(commonStart([{ version: 'a', continuedFrom: 's' }, { version: 'b', continuedFrom: 's' }])).toBe('s');
  });

  it('refuses runs from different starts or from scratch', () => {
    expect(() => commonStart([{ version: 'a', continuedFrom: 's' }, { version: 'b', continuedFrom: 't' }])).toThrow(
      'b was fine-tuned from t, not from s',
    );
    expect(() => commonStart([{ version: 'a' }])).toThrow('a was not fine-tuned from another model');
  });
});
