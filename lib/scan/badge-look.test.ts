import { describe, expect, it } from 'vitest';
import type { Answer } from '../answer';
import { badgeLook } from './badge-look';

const answer = (verdict: Answer['verdict'], index = 7, confidence = 0.93): Answer => ({
  index,
  label: 'Sneaker',
  confidence,
  verdict,
  top3: [],
  inScopeScore: 1,
});

describe("a scan badge's look", () => {
  it('names the garment and its confidence for an answer', () => {
    expect(badgeLook({ answer: answer('answer') })).toEqual({ verdict: 'answer', classIndex: 7, text: 'Sneaker · 93%', label: 'Sneaker · 93%' });
  });

  it('asks for a picture it is not sure of', () => {
    const look = badgeLook({ answer: answer('unsure', 6, 0.4) });
    expect(look).toMatchObject({ verdict: 'unsure', classIndex: 6, text: 'Shirt ?' });
    expect(look.label).toBe('Not sure: Shirt?');
  });

  it('gives a banner or a logo a quiet mark, never a garment name', () => {
    const look = badgeLook({ answer: answer('out-of-scope', 0) });
    expect(look.verdict).toBe('out-of-scope');
    expect(look.text).toBe('∅');
    expect(look.label).not.toMatch(/T-shirt/);
  });

  it('marks a picture that could not be read', () => {
    expect(badgeLook({ error: 'The site did not send a picture at this address.' })).toMatchObject({ verdict: 'error', text: '!' });
  });
});
