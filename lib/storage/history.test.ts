import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerFrom, type Answer } from '../answer';
import { OUTLIER } from '../classes';
import { isScanEntry } from './db';
import { answersOf, answersToCsv, answersToJson, exportFileName } from './export';

/** The popup's files of these entries. */
const historyToJson = (entries: Parameters<typeof answersOf>[0]) => answersToJson(answersOf(entries));
const historyToCsv = (entries: Parameters<typeof answersOf>[0]) => answersToCsv(answersOf(entries));
import {
  addToHistory,
  addToScan,
  clearCorrections,
  clearHistory,
  correctEntry,
  deleteFromHistory,
  listCorrections,
  listHistory,
  restoreToHistory,
} from './history';

const probs = (entries: Record<number, number>, rest = 0) => Array.from({ length: 10 }, (_, i) => entries[i] ?? rest);

const entry = (time: number, index = 7, pageUrl = 'https://shop.example/p?a=1') => ({
  time,
  pageUrl,
  imageUrl: `https://cdn.example/${time}.jpg`,
  answer: answerFrom(probs({ [index]: 0.91 }, 0.01), { threshold: 0.5 }),
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

  it('restores deleted and cleared entries with their ids and corrections', async () => {
    const first = await addToHistory(entry(1));
    const second = await addToHistory(entry(2));
    await correctEntry(second.id!, 6);
    const before = await listHistory();
    await clearHistory();
    await restoreToHistory(before);
    expect(await listHistory()).toEqual(before);
    expect((await listHistory()).map((e) => [e.id, isScanEntry(e) ? 'scan' : e.correctedIndex])).toEqual([[second.id, 6], [first.id, undefined]]);
  });

  it('names export files by content and local date', () => {
    const day = new Date(2026, 10, 30, 23, 59);
    expect([
      exportFileName('json', day),
      exportFileName('csv', day, 'Ankle boot'),
      exportFileName('json', new Date(2027, 0, 2), 'T-shirt/top'),
      exportFileName('csv', day, 'Not one of the 10 kinds'),
    ]).toEqual([
      'garment-scout-history-2026-11-30.json',
      'garment-scout-history-ankle-boot-2026-11-30.csv',
      'garment-scout-history-t-shirt-top-2027-01-02.json',
      'garment-scout-history-not-one-of-the-10-kinds-2026-11-30.csv',
    ]);
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
    expect(csv[0]).toBe('time,pageUrl,imageUrl,label,confidence,unsure,verdict,inScopeScore,second,third,modelVersion,correctedLabel');
    expect(csv[1]).toBe(
      '2026-01-02T00:00:00.000Z,"https://shop.example/""quoted"",page",https://cdn.example/1767312000000.jpg,Sneaker,0.91,false,answer,0.93,T-shirt/top,Trouser,bundled-test,Ankle boot',
    );
  });

  const torn = probs({ 0: 0.45, 6: 0.4, 2: 0.15 });
  // An entry stored before verdicts existed: `unsure` and no verdict or score.
  const { verdict: _, inScopeScore: __, ...old } = answerFrom(torn, { threshold: 0.5 });
  it.each([
    { answer: answerFrom(probs({ 7: 0.91 }, 0.01), { threshold: 0.5 }), verdict: 'answer', unsure: false, inScopeScore: 0.93 },
    { answer: answerFrom(torn, { threshold: 0.5 }), verdict: 'unsure', unsure: true, inScopeScore: 1 },
    { answer: answerFrom(probs({ 8: 0.37 }, 0.07), { threshold: 0.8 }), verdict: 'out-of-scope', unsure: false, inScopeScore: 0.51 },
    { answer: { ...old, unsure: true } as unknown as Answer, verdict: 'unsure', unsure: true, inScopeScore: null },
    { answer: { ...old, unsure: false } as unknown as Answer, verdict: 'answer', unsure: false, inScopeScore: null },
  ])('exports the verdict $verdict with the score $inScopeScore', async ({ answer, ...expected }) => {
    const entries = [await addToHistory({ ...entry(1), answer })];
    expect(JSON.parse(historyToJson(entries))[0]).toMatchObject({ label: answer.label, ...expected });
    const [header, row] = historyToCsv(entries).split('\r\n').map((line) => line.split(','));
    const cell = (column: string) => row[header.indexOf(column)];
    expect([cell('label'), cell('unsure'), cell('verdict'), cell('inScopeScore')]).toEqual([
      answer.label,
      String(expected.unsure),
      expected.verdict,
      String(expected.inScopeScore ?? ''),
    ]);
  });

  it('exports a "None of these" correction', async () => {
    const a = await addToHistory(entry(1));
    await correctEntry(a.id!, OUTLIER);
    const entries = await listHistory();
    expect(entries[0]).toMatchObject({ correctedIndex: OUTLIER });
    expect(JSON.parse(historyToJson(entries))[0].correctedLabel).toBe('None of these');
    expect(historyToCsv(entries).split('\r\n')[1]).toMatch(/,None of these$/);
  });
});

describe('a page scan in the history', () => {
  const scan = { scanId: 'scan-1', pageUrl: 'https://shop.example/catalogue', time: 10, thumbnail: 'data:image/jpeg;base64,first' };
  const picture = (i: number, index = 7) => ({
    imageUrl: `https://cdn.example/${i}.jpg`,
    answer: answerFrom(probs({ [index]: 0.91 }, 0.01), { threshold: 0.5 }),
    modelVersion: 'bundled-test',
  });

  it('is one entry for its page however many answers come, together, at once or not', async () => {
    await addToHistory(entry(1));
    await addToScan(scan, [picture(0), picture(1)]);
    await Promise.all(Array.from({ length: 58 }, (_, i) => addToScan({ ...scan, time: 99, thumbnail: '' }, [picture(i + 2)])));
    const [newest, single] = await listHistory();
    expect(single.time).toBe(1);
    expect(newest).toMatchObject({ kind: 'scan', scanId: 'scan-1', pageUrl: scan.pageUrl, time: 10, thumbnail: scan.thumbnail });
    expect((newest as { pictures: { imageUrl: string }[] }).pictures.map((p) => p.imageUrl).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `https://cdn.example/${i}.jpg`).sort());
    expect(await listHistory()).toHaveLength(2);
  });

  it('keeps another scan, or the same id on another page, apart', async () => {
    await addToScan(scan, [picture(1)]);
    await addToScan({ ...scan, scanId: 'scan-2' }, [picture(2)]);
    await addToScan({ ...scan, pageUrl: 'https://other.example/' }, [picture(3)]);
    expect(await listHistory()).toHaveLength(3);
  });

  it('exports one row per picture with the scan\'s time and page, and takes no correction', async () => {
    await addToScan(scan, [picture(1, 7), picture(2, 0)]);
    const entries = await listHistory();
    const rows = JSON.parse(historyToJson(entries));
    expect(rows.map((r: { imageUrl: string; label: string; pageUrl: string }) => [r.imageUrl, r.label, r.pageUrl])).toEqual([
      ['https://cdn.example/1.jpg', 'Sneaker', scan.pageUrl],
      ['https://cdn.example/2.jpg', 'T-shirt/top', scan.pageUrl],
    ]);
    expect(historyToCsv(entries).split('\r\n')).toHaveLength(4);
    await expect(correctEntry(entries[0].id!, 3)).rejects.toThrow('no longer exists');
    expect(await listCorrections()).toEqual([]);
  });
});
