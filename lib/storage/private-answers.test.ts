import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { answerFrom } from '../answer';
import { PIXELS } from '../classes';
import {
  forgetPrivateAnswer,
  forgetPrivateAnswers,
  isPrivateAnswer,
  keepPrivateAnswer,
  keepPrivateScanAnswers,
  listPrivateAnswers,
  PRIVATE_ANSWER_LIMIT,
} from './private-answers';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const entry = (time: number) => ({
  time,
  pageUrl: 'https://shop.example/p',
  imageUrl: `https://cdn.example/${time}.jpg`,
  answer: answerFrom(Array.from({ length: 10 }, (_, i) => (i === 9 ? 0.91 : 0.01)), { threshold: 0.5 }),
  modelVersion: 'bundled-test',
  thumbnail: 'data:image/jpeg;base64,',
  seen: Uint8Array.from({ length: PIXELS }, (_, i) => (i * 7) % 256),
});

beforeEach(() => fakeBrowser.reset());

describe('private answers', () => {
  it('keeps answers in session storage only, newest first, with negative ids and the picture intact', async () => {
    await keepPrivateAnswer(entry(1));
    await keepPrivateAnswer(entry(2));
    const listed = await listPrivateAnswers();
    expect(listed.map((e) => e.time)).toEqual([2, 1]);
    expect(listed.every(isPrivateAnswer)).toBe(true);
    expect(new Set(listed.map((e) => e.id)).size).toBe(2);
    expect(listed[0]).toMatchObject({ seen: entry(2).seen });
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('keeps every answer when several arrive at once, and only the newest beyond the cap', async () => {
    await Promise.all(Array.from({ length: PRIVATE_ANSWER_LIMIT + 5 }, (_, t) => keepPrivateAnswer(entry(t + 1))));
    const times = (await listPrivateAnswers()).map((e) => e.time);
    expect(times).toHaveLength(PRIVATE_ANSWER_LIMIT);
    expect(times[0]).toBe(PRIVATE_ANSWER_LIMIT + 5);
    expect(times.at(-1)).toBe(6);
  });

  it('forgets one answer, then all of them', async () => {
    await keepPrivateAnswer(entry(1));
    await keepPrivateAnswer(entry(2));
    const [newest, oldest] = await listPrivateAnswers();
    await forgetPrivateAnswer(newest.id!);
    expect((await listPrivateAnswers()).map((e) => e.id)).toEqual([oldest.id]);
    // A deleted answer's id is not given again: a popup still showing it cannot delete its successor.
    await keepPrivateAnswer(entry(3));
    expect((await listPrivateAnswers())[0].id).toBeLessThan(newest.id!);
    await forgetPrivateAnswers();
    expect(await listPrivateAnswers()).toEqual([]);
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it("keeps a private window's page scan as one entry, whatever the order of its answers", async () => {
    const scan = { scanId: 's', pageUrl: 'https://shop.example/c', time: 5, thumbnail: 'data:image/jpeg;base64,' };
    const picture = (i: number) => ({ imageUrl: `https://cdn.example/${i}.jpg`, answer: entry(i).answer, modelVersion: 'bundled-test' });
    await Promise.all([keepPrivateScanAnswers(scan, [picture(1), picture(2)]), keepPrivateAnswer(entry(1)), keepPrivateScanAnswers(scan, [picture(3)])]);
    const listed = await listPrivateAnswers();
    expect(listed.map((e) => ('pictures' in e ? ['scan', e.pictures.length] : ['answer', e.time]))).toEqual([['scan', 3], ['answer', 1]]);
    expect(listed.every(isPrivateAnswer)).toBe(true);
  });
});
