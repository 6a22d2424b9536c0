import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerFrom } from '../answer';
import { historyToCsv, historyToJson } from './export';
import {
  addToHistory,
  clearCorrections,
  clearHistory,
  correctEntry,
  deleteFromHistory,
  listCorrections,
  listHistory,
} from './history';

const entry = (time: number, index = 7, pageUrl = 'https://shop.example/p?a=1') => ({
  time,
  pageUrl,
  imageUrl: `https://cdn.example/${time}.jpg`,
  answer: answerFrom(Array.from({ length: 10 }, (_, i) => (i === index ? 0.91 : 0.01))),
  modelVersion: 'bundled-test',
  thumbnail: 'data:image/jpeg;base64,',
  seen: new Uint8Array(784),
});

beforeEach(() => clearHistory());

describe('history', () => {
  it('lists newest first and drops the oldest beyond the cap', async () => {
    for (let t = 1; t <= 5; t++) await addToHistory(entry(t), 3);
    expect((await listHistory()).map((e) => e.time)).toEqual([5, 4, 3]);
  });

  it('deletes one entry', async () => {
    const kept = await addToHistory(entry(1));
    const gone = await addToHistory(entry(2));
    await deleteFromHistory(gone.id!);
    expect((await listHistory()).map((e) => e.id)).toEqual([kept.id]);
  });

  it('keeps corrections until they are cleared, and keeps the 28x28 bytes', async () => {
    const a = await addToHistory({ ...entry(1), seen: new Uint8Array(784).fill(9) });
    await addToHistory(entry(2));
    await correctEntry(a.id!, 4);
    const corrections = await listCorrections();
    expect(corrections.map((e) => [e.id, e.correctedIndex])).toEqual([[a.id, 4]]);
    expect(corrections[0].seen[100]).toBe(9);
    await clearCorrections();
    expect(await listCorrections()).toEqual([]);
    expect(await listHistory()).toHaveLength(2);
  });

  it('refuses to correct an entry that is gone', async () => {
    await expect(correctEntry(12345, 1)).rejects.toThrow(/no longer exists/);
  });
});

describe('export', () => {
  it('writes JSON and CSV with quoting and the correction', async () => {
    const a = await addToHistory(entry(Date.UTC(2026, 0, 2), 7, 'https://shop.example/"quoted",page'));
    await correctEntry(a.id!, 9);
    const entries = await listHistory();
    const json = JSON.parse(historyToJson(entries));
    expect(json[0]).toMatchObject({ label: 'Sneaker', confidence: 0.91, correctedLabel: 'Ankle boot', time: '2026-01-02T00:00:00.000Z' });
    const csv = historyToCsv(entries).split('\r\n');
    expect(csv[0]).toBe('time,pageUrl,imageUrl,label,confidence,unsure,second,third,modelVersion,correctedLabel');
    expect(csv[1]).toBe(
      '2026-01-02T00:00:00.000Z,"https://shop.example/""quoted"",page",https://cdn.example/1767312000000.jpg,Sneaker,0.91,false,T-shirt/top,Trouser,bundled-test,Ankle boot',
    );
  });
});
